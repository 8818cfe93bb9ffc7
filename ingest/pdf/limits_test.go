package pdf_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/png"
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

// pngDeclaring is a PNG whose header declares w×h pixels (its data is of
// one pixel): what a decompression bomb looks like to a reader of headers.
func pngDeclaring(w, h uint32) []byte {
	var buf bytes.Buffer
	png.Encode(&buf, image.NewGray(image.Rect(0, 0, 1, 1)))
	data := buf.Bytes()
	binary.BigEndian.PutUint32(data[16:], w)
	binary.BigEndian.PutUint32(data[20:], h)
	binary.BigEndian.PutUint32(data[29:], crc32.ChecksumIEEE(data[12:29]))
	return data
}

// TestImageSizeBoundForOCR: an image larger than an A3 page at 600 dpi is
// refused before tesseract holds it; an A4 page at 600 dpi is not refused
// by its size (this one then fails as the broken image it is).
func TestImageSizeBoundForOCR(t *testing.T) {
	need(t, "tesseract")
	r := pdf.New(pdf.Config{})
	_, err := r.Read(context.Background(), "a2.png", pngDeclaring(9933, 14043)) // A2 at 600 dpi
	if err == nil || !strings.Contains(err.Error(), "a2.png") || !strings.Contains(err.Error(), "too large to read by OCR") {
		t.Errorf("A2 at 600 dpi: %v, want refused as too large", err)
	}
	_, err = r.Read(context.Background(), "a4.png", pngDeclaring(4961, 7016))
	if err == nil || strings.Contains(err.Error(), "too large") {
		t.Errorf("A4 at 600 dpi: %v, want it past the size check (and failed as broken)", err)
	}
}
