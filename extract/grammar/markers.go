package grammar

import (
	"regexp"
	"regexp/syntax"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A Marker is the number that starts a heading or a list item: "一、",
// "（一）", "1.", "①".
type Marker struct {
	// Family is the way of numbering: "cn-dun" for 一、, "arabic-paren"
	// for （1）, "dotted-2" for 1.1 …
	Family string
	// Rank is the depth convention (GB/T 9704 and common practice) gives
	// the family, smaller above larger; 0 when it has none (dotted
	// schemes, Roman and Latin numbering), and the same for two ways of
	// numbering one depth (（1） and 1）).
	Rank   int
	Number int
	// Len is the length of the marker in bytes of the text read, its
	// closing punctuation included ("（一）" is 9).
	Len int
}

const hanNum = `[一二三四五六七八九十百零〇]{1,4}`

type family struct {
	name string
	rank int
	// listLike families number ordinary list items as often as headings.
	listLike bool
	re       *regexp.Regexp // matches the marker at the start; group 1 is the number
}

// families in the order they are tried: longer forms first (dotted before
// "1.", "第一章" before anything else).
var families = []family{
	{"part", 1, false, regexp.MustCompile(`^第\s*(` + hanNum + `|[0-9]{1,2})\s*(?:部分|编|篇)`)},
	{"chapter", 2, false, regexp.MustCompile(`^第\s*(` + hanNum + `|[0-9]{1,2})\s*章`)},
	{"jie", 3, false, regexp.MustCompile(`^第\s*(` + hanNum + `|[0-9]{1,2})\s*节`)},
	{"cn-dun", 4, false, regexp.MustCompile(`^(` + hanNum + `)\s*[、．.]`)},
	{"cn-legal", 4, false, regexp.MustCompile(`^([壹贰叁參叄肆伍陆柒捌玖拾]{1,3})\s*[、．.]`)},
	{"roman", 0, false, regexp.MustCompile(`^([ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ])\s*[、．.]?`)},
	{"cn-paren", 5, false, regexp.MustCompile(`^[（(]\s*(` + hanNum + `)\s*[）)]`)},
	// 1.1, 1.1.1; each depth is a family of its own ("dotted-2", "dotted-3")
	{"dotted", 0, true, regexp.MustCompile(`^([0-9０-９]{1,2}(?:[.．][0-9０-９]{1,2}){1,3})[.．]?`)},
	{"arabic-dot", 6, true, regexp.MustCompile(`^([0-9０-９]{1,2})\s*[.．、]`)},
	// "1 项目概况", the top of a dotted scheme (1 / 1.1 / 1.1.1)
	{"arabic-space", 0, true, regexp.MustCompile(`^([0-9０-９]{1,2})[ \t\x{3000}]+`)},
	{"arabic-paren", 7, true, regexp.MustCompile(`^[（(]\s*([0-9０-９]{1,2})\s*[）)]`)},
	{"arabic-half", 7, true, regexp.MustCompile(`^([0-9０-９]{1,2})[)）]`)},
	{"circled", 8, true, regexp.MustCompile(`^([①-⑳])`)},
	{"paren-digit", 9, true, regexp.MustCompile(`^([⑴-⒇])`)},
	{"dot-digit", 9, true, regexp.MustCompile(`^([⒈-⒛])`)},
	{"latin-half", 0, true, regexp.MustCompile(`^([a-z])[)）]`)},
}

// familyStarts holds, for each of families, the runes a match of its
// regexp can begin with: ParseMarker tries only the families the first
// rune of the text can begin, where running every regexp in turn cost a
// tenth of the extractors' regexp time.
var familyStarts = func() []startRunes {
	out := make([]startRunes, len(families))
	for k, f := range families {
		out[k] = anchoredStarts(f.re)
	}
	return out
}()

// startRunes are the runes a match can begin with: those of the lo, hi
// pairs of ranges, or any rune.
type startRunes struct {
	any    bool
	ranges []rune
}

func (st startRunes) has(r rune) bool {
	if st.any {
		return true
	}
	for i := 0; i+1 < len(st.ranges); i += 2 {
		if st.ranges[i] <= r && r <= st.ranges[i+1] {
			return true
		}
	}
	return false
}

// anchoredStarts reads from re, which must match at the start of the
// text (^), the runes its matches begin with; any rune when it cannot
// tell, so that the regexp is run.
func anchoredStarts(re *regexp.Regexp) startRunes {
	x, err := syntax.Parse(re.String(), syntax.Perl) // as regexp.Compile parses
	if err != nil || x.Op != syntax.OpConcat || len(x.Sub) < 2 || x.Sub[0].Op != syntax.OpBeginText {
		return startRunes{any: true}
	}
	if ranges, ok := firstRunes(x.Sub[1]); ok {
		return startRunes{ranges: ranges}
	}
	return startRunes{any: true}
}

// firstRunes returns the ranges of the runes a match of x begins with, ok
// false when x may match the empty string or its first rune is not a
// plain literal or class.
func firstRunes(x *syntax.Regexp) (ranges []rune, ok bool) {
	switch x.Op {
	case syntax.OpLiteral:
		if x.Flags&syntax.FoldCase != 0 || len(x.Rune) == 0 {
			return nil, false
		}
		return []rune{x.Rune[0], x.Rune[0]}, true
	case syntax.OpCharClass:
		return x.Rune, len(x.Rune) > 0
	case syntax.OpCapture, syntax.OpPlus:
		return firstRunes(x.Sub[0])
	case syntax.OpRepeat:
		if x.Min < 1 {
			return nil, false
		}
		return firstRunes(x.Sub[0])
	case syntax.OpConcat:
		if len(x.Sub) == 0 {
			return nil, false
		}
		return firstRunes(x.Sub[0])
	case syntax.OpAlternate:
		for _, sub := range x.Sub {
			r, ok := firstRunes(sub)
			if !ok {
				return nil, false
			}
			ranges = append(ranges, r...)
		}
		return ranges, true
	}
	return nil, false
}

// FamilyRank is the conventional rank of a family by name, 0 when it has none.
func FamilyRank(name string) int {
	if f := familyByName(name); f != nil {
		return f.rank
	}
	return 0
}

// ListLike reports whether a family numbers ordinary list items as often
// as headings: Arabic, circled and Latin numbering.
func ListLike(name string) bool {
	f := familyByName(name)
	return f != nil && f.listLike
}

func familyByName(name string) *family {
	if strings.HasPrefix(name, "dotted-") {
		name = "dotted" // each depth of a dotted scheme is a family of its own
	}
	for i := range families {
		if families[i].name == name {
			return &families[i]
		}
	}
	return nil
}

// IsSpace reports whether r is white space, the ideographic space included.
func IsSpace(r rune) bool { return unicode.IsSpace(r) || r == '\u3000' }

// ParseMarker reads the marker at the start of s (no space before it), or
// ok false. A number that reads as a quantity is no marker: "12.5", "1.5万元",
// "3 个"; but "2.2021年度" is marker 2 before a year.
//
// It matches in simplified characters ("第一節" is "第一节"); Len holds in s,
// as folding keeps byte offsets.
func ParseMarker(s string) (m Marker, ok bool) {
	// A marker and the few runes after it that decide it stand in the
	// first bytes: only they are matched, and folded.
	cut := len(s)
	if cut > 96 {
		cut = 96
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
	}
	s = FoldNumeralString(s[:cut]) // 參、 is the financial 3, not 参
	if s == "" || !mayStartMarker(s) {
		return Marker{}, false
	}
	first, _ := utf8.DecodeRuneInString(s)
	for k, f := range families {
		if !familyStarts[k].has(first) {
			continue
		}
		loc := f.re.FindStringSubmatchIndex(s)
		if loc == nil {
			continue
		}
		num, rest := s[loc[2]:loc[3]], s[loc[1]:]
		switch f.name {
		case "dotted":
			dot := strings.IndexAny(s, ".．")
			if yearAfterMarker.MatchString(s[dot+runeLenAt(s, dot):]) {
				continue // "2.2021年…": let arabic-dot read "2."
			}
			// A dotted number followed by a unit or digit is a quantity.
			if r, _ := utf8.DecodeRuneInString(rest); QuantityAfter(rest) || unicode.IsDigit(r) || rest == "" {
				return Marker{}, false
			}
			// Each depth is a family of its own: 1.1 is above 1.1.1.
			parts := strings.FieldsFunc(num, func(r rune) bool { return r == '.' || r == '．' })
			if last, ok := Number(parts[len(parts)-1]); ok {
				return Marker{"dotted-" + strconv.Itoa(len(parts)), 0, last, loc[1]}, true
			}
			return Marker{}, false
		case "arabic-dot":
			r, _ := utf8.DecodeRuneInString(rest)
			if unicode.IsDigit(r) && !yearAfterMarker.MatchString(rest) {
				return Marker{}, false // 12.5 or 3.14
			}
		case "arabic-space":
			if QuantityAfter(rest) || !startsHan(strings.TrimLeftFunc(rest, IsSpace)) {
				return Marker{}, false
			}
		case "roman":
			if !strings.ContainsAny(s[:loc[1]], "、．.") && !startsHan(rest) {
				return Marker{}, false
			}
		case "latin-half":
			if !startsHan(strings.TrimLeftFunc(rest, IsSpace)) {
				return Marker{}, false // b) in a formula or a code
			}
			return Marker{f.name, f.rank, int(num[0]-'a') + 1, loc[1]}, true
		}
		n, ok := Number(num)
		if !ok || n == 0 {
			return Marker{}, false
		}
		return Marker{f.name, f.rank, n, loc[1]}, true
	}
	return Marker{}, false
}

// mayStartMarker is a quick no for text that starts with none of the
// runes a marker starts with.
func mayStartMarker(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	switch {
	case r >= '0' && r <= '9', r >= '０' && r <= '９', r >= 'a' && r <= 'z':
		return true
	case r >= '①' && r <= '⒛', r >= 'Ⅰ' && r <= 'Ⅻ':
		return true
	}
	return strings.ContainsRune("第（(一二三四五六七八九十百零〇壹贰叁參叄肆伍陆柒捌玖拾", r)
}

// yearAfterMarker is "2021年" right after a "2." marker.
var yearAfterMarker = regexp.MustCompile(`^[0-9０-９]{4}\s*年`)

func startsHan(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.Is(unicode.Han, r)
}

func runeLenAt(s string, i int) int {
	_, size := utf8.DecodeRuneInString(s[i:])
	return size
}
