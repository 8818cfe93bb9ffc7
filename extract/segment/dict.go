package segment

import (
	_ "embed"
	"fmt"
	"iter"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/go-ego/gse"
)

//go:generate go run ./gen -o zh_s.dict

// zhDictText is gse's zh_s dictionary as gse reads it, sorted by word, with
// a header line (see ./gen). Loading it into gse takes seconds; looking up
// the few words a text holds takes microseconds.
//
//go:embed zh_s.dict
var zhDictText string

// zhDict indexes zhDictText.
type zhDict struct {
	text  string
	lines []uint32        // where each word's line starts, in word order
	lens  []uint8         // the word's length in bytes: binary searches read many
	first map[rune][2]int // the run of words starting with each character
	total float64         // the sum of all frequencies (gse's TotalFreq)
}

func newZhDict(text string) (*zhDict, error) {
	header, _, _ := strings.Cut(text, "\n")
	f := strings.Fields(header)
	if len(f) < 4 || f[0] != "#" || f[1] != "zh_s" {
		return nil, fmt.Errorf("segment: zh_s.dict: bad header %q", header)
	}
	n, err1 := strconv.Atoi(f[2])
	total, err2 := strconv.ParseFloat(f[3], 64)
	if err1 != nil || err2 != nil {
		return nil, fmt.Errorf("segment: zh_s.dict: bad header %q", header)
	}
	d := &zhDict{text: text, lines: make([]uint32, 0, n), lens: make([]uint8, 0, n), first: make(map[rune][2]int), total: total}
	prev, runStart := utf8.RuneError, 0
	for off := len(header) + 1; off < len(text); {
		sp := strings.IndexByte(text[off:], ' ')
		nl := strings.IndexByte(text[off:], '\n')
		if sp <= 0 || nl < sp || sp > math.MaxUint8 {
			return nil, fmt.Errorf("segment: zh_s.dict: bad line %d", len(d.lines)+2)
		}
		i := len(d.lines)
		d.lines = append(d.lines, uint32(off))
		d.lens = append(d.lens, uint8(sp))
		if r, _ := utf8.DecodeRuneInString(text[off:]); r != prev {
			if i > 0 {
				d.first[prev] = [2]int{runStart, i}
			}
			prev, runStart = r, i
		}
		off += nl + 1
	}
	if len(d.lines) > 0 {
		d.first[prev] = [2]int{runStart, len(d.lines)}
	}
	if len(d.lines) != n {
		return nil, fmt.Errorf("segment: zh_s.dict: %d words, header says %d", len(d.lines), n)
	}
	return d, nil
}

// word returns the i-th word.
func (d *zhDict) word(i int) string {
	start := d.lines[i]
	return d.text[start : start+uint32(d.lens[i])]
}

// entry returns the i-th word's frequency and part of speech.
func (d *zhDict) entry(i int) (w string, freq float64, pos string) {
	s := d.text[d.lines[i]:]
	s = s[:strings.IndexByte(s, '\n')]
	w, rest, _ := strings.Cut(s, " ")
	fs, pos, _ := strings.Cut(rest, " ")
	freq, _ = strconv.ParseFloat(fs, 64) // checked by TestZhDict
	return w, freq, pos
}

// find returns the index of w.
func (d *zhDict) find(w string) (int, bool) {
	i := sort.Search(len(d.lines), func(i int) bool { return d.word(i) >= w })
	return i, i < len(d.lines) && d.word(i) == w
}

// prefixes calls fn with the index of every word that s starts with,
// shortest first.
func (d *zhDict) prefixes(s string, fn func(i int)) {
	if s == "" {
		return
	}
	r, end := utf8.DecodeRuneInString(s)
	run, ok := d.first[r]
	if !ok {
		return
	}
	lo, hi := run[0], run[1]
	if d.word(lo) == s[:end] {
		fn(lo)
	}
	for end < len(s) {
		_, size := utf8.DecodeRuneInString(s[end:])
		end += size
		p := s[:end]
		// Words starting with p are a run of the sorted list, inside the
		// run of those starting with p's own prefixes.
		lo += sort.Search(hi-lo, func(i int) bool { return d.word(lo+i) >= p })
		hi = lo + sort.Search(hi-lo, func(i int) bool { return !strings.HasPrefix(d.word(lo+i), p) })
		if lo == hi {
			return
		}
		if d.word(lo) == p {
			fn(lo)
		}
	}
}

// userWord is a user or domain word as gse holds it.
type userWord struct {
	freq float64
	pos  string
}

// totalText is the word that carries the frequencies of the words a small
// dictionary leaves out. Texts reach gse as runs of Han characters, and
// dictionary words hold no spaces, so it never matches nor shadows a word.
const totalText = " "

// smallDict builds a gse dictionary of only the words that can occur in
// the Han runs of text (folded), with each word's frequency and part of
// speech as in the whole dictionary, and one more word that brings the
// total frequency to the whole dictionary's. gse cuts a run by the
// shortest path over the words found in it, weighed by their frequencies
// against the total: the words outside the text are never found, so the
// small dictionary cuts the text as the whole one does.
func (s *Segmenter) smallDict(text string) *gse.Segmenter {
	zh, total := s.zhDict()
	g := &gse.Segmenter{NotLoadHMM: true, SkipLog: true}
	g.Dict = gse.NewDict()
	g.Init()
	seen := make(map[string]bool)
	add := func(w string, freq float64, pos string) {
		if !seen[w] {
			seen[w] = true
			g.Dict.AddToken(g.ToToken(w, freq, pos))
		}
	}
	for run := range hanRuns(text) {
		for j := 0; j < len(run); {
			rest := run[j:]
			// User and domain words first: they win over zh_s.
			for end := 0; end < len(rest) && end < s.userMax; {
				_, size := utf8.DecodeRuneInString(rest[end:])
				end += size
				if u, ok := s.user[rest[:end]]; ok {
					add(rest[:end], u.freq, u.pos)
				}
			}
			zh.prefixes(rest, func(k int) {
				w, freq, pos := zh.entry(k)
				if _, ok := s.user[w]; !ok {
					add(w, freq, pos)
				}
			})
			_, size := utf8.DecodeRuneInString(rest)
			j += size
		}
	}
	// The rest of the total, rounded so that gse's sum comes out exact.
	sum := g.Dict.TotalFreq()
	rest := total - sum
	for range 4 {
		switch got := sum + rest; {
		case got < total:
			rest = math.Nextafter(rest, math.Inf(1))
		case got > total:
			rest = math.Nextafter(rest, math.Inf(-1))
		}
	}
	g.Dict.AddToken(g.ToToken(totalText, rest))
	if g.Dict.TotalFreq() != total {
		panic(fmt.Sprintf("segment: small dictionary total %v, want %v", g.Dict.TotalFreq(), total))
	}
	g.CalcToken()
	return g
}

// hanRuns yields the runs of Han characters in text: what eachWord gives
// gse to cut.
func hanRuns(text string) iter.Seq[string] {
	return func(yield func(string) bool) {
		start := -1
		for i, r := range text {
			switch han := unicode.Is(unicode.Han, r); {
			case han && start < 0:
				start = i
			case !han && start >= 0:
				if !yield(text[start:i]) {
					return
				}
				start = -1
			}
		}
		if start >= 0 {
			yield(text[start:])
		}
	}
}
