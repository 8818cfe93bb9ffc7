package structure

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/govreports/govreports/extract/internal/textnorm"
)

// A family is one way of numbering headings. The section builder ranks
// families by their first appearance in a report; the comments give the
// level each usually has (GB/T 9704 and common practice).
type family struct {
	name string
	re   *regexp.Regexp // matches the marker at the start; group 1 is the number
	// listLike families number ordinary list items as often as headings.
	listLike bool
}

const hanNum = `[一二三四五六七八九十百零〇]{1,4}`

// families in the order they are tried: longer forms first (dotted before
// "1.", "第一章" before anything else).
var families = []family{
	// 第一部分 / 第一章 / 第一节: above everything else
	{"part", regexp.MustCompile(`^第\s*(` + hanNum + `|[0-9]{1,2})\s*(?:部分|编|篇)`), false},
	{"chapter", regexp.MustCompile(`^第\s*(` + hanNum + `|[0-9]{1,2})\s*章`), false},
	{"jie", regexp.MustCompile(`^第\s*(` + hanNum + `|[0-9]{1,2})\s*节`), false},
	// 一、 (level 1)
	{"cn-dun", regexp.MustCompile(`^(` + hanNum + `)\s*[、．.]`), false},
	{"cn-legal", regexp.MustCompile(`^([壹贰叁肆伍陆柒捌玖拾]{1,3})\s*[、．.]`), false},
	{"roman", regexp.MustCompile(`^([ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ])\s*[、．.]?`), false},
	// （一）, (一) (level 2)
	{"cn-paren", regexp.MustCompile(`^[（(]\s*(` + hanNum + `)\s*[）)]`), false},
	// 1.1, 1.1.1; each depth is a family of its own ("dotted-2", "dotted-3")
	{"dotted", regexp.MustCompile(`^([0-9０-９]{1,2}(?:[.．][0-9０-９]{1,2}){1,3})[.．]?`), true},
	// 1. 1、 1． (level 3)
	{"arabic-dot", regexp.MustCompile(`^([0-9０-９]{1,2})\s*[.．、]`), true},
	// "1 项目概况", the top of a dotted scheme (1 / 1.1 / 1.1.1)
	{"arabic-space", regexp.MustCompile(`^([0-9０-９]{1,2})[ \t\x{3000}]+`), true},
	// （1）, (1) and 1), 1） (level 4)
	{"arabic-paren", regexp.MustCompile(`^[（(]\s*([0-9０-９]{1,2})\s*[）)]`), true},
	{"arabic-half", regexp.MustCompile(`^([0-9０-９]{1,2})[)）]`), true},
	// ① ⑴ ⒈ (level 5)
	{"circled", regexp.MustCompile(`^([①-⑳])`), true},
	{"paren-digit", regexp.MustCompile(`^([⑴-⒇])`), true},
	{"dot-digit", regexp.MustCompile(`^([⒈-⒛])`), true},
}

func familyByName(name string) *family {
	if strings.HasPrefix(name, "dotted-") {
		name = "dotted"
	}
	for i := range families {
		if families[i].name == name {
			return &families[i]
		}
	}
	return nil
}

// units follow a number that is a quantity, not a heading number:
// "12.5万元", "1.5%", "3 个项目".
// Words that start headings as well ("1.1项目", "1.1人员", "1.1日常管理")
// are left out.
var units = []string{"万", "亿", "元", "%", "％", "‰", "倍", "公里", "公顷", "米", "吨", "㎡", "平方", "个", "人次",
	"亩", "千", "小时", "次", "辆", "栋"}

// quantityAfter reports whether s starts with a unit ("年" only when not
// "年度": "1.1年度目标" is a heading).
func quantityAfter(s string) bool {
	s = strings.TrimLeftFunc(s, textnorm.IsSpace)
	if strings.HasPrefix(s, "年") {
		return !strings.HasPrefix(s, "年度")
	}
	for _, u := range units {
		if strings.HasPrefix(s, u) {
			return true
		}
	}
	return false
}

// tocLine is a table-of-contents entry: dot leaders or a tab, then a page.
var tocLine = regexp.MustCompile(`(?:[.．…·]{2,}|\t)\s*[0-9]+\s*$`)

// yearAfterMarker is "2021年" right after a "2." marker: "2.2021年度绩效目标"
// is heading 2 about the year 2021, not the figure 2.2021.
var yearAfterMarker = regexp.MustCompile(`^[0-9０-９]{4}\s*年`)

// marker is a numbered start of a paragraph.
type marker struct {
	family string
	text   string // as printed, e.g. "（一）", spaces inside kept
	number int
	rest   string // the text after the marker, trimmed
}

// parseMarker finds the heading number at the start of s, or ok false.
//
// It matches in simplified characters ("第一節" is "第一节") and returns
// the marker and rest as printed: simplifying keeps byte offsets.
func parseMarker(s string) (m marker, ok bool) {
	orig := strings.TrimLeftFunc(s, textnorm.IsSpace)
	// A marker and the few runes after it that decide it stand in the
	// first bytes: only they are matched, and simplified.
	cut := len(orig)
	if cut > 96 {
		cut = 96
		for cut > 0 && !utf8.RuneStart(orig[cut]) {
			cut--
		}
	}
	s = textnorm.Simplify(orig[:cut])
	for _, f := range families {
		loc := f.re.FindStringSubmatchIndex(s)
		if loc == nil {
			continue
		}
		text, num := orig[:loc[1]], s[loc[2]:loc[3]]
		rest := s[loc[1]:]
		shownRest := orig[loc[1]:]
		switch f.name {
		case "dotted":
			dot := strings.IndexAny(s, ".．")
			if yearAfterMarker.MatchString(s[dot+runeLenAt(s, dot):]) {
				continue // "2.2021年…": let arabic-dot read "2."
			}
			// A dotted number followed by a unit or digit is a quantity.
			if r, _ := utf8.DecodeRuneInString(rest); quantityAfter(rest) || unicode.IsDigit(r) || rest == "" {
				return marker{}, false
			}
			// Each depth is a family of its own: 1.1 is above 1.1.1.
			parts := strings.FieldsFunc(num, func(r rune) bool { return r == '.' || r == '．' })
			if last, ok := textnorm.Number(parts[len(parts)-1]); ok {
				name := f.name + "-" + strconv.Itoa(len(parts))
				return marker{name, strings.TrimSpace(text), last, afterMarker(shownRest)}, afterMarker(shownRest) != ""
			}
			return marker{}, false
		case "arabic-dot":
			r, _ := utf8.DecodeRuneInString(rest)
			if unicode.IsDigit(r) && !yearAfterMarker.MatchString(rest) {
				return marker{}, false // 12.5 or 3.14
			}
		case "arabic-space":
			if quantityAfter(rest) || !startsHan(trimRest(rest)) {
				return marker{}, false
			}
		case "roman":
			if !strings.ContainsAny(text, "、．.") && !startsHan(rest) {
				return marker{}, false
			}
		}
		n, ok := textnorm.Number(num)
		if !ok || n == 0 {
			return marker{}, false
		}
		if afterMarker(shownRest) == "" {
			return marker{}, false
		}
		return marker{f.name, strings.TrimSpace(text), n, afterMarker(shownRest)}, true
	}
	return marker{}, false
}

func startsHan(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.Is(unicode.Han, r)
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
	if rest == "" || tocLine.MatchString(rest) {
		return notHeading, "", ""
	}
	rest = textnorm.OneLine(rest)
	i := strings.IndexAny(rest, terminators)
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
			if n, ok := textnorm.Number(strings.TrimSpace(s[len(p):])); ok && n >= 1 && n <= 9 {
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
