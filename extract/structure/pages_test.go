package structure

import (
	"testing"

	"github.com/govreports/govreports/extract/internal/doctest"
)

// TestRunningHeads: a line printed again beside each page number is page
// furniture, whatever it says; the same words elsewhere stay, and a line
// that recurs away from page numbers is text.
func TestRunningHeads(t *testing.T) {
	l := Analyze(doctest.Parse("t", `某某咨询有限公司
2022年度乡村道路养护资金绩效评价报告
一、项目概况
合计
全年养护道路46公里，
2 / 5
某某咨询有限公司
其中县道12公里。
合计
3 / 5
某某咨询有限公司
二、评价结论
综合得分90分。
某某咨询有限公司`))
	want := map[int]Role{
		0:  RoleText, // the cover's firm, beside no page number
		1:  RoleTitle,
		3:  RoleText,     // recurs, but beside no page number
		5:  RoleArtefact, // the page number
		6:  RoleArtefact, // the running head
		8:  RoleText,     // recurs, but only once beside a page number
		10: RoleArtefact,
		13: RoleText, // the signature
	}
	for i, w := range want {
		if r := l.Roles[i]; r != w {
			t.Errorf("block %d %q: role %v, want %v", i, l.Text[i], r, w)
		}
	}
	if len(l.Spans) != 1 {
		t.Errorf("%d reports, want 1", len(l.Spans))
	}
	if !l.PageBreak(4, 7) || l.PageBreak(7, 9) {
		t.Errorf("PageBreak(4, 7) = %v, PageBreak(7, 9) = %v; want true, false", l.PageBreak(4, 7), l.PageBreak(7, 9))
	}
}
