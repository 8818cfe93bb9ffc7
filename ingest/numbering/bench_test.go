package numbering

import (
	"os"
	"path/filepath"
	"testing"
)

// sampleSteps is the heading sequence of one report of the sample.
var sampleSteps = []struct {
	num  string
	ilvl int
}{{"10", 0}, {"10", 1}, {"10", 1}, {"10", 2}, {"10", 2}, {"10", 0}, {"10", 0}, {"10", 0}, {"10", 0}}

func sampleDefs(tb testing.TB) (*Definitions, []byte) {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "cases", "chinese-reports", "numbering.xml"))
	if err != nil {
		tb.Fatal(err)
	}
	defs, err := Parse(data)
	if err != nil {
		tb.Fatal(err)
	}
	return defs, data
}

// Next is called for every numbered paragraph of the corpus: once a
// marker has been seen it must not allocate.
func TestNextAllocations(t *testing.T) {
	defs, _ := sampleDefs(t)
	c := defs.NewCounter()
	i := 0
	allocs := testing.AllocsPerRun(1000, func() {
		s := sampleSteps[i%len(sampleSteps)]
		c.Next(s.num, s.ilvl)
		i++
	})
	if allocs > 0 {
		t.Errorf("Next allocates %.1f times per call, want 0", allocs)
	}
}

func BenchmarkNext(b *testing.B) {
	defs, _ := sampleDefs(b)
	c := defs.NewCounter()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		s := sampleSteps[i%len(sampleSteps)]
		c.Next(s.num, s.ilvl)
	}
}

func BenchmarkParse(b *testing.B) {
	_, data := sampleDefs(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(data); err != nil {
			b.Fatal(err)
		}
	}
}
