package segment

import (
	"unicode/utf8"

	"github.com/go-ego/gse"
)

// A grown dictionary is a gse dictionary of the words found so far in the
// texts it cut. Before gse cuts a run of Han characters, every dictionary
// word in the run goes into it (words already there are passed by), each
// with its frequency and part of speech as in the whole dictionary, and
// its path value worked out against the whole dictionary's total
// frequency. gse cuts a run by the shortest path over the words found in
// it: words that are not in the run are never found, so a grown dictionary
// cuts every run as the whole one would (TestGrownCutsAsWhole), without
// loading 352,000 words into gse (a second and ~160 MB, on every run).
//
// A grown dictionary is used by one goroutine at a time; Segmenter keeps
// the idle ones.
type grown struct {
	g    *gse.Segmenter
	zh   bitset // the zh_s words found, by index in zh_s.dict
	user bitset // the user words found, by index in Segmenter.userList
	// calc works out path values: a dictionary of one word, whose total
	// frequency is the whole dictionary's (see distances).
	calc *gse.Segmenter
}

// maxGrown bounds the words a grown dictionary holds (~550 bytes a word
// with what gse keeps of it, 36 MB): past it the dictionary is let go and
// a new one grows, so that memory stays flat however varied an archive's
// words. The held-out sets' 138 documents (296 KB of text) hold 5,462
// dictionary words; the benchmark's synthetic files, fewer than 2,000.
const maxGrown = 1 << 16

func (s *Segmenter) newGrown() *grown {
	zh, total := s.zhDict()
	g := &gse.Segmenter{NotLoadHMM: true, SkipLog: true}
	g.Dict = gse.NewDict()
	g.Init()
	calc := &gse.Segmenter{NotLoadHMM: true, SkipLog: true}
	calc.Dict = gse.NewDict()
	calc.Init()
	// A word of a space is never found: gse is given runs of Han
	// characters only.
	calc.Dict.AddToken(calc.ToToken(" ", total))
	if calc.Dict.TotalFreq() != total {
		panic("segment: the total frequency does not come out exact")
	}
	return &grown{g: g, zh: newBitset(len(zh.lines)), user: newBitset(len(s.userList)), calc: calc}
}

// getGrown returns an idle grown dictionary, or a new one.
func (s *Segmenter) getGrown() *grown {
	s.grownMu.Lock()
	defer s.grownMu.Unlock()
	if n := len(s.grownIdle); n > 0 {
		gd := s.grownIdle[n-1]
		s.grownIdle = s.grownIdle[:n-1]
		return gd
	}
	return s.newGrown()
}

// putGrown keeps gd for the next caller. There are as many as callers
// have cut at once, at most: ingest's workers.
func (s *Segmenter) putGrown(gd *grown) {
	if len(gd.g.Dict.Tokens) > maxGrown {
		return
	}
	s.grownMu.Lock()
	s.grownIdle = append(s.grownIdle, gd)
	s.grownMu.Unlock()
}

// grow adds the dictionary words of run, a run of Han characters, that
// gd does not hold yet.
func (s *Segmenter) grow(gd *grown, run string) {
	zh := s.zh
	dict := gd.g.Dict
	start := len(dict.Tokens)
	for j := 0; j < len(run); {
		rest := run[j:]
		// User and domain words first: they win over zh_s.
		if s.userTrie != nil {
			s.userTrie.prefixes(rest, func(i int) {
				if gd.user.add(i) {
					w := s.userList[i]
					u := s.user[w]
					dict.AddToken(gd.g.ToToken(w, u.freq, u.pos))
				}
			})
		}
		zh.prefixes(rest, func(k int) {
			if gd.zh.add(k) && !s.shadowed.has(k) {
				w, freq, pos := zh.entry(k)
				dict.AddToken(gd.g.ToToken(w, freq, pos))
			}
		})
		_, size := utf8.DecodeRuneInString(rest)
		j += size
	}
	if len(dict.Tokens) > start {
		gd.distances(dict.Tokens[start:])
	}
}

// distances works out the path values of tokens, new words of gd, as
// gse's CalcToken does when it loads the whole dictionary: from each
// word's frequency and the whole dictionary's total. CalcToken works them
// out for the words of its segmenter's dictionary against that
// dictionary's total, so it is given gd.calc, whose total is the whole
// dictionary's, with tokens for words. (CalcToken also cuts each word
// into the words inside it for gse's search mode, which this package does
// not use; against calc's one word that costs little.)
func (gd *grown) distances(tokens []gse.Token) {
	d := gd.calc.Dict
	own := d.Tokens
	d.Tokens = tokens
	gd.calc.CalcToken()
	d.Tokens = own
}

// bitset is a set of small integers.
type bitset []uint64

func newBitset(n int) bitset { return make(bitset, (n+63)/64) }

func (b bitset) has(i int) bool { return b[i/64]&(1<<(i%64)) != 0 }

// add adds i and reports whether it was new.
func (b bitset) add(i int) bool {
	if b.has(i) {
		return false
	}
	b[i/64] |= 1 << (i % 64)
	return true
}
