// Package figures finds the figures of a text (amounts, percentages,
// counts, areas …) and normalises each into an exact decimal value in a base
// unit, with the words it came from; and finds dates, which are never
// figures.
package figures

import (
	"math/big"
	"strings"
)

// Context is what surrounds a text: the header of the table column it stands
// in, or the caption above it, which may give the unit of bare numbers
// ("年度预算数(万元)", "项目资金安排").
type Context struct {
	Header string
}

// Money reads one amount of money as written in a cell or phrase, such as
// "72.4万", "51.78亿元" or "180000", in a column whose header is header, and
// returns its exact value in 元 as a decimal string ("724000"). ok is false
// when raw holds no readable amount.
//
// This first version reads Arabic numbers with 万/亿 scales and a header
// unit of 万元; the full normaliser replaces it.
func Money(raw, header string) (value string, ok bool) {
	s := strings.TrimSpace(strings.NewReplacer(",", "", "，", "", " ", "", "\u3000", "").Replace(raw))
	s = strings.TrimPrefix(strings.TrimPrefix(s, "￥"), "人民币")
	s = strings.TrimSuffix(strings.TrimSuffix(s, "元"), "整")
	scale := big.NewRat(1, 1)
	switch {
	case strings.HasSuffix(s, "亿"):
		scale.SetInt64(100000000)
		s = strings.TrimSuffix(s, "亿")
	case strings.HasSuffix(s, "万"):
		scale.SetInt64(10000)
		s = strings.TrimSuffix(s, "万")
	case strings.Contains(header, "万元"):
		scale.SetInt64(10000)
	}
	r, ok := new(big.Rat).SetString(s)
	if !ok || s == "" || strings.ContainsAny(s, "/eE") {
		return "", false
	}
	return Decimal(r.Mul(r, scale)), true
}

// Decimal formats an exact rational with a terminating decimal expansion
// as a plain decimal string without trailing zeros.
func Decimal(r *big.Rat) string {
	s := r.FloatString(10)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}
