package pdf_test

import (
	"strings"
	"testing"

	"github.com/govreports/govreports/ingest/model"
	"github.com/govreports/govreports/ingest/pdf"
)

// TestRunningHeadersDropped reads a document whose pages carry a running
// header and a footer "第 N 页 共 M 页": neither may stand in the body,
// and the paragraphs cut by the page breaks are whole again.
func TestRunningHeadersDropped(t *testing.T) {
	need(t, "pdftotext")
	doc := read(t, pdf.New(pdf.Config{}), pagedPDF(t))
	pages := 0
	var paras []string
	for _, b := range doc.Body {
		pages = max(pages, b.Pos.Page)
		if b.Kind == model.KindParagraph {
			paras = append(paras, b.Para.Text)
		}
	}
	if w := strings.Join(doc.Warnings, "\n"); strings.Contains(w, "OCR") {
		t.Errorf("the blank page was read by OCR: %s", w)
	}
	if pages < 2 {
		t.Fatalf("the body spans %d pages; the fixture should have several", pages)
	}
	body := strings.Join(paras, "\n")
	for _, s := range []string{"西湖区财政局绩效评价报告", "页 共", "第1页", "第2页"} {
		if strings.Contains(body, s) {
			t.Errorf("body holds %q:\n%s", s, body)
		}
	}
	if len(doc.Parts) == 0 || doc.Parts[0].Kind != "header" || doc.Parts[0].Text != "西湖区财政局绩效评价报告" {
		t.Errorf("parts %+v, want the running header", doc.Parts)
	}
	// Each of the 20 paragraphs is whole, across page breaks too.
	if len(paras) != 22 {
		t.Fatalf("%d paragraphs, want 22:\n%s", len(paras), body)
	}
	if paras[0] != "一、项目基本情况" || paras[21] != "二、评价结论" {
		t.Errorf("headings %q, %q", paras[0], paras[21])
	}
	for i, p := range paras[1:21] {
		if want := strings.Count(p, "第"); want != 6 || !strings.HasSuffix(p, "完成程度。") {
			t.Errorf("paragraph %d cut or joined: %q", i+1, p)
		}
	}
}
