package grammar

import (
	"strings"
	"unicode/utf8"
)

// A Text is a block's text read once for matching: Folded is the text
// with traditional characters folded, byte for byte, so that an offset
// found in it is an offset in Orig; Squashed is Folded without spaces, for
// labels that forms spread with spaces ("姓  名", "目  录"), with the way
// back to Orig. Extractors build one per block and match on it instead of
// folding and squashing again at each comparison.
type Text struct {
	Orig, Folded, Squashed string
	// gaps are where Squashed lost spaces: from byte at of Squashed on,
	// Orig is shift bytes further. Empty when no space was removed.
	gaps []gap
}

type gap struct{ at, shift int32 }

// NewText reads s once.
func NewText(s string) Text {
	t := Text{Orig: s, Folded: Fold(s)}
	t.Squashed = t.Folded
	first := firstSpace(s)
	if first < 0 {
		return t
	}
	var b []byte
	shift := 0
	for i, r := range t.Folded[first:] {
		i += first
		size := runeLenAt(t.Folded, i)
		if IsSpace(r) {
			if b == nil {
				b = make([]byte, i, len(s))
				copy(b, t.Folded[:i])
			}
			shift += size
			continue
		}
		if b == nil {
			continue
		}
		if n := len(t.gaps); n == 0 || int(t.gaps[n-1].shift) != shift {
			t.gaps = append(t.gaps, gap{int32(len(b)), int32(shift)})
		}
		b = append(b, t.Folded[i:i+size]...)
	}
	if b != nil {
		if n := len(t.gaps); n == 0 || int(t.gaps[n-1].shift) != shift {
			t.gaps = append(t.gaps, gap{int32(len(b)), int32(shift)}) // trailing spaces
		}
		t.Squashed = string(b)
	}
	return t
}

// OrigOffset returns the offset in Orig of byte i of Squashed (of the end
// of Orig for len(Squashed)).
func (t Text) OrigOffset(i int) int {
	shift := 0
	for _, g := range t.gaps {
		if int(g.at) > i {
			break
		}
		shift = int(g.shift)
	}
	if i == len(t.Squashed) {
		return len(t.Orig)
	}
	return i + shift
}

// OrigSpan returns the text of Orig that Squashed[i:j] was read from, the
// spaces inside it included.
func (t Text) OrigSpan(i, j int) string {
	if j <= i {
		return ""
	}
	last := t.OrigOffset(j - 1)
	return t.Orig[t.OrigOffset(i) : last+runeLenAt(t.Orig, last)]
}

// firstSpace returns the offset of the first space of s, -1 when there is
// none. Most blocks have none: bytes that start no space are skipped
// without decoding.
func firstSpace(s string) int {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x80:
			if c == ' ' || c >= '\t' && c <= '\r' {
				return i
			}
		case c == 0xc2 || c == 0xe1 || c == 0xe2 || c == 0xe3:
			// The lead bytes of U+0085, U+00A0, U+1680, U+2000–U+205F, U+3000.
			if r, _ := utf8.DecodeRuneInString(s[i:]); IsSpace(r) {
				return i
			}
		}
	}
	return -1
}

// ContainsAny reports whether s holds any of words: the label tests of
// every extractor, on text already folded.
func ContainsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// IndexAny is strings.IndexAny: the index of the first rune of s that
// chars holds, -1 when there is none. Where chars holds a rune past ASCII,
// as the Chinese punctuation the extractors split text on does,
// strings.IndexAny decodes every rune of s and searches chars for it; this
// decodes only at the bytes that start a rune of chars, and skips the rest
// (most of a Chinese text) with a bit test.
func IndexAny(s, chars string) int {
	// A byte that starts a rune of s starts no rune inside another, so a
	// rune of chars found at a lead byte is where strings.IndexAny finds
	// it, also in text that is not valid UTF-8; but a RuneError in chars
	// matches every invalid byte of s, which only strings.IndexAny does.
	if strings.ContainsRune(chars, utf8.RuneError) {
		return strings.IndexAny(s, chars)
	}
	var lead [8]uint32 // bit c: a rune of chars starts with byte c
	for i := 0; i < len(chars); i++ {
		if c := chars[i]; utf8.RuneStart(c) {
			lead[c>>5] |= 1 << (c & 31)
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if lead[c>>5]&(1<<(c&31)) == 0 {
			continue
		}
		if c < utf8.RuneSelf {
			return i
		}
		if r, _ := utf8.DecodeRuneInString(s[i:]); strings.ContainsRune(chars, r) {
			return i
		}
	}
	return -1
}
