package grammar

import (
	"math/big"
	"strings"
)

// A numeral is read in two steps: LexNumeral splits the runes into tokens
// (numbers, zeros, multipliers) and EvalNumeral folds them into a value.
// Arabic and Chinese numerals share the tokens, so mixed forms such as
// "72.4万", "3千万" or "13万2" need no special case.

// Token kinds.
const (
	TokNum  = iota // an Arabic number or one Chinese digit
	TokZero        // 零 / 〇 between the parts of a Chinese numeral
	TokMul         // 十 百 千 万 亿: Exp is the power of ten
)

// A Token is one part of a numeral.
type Token struct {
	Kind  int8
	Exp   int8     // TokMul
	Digit int8     // 0-9 when the number is one digit written as one character, else -1
	CN    bool     // written in Chinese
	Val   *big.Rat // TokNum
}

// Value returns the number of a TokNum; a Chinese digit keeps none until
// it is needed, as most are words (一是, 统一) and never evaluated.
func (t Token) Value() *big.Rat {
	if t.Val != nil {
		return t.Val
	}
	return ratInt(int64(max(t.Digit, 0)))
}

// A Numeral is one run of numeral characters in a text, rs[Start:End].
type Numeral struct {
	Start, End int
	Toks       []Token
	Arabic     bool // holds Arabic digits
	Chinese    bool // holds Chinese digits or multipliers
	Capital    bool // holds financial capitals (壹 贰 … 拾 佰 仟)
	Point      bool // holds a decimal point
	Few        bool // holds 几: an unknown digit, the value is a lower bound
	Malformed  bool // an Arabic number whose separators cannot be read
	Code       bool // an Arabic run that is no quantity: 1.2.3, 007, 13812345678
	Dotted     bool // a code of dotted numbers: 1.2.3
	IntDigits  int  // digits of a plain Arabic integer (no separator, no point), else 0
}

// ArabicDigit is the value of an ASCII or full-width digit.
func ArabicDigit(r rune) (int, bool) {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0'), true
	case r >= '０' && r <= '９':
		return int(r - '０'), true
	}
	return 0, false
}

// isTens reports 十 百 千 万 亿, after which 数 is a number (数十家).
func isTens(r rune) bool {
	_, ok := MultiplierExp(r)
	return ok
}

// tensChar returns the tens of 廿 (2), 卅 (3) and 卌 (4), else 0.
func tensChar(r rune) int {
	switch r {
	case '廿':
		return 2
	case '卅':
		return 3
	case '卌':
		return 4
	}
	return 0
}

func isPoint(r rune) bool { return r == '.' || r == '．' }

// powers holds 10^-4 … 10^40, shared and never written: pow10's results
// are only ever operands.
var powers = func() []*big.Rat {
	p := make([]*big.Rat, 45)
	for e := -4; e <= 40; e++ {
		p[e+4] = computePow10(e)
	}
	return p
}()

// Pow10 returns 10^e, also for e < 0. The result must not be modified.
func Pow10(e int) *big.Rat {
	if e >= -4 && e <= 40 {
		return powers[e+4]
	}
	return computePow10(e)
}

// ratInt is big.NewRat(x, 1) without the greatest common divisor NewRat
// computes to put the fraction in lowest terms, which cost every number
// read an allocation or two more.
func ratInt(x int64) *big.Rat { return new(big.Rat).SetInt64(x) }

func computePow10(e int) *big.Rat {
	p := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(abs(e))), nil)
	if e < 0 {
		return new(big.Rat).SetFrac(big.NewInt(1), p)
	}
	return new(big.Rat).SetInt(p)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// mulStartsUnit reports whether the multiplier at rs[j] begins a unit or a
// fraction word instead (千克, 千米, 千瓦, 百分点, 百分之), so the numeral ends before it.
func mulStartsUnit(rs []rune, j int) bool {
	if _, end := UnitAt(rs, j); end > j {
		return true
	}
	return HasAt(rs, j+1, "分之")
}

// LexNumeral reads the longest run of numeral characters at rs[i]. ok is
// false when there is none.
func LexNumeral(rs []rune, i int) (nm Numeral, ok bool) {
	nm.Start = i
	j := i
	n := len(rs)
	lastNum := func() bool {
		return len(nm.Toks) > 0 && nm.Toks[len(nm.Toks)-1].Kind != TokMul
	}
	for j < n {
		r := rs[j]
		if r == ' ' && spacedMultiplier(rs, j, &nm) {
			j++ // "3 万2 千5 百": a space before a multiplier, typed or extracted
			continue
		}
		if _, isA := ArabicDigit(r); isA {
			// Arabic digits follow a multiplier or a zero: 13万2, 4千零50万.
			if lastNum() && nm.Toks[len(nm.Toks)-1].Kind != TokZero {
				break
			}
			end := j
			for end < n {
				if _, d := ArabicDigit(rs[end]); d {
					end++
					continue
				}
				if (rs[end] == ',' || isPoint(rs[end])) && end+1 < n {
					if _, d := ArabicDigit(rs[end+1]); d {
						end++
						continue
					}
				}
				if rs[end] == '，' && fullWidthGroup(rs, end) {
					end++
					continue
				}
				break
			}
			val, kind := readArabic(rs[j:end])
			nm.Arabic = true
			switch kind {
			case arabicMalformed:
				nm.Malformed = true
			case arabicCode:
				nm.Code = true
				nm.Dotted = val == nil
			}
			if val == nil {
				val = new(big.Rat)
			}
			t := Token{Kind: TokNum, Digit: -1, Val: val}
			if end-j == 1 {
				d, _ := ArabicDigit(r)
				t.Digit = int8(d)
			}
			if kind == arabicInt && len(nm.Toks) == 0 {
				nm.IntDigits = end - j
			}
			if kind == arabicDecimal {
				nm.Point = true
			}
			nm.Toks = append(nm.Toks, t)
			j = end
			continue
		}
		if d, isD := DigitValue(r); isD {
			if lastNum() && !nm.Toks[len(nm.Toks)-1].CN {
				break // "2三" is not one numeral
			}
			nm.Chinese = true
			nm.Capital = nm.Capital || IsCapital(r)
			if d == 0 {
				nm.Toks = append(nm.Toks, Token{Kind: TokZero, Digit: 0, CN: true})
			} else {
				nm.Toks = append(nm.Toks, Token{Kind: TokNum, Digit: int8(d), CN: true})
			}
			j++
			continue
		}
		if d := tensChar(r); d > 0 && !lastNum() {
			// 廿 卅 卌: two tens, three tens, four tens.
			nm.Chinese = true
			nm.Toks = append(nm.Toks, Token{Kind: TokNum, Digit: int8(d), CN: true}, Token{Kind: TokMul, Exp: 1, CN: true})
			j++
			continue
		}
		if e, isM := MultiplierExp(r); isM {
			if mulStartsUnit(rs, j) {
				break
			}
			nm.Chinese = true
			nm.Capital = nm.Capital || IsCapital(r)
			nm.Toks = append(nm.Toks, Token{Kind: TokMul, Exp: int8(e), CN: true})
			j++
			continue
		}
		if (r == '点' || r == '點') && len(nm.Toks) > 0 && j+1 < n {
			// The digits after the point: Chinese (三点五) or Arabic (一百点123).
			fracDigit := func(r rune) (int, bool) {
				if d, ok := DigitValue(r); ok {
					return d, true
				}
				return ArabicDigit(r)
			}
			if _, isD := fracDigit(rs[j+1]); !isD {
				break
			}
			whole, ok := evalTokens(nm.Toks)
			if !ok {
				// 一七二零点一: a string of digits before the point.
				if whole, _, ok = digitString(nm.Toks); !ok {
					break
				}
			}
			k := j + 1
			var frac strings.Builder
			for k < n {
				d, isD := fracDigit(rs[k])
				if !isD {
					break
				}
				frac.WriteByte(byte('0' + d))
				k++
			}
			f, _ := new(big.Rat).SetString("0." + frac.String())
			nm.Toks = []Token{{Kind: TokNum, Digit: -1, CN: true, Val: whole.Add(whole, f)}}
			nm.Point = true
			j = k
			continue
		}
		if r == '几' || r == '数' && len(nm.Toks) == 0 && j+1 < n && isTens(rs[j+1]) {
			// 几 and 数 (数十, 数百万) stand for an unknown digit.
			nm.Few = true
			v := int64(0)
			if len(nm.Toks) == 0 {
				v = 1 // 几十 counts from one ten
			}
			nm.Toks = append(nm.Toks, Token{Kind: TokNum, Digit: -1, CN: true, Val: ratInt(v)})
			j++
			continue
		}
		break
	}
	nm.End = j
	if len(nm.Toks) > maxTokens {
		return nm, false // no real numeral is this long; keeps the work linear
	}
	if len(nm.Toks) == 0 {
		return nm, false
	}
	return nm, true
}

// spacedMultiplier reports whether the space at rs[j] stands inside a
// numeral: after Arabic digits, before a multiplier that is no unit's
// first character (万元 is a unit), where the numeral goes on after the
// multiplier or has had a multiplier already (3 万2 千5 百).
func spacedMultiplier(rs []rune, j int, nm *Numeral) bool {
	if len(nm.Toks) == 0 || j+1 >= len(rs) {
		return false
	}
	last := nm.Toks[len(nm.Toks)-1]
	if last.Kind != TokNum || last.CN {
		return false
	}
	if _, ok := MultiplierExp(rs[j+1]); !ok || IsCapital(rs[j+1]) || mulStartsUnit(rs, j+1) {
		return false
	}
	if _, d := ArabicDigit(safeRune(rs, j+2)); d {
		return true
	}
	for _, t := range nm.Toks {
		if t.Kind == TokMul {
			return true
		}
	}
	return false
}

func safeRune(rs []rune, i int) rune {
	if i < 0 || i >= len(rs) {
		return 0
	}
	return rs[i]
}

// maxTokens and maxDigits bound a numeral: longer runs are no amounts.
const (
	maxTokens = 40
	maxDigits = 40
)

// fullWidthGroup reports whether the full-width comma at rs[i] separates
// thousands: full-width digits on both sides, three after it (１，２３４).
// Elsewhere ， ends a clause.
func fullWidthGroup(rs []rune, i int) bool {
	isFW := func(k int) bool { return k >= 0 && k < len(rs) && rs[k] >= '０' && rs[k] <= '９' }
	return isFW(i-1) && isFW(i+1) && isFW(i+2) && isFW(i+3) && !isFW(i+4)
}

const (
	arabicInt = iota
	arabicDecimal
	arabicMalformed
	arabicCode
)

// readArabic reads digits with thousands separators and one decimal point.
// Anything else number-like is malformed (7,00.0,77) or a code (1.2.3, 007,
// phone and ID numbers): no quantity.
func readArabic(rs []rune) (*big.Rat, int) {
	if len(rs) > maxDigits {
		return nil, arabicCode
	}
	if len(rs) <= 10 {
		plain := true
		var x int64
		for _, r := range rs {
			d, ok := ArabicDigit(r)
			if !ok {
				plain = false
				break
			}
			x = x*10 + int64(d)
		}
		if plain {
			if len(rs) >= 2 && (rs[0] == '0' || rs[0] == '０') {
				return ratInt(x), arabicCode
			}
			return ratInt(x), arabicInt
		}
	}
	var b strings.Builder
	dots, commas := 0, 0
	for _, r := range rs {
		switch {
		case r == ',' || r == '，':
			commas++
		case isPoint(r):
			dots++
			b.WriteByte('.')
		default:
			d, _ := ArabicDigit(r)
			b.WriteByte(byte('0' + d))
		}
	}
	s := b.String()
	if dots >= 2 && commas == 0 {
		return nil, arabicCode
	}
	if commas > 0 {
		// ^\d{1,3}(,\d{3})+(\.\d+)?$
		group := 0
		first := true
		afterDot := false
		for _, r := range rs {
			switch {
			case r == ',' || r == '，':
				if afterDot || group == 0 || (first && group > 3) || (!first && group != 3) {
					return nil, arabicMalformed
				}
				first = false
				group = 0
			case isPoint(r):
				if afterDot || first || group != 3 {
					return nil, arabicMalformed
				}
				afterDot = true
			default:
				if !afterDot {
					group++
				}
			}
		}
		if !afterDot && group != 3 {
			return nil, arabicMalformed
		}
	} else if dots >= 2 {
		return nil, arabicMalformed
	}
	v, ok := new(big.Rat).SetString(s)
	if !ok {
		return nil, arabicMalformed
	}
	intPart := s
	if k := strings.IndexByte(s, '.'); k >= 0 {
		intPart = s[:k]
	}
	if commas == 0 && ((len(intPart) >= 2 && intPart[0] == '0') || len(intPart) >= 11) {
		return v, arabicCode
	}
	if dots > 0 {
		return v, arabicDecimal
	}
	return v, arabicInt
}

// evalTokens folds numeral tokens into a value: the last 亿 splits the
// tokens into a multiplier part and a remainder, then the last 万, then
// 千/百/十 within a section. A lone digit after a multiplier is the next
// lower place (一万三 = 13000, 13万2 = 132000, 一千二 = 1200).
func evalTokens(t []Token) (*big.Rat, bool) {
	if len(t) == 0 {
		return nil, false
	}
	for _, e := range []int8{8, 4} {
		idx := -1
		for k := len(t) - 1; k >= 0; k-- {
			if t[k].Kind == TokMul && t[k].Exp == e {
				idx = k
				break
			}
		}
		if idx < 0 {
			continue
		}
		left, right := t[:idx], t[idx+1:]
		lv := ratInt(1)
		implied := len(left) == 0
		if !implied {
			var ok bool
			if lv, ok = evalTokens(left); !ok {
				return nil, false
			}
		}
		v := new(big.Rat).Mul(lv, Pow10(int(e)))
		if len(right) == 0 {
			return v, true
		}
		var rv *big.Rat
		if len(right) == 1 && right[0].Kind == TokNum && right[0].Digit > 0 && !implied {
			rv = new(big.Rat).Mul(right[0].Value(), Pow10(int(e)-1))
		} else {
			var ok bool
			if rv, ok = evalTokens(right); !ok || rv.Cmp(Pow10(int(e))) >= 0 {
				return nil, false
			}
		}
		return v.Add(v, rv), true
	}
	return EvalSection(t)
}

// EvalSection folds tokens below 万: digits and 十 百 千 in falling order.
func EvalSection(t []Token) (*big.Rat, bool) {
	if v, ok, exact := evalSectionInt(t); exact {
		if !ok {
			return nil, false
		}
		return ratInt(v), true
	}
	return evalSectionRat(t)
}

// evalSectionInt is EvalSection in int64 for whole numbers, the common
// case; exact is false when a Token is no small whole number.
func evalSectionInt(t []Token) (v int64, ok, exact bool) {
	var num int64
	has := false
	numTok := Token{}
	last := 4
	zero := false
	for i, tk := range t {
		switch tk.Kind {
		case TokZero:
			if has {
				return 0, false, true
			}
			zero = true
		case TokNum:
			if has {
				return 0, false, true
			}
			if tk.Val == nil {
				num = int64(max(tk.Digit, 0))
			} else if tk.Val.IsInt() && tk.Val.Num().IsInt64() && tk.Val.Num().Int64() < 1e12 {
				num = tk.Val.Num().Int64()
			} else {
				return 0, false, false
			}
			has, numTok = true, tk
		case TokMul:
			e := int(tk.Exp)
			if e >= last {
				return 0, false, true
			}
			if !has {
				if i != 0 && !zero {
					return 0, false, true
				}
				num = 1
			}
			v += num * int64pow10[e]
			last, has, zero = e, false, false
		}
	}
	if has {
		if last > 1 && last < 4 && !zero && numTok.Digit > 0 {
			v += num * int64pow10[last-1]
		} else {
			v += num
		}
	}
	return v, true, true
}

var int64pow10 = [...]int64{1, 10, 100, 1000}

func evalSectionRat(t []Token) (*big.Rat, bool) {
	sec := new(big.Rat)
	var num *big.Rat
	numTok := Token{}
	last := 4
	zero := false
	for i, tk := range t {
		switch tk.Kind {
		case TokZero:
			if num != nil {
				return nil, false
			}
			zero = true
		case TokNum:
			if num != nil {
				return nil, false
			}
			num, numTok = tk.Value(), tk
		case TokMul:
			e := int(tk.Exp)
			if e >= last {
				return nil, false
			}
			if num == nil {
				if i != 0 && !zero {
					return nil, false
				}
				num = ratInt(1)
			}
			sec.Add(sec, new(big.Rat).Mul(num, Pow10(e)))
			last, num, zero = e, nil, false
		}
	}
	if num != nil {
		if last > 1 && last < 4 && !zero && numTok.Digit > 0 {
			sec.Add(sec, new(big.Rat).Mul(num, Pow10(last-1)))
		} else {
			sec.Add(sec, num)
		}
	} else if len(t) > 0 && t[len(t)-1].Kind == TokZero && len(t) == 1 {
		return sec, true
	}
	return sec, true
}

// EvalNumeral returns the value of a numeral, or the ends of a range when
// two neighbouring digits stand for one (两三个 = 2–3, 八九亿, 三五百).
// seq is set when the numeral is a plain string of Chinese digits (二〇二〇),
// which only a date may use.
func EvalNumeral(nm *Numeral) (lo, hi *big.Rat, seq bool, ok bool) {
	t := nm.Toks
	allDigits := len(t) >= 2
	for _, tk := range t {
		if !tk.CN || tk.Kind == TokMul || tk.Digit < 0 {
			allDigits = false
			break
		}
	}
	pair := -1
	for k := 0; k+1 < len(t); k++ {
		a, b := t[k], t[k+1]
		if a.Kind == TokNum && b.Kind == TokNum && a.CN && b.CN && a.Digit > 0 && b.Digit > 0 {
			if pair >= 0 || !(b.Digit == a.Digit+1 || (k == 0 && a.Digit == 3 && b.Digit == 5)) {
				pair = -2
				break
			}
			pair = k
		}
	}
	if allDigits && !(len(t) == 2 && pair == 0) {
		v, _, _ := digitString(t)
		return v, nil, true, true
	}
	if pair == -2 || isPlanName(t) {
		return nil, nil, false, false
	}
	if pair >= 0 {
		without := func(k int) []Token {
			out := make([]Token, 0, len(t)-1)
			out = append(out, t[:k]...)
			return append(out, t[k+1:]...)
		}
		lo, ok1 := evalTokens(without(pair + 1))
		hi, ok2 := evalTokens(without(pair))
		if !ok1 || !ok2 {
			return nil, nil, false, false
		}
		return lo, hi, false, true
	}
	v, ok := evalTokens(t)
	return v, nil, false, ok
}

// isPlanName reports 十一五 … 十四五, the five-year plans, which look like
// 十七八 (17–18) but are names.
func isPlanName(t []Token) bool {
	return len(t) == 3 && t[0].Kind == TokMul && t[0].Exp == 1 &&
		t[1].Kind == TokNum && t[1].CN && t[1].Digit >= 1 && t[1].Digit <= 4 &&
		t[2].Kind == TokNum && t[2].CN && t[2].Digit == 5
}

// digitString reads tokens that are all Chinese digits one place each
// (二〇二〇 = 2020); ok is false for anything else.
func digitString(t []Token) (*big.Rat, string, bool) {
	if len(t) == 0 {
		return nil, "", false
	}
	var b strings.Builder
	for _, tk := range t {
		if !tk.CN || tk.Kind == TokMul || tk.Digit < 0 {
			return nil, "", false
		}
		b.WriteByte(byte('0' + tk.Digit))
	}
	v, _ := new(big.Rat).SetString(b.String())
	return v, b.String(), true
}

// ParseNumber reads a whole string of Chinese or Arabic numerals, such as
// "一万三", "壹拾贰万叁仟", "三点五", "1,234.56", "72.4万" or "千万亿", and
// returns its exact value as a decimal string. ok is false when s is not
// one numeral (a range such as 两三 included).
func ParseNumber(s string) (value string, ok bool) {
	rs := []rune(strings.TrimSpace(s))
	neg := false
	if len(rs) > 0 && (rs[0] == '-' || rs[0] == '−' || rs[0] == '－' || rs[0] == '负' || rs[0] == '負') {
		neg, rs = true, rs[1:]
	}
	// 点一 is 0.1 and 零点 is 0, as people say them.
	if len(rs) > 1 && (rs[0] == '点' || rs[0] == '點') {
		rs = append([]rune{'零'}, rs...)
	}
	if len(rs) > 1 && (rs[len(rs)-1] == '点' || rs[len(rs)-1] == '點') {
		rs = rs[:len(rs)-1]
	}
	nm, ok := lexNumeralAll(rs)
	if !ok || nm.End != len(rs) || nm.Malformed || nm.Dotted || nm.Few {
		return "", false
	}
	v, hi, _, ok := EvalNumeral(&nm)
	if !ok || hi != nil {
		return "", false
	}
	if neg {
		v.Neg(v)
	}
	return Decimal(v), true
}

// lexNumeralAll is LexNumeral for a string that is only a numeral: there a
// multiplier never starts a unit.
func lexNumeralAll(rs []rune) (Numeral, bool) {
	nm, ok := LexNumeral(rs, 0)
	if !ok {
		return nm, false
	}
	return nm, true
}

// HasAt reports whether rs holds s at rune index i.
func HasAt(rs []rune, i int, s string) bool {
	for _, r := range s {
		if i >= len(rs) || rs[i] != r {
			return false
		}
		i++
	}
	return true
}

// ScaleRun reads scale characters (万, 亿, 千万 …) at rs[i] that do not
// start a unit, and returns the power of ten they stand for.
func ScaleRun(rs []rune, i int) (exp, end int) {
	for i < len(rs) {
		e, ok := MultiplierExp(rs[i])
		if !ok || mulStartsUnit(rs, i) {
			break
		}
		exp += e
		i++
	}
	return exp, i
}
