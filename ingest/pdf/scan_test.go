package pdf_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/govreports/govreports/corpus"
	"github.com/govreports/govreports/extract"
	"github.com/govreports/govreports/ingest/model"
	"github.com/govreports/govreports/ingest/pdf"
)

// bigrams counts the pairs of Han characters that follow each other in s
// (other characters part runs): OCR's token recall is measured on them,
// since Chinese has no spaces to cut words at.
func bigrams(s string) map[string]int {
	n := map[string]int{}
	var prev rune
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			prev = 0
			continue
		}
		if prev != 0 {
			n[string([]rune{prev, r})]++
		}
		prev = r
	}
	return n
}

// recall is the share of want's bigrams (counted with repeats) that got
// has too.
func recall(got, want map[string]int) float64 {
	found, total := 0, 0
	for k, n := range want {
		total += n
		found += min(n, got[k])
	}
	if total == 0 {
		return 0
	}
	return float64(found) / float64(total)
}

// docText is the text of a document's body, tables included.
func docText(doc *model.Document) string {
	var b strings.Builder
	for _, bl := range doc.Body {
		if bl.Kind == model.KindTable {
			for _, c := range doc.Tables[bl.TableNo-1].Cells {
				b.WriteString(c.Text + "\n")
			}
			continue
		}
		b.WriteString(bl.Para.Text + "\n")
	}
	return b.String()
}

// TestScannedPDF reads the sample as an image-only PDF, every page by OCR:
// the three reports and their projects must come through, and at least
// 0.9 of the Han bigrams of the sample's text.
func TestScannedPDF(t *testing.T) {
	if testing.Short() {
		t.Skip("OCR of 19 pages takes a while")
	}
	need(t, "pdftotext", "pdftoppm", "tesseract")
	scan := scannedPDF(t)
	// The scan is at 200 dpi: rendering it finer adds nothing.
	data, err := os.ReadFile(scan)
	if err != nil {
		t.Fatal(err)
	}
	// Progress page by page: each of the 19 pages once, the last 19 of 19.
	var mu sync.Mutex
	var steps []int
	ctx := model.WithSteps(context.Background(), func(done, total int) {
		mu.Lock()
		defer mu.Unlock()
		if total != 19 {
			t.Errorf("step %d of %d, want of 19", done, total)
		}
		steps = append(steps, done)
	})
	doc, err := pdf.New(pdf.Config{DPI: 200, OCRWorkers: 2}).Read(ctx, scan, data)
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(steps)
	if want := []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19}; !slices.Equal(steps, want) {
		t.Errorf("steps %v, want %v", steps, want)
	}
	if !strings.Contains(strings.Join(doc.Warnings, "\n"), "read by OCR: 19 pages") {
		t.Errorf("warnings %q, want one saying 19 pages were read by OCR", doc.Warnings)
	}
	for _, b := range doc.Body {
		if b.Kind == model.KindParagraph && !strings.HasPrefix(b.Para.Style, "ocr ") {
			t.Errorf("paragraph %q not marked as read by OCR (style %q)", b.Para.Text, b.Para.Style)
			break
		}
	}
	x := extract.Extract(doc)
	if len(x.Reports) != 3 {
		t.Fatalf("%d reports, want 3", len(x.Reports))
	}
	for i, r := range x.Reports {
		if r.ProjectName != projects[i] {
			t.Errorf("report %d: project %q, want %q", i+1, r.ProjectName, projects[i])
		}
	}
	txt, err := os.ReadFile(corpus.SamplePath())
	if err != nil {
		t.Fatal(err)
	}
	rc := recall(bigrams(docText(doc)), bigrams(string(txt)))
	t.Logf("OCR recall of Han bigrams: %.3f", rc)
	if rc < 0.9 {
		t.Errorf("recall %.3f, want at least 0.9", rc)
	}
	checkFunds(t, x.Reports[0], "724000", "724000", "")
	checkFunds(t, x.Reports[2], "270000", "265800", "98.44")
}

// TestImage reads one page of the sample saved as a PNG, by OCR.
func TestImage(t *testing.T) {
	if testing.Short() {
		t.Skip("OCR")
	}
	need(t, "pdftoppm", "tesseract")
	src := samplePDF(t)
	png := fixture(t, "png", func(dir string) (string, error) {
		out := filepath.Join(dir, "page2")
		return out + ".png", command(dir, "pdftoppm", "-f", "2", "-l", "2", "-r", "200", "-png", "-singlefile", src, out)
	})
	doc := read(t, pdf.New(pdf.Config{}), png)
	if doc.Format != model.FormatImage || !strings.Contains(strings.Join(doc.Warnings, "\n"), "read by OCR: 1 page,") || doc.Props["ocr"] == "" {
		t.Errorf("format %q, warnings %q, props %q", doc.Format, doc.Warnings, doc.Props)
	}
	text := docText(doc)
	for _, s := range []string{"2020年度现代服务业专项经费", "一、项目绩效目标管理情况", "南昌市西湖区现代服务业发展局"} {
		if !strings.Contains(text, s) {
			t.Errorf("OCR text lacks %q:\n%s", s, text)
		}
	}
}
