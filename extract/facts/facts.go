// Package facts finds the facts a report states in its prose: its
// performance goal (绩效目标), the policy documents it cites and the
// organisations it names.
package facts

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/govreports/govreports/extract/figures"
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
		if !strings.ContainsAny(p.Text, "托託请請") {
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

// endingAt returns the longest organisation ending that starts at rs[i]
// ("有限公司" there, not "公司" inside it), or "".
func endingAt(rs []rune, i int) string {
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

// StatedFunds are the funds a sentence states: the Fund it gives (budget,
// spending, the rate it states beside the computed one), the budget at
// the start of the year when the budget is an adjusted one, the stated
// rate as written, and the paragraph's block.
type StatedFunds struct {
	Fund    model.Fund
	Initial *model.Amount
	RateRaw string
	Block   int
}

// SentenceFunds reads the budget and the spending a report states in a
// sentence of its text ("年初预算安排120万元，调整后118.5万元，全年执行117.32万元，
// 执行率99.00%"; "项目预算总额12,640.50万元……已经支出11,980.37万元") for
// reports that give them in no funds table. It reads the first sentence
// that names one budget and one spending amount, and no other year than
// year (when year is known: a sentence on the year before is no measure
// of this one); failing that, a budget in one sentence and its spending
// in the next ("项目预算总额2,356.80万元，其中…。截至12月31日，已支出
// 2,198.47万元"), lines a PDF broke mid-sentence joined again. Of two
// budgets in one sentence the adjusted one (全年预算, 调整后预算) is the
// budget, as in tables; the one at the start of the year (年初) is kept
// as Initial. The Fund's TableNo is 0 and its Row -1: it stands in no
// table.
func SentenceFunds(paras []Para, year int) *StatedFunds {
	// The amount allotted from above (上级下达) is the budget only where
	// the text states no budget of its own; a project's investment (计划
	//投资, 完成投资) only where it states neither.
	for _, mode := range []fundsMode{modeBudget, modeIssued, modeInvest} {
		if f := sentenceFunds(paras, year, mode); f != nil {
			return f
		}
	}
	return nil
}

// fundsMode is what a sentence's budget may be: a budget stated (预算,
// 安排), also the amount allotted from above (下达), or the investment
// planned for a project set against the investment done or paid.
type fundsMode int

const (
	modeBudget fundsMode = iota
	modeIssued
	modeInvest
)

func sentenceFunds(paras []Para, year int, issued fundsMode) *StatedFunds {
	for _, p := range paras {
		for _, s := range sentences(p.Text) {
			if !mayStateFunds(s, issued) || otherYear(s, year) {
				continue
			}
			if m := moneyIn(s, issued); m.budget != nil && m.actual != nil {
				return m.funds(p.Block)
			}
		}
	}
	for _, run := range sentenceRuns(joinWrapped(paras)) {
		for i := 0; i < len(run); i++ {
			// The next sentence with an amount: one on who manages the
			// money ("资金由……负责分配") may stand between.
			j := i + 1
			for j < len(run) && !strings.Contains(textnorm.Simplify(run[j].text), "元") {
				j++
			}
			if j == len(run) {
				break
			}
			si, sj := run[i].text, run[j].text
			if !mayStateFunds(si+sj, issued) || otherYear(si, year) || otherYear(sj, year) {
				continue
			}
			// The first names only the budget, the second only the
			// spending: two halves of one statement.
			b, a := moneyIn(si, issued), moneyIn(sj, issued)
			if b.budget == nil || b.actual != nil || a.actual == nil || a.budget != nil || afterPart(si, b.budget) {
				continue
			}
			b.actual = a.actual
			if a.rate != nil {
				b.rate = a.rate
			}
			return b.funds(run[i].block)
		}
	}
	return nil
}

// blockSentence is a sentence and the block of its paragraph.
type blockSentence struct {
	text  string
	block int
}

// sentenceRuns are the sentences of paras in runs of paragraphs that
// follow one another under one heading: a paragraph in the block right
// after, starting no heading or item, goes on the run before it (a
// budget stated at the end of one, its spending at the start of the next).
func sentenceRuns(paras []Para) [][]blockSentence {
	var runs [][]blockSentence
	for i, p := range paras {
		_, marker := grammar.ParseMarker(strings.TrimLeftFunc(p.Text, textnorm.IsSpace))
		if i == 0 || p.Block != paras[i-1].Block+1 || marker {
			runs = append(runs, nil)
		}
		for _, s := range sentences(p.Text) {
			runs[len(runs)-1] = append(runs[len(runs)-1], blockSentence{s, p.Block})
		}
	}
	return runs
}

// afterPart reports whether f stands after 其中 in s: a part of the budget
// ("总投资500万元，其中财政预算安排300万元"), no budget to set against the
// spending of the next sentence.
func afterPart(s string, f *model.Figure) bool {
	k := strings.Index(textnorm.Simplify(s), "其中")
	return k >= 0 && utf8.RuneCountInString(s[:k]) < f.Place.Offset
}

// wholeWords, in the label of an amount after 其中 and a comma, make it
// a total again ("其中财政资金10,000万元……已经支出11,980.37万元").
var wholeWords = []string{"全年", "全部", "实际", "已", "累计", "共", "合计", "总", "截至", "截止"}

// partOf reports whether f is a part of an amount before it ("全年预算
// 2,018.75万元，其中基本支出842.16万元、项目支出1,176.59万元"): after 其中
// in its clause, or in a later clause whose label names no total. A part
// is neither the budget nor the spending.
func partOf(s string, f *model.Figure) bool {
	simple := textnorm.Simplify(s)
	if inBracketAfterAmount(simple, f) {
		return true
	}
	k := strings.LastIndex(simple[:min(len(simple), byteOffset(simple, f.Place.Offset))], "其中")
	if k < 0 {
		return false
	}
	gap := simple[k:byteOffset(simple, f.Place.Offset)]
	if !strings.ContainsAny(gap, "，,…") {
		return true
	}
	l := textnorm.Simplify(f.Label)
	for _, w := range wholeWords {
		if strings.Contains(l, w) {
			return false
		}
	}
	return !strings.Contains(gap, "…")
}

// inBracketAfterAmount reports whether f stands in a bracket opened right
// after an amount ("资金125万元（中央预算内投资80万元，区级配套45万元）"):
// the bracket breaks the total down by source, so its amounts are parts.
func inBracketAfterAmount(simple string, f *model.Figure) bool {
	before := simple[:min(len(simple), byteOffset(simple, f.Place.Offset))]
	open := max(strings.LastIndex(before, "（"), strings.LastIndex(before, "("))
	if open < 0 || strings.ContainsAny(before[open:], "）)") {
		return false
	}
	return strings.HasSuffix(strings.TrimRightFunc(before[:open], textnorm.IsSpace), "元")
}

// byteOffset is the byte offset of rune offset n in s.
func byteOffset(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}

// sentenceMoney are the amounts of a sentence that state funds: the
// budget (the adjusted one when it names two), the budget at the start of
// the year, the spending and the execution rate it states.
type sentenceMoney struct {
	budget, initial, actual, rate *model.Figure
}

func moneyIn(s string, issued fundsMode) sentenceMoney {
	figs, _ := figures.Find(s, figures.Context{})
	var m sentenceMoney
	budgetRank := 0
	for i := range figs {
		f := &figs[i]
		if partOf(s, f) {
			continue
		}
		if f.Kind == figures.KindPercent && f.Unit == "%" && f.Approx == "" && f.High == "" &&
			m.rate == nil && isRateLabel(textnorm.Simplify(f.Label), issued) {
			m.rate = f
			continue
		}
		if f.Kind != figures.KindMoney || f.Unit != "元" || f.Value == "" || f.High != "" || f.Approx != "" {
			continue
		}
		switch role, rank := moneyRole(f.Label, lead(s, f), issued); role {
		case "actual":
			if m.actual == nil {
				m.actual = f
			}
		case "budget":
			if rank == rankInitial && m.initial == nil {
				m.initial = f
			}
			if rank > budgetRank {
				m.budget, budgetRank = f, rank
			}
		}
	}
	return m
}

// funds are the StatedFunds of m, read in the paragraph of block.
func (m sentenceMoney) funds(block int) *StatedFunds {
	b, a := m.budget.Value, m.actual.Value
	out := &StatedFunds{Block: block, Fund: model.Fund{Item: textnorm.Simplify(m.budget.Label), Budget: &b, Actual: &a,
		Rate: rateOf(b, a), BudgetRaw: m.budget.Raw, ActualRaw: m.actual.Raw, TableNo: 0, Row: -1}}
	if m.initial != nil && m.initial != m.budget {
		v := m.initial.Value
		out.Initial = &v
	}
	if m.rate != nil {
		if v, _, ok := grammar.ParsePercent(m.rate.Raw); ok {
			out.Fund.RateStated, out.RateRaw = &v, m.rate.Raw
		}
	}
	return out
}

// joinWrapped joins the paragraphs a PDF's line breaks cut from one
// another: a line that ends mid-sentence ("…实际到位 2,000 万元。截") runs
// on into the block right after it, unless that one starts a heading or
// an item, or the line is itself a heading (a marker and no comma). A
// joined paragraph keeps the block of its first line.
func joinWrapped(paras []Para) []Para {
	var out []Para
	for i, p := range paras {
		if i > 0 && RunsOn(paras[i-1], p) {
			last := &out[len(out)-1]
			last.Folded = last.folded() + p.folded()
			last.Text += p.Text
			continue
		}
		out = append(out, p)
	}
	return out
}

// RunsOn reports whether next continues the sentence prev breaks off:
// the block right after it, prev ending in no sentence's end, next
// starting no heading or item, prev no heading itself.
func RunsOn(prev, next Para) bool {
	if next.Block != prev.Block+1 {
		return false
	}
	t := strings.TrimRightFunc(prev.Text, textnorm.IsSpace)
	last, _ := utf8.DecodeLastRuneInString(t)
	if t == "" || strings.ContainsRune("。！？；：!?;:", last) {
		return false
	}
	if _, ok := grammar.ParseMarker(strings.TrimLeftFunc(next.Text, textnorm.IsSpace)); ok {
		return false
	}
	_, heading := grammar.ParseMarker(strings.TrimLeftFunc(t, textnorm.IsSpace))
	return !heading || strings.ContainsAny(t, "，,")
}

// mayStateFunds is a quick test before the figures are read: an amount
// in 元 and words for a budget and for spending.
func mayStateFunds(s string, issued fundsMode) bool {
	s = textnorm.Simplify(s)
	if issued == modeInvest {
		return strings.Contains(s, "元") && grammar.ContainsAny(s, investPlanned) && grammar.ContainsAny(s, investDone)
	}
	return strings.Contains(s, "元") && (strings.Contains(s, "预算") || strings.Contains(s, "安排") || issued == modeIssued && strings.Contains(s, "下达")) &&
		(strings.Contains(s, "支出") || strings.Contains(s, "执行") || strings.Contains(s, "使用") || strings.Contains(s, "实际"))
}

// lead is the text of f's clause before it: "年中调减至" where the label
// keeps "年中调减", "上级下达我县补偿资金" where it keeps "补偿资金".
func lead(s string, f *model.Figure) string {
	before := s[:byteOffset(s, f.Place.Offset)]
	if k := strings.LastIndexAny(before, "，,；;："); k >= 0 {
		before = before[k:]
	}
	return strings.TrimRightFunc(textnorm.Simplify(before), textnorm.IsSpace)
}

// The ranks of the budgets a sentence may name: the higher is the budget.
const (
	rankIssued   = 1 + iota // 上级下达: only where no budget is stated
	rankInitial             // 年初预算
	rankBudget              // 预算, 安排
	rankAdjusted            // 全年预算, 调整后, 调减至
)

// moneyRole tells by its label whether an amount is a budget or a
// spending, and ranks budgets: the adjusted budget over the one at the
// start of the year. When issued, an amount allotted from above (下达)
// is a budget too. lead is the clause before the amount.
func moneyRole(label, lead string, issued fundsMode) (role string, rank int) {
	l := textnorm.Simplify(label)
	if issued == modeInvest {
		return investRole(l, lead)
	}
	// A department's 收入预算 is its budget; other 收入 is no budget.
	income := strings.ReplaceAll(l, "收入预算", "")
	// A fund the clause says was allotted (安排…补助资金) is the budget,
	// though a 补助资金 alone is money received.
	allotted := strings.Contains(lead+l, "安排") && strings.HasSuffix(l, "资金")
	for _, w := range []string{"结余", "结转", "到位", "收入", "下达", "拨入", "总投资", "补助资金"} {
		if strings.Contains(income, w) && !(issued == modeIssued && w == "下达") && !(allotted && w == "补助资金") {
			return "", 0
		}
	}
	// 基本支出预算, 项目支出预算数: a budget for spending, not spending.
	budget := strings.HasSuffix(l, "预算") || strings.HasSuffix(l, "预算数")
	switch {
	case !budget && (strings.Contains(l, "执行") || strings.Contains(l, "支出") || strings.Contains(l, "使用") || strings.Contains(l, "实际")):
		return "actual", 0
	case strings.Contains(l, "全年预算") || strings.Contains(l, "调整"):
		return "budget", rankAdjusted
	case strings.HasSuffix(lead, "调减至") || strings.HasSuffix(lead, "调增至"):
		// 调减至 names what the budget became; 调减 alone, by how much.
		return "budget", rankAdjusted
	case strings.Contains(l, "年初"):
		return "budget", rankInitial
	case strings.Contains(l, "预算") || strings.Contains(l, "安排") || allotted:
		return "budget", rankBudget
	case issued == modeIssued && strings.Contains(lead, "下达"):
		return "budget", rankIssued
	}
	return "", 0
}

// The words of a project's investment: planned (the budget) and done or
// paid (the spending), and the rates that set one against the other.
var (
	investPlanned = []string{"计划投资", "总投资", "批复投资", "概算投资"}
	investDone    = []string{"完成投资", "已支付", "累计支付", "实际支付"}
	investRates   = []string{"投资完成率", "支付率"}
)

// investRole tells an investment planned from one done or paid, by the
// label and the clause before it ("实际完成投资" keeps only "投资" in its
// label). Money received (到位) or a part is neither.
func investRole(label, lead string) (role string, rank int) {
	if strings.Contains(label, "到位") || strings.Contains(label, "结余") || strings.Contains(label, "结转") {
		return "", 0
	}
	clause := lead
	if !strings.HasSuffix(lead, label) {
		clause += label
	}
	switch {
	case grammar.ContainsAny(clause, investDone):
		return "actual", 0
	case grammar.ContainsAny(label, investPlanned):
		return "budget", rankBudget
	}
	return "", 0
}

// isRateLabel reports whether a percentage's label names the execution
// rate: 执行率, or in a project's investment its completion or payment.
func isRateLabel(label string, mode fundsMode) bool {
	return strings.Contains(label, "执行率") || mode == modeInvest && grammar.ContainsAny(label, investRates)
}

// sentenceEnds are the runes that end a sentence or a clause that stands
// as one; a plain IndexAny rather than a regexp, which cost a tenth of
// extraction's time.
const sentenceEnds = "。；;！？!?\n"

func sentences(text string) []string {
	var out []string
	for {
		i := strings.IndexAny(text, sentenceEnds)
		if i < 0 {
			return append(out, text)
		}
		_, size := utf8.DecodeRuneInString(text[i:])
		out = append(out, text[:i])
		text = text[i+size:]
	}
}

// otherYear reports whether s names a year other than year. A year in a
// later clause that holds no amount and no date ("年中因部分补贴调整至2023
// 年列支") tells where money went, not which year the amounts are of; the
// first clause sets the time of the whole sentence and always counts.
func otherYear(s string, year int) bool {
	if year == 0 {
		return false
	}
	for i, c := range clauseSplit.Split(s, -1) {
		if i > 0 && !strings.Contains(c, "元") && !strings.ContainsAny(c, "月底末") {
			continue
		}
		for _, y := range grammar.YearsIn(c) {
			if y != year {
				return true
			}
		}
	}
	return false
}

var clauseSplit = regexp.MustCompile(`[，,]`)

// rateOf is the execution rate, nil when there is none.
func rateOf(budget, actual string) *float64 {
	if v, ok := grammar.Rate(budget, actual); ok {
		return &v
	}
	return nil
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

var (
	// unitLabel introduces the implementing unit in a sentence: "项目实施
	// 单位为某某局", "項目實施單位：某某中心", "承担单位是某某站".
	unitLabel = regexp.MustCompile(`(?:实施|承担|执行)单位\s*(?:为|是|[:：])\s*`)
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
	for _, carries := range []bool{false, true} {
		for _, p := range paras {
			folded := p.folded()
			for _, s := range sentenceSpans(folded) {
				sent := folded[s[0]:s[1]]
				if strings.Contains(sent, "评价") || strings.Contains(sent, "评估") {
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
		} else {
			return ""
		}
	}
	if name := strings.TrimSpace(text[from:to]); IsOrgName(name) {
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
		i := strings.IndexAny(s[start:], sentenceEnds)
		if i < 0 {
			return append(out, [2]int{start, len(s)})
		}
		_, size := utf8.DecodeRuneInString(s[start+i:])
		out = append(out, [2]int{start, start + i})
		start += i + size
	}
}

// NamesApart reports whether the text of paras, lines a PDF broke joined
// again, names name where place does not stand right before it: the
// project of a title "某某市2023年农村公路建设养护专项资金…" is named
// without its place when the text speaks of "某某市安排农村公路建设养护专项资金".
func NamesApart(paras []Para, name, place string) bool {
	name, place = grammar.Fold(name), grammar.Fold(place)
	for _, p := range joinWrapped(paras) {
		text := p.folded()
		for from := 0; ; {
			k := strings.Index(text[from:], name)
			if k < 0 {
				break
			}
			if !strings.HasSuffix(text[:from+k], place) {
				return true
			}
			from += k + len(name)
		}
	}
	return false
}
