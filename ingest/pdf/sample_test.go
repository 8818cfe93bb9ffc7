package pdf_test

import (
	"context"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/govreports/govreports/corpus"
	"github.com/govreports/govreports/extract"
	"github.com/govreports/govreports/ingest/model"
	"github.com/govreports/govreports/ingest/pdf"
)

func read(t testing.TB, r *pdf.Reader, path string) *model.Document {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := r.Read(context.Background(), path, data)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

var projects = []string{"现代服务业专项经费", "楼宇办工作经费", "“梦想小街”电商产业园工作经费"}

// TestSamplePDF reads the sample printed to PDF by LibreOffice and checks
// the facts the sample states, by hand: the reports, their projects, the
// year, the funds from the rebuilt tables and the whole section tree.
func TestSamplePDF(t *testing.T) {
	need(t, "pdftotext")
	doc := read(t, pdf.New(pdf.Config{}), samplePDF(t))
	if doc.Format != model.FormatPDF {
		t.Errorf("format %q", doc.Format)
	}
	if w := strings.Join(doc.Warnings, "\n"); strings.Contains(w, "OCR") {
		t.Errorf("a PDF with a text layer read by OCR: %s", w)
	}
	x := extract.Extract(doc)
	if len(x.Reports) != 3 {
		t.Fatalf("%d reports, want 3", len(x.Reports))
	}
	sections := corpus.SampleSections(t)
	for i, r := range x.Reports {
		if r.ProjectName != projects[i] {
			t.Errorf("report %d: project %q, want %q", i+1, r.ProjectName, projects[i])
		}
		if r.EvaluationYear != 2020 {
			t.Errorf("report %d: year %d, want 2020", i+1, r.EvaluationYear)
		}
		var got []string
		for _, s := range r.Sections {
			got = append(got, strconv.Itoa(s.Level)+"\t"+s.Marker+"\t"+s.Title)
		}
		if want := sections[i+1]; !slices.Equal(got, want) {
			t.Errorf("report %d: sections\n got %q\nwant %q", i+1, got, want)
		}
	}
	checkFunds(t, x.Reports[0], "724000", "724000", "")
	checkFunds(t, x.Reports[2], "270000", "265800", "98.44")
	for _, b := range doc.Body {
		if b.Pos.Page < 1 {
			t.Errorf("block %+v without a page", b)
			break
		}
	}
}

func checkFunds(t testing.TB, r model.Report, budget, actual, rate string) {
	t.Helper()
	if len(r.Funds) == 0 {
		t.Errorf("report %d: no funds", r.No)
		return
	}
	f := r.Funds[0]
	str := func(a *string) string {
		if a == nil {
			return ""
		}
		return *a
	}
	if str(f.Budget) != budget || str(f.Actual) != actual {
		t.Errorf("report %d: funds %s / %s, want %s / %s", r.No, str(f.Budget), str(f.Actual), budget, actual)
	}
	if rate != "" && (f.Rate == nil || strconv.FormatFloat(*f.Rate, 'f', 2, 64) != rate) {
		t.Errorf("report %d: rate %v, want %s", r.No, f.Rate, rate)
	}
	if f.TableNo == 0 {
		t.Errorf("report %d: funds read from the text, not from a rebuilt table", r.No)
	}
}
