package numbering

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/govreports/govreports/corpus"
)

var update = flag.Bool("update", false, "rewrite testdata/pandoc-markers.golden")

// TestPandocGolden records the marker of every numbered paragraph of the
// pandoc corpus, so that any change in counting shows up as a diff to
// review. Regenerate with: go test ./ingest/numbering -run Golden -update
func TestPandocGolden(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(corpus.SharedDir(t), "corpus", "external", "pandoc-docx", "*.docx"))
	var out bytes.Buffer
	for _, path := range files {
		_, paras := markDocument(t, path)
		if len(paras) == 0 {
			continue
		}
		fmt.Fprintf(&out, "== %s\n", filepath.Base(path))
		for _, p := range paras {
			fmt.Fprintln(&out, p)
		}
	}
	golden := filepath.Join("testdata", "pandoc-markers.golden")
	if *update {
		if err := os.WriteFile(golden, out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(out.Bytes(), want) {
		t.Errorf("markers differ from %s; review with -update and git diff:\n%s", golden, out.String())
	}
}
