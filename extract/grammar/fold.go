package grammar

import (
	"sort"
	"unicode/utf8"
)

// Traditional characters are read as their simplified forms. The table is
// generated from OpenCC's data (fold_table.go) and maps one rune to one
// rune of the same UTF-8 length, so that byte and rune offsets found in
// folded text are offsets in the original.

// foldMask has a bit set for each traditional character of foldPairs:
// most text has none, and the common answer must be quick.
var foldMask = func() *[0x10000 / 64]uint64 {
	var b [0x10000 / 64]uint64
	for _, p := range foldPairs {
		if p.from < 0x10000 {
			b[p.from/64] |= 1 << (p.from % 64)
		}
	}
	return &b
}()

// IsTraditional reports whether r folds to another character.
func IsTraditional(r rune) bool {
	if r < 0x10000 {
		u := uint32(r)
		return u >= 0x3400 && foldMask[u>>6]&(1<<(u&63)) != 0
	}
	_, ok := lookupFold(r)
	return ok
}

func lookupFold(r rune) (rune, bool) {
	i := sort.Search(len(foldPairs), func(i int) bool { return foldPairs[i].from >= r })
	if i < len(foldPairs) && foldPairs[i].from == r {
		return foldPairs[i].to, true
	}
	return 0, false
}

// FoldRune returns the simplified form of r, r itself when it has none.
func FoldRune(r rune) rune {
	if !IsTraditional(r) {
		return r
	}
	to, _ := lookupFold(r)
	return to
}

// Fold returns s with its traditional characters made simplified; s itself
// when there is none. The result has the length of s, byte for byte, also
// where s is not valid UTF-8.
func Fold(s string) string { return foldString(s, false) }

// FoldNumeralString is Fold for reading numbers, as FoldNumerals is
// FoldRunes: 參 stays the financial 3.
func FoldNumeralString(s string) string { return foldString(s, true) }

func foldString(s string, keepNumerals bool) string {
	i := nextTraditional(s, 0)
	if i < 0 {
		return s
	}
	var b []byte
	for ; i >= 0; i = nextTraditional(s, i) {
		r, size := utf8.DecodeRuneInString(s[i:])
		f := FoldRune(r)
		if keepNumerals && isNumeral(r) && !isNumeral(f) {
			i += size
			continue
		}
		if b == nil {
			b = []byte(s)
		}
		utf8.EncodeRune(b[i:], f) // of the same length: a test checks
		i += size
	}
	if b == nil {
		return s
	}
	return string(b)
}

// nextTraditional returns the offset of the first traditional character
// of s at or after i, -1 when there is none.
func nextTraditional(s string, i int) int {
	for i < len(s) {
		c := s[i]
		// Bytes below 0xE3 are ASCII, continuation bytes or lead bytes of
		// runes below U+3000: none folds.
		if c < 0xe3 {
			i++
			continue
		}
		// A rune of three bytes, the common case, decoded inline.
		if c < 0xf0 && i+2 < len(s) && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80 {
			u := uint32(c&0x0f)<<12 | uint32(s[i+1]&0x3f)<<6 | uint32(s[i+2]&0x3f)
			if foldMask[u>>6]&(1<<(u&63)) != 0 {
				return i
			}
			i += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if IsTraditional(r) {
			return i
		}
		i += size
	}
	return -1
}

// FoldRunes returns rs with traditional characters folded; rs itself when
// there is none.
func FoldRunes(rs []rune) []rune { return foldRunes(rs, false) }

// FoldNumerals is FoldRunes for reading numbers: a numeral character whose
// simplified form is none stays as written (參 is the financial 3, but
// its simplified form 参 is no numeral).
func FoldNumerals(rs []rune) []rune { return foldRunes(rs, true) }

func foldRunes(rs []rune, keepNumerals bool) []rune {
	var out []rune
	for i, r := range rs {
		f := FoldRune(r)
		if f == r || keepNumerals && isNumeral(r) && !isNumeral(f) {
			continue
		}
		if out == nil {
			out = make([]rune, len(rs))
			copy(out, rs)
		}
		out[i] = f
	}
	if out == nil {
		return rs
	}
	return out
}

// isNumeral reports whether r is a Chinese digit or multiplier.
func isNumeral(r rune) bool {
	_, d := DigitValue(r)
	_, m := MultiplierExp(r)
	return d || m
}
