// Funds a report states in its sentences (SentenceFunds) and the sentence
// reading they share with the other prose facts.

package facts

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/govreports/govreports/extract/figures"
	"github.com/govreports/govreports/extract/grammar"
	"github.com/govreports/govreports/extract/internal/textnorm"
	"github.com/govreports/govreports/ingest/model"
)

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
	t := &fundsText{paras: paras}
	var f *StatedFunds
	for _, mode := range []fundsMode{modeBudget, modeIssued, modeInvest} {
		if f = sentenceFunds(t, year, mode); f != nil {
			break
		}
	}
	if f != nil && f.Fund.RateStated != nil {
		// A stated rate its own amounts do not give (8,773.4 paid of a
		// 1,200 配套 is no 95.36%) paired the wrong budget of several: the
		// amounts the rate ties together are the funds.
		if !f.agrees(f) {
			if rf := ratedFunds(t, year); rf != nil {
				return rf
			}
		}
		return f
	}
	// The text may state the budget and the spending apart (in sections
	// of their own) and after them, in one sentence, amounts of another
	// kind (a 三公经费 spent against its own budget): the rate it states
	// tells which amounts are the funds. So it does in one paragraph that
	// states several budgets (债券 8,000, 配套 1,200, 合计 9,200) before
	// the spending and the rate the sentences paired with none.
	if rf := ratedFunds(t, year); rf != nil && (f == nil || rf.Block <= f.Block && !rf.agrees(f)) {
		return rf
	}
	return f
}

// ratedFunds reads the funds by the execution rate a sentence states to
// a decimal place: the spending is an amount of that sentence, the budget
// one of that sentence or of one before it, and the spending over the
// budget is the rate ("调整后全年预算620万元" … "全年实际支出资金588.64万元
// ……预算执行率94.94%"). A rate stated to a whole percent would tie too
// many amounts together.
func ratedFunds(t *fundsText, year int) *StatedFunds {
	// Most reports state no such rate: a look at the folded paragraphs
	// spares them reading figures.
	last, yuan := -1, false
	for i, p := range t.paras {
		f := p.folded()
		yuan = yuan || strings.Contains(f, "元")
		if statesRate(f) && yuan {
			last = i
		}
	}
	if last < 0 {
		return nil
	}
	var budgets []ratedAmount
	// lastSpent is the spending of the last sentence that stated any: a
	// rate in a paragraph of its own, naming no amount ("全年预算执行率为
	// 97.07%" under 预算执行), is the rate of that spending.
	var lastSpent []ratedAmount
	seq := 0
	for i, ss := range t.paraSentences()[:last+1] {
		p := t.paras[i]
		var before []ratedAmount // spending of the sentence before, in p
		for _, bs := range ss {
			s := bs.text
			seq++
			if !strings.Contains(s, "元") && !strings.ContainsAny(s, "%％") {
				before = nil
				continue
			}
			simple := textnorm.Simplify(s)
			rated := statesRate(simple)
			if !rated && !grammar.ContainsAny(simple, budgetWords) && !grammar.ContainsAny(simple, spendWords) || otherYear(s, year) {
				before = nil
				continue
			}
			figs, _ := figures.Find(s, figures.Context{})
			spent := before
			before = nil
			for i := range figs {
				a, ok := amountOf(s, &figs[i], p.Block, seq)
				switch {
				case !ok:
				case !spendingLabel(a.label):
					budgets = append(budgets, a)
				case !grammar.ContainsAny(a.label, notSpent):
					spent = append(spent, a)
					before = append(before, a)
				}
			}
			if len(before) > 0 {
				lastSpent = before
			}
			if rated && !strings.Contains(s, "元") && len(spent) == 0 {
				spent = lastSpent
			}
			if rated {
				if f := rateTies(figs, budgets, spent); f != nil {
					return f
				}
			}
		}
	}
	return nil
}

// budgetWords are the words of a sentence that may state a budget (资金总额
// too, the whole of the money the project had), and spendWords of one
// that may state the spending.
var (
	budgetWords = []string{"预算", "安排", "下达", "合计", "总额"}
	spendWords  = append([]string{"支出", "使用"}, paidWords...)
)

// actualWords name the money spent in a label or sentence: 支出, 执行,
// 使用, 实际, and the final accounts (决算数).
var actualWords = []string{"支出", "执行", "使用", "实际", "决算"}

// paidWords name money paid out: by the unit to whom it owes (拨付,
// 支付), or handed out to those a subsidy or compensation is for (兑付,
// 兑现, 发放), which the unit never receives.
var (
	paidWords = append([]string{"拨付", "支付"}, handedOut...)
	handedOut = []string{"兑付", "兑现", "发放"}
)

// statesRate reports whether s names an execution rate.
func statesRate(s string) bool {
	return grammar.ContainsAny(s, rateWords) && strings.ContainsAny(s, "%％")
}

// rateWords name the share of a budget spent: executed (执行率), spent
// (支出率), used (资金使用率) or paid out (拨付率, 支付率). The share
// that arrived (到位率) is money received, no spending.
var rateWords = []string{"执行率", "支出率", "使用率", "拨付率", "支付率"}

// ratedAmount is an amount in 元 of a sentence, its label simplified,
// and where it stands: the block, the sentence's number in the report.
type ratedAmount struct {
	fig   *model.Figure
	label string
	block int
	seq   int
}

// amountOf is f when it is a whole amount in 元 and no part of one
// before it.
func amountOf(s string, f *model.Figure, block, seq int) (ratedAmount, bool) {
	if f.Kind != figures.KindMoney || f.Unit != "元" || f.Value == "" || f.High != "" || f.Approx != "" || partOf(s, f) {
		return ratedAmount{}, false
	}
	return ratedAmount{f, textnorm.Simplify(f.Label), block, seq}, true
}

// spendingLabel reports whether an amount's label names money spent,
// received, saved or left over: no budget.
func spendingLabel(l string) bool {
	return grammar.ContainsAny(l, actualWords) ||
		grammar.ContainsAny(l, []string{"到位", "结余", "结转", "收入", "节约", "减少"}) ||
		grammar.ContainsAny(l, paidWords)
}

// notSpent are the words of a label of money received, saved or left
// over: no spending either.
var notSpent = []string{"到位", "结余", "结转", "收入", "节约", "减少", "剩余", "未"}

// rateTies is the funds a sentence's figures tie together when it states
// an execution rate to a decimal place that one of spent (amounts of the
// sentence or of the one before it) over one of budgets, stated before
// it, is.
func rateTies(figs []model.Figure, budgets, spent []ratedAmount) *StatedFunds {
	for i := range figs {
		r := &figs[i]
		if r.Kind != figures.KindPercent || r.Unit != "%" || r.Approx != "" || r.High != "" || !statesRate(textnorm.Simplify(r.Label)+"%") {
			continue
		}
		stated, places, ok := grammar.ParsePercent(r.Raw)
		if !ok || places == 0 {
			continue
		}
		for _, a := range spent {
			for _, b := range budgets {
				if b.seq > a.seq || b.seq == a.seq && b.fig.Place.Offset >= a.fig.Place.Offset {
					break
				}
				if v, ok := grammar.RateAt(b.fig.Value, a.fig.Value, places); ok && v == stated {
					return ratedFundsOf(b, a, r, stated)
				}
			}
		}
	}
	return nil
}

// ratedFundsOf is the StatedFunds of budget b and spending a, tied by
// the rate r states.
func ratedFundsOf(b, a ratedAmount, r *model.Figure, stated float64) *StatedFunds {
	bv, av := b.fig.Value, a.fig.Value
	return &StatedFunds{Block: b.block, RateRaw: r.Raw, Fund: model.Fund{Item: b.label, Budget: &bv, Actual: &av,
		Rate: rateOf(bv, av), RateStated: &stated, BudgetRaw: b.fig.Raw, ActualRaw: a.fig.Raw, TableNo: 0, Row: -1}}
}

// agrees reports whether f's budget and spending give the rate rf states,
// at the precision it is stated to.
func (rf *StatedFunds) agrees(f *StatedFunds) bool {
	_, places, _ := grammar.ParsePercent(rf.RateRaw)
	v, ok := grammar.RateAt(*f.Fund.Budget, *f.Fund.Actual, places)
	return ok && v == *rf.Fund.RateStated
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

// fundsText is the text SentenceFunds reads in each of its modes, cut
// into sentences once for all of them (most reports state no funds in a
// sentence, and all three modes read all of it): the sentences of each
// paragraph, and the runs across paragraphs once a mode comes to them.
type fundsText struct {
	paras     []Para
	sentences [][]blockSentence
	runs      [][]blockSentence
}

func (t *fundsText) paraSentences() [][]blockSentence {
	if t.sentences == nil {
		t.sentences = make([][]blockSentence, len(t.paras))
		for i, p := range t.paras {
			t.sentences[i] = blockSentences(p)
		}
	}
	return t.sentences
}

func (t *fundsText) sentenceRuns() [][]blockSentence {
	if t.runs == nil {
		t.runs = sentenceRuns(joinWrapped(t.paras))
	}
	return t.runs
}

func sentenceFunds(t *fundsText, year int, issued fundsMode) *StatedFunds {
	var tried map[string]bool // the sentences read whole in their paragraphs
	for _, ss := range t.paraSentences() {
		for _, s := range ss {
			if !mayStateFunds(s.folded, issued) || otherYear(s.text, year) {
				continue
			}
			if tried == nil {
				tried = make(map[string]bool)
			}
			tried[s.text] = true
			if m := moneyIn(s.text, issued); m.budget != nil && m.actual != nil {
				return m.funds(s.block)
			}
		}
	}
	for _, run := range t.sentenceRuns() {
		for i := 0; i < len(run); i++ {
			// A sentence a PDF's line breaks cut (…实际支出1,216.00 / 万元)
			// is whole only here.
			if s := run[i]; !tried[s.text] && mayStateFunds(s.folded, issued) && !otherYear(s.text, year) {
				if m := moneyIn(s.text, issued); m.budget != nil && m.actual != nil {
					return m.funds(s.block)
				}
			}
			// The next sentence with an amount: one on who manages the
			// money ("资金由……负责分配") may stand between.
			j := i + 1
			for j < len(run) && !strings.Contains(run[j].folded, "元") {
				j++
			}
			if j == len(run) {
				break
			}
			si, sj := run[i].text, run[j].text
			if !mayStateFunds(run[i].folded+run[j].folded, issued) || otherYear(si, year) || otherYear(sj, year) {
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

// blockSentence is a sentence, in simplified characters too, and the
// block of its paragraph.
type blockSentence struct {
	text, folded string
	block        int
}

// blockSentences are the sentences of p, each cut from p's folded text
// too: folding keeps every rune's bytes in place.
func blockSentences(p Para) []blockSentence {
	folded := p.folded()
	var out []blockSentence
	for _, sp := range sentenceSpans(p.Text) {
		out = append(out, blockSentence{p.Text[sp[0]:sp[1]], folded[sp[0]:sp[1]], p.Block})
	}
	return out
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
		runs[len(runs)-1] = append(runs[len(runs)-1], blockSentences(p)...)
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
	budgetRank, actualRank := 0, 0
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
			if rank > actualRank {
				m.actual, actualRank = f, rank
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
	out := make([]Para, 0, len(paras))
	for i := 0; i < len(paras); {
		j := i + 1
		for j < len(paras) && RunsOn(paras[j-1], paras[j]) {
			j++
		}
		out = append(out, joinRun(paras[i:j]))
		i = j
	}
	return out
}

// joinRun is the paragraphs of run as one, in the block of the first.
// The texts are joined once, at the end: adding line after line to a
// growing string copied a long run's text once a line.
func joinRun(run []Para) Para {
	p := run[0]
	if len(run) == 1 {
		return p
	}
	n := 0
	for _, q := range run {
		n += len(q.Text)
	}
	var text, folded strings.Builder
	text.Grow(n)
	folded.Grow(n)
	for _, q := range run {
		text.WriteString(q.Text)
		folded.WriteString(q.folded())
	}
	p.Text, p.Folded = text.String(), folded.String()
	return p
}

// RunsOn reports whether next continues the sentence prev breaks off:
// the block right after it (or after the page break that follows it),
// prev ending in no sentence's end, next starting no heading or item,
// prev no heading itself.
func RunsOn(prev, next Para) bool {
	if next.Block-next.Over != prev.Block+1 {
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
// in 元 and words for a budget and for spending, in folded text.
func mayStateFunds(s string, issued fundsMode) bool {
	if issued == modeInvest {
		return strings.Contains(s, "元") && grammar.ContainsAny(s, investPlanned) && grammar.ContainsAny(s, investDone)
	}
	return strings.Contains(s, "元") && (strings.Contains(s, "预算") || strings.Contains(s, "安排") || issued == modeIssued && strings.Contains(s, "下达")) &&
		(grammar.ContainsAny(s, actualWords) || grammar.ContainsAny(s, paidWords))
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

// The ranks of the spending a sentence may name: money spent (支出,
// 执行, 使用) over money paid out (拨付数, 支付数), which is the spending
// only where the sentence names no other.
const (
	rankPaid = 1 + iota
	rankSpent
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
	// A 补助资金 handed out (已发放补助资金) is spent.
	handed := grammar.ContainsAny(l, handedOut)
	for _, w := range []string{"结余", "结转", "到位", "收入", "下达", "拨入", "总投资", "补助资金"} {
		if strings.Contains(income, w) && !(issued == modeIssued && w == "下达") && !((allotted || handed) && w == "补助资金") {
			return "", 0
		}
	}
	// 基本支出预算, 项目支出预算数: a budget for spending, not spending.
	budget := strings.HasSuffix(l, "预算") || strings.HasSuffix(l, "预算数")
	switch {
	case !budget && grammar.ContainsAny(l, actualWords):
		// The final accounts (决算数) are what was spent.
		return "actual", rankSpent
	case !budget && grammar.ContainsAny(l, paidWords) && !strings.Contains(l, "未"):
		// 未兑现, 未拨付: what is still to be paid out
		return "actual", rankPaid
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
		return "actual", rankSpent
	case grammar.ContainsAny(label, investPlanned):
		return "budget", rankBudget
	}
	return "", 0
}

// isRateLabel reports whether a percentage's label names the execution
// rate: 执行率, or in a project's investment its completion or payment.
func isRateLabel(label string, mode fundsMode) bool {
	return grammar.ContainsAny(label, rateWords) || mode == modeInvest && grammar.ContainsAny(label, investRates)
}

// sentenceEnds are the runes that end a sentence or a clause that stands
// as one; a plain IndexAny rather than a regexp, which cost a tenth of
// extraction's time, and grammar's, which skips the Han characters
// strings.IndexAny decodes one by one.
const sentenceEnds = "。；;！？!?\n"

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
