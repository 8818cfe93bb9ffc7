// Package segment cuts Chinese text into words for SQLite's full-text index
// (FTS5 with its default unicode61 tokenizer, which splits on spaces and
// punctuation but cannot find word boundaries in Chinese), and turns what a
// user types into a MATCH expression over the same words.
//
// It wraps github.com/go-ego/gse with its embedded simplified-Chinese
// dictionary, a dictionary of this domain's terms shipped in the package, and
// any user dictionaries. Loading takes about two seconds and a few hundred MB,
// so a process loads one Segmenter and shares it: after New returns, every
// method only reads the dictionary and is safe for concurrent use.
package segment

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
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
}

// Segmenter cuts text into words. It is safe for concurrent use.
type Segmenter struct {
	gse  gse.Segmenter // read-only once New returns
	hash string

	idfOnce sync.Once // the keyword IDF table is loaded on first use
	idf     map[string]float64
	idfMid  float64
}

// New loads the dictionaries: user dictionaries first (so their
// frequencies win), then the domain terms, then gse's simplified-Chinese
// dictionary.
func New(opts Options) (*Segmenter, error) {
	h := sha256.New()
	fmt.Fprintf(h, "gse %s\n", gse.Version)
	var words bytes.Buffer
	for _, path := range opts.UserDicts {
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("segment: user dictionary: %w", err)
		}
		if err := parseDict(path, data, &words); err != nil {
			return nil, err
		}
		fmt.Fprintf(h, "user %d\n", len(data))
		h.Write(data)
	}
	if err := parseDict("domain.txt (built in)", domainDict, &words); err != nil {
		return nil, err
	}
	fmt.Fprintf(h, "domain %d\n", len(domainDict))
	h.Write(domainDict)

	s := &Segmenter{hash: hex.EncodeToString(h.Sum(nil))}
	// The HMM model lives in package-level variables of gse/hmm; loading
	// it from several goroutines races, and the shortest-path cut used
	// here does not need it.
	s.gse.NotLoadHMM = true
	s.gse.SkipLog = true
	if err := s.gse.LoadDictStr(words.String()); err != nil {
		return nil, fmt.Errorf("segment: loading user words: %w", err)
	}
	if err := s.gse.LoadDictEmbed("zh_s"); err != nil {
		return nil, fmt.Errorf("segment: loading the embedded dictionary: %w", err)
	}
	if err := s.gse.LoadStopEmbed(); err != nil {
		return nil, fmt.Errorf("segment: loading stop words: %w", err)
	}
	return s, nil
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

// parseDict checks a dictionary file and appends its words to w in the
// "word freq pos" lines that gse reads.
func parseDict(name string, data []byte, w *bytes.Buffer) error {
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
			return &DictError{name, line, fmt.Errorf("not UTF-8")}
		}
		f := strings.Fields(text)
		if len(f) > 3 {
			return &DictError{name, line, fmt.Errorf("want \"word [frequency [part-of-speech]]\", got %d fields", len(f))}
		}
		freq := float64(defaultFreq)
		if len(f) > 1 {
			v, err := strconv.ParseFloat(f[1], 64)
			if err != nil || v <= 0 {
				return &DictError{name, line, fmt.Errorf("bad frequency %q", f[1])}
			}
			freq = max(v, 2) // gse drops words rarer than 2
		}
		pos := "n"
		if len(f) > 2 {
			pos = f[2]
		}
		fmt.Fprintf(w, "%s %g %s\n", fold(f[0]), freq, pos)
	}
	if err := sc.Err(); err != nil {
		return &DictError{name, line + 1, err}
	}
	return nil
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
	var subs []string
	s.eachWord(text, func(w string, han bool) {
		if counts != nil && s.isContentWord(w) {
			counts[w]++
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
		if han && utf8.RuneCountInString(w) >= 3 {
			subs = s.subWords(w, subs)
		}
	})
	for _, w := range subs {
		b.WriteByte(' ')
		b.WriteString(w)
	}
	return b.String()
}

// Words returns the words of text in order, without the sub-words that
// Tokens adds.
func (s *Segmenter) Words(text string) []string {
	var out []string
	s.eachWord(text, func(w string, _ bool) { out = append(out, w) })
	return out
}

// subWords appends the words of two or more characters inside the
// dictionary word w, and theirs in turn.
func (s *Segmenter) subWords(w string, out []string) []string {
	for _, sg := range s.gse.ModeSegment([]byte(w), true) {
		sub := sg.Token().Text()
		if sub == w || utf8.RuneCountInString(sub) < 2 {
			continue
		}
		out = append(out, sub)
		if utf8.RuneCountInString(sub) >= 3 {
			out = s.subWords(sub, out)
		}
	}
	return out
}

// eachWord folds text and calls fn for each word in order. Runs of Han
// characters go through the dictionary; runs of other letters and digits
// are words as they stand (a decimal point between digits stays inside);
// everything else separates words.
func (s *Segmenter) eachWord(text string, fn func(w string, han bool)) {
	text = fold(text)
	start, inHan := -1, false
	flush := func(end int) {
		if start < 0 {
			return
		}
		run := text[start:end]
		start = -1
		if !inHan {
			fn(run, false)
			return
		}
		for _, sg := range s.gse.Segment([]byte(run)) {
			fn(sg.Token().Text(), true)
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
func fold(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E: // full-width ASCII
			r -= 0xFF01 - '!'
		case r == 0x3000: // ideographic space
			r = ' '
		}
		return unicode.ToLower(r)
	}, s)
}
