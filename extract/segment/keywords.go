package segment

import (
	"bufio"
	"cmp"
	_ "embed"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/go-ego/gse"
)

// Counts returns how often each content word occurs in text: the nouns of
// two or more characters (see isContentWord). These are the term
// frequencies to store per report; a view weighs them by how many reports
// hold each word (TF-IDF over the whole database).
func (s *Segmenter) Counts(text string) map[string]int {
	counts := make(map[string]int)
	s.eachWord(text, func(g *gse.Segmenter, w string, _ bool) {
		if s.isContentWord(g, w) {
			addCount(counts, w)
		}
	})
	return counts
}

// isContentWord reports whether w may be a keyword: a word of two or more
// characters that names a thing. Of dictionary words that is the nouns
// (parts of speech n, nr, ns, nt, nz …; domain and user words are nouns
// unless their line says otherwise), so that the verbs every report is
// full of (负责, 开展, 进行), verbal nouns (工作, 发展), adjectives,
// adverbs, pronouns and function words are left out; other words count when
// they hold a letter (APP, not 2020). Stop words never count.
func (s *Segmenter) isContentWord(g *gse.Segmenter, w string) bool {
	if utf8.RuneCountInString(w) < 2 || s.stop[w] || stopWords[w] {
		return false
	}
	if _, pos, ok := g.Find(w); ok && strings.IndexFunc(w, isHan) >= 0 {
		return strings.HasPrefix(pos, "n")
	}
	return strings.IndexFunc(w, unicode.IsLetter) >= 0
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// stopWords are nouns of the general dictionary that every report uses and
// that say nothing of its subject (情况, 方面 …), from stop.txt.
var stopWords = func() map[string]bool {
	m := make(map[string]bool)
	for _, line := range strings.Split(stopList, "\n") {
		if w := strings.TrimSpace(line); w != "" && !strings.HasPrefix(w, "#") {
			m[fold(w)] = true
		}
	}
	return m
}()

//go:embed stop.txt
var stopList string

// Keyword is a word with its weight in a text.
type Keyword struct {
	Word   string
	Weight float64
}

// Keywords returns the n content words of text with the highest TF-IDF
// weight, best first, with the inverse document frequencies of gse's
// general Chinese corpus; a word that corpus lacks gets its median IDF.
// It suits one text on its own; across a database, weigh Counts by the
// database's own document frequencies instead.
func (s *Segmenter) Keywords(text string, n int) []Keyword {
	s.idfOnce.Do(s.loadIDF)
	counts := s.Counts(text)
	total := 0
	for _, c := range counts {
		total += c
	}
	kw := make([]Keyword, 0, len(counts))
	for w, c := range counts {
		idf, ok := s.idf[w]
		if !ok {
			idf = s.idfMid
		}
		kw = append(kw, Keyword{w, float64(c) / float64(total) * idf})
	}
	slices.SortFunc(kw, func(a, b Keyword) int {
		if c := cmp.Compare(b.Weight, a.Weight); c != 0 {
			return c
		}
		return strings.Compare(a.Word, b.Word)
	})
	if n >= 0 && len(kw) > n {
		kw = kw[:n]
	}
	return kw
}

// loadIDF reads gse's embedded "word idf" table.
func (s *Segmenter) loadIDF() {
	s.idf = make(map[string]float64, 280000)
	var all []float64
	sc := bufio.NewScanner(strings.NewReader(gse.ZhIdf))
	for sc.Scan() {
		w, v, ok := strings.Cut(sc.Text(), " ")
		if !ok {
			continue
		}
		f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		if err != nil {
			continue
		}
		s.idf[w] = f
		all = append(all, f)
	}
	if len(all) > 0 {
		slices.Sort(all)
		s.idfMid = all[len(all)/2]
	}
}
