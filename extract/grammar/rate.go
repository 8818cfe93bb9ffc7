package grammar

import (
	"math"
	"math/big"
	"strconv"
	"strings"
)

// Decimal formats an exact rational as a plain decimal string without
// trailing zeros. A rational whose decimal does not terminate is rounded to
// ten places.
func Decimal(r *big.Rat) string {
	prec := 10
	if r.IsInt() {
		return r.Num().String()
	}
	// A denominator 2^a·5^b needs max(a, b) places, exactly.
	d := new(big.Int).Set(r.Denom())
	two, five := big.NewInt(2), big.NewInt(5)
	a, b := 0, 0
	m := new(big.Int)
	for {
		q, rem := new(big.Int).QuoRem(d, two, m)
		if rem.Sign() != 0 {
			break
		}
		d, a = q, a+1
	}
	for {
		q, rem := new(big.Int).QuoRem(d, five, m)
		if rem.Sign() != 0 {
			break
		}
		d, b = q, b+1
	}
	if d.Cmp(big.NewInt(1)) == 0 {
		prec = max(a, b)
	}
	s := r.FloatString(prec)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		s = "0"
	}
	return s
}

// Rate is the execution rate: actual / budget in percent, rounded half
// away from zero to two decimals, computed over the exact decimals
// (amounts are decimal strings such as "265800" or "12.5"). ok is false
// when either is no decimal or the budget is zero.
func Rate(budget, actual string) (rate float64, ok bool) {
	return RateAt(budget, actual, 2)
}

// RateAt is Rate rounded to places decimals, the precision a report
// states its own rate in: 99% against a computed 99.4% is no disagreement.
func RateAt(budget, actual string, places int) (rate float64, ok bool) {
	b, ok1 := new(big.Rat).SetString(budget)
	a, ok2 := new(big.Rat).SetString(actual)
	if !ok1 || !ok2 || b.Sign() == 0 || places < 0 || places > 6 {
		return 0, false
	}
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(places)), nil)
	// In units of the last place: actual * 100 * 10^places / budget.
	q := new(big.Rat).Quo(new(big.Rat).Mul(a, new(big.Rat).SetInt(new(big.Int).Mul(scale, big.NewInt(100)))), b)
	num, den := new(big.Int).Abs(q.Num()), q.Denom()
	n, rem := new(big.Int).QuoRem(num, den, new(big.Int))
	if rem.Mul(rem, big.NewInt(2)).Cmp(den) >= 0 {
		n.Add(n, big.NewInt(1))
	}
	if q.Sign() < 0 {
		n.Neg(n)
	}
	v, err := strconv.ParseFloat(Decimal(new(big.Rat).SetFrac(n, scale)), 64)
	return v, err == nil
}

// ParsePercent reads a rate as a cell or a sentence states it ("99.00%",
// "99％", "99"), with the number of decimals it is stated to; ok is false
// for anything else (a range, words, two numbers).
func ParsePercent(s string) (rate float64, places int, ok bool) {
	s = strings.TrimSpace(s)
	s = strings.TrimSpace(strings.TrimRight(s, "%％"))
	if s == "" || strings.ContainsAny(s, "%％") {
		return 0, 0, false
	}
	s, ok = halfWidthNumber(s)
	if !ok {
		return 0, 0, false
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, 0, false
	}
	if _, frac, found := strings.Cut(s, "."); found {
		places = len(frac)
	}
	return v, places, true
}

// halfWidthNumber is s, digits and points only, with its full-width
// digits and points (a report typed in full-width: ９６．４５) made ASCII;
// ok is false when s holds anything else.
func halfWidthNumber(s string) (string, bool) {
	wide := false
	for _, r := range s {
		if _, digit := ArabicDigit(r); !digit && !isPoint(r) {
			return "", false
		}
		wide = wide || r > '9'
	}
	if !wide {
		return s, true
	}
	b := make([]byte, 0, len(s))
	for _, r := range s {
		if d, digit := ArabicDigit(r); digit {
			b = append(b, byte('0'+d))
		} else {
			b = append(b, '.')
		}
	}
	return string(b), true
}

// RateDisagrees reports whether a stated rate, given to places decimals,
// disagrees with actual / budget beyond rounding: by more than 0.1
// percentage point once the computed rate is rounded as the stated one
// is. It returns the computed rate at that precision.
func RateDisagrees(stated float64, places int, budget, actual string) (computed float64, disagrees, ok bool) {
	computed, ok = RateAt(budget, actual, places)
	if !ok {
		return 0, false, false
	}
	d := computed - stated
	return computed, d > 0.1+1e-9 || d < -0.1-1e-9, true
}

// A rate may be written as the division that gives it: "1,790,860.00÷
// 1,850,000.00=96.80%", "46,218/48,650，即95.00%". DivisionSign reports
// whether gap, the text between two numbers, divides the first by the
// second; QuotientSign whether gap, the text between the divisor and a
// percentage, states that the percentage is the quotient.
func DivisionSign(gap string) bool {
	switch strings.TrimFunc(gap, IsSpace) {
	case "÷", "/", "／", "除以":
		return true
	}
	return false
}

func QuotientSign(gap string) bool {
	g := strings.TrimFunc(gap, IsSpace)
	g = strings.TrimLeft(g, "，,")
	switch strings.TrimFunc(g, IsSpace) {
	case "=", "＝", "≈", "即", "即为", "等于", "约为", "为":
		return true
	}
	return false
}

// FractionRate reads a stated rate written as a fraction, as a sheet's raw
// value gives it (0.9532956685499058 for 95.33%), as the percentage it
// stands for: when stated is at most 1 and the amounts' own rate is
// stated × 100, not stated itself. ok is false otherwise.
func FractionRate(stated float64, budget, actual string) (rate float64, ok bool) {
	if stated <= 0 || stated > 1 {
		return 0, false
	}
	computed, ok := Rate(budget, actual)
	if !ok {
		return 0, false
	}
	near := func(v float64) bool { return v-computed <= 0.1+1e-9 && computed-v <= 0.1+1e-9 }
	if near(stated) || !near(stated*100) {
		return 0, false
	}
	// Rounded to ten decimals, so that 0.947 reads 94.7, not the
	// 94.69999999999999 of a float product.
	return math.Round(stated*1e12) / 1e10, true
}
