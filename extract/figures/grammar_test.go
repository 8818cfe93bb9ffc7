package figures

import (
	"reflect"
	"strings"
	"testing"

	"github.com/govreports/govreports/extract/grammar"
)

// TestTraditionalMoney: money words in traditional characters make money
// of a scaled number as their simplified forms do (issue 8).
func TestTraditionalMoney(t *testing.T) {
	for _, c := range []struct{ trad, simp, value string }{
		{"稅收達51.78億", "税收达51.78亿", "5178000000"},
		{"經費12萬", "经费12万", "120000"},
		{"營業額3.5億", "营业额3.5亿", "350000000"},
	} {
		for _, in := range []string{c.trad, c.simp} {
			figs, _ := Find(in, Context{})
			if len(figs) != 1 || figs[0].Kind != KindMoney || figs[0].Unit != "元" || figs[0].Value != c.value {
				t.Errorf("Find(%q) = %+v, want money %s 元", in, figs, c.value)
			}
		}
	}
}

// TestDateLineAgrees: the grammar's date-line reader, which the cover
// reader uses, reads a line as this scanner reads the date that is all of it.
func TestDateLineAgrees(t *testing.T) {
	for _, s := range []string{
		"2020年 06月25日", " 2020年 06月 25日", "二〇二二年三月十五日", "2021.6.1", "（2020年6月25日）",
		"2020年13月1日", "2020年6月25日召开会议", "二〇二二年四月", "2021年 3月", "2021年13月", "2021年3月召开",
		"2020-06-25", "2020/6/25", "2020-06", "2021年", "2021年度", "2019-2021年", "6月25日", "2021年3-5月",
		"二〇二一年十二月三十一日", "2021年12月31号", "2021年3月份", "2021年二月", "1899年3月", "２０２１年６月",
		"2021.06", "2021年6月1日 ", "2021年6月1", "2021年6月32日", "三月五日",
	} {
		want := scannerDateLine(s)
		if got, _ := grammar.DateLine(s); got != want {
			t.Errorf("grammar.DateLine(%q) = %q, the scanner reads %q", s, got, want)
		}
	}
}

// scannerDateLine is the date a line is for the scanner: the one date
// Find returns when it is all of the line, not a period, with a month.
func scannerDateLine(s string) string {
	if len(s) > 64 {
		return ""
	}
	s = strings.TrimFunc(strings.Map(func(r rune) rune {
		if grammar.IsSpace(r) {
			return -1
		}
		return r
	}, s), func(r rune) bool { return strings.ContainsRune("（）()", r) })
	_, dates := Find(s, Context{})
	if len(dates) != 1 || dates[0].Raw != s || strings.Contains(dates[0].Date, "/") || strings.HasPrefix(dates[0].Date, "-") || len(dates[0].Date) == 4 {
		return ""
	}
	return dates[0].Date
}

// TestMayHoldStart: Find's quick no holds for text with no rune that may
// begin a figure, as written or folded, and only for it.
func TestMayHoldStart(t *testing.T) {
	for in, want := range map[string]bool{
		"":      false,
		"项目名称":  false,
		"項目名稱":  false,
		"abc":   false,
		"预算安排":  false,
		"合计":    false,
		"7":     true,
		"第三方":   true,
		"（盖章）":  true,
		"約":     true, // 约, the first rune of a prefix, once folded
		"數":     true, // 数 (数十, 数百)
		"陸佰元":   true,
		"不少于":   true,
		"人民币":   true,
		"\xff八": true,
	} {
		if got := mayHoldStart(in); got != want {
			t.Errorf("mayHoldStart(%q) = %v, want %v", in, got, want)
		}
	}
}

// TestNewContext: a header read once by NewContext reads the cells under
// it as the header given as text does.
func TestNewContext(t *testing.T) {
	figs, _ := Find("12.5", NewContext("预算数（万元）"))
	if len(figs) != 1 || figs[0].Value != "125000" || figs[0].Unit != "元" || figs[0].Label != "预算数" {
		t.Errorf("Find(12.5) under 预算数（万元） = %+v, want 125000 元 labelled 预算数", figs)
	}
	for _, h := range []string{"", "预算数（万元）", "序号", "执行率", "得分", "年度", "人数"} {
		ctx := NewContext(h)
		for _, cell := range []string{"12.5", "2021", "3", "98%", "约5万元", "项目名称"} {
			f1, d1 := Find(cell, ctx)
			f2, d2 := Find(cell, Context{Header: h})
			if !reflect.DeepEqual(f1, f2) || !reflect.DeepEqual(d1, d2) {
				t.Errorf("Find(%q) under %q: %+v %+v with NewContext, %+v %+v without", cell, h, f1, d1, f2, d2)
			}
		}
	}
}
