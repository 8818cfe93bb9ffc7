package figures

import (
	"math/big"
	"strings"

	"github.com/govreports/govreports/extract/grammar"
)

// ParseNumber reads a whole string of Chinese or Arabic numerals, such as
// "一万三", "壹拾贰万叁仟", "三点五", "1,234.56", "72.4万" or "千万亿" (see
// grammar.ParseNumber), or an amount in 元 written out ("壹拾壹元壹角壹分",
// "壹佰壹拾壹圆整"), and returns its exact value as a decimal string. ok is
// false when s is neither.
func ParseNumber(s string) (value string, ok bool) {
	if v, ok := grammar.ParseNumber(s); ok {
		return v, true
	}
	rs := []rune(strings.TrimSpace(s))
	neg := len(rs) > 0 && strings.ContainsRune("-−－负負", rs[0])
	if neg {
		rs = rs[1:]
	}
	if nm, ok := grammar.LexNumeral(rs, 0); !ok || nm.Malformed || nm.Few {
		return "", false // no amount starts with a numeral here
	}
	figs, _ := Find(string(rs), Context{})
	if len(figs) != 1 || figs[0].Raw != string(rs) || figs[0].Unit != "元" || figs[0].High != "" || figs[0].Flag != "" || figs[0].Approx != "" {
		return "", false
	}
	v, ok := new(big.Rat).SetString(figs[0].Value)
	if !ok {
		return "", false
	}
	if neg {
		v.Neg(v)
	}
	return Decimal(v), true
}
