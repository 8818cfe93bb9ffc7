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
	"path/filepath"
	"strings"
	"testing"

	"os/exec"

	"github.com/govreports/govreports/corpus"
	"github.com/govreports/govreports/ingest"
	"github.com/govreports/govreports/ingest/pdf"
	"github.com/govreports/govreports/ingest/txt"
)

// TestMissingEnginesSkip points the reader at engines that are not there:
// PDFs and images are skipped, never failed, with the package to install
// named, and the version says the engines are missing, so that installing
// them reads those files again.
func TestMissingEnginesSkip(t *testing.T) {
	missing := pdf.New(pdf.Config{Pdftotext: "/nonexistent/pdftotext", Pdftoppm: "/nonexistent/pdftoppm", Tesseract: "/nonexistent/tesseract"})
	if v := missing.Version(); !strings.Contains(v, "pdftotext missing") || !strings.Contains(v, "tesseract missing") {
		t.Errorf("version %q does not say the engines are missing", v)
	}
	dir := t.TempDir()
	files := map[string]string{
		"report.pdf": "poppler-utils",
		"scan.png":   "tesseract-ocr tesseract-ocr-chi-sim",
	}
	os.WriteFile(filepath.Join(dir, "report.pdf"), []byte("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "scan.png"), []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), 0o644)
	p, err := ingest.New(ingest.Config{Readers: ingest.NewRegistry(txt.Reader{}, missing), NoIndex: true})
	if err != nil {
		t.Fatal(err)
	}
	for name, pkg := range files {
		_, _, err := p.Process(context.Background(), filepath.Join(dir, name))
		if !errors.Is(err, ingest.ErrUnsupported) {
			t.Errorf("%s: %v, want a skip (ErrUnsupported)", name, err)
			continue
		}
		if msg := err.Error(); !strings.Contains(msg, name) || !strings.Contains(msg, "apt-get install "+pkg) {
			t.Errorf("%s: %q should name the file and the package %s", name, msg, pkg)
		}
		var f interface{ Format() string }
		if !errors.As(err, &f) || f.Format() == "" {
			t.Errorf("%s: %v names no format", name, err)
		}
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		if v := pdf.New(pdf.Config{}).Version(); v == missing.Version() || !strings.Contains(v, "pdftotext 2") {
			t.Errorf("version with pdftotext installed %q, missing %q", v, missing.Version())
		}
	}
}

// TestCorruptPDFFailsAlone: a file that says it is a PDF and is not one
// fails, with a message naming it; the file beside it is read.
func TestCorruptPDFFailsAlone(t *testing.T) {
	need(t, "pdftotext")
	dir := t.TempDir()
	bad := filepath.Join(dir, "corrupt.pdf")
	os.WriteFile(bad, []byte("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nendobj\ngarbage\n%%EOF\n"), 0o644)
	p, err := ingest.New(ingest.Config{NoIndex: true})
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = p.Process(context.Background(), bad)
	if err == nil || errors.Is(err, ingest.ErrUnsupported) || !strings.Contains(err.Error(), "corrupt.pdf") {
		t.Fatalf("corrupt PDF: %v, want a failure naming the file", err)
	}
	t.Log(err)
	if _, x, err := p.Process(context.Background(), corpus.SamplePath()); err != nil || len(x.Reports) != 3 {
		t.Errorf("the sample beside it: %v", err)
	}
}

// TestHugeImageRefused: a PNG that declares a billion pixels fails
// before tesseract is asked to read it.
func TestHugeImageRefused(t *testing.T) {
	need(t, "tesseract")
	var buf bytes.Buffer
	png.Encode(&buf, image.NewGray(image.Rect(0, 0, 1, 1)))
	data := buf.Bytes()
	// IHDR width and height, at bytes 16..24, say 40000×40000.
	binary.BigEndian.PutUint32(data[16:], 40000)
	binary.BigEndian.PutUint32(data[20:], 40000)
	binary.BigEndian.PutUint32(data[29:], crc32.ChecksumIEEE(data[12:29]))
	_, err := pdf.New(pdf.Config{}).Read(context.Background(), "bomb.png", data)
	if err == nil || !strings.Contains(err.Error(), "bomb.png") || !strings.Contains(err.Error(), "too large") {
		t.Errorf("err %v, want a refusal naming the file", err)
	}
}

// TestScanWithoutTesseractSkips: a PDF without a text layer, where
// pdftotext is installed and tesseract is not, is skipped as a PDF with
// the OCR packages named.
func TestScanWithoutTesseractSkips(t *testing.T) {
	need(t, "pdftotext")
	scan := scannedPDF(t)
	data, err := os.ReadFile(scan)
	if err != nil {
		t.Fatal(err)
	}
	_, err = pdf.New(pdf.Config{Tesseract: "/nonexistent/tesseract"}).Read(context.Background(), scan, data)
	var me *pdf.MissingEngineError
	if !errors.As(err, &me) || !errors.Is(err, ingest.ErrUnsupported) || me.Format() != "pdf" ||
		!strings.Contains(err.Error(), "apt-get install tesseract-ocr tesseract-ocr-chi-sim") {
		t.Errorf("err %v, want a skip of a pdf naming the OCR packages", err)
	}
}
