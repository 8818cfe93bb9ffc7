package tables

import "testing"

func TestUnitCell(t *testing.T) {
	for in, want := range map[string]bool{
		"万元": true, "（万元）": true, "(元)": true, "单位：万元": true, "（单位:亿元）": true, "%": true, "％": true, "千元": true, "萬元": true,
		"": false, "万": false, "人": false, "美元": false, "预算数": false, "元/吨": false, "单位万元": false, "角": false,
	} {
		if got := unitCell(in); got != want {
			t.Errorf("unitCell(%q) = %v, want %v", in, got, want)
		}
	}
}
