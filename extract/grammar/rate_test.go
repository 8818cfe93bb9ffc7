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

func TestParsePercentAndDisagreement(t *testing.T) {
	for _, c := range []struct {
		in     string
		rate   float64
		places int
		ok     bool
	}{
		{"99.00%", 99, 2, true},
		{"100％", 100, 0, true},
		{" 98.4 ", 98.4, 1, true},
		{"90%-100%", 0, 0, false},
		{"良好", 0, 0, false},
		{"８７．５０％", 87.5, 2, true}, // typed in full-width
		{"１００%", 100, 0, true},
		{"８７．５％以上", 0, 0, false},
		{"", 0, 0, false},
	} {
		rate, places, ok := ParsePercent(c.in)
		if rate != c.rate || places != c.places || ok != c.ok {
			t.Errorf("ParsePercent(%q) = %v, %d, %v; want %v, %d, %v", c.in, rate, places, ok, c.rate, c.places, c.ok)
		}
	}
	for _, c := range []struct {
		stated         float64
		places         int
		budget, actual string
		computed       float64
		disagrees      bool
	}{
		{99, 0, "1000", "994", 99, false},          // 99.4 rounds to the stated 99
		{99, 2, "1180000", "1173200", 99.42, true}, // stated to the hundredth: 0.42 apart
		{100, 0, "100", "180.5", 181, true},        // a stated 100% against 180.5%
		{98.44, 2, "270000", "265800", 98.44, false},
	} {
		got, dis, ok := RateDisagrees(c.stated, c.places, c.budget, c.actual)
		if !ok || got != c.computed || dis != c.disagrees {
			t.Errorf("RateDisagrees(%v, %d, %s, %s) = %v, %v, %v; want %v, %v", c.stated, c.places, c.budget, c.actual, got, dis, ok, c.computed, c.disagrees)
		}
	}
}

func TestFractionRate(t *testing.T) {
	for _, c := range []struct {
		stated         float64
		budget, actual string
		want           float64
		ok             bool
	}{
		{0.8812, "500", "440.6", 88.12, true}, // 440.6 / 500 = 88.12%
		{1, "300", "300", 100, true},          // spent in full
		{0.9, "1000", "9", 0, false},          // 0.9% indeed
		{0.5, "500", "440.6", 0, false},       // the amounts say neither
		{88.12, "500", "440.6", 0, false},     // a percentage already
		{0.8812, "0", "440.6", 0, false},      // no rate from the amounts
	} {
		got, ok := FractionRate(c.stated, c.budget, c.actual)
		if ok != c.ok || ok && (got-c.want > 1e-9 || c.want-got > 1e-9) {
			t.Errorf("FractionRate(%v, %s, %s) = %v, %v; want %v, %v", c.stated, c.budget, c.actual, got, ok, c.want, c.ok)
		}
	}
}
