package segment

import (
	_ "embed"
	"fmt"
	"math"
	"strconv"
	"strings"
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
	trie  *trie    // the words, to find those a text holds
	total float64  // the sum of all frequencies (gse's TotalFreq)
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
	d := &zhDict{text: text, lines: make([]uint32, 0, n), lens: make([]uint8, 0, n), total: total}
	prev := ""
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
		d.lines = append(d.lines, uint32(off))
		d.lens = append(d.lens, uint8(sp))
		off += nl + 1
	}
	if len(d.lines) != n {
		return nil, fmt.Errorf("segment: zh_s.dict: %d words, header says %d", len(d.lines), n)
	}
	d.trie = newTrie(n, d.word)
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
func (d *zhDict) find(w string) (int, bool) { return d.trie.find(w) }

// prefixes calls fn with the index of every word that s starts with,
// shortest first.
func (d *zhDict) prefixes(s string, fn func(i int)) { d.trie.prefixes(s, fn) }

// userWord is a user or domain word as gse holds it.
type userWord struct {
	freq float64
	pos  string
}
