package extract

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govreports/govreports/corpus"
	"github.com/govreports/govreports/ingest/docx"
	"github.com/govreports/govreports/ingest/model"
	"github.com/govreports/govreports/ingest/txt"
)

// readSample reads one rendering of the sample report.
func readSample(t *testing.T, path string) *model.Document {
	t.Helper()
	read := txt.Read
	if strings.HasSuffix(path, ".docx") {
		read = docx.Read
	}
	doc, err := read(path)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestSample checks what the issue expects of the sample report on every
// rendering: three reports with their names, funds, years, sections and
// evaluators.
func TestSample(t *testing.T) {
	for _, path := range corpus.Renderings(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			x := Extract(readSample(t, path))
			if len(x.Reports) != 3 {
				t.Fatalf("%d reports, want 3", len(x.Reports))
			}
			want := []struct {
				name           string
				budget, actual string
				rate           float64
				level2         []string // level-2 titles under 二
			}{
				{"现代服务业专项经费", "724000", "724000", 100, nil},
				{"楼宇办工作经费", "180000", "180000", 100, nil},
				{"“梦想小街”电商产业园工作经费", "270000", "265800", 98.44, []string{"园区管理方面", "招商对接方面", "增强园区活力方面"}},
			}
			for k, w := range want {
				r := x.Reports[k]
				if r.ProjectName != w.name {
					t.Errorf("report %d: project %q, want %q", k+1, r.ProjectName, w.name)
				}
				if r.EvaluationYear != 2020 {
					t.Errorf("report %d: year %d, want 2020", k+1, r.EvaluationYear)
				}
				if len(r.Funds) != 1 {
					t.Errorf("report %d: %d funds, want 1", k+1, len(r.Funds))
				} else if f := r.Funds[0]; f.Budget == nil || *f.Budget != w.budget || f.Actual == nil || *f.Actual != w.actual || f.Rate == nil || *f.Rate != w.rate {
					t.Errorf("report %d: fund %+v, want %s / %s (%v)", k+1, f, w.budget, w.actual, w.rate)
				}
				var top []string
				for _, s := range r.Sections {
					if s.Level == 1 {
						top = append(top, fmt.Sprintf("%d%s", s.Number, s.Title))
					}
				}
				wantTop := "1项目绩效目标管理情况 2工作组织开展情况 3综合评价结论 4绩效目标完成情况总体分析 5偏离绩效目标的原因和改进措施"
				if got := strings.Join(top, " "); got != wantTop {
					t.Errorf("report %d: level-1 sections %s, want %s", k+1, got, wantTop)
				}
				if w.level2 != nil {
					var got []string
					for _, s := range r.Sections {
						if s.Level == 2 && s.Parent >= 0 && r.Sections[s.Parent].Number == 2 {
							got = append(got, s.Title)
							if s.Body == "" {
								t.Errorf("report %d: section %s has no body", k+1, s.Title)
							}
						}
					}
					if strings.Join(got, " ") != strings.Join(w.level2, " ") {
						t.Errorf("report %d: sections under 二 %v, want %v", k+1, got, w.level2)
					}
				}
				if len(r.Evaluators) != 3 {
					t.Errorf("report %d: %d evaluators, want 3: %+v", k+1, len(r.Evaluators), r.Evaluators)
				}
			}
			r1 := x.Reports[0]
			if r1.ImplementingUnit != "南昌市西湖区现代服务业发展局" || r1.ReportDate != "2020-06-25" || r1.Attachment != "附件6" {
				t.Errorf("report 1: unit %q date %q attachment %q", r1.ImplementingUnit, r1.ReportDate, r1.Attachment)
			}
			if r1.Category != "" {
				t.Errorf("report 1: category %q, want empty", r1.Category)
			}
			// Each evaluators table goes to the report its caption names.
			for k, r := range x.Reports {
				for _, tb := range r.Tables {
					if tb.Kind == "evaluators" && !strings.Contains(tb.Caption, []string{"现代服务业", "楼宇办", "园区办"}[k]) {
						t.Errorf("report %d got evaluators table %q", k+1, tb.Caption)
					}
				}
			}
		})
	}
}

// BenchmarkExtract extracts the shipped sample report.
func BenchmarkExtract(b *testing.B) {
	doc, err := txt.Read(corpus.SamplePath())
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		Extract(doc)
	}
}
