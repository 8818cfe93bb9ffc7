package pdf_test

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/govreports/govreports/ingest/model"
	"github.com/govreports/govreports/ingest/pdf"
)

// TestTextLimitStopsPdftotext: the text of a PDF is counted while
// pdftotext writes it; past --max-text-bytes the engine is stopped and the
// file fails naming the limit. Its word boxes, many times the text, do
// not count.
func TestTextLimitStopsPdftotext(t *testing.T) {
	need(t, "pdftotext")
	path := samplePDF(t)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r := pdf.New(pdf.Config{})
	_, err = r.Read(model.WithLimits(context.Background(), model.Limits{MaxTextBytes: 2000}), path, data)
	var le *model.LimitError
	if !errors.As(err, &le) || le.Path != path || !strings.Contains(err.Error(), "more than 2000 bytes of text (limit --max-text-bytes)") {
		t.Fatalf("err %v, want the text limit naming %s", err, path)
	}

	// A limit of twice the text the file holds reads it.
	doc := read(t, r, path)
	n := 0
	for _, b := range doc.Body {
		n += len(b.Para.Text)
	}
	for _, tab := range doc.Tables {
		for _, c := range tab.Cells {
			n += len(c.Text)
		}
	}
	if _, err := r.Read(model.WithLimits(context.Background(), model.Limits{MaxTextBytes: int64(2 * n)}), path, data); err != nil {
		t.Errorf("within twice its %d bytes of text: %v", n, err)
	}
}
