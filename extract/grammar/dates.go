package grammar

import (
	"fmt"
	"strings"
)

// IsYear reports whether n is a year of the reports' time, 1900 to 2100:
// a four-digit number outside it is a count or a code.
func IsYear(n int) bool { return n >= 1900 && n <= 2100 }

// Year reads a year of the reports' time (IsYear), written in four
// Arabic digits (ASCII or full-width) or four Chinese digits (二〇二〇).
func Year(s string) (int, bool) {
	rs := []rune(s)
	if len(rs) != 4 {
		return 0, false
	}
	y := 0
	arabic := 0
	for _, r := range rs {
		switch d, ok := ArabicDigit(r); {
		case ok:
			y = y*10 + d
			arabic++
		default:
			c, ok := DigitValue(r)
			if !ok || IsCapital(r) {
				return 0, false
			}
			y = y*10 + c
		}
	}
	if arabic != 0 && arabic != 4 || !IsYear(y) {
		return 0, false
	}
	return y, true
}

// YearPattern is a year in Arabic digits as a regular expression, for the
// patterns that read a year inside a longer form (a title's "2021年度", a
// document number's "〔2021〕"); what it captures is read with Year.
const YearPattern = `[12][0-9]{3}`

// YearsIn returns the years written before 年 in s ("2021年", "2021 年度",
// "二〇二一年"), in text order; a year inside a longer number is none.
func YearsIn(s string) []int {
	var out []int
	eachYear(s, func(y int, after []rune) {
		for len(after) > 0 && IsSpace(after[0]) {
			after = after[1:]
		}
		if len(after) > 0 && after[0] == '年' {
			out = append(out, y)
		}
	})
	return out
}

// FirstYear returns the first year s names, with or without 年 ("2021",
// "2021年度"), 0 when none.
func FirstYear(s string) int {
	first := 0
	eachYear(s, func(y int, _ []rune) {
		if first == 0 {
			first = y
		}
	})
	return first
}

// eachYear calls f with each year of s that stands apart from other
// digits, and the runes after it.
func eachYear(s string, f func(y int, after []rune)) {
	rs := []rune(s)
	for i := 0; i+4 <= len(rs); i++ {
		if i > 0 && isYearDigit(rs[i-1]) || isYearDigit(safeRune(rs, i+4)) {
			continue
		}
		if y, ok := Year(string(rs[i : i+4])); ok {
			f(y, rs[i+4:])
			i += 3
		}
	}
}

func isYearDigit(r rune) bool {
	if _, ok := ArabicDigit(r); ok {
		return true
	}
	_, ok := DigitValue(r)
	return ok && !IsCapital(r)
}

func safeRune(rs []rune, i int) rune {
	if i < 0 || i >= len(rs) {
		return 0
	}
	return rs[i]
}

// DateLine reads a paragraph that is a date and nothing else, such as
// "2020年 06月25日", "二〇二〇年六月二十五日" or "2021.6.1", and returns it in
// ISO form: 2020-06-25, or 2022-04 for a month alone ("二〇二二年四月").
// A year alone, a period or a day without its year is no date line.
func DateLine(s string) (iso string, ok bool) {
	if len(s) > 64 {
		return "", false // a date line is short
	}
	s = strings.TrimFunc(squash(s), func(r rune) bool { return strings.ContainsRune("（）()", r) })
	rs := []rune(s)
	if len(rs) < 6 {
		return "", false
	}
	y, ok := Year(string(rs[:4]))
	if !ok {
		return "", false
	}
	rest := rs[4:]
	if rest[0] == '年' {
		m, e, ok := small(rest, 1)
		if !ok || m < 1 || m > 12 || e >= len(rest) || rest[e] != '月' {
			return "", false
		}
		e++
		if e < len(rest) && rest[e] == '份' {
			e++
		}
		if e == len(rest) {
			return fmt.Sprintf("%04d-%02d", y, m), true
		}
		d, e, ok := small(rest, e)
		if !ok || d < 1 || d > 31 || e+1 != len(rest) || rest[e] != '日' && rest[e] != '号' {
			return "", false
		}
		return fmt.Sprintf("%04d-%02d-%02d", y, m, d), true
	}
	// 2021.6.1, 2020-06-25, 2020/6/25, 2020-06
	sep := rest[0]
	if !strings.ContainsRune(".．-－/", sep) {
		return "", false
	}
	m, e, ok := small(rest, 1)
	if !ok || m < 1 || m > 12 || e == 1 || !arabicOnly(rest[1:e]) {
		return "", false
	}
	if e == len(rest) {
		if e-1 == 2 && sep != '.' && sep != '．' {
			return fmt.Sprintf("%04d-%02d", y, m), true
		}
		return "", false
	}
	if rest[e] != sep {
		return "", false
	}
	d, e2, ok := small(rest, e+1)
	if !ok || d < 1 || d > 31 || e2 != len(rest) || !arabicOnly(rest[e+1:e2]) {
		return "", false
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d), true
}

// small reads a month or a day at rs[i]: one or two Arabic digits, or a
// Chinese numeral below a hundred (二十五).
func small(rs []rune, i int) (v, end int, ok bool) {
	j := i
	for j < len(rs) && j-i < 3 {
		d, isD := ArabicDigit(rs[j])
		if !isD {
			break
		}
		v = v*10 + d
		j++
	}
	if j > i {
		return v, j, j-i <= 2
	}
	for j < len(rs) && j-i < 3 {
		if d, isD := DigitValue(rs[j]); !(isD && d > 0) && rs[j] != '十' && rs[j] != '拾' {
			break
		}
		j++
	}
	if j == i {
		return 0, i, false
	}
	v, ok = chineseNumber(string(rs[i:j]))
	return v, j, ok && v < 100
}

func arabicOnly(rs []rune) bool {
	for _, r := range rs {
		if _, ok := ArabicDigit(r); !ok {
			return false
		}
	}
	return true
}

// squash removes every space from s.
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if IsSpace(r) {
			return -1
		}
		return r
	}, s)
}
