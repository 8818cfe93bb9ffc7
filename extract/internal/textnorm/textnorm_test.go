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

func TestDateLine(t *testing.T) {
	for in, want := range map[string]string{
		"2020年 06月25日":   "2020-06-25",
		" 2020年 06月 25日": "2020-06-25",
		"二〇二二年三月十五日":     "2022-03-15",
		"2021.6.1":       "2021-06-01",
		"（2020年6月25日）":   "2020-06-25",
		"2020年13月1日":     "",
		"2020年6月25日召开会议": "",
		"二〇二二年四月":        "2022-04",
		"2021年 3月":       "2021-03",
		"2021年13月":       "",
		"2021年3月召开":      "",
	} {
		got, ok := DateLine(in)
		if got != want || ok != (want != "") {
			t.Errorf("DateLine(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}

func TestNumber(t *testing.T) {
	for in, want := range map[string]int{"一": 1, "十": 10, "十二": 12, "二十三": 23, "一百零五": 105, "12": 12, "１２": 12, "③": 3, "⑵": 2, "⒈": 1, "Ⅳ": 4, "壹": 1} {
		if got, ok := Number(in); !ok || got != want {
			t.Errorf("Number(%q) = %d, %v; want %d", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "是", "一是"} {
		if _, ok := Number(in); ok {
			t.Errorf("Number(%q) ok, want not a number", in)
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
	// Offsets found in the simplified text must hold in the original.
	for trad, simp := range simplifyTable {
		if trad == simp {
			t.Errorf("%c maps to itself", trad)
		}
		if len(string(trad)) != len(string(simp)) {
			t.Errorf("%c → %c changes the UTF-8 length", trad, simp)
		}
	}
}
