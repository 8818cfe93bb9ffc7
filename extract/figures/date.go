package figures

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/govreports/govreports/extract/grammar"
)

type dateKind int

const (
	notDate  dateKind = iota
	isDate            // a date: report it
	skipDate          // a day or month-like number that is no date and no figure (25日, 13月)
)

// readSmall reads a small whole number at rs[i] for a month or a day:
// one to two Arabic digits (06) or a Chinese numeral below 100 (二十五).
func readSmall(rs []rune, i int) (v, end int, ok bool) {
	n := len(rs)
	j := i
	for j < n && j-i < 3 {
		d, isD := grammar.ArabicDigit(rs[j])
		if !isD {
			break
		}
		v = v*10 + d
		j++
	}
	if j > i {
		if j-i > 2 {
			return 0, i, false
		}
		return v, j, true
	}
	var toks []grammar.Token
	for j < n && j-i < 3 {
		if d, isD := grammar.DigitValue(rs[j]); isD && d > 0 {
			toks = append(toks, grammar.Token{Kind: grammar.TokNum, Digit: int8(d), CN: true, Val: big.NewRat(int64(d), 1)})
		} else if e, isM := grammar.MultiplierExp(rs[j]); isM && e == 1 {
			toks = append(toks, grammar.Token{Kind: grammar.TokMul, Exp: 1, CN: true})
		} else {
			break
		}
		j++
	}
	if len(toks) == 0 {
		return 0, i, false
	}
	r, ok := grammar.EvalSection(toks)
	if !ok || !r.IsInt() || !r.Num().IsInt64() {
		return 0, i, false
	}
	return int(r.Num().Int64()), j, true
}

func skipSpaces(rs []rune, i int) int {
	for i < len(rs) && (rs[i] == ' ' || rs[i] == '\u3000' || rs[i] == '\u00a0') {
		i++
	}
	return i
}

// rangeSepAt returns the length of a range separator at rs[i] (至, 到, ~,
// -, —), 0 when there is none; hyphen tells the dashes, which also join
// codes and phone numbers.
func rangeSepAt(rs []rune, i int) (length int, hyphen bool) {
	if i >= len(rs) {
		return 0, false
	}
	switch rs[i] {
	case '至', '到', '~', '～', '〜':
		return 1, false
	case '-', '－', '—', '–', '−':
		// A doubled dash is one: 2万元--8万元, 3——5人.
		if i+1 < len(rs) && strings.ContainsRune("—-－", rs[i+1]) {
			return 2, true
		}
		return 1, true
	}
	return 0, false
}

// dateAt decides whether the numeral nm, of value v, starts a date: a year
// (2020年, 2020年度, 2019-2021年), a month (2020年3月, 1-12月, 三月份), a day
// (2020年06月25日, 2020-06-25) or a day of month alone (25日, skipped).
func dateAt(rs []rune, nm *grammar.Numeral, v *big.Rat, seq bool) (end int, iso string, kind dateKind) {
	n := len(rs)
	k := nm.End
	if !v.IsInt() || !v.Num().IsInt64() || nm.Point || nm.Malformed {
		return k, "", notDate
	}
	x := int(v.Num().Int64())
	year := 0
	if (nm.IntDigits == 4 && !nm.Chinese) || (seq && len(nm.Toks) == 4) {
		if grammar.IsYear(x) {
			year = x
		}
	}
	if year > 0 {
		k2 := skipSpaces(rs, k)
		if k2 < n && rs[k2] == '年' {
			e := k2 + 1
			iso = fmt.Sprintf("%04d", year)
			if e < n && rs[e] == '度' {
				return e + 1, iso, isDate
			}
			m1, me, ok := readSmall(rs, skipSpaces(rs, e))
			if !ok || m1 < 1 || m1 > 12 {
				return e, iso, isDate
			}
			if sl, _ := rangeSepAt(rs, me); sl > 0 {
				m2, me2, ok := readSmall(rs, me+sl)
				if ok && m2 >= m1 && m2 <= 12 && me2 < n && rs[me2] == '月' {
					return monthEnd(rs, me2+1), fmt.Sprintf("%04d-%02d/%04d-%02d", year, m1, year, m2), isDate
				}
			}
			// Spaces may stand around the parts: 2025 年 10 月 30 日.
			if ms := skipSpaces(rs, me); ms < n && rs[ms] == '月' {
				e2 := monthEnd(rs, ms+1)
				iso = fmt.Sprintf("%04d-%02d", year, m1)
				d, de, ok := readSmall(rs, skipSpaces(rs, e2))
				if ds := skipSpaces(rs, de); ok && d >= 1 && d <= 31 && ds < n && (rs[ds] == '日' || rs[ds] == '号') {
					return ds + 1, fmt.Sprintf("%s-%02d", iso, d), isDate
				}
				return e2, iso, isDate
			}
			return e, iso, isDate
		}
		if sl, _ := rangeSepAt(rs, k); sl > 0 && !seq {
			if nm2, ok := grammar.LexNumeral(rs, k+sl); ok && nm2.IntDigits == 4 && !nm2.Chinese {
				v2, _, _, _ := grammar.EvalNumeral(&nm2)
				y2 := int(v2.Num().Int64())
				if y2 > year && grammar.IsYear(y2) {
					e := nm2.End
					if e < n && rs[e] == '年' {
						e++
						if e < n && rs[e] == '度' {
							e++
						}
					}
					return e, fmt.Sprintf("%04d/%04d", year, y2), isDate
				}
			}
		}
		if k+1 < n && !seq && (rs[k] == '-' || rs[k] == '/' || rs[k] == '－') {
			sep := rs[k]
			m, me, ok := readSmall(rs, k+1)
			if ok && m >= 1 && m <= 12 && me-k-1 <= 2 {
				if me+1 < n && rs[me] == sep {
					d, de, ok := readSmall(rs, me+1)
					if ok && d >= 1 && d <= 31 && (de >= n || !isDigitRune(rs[de])) {
						return de, fmt.Sprintf("%04d-%02d-%02d", year, m, d), isDate
					}
				}
				if me-k-1 == 2 && (me >= n || (!isDigitRune(rs[me]) && rs[me] != sep)) {
					return me, fmt.Sprintf("%04d-%02d", year, m), isDate
				}
			}
		}
		return k, "", notDate
	}
	if seq {
		return k, "", notDate
	}
	// A month or a day without a year.
	if x >= 1 && x <= 12 && (nm.IntDigits > 0 && nm.IntDigits <= 2 || nm.Chinese) {
		if k < n && rs[k] == '月' {
			e := monthEnd(rs, k+1)
			d, de, ok := readSmall(rs, e)
			if ok && d >= 1 && d <= 31 && de < n && (rs[de] == '日' || rs[de] == '号') {
				return de + 1, fmt.Sprintf("--%02d-%02d", x, d), isDate
			}
			return e, fmt.Sprintf("--%02d", x), isDate
		}
		if sl, _ := rangeSepAt(rs, k); sl > 0 {
			m2, me2, ok := readSmall(rs, k+sl)
			if ok && m2 > x && m2 <= 12 && me2 < n && rs[me2] == '月' {
				return monthEnd(rs, me2+1), fmt.Sprintf("--%02d/--%02d", x, m2), isDate
			}
		}
	}
	if k < n && (rs[k] == '月' || rs[k] == '日') && (nm.IntDigits > 0 || nm.Chinese) && x <= 31 {
		return k + 1, "", skipDate
	}
	return k, "", notDate
}

// monthEnd takes 份 after 月 into the date (三月份).
func monthEnd(rs []rune, i int) int {
	if i < len(rs) && rs[i] == '份' {
		return i + 1
	}
	return i
}

func isDigitRune(r rune) bool {
	_, ok := grammar.ArabicDigit(r)
	return ok
}

// dottedDate reads 2020.06.25, which the numeral reader takes for a code.
func dottedDate(s string) (string, bool) {
	var y, m, d int
	var rest string
	if c, _ := fmt.Sscanf(s, "%4d.%d.%d%s", &y, &m, &d, &rest); c != 3 {
		return "", false
	}
	if !grammar.IsYear(y) || m < 1 || m > 12 || d < 1 || d > 31 {
		return "", false
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d), true
}
