package segment

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
)

// Query turns what a user typed into an FTS5 MATCH expression over the
// words that Tokens writes. Terms separated by spaces or punctuation must
// all match, and so must every word a term is cut into: the text around a
// word may be cut otherwise than the query alone (服务业发展 is 服务业|发展,
// but 现代服务业发展局 is 现代服务业|发展局, whose parts are indexed too),
// so requiring them in order would miss text that is there. A "quoted
// phrase" (ASCII or Chinese quotes) matches its words in order. Every word
// is quoted, with quotes doubled, so no input can make an FTS5 syntax
// error. Query returns "" when q holds no words.
func (s *Segmenter) Query(q string) string {
	var parts []string
	for _, t := range s.queryTerms(q) {
		if t.phrase {
			parts = append(parts, quote(strings.Join(t.words, " ")))
			continue
		}
		for _, w := range t.words {
			parts = append(parts, quote(w))
		}
	}
	return strings.Join(parts, " AND ")
}

func quote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// QueryTerms returns the terms of q, each as its words in order: what a
// caller highlights in the text it shows. Terms without words
// (punctuation only) are dropped.
func (s *Segmenter) QueryTerms(q string) [][]string {
	var out [][]string
	for _, t := range s.queryTerms(q) {
		out = append(out, t.words)
	}
	return out
}

// queryTerm is a term of a query: its words, and whether it was quoted.
type queryTerm struct {
	words  []string
	phrase bool
}

func (s *Segmenter) queryTerms(q string) []queryTerm {
	var terms []queryTerm
	inQuote := false
	add := func(t string) {
		if w := s.Words(t); len(w) > 0 {
			terms = append(terms, queryTerm{words: w, phrase: inQuote})
		}
	}
	var cur strings.Builder
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

// Locate returns where terms (as QueryTerms gives them) occur in text, as
// byte ranges [start, end) in order and not overlapping: the same folding
// as Tokens applies, and any run of spaces or punctuation may stand between
// the words of a term. Callers use it to highlight a hit.
func Locate(text string, terms [][]string) [][2]int {
	var alts []string
	for _, words := range terms {
		q := make([]string, len(words))
		for i, w := range words {
			q[i] = regexp.QuoteMeta(w)
		}
		alts = append(alts, strings.Join(q, `[^\p{L}\p{N}]*`))
	}
	if len(alts) == 0 {
		return nil
	}
	// Longer terms first, so that 绩效目标 wins over 绩效 where both match.
	slices.SortStableFunc(alts, func(a, b string) int { return len(b) - len(a) })
	re := regexp.MustCompile("(?:" + strings.Join(alts, "|") + ")")

	// Fold text as eachWord does, remembering where each folded byte came
	// from so the ranges point into the original text.
	var folded strings.Builder
	origin := make([]int, 0, len(text)+1)
	for i, r := range text {
		n, _ := folded.WriteString(fold(string(r)))
		for range n {
			origin = append(origin, i)
		}
	}
	origin = append(origin, len(text))
	var out [][2]int
	for _, m := range re.FindAllStringIndex(folded.String(), -1) {
		out = append(out, [2]int{origin[m[0]], origin[m[1]]})
	}
	return out
}
