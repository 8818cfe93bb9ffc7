package office_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/govreports/govreports/corpus"
	"github.com/govreports/govreports/extract"
	"github.com/govreports/govreports/ingest/model"
	"github.com/govreports/govreports/ingest/office"
	"github.com/govreports/govreports/ingest/soffice"
	"github.com/govreports/govreports/ingest/soffice/sofficetest"
)

// TestSampleDoc reads the shipped .doc of the sample and checks the facts
// a person reads off the sample.
func TestSampleDoc(t *testing.T) {
	conv := sofficetest.New(t, soffice.DOCX)
	checkSample(t, office.New(conv), corpus.Rendering("2020-xihu-services.doc"), "doc")
}

// TestSampleConverted reads the sample as the shipped .rtf, as .odt made
// from the shipped .docx by LibreOffice here, and as .wps (Kingsoft writes
// Word's binary format: the .doc renamed).
func TestSampleConverted(t *testing.T) {
	conv := sofficetest.New(t, soffice.DOCX)
	r := office.New(conv)
	dir := t.TempDir()
	src := filepath.Join(dir, "2020-xihu-services.docx")
	copyFile(t, corpus.Rendering("2020-xihu-services.docx"), src)
	data := sofficetest.Convert(t, src, "odt")
	if err := os.WriteFile(strings.TrimSuffix(src, ".docx")+".odt", data, 0o644); err != nil {
		t.Fatal(err)
	}
	// Not an .rtf LibreOffice exports here: LibreOffice 7.4's export keeps
	// the levels' format (\levelnfc35, Chinese counting, which its import
	// reads as chineseCountingThousand) but writes their texts in code
	// page 1252 without \uN escapes, so 、 becomes ? and （） become (): a
	// loss in the file, which no reader can undo. The shipped .rtf is that
	// export with the two \leveltext groups written as Word writes them,
	// {\leveltext \'02\'00\u12289 ?;} (%1、) and
	// {\leveltext \'03\u65288 ?\'01\u65289 ?;} (（%2）), which
	// LibreOffice's import keeps.
	copyFile(t, corpus.Rendering("2020-xihu-services.rtf"), strings.TrimSuffix(src, ".docx")+".rtf")
	wps := filepath.Join(dir, "2020-xihu-services.wps")
	copyFile(t, corpus.Rendering("2020-xihu-services.doc"), wps)
	for _, ext := range []string{"rtf", "odt", "wps"} {
		t.Run(ext, func(t *testing.T) {
			t.Parallel()
			checkSample(t, r, strings.TrimSuffix(src, ".docx")+"."+ext, ext)
		})
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// checkSample reads path and checks the sample's reports, projects, years,
// funds and, against extract/testdata/sample.tsv, the section trees.
func checkSample(t *testing.T, r *office.Reader, path, format string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := r.Read(context.Background(), path, data)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Format != format {
		t.Errorf("format %q, want %q", doc.Format, format)
	}
	x := extract.Extract(doc)
	projects := []string{"现代服务业专项经费", "楼宇办工作经费", "“梦想小街”电商产业园工作经费"}
	if len(x.Reports) != len(projects) {
		t.Fatalf("%d reports, want %d", len(x.Reports), len(projects))
	}
	for i, rep := range x.Reports {
		if rep.ProjectName != projects[i] {
			t.Errorf("report %d: project %q, want %q", i+1, rep.ProjectName, projects[i])
		}
		if rep.EvaluationYear != 2020 {
			t.Errorf("report %d: year %d, want 2020", i+1, rep.EvaluationYear)
		}
	}
	funds := []struct {
		report               int
		budget, actual, rate string
	}{
		{1, "724000", "724000", "100"},
		{3, "270000", "265800", "98.44"},
	}
	for _, want := range funds {
		fs := x.Reports[want.report-1].Funds
		if len(fs) != 1 {
			t.Errorf("report %d: %d funds, want 1", want.report, len(fs))
			continue
		}
		if got := fundLine(fs[0]); got != want.budget+" "+want.actual+" "+want.rate {
			t.Errorf("report %d: fund %s, want %s %s %s", want.report, got, want.budget, want.actual, want.rate)
		}
	}
	// The section tree (levels, titles and markers) must be the sample's.
	want := sectionsOf(t)
	for i, rep := range x.Reports {
		var tree, marked, wantTree []string
		for k, s := range rep.Sections {
			// A section's parent is the nearest above it of a lower level.
			parent := -1
			for j := k - 1; j >= 0; j-- {
				if rep.Sections[j].Level < s.Level {
					parent = j
					break
				}
			}
			if s.Parent != parent {
				t.Errorf("report %d: section %s has parent %d, want %d", i+1, s.Title, s.Parent, parent)
			}
			tree = append(tree, fmt.Sprintf("%d\t%s", s.Level, s.Title))
			marked = append(marked, fmt.Sprintf("%d\t%s\t%s", s.Level, s.Marker, s.Title))
		}
		for _, w := range want[i+1] {
			f := strings.Split(w, "\t")
			wantTree = append(wantTree, f[0]+"\t"+f[2])
		}
		if strings.Join(tree, "\n") != strings.Join(wantTree, "\n") {
			t.Errorf("report %d: sections\n%s\nwant\n%s", i+1, strings.Join(tree, "\n"), strings.Join(wantTree, "\n"))
			continue
		}
		for k, w := range want[i+1] {
			if marked[k] == w {
				continue
			}
			t.Errorf("report %d: section %q, want %q", i+1, marked[k], w)
		}
	}
}

func fundLine(f model.Fund) string {
	str := func(a *model.Amount) string {
		if a == nil {
			return "-"
		}
		return *a
	}
	rate := "-"
	if f.Rate != nil {
		rate = strconv.FormatFloat(*f.Rate, 'f', -1, 64)
	}
	return str(f.Budget) + " " + str(f.Actual) + " " + rate
}

// sectionsOf is the sample's section trees, as corpus.SampleSections
// gives them.
func sectionsOf(t *testing.T) map[int][]string { return corpus.SampleSections(t) }

// TestLimitsReachTheConvertedDocx: the limits a file is read within (as
// the pipeline sets them) apply to the .docx LibreOffice makes of it: its
// size is checked before it is read, and the docx reader counts it.
func TestLimitsReachTheConvertedDocx(t *testing.T) {
	conv := sofficetest.New(t, soffice.DOCX)
	r := office.New(conv)
	path := corpus.Rendering("2020-xihu-services.doc")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		limits model.Limits
		want   string
	}{
		{model.Limits{MaxFileBytes: 2000}, "more than 2000 bytes in the .docx LibreOffice made of it (limit --max-file-bytes)"},
		{model.Limits{MaxBlocks: 20}, "more than 20 paragraphs (limit --max-blocks)"},
	} {
		_, err := r.Read(model.WithLimits(context.Background(), c.limits), path, data)
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), path) {
			t.Errorf("limits %+v: %v, want an error naming the file and %q", c.limits, err, c.want)
		}
	}
}
