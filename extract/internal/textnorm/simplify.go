package textnorm

import "github.com/govreports/govreports/extract/grammar"

// Simplify returns s with its traditional characters made simplified, one
// rune for one rune of the same byte length, so that byte and rune
// offsets in the result are offsets in s. It is grammar.Fold, whose table
// is generated from OpenCC's data.
func Simplify(s string) string { return grammar.Fold(s) }
