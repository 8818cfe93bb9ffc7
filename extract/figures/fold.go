package figures

import "github.com/govreports/govreports/extract/grammar"

// Traditional characters are read as their simplified forms: the scanner
// matches on a folded copy of the text, one rune for one rune, so offsets
// stay those of the original, from which Raw and labels are cut.
//
// A numeral character whose simplified form is none stays as written: 參
// is the financial 3, but its simplified form 参 is no numeral.
func foldRunes(rs []rune) []rune {
	var out []rune
	for i, r := range rs {
		f := grammar.FoldRune(r)
		if f == r || isNumeralRune(r) && !isNumeralRune(f) {
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

func isNumeralRune(r rune) bool {
	_, d := grammar.DigitValue(r)
	_, m := grammar.MultiplierExp(r)
	return d || m
}
