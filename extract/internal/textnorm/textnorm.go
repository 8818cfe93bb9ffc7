// Package textnorm holds the small text helpers the extractors share:
// cleaning reader artefacts out of paragraph text, squashing spaces out of
// labels, reading Chinese numerals and dates.
package textnorm

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/govreports/govreports/extract/figures"
)

// bookmarkTag is the placeholder some text exports leave where Word had a
// bookmark, e.g. "[bookmark: _GoBack]".
var bookmarkTag = regexp.MustCompile(`\[bookmark:\s*[^\]]*\]`)

// Clean removes reader artefacts from a paragraph's text and trims the
// spaces (ASCII, no-break and ideographic) around it. Inner line breaks
// are kept.
func Clean(s string) string {
	if strings.Contains(s, "[bookmark") {
		s = bookmarkTag.ReplaceAllString(s, "")
	}
	s = strings.ReplaceAll(s, "\u00a0", " ")
	s = strings.ReplaceAll(s, "\ufeff", "")
	return strings.TrimFunc(s, IsSpace)
}

// IsSpace reports whether r is white space, the ideographic space included.
func IsSpace(r rune) bool { return unicode.IsSpace(r) || r == '\u3000' }

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

// Label normalises a short label such as a table header: no spaces next
// to Han characters ("姓  名" → "姓名", full-width spaces too), other runs of
// white space (line breaks included) made one space ("Unit\nPrice" →
// "Unit Price").
func Label(s string) string {
	rs := []rune(strings.TrimFunc(s, IsSpace))
	var b strings.Builder
	for i := 0; i < len(rs); i++ {
		if !IsSpace(rs[i]) {
			b.WriteRune(rs[i])
			continue
		}
		j := i
		for j < len(rs) && IsSpace(rs[j]) {
			j++
		}
		if !unicode.Is(unicode.Han, rs[i-1]) && !unicode.Is(unicode.Han, rs[j]) {
			b.WriteByte(' ')
		}
		i = j - 1
	}
	return b.String()
}

// OneLine joins the lines of s without separator, after trimming each:
// a title broken over lines is one title.
func OneLine(s string) string {
	if !strings.ContainsAny(s, "\n\r") {
		return s
	}
	lines := strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' })
	for i := range lines {
		lines[i] = strings.TrimFunc(lines[i], IsSpace)
	}
	return strings.Join(lines, "")
}

// Len is the length of s in runes.
func Len(s string) int { return utf8.RuneCountInString(s) }

// Number reads a small number written in Arabic digits (ASCII or
// full-width), Chinese numerals (一, 十二, 二十三, 一百零五) or the
// circled and parenthesised digits (①, ⑴, ⒈). ok is false when s is not
// such a number.
func Number(s string) (n int, ok bool) {
	if s == "" {
		return 0, false
	}
	if r, size := utf8.DecodeRuneInString(s); size == len(s) {
		switch {
		case r >= '①' && r <= '⑳':
			return int(r-'①') + 1, true
		case r >= '⑴' && r <= '⒇':
			return int(r-'⑴') + 1, true
		case r >= '⒈' && r <= '⒛':
			return int(r-'⒈') + 1, true
		case r >= 'Ⅰ' && r <= 'Ⅻ':
			return int(r-'Ⅰ') + 1, true
		}
	}
	if d := Digits(s); d != "" {
		v, err := strconv.Atoi(d)
		return v, err == nil
	}
	// Chinese numerals (十二, 一百零五, 壹拾) are read as the figures
	// scanner reads them.
	v, ok := figures.ParseNumber(s)
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(v)
	return n, err == nil
}

// Digits returns s with full-width digits made ASCII when s holds digits
// only, else "".
func Digits(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r >= '０' && r <= '９':
			b.WriteRune(r - '０' + '0')
		default:
			return ""
		}
	}
	return b.String()
}

// DateLine reads a paragraph that is a date and nothing else, such as
// "2020年 06月25日" or "二〇二〇年六月二十五日", and returns it in ISO form:
// 2020-06-25, or 2022-04 for a month alone ("二〇二二年四月"). The date is
// read by the figures scanner, which finds the dates of every text; a line
// is a date line when that date is all of it.
func DateLine(s string) (iso string, ok bool) {
	if len(s) > 64 {
		return "", false // a date line is short; spare the scanner long paragraphs
	}
	s = strings.TrimFunc(Squash(s), func(r rune) bool { return strings.ContainsRune("（）()", r) })
	_, dates := figures.Find(s, figures.Context{})
	if len(dates) != 1 || dates[0].Raw != s || strings.Contains(dates[0].Date, "/") || strings.HasPrefix(dates[0].Date, "-") {
		// Nothing else on the line; a period (2019/2021) or a day without
		// its year (--06-25) dates no report.
		return "", false
	}
	if len(dates[0].Date) == 4 {
		return "", false // a year alone is no date line
	}
	return dates[0].Date, true
}

// Bigrams returns the set of adjacent rune pairs of the Han characters of s
// (runs of other characters break the pairs).
func Bigrams(s string) map[string]bool {
	set := make(map[string]bool)
	var prev rune
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			prev = 0
			continue
		}
		if prev != 0 {
			set[string([]rune{prev, r})] = true
		}
		prev = r
	}
	return set
}
