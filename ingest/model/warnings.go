package model

import (
	"fmt"
	"unicode/utf8"
)

// What one document's warnings may hold: a hostile file can make a
// reader warn once per table or cell, and a megabyte of warnings in one
// row helps no one.
const (
	MaxWarnings      = 100      // warnings kept
	MaxWarningBytes  = 64 << 10 // bytes of the warnings kept, together
	MaxWarningLength = 2 << 10  // bytes of one warning; a longer one is cut
)

// CapWarnings returns ws within MaxWarnings, MaxWarningBytes and
// MaxWarningLength: the first warnings, each cut to MaxWarningLength,
// then "… and N more warnings" for those left out.
func CapWarnings(ws []string) []string {
	out, size := ws[:0:0], 0
	for i, w := range ws {
		if len(w) > MaxWarningLength {
			n := MaxWarningLength
			for n > 0 && !utf8.RuneStart(w[n]) {
				n--
			}
			w = w[:n] + "…"
		}
		if i == MaxWarnings || size+len(w) > MaxWarningBytes {
			more := len(ws) - i
			return append(out, fmt.Sprintf("… and %d more %s", more, map[bool]string{true: "warning", false: "warnings"}[more == 1]))
		}
		out = append(out, w)
		size += len(w)
	}
	return out
}
