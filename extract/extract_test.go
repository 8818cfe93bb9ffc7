package extract

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govreports/govreports/corpus/golden"
	"github.com/govreports/govreports/extract/facts"
	"github.com/govreports/govreports/extract/internal/doctest"
	"github.com/govreports/govreports/ingest/model"
)

// TestOutline extracts each testdata/outline/*.txt document and compares
// its outline with the .golden file beside it. NAME.plain.txt is a report
// as the customer's .txt files hold it, read with the txt reader (pipe and
// tab tables); every other fixture is in the doctest line syntax.
func TestOutline(t *testing.T) {
	inputs, err := filepath.Glob(filepath.Join("testdata", "outline", "*.txt"))
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".txt")
		t.Run(name, func(t *testing.T) {
			x := Extract(readFixture(t, in))
			var got bytes.Buffer
			if err := WriteOutline(&got, x, OutlineOptions{Positions: true, NoFigures: true}); err != nil {
				t.Fatal(err)
			}
			golden.Check(t, strings.TrimSuffix(in, ".txt")+".golden", got.Bytes())
		})
	}
}

// FuzzExtract checks that no input makes Extract panic or lose blocks:
// the reports cover the body from its first block to its last, in order.
func FuzzExtract(f *testing.F) {
	inputs, _ := filepath.Glob(filepath.Join("testdata", "outline", "*.txt"))
	for _, in := range inputs {
		src, err := os.ReadFile(in)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(src))
	}
	f.Fuzz(func(t *testing.T, src string) {
		doc := doctest.Parse("fuzz", src)
		x := Extract(doc)
		if len(x.Reports) == 0 {
			t.Fatal("no report")
		}
		next := 0
		for _, r := range x.Reports {
			if r.FirstBlock != next || r.EndBlock < r.FirstBlock {
				t.Fatalf("report %d covers [%d, %d), want to start at %d", r.No, r.FirstBlock, r.EndBlock, next)
			}
			next = r.EndBlock
		}
		if next != len(doc.Body) {
			t.Fatalf("reports end at block %d of %d", next, len(doc.Body))
		}
	})
}

func TestNestedTables(t *testing.T) {
	doc := &model.Document{Tables: []model.Table{
		{No: 1}, {No: 2, ParentTable: 1}, {No: 3}, {No: 4, ParentTable: 2}, {No: 5, ParentTable: 3},
	}}
	got := nestedTables(doc)
	if fmt.Sprint(got[1]) != "[2 4]" || fmt.Sprint(got[3]) != "[5]" || len(got) != 2 {
		t.Errorf("nestedTables = %v, want map[1:[2 4] 3:[5]]", got)
	}
}

// TestFigurePlaces checks that figures and dates are placed in their block,
// section and cell, and that a heading's number is no figure.
func TestFigurePlaces(t *testing.T) {
	doc := doctest.Parse("places", `2021年度乡村振兴示范村建设项目绩效评价报告
一、基本情况
1.项目内容
2.2021年度绩效目标
完成示范村5个。
| 名称 | 预算数（万元） |
| 示范村建设 | 12.5 |`)
	r := Extract(doc).Reports[0]
	var got []string
	for _, f := range r.Figures {
		got = append(got, fmt.Sprintf("figure %s=%s%s %+v", f.Raw, f.Value, f.Unit, f.Place))
	}
	for _, d := range r.Dates {
		got = append(got, fmt.Sprintf("date %s=%s %+v", d.Raw, d.Date, d.Place))
	}
	want := []string{
		"figure 5个=5个 {Section:2 Block:4 Row:-1 Col:-1 Offset:5}",
		"figure 12.5=125000元 {Section:2 Block:5 Row:1 Col:1 Offset:0}",
		"date 2021年度=2021 {Section:-1 Block:0 Row:-1 Col:-1 Offset:0}",
		"date 2021年度=2021 {Section:2 Block:3 Row:-1 Col:-1 Offset:2}",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("figures and dates:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestPasses checks that Extract is its list of passes: each named once,
// the reports pass first, and an Extractor runs exactly the passes it is
// given, in order, each seeing what the ones before it added.
func TestPasses(t *testing.T) {
	seen := make(map[string]bool)
	passes := DefaultPasses()
	for _, p := range passes {
		if seen[p.Name()] {
			t.Errorf("pass %q listed twice", p.Name())
		}
		seen[p.Name()] = true
	}
	if passes[0].Name() != "reports" {
		t.Errorf("first pass %q, want reports", passes[0].Name())
	}

	doc := doctest.Parse("passes", `2021年度乡村振兴示范村建设项目绩效评价报告
一、基本情况
依据《某某县乡村振兴示范村建设实施方案》，由某某县农业农村局组织实施。
| 名称 | 预算数（万元） | 执行数（万元） |
| 示范村建设 | 12.5 | 12 |`)
	full := Extract(doc).Reports[0]
	if len(full.Policies) != 1 || len(full.Orgs) == 0 || len(full.Funds) != 1 {
		t.Fatalf("default passes: policies %+v, orgs %+v, funds %+v", full.Policies, full.Orgs, full.Funds)
	}

	// Without the orgs pass, no organisations and nothing else lost; a
	// pass of one's own runs after those before it.
	var without []Pass
	for _, p := range DefaultPasses() {
		if p.Name() != "orgs" {
			without = append(without, p)
		}
	}
	funds := -1
	count := ReportPass("count funds", func(_ *State, r *model.Report, _ []facts.Para) { funds = len(r.Funds) })
	x := New(append(without, count)...).Extract(doc)
	r := x.Reports[0]
	if len(r.Orgs) != 0 || len(r.Policies) != 1 || len(r.Funds) != 1 || r.Title != full.Title || funds != 1 {
		t.Errorf("without orgs: orgs %+v, policies %+v, funds %+v (counted %d)", r.Orgs, r.Policies, r.Funds, funds)
	}
}
