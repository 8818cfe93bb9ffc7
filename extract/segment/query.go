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
// phrase" (ASCII or Chinese quotes) matches its words in order. OR (or 或)
// between two terms matches either; a term after NOT, or with - before it,
// must not occur. Every word is quoted, with quotes doubled, so no input
// can make an FTS5 syntax error. Query returns "" when q holds no word
// that must occur.
func (s *Segmenter) Query(q string) string {
	var all, none []string
	for _, group := range s.queryGroups(q) {
		var alts []string
		for _, t := range group {
			alts = append(alts, t.match(len(group) > 1))
		}
		if group[0].not {
			none = append(none, alts...)
			continue
		}
		if len(alts) > 1 {
			all = append(all, "("+strings.Join(alts, " OR ")+")")
		} else {
			all = append(all, alts[0])
		}
	}
	if len(all) == 0 {
		return "" // FTS5 has no "everything but": NOT needs a left side
	}
	m := strings.Join(all, " AND ")
	if len(none) > 0 {
		m = "(" + m + ") NOT (" + strings.Join(none, " OR ") + ")"
	}
	return m
}

// match returns t as an FTS5 expression, in parentheses when it has
// several words and stands beside others (in an OR).
func (t queryTerm) match(paren bool) string {
	if t.phrase || len(t.words) == 1 {
		return quote(strings.Join(t.words, " "))
	}
	parts := make([]string, len(t.words))
	for i, w := range t.words {
		parts[i] = quote(w)
	}
	m := strings.Join(parts, " AND ")
	if paren {
		m = "(" + m + ")"
	}
	return m
}

func quote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// QueryTerms returns the terms of q that may occur in a hit, each as its
// words in order: what a caller highlights in the text it shows. Terms
// without words (punctuation only) and terms after NOT are dropped.
func (s *Segmenter) QueryTerms(q string) [][]string {
	var out [][]string
	for _, group := range s.queryGroups(q) {
		for _, t := range group {
			if !t.not {
				out = append(out, t.words)
			}
		}
	}
	return out
}

// queryTerm is a term of a query: its words, whether it was quoted, and
// whether it must not occur.
type queryTerm struct {
	words  []string
	phrase bool
	not    bool
}

// queryGroups returns the terms of q in groups joined by OR: a hit holds
// a term of every group, and none of a group of terms after NOT.
func (s *Segmenter) queryGroups(q string) [][]queryTerm {
	var groups [][]queryTerm
	inQuote, not, or := false, false, false
	add := func(t string) {
		if !inQuote {
			switch t {
			case "OR", "或":
				or = true
				return
			case "NOT":
				not = true
				return
			}
		}
		w := s.Words(t)
		if len(w) == 0 {
			return
		}
		term := queryTerm{words: w, phrase: inQuote, not: not}
		if n := len(groups); or && n > 0 && groups[n-1][0].not == not {
			groups[n-1] = append(groups[n-1], term)
		} else {
			groups = append(groups, []queryTerm{term})
		}
		not, or = false, false
	}
	var cur strings.Builder
	prev := ' '
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
		case !inQuote && (r == '-' || r == '－') && unicode.IsSpace(prev):
			// -word at the start of a term; 2020-2021 is two terms.
			add(cur.String())
			cur.Reset()
			not = true
		case !inQuote && !(unicode.IsLetter(r) || unicode.IsNumber(r) || r == '.'):
			// Outside quotes, spaces and punctuation separate terms.
			add(cur.String())
			cur.Reset()
		default:
			cur.WriteRune(r)
		}
		prev = r
	}
	add(cur.String()) // an unclosed quote runs to the end
	return groups
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
