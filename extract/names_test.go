package extract

import (
	"testing"

	"github.com/govreports/govreports/extract/facts"
	"github.com/govreports/govreports/ingest/model"
)

// TestFirstParaProject checks the one project a first paragraph says was
// evaluated, and the paragraphs that name several or none.
func TestFirstParaProject(t *testing.T) {
	for _, c := range []struct{ para, want string }{
		{"根据通知要求，我中心对2020年度实施的乡村医生培训项目开展了绩效自评，现报告如下。", "乡村医生培训项目"},
		{"我局对2022年度承担的城市道路照明维护经费进行了绩效评价。", "城市道路照明维护经费"},
		{"我局对2019年度实施的3个项目开展了绩效自评。", ""},
		{"我局对2019年度实施的道路养护等项目开展了绩效自评。", ""},
		{"我局对2019年度各项目进行了绩效自评。", ""},
		{"我局对2019年度财政资金开展了绩效评价。", ""},
		{"我局高度重视2019年度绩效自评工作。", ""},
	} {
		if got := firstParaProject([]facts.Para{facts.NewPara(0, c.para)}); got != c.want {
			t.Errorf("firstParaProject(%q) = %q, want %q", c.para, got, c.want)
		}
	}
}

// TestWrittenYear checks when a title's year is the year the report was
// written and the first paragraphs name the year evaluated.
func TestWrittenYear(t *testing.T) {
	const para = "我局对2020年度实施的乡村医生培训项目开展了绩效自评。"
	for _, c := range []struct {
		title int
		date  string
		para  string
		want  int
	}{
		{2021, "2021-03-02", para, 2020},
		{2021, "", para, 2020},
		{2021, "2022-01-10", para, 0}, // dated later: the title's year was evaluated
		{2020, "2021-03-02", para, 0}, // the title names the year evaluated
		{2022, "2022-03-02", para, 0}, // two years apart: no year of writing
		{2021, "2021-03-02", "我局开展了绩效自评。", 0},
	} {
		r := &model.Report{EvaluationYear: c.title, ReportDate: c.date, YearSource: "title"}
		if got := writtenYear(r, []facts.Para{facts.NewPara(0, c.para)}); got != c.want {
			t.Errorf("writtenYear(title %d, date %q, %q) = %d, want %d", c.title, c.date, c.para, got, c.want)
		}
	}
}
