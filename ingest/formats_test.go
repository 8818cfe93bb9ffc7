package ingest

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/govreports/govreports/corpus"
	"github.com/govreports/govreports/ingest/docx"
	"github.com/govreports/govreports/ingest/office"
	"github.com/govreports/govreports/ingest/soffice"
	"github.com/govreports/govreports/ingest/txt"
)

// TestSummaryByFormat: the summary counts per format what was read,
// skipped (a format not read), skipped for want of its engine, and failed.
func TestSummaryByFormat(t *testing.T) {
	dir := t.TempDir()
	docBytes, err := os.ReadFile(corpus.Rendering("2020-xihu-services.doc"))
	if err != nil {
		t.Fatal(err)
	}
	docxBytes, err := os.ReadFile(corpus.Rendering("2020-xihu-services.docx"))
	if err != nil {
		t.Fatal(err)
	}
	write(t, dir, "a.txt", "一、项目概况\n正文")
	write(t, dir, "b.txt", "一、项目概况\n另一份正文")
	write(t, dir, "c.docx", string(docxBytes))
	write(t, dir, "cut.docx", string(docxBytes[:len(docxBytes)/2]))
	write(t, dir, "old.doc", string(docBytes))
	write(t, dir, "pack.rar", "Rar!\x1a\x07\x00 and the rest of an archive")

	conv := soffice.New(soffice.Options{Path: filepath.Join(t.TempDir(), "soffice")}) // not installed
	defer conv.Close()
	p := testProcessor(Config{Workers: 2, BusyTimeout: time.Second, Readers: NewRegistry(txt.Reader{}, docx.Reader{}, office.New(conv))})
	sum, err := p.Run(context.Background(), filepath.Join(t.TempDir(), "r.db"), dir)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]FormatCount{
		"txt":  {Read: 2},
		"docx": {Read: 1, Failed: 1},
		"doc":  {NoEngine: 1},
		"rar":  {Skipped: 1},
	}
	if len(sum.Formats) != len(want) {
		t.Errorf("formats counted: %d, want %d", len(sum.Formats), len(want))
	}
	for f, w := range want {
		if got := sum.Formats[f]; got == nil || *got != w {
			t.Errorf("%s: %+v, want %+v", f, got, w)
		}
	}
}
