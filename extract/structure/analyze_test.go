package structure

import (
	"testing"

	"github.com/govreports/govreports/extract/internal/doctest"
)

// TestForms checks that a self-evaluation form (绩效自评表) is a report of
// its own when it stands alone or after another form, and an attachment
// of the report in prose it follows.
func TestForms(t *testing.T) {
	tests := []struct {
		name, src string
		titles    []string
		years     []string
	}{
		{"after prose", `2021年度河道保洁经费项目绩效自评报告
一、项目概况
全年保洁河道12条。
附件：项目支出绩效自评表
| 项目名称 | 河道保洁经费 |
| 主管部门 | 某某区水利局 |`, []string{"2021年度河道保洁经费项目绩效自评报告"}, []string{""}},
		{"two forms", `项目支出绩效自评表
（2021年度）
| 项目名称 | 河道保洁经费 |
| 主管部门 | 某某区水利局 |
项目支出绩效自评表
（2020年度）
| 项目名称 | 公园管护经费 |
| 主管部门 | 某某区园林局 |`, []string{"项目支出绩效自评表", "项目支出绩效自评表"}, []string{"2021", "2020"}},
	}
	for _, tt := range tests {
		l := Analyze(doctest.Parse(tt.name, tt.src))
		if len(l.Spans) != len(tt.titles) {
			t.Errorf("%s: %d reports, want %d", tt.name, len(l.Spans), len(tt.titles))
			continue
		}
		for k, s := range l.Spans {
			if s.Title != tt.titles[k] || s.Cover[KeyYear] != tt.years[k] {
				t.Errorf("%s: report %d titled %q, year %q; want %q, %q", tt.name, k+1, s.Title, s.Cover[KeyYear], tt.titles[k], tt.years[k])
			}
		}
	}
}
