// The implementing unit a report names in its sentences (ProseUnit) and
// the tests of an organisation's name.

package facts

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/govreports/govreports/extract/grammar"
	"github.com/govreports/govreports/extract/internal/textnorm"
)

var (
	// unitLabel introduces the implementing unit in a sentence: "项目实施
	// 单位为某某局", "項目實施單位：某某中心", "承担单位是某某站", and a
	// transfer payment's "资金使用单位：某某局".
	unitLabel = regexp.MustCompile(`(?:实施|承担|执行|资金使用)单位\s*(?:为|是|[:：])\s*`)
	// unitCarries says who carries the project out: "具体由某某中心组织实施",
	// "由某某局统筹组织实施".
	unitCarries = regexp.MustCompile(`由([^，,。；;、：:（）()由]{2,30}?)(?:具体|统筹|统一|牵头|负责|组织)*实施`)
	// unitAsBody names the unit that carries the project out as its body
	// or owner: "某某集团有限公司作为建设主体负责具体实施".
	unitAsBody = regexp.MustCompile(`([^，,。；;、：:（）()“”"由]{2,40})作为(?:项目)?(?:建设|实施|责任)?(?:主体|单位|业主)[^，,。；;]{0,12}实施`)
	// unitNamed is a unit given a short name before the work it takes
	// on: "某某县城乡供水有限公司（以下简称“供水公司”）承担项目建设".
	unitNamed = regexp.MustCompile(`([^，,。；;、：:（）()“”"]{2,40})[（(]以下简称[^（()）]{1,16}[）)]\s*(?:具体)?(?:负责|承担)`)
	// unitIsFor names the unit before the label: "某某博物院（以下简称“博物院”）
	// 为某某补助资金的实施单位", "某某站是本项目的承担单位".
	unitIsFor = regexp.MustCompile(`([^，,。；;、：:（）()“”"]{2,40}?)\s*(?:[（(]以下简称[^（()）]{1,16}[）)])?\s*(?:为|是)[^，,。；;]{0,40}?的?(?:实施|承担|执行)单位`)
	// unitDoes names the unit as the subject of its clause, with no 由:
	// "某某局负责统筹，某某中心负责具体实施", "某某站具体负责项目实施".
	unitDoes = regexp.MustCompile(`(?:^|[，,；;])\s*([^，,。；;、：:（）()“”"由]{2,30}?)(?:具体)?负责(?:具体|组织|项目)*实施`)
	// unitEvaluated names the unit in the sentence on the evaluation, as
	// the one whose project is evaluated: "对某某局组织实施的…项目开展了绩效评价".
	unitEvaluated = regexp.MustCompile(`对([^，,。；;、：:（）()“”"对]{2,30}?)(?:具体|统筹|负责|组织)*实施的`)
	// unitEnd ends the name after unitLabel.
	unitEnd = regexp.MustCompile(`[，,。；;、（(）)\s]`)
)

// ProseUnit returns the implementing unit a report's text names, for
// reports whose cover does not: after 实施单位为 or 实施单位： (承担单位,
// 执行单位), else in a sentence on the project or its funds saying who
// carries it out (由…组织实施, …（以下简称…）承担). The name must read as one organisation, whole; a sentence on
// the evaluation (评价, 评估) names who evaluates, not who carries out.
func ProseUnit(paras []Para) string {
	if u := proseUnit(paras); u != "" {
		return u
	}
	// A PDF's line break may cut the name (威县水务 / 局): the lines joined
	// are read only where the lines as they stand name no unit, so that
	// lines of labels (实施单位：某局 / 主管部门：某委) are not run together.
	return proseUnit(joinWrapped(paras))
}

func proseUnit(paras []Para) string {
	spans := make([][][2]int, len(paras)) // each paragraph's sentences, cut once for both readings
	for _, carries := range []bool{false, true} {
		for k, p := range paras {
			folded := p.folded()
			if spans[k] == nil {
				spans[k] = sentenceSpans(folded)
			}
			for _, s := range spans[k] {
				sent := folded[s[0]:s[1]]
				if strings.Contains(sent, "评价") || strings.Contains(sent, "评估") {
					if name := evaluatedUnit(p.Text[s[0]:s[1]], sent, carries); name != "" {
						return name
					}
					continue
				}
				if name := unitIn(p.Text[s[0]:s[1]], sent, carries); name != "" {
					return name
				}
			}
		}
	}
	return ""
}

// selfRef is how a unit names itself in its own report: 我局, 本单位, 我中心.
var selfRef = regexp.MustCompile(`^(?:我|本)(?:单位|局|委|办|中心|院|站|所|馆|校|厅|部门)$`)

// SelfCarries reports whether the text says the report's own unit carries
// the project out ("由我局负责组织实施"): the unit is then the one the
// report's title or signature names.
func SelfCarries(paras []Para) bool {
	for _, p := range paras {
		folded := p.folded()
		for _, s := range sentenceSpans(folded) {
			sent := folded[s[0]:s[1]]
			if strings.Contains(sent, "评价") || strings.Contains(sent, "评估") ||
				!strings.Contains(sent, "项目") && !strings.Contains(sent, "资金") {
				continue
			}
			if m := unitCarries.FindStringSubmatch(sent); m != nil && selfRef.MatchString(m[1]) {
				return true
			}
		}
	}
	return false
}

// findIn is re's submatch indexes in s, nil without running it when s
// lacks the word every match of re holds.
func findIn(re *regexp.Regexp, s, word string) []int {
	if !strings.Contains(s, word) {
		return nil
	}
	return re.FindStringSubmatchIndex(s)
}

// unitIn is the unit sentence text (folded: the same in simplified
// characters) names after 实施单位 or, when carries, as the one who carries
// the project out; "" when none.
func unitIn(text, folded string, carries bool) string {
	var from, to int
	if !carries {
		// Both patterns end in 单位: most sentences are passed over
		// before any regexp runs.
		if !strings.Contains(folded, "单位") {
			return ""
		}
		if loc := unitLabel.FindStringIndex(folded); loc != nil {
			from, to = loc[1], len(folded)
			if e := unitEnd.FindStringIndex(folded[from:]); e != nil {
				to = from + e[0]
			}
		} else if m := unitIsFor.FindStringSubmatchIndex(folded); m != nil {
			from, to = m[2], m[3]
		} else {
			return ""
		}
	} else {
		if !strings.Contains(folded, "项目") && !strings.Contains(folded, "资金") {
			return ""
		}
		if m := findIn(unitCarries, folded, "实施"); m != nil {
			from, to = m[2], m[3]
			// 由某局负责分配和项目组织实施: the name ends where its duty starts.
			for _, w := range dutyWords {
				if k := strings.Index(folded[from:to], w); k > 0 {
					to = from + k
				}
			}
		} else if m := findIn(unitAsBody, folded, "作为"); m != nil {
			from, to = m[2], m[3]
		} else if m := findIn(unitNamed, folded, "以下简称"); m != nil {
			from, to = m[2], m[3]
			// The name starts after the words before it: 委托某某公司（以下简称…）.
			for _, w := range beforeName {
				if k := strings.LastIndex(folded[from:to], w); k >= 0 {
					from += k + len(w)
				}
			}
			if k := strings.LastIndex(folded[from:to], "由"); k >= 0 {
				from += k + len("由")
			}
		} else if m := findIn(unitDoes, folded, "负责"); m != nil {
			from, to = m[2], m[3]
		} else {
			return ""
		}
	}
	if name := strings.TrimSpace(text[from:to]); IsOrgName(name) {
		return name
	}
	return ""
}

// evaluatedUnit is the unit a sentence on the evaluation names as the
// one whose project it evaluates (对某某局组织实施的…项目开展了绩效评价), read
// with the units that carry a project out; "" when none.
func evaluatedUnit(text, folded string, carries bool) string {
	if !carries || !strings.Contains(folded, "项目") && !strings.Contains(folded, "资金") {
		return ""
	}
	m := findIn(unitEvaluated, folded, "实施的")
	if m == nil {
		return ""
	}
	if name := strings.TrimSpace(text[m[2]:m[3]]); IsOrgName(name) {
		return name
	}
	return ""
}

// unitEndings end the names of the units that carry projects out, beside
// orgEndings: words too common to find names by in running text
// (站, 所, 馆), but a name's end where a label says a unit follows.
var unitEndings = []string{"站", "所", "院", "馆", "处", "队", "场", "学校", "小学", "中学", "幼儿园"}

// IsOrgName reports whether s, standing alone, reads as the name of one
// organisation: five to thirty Han characters (brackets aside) with an
// organisation's or a unit's ending (某某县农村供水管理站), neither a class
// of bodies (各乡镇人民政府) nor two joined (某某局会同某某中心, 某某局和某某中心).
func IsOrgName(s string) bool {
	n := utf8.RuneCountInString(s)
	if n < 5 || n > 30 {
		return false
	}
	if OrgEnding(s) == "" {
		simple, ok := textnorm.Simplify(s), false
		for _, e := range unitEndings {
			ok = ok || strings.HasSuffix(simple, e)
		}
		if !ok {
			return false
		}
	}
	fs := []rune(grammar.Fold(s))
	for i, r := range fs {
		if !unicode.Is(unicode.Han, r) && !strings.ContainsRune("（）()", r) {
			return false
		}
		if e := endingAt(fs, i); e != "" {
			if k := i + utf8.RuneCountInString(e); k < n && strings.ContainsRune("和与及同、", fs[k]) {
				return false
			}
		}
	}
	simple := string(fs)
	for _, w := range []string{"各", "有关", "相关", "部分"} {
		if strings.HasPrefix(simple, w) {
			return false
		}
	}
	for _, w := range []string{"会同", "联合", "配合", "负责", "组织", "实施"} {
		if strings.Contains(simple, w) {
			return false
		}
	}
	return true
}

// clauseNoteWords mark a bracketed note after a unit's name as a clause
// about the work (（各镇、街道环卫所具体落实）, （由各乡镇负责）), not a part of
// the name (（北京）, （集团）).
var clauseNoteWords = []string{"负责", "具体", "落实", "实施", "承担", "配合", "协助", "牵头", "组织", "包括", "含", "等"}

// trailingNote is a bracketed note ending a name.
var trailingNote = regexp.MustCompile(`\s*[（(]([^（()）]+)[）)]$`)

// CutUnitNote cuts from a unit's name a bracketed note at its end that is
// a clause, not a part of the name: one with a list's or a clause's
// separator or a word of the work in it, where what stands before it reads
// as one organisation. Any other name is returned as it is.
func CutUnitNote(name string) string {
	m := trailingNote.FindStringSubmatchIndex(name)
	if m == nil || !IsOrgName(name[:m[0]]) {
		return name
	}
	note := textnorm.Simplify(name[m[2]:m[3]])
	if strings.ContainsAny(note, "、，,；;") || grammar.ContainsAny(note, clauseNoteWords) {
		return name[:m[0]]
	}
	return name
}

// sentenceSpans are the byte ranges of the sentences of s.
func sentenceSpans(s string) [][2]int {
	var out [][2]int
	start := 0
	for {
		i := grammar.IndexAny(s[start:], sentenceEnds)
		if i < 0 {
			return append(out, [2]int{start, len(s)})
		}
		_, size := utf8.DecodeRuneInString(s[start+i:])
		out = append(out, [2]int{start, start + i})
		start += i + size
	}
}

// cutYear cuts the year that ends s ("某某市2023年度" gives 某某市), spaces
// around it included; s when it ends in none.
func cutYear(s string) string {
	t := strings.TrimRightFunc(s, grammar.IsSpace)
	t = strings.TrimSuffix(t, "度")
	if !strings.HasSuffix(t, "年") {
		return s
	}
	t = strings.TrimRightFunc(strings.TrimSuffix(t, "年"), grammar.IsSpace)
	n := len(t)
	if n < 4 || t[n-4] != '1' && t[n-4] != '2' || strings.Trim(t[n-4:], "0123456789") != "" {
		return s
	}
	return strings.TrimRightFunc(t[:n-4], grammar.IsSpace)
}

// NamesApart reports whether the text of paras, lines a PDF broke joined
// again, names name where place does not stand right before it: the
// project of a title "某某市2023年农村公路建设养护专项资金…" is named
// without its place when the text speaks of "某某市安排农村公路建设养护专项资金".
// A year between them, as the title has one, still names it with its
// place ("对某某市2023年农村公路…开展评价").
func NamesApart(paras []Para, name, place string) bool {
	name, place = grammar.Fold(name), grammar.Fold(place)
	for _, p := range joinWrapped(paras) {
		text := p.folded()
		for from := 0; ; {
			k := strings.Index(text[from:], name)
			if k < 0 {
				break
			}
			if !strings.HasSuffix(cutYear(text[:from+k]), place) {
				return true
			}
			from += k + len(name)
		}
	}
	return false
}
