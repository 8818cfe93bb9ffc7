package facts

import "testing"

func TestCutBudgetCode(t *testing.T) {
	for in, want := range map[string]string{
		"106003-长春市九台区残疾人康复中心": "长春市九台区残疾人康复中心",
		"[305002]某某乡人民政府":      "某某乡人民政府",
		"【305002】 某某乡人民政府":     "某某乡人民政府",
		"305002 某某乡人民政府":       "某某乡人民政府",
		"１０６—某某县残疾人联合会":        "某某县残疾人联合会",
		"某某县第一中学":              "某某县第一中学",
		"12345政务服务便民热线管理中心":    "12345政务服务便民热线管理中心",   // no separator: the name's own digits
		"12-某某县教育局":            "12-某某县教育局",           // too short for a code
		"106003-2021年度乡村振兴项目":  "106003-2021年度乡村振兴项目", // no organisation after it
	} {
		if got := CutBudgetCode(in); got != want {
			t.Errorf("CutBudgetCode(%q) = %q, want %q", in, got, want)
		}
	}
}
