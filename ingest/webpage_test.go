package ingest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govreports/govreports/corpus"
	"github.com/govreports/govreports/ingest/html"
	"github.com/govreports/govreports/ingest/sniff"
)

// Web pages and web archives go through the pipeline like any format: by
// content, with the html reader's name and version in their key.
func TestProcessWebPages(t *testing.T) {
	p, err := New(Config{NoIndex: true})
	if err != nil {
		t.Fatal(err)
	}
	pages := filepath.Join(corpus.Root(), "ingest", "html", "testdata")
	page, err := os.ReadFile(filepath.Join(pages, "county-finance.html"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, name := range []string{"page.html", "page.shtml", "page.doc"} {
		if err := os.WriteFile(filepath.Join(dir, name), page, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tt := range []struct{ path, format, warning string }{
		{filepath.Join(dir, "page.html"), "html", ""},
		{filepath.Join(dir, "page.shtml"), "html", ""},
		{filepath.Join(dir, "page.doc"), "html", "content is HTML page although the name says legacy Word .doc"},
		{filepath.Join(pages, "word.mht"), "mht", ""},
	} {
		doc, x, err := p.Process(context.Background(), tt.path)
		if err != nil {
			t.Errorf("%s: %v", tt.path, err)
			continue
		}
		if doc.Format != tt.format || len(x.Reports) != 1 || strings.Join(doc.Warnings, "; ") != tt.warning {
			t.Errorf("%s: format %q, %d reports, warnings %q; want %s, 1, %q", filepath.Base(tt.path), doc.Format, len(x.Reports), doc.Warnings, tt.format, tt.warning)
		}
	}
	reg := DefaultRegistry()
	for _, k := range []sniff.Kind{sniff.HTML, sniff.MHT} {
		if got, want := reg.key(k), "reader html@"+html.Version; got != want {
			t.Errorf("key of %s %q, want %q", k, got, want)
		}
	}
}
