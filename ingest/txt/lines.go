package txt

import (
	"regexp"
	"strings"
	"unicode"
)

// bookmark is the marker some converters leave where Word had a bookmark,
// "[bookmark: _GoBack]" above all; it was never text.
var bookmark = regexp.MustCompile(`\[bookmark: ?[^\]\n]*\]`)

// noBookmarks removes bookmark markers from a line.
func noBookmarks(l string) string {
	if strings.Contains(l, "[bookmark:") {
		return bookmark.ReplaceAllString(l, "")
	}
	return l
}

// trim removes surrounding white space, the ideographic space U+3000
// included (unicode.IsSpace knows it), and the invisible U+FEFF and U+200B
// that editors leave behind.
func trim(s string) string {
	return strings.TrimFunc(s, isSpace)
}

func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\ufeff' || r == '\u200b'
}

func isBlank(line string) bool { return trim(line) == "" }

// isTabCell tells a cell of Word's text export: a line that starts with a
// tab. A tab alone is an empty cell.
func isTabCell(line string) bool { return line != "" && line[0] == '\t' }
