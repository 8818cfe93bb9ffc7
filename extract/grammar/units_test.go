package grammar

import "testing"

func TestUnitAt(t *testing.T) {
	for _, c := range []struct {
		in, canon, kind string
		end             int
	}{
		{"万元", "", "", 0}, // a scale is no unit
		{"元整", "元", KindMoney, 1},
		{"平方公里", "km²", KindArea, 4},
		{"千克", "kg", KindWeight, 2},
		{"mg", "", "", 0}, // m before a letter is no metre
		{"角", "元", KindMoney, 1},
		{"人次", "人次", KindCount, 2},
	} {
		u, end := UnitAt([]rune(c.in), 0)
		switch {
		case c.canon == "" && u != nil:
			t.Errorf("UnitAt(%q) = %s, want none", c.in, u.Canon)
		case c.canon != "" && (u == nil || u.Canon != c.canon || u.Kind != c.kind || end != c.end):
			t.Errorf("UnitAt(%q) = %+v, %d; want %s %s %d", c.in, u, end, c.canon, c.kind, c.end)
		}
	}
	if u := UnitByCanon("元"); u == nil || u.Sub != 0 {
		t.Errorf("UnitByCanon(元) = %+v", u)
	}
}

// TestQuantityUnits: the units after which a number is a quantity are
// units of the table or scales.
func TestQuantityUnits(t *testing.T) {
	for _, w := range quantityUnits {
		rs := []rune(w)
		if _, ok := MultiplierExp(rs[0]); ok && len(rs) == 1 {
			continue
		}
		if u, end := UnitAt(rs, 0); u == nil || end != len(rs) {
			if w != "平方" { // 平方米, 平方公里 …
				t.Errorf("%q is no unit of the table", w)
			}
		}
	}
	for in, want := range map[string]bool{"万元": true, "%": true, " 个项目": true, "年": true, "年度目标": false, "项目概况": false, "人员": false, "分析": false, "分，评价等级": true, "分": true, "分值": false} {
		if got := QuantityAfter(in); got != want {
			t.Errorf("QuantityAfter(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestUnitPhrase(t *testing.T) {
	for in, want := range map[string]struct {
		canon string
		exp   int
	}{"万元": {"元", 4}, "亿元": {"元", 8}, " % ": {"%", 0}, "人": {"人", 0}, "千万元": {"元", 7}, "万": {"", 0}, "万元以上": {"", 0}} {
		u, exp, ok := UnitPhrase(in)
		if want.canon == "" {
			if ok {
				t.Errorf("UnitPhrase(%q) = %s, %d; want none", in, u.Canon, exp)
			}
			continue
		}
		if !ok || u.Canon != want.canon || exp != want.exp {
			t.Errorf("UnitPhrase(%q) = %v, %d, %v; want %s, %d", in, u, exp, ok, want.canon, want.exp)
		}
	}
}

func TestMoneyUnitNote(t *testing.T) {
	for in, want := range map[string]string{
		"填报单位（盖章）：某某县农业农村局          单位：万元": "单位：万元",
		"（金额单位：千元）":     "单位：千元",
		"单位: 元  ":       "单位: 元",
		"填报单位：某某县农业农村局": "",
		"单位：人":          "",
		"实施单位：某某中心":     "",
	} {
		got, ok := MoneyUnitNote(in)
		if got != want || ok != (want != "") {
			t.Errorf("MoneyUnitNote(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}
