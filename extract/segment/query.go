package segment

import (
	"strings"
	"unicode"
)

// Query turns what a user typed into an FTS5 MATCH expression over the
// words that Tokens writes. Terms separated by spaces or punctuation must
// all match; a
// "quoted phrase" (ASCII or Chinese quotes) matches its words in order; a
// term the dictionary does not know matches as the phrase of the words it
// is cut into. Every phrase is quoted, with quotes doubled, so no input can
// make an FTS5 syntax error. Query returns "" when q holds no words.
func (s *Segmenter) Query(q string) string {
	var parts []string
	for _, words := range s.QueryTerms(q) {
		parts = append(parts, `"`+strings.ReplaceAll(strings.Join(words, " "), `"`, `""`)+`"`)
	}
	return strings.Join(parts, " AND ")
}

// QueryTerms returns the terms of q, each as its words in order: what
// Query matches, and what a caller highlights in the text it shows. Terms
// without words (punctuation only) are dropped.
func (s *Segmenter) QueryTerms(q string) [][]string {
	var terms [][]string
	add := func(t string) {
		if w := s.Words(t); len(w) > 0 {
			terms = append(terms, w)
		}
	}
	var cur strings.Builder
	inQuote := false
	for _, r := range q {
		switch {
		case !inQuote && isOpenQuote(r):
			add(cur.String())
			cur.Reset()
			inQuote = true
		case inQuote && isCloseQuote(r):
			add(cur.String())
			cur.Reset()
			inQuote = false
		case !inQuote && !(unicode.IsLetter(r) || unicode.IsNumber(r) || r == '.'):
			// Outside quotes, spaces and punctuation separate terms.
			add(cur.String())
			cur.Reset()
		default:
			cur.WriteRune(r)
		}
	}
	add(cur.String()) // an unclosed quote runs to the end
	return terms
}

func isOpenQuote(r rune) bool  { return r == '"' || r == '“' || r == '「' }
func isCloseQuote(r rune) bool { return r == '"' || r == '”' || r == '」' }
