package pdf_test

import (
	"context"
	"os"
	"testing"

	"github.com/govreports/govreports/ingest/pdf"
)

// BenchmarkTextPDF reads the sample printed to PDF (19 pages, a text
// layer): pdftotext and the layout, no extraction.
func BenchmarkTextPDF(b *testing.B) {
	need(b, "pdftotext")
	benchRead(b, pdf.New(pdf.Config{}), samplePDF(b), 19)
}

// BenchmarkOCR reads the sample's scan (19 pages, no text layer) by OCR,
// two pages at a time.
func BenchmarkOCR(b *testing.B) {
	need(b, "pdftotext", "pdftoppm", "tesseract")
	benchRead(b, pdf.New(pdf.Config{DPI: 200, OCRWorkers: 2}), scannedPDF(b), 19)
}

func benchRead(b *testing.B, r *pdf.Reader, path string, pages int) {
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := r.Read(context.Background(), path, data); err != nil {
			b.Fatal(err)
		}
	}
	s := b.Elapsed().Seconds()
	b.ReportMetric(float64(b.N)/s, "files/s")
	b.ReportMetric(float64(b.N*pages)/s, "pages/s")
}
