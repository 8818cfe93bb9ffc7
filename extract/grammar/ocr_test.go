package grammar

import "testing"

func TestOCRDigits(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"拨付资金35O.5O万元", "拨付资金350.50万元"},
		{"完成率为8l.OO%", "完成率为81.00%"},
		{"共计lO2处", "共计102处"},
		{"3丨7户", "317户"},
		{"丨 12 丨 3O丨", "丨 12 丨 30丨"}, // rules are no digits
		{"ISO9001认证，CO2减排", "ISO9001认证，CO2减排"},
		{"Level2标准", "Level2标准"},
		{"O型圈、l号线路", "O型圈、l号线路"}, // no digit: as written
	} {
		if got := OCRDigits(c.in); got != c.want {
			t.Errorf("OCRDigits(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestOCRSpacing(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"绩 效 评 价 报 告", "绩效评价报告"},
		{"三 、资 金 管 理 情 况", "三、资金管理情况"},
		{"共支出2,045.6万 元,占比", "共支出2,045.6万元,占比"},
		{"敦 化 市 2020 年 度", "敦化市2020年度"},
		{"安排资金3，480万元", "安排资金3,480万元"},
		{"分别为3，48万元", "分别为3，48万元"},
		{"主管部门 敦化市林业局", "主管部门 敦化市林业局"},
		{"产出指标  数量指标", "产出指标  数量指标"},
	} {
		if got := OCRSpacing(c.in); got != c.want {
			t.Errorf("OCRSpacing(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestOCRSpaced(t *testing.T) {
	for _, c := range []struct {
		in   string
		want bool
	}{
		{"项 目 概 况", true},
		{"一 、基本 情 况", false}, // 、基本 is no lone character
		{"二 、项 目 资 金", true},
		{"主管部门 敦化市林业局", false},
		{"姓 名", false},
	} {
		if got := OCRSpaced(c.in); got != c.want {
			t.Errorf("OCRSpaced(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}
