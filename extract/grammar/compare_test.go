package grammar

import (
	"math/big"
	"testing"
)

func TestComparison(t *testing.T) {
	for _, c := range []struct{ in, op, rest string }{
		{"≥50个", OpAtLeast, "50个"},
		{"≤90万元", OpAtMost, "90万元"},
		{"＝100%", OpEqual, "100%"},
		{">=95%", OpAtLeast, "95%"},
		{"＞10家", OpMore, "10家"},
		{"<5天", OpLess, "5天"},
		{"不低于95%", OpAtLeast, "95%"},
		{"95%以上", OpAtLeast, "95%"},
		{"5个工作日以内", OpAtMost, "5个工作日"},
		{" ≥ ", OpAtLeast, ""},
		{"100%", "", "100%"},
		{"效果明显", "", "效果明显"},
		{"以上", "", "以上"},
	} {
		op, rest, ok := Comparison(c.in)
		if op != c.op || rest != c.rest || ok != (c.op != "") {
			t.Errorf("Comparison(%q) = %q, %q, %v; want %q, %q", c.in, op, rest, ok, c.op, c.rest)
		}
	}
}

func TestMeets(t *testing.T) {
	r := func(s string) *big.Rat { v, _ := new(big.Rat).SetString(s); return v }
	for _, c := range []struct {
		op, target, actual string
		met, ok            bool
	}{
		{OpAtLeast, "95", "98", true, true},
		{OpAtLeast, "95", "94.9", false, true},
		{OpAtMost, "900000", "950000", false, true},
		{OpAtMost, "900000", "900000", true, true},
		{OpEqual, "100", "100", true, true},
		{OpEqual, "100", "99", false, true},
		{OpMore, "10", "10", false, true},
		{OpLess, "5", "4", true, true},
		{"", "1", "1", false, false},
	} {
		met, ok := Meets(c.op, r(c.target), r(c.actual))
		if met != c.met || ok != c.ok {
			t.Errorf("Meets(%q, %s, %s) = %v, %v; want %v, %v", c.op, c.target, c.actual, met, ok, c.met, c.ok)
		}
	}
}
