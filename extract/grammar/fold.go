package grammar

import (
	"sort"
	"strings"
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
	if r < 0x3400 {
		return false
	}
	if r < 0x10000 {
		return foldMask[r/64]&(1<<(r%64)) != 0
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
// when there is none. The result has the length of s, byte for byte.
func Fold(s string) string {
	for _, r := range s {
		if IsTraditional(r) {
			return strings.Map(FoldRune, s)
		}
	}
	return s
}

// FoldRunes returns rs with traditional characters folded; rs itself when
// there is none.
func FoldRunes(rs []rune) []rune {
	var out []rune
	for i, r := range rs {
		f := FoldRune(r)
		if f == r {
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
