// Package facts finds the facts a report states in its prose: its
// performance goal (绩效目标), the policy documents it cites and the
// organisations it names.
package facts

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/govreports/govreports/extract/grammar"
	"github.com/govreports/govreports/extract/internal/textnorm"
	"github.com/govreports/govreports/ingest/model"
)

// Para is one paragraph of a report with its body block index.
type Para struct {
	Block int
	Text  string
	// Folded is Text in simplified characters (grammar.Fold), the same
	// bytes at the same offsets; NewPara sets it, so that the extractors
	// here match on it without folding each paragraph again.
	Folded string
	// Over is how many blocks of a page break (blank lines, the page
	// number, running heads) part the paragraph from the text block
	// above it; 0 when none do. A sentence runs on over them.
	Over int
}

// NewPara returns the paragraph of block with its text folded once.
func NewPara(block int, text string) Para {
	return Para{Block: block, Text: text, Folded: grammar.Fold(text)}
}

// folded is p's text in simplified characters.
func (p Para) folded() string {
	if p.Folded == "" {
		return grammar.Fold(p.Text) // a Para made without NewPara
	}
	return p.Folded
}

var goalLabel = regexp.MustCompile(`(?:年度)?绩效目标\s*[:：]`)

// Goal returns the first "绩效目标:" statement of the paragraphs, the text
// after the colon to the end of its paragraph.
func Goal(paras []Para) string {
	for _, p := range paras {
		if !strings.Contains(p.Text, "目标") && !strings.Contains(p.Text, "目標") {
			continue
		}
		// Simplified characters keep byte offsets: 績效目標 is 绩效目标.
		if loc := goalLabel.FindStringIndex(p.folded()); loc != nil {
			if g := strings.TrimSpace(p.Text[loc[1]:]); g != "" {
				return g
			}
		}
	}
	return ""
}

// agencyHired is the evaluation agency as the text names it: "委托某某
// 工程咨询有限公司（以下简称…）成立评价组", "聘请第三方机构某某会计师事务所".
var agencyHired = regexp.MustCompile(`(?:委托|聘请|邀请)(?:了)?(?:第三方(?:评价)?机构|第三方)?[“"]?(\p{Han}[\p{Han}（）()]{1,30}?(?:股份有限公司|有限责任公司|有限公司|事务所(?:[（(]特殊普通合伙[）)]|[（(]普通合伙[）)])?|研究院|研究所|咨询中心|评估中心))`)

// Agency returns the evaluation agency a report's text says was hired,
// for reports whose cover does not name it; "" when none is.
func Agency(paras []Para) string {
	for _, p := range paras {
		if grammar.IndexAny(p.Text, "托託请請") < 0 {
			continue // neither 委托 nor 聘请, 邀请, in either script
		}
		simple := p.folded()
		for _, m := range agencyHired.FindAllStringSubmatchIndex(simple, -1) {
			// Hired to evaluate, not to do the work: the rest of the
			// sentence speaks of the evaluation.
			rest, _, _ := strings.Cut(simple[m[1]:], "。")
			if strings.Contains(rest, "评价") || strings.Contains(rest, "评估") || strings.Contains(rest, "绩效") {
				return p.Text[m[2]:m[3]] // as printed: simplifying keeps offsets
			}
		}
	}
	return ""
}

// SectionGoal returns the goal a report states under a heading of its
// own ("2.2021年度绩效目标", "（二）项目绩效目标") rather than after a
// "绩效目标：" label: the first paragraph of that section's body.
func SectionGoal(sections []model.Section) string {
	for _, s := range sections {
		if !strings.HasSuffix(textnorm.Simplify(s.Title), "绩效目标") || s.Body == "" {
			continue
		}
		first, _, _ := strings.Cut(s.Body, "\n")
		return strings.TrimSpace(first)
	}
	return ""
}

var (
	bookTitle = regexp.MustCompile(`《([^《》\n]{2,100})》`)
	// docNumber is a document number such as 洪府发[2020]3号 or
	// 洪发改服务字〔2020〕27号, in brackets or not, right after the title.
	docNumber = regexp.MustCompile(`^\s*[（(]?\s*([\p{Han}A-Za-z]{1,16}\s*[〔\[［【(（]\s*` + grammar.YearPattern + `\s*[〕\]］】)）]\s*(?:第\s*)?[0-9]{1,5}\s*号)`)
)

// Policies lists the documents cited in 《》, each once (with its number
// when any citation gives one), in order of first citation.
func Policies(paras []Para) []model.Policy {
	var out []model.Policy
	index := make(map[string]int)
	for _, p := range paras {
		folded := p.folded()
		for _, loc := range bookTitle.FindAllStringSubmatchIndex(p.Text, -1) {
			title := strings.TrimSpace(p.Text[loc[2]:loc[3]])
			number := ""
			// matched in simplified characters (…〔2020〕3號), cut as printed
			after := p.Text[loc[1]:]
			if m := docNumber.FindStringSubmatchIndex(folded[loc[1]:]); m != nil {
				number = strings.Join(strings.Fields(after[m[2]:m[3]]), "")
			}
			if i, seen := index[title]; seen {
				if out[i].Number == "" {
					out[i].Number = number
				}
				continue
			}
			index[title] = len(out)
			out = append(out, model.Policy{Title: title, Number: number, Block: p.Block, Offset: utf8.RuneCountInString(p.Text[:loc[0]])})
		}
	}
	return out
}

// orgEndings end the names of organisations, longest first.
var orgEndings = []string{
	"股份有限公司", "有限责任公司", "有限公司", "集团", "公司", "管理委员会", "委员会", "办公室",
	"办事处", "事务所", "研究院", "研究所", "合作社", "协会", "商会", "银行", "医院", "大学", "学院",
	"政府", "中心", "局", "厅",
}

// beforeName are words that stand before a name in a sentence; the name
// starts after the last of them.
var beforeName = []string{
	"下一步", "配合", "积极", "对接", "获评", "认定", "通过", "开展", "推荐", "组织", "指导", "协调",
	"联合", "会同", "委托", "分别", "包括", "获得", "成立", "设立", "依托", "引进", "入驻", "加强",
	"建立", "支持", "帮助", "根据", "按照", "督促", "要求", "报送", "上报", "联系", "其中", "牵头",
	"负责", "经过", "来自", "位于", "属于", "作为", "成为", "各级", "以及", "还有",
	"依据", "内设", "下设", "设有", "下属", "本项目", "本单位", "我区", "我县", "我市", "我局", "我办", "全区", "全市", "全县",
}

// dutyWords start the duty after a unit's name in 由…实施.
var dutyWords = []string{"负责", "牵头", "具体", "统筹"}

// companyEndings can follow another ending in one name: 某某会计师事务所有限公司.
const companyEndings = "/股份有限公司/有限责任公司/有限公司/公司/集团/"

// stopRunes end a name when scanning back from its ending.
const stopRunes = "的和与及对向在由为是了到经等共被请并将把从给让使于或即、，。；：:;,.!?！？“”\"'（）()《》〈〉【】[] \t\n\u3000"

// falseAfter are runes after an ending that make it part of another
// word: 局长, 中心城区.
var falseAfter = map[string]string{"局": "长面势部限", "中心": "城区任思工", "办公室": "主", "政府": "采投"}

// falseBefore are endings preceded by these runes that are not names: 格局, 布局, 大局 …
var falseBefore = map[string]string{"局": "格布大全开结当战残赌骗饭", "中心": "重核为", "政府": "市区县省镇乡", "公司": "子母分", "商会": "招"}

// Orgs lists the organisations named in the paragraphs, each once, with
// the count of its mentions and the block of the first.
func Orgs(paras []Para) []model.Org {
	var out []model.Org
	index := make(map[string]int)
	for _, p := range paras {
		text, folded := blankTitles(p.Text), p.folded()
		if folded == p.Text {
			folded = text // no traditional character: nothing to blank twice
		} else {
			folded = blankTitles(folded)
		}
		for _, o := range orgsIn(text, folded) {
			if i, seen := index[o.name]; seen {
				out[i].Count++
				continue
			}
			index[o.name] = len(out)
			out = append(out, model.Org{Name: o.name, Kind: o.kind, Block: p.Block, Count: 1})
		}
	}
	return out
}

// blankTitles hides text in 《》, which names documents, not bodies.
func blankTitles(s string) string {
	return bookTitle.ReplaceAllStringFunc(s, func(m string) string { return strings.Repeat(" ", len(m)) })
}

type org struct{ name, kind string }

// orgsIn finds the organisations of text. It matches in simplified
// characters (folded, fs) and cuts the names as printed (rs): the two are
// rune for rune.
func orgsIn(text, folded string) []org {
	var out []org
	rs := []rune(text)
	fs := rs
	if folded != text {
		fs = []rune(folded)
	}
	for i := 0; i < len(fs); i++ {
		kind := endingAt(fs, i)
		if kind == "" {
			continue
		}
		end := i + utf8.RuneCountInString(kind)
		if strings.Contains(companyEndings, "/"+endingAt(fs, end)+"/") {
			continue // 事务所有限公司: the name goes on to the company ending
		}
		start := i
		for start > 0 && i-start < 24 {
			if fs[start-1] == '”' {
				// a quoted part of the name: “梦想小街”电商产业园…
				if q := openQuote(fs, start-1); q >= 0 {
					start = q
					continue
				}
				break
			}
			if !unicode.Is(unicode.Han, fs[start-1]) || strings.ContainsRune(stopRunes, fs[start-1]) && !inName(fs, start-1) {
				break
			}
			start--
		}
		name, simple := string(rs[start:i]), string(fs[start:i])
		for _, w := range beforeName {
			if k := strings.LastIndex(simple, w); k >= 0 {
				name, simple = name[k+len(w):], simple[k+len(w):]
			}
		}
		i = end - 1
		if end < len(fs) && strings.ContainsRune(falseAfter[kind], fs[end]) {
			continue
		}
		if utf8.RuneCountInString(name) < 2 {
			continue
		}
		if bad, ok := falseBefore[kind]; ok {
			last, _ := utf8.DecodeLastRuneInString(simple)
			// 布局, 格局 are never names; 区政府 is one when long enough.
			if strings.ContainsRune(bad, last) && (kind == "局" || utf8.RuneCountInString(name) < 4) {
				continue
			}
		}
		out = append(out, org{name + string(rs[end-utf8.RuneCountInString(kind):end]), kind})
	}
	return out
}

// openQuote returns the index of the “ that opens the quote closed at
// rs[end], with only Han characters between, or -1.
func openQuote(rs []rune, end int) int {
	for j := end - 1; j >= 0 && end-j <= 12; j-- {
		switch {
		case rs[j] == '“':
			if j < end-1 {
				return j
			}
			return -1
		case !unicode.Is(unicode.Han, rs[j]):
			return -1
		}
	}
	return -1
}

// nameWithHe are runes that make a word with a following 和 in trade
// names: 联和, 中和, 祥和 …
const nameWithHe = "联中平祥永协太共人保"

// inName reports whether the stop rune at rs[i] is part of a name here.
func inName(rs []rune, i int) bool {
	return rs[i] == '和' && i > 0 && strings.ContainsRune(nameWithHe, rs[i-1])
}

// OrgEnding is the organisation ending a name ends with (局, 人民政府's
// 政府, 中心 …), "" when none: a name so ending is a body, not a project.
func OrgEnding(name string) string {
	s := textnorm.Simplify(name)
	for _, e := range orgEndings {
		if strings.HasSuffix(s, e) && len(s) > len(e) {
			return e
		}
	}
	return ""
}

// orgEndingRunes holds orgEndings as runes, to compare in place.
var orgEndingRunes = func() [][]rune {
	out := make([][]rune, len(orgEndings))
	for i, e := range orgEndings {
		out[i] = []rune(e)
	}
	return out
}()

// orgEndingStarts has a bit set for the first rune of each of
// orgEndings: endingAt passes over the other runes, most of a text,
// without comparing every ending.
var orgEndingStarts = func() *[0x10000 / 64]uint64 {
	var b [0x10000 / 64]uint64
	for _, er := range orgEndingRunes {
		b[er[0]/64] |= 1 << (er[0] % 64)
	}
	return &b
}()

// endingAt returns the longest organisation ending that starts at rs[i]
// ("有限公司" there, not "公司" inside it), or "".
func endingAt(rs []rune, i int) string {
	if i >= len(rs) || rs[i] >= 0x10000 || orgEndingStarts[rs[i]/64]&(1<<(rs[i]%64)) == 0 {
		return ""
	}
next:
	for k, er := range orgEndingRunes {
		if i+len(er) > len(rs) {
			continue
		}
		for j, r := range er {
			if rs[i+j] != r {
				continue next
			}
		}
		return orgEndings[k]
	}
	return ""
}

// teamLabel introduces the evaluation team named in the text:
// "评价组成员：张磊（组长，某某会计师事务所注册会计师）、赵凯、娄堃。"
var teamLabel = regexp.MustCompile(`(?:评价|评估|工作|专家)(?:小)?组(?:成员|人员)?(?:名单)?(?:为|是|包括)?[：:]`)

// personName is a Chinese name of two to four characters.
var personName = regexp.MustCompile(`^\p{Han}{2,4}$`)

// notNames are words of lists that are not lists of people.
var notNames = []string{"等", "部门", "人员", "专家", "单位", "组成", "由", "负责", "成员", "代表", "同志"}

// ProseEvaluators reads the evaluation team a report lists in its text,
// for reports without an evaluators table. Only a list whose every item
// reads as a name (its notes in brackets aside) counts; a note gives the
// organisation (…公司, …事务所, …局) and the title (组长, 注册会计师).
// TableNo is 0 and Row -1: they stand in no table.
func ProseEvaluators(paras []Para) []model.Evaluator {
	for _, p := range paras {
		if !strings.ContainsAny(p.Text, "组組") {
			continue
		}
		simple := p.folded()
		loc := teamLabel.FindStringIndex(simple)
		if loc == nil {
			continue
		}
		list, _, _ := strings.Cut(p.Text[loc[1]:], "。")
		if out := readTeam(list); out != nil {
			return out
		}
	}
	return nil
}

// readTeam reads "张磊（组长，某某会计师事务所注册会计师）、赵凯、娄堃", nil
// unless every item is a name.
func readTeam(list string) []model.Evaluator {
	var out []model.Evaluator
	for _, item := range splitOutsideBrackets(list, "、，,；;") {
		item = strings.TrimFunc(item, textnorm.IsSpace)
		name, note := item, ""
		if i := strings.IndexAny(item, "（("); i >= 0 {
			name, note = item[:i], strings.TrimRight(item[i+len("（"):], "）)")
			if item[i] == '(' {
				note = strings.TrimRight(item[i+1:], "）)")
			}
		}
		name = textnorm.Squash(name)
		if !personName.MatchString(name) {
			return nil
		}
		for _, w := range notNames {
			if strings.Contains(textnorm.Simplify(name), w) {
				return nil
			}
		}
		e := model.Evaluator{Name: name, Row: -1}
		for _, part := range strings.FieldsFunc(note, func(r rune) bool { return strings.ContainsRune("，,、；;", r) }) {
			if o := orgsIn(part, grammar.Fold(part)); len(o) > 0 && e.Org == "" {
				org := o[0].name
				e.Org = org
				if rest := strings.TrimSpace(part[strings.Index(part, org)+len(org):]); rest != "" {
					e.Title = joinNote(e.Title, rest) // 某某会计师事务所注册会计师
				}
				continue
			}
			e.Title = joinNote(e.Title, part)
		}
		out = append(out, e)
	}
	if len(out) < 2 {
		return nil // one "name" is too little to tell a list of people
	}
	return out
}

func joinNote(a, b string) string {
	if a == "" {
		return b
	}
	return a + "，" + b
}

// splitOutsideBrackets splits s at the separators that stand outside
// brackets.
func splitOutsideBrackets(s, seps string) []string {
	var out []string
	depth, start := 0, 0
	for i, r := range s {
		switch {
		case r == '（' || r == '(':
			depth++
		case (r == '）' || r == ')') && depth > 0:
			depth--
		case depth == 0 && strings.ContainsRune(seps, r):
			out = append(out, s[start:i])
			start = i + utf8.RuneLen(r)
		}
	}
	return append(out, s[start:])
}
