package segment

import (
	_ "embed"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
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
	lines []uint32 // where each word's line starts, in word order
	lens  []uint8  // the word's length in bytes
	total float64  // the sum of all frequencies (gse's TotalFreq)

	// The words by their first character, each run's trie built when a
	// text first holds the character: a query needs a few, a run over an
	// archive a few thousand (all of them, 35–45 ms and ~6 MB).
	firstCJK   []uint32        // by rune - cjkLow: index in firsts, from 1
	firstOther map[rune]uint32 // the other first characters, the same
	firsts     []firstRun
}

// firstRun is the words that start with one character.
type firstRun struct {
	once   sync.Once
	lo, hi int32 // the words lo to hi-1
	size   uint8 // the character's bytes
	trie   atomic.Pointer[trie]
}

const (
	cjkLow  = 0x3400 // CJK Extension A
	cjkHigh = 0x9FFF // the end of CJK Unified Ideographs
)

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
	d := &zhDict{text: text, lines: make([]uint32, 0, n), lens: make([]uint8, 0, n), total: total,
		firstCJK: make([]uint32, cjkHigh-cjkLow+1), firstOther: make(map[rune]uint32)}
	prev, first := "", rune(-1)
	for off := len(header) + 1; off < len(text); {
		sp := strings.IndexByte(text[off:], ' ')
		nl := strings.IndexByte(text[off:], '\n')
		if sp <= 0 || nl < sp || sp > math.MaxUint8 {
			return nil, fmt.Errorf("segment: zh_s.dict: bad line %d", len(d.lines)+2)
		}
		if w := text[off : off+sp]; w <= prev {
			return nil, fmt.Errorf("segment: zh_s.dict: line %d: %q not after %q", len(d.lines)+2, w, prev)
		} else {
			prev = w
		}
		if r, size := utf8.DecodeRuneInString(text[off:]); r != first {
			first = r
			d.firsts = append(d.firsts, firstRun{lo: int32(len(d.lines)), size: uint8(size)})
			if r >= cjkLow && r <= cjkHigh {
				d.firstCJK[r-cjkLow] = uint32(len(d.firsts))
			} else {
				d.firstOther[r] = uint32(len(d.firsts))
			}
		}
		d.lines = append(d.lines, uint32(off))
		d.lens = append(d.lens, uint8(sp))
		d.firsts[len(d.firsts)-1].hi = int32(len(d.lines))
		off += nl + 1
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

// trieOf returns the trie of the words that start with r, and r's bytes;
// nil if there are none.
func (d *zhDict) trieOf(r rune) (*trie, int) {
	var i uint32
	if r >= cjkLow && r <= cjkHigh {
		i = d.firstCJK[r-cjkLow]
	} else {
		i = d.firstOther[r]
	}
	if i == 0 {
		return nil, 0
	}
	f := &d.firsts[i-1]
	if t := f.trie.Load(); t != nil {
		return t, int(f.size)
	}
	return d.build(f), int(f.size)
}

// build builds f's trie once, for all callers.
func (d *zhDict) build(f *firstRun) *trie {
	f.once.Do(func() { f.trie.Store(newTrie(int(f.lo), int(f.hi), int(f.size), d.word)) })
	return f.trie.Load()
}

// find returns the index of w.
func (d *zhDict) find(w string) (int, bool) {
	r, _ := utf8.DecodeRuneInString(w)
	t, size := d.trieOf(r)
	if t == nil {
		return 0, false
	}
	return t.find(w[size:])
}

// prefixes calls fn with the index of every word that s starts with,
// shortest first.
func (d *zhDict) prefixes(s string, fn func(i int)) {
	r, _ := utf8.DecodeRuneInString(s)
	if t, size := d.trieOf(r); t != nil {
		t.prefixes(s[size:], fn)
	}
}

// userWord is a user or domain word as gse holds it.
type userWord struct {
	freq float64
	pos  string
}
