package ingest

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"github.com/govreports/govreports/corpus"
)

func TestProcessReadsAndExtractsOneFile(t *testing.T) {
	p, err := New(Config{NoIndex: true})
	if err != nil {
		t.Fatal(err)
	}
	doc, x, err := p.Process(context.Background(), corpus.SamplePath())
	if err != nil {
		t.Fatal(err)
	}
	if doc.Format != "txt" || len(x.Reports) != 3 || len(x.Index) != 0 {
		t.Errorf("format %q, %d reports, %d index units; want txt, 3 and none without an index", doc.Format, len(x.Reports), len(x.Index))
	}
	dir := t.TempDir()
	write(t, dir, "r.rar", "Rar!\x1a\x07\x00")
	if _, _, err := p.Process(context.Background(), filepath.Join(dir, "r.rar")); !errors.Is(err, ErrUnsupported) {
		t.Errorf("rar: %v, want ErrUnsupported", err)
	}
	if _, err := p.Run(context.Background(), filepath.Join(dir, "r.db"), dir); err == nil {
		t.Error("Run of a processor without an index: no error")
	}
}
