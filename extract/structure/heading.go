package structure

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/govreports/govreports/extract/grammar"
	"github.com/govreports/govreports/extract/internal/textnorm"
)

// tocLine is a table-of-contents entry: dot leaders or a tab, then a page.
var tocLine = regexp.MustCompile(`(?:[.．…·]{2,}|\t)\s*[0-9]+\s*$`)

// isTocLine is tocLine.MatchString(s), with a quick no first for the
// lines (nearly all) that do not end in a digit, which the regexp would
// try to match from every offset of.
func isTocLine(s string) bool {
	t := strings.TrimRight(s, "\t\n\f\r ") // \s
	if t == "" || t[len(t)-1] < '0' || t[len(t)-1] > '9' {
		return false
	}
	return tocLine.MatchString(s)
}

// marker is a numbered start of a paragraph.
type marker struct {
	family string
	text   string // as printed, e.g. "（一）", spaces inside kept
	number int
	rest   string // the text after the marker, trimmed
}

// parseMarker finds the heading number at the start of s, or ok false: a
// marker of the domain grammar with a text after it.
func parseMarker(s string) (m marker, ok bool) {
	orig := strings.TrimLeftFunc(s, textnorm.IsSpace)
	gm, ok := grammar.ParseMarker(orig)
	if !ok {
		return marker{}, false
	}
	rest := afterMarker(orig[gm.Len:])
	if rest == "" {
		return marker{}, false
	}
	return marker{gm.Family, strings.TrimSpace(orig[:gm.Len]), gm.Number, rest}, true
}

func trimRest(s string) string { return strings.TrimFunc(s, textnorm.IsSpace) }

// afterMarker is the text after a marker without the punctuation some
// reports add to it: "第一部分：部门概况", "（一）、项目背景".
func afterMarker(s string) string {
	return trimRest(strings.TrimLeftFunc(s, func(r rune) bool {
		return textnorm.IsSpace(r) || strings.ContainsRune("：:、，,", r)
	}))
}

// A verdict says what a numbered paragraph is.
type verdict int

const (
	notHeading   verdict = iota
	pureHeading          // the paragraph is a title and nothing else
	runInHeading         // a lead phrase, then body text: "1.决策有目标。我区…"
)

const (
	maxTitle = 40 // runes in a heading that stands alone
	maxLead  = 20 // runes in the lead phrase of a run-in heading
)

// terminators end the lead phrase of a run-in heading.
const terminators = "。；;！？!?：:"

// classify decides whether the text after a marker reads as a heading. It
// returns the title and, for a run-in heading, the body that follows it.
func classify(rest string) (v verdict, title, body string) {
	if rest == "" || isTocLine(rest) {
		return notHeading, "", ""
	}
	rest = textnorm.OneLine(rest)
	i := grammar.IndexAny(rest, terminators)
	if i < 0 || i+runeLenAt(rest, i) == len(rest) {
		t := strings.TrimRight(rest, terminators)
		if textnorm.Len(t) <= maxTitle && strings.Count(t, "，")+strings.Count(t, ",") <= 1 {
			return pureHeading, t, ""
		}
		return notHeading, "", ""
	}
	lead := strings.TrimSpace(rest[:i])
	n := textnorm.Len(lead)
	commas := strings.Count(lead, "，") + strings.Count(lead, ",")
	if n >= 2 && n <= maxLead && (commas == 0 || commas == 1 && n <= 16) {
		return runInHeading, lead, strings.TrimSpace(rest[i+runeLenAt(rest, i):])
	}
	return notHeading, "", ""
}

func runeLenAt(s string, i int) int {
	_, size := utf8.DecodeRuneInString(s[i:])
	return size
}

// styleLevel is the heading level a paragraph's style or outline level
// gives, 0 when none.
func styleLevel(style string, outline int) int {
	s := strings.ToLower(strings.TrimSpace(style))
	for _, p := range []string{"heading ", "heading", "标题 ", "标题"} {
		if strings.HasPrefix(s, p) {
			if n, ok := grammar.Number(strings.TrimSpace(s[len(p):])); ok && n >= 1 && n <= 9 {
				return n
			}
		}
	}
	if outline >= 1 && outline <= 9 {
		return outline
	}
	return 0
}

// longRunIn reads a heading whose first sentence is too long for a lead
// phrase: the first sentence, if not overlong, is the title.
func longRunIn(rest string) (v verdict, title, body string) {
	rest = textnorm.OneLine(rest)
	i := strings.IndexAny(rest, terminators)
	if i < 0 {
		// A long title, and nothing else: "一、项目基本情况及绩效目标设定、
		// 资金使用管理和项目实施情况分析评价"
		if textnorm.Len(rest) <= 2*maxTitle && strings.Count(rest, "，")+strings.Count(rest, ",") <= 1 {
			return pureHeading, rest, ""
		}
		return notHeading, "", ""
	}
	lead := strings.TrimSpace(rest[:i])
	if textnorm.Len(lead) > maxTitle {
		return notHeading, "", ""
	}
	return runInHeading, lead, strings.TrimSpace(rest[i+runeLenAt(rest, i):])
}
