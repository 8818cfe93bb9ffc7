package grammar

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// IsYear reports whether n is a year of the reports' time, 1900 to 2100:
// a four-digit number outside it is a count or a code.
func IsYear(n int) bool { return n >= 1900 && n <= 2100 }

// Year reads a year of the reports' time (IsYear), written in four
// Arabic digits (ASCII or full-width) or four Chinese digits (二〇二〇).
func Year(s string) (int, bool) {
	var rs [4]rune
	n := 0
	for _, r := range s {
		if n == 4 {
			return 0, false
		}
		rs[n] = r
		n++
	}
	if n != 4 {
		return 0, false
	}
	return yearOf(rs)
}

func yearOf(rs [4]rune) (int, bool) {
	y, arabic := 0, 0
	for _, r := range rs {
		if d, ok := ArabicDigit(r); ok {
			y = y*10 + d
			arabic++
			continue
		}
		d, ok := DigitValue(r)
		if !ok || IsCapital(r) {
			return 0, false
		}
		y = y*10 + d
	}
	if arabic != 0 && arabic != 4 || !IsYear(y) {
		return 0, false
	}
	return y, true
}

// YearPattern is a year as a regular expression, for the patterns that
// read a year inside a longer form (a title's "2021年度" or "二〇二一年度",
// a document number's "〔2021〕"): four Arabic digits (ASCII or
// full-width, as a report typed in full-width writes them), or four Chinese
// digits of 1900 to 2099 as Year reads them; what it captures is read
// with Year.
const YearPattern = `(?:[12][0-9]{3}|[１２][０-９]{3}|(?:一九|二[〇零○])[〇零○一二三四五六七八九]{2})`

// YearsIn returns the years written before 年 in s ("2021年", "2021 年度",
// "二〇二一年"), in text order; a year inside a longer number is none.
func YearsIn(s string) []int {
	var out []int
	eachYear(s, func(y int, after string) {
		if strings.HasPrefix(strings.TrimLeftFunc(after, IsSpace), "年") {
			out = append(out, y)
		}
	})
	return out
}

// FirstYear returns the first year s names, with or without 年 ("2021",
// "2021年度"), 0 when none.
func FirstYear(s string) int {
	first := 0
	eachYear(s, func(y int, _ string) {
		if first == 0 {
			first = y
		}
	})
	return first
}

// eachYear calls f with each year of s that stands apart from other
// digits, and the text after it.
func eachYear(s string, f func(y int, after string)) {
	prev := rune(0)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if isYearDigit(r) && !isYearDigit(prev) {
			// A run of exactly four digits from i?
			var rs [4]rune
			j, k := i, 0
			for ; k < 4 && j < len(s); k++ {
				d, n := utf8.DecodeRuneInString(s[j:])
				if !isYearDigit(d) {
					break
				}
				rs[k] = d
				j += n
			}
			if next, _ := utf8.DecodeRuneInString(s[j:]); k == 4 && !isYearDigit(next) {
				if y, ok := yearOf(rs); ok {
					f(y, s[j:])
					prev, i = rs[3], j
					continue
				}
			}
		}
		prev = r
		i += size
	}
}

func isYearDigit(r rune) bool {
	if _, ok := ArabicDigit(r); ok {
		return true
	}
	_, ok := DigitValue(r)
	return ok && !IsCapital(r)
}

// DateLine reads a paragraph that is a date and nothing else, such as
// "2020年 06月25日", "二〇二〇年六月二十五日" or "2021.6.1", and returns it in
// ISO form: 2020-06-25, or 2022-04 for a month alone ("二〇二二年四月").
// A year alone, a period or a day without its year is no date line.
func DateLine(s string) (iso string, ok bool) {
	if len(s) > 64 {
		return "", false // a date line is short
	}
	s = strings.TrimFunc(Squash(s), func(r rune) bool { return strings.ContainsRune("（）()", r) })
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

// Squash removes every space from s: "姓  名" → "姓名", as Chinese forms
// spread short labels with spaces.
func Squash(s string) string {
	return strings.Map(func(r rune) rune {
		if IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// wholeYear is a period of one whole year as reports state it:
// "2020年1-12月", "2020年1月至12月", "2020年1月1日至2020年12月31日".
var wholeYear = regexp.MustCompile(`(` + YearPattern + `)\s*年\s*(?:1|01|一)\s*月?\s*(?:1日|01日|一日)?\s*(?:-|－|—|–|~|～|至|到)\s*(?:(?:` + YearPattern + `)\s*年\s*)?(?:12|十二)\s*月`)

// PeriodYear is the year of the first whole-year period s states, 0 when
// none: the period a report covers names its year where nothing else does.
func PeriodYear(s string) int {
	m := wholeYear.FindStringSubmatch(s)
	if m == nil {
		return 0
	}
	y, _ := Year(m[1])
	return y
}

// objectYear is the year of what an evaluation covers, stated in its
// own sentence: "本次评价对象为该项目2018年度资金使用…", "评价范围：2019年度…",
// "本次评估的内容是…2020年度…". Only a 年度 counts: "2017年3月开工" is a
// date, not the year evaluated.
var objectYear = regexp.MustCompile(`(?:评价|自评|评估)的?(?:对象|范围|内容)\s*(?:为|是|：|:)[^。；;，,：:]{0,20}?(` + YearPattern + `)\s*年度`)

// evaluatedYear is the year of what a sentence says was evaluated:
// "我局对2019年度实施的…2个项目开展了绩效自评", "对本局2020年度承担的…项目进行了
// 绩效自评", a third party's "对某某市疾病预防控制中心2019年度…项目实施了事后
// 绩效评价" (the unit named in full before the year). A letter sending
// reports on says so for all of them.
var evaluatedYear = regexp.MustCompile(`对[^。；;，,：:对]{0,24}?(` + YearPattern + `)\s*年度[^。；;：:]{0,40}?(?:开展|进行|实施)了?[^。；;，,]{0,8}?(?:自评|评价)`)

// ObjectYear is the year the evaluation's object or scope names, 0 when
// s states none.
func ObjectYear(s string) int {
	m := objectYear.FindStringSubmatch(s)
	if m == nil && strings.Contains(s, "年度") {
		m = evaluatedYear.FindStringSubmatch(s)
	}
	if m == nil {
		return 0
	}
	y, _ := Year(m[1])
	return y
}
