package txt

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/govreports/govreports/corpus/golden"
)

// TestConformance reads every testdata/*.txt and compares the dump of the
// document with testdata/*.golden (see testdata/README.md for what each
// fixture exercises).
func TestConformance(t *testing.T) {
	inputs, err := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no fixtures in testdata: %v", err)
	}
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".txt")
		t.Run(name, func(t *testing.T) {
			doc, err := Read(in)
			if err != nil {
				t.Fatal(err)
			}
			golden.Check(t, strings.TrimSuffix(in, ".txt")+".golden", []byte(dump(doc)))
		})
	}
}
