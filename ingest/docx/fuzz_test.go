package docx

import (
	"bytes"
	"errors"
	"os"
	"testing"

	"github.com/govreports/govreports/ingest/model"
)

// FuzzReadBytes checks that no input makes the reader panic; the seeds are
// the generated fixtures, so plain go test runs them too.
//
// Run it with -fuzzminimizetime 0x: the fuzzer's minimisation of each new
// input (zips of several kB) stalls the workers for minutes, while the
// fuzzing itself runs ~10,000 inputs a second (710,000 clean in a minute).
func FuzzReadBytes(f *testing.F) {
	for _, fx := range fixtures(&testing.T{}) {
		data, err := fx.doc.Bytes()
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := ReadBytes("fuzz.docx", data)
		if errors.Is(err, errPanic) {
			t.Fatal(err)
		}
		if err == nil && doc == nil {
			t.Fatal("no document and no error")
		}
	})
}

// TestLibraryAndZipAgree checks that the main part read through
// github.com/nguyenthenguyen/docx is the part read from the zip directly.
func TestLibraryAndZipAgree(t *testing.T) {
	for _, path := range sampleDocx(t) {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		ra, size := bytesReader(data)
		p, err := openPackage(ra, size, model.NewBudget("fuzz", model.DefaultLimits()))
		if err != nil {
			t.Fatal(err)
		}
		viaLib, err := p.mainXML(ra, size, "word/document.xml")
		if err != nil {
			t.Fatal(err)
		}
		direct, ok, err := p.readPart("word/document.xml")
		if err != nil || !ok {
			t.Fatal(ok, err)
		}
		if !bytes.Equal(viaLib, direct) {
			t.Errorf("%s: the library's main part differs from the zip member", path)
		}
	}
}
