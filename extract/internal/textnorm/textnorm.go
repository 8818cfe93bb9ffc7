// Package textnorm holds the small text helpers the extractors share:
// cleaning reader artefacts out of paragraph text, squashing spaces out of
// labels. Numerals, dates and folding are the domain grammar's
// (extract/grammar).
package textnorm

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/govreports/govreports/extract/grammar"
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

// Simplify returns s with its traditional characters made simplified, one
// rune for one rune of the same byte length, so that byte and rune
// offsets in the result are offsets in s. It is grammar.Fold, whose table
// is generated from OpenCC's data.
func Simplify(s string) string { return grammar.Fold(s) }

// IsSpace reports whether r is white space, the ideographic space included.
func IsSpace(r rune) bool { return grammar.IsSpace(r) }

// Squash removes every space from s (grammar.Squash).
func Squash(s string) string { return grammar.Squash(s) }

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
	if strings.IndexByte(s, '\n') < 0 && strings.IndexByte(s, '\r') < 0 {
		return s // most text: two vector scans, not a test of every byte
	}
	lines := strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' })
	for i := range lines {
		lines[i] = strings.TrimFunc(lines[i], IsSpace)
	}
	return strings.Join(lines, "")
}

// Len is the length of s in runes.
func Len(s string) int { return utf8.RuneCountInString(s) }

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
