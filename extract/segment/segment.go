// Package segment cuts Chinese text into words for SQLite's full-text index
// (FTS5 with its default unicode61 tokenizer, which splits on spaces and
// punctuation but cannot find word boundaries in Chinese), and turns what a
// user types into a MATCH expression over the same words.
//
// It wraps github.com/go-ego/gse with its simplified-Chinese dictionary
// (zh_s), a dictionary of this domain's terms shipped in the package, and
// any user dictionaries. Loading all of zh_s into gse takes a second and
// ~160 MB, so a Segmenter cuts with gse dictionaries that grow with the
// texts cut: the words each text holds are looked up in a sorted copy of
// zh_s (zh_s.dict, made by ./gen) and added to gse's before it cuts the
// text (see grown). They cut every text as the whole dictionary does.
package segment

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"fmt"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/go-ego/gse"
)

// domainDict holds the terms of evaluation reports (绩效目标, 楼宇经济 …)
// that the general dictionary would cut apart.
//
//go:embed domain.txt
var domainDict []byte

// defaultFreq is the frequency of a user word given without one: high
// enough that the word beats any split of it into general-dictionary words.
const defaultFreq = 3000

// Options configure New.
type Options struct {
	// UserDicts are files of extra words, one per line: the word, then
	// optionally its frequency and a part of speech, separated by spaces.
	// Blank lines and lines starting with # are ignored. Earlier files win
	// over later ones, and all of them over the built-in dictionaries.
	UserDicts []string
	// UserWords are more user words, after those of UserDicts: a
	// dictionary kept elsewhere than in a file (ingest keeps the one a
	// database was built with in the database).
	UserWords []Word
}

// Segmenter cuts text into words. It is safe for concurrent use.
type Segmenter struct {
	hash     string
	given    []Word              // the user words, as given
	words    string              // user and domain words, as gse reads them
	user     map[string]userWord // the same, as gse holds them
	userList []string            // the same words, sorted
	userTrie *trie               // userList's, nil if empty
	base     float64             // their total frequency
	stop     map[string]bool     // gse's stop words

	zhOnce   sync.Once
	zh       *zhDict
	total    float64 // the whole dictionary's total frequency
	shadowed bitset  // the words of zh_s that user words replace

	// full is the whole dictionary loaded into gse, when the total
	// frequency can only be gse's own sum (see New); else nil, and texts
	// are cut with grown dictionaries.
	full      *gse.Segmenter
	grownMu   sync.Mutex
	grownIdle []*grown

	known  sync.Map // string → *word: the words the whole dictionary cut (knownWord)
	nKnown atomic.Int64

	idfOnce sync.Once // the keyword IDF table is loaded on first use
	idf     map[string]float64
	idfMid  float64
}

// New reads the dictionaries: user dictionaries first (so their
// frequencies win), then the domain terms, then gse's simplified-Chinese
// dictionary.
func New(opts Options) (*Segmenter, error) {
	var given []Word
	for _, path := range opts.UserDicts {
		ws, err := ReadDict(path)
		if err != nil {
			return nil, err
		}
		given = append(given, ws...)
	}
	given = append(given, opts.UserWords...)
	h := sha256.New()
	fmt.Fprintf(h, "gse %s\n", gse.Version)
	var words bytes.Buffer
	for _, w := range given {
		if err := w.check(); err != nil {
			return nil, fmt.Errorf("segment: user word %q: %w", w.Text, err)
		}
		words.WriteString(w.line())
	}
	if len(given) > 0 {
		// The words as gse reads them, not the files' bytes: the same
		// words give the same hash whether read from a file or from a
		// database, and a comment changed in a file re-reads nothing.
		fmt.Fprintf(h, "user words %d\n", words.Len())
		h.Write(words.Bytes())
	}
	if err := parseDict("domain.txt (built in)", domainDict, &words); err != nil {
		return nil, err
	}
	fmt.Fprintf(h, "domain %d\n", len(domainDict))
	h.Write(domainDict)

	s := &Segmenter{hash: hex.EncodeToString(h.Sum(nil)), given: given, words: words.String()}
	// gse reads the user and domain words, so that they are held exactly
	// as in the whole dictionary.
	small := gse.Segmenter{NotLoadHMM: true, SkipLog: true}
	if err := small.LoadDictStr(s.words); err != nil {
		return nil, fmt.Errorf("segment: loading user words: %w", err)
	}
	if err := small.LoadStopEmbed(); err != nil {
		return nil, fmt.Errorf("segment: loading stop words: %w", err)
	}
	s.stop = small.StopWordMap
	s.user = make(map[string]userWord, len(small.Dict.Tokens))
	for i := range small.Dict.Tokens {
		t := &small.Dict.Tokens[i]
		s.user[t.Text()] = userWord{t.Freq(), t.Pos()}
		s.userList = append(s.userList, t.Text())
	}
	if len(s.userList) > 0 {
		slices.Sort(s.userList)
		s.userTrie = newTrie(0, len(s.userList), 0, func(i int) string { return s.userList[i] })
	}

	// zh_s's frequencies are whole numbers (./gen checks), so the total
	// comes out exact in any order when the user words' is a whole number
	// too, and small enough that the sum stays under 2^53; otherwise only
	// gse's own order gives its sum, and the whole dictionary is loaded now.
	s.base = small.Dict.TotalFreq()
	if s.base != math.Trunc(s.base) || s.base >= 1<<52 {
		g, err := loadFull(s.words)
		if err != nil {
			return nil, err
		}
		s.full = g
	}
	return s, nil
}

// zhDict returns zh_s.dict, indexed on first use (a run over unchanged
// files needs none of it), and the whole dictionary's total frequency.
func (s *Segmenter) zhDict() (*zhDict, float64) {
	s.zhOnce.Do(func() {
		zh, err := newZhDict(zhDictText)
		if err != nil {
			panic(err) // the embedded file is made by ./gen and tested
		}
		// The total is the user words' (gse adds them first), then
		// zh_s's less those the user words shadow.
		s.shadowed = newBitset(len(zh.lines))
		shadowed := 0.0
		for w := range s.user {
			if i, ok := zh.find(w); ok {
				_, f, _ := zh.entry(i)
				shadowed += f
				s.shadowed.add(i)
			}
		}
		s.zh, s.total = zh, s.base+zh.total-shadowed
	})
	return s.zh, s.total
}

// loadFull loads the whole dictionary into gse: words, as New makes it,
// then zh_s.
func loadFull(words string) (*gse.Segmenter, error) {
	// The HMM model lives in package-level variables of gse/hmm; loading
	// it from several goroutines races, and the shortest-path cut used
	// here does not need it.
	g := &gse.Segmenter{NotLoadHMM: true, SkipLog: true}
	if err := g.LoadDictStr(words); err != nil {
		return nil, fmt.Errorf("segment: loading user words: %w", err)
	}
	if err := g.LoadDictEmbed("zh_s"); err != nil {
		return nil, fmt.Errorf("segment: loading the embedded dictionary: %w", err)
	}
	return g, nil
}

// DictError reports a bad line in a dictionary file.
type DictError struct {
	File string
	Line int
	Err  error
}

func (e *DictError) Error() string {
	return fmt.Sprintf("segment: %s:%d: %v", e.File, e.Line, e.Err)
}

func (e *DictError) Unwrap() error { return e.Err }

// Word is a user word as its dictionary gives it.
type Word struct {
	Text string
	Freq float64 // 0 when not given
	Pos  string  // part of speech; "" when not given
}

// check says what is wrong with a word that did not come from a file
// parseWords checked.
func (w Word) check() error {
	switch {
	case w.Text == "" || len(strings.Fields(w.Text)) != 1 || strings.TrimSpace(w.Text) != w.Text:
		return fmt.Errorf("want one word without spaces")
	case !utf8.ValidString(w.Text) || !utf8.ValidString(w.Pos):
		return fmt.Errorf("not UTF-8")
	case w.Freq < 0 || math.IsNaN(w.Freq) || math.IsInf(w.Freq, 0):
		return fmt.Errorf("bad frequency %v", w.Freq)
	case strings.ContainsFunc(w.Pos, unicode.IsSpace):
		return fmt.Errorf("bad part of speech %q", w.Pos)
	}
	return nil
}

// line is the word as gse reads it: folded, with the defaults filled in.
func (w Word) line() string {
	freq := float64(defaultFreq)
	if w.Freq > 0 {
		freq = max(w.Freq, 2) // gse drops words rarer than 2
	}
	pos := w.Pos
	if pos == "" {
		pos = "n"
	}
	return fmt.Sprintf("%s %g %s\n", fold(w.Text), freq, pos)
}

// ReadDict reads a user dictionary file: one word a line, then optionally
// its frequency and a part of speech, separated by spaces; blank lines and
// lines starting with # are passed over.
func ReadDict(path string) ([]Word, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("segment: user dictionary: %w", err)
	}
	return parseWords(path, data)
}

// UserWords returns the user words the segmenter holds, as given: what a
// caller stores to make the same segmenter again (Options.UserWords).
func (s *Segmenter) UserWords() []Word { return slices.Clone(s.given) }

// parseDict checks a dictionary file and appends its words to w in the
// "word freq pos" lines that gse reads.
func parseDict(name string, data []byte, w *bytes.Buffer) error {
	words, err := parseWords(name, data)
	for _, word := range words {
		w.WriteString(word.line())
	}
	return err
}

// parseWords reads the words of a dictionary file.
func parseWords(name string, data []byte) ([]Word, error) {
	var words []Word
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if line == 1 {
			text = strings.TrimPrefix(text, "\uFEFF")
		}
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		if !utf8.ValidString(text) {
			return nil, &DictError{name, line, fmt.Errorf("not UTF-8")}
		}
		f := strings.Fields(text)
		if len(f) > 3 {
			return nil, &DictError{name, line, fmt.Errorf("want \"word [frequency [part-of-speech]]\", got %d fields", len(f))}
		}
		w := Word{Text: f[0]}
		if len(f) > 1 {
			v, err := strconv.ParseFloat(f[1], 64)
			if err != nil || !(v > 0) || math.IsInf(v, 0) {
				return nil, &DictError{name, line, fmt.Errorf("bad frequency %q", f[1])}
			}
			w.Freq = v
		}
		if len(f) > 2 {
			w.Pos = f[2]
		}
		words = append(words, w)
	}
	if err := sc.Err(); err != nil {
		return nil, &DictError{name, line + 1, err}
	}
	return words, nil
}

// DictHash identifies the dictionaries in use: the same text gives the same
// tokens exactly when DictHash is the same.
func (s *Segmenter) DictHash() string { return s.hash }

// Tokens returns the words of text for the full-text index, separated by
// single spaces: ASCII lowercased, full-width forms folded, punctuation
// dropped, numbers kept.
//
// The words of the text come first, in order, so that a phrase query over
// them matches exactly; then, for words of three or more characters, the
// shorter words inside them (绩效目标 → 绩效 目标), so that a query for a
// shorter word finds the longer one. Putting those after the text rather
// than next to each word keeps phrase positions intact.
func (s *Segmenter) Tokens(text string) string { return s.TokensCounting(text, nil) }

// TokensCounting is Tokens, and also adds the content words of text to
// counts (as Counts does) in the same pass: indexing needs both, and
// cutting the text is the dear part.
func (s *Segmenter) TokensCounting(text string, counts map[string]int) string {
	var b strings.Builder
	b.Grow(len(text) + len(text)/4)
	var subs []string
	s.eachWord(text, func(g *gse.Segmenter, w string, han bool) {
		if han {
			k := s.knownWord(g, w)
			w = k.text // a copy of its own: counts may keep it
			if counts != nil && k.content {
				counts[w]++
			}
			subs = append(subs, k.subs...)
		} else if counts != nil && s.isContentWord(g, w) {
			addCount(counts, w)
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	})
	for _, w := range subs {
		b.WriteByte(' ')
		b.WriteString(w)
	}
	return b.String()
}

// addCount counts w, copying it when it is new: w may be a piece of a
// long text, which the map would keep alive.
func addCount(counts map[string]int, w string) {
	if _, ok := counts[w]; ok {
		counts[w]++
		return
	}
	counts[strings.Clone(w)] = 1
}

// word is what indexing works out for a Han word: whether it is a content word, and the shorter words inside
// it. The same words recur in every report; working them out anew each
// time was a quarter of segmenting.
type word struct {
	text    string // a copy of its own, not a piece of a text
	content bool
	subs    []string
}

// maxKnown bounds the words kept (~150 bytes a word, 1.2 MB), so that
// memory stays flat over any archive: frequent words come early, and past
// the bound the others are worked out each time, as before. The benchmark's
// 1,000 files hold ~5,000 distinct words, its 20,000 files ~30,000: with a
// bound of 65,536 the larger run's heap, and the GC's goal, grew with them.
const maxKnown = 1 << 13

// knownWord returns what indexing needs of the Han word w cut by g. Every
// dictionary g may be (the whole one, or any grown one) holds the words
// inside w, which are words of the run w was cut from, so what is worked
// out holds for all of them.
func (s *Segmenter) knownWord(g *gse.Segmenter, w string) *word {
	if k, ok := s.known.Load(w); ok {
		return k.(*word)
	}
	k := &word{text: strings.Clone(w), content: s.isContentWord(g, w)}
	if utf8.RuneCountInString(w) >= 3 {
		k.subs = subWords(g, k.text, nil)
	}
	if s.nKnown.Load() < maxKnown {
		if _, loaded := s.known.LoadOrStore(k.text, k); !loaded {
			s.nKnown.Add(1)
		}
	}
	return k
}

// Words returns the words of text in order, without the sub-words that
// Tokens adds.
func (s *Segmenter) Words(text string) []string {
	var out []string
	s.eachWord(text, func(_ *gse.Segmenter, w string, _ bool) { out = append(out, w) })
	return out
}

// subWords appends the words of two or more characters inside the
// dictionary word w, and theirs in turn.
func subWords(g *gse.Segmenter, w string, out []string) []string {
	for _, sg := range g.ModeSegment([]byte(w), true) {
		sub := sg.Token().Text()
		if sub == w || utf8.RuneCountInString(sub) < 2 {
			continue
		}
		out = append(out, sub)
		if utf8.RuneCountInString(sub) >= 3 {
			out = subWords(g, sub, out)
		}
	}
	return out
}

// eachWord folds text and calls fn for each word in order, with the gse
// segmenter that cut it. Runs of Han characters go through the dictionary;
// runs of other letters and digits are words as they stand (a decimal
// point between digits stays inside); everything else separates words.
// A word is a piece of the folded text: fn copies what it keeps.
func (s *Segmenter) eachWord(text string, fn func(g *gse.Segmenter, w string, han bool)) {
	text = fold(text)
	g := s.full
	var gd *grown
	if g == nil {
		gd = s.getGrown()
		defer s.putGrown(gd)
		g = gd.g
	}
	start, inHan := -1, false
	var buf []byte // the run as gse takes it, one buffer for all runs
	flush := func(end int) {
		if start < 0 {
			return
		}
		run := text[start:end]
		start = -1
		if !inHan {
			fn(g, run, false)
			return
		}
		if _, size := utf8.DecodeRuneInString(run); size == len(run) {
			// One character is one word whatever the dictionary says
			// (gse would cut it so), and a common run: 年 after 2022.
			fn(g, run, true)
			return
		}
		if gd != nil {
			s.grow(gd, run)
		}
		buf = append(buf[:0], run...)
		// A segment's bytes are its word: gse looks words up by the
		// bytes of the text, and a character it does not know is a
		// word of its own.
		for _, sg := range g.Segment(buf) {
			fn(g, run[sg.Start():sg.End()], true)
		}
	}
	for i, r := range text {
		switch {
		case unicode.Is(unicode.Han, r):
			if start >= 0 && !inHan {
				flush(i)
			}
			if start < 0 {
				start, inHan = i, true
			}
		case unicode.IsLetter(r) || unicode.IsNumber(r):
			if start >= 0 && inHan {
				flush(i)
			}
			if start < 0 {
				start, inHan = i, false
			}
		case r == '.' && start >= 0 && !inHan && isDigitAt(text, i-1) && isDigitAt(text, i+1):
			// 93.5 stays one word.
		default:
			flush(i)
		}
	}
	flush(len(text))
}

func isDigitAt(s string, i int) bool {
	return i >= 0 && i < len(s) && s[i] >= '0' && s[i] <= '9'
}

// fold maps full-width forms to their narrow equivalents and lowercases,
// rune by rune, so that 'Ａ１' and 'a1' are the same word.
func fold(s string) string { return strings.Map(foldRune, s) }

func foldRune(r rune) rune {
	switch {
	case r >= 0x4E00 && r <= 0x9FFF:
		// CJK ideographs, most of a report, have no case: this spares
		// unicode.ToLower's search of its tables.
		return r
	case r >= 0xFF01 && r <= 0xFF5E: // full-width ASCII
		r -= 0xFF01 - '!'
	case r == 0x3000: // ideographic space
		r = ' '
	}
	return unicode.ToLower(r)
}
