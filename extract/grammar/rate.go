package grammar

import (
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
	b, ok1 := new(big.Rat).SetString(budget)
	a, ok2 := new(big.Rat).SetString(actual)
	if !ok1 || !ok2 || b.Sign() == 0 {
		return 0, false
	}
	// In hundredths of a percent: actual * 100 * 100 / budget.
	q := new(big.Rat).Quo(new(big.Rat).Mul(a, big.NewRat(10000, 1)), b)
	num, den := new(big.Int).Abs(q.Num()), q.Denom()
	n, rem := new(big.Int).QuoRem(num, den, new(big.Int))
	if rem.Mul(rem, big.NewInt(2)).Cmp(den) >= 0 {
		n.Add(n, big.NewInt(1))
	}
	if q.Sign() < 0 {
		n.Neg(n)
	}
	v, err := strconv.ParseFloat(Decimal(new(big.Rat).SetFrac(n, big.NewInt(100))), 64)
	return v, err == nil
}
