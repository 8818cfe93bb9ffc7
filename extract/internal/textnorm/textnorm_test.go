package textnorm

import "testing"

func TestLabel(t *testing.T) {
	for in, want := range map[string]string{
		"姓  名":                   "姓名",
		"单\u3000位":               "单位",
		" 职称/职务 ":                "职称/职务",
		"年初预算数\n（万元）":            "年初预算数（万元）",
		"Simple\nMultiparagraph": "Simple Multiparagraph",
		"Unit  Price (元)":        "Unit Price (元)",
	} {
		if got := Label(in); got != want {
			t.Errorf("Label(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSimplify(t *testing.T) {
	for in, want := range map[string]string{
		"2021年度社區長者食堂補助項目績效評價報告": "2021年度社区长者食堂补助项目绩效评价报告",
		"預算數（萬元）":  "预算数（万元）",
		"評價小組成員名單": "评价小组成员名单",
		"项目名称":     "项目名称",
	} {
		if got := Simplify(in); got != want {
			t.Errorf("Simplify(%q) = %q, want %q", in, got, want)
		}
	}
}
