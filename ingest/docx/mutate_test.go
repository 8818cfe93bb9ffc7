package docx

import (
	"archive/zip"
	"bytes"
	"errors"
	"math/rand"
	"testing"
)

// TestMutatedFixtures reads damaged copies of the fixtures (random bytes
// changed in the zip, or the XML of members cut, duplicated and garbled)
// and fails on any panic, which read would otherwise turn into an error.
func TestMutatedFixtures(t *testing.T) {
	var seeds [][]byte
	for _, fx := range fixtures(t) {
		d, _ := fx.doc.Bytes()
		seeds = append(seeds, d)
	}
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 1500; i++ {
		s := seeds[rng.Intn(len(seeds))]
		d := append([]byte(nil), s...)
		// Damage either the zip bytes or the XML inside its members.
		if rng.Intn(2) == 0 {
			for k := 0; k < 1+rng.Intn(5); k++ {
				d[rng.Intn(len(d))] = byte(rng.Intn(256))
			}
		} else {
			zr, _ := zip.NewReader(bytes.NewReader(s), int64(len(s)))
			var buf bytes.Buffer
			zw := zip.NewWriter(&buf)
			for _, f := range zr.File {
				rc, _ := f.Open()
				var b bytes.Buffer
				b.ReadFrom(rc)
				x := b.Bytes()
				if len(x) > 0 && rng.Intn(3) == 0 {
					for k := 0; k < 1+rng.Intn(4); k++ {
						if len(x) == 0 {
							break
						}
						p := rng.Intn(len(x))
						switch rng.Intn(3) {
						case 0:
							x[p] = "<>/\"=w:pt"[rng.Intn(9)]
						case 1:
							x = x[:p]
						case 2:
							q := rng.Intn(len(x))
							if q > p {
								x = append(x[:p:p], append(append([]byte(nil), x[p:q]...), x[p:]...)...)
							}
						}
					}
				}
				w, _ := zw.Create(f.Name)
				w.Write(x)
			}
			zw.Close()
			d = buf.Bytes()
		}
		_, err := ReadBytes("m.docx", d)
		if errors.Is(err, errPanic) {
			t.Fatalf("input %d: %v", i, err)
		}
	}
}
