package numbering

import (
	"bytes"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/govreports/govreports/corpus"
	"github.com/govreports/govreports/corpus/golden"
)

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
	golden.Check(t, filepath.Join("testdata", "pandoc-markers.golden"), out.Bytes())
}
