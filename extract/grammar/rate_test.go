package grammar

import (
	"math/big"
	"testing"
)

func TestRate(t *testing.T) {
	for _, c := range []struct {
		budget, actual string
		want           float64
		ok             bool
	}{
		{"270000", "265800", 98.44, true},
		{"100", "100", 100, true},
		{"3", "1", 33.33, true},
		{"3", "2", 66.67, true},
		{"8", "0.001", 0.01, true},    // 0.0125 → 0.01
		{"1000", "0.125", 0.01, true}, // 0.0125
		{"1000", "0.115", 0.01, true}, // 0.0115 → 0.01
		{"200", "0.01", 0.01, true},   // 0.005 exactly: half away from zero
		{"100", "-5", -5, true},
		{"0", "5", 0, false},
		{"", "5", 0, false},
		{"5", "x", 0, false},
	} {
		got, ok := Rate(c.budget, c.actual)
		if got != c.want || ok != c.ok {
			t.Errorf("Rate(%s, %s) = %v, %v; want %v, %v", c.budget, c.actual, got, ok, c.want, c.ok)
		}
	}
}

func TestDecimal(t *testing.T) {
	for _, c := range []struct {
		num, den int64
		want     string
	}{{5, 1, "5"}, {1, 8, "0.125"}, {-1, 4, "-0.25"}, {1, 3, "0.3333333333"}, {0, 1, "0"}} {
		if got := Decimal(big.NewRat(c.num, c.den)); got != c.want {
			t.Errorf("Decimal(%d/%d) = %s, want %s", c.num, c.den, got, c.want)
		}
	}
}
