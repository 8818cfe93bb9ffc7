// Package tables reads the tables of a report: it finds each table's
// header row and normalises its text so that columns match by meaning,
// splits the table into blocks (a form stacks cover rows, a funds block,
// a goals block and an indicator block in one grid), tells each block's
// kind by its header, and reads the kinds the database keeps row by row,
// such as funds (budget against actual spending) and evaluators (the
// people who wrote the report), with the reader registered for the kind.
package tables

import (
	"math/big"
	"strings"
	"unicode"

	"github.com/govreports/govreports/extract/figures"
	"github.com/govreports/govreports/extract/grammar"
	"github.com/govreports/govreports/extract/internal/textnorm"
	"github.com/govreports/govreports/ingest/model"
)

// NormalizeHeader makes header text comparable: no spaces of any width
// between Han characters ("姓  名" → "姓名"), line breaks made spaces, no
// trailing colon.
func NormalizeHeader(s string) string {
	return strings.TrimRight(textnorm.Label(textnorm.Clean(s)), "：: ")
}

// Read maps the header of table t, which stands at body block block, and
// splits its rows into blocks, with the kinds DefaultKinds tells apart.
func Read(t *model.Table, block int, caption string) model.ReportTable {
	return NewReader(DefaultKinds()...).Read(t, block, caption)
}

// Read maps the header of table t, which stands at body block block, and
// splits its rows into blocks. caption is the paragraph before the table;
// a title row (one text across the table) takes precedence over it.
func (rd *Reader) Read(t *model.Table, block int, caption string) model.ReportTable {
	rt := model.ReportTable{TableNo: t.No, Block: block, Caption: textnorm.OneLine(textnorm.Clean(caption)), HeaderRow: -1}
	titled := false
	for r := 0; r < t.Rows && r < 4; r++ {
		texts := rowTexts(t, r)
		if len(texts) == 1 && t.Cols > 1 && rt.HeaderRow < 0 && r == 0 {
			rt.Caption = textnorm.OneLine(texts[0])
			titled = true
			continue
		}
		if isHeaderRow(texts) {
			rt.HeaderRow = r
			break
		}
	}
	first := rt.HeaderRow // the main header's first row
	cover := first >= 0 && isCoverRow(rowTexts(t, first))
	rt.Header = HeaderAt(t, rt.HeaderRow)
	rt.HeaderRow, rt.Header = withUnitRow(t, rt.HeaderRow, rt.Header)
	if rd.kind(rt.Header, true) == "" {
		// A form (项目支出绩效自评表) stacks blocks in one table: cover
		// rows first, then a funds block under a header row of its own.
		for r := rt.HeaderRow + 1; r < t.Rows; r++ {
			if texts := rowTexts(t, r); len(texts) < 3 || !mentionsBudget(texts) {
				continue // spare the header reading of every row
			}
			h := HeaderAt(t, r)
			if rd.kind(h, true) == KindFunds && amountColumn(h, budgetCols, nil) >= 0 && amountColumn(h, actualCols, nil) >= 0 && isHeaderRow(rowTexts(t, r)) {
				rt.HeaderRow, rt.Header = r, h
				first = r
				break
			}
		}
	}
	if cover && rd.kind(rt.Header, true) == "" {
		// A form without a funds block: cover rows, then the first block
		// a reader reads (indicators).
		for r := first + 1; r < t.Rows; r++ {
			if h := HeaderAt(t, r); startsBlock(t, r) && rd.kind(h, true) != "" {
				rt.HeaderRow, rt.Header = r, h
				first = r
				break
			}
		}
	}
	rt.Kind = rd.kind(rt.Header, true)
	rt.Blocks = rd.blocks(t, rt, titled, first)
	return rt
}

// withUnitRow joins to a header the row printed under it when that row
// completes it: a row of units ("项目 | 预算数 | 执行数" over " | 万元 | 万元"
// gives "预算数（万元）"), or a row of sub-headers under a header cell
// spread over several columns ("预算数（万元） |  " over "年初 | 全年" gives
// "年初预算数（万元）" and "全年预算数（万元）"). The header then ends at that
// row.
func withUnitRow(t *model.Table, row int, header []string) (int, []string) {
	if row < 0 || row+1 >= t.Rows {
		return row, header
	}
	sub := HeaderAt(t, row+1)
	for c := range sub {
		if cell := t.Cell(row+1, c); cell != nil && cell.Row <= row {
			sub[c] = "" // a header cell merged down over this row
		}
	}
	units, labels, fillsGap := 0, 0, false
	for c, u := range sub {
		switch {
		case u == "":
		case unitCell(u):
			units++
		case isNumeric(u):
			return row, header // a row of data
		default:
			labels++
			if c < len(header) && header[c] == "" {
				fillsGap = true
			}
		}
	}
	if units == 0 && (labels < 2 || !fillsGap) {
		return row, header
	}
	joined := make([]string, len(header))
	parent := ""
	for c := range header {
		if header[c] != "" {
			parent = header[c]
		}
		u := ""
		if c < len(sub) {
			u = sub[c]
		}
		switch {
		case u == "":
			joined[c] = header[c]
		case unitCell(u):
			joined[c] = header[c] + "（" + strings.Trim(u, "（()）") + "）"
		default:
			joined[c] = u + parent // 年初 + 预算数（万元）
		}
	}
	return row + 1, joined
}

// mentionsBudget reports whether a cell of a row names a budget, in
// either script.
func mentionsBudget(texts []string) bool {
	for _, s := range texts {
		if strings.Contains(s, "预算") || strings.Contains(s, "預算") || strings.Contains(s, "安排") || strings.Contains(s, "计划投入") {
			return true
		}
	}
	return false
}

// HeaderAt returns the normalised texts of row r as a header, nil when r < 0.
func HeaderAt(t *model.Table, r int) []string {
	if r < 0 {
		return nil
	}
	h := make([]string, t.Cols)
	for c := 0; c < t.Cols; c++ {
		if cell := t.Cell(r, c); cell != nil && cell.Col == c {
			h[c] = NormalizeHeader(cell.Text)
		}
	}
	return h
}

// rowTexts lists the distinct non-empty cell texts of a row.
func rowTexts(t *model.Table, r int) []string {
	var out []string
	seen := make(map[*model.Cell]bool)
	for c := 0; c < t.Cols; c++ {
		cell := t.Cell(r, c)
		if cell == nil || seen[cell] {
			continue
		}
		seen[cell] = true
		if s := textnorm.Clean(cell.Text); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// isHeaderRow: at least two labels, mostly not numbers.
func isHeaderRow(texts []string) bool {
	if len(texts) < 2 {
		return false
	}
	words := 0
	for _, s := range texts {
		if !isNumeric(s) {
			words++
		}
	}
	return words*2 > len(texts)
}

func isNumeric(s string) bool {
	digits := 0
	for _, r := range s {
		if unicode.IsDigit(r) {
			digits++
		}
	}
	return digits*2 >= textnorm.Len(s)
}

// Column vocabularies, matched as substrings of the normalised header,
// words tried in order. When a table gives both the budget at the start
// of the year (年初预算数) and the budget as adjusted during it (全年预算数,
// 调整后预算), the adjusted budget is the budget: it is what the spending
// (全年执行数) is measured against, and the execution rate reports print
// is computed from it.
var (
	nameCols   = []string{"项目名称", "名称", "项目内容", "支出项目", "资金来源", "资金用途", "资金性质", "资金情况", "支出内容", "来源", "用途", "项目", "科目", "类别", "类型"}
	budgetCols = []string{"项目资金安排", "全年预算数", "调整后预算", "调整预算", "全年预算", "年初预算数", "年初预算", "预算数", "预算金额", "资金安排", "预算", "计划投入", "安排"}
	actualCols = []string{"实际投入", "实际支出", "执行数", "实际执行", "支出数", "实际到位", "执行金额", "支出", "执行"}
	personCols = []string{"姓名"}
	orgCols    = []string{"工作单位", "所在单位", "单位"}
	titleCols  = []string{"职称/职务", "职称职务", "职务/职称", "职称", "职务"}
)

// nameColumn is the column of a funds block's items, of the columns not
// taken: the one its header names (项目名称, 资金来源 …), else the first
// when its header labels the block with the unit of its amounts and no
// amount of its own (年度预算数（万元）, 资金投入情况（万元）: a form states
// the unit there, once, above the items 年度资金总额, 其中：…); -1 when none.
func nameColumn(header []string, taken map[int]bool) int {
	if c := columns(header, nameCols, taken); c >= 0 {
		return c
	}
	if len(header) < 2 || taken[0] {
		return -1
	}
	if note := labelNote.FindString(header[0]); note != "" && unitCell(note) && !strings.Contains(note, "%") && !strings.Contains(note, "％") {
		return 0
	}
	return -1
}

// columns returns the first column whose header holds one of the words,
// trying the words in order, skipping columns already taken. Headers are
// compared in simplified characters (預算數 is 预算数).
func columns(header []string, words []string, taken map[int]bool) int {
	simple := make([]string, len(header))
	for c, h := range header {
		simple[c] = textnorm.Simplify(h)
	}
	for _, w := range words {
		for c, h := range simple {
			if h != "" && !taken[c] && strings.Contains(h, w) {
				return c
			}
		}
	}
	return -1
}

// amountColumn is columns for the budget and actual columns: a column of
// rates or scores (执行率, 预算执行率得分) holds no amounts, whatever
// words it shares with them.
func amountColumn(header []string, words []string, taken map[int]bool) int {
	skip := make(map[int]bool, len(taken))
	for c := range taken {
		skip[c] = true
	}
	for c, h := range header {
		if notAmount(h) {
			skip[c] = true
		}
	}
	// Of columns for several years (上年预算数 | 本年预算数, 2020年预算 |
	// 2021年预算), the latest year's: a report measures its own year.
	latest := -1
	for c, h := range header {
		if y := headerYear(h); !skip[c] && y > 0 && columns([]string{h}, words, nil) == 0 {
			if latest < 0 || y > headerYear(header[latest]) {
				latest = c
			}
		}
	}
	for c, h := range header {
		if y := headerYear(h); latest >= 0 && c != latest && y > 0 && y < headerYear(header[latest]) {
			skip[c] = true
		}
	}
	return columns(header, words, skip)
}

// headerYear is the year a header names: its number, or 1 for 上年 and
// 2 for 本年 (which only compare with each other), 0 when none.
func headerYear(h string) int {
	if ys := grammar.YearsIn(h); len(ys) > 0 {
		return ys[0]
	}
	h = textnorm.Simplify(h)
	switch {
	case strings.Contains(h, "上年") || strings.Contains(h, "上一年") || strings.Contains(h, "去年"):
		return 1
	case strings.Contains(h, "本年") || strings.Contains(h, "当年"):
		return 2
	}
	return 0
}

func notAmount(header string) bool {
	h := textnorm.Simplify(header)
	for _, w := range notMoney {
		if strings.Contains(h, w) {
			return true
		}
	}
	return false
}

// FundsBlock is what a funds block states: the funds it adds to the
// report, the items as read (nested ones included, 其中 parts left out),
// its total row, and the budget at the start of the year where the budget
// read is the adjusted one.
type FundsBlock struct {
	Funds   []model.Fund
	Items   []model.Fund
	Total   *model.Fund
	Initial *model.Amount
	// RateRaw is the 执行率 cell of each row that states one, by row: the
	// places it is stated to are the precision it is checked at.
	RateRaw map[int]string
}

// MainFunds reads the main funds block of a table, nil when it has none:
// for the checks, which compare its items with its total.
func MainFunds(t *model.Table, rt model.ReportTable) *FundsBlock {
	for _, b := range rt.Blocks {
		if b.Kind == KindFunds && rt.Kind == KindFunds && b.HeaderRow == rt.HeaderRow {
			fb := readFundsBlock(t, rt, b)
			return &fb
		}
	}
	return nil
}

// readFundsBlock reads funds block b. Amounts are read with figures.Money
// in the unit the header (or the caption) gives; a 执行率 column is the
// rate each row states, kept beside the one its amounts give.
func readFundsBlock(t *model.Table, rt model.ReportTable, b model.TableBlock) FundsBlock {
	rt = blockView(rt, b)
	rt.Header = alignShortHeader(t, rt.Header, rt.HeaderRow, b.EndRow)
	taken := make(map[int]bool)
	budget := amountColumn(rt.Header, budgetCols, taken)
	taken[budget] = true
	actual := amountColumn(rt.Header, actualCols, taken)
	taken[actual] = true
	initial := -1
	if budget >= 0 && adjusted(rt.Header[budget]) {
		initial = amountColumn(rt.Header, initialCols, taken)
		taken[initial] = true
	}
	stated := rateColumn(rt.Header)
	name := nameColumn(rt.Header, taken)
	if name < 0 {
		return FundsBlock{}
	}
	context := UnitContext(rt)
	if u := wrappedUnit(t, b); u != "" {
		context += " " + u
	} else if u := noteAbove(t, b); u != "" {
		context += " " + u
	}
	var fb FundsBlock
	var out []model.Fund
	var total *model.Fund
	var totalInitial *model.Amount
	initialSum := new(big.Rat)
	initials := 0
	// totalFirst: the total stands above the items (年度资金总额, then
	// 其中：财政拨款, 其他资金), which are then its breakdown.
	totalFirst := false
	for r := rt.HeaderRow + 1; r < b.EndRow; r++ {
		item := itemText(t, r, name, min(nonNeg(budget, t.Cols), nonNeg(actual, t.Cols)))
		isSum := isTotal(item) || isTotal(cellText(t, r, 0))
		if item == "" && !isSum {
			continue
		}
		f := model.Fund{Item: item, TableNo: rt.TableNo, Row: r}
		if isSum && !isTotal(item) {
			f.Item = cellText(t, r, 0)
		}
		if budget >= 0 {
			f.BudgetRaw = cellText(t, r, budget)
			if v, ok := figures.Money(f.BudgetRaw, UnitHeader(rt.Header[budget], context)); ok {
				f.Budget = &v
			}
		}
		if actual >= 0 {
			f.ActualRaw = cellText(t, r, actual)
			if v, ok := figures.Money(f.ActualRaw, UnitHeader(rt.Header[actual], context)); ok {
				f.Actual = &v
			}
		}
		if f.Budget == nil && f.Actual == nil {
			continue
		}
		f.Rate = rate(f.Budget, f.Actual)
		if stated >= 0 {
			raw := cellText(t, r, stated)
			if f.RateStated = statedRate(raw, f.Budget, f.Actual); f.RateStated != nil {
				if fb.RateRaw == nil {
					fb.RateRaw = make(map[int]string)
				}
				fb.RateRaw[r] = raw
			}
		}
		var init *model.Amount
		if initial >= 0 {
			if v, ok := figures.Money(cellText(t, r, initial), UnitHeader(rt.Header[initial], context)); ok {
				init = &v
			}
		}
		switch {
		case isSum:
			if total == nil {
				total, totalInitial = &f, init
				totalFirst = len(out) == 0
			}
			continue
		case totalFirst:
			continue // a part of the total above
		case isPart(item):
			continue // 其中：… is a part of the item above; counting it would count it twice
		}
		out = append(out, f)
		if init != nil {
			if v, ok := new(big.Rat).SetString(*init); ok {
				initialSum.Add(initialSum, v)
				initials++
			}
		}
	}
	fb.Items, fb.Total = out, total
	// A total row counts only when the table has no item rows, or when
	// the items below it are its breakdown: otherwise it would count every
	// amount twice.
	if (len(out) == 0 || totalFirst) && total != nil {
		out = []model.Fund{*total}
	}
	fb.Funds = topItems(out, total)
	switch {
	case totalInitial != nil:
		fb.Initial = totalInitial
	case initials > 0 && initials == len(fb.Items) && len(fb.Funds) == len(fb.Items):
		v := grammar.Decimal(initialSum)
		fb.Initial = &v
	}
	return fb
}

// wrappedUnit is the unit note a form's funds label wraps onto the line
// under it when copied as text ("项目资金" over "（万元）", the first column
// of the block's rows): the only text in that column under the header,
// and a unit. "" when none.
func wrappedUnit(t *model.Table, b model.TableBlock) string {
	note := ""
	for r := b.HeaderRow + 1; r < b.EndRow; r++ {
		c := t.Cell(r, 0)
		if c == nil || c.Row != r {
			continue
		}
		s := cellText(t, r, 0)
		switch {
		case s == "":
		case note == "" && unitCell(s):
			note = s
		default:
			return ""
		}
	}
	return note
}

// noteAbove is a unit note a form states in a cell of its own in the rows
// above block b, as a sheet gives it at the end of its 填报单位 row
// ("单位：万元"): the form's unit of money, when the block's header and
// caption state none. "" when none.
func noteAbove(t *model.Table, b model.TableBlock) string {
	for _, c := range t.Cells {
		if c.Row >= b.FirstRow {
			break // row-major: the block's rows come next
		}
		s := strings.TrimFunc(textnorm.Simplify(c.Text), grammar.IsSpace)
		if strings.HasPrefix(s, "单位") && unitCell(s) {
			return s
		}
	}
	return ""
}

// initialCols are the headers of the budget at the start of the year.
var initialCols = []string{"年初预算数", "年初预算", "年初"}

// adjusted reports whether a budget header names the adjusted, full-year
// budget rather than the one at the start of the year.
func adjusted(header string) bool {
	h := textnorm.Simplify(header)
	return !strings.Contains(h, "年初") && (strings.Contains(h, "全年") || strings.Contains(h, "调整"))
}

// rateColumn is the column of the execution rate a table states
// (执行率, 预算执行率), not that of its score (执行率得分), -1 when none.
func rateColumn(header []string) int {
	for c, h := range header {
		h = textnorm.Simplify(h)
		if strings.Contains(h, "执行率") && !strings.Contains(h, "得分") && !strings.Contains(h, "分值") && !strings.Contains(h, "权重") {
			return c
		}
	}
	return -1
}

// statedRate reads a rate cell ("99.00%", "99", "99.00％"), nil when the
// cell holds no single rate. A fraction (0.9532956685499058, a sheet's raw
// value) is read as the percentage it stands for when the row's budget
// and actual spending give that rate (grammar.FractionRate).
func statedRate(cell string, budget, actual *model.Amount) *float64 {
	v, _, ok := grammar.ParsePercent(cell)
	if !ok {
		return nil
	}
	if budget != nil && actual != nil {
		if p, ok := grammar.FractionRate(v, *budget, *actual); ok {
			v = p
		}
	}
	return &v
}

// alignShortHeader mends a header row printed one cell short of its body
// (the serial-number column left without a header), or a body printed one
// cell further right than its header (a leading empty cell more in each
// row, as text flattened from a form may have): its labels then stand one
// column left of their values, and the column after the last label has no
// header while the rows below hold numbers (or dashes) there. The labels
// move right by one.
func alignShortHeader(t *model.Table, header []string, row, end int) []string {
	n := len(header)
	if n < 3 || header[n-1] != "" || header[0] == "" || row < 0 {
		return header
	}
	after := n - 1 // the first of the unlabelled columns that end the header
	for after > 0 && header[after-1] == "" {
		after--
	}
	full, rows := 0, 0
	for r := row + 1; r < end; r++ {
		if len(rowTexts(t, r)) == 0 {
			continue
		}
		if rows == 0 && labelThenAmount(t, r) {
			return header
		}
		rows++
		// A number, or the dash a form writes where a row has none.
		if s := cellText(t, r, after); t.Cell(r, after) != nil && t.Cell(r, after).Col == after && s != "" && (isNumeric(s) || filled(s) == "") {
			full++
		}
	}
	if rows == 0 || full*2 <= rows {
		return header
	}
	return append([]string{""}, header[:n-1]...)
}

// labelThenAmount tells a row that reads as the header does: a label in
// its first cell, an amount in its second. The first row under a
// header that says so aligns it, whatever the rows under it print: a
// department's form puts its total first (年度资金总额 | amounts) and its
// parts a column further right, under a group (按收入性质分 | 一般公共预算 |
// amounts, then | 政府性基金预算 | amounts).
func labelThenAmount(t *model.Table, r int) bool {
	own := func(c int) string {
		if x := t.Cell(r, c); x == nil || x.Row != r || x.Col != c {
			return ""
		}
		return cellText(t, r, c)
	}
	label, amount := own(0), own(1)
	return label != "" && !isNumeric(label) && amount != "" && isNumeric(amount)
}

// itemDepth is the conventional rank of an item's own marker (一、 above
// （一） above 1. above （1） and 1） above ①), 0 when it has none.
func itemDepth(item string) int {
	m, _ := grammar.ParseMarker(item)
	return m.Rank
}

// topItems keeps the items of a table that nests them ("一、基本支出" over
// "（一）人员经费", "（二）公用经费") at the top level, so that no amount
// counts twice: the unnumbered items when numbered ones stand among them,
// else the items of the least depth. A total row that the items as read
// already add up to keeps them all.
func topItems(items []model.Fund, total *model.Fund) []model.Fund {
	if len(items) < 2 || total != nil && sumBudget(items) == budgetOf(total) {
		return items
	}
	depths := make([]int, len(items))
	top := 0
	plain := false
	for i, f := range items {
		depths[i] = itemDepth(f.Item)
		switch {
		case depths[i] == 0:
			plain = true
		case top == 0 || depths[i] < top:
			top = depths[i]
		}
	}
	if top == 0 {
		return items // no numbered items: nothing nests
	}
	keep := top
	if plain {
		keep = 0
	}
	var out []model.Fund
	for i, f := range items {
		if depths[i] == keep {
			out = append(out, f)
		}
	}
	if len(out) == len(items) || total != nil && sumBudget(out) != budgetOf(total) {
		return items // the nesting is not what the total says
	}
	return out
}

func budgetOf(f *model.Fund) string {
	if f.Budget != nil {
		return *f.Budget
	}
	return ""
}

// sumBudget adds the budgets of fs as a decimal, "" when one is missing.
func sumBudget(fs []model.Fund) string {
	sum := new(big.Rat)
	for _, f := range fs {
		if f.Budget == nil {
			return ""
		}
		v, ok := new(big.Rat).SetString(*f.Budget)
		if !ok {
			return ""
		}
		sum.Add(sum, v)
	}
	return grammar.Decimal(sum)
}

// itemText is the item a funds row is about: the text of its name column,
// or, when that column holds a label merged down over the rows of a block
// ("项目资金（万元）" over 年度资金总额, 其中：财政拨款 …) or nothing, the
// first text after it before the amounts (columns below limit).
func itemText(t *model.Table, r, name, limit int) string {
	spanning := ""
	for c := name; c < limit || c == name; c++ {
		cell := t.Cell(r, c)
		if cell == nil {
			continue
		}
		s := cellText(t, r, c)
		switch {
		case s == "" || c != name && isNumeric(s):
		case cell.RowSpan > 1:
			if spanning == "" {
				spanning = s
			}
		default:
			return s
		}
		c = max(c, cell.Col+cell.ColSpan-1)
	}
	return spanning
}

func nonNeg(c, otherwise int) int {
	if c < 0 {
		return otherwise
	}
	return c
}

// totals are the labels of a total row.
var totals = map[string]bool{"合计": true, "小计": true, "总计": true, "总额": true, "资金总额": true, "年度资金总额": true, "项目资金总额": true, "合计金额": true}

func isTotal(s string) bool {
	return totals[strings.TrimRight(textnorm.Squash(textnorm.Simplify(s)), "：:")]
}

// isPart tells a breakdown row: "其中：财政拨款".
func isPart(item string) bool {
	return strings.HasPrefix(textnorm.Simplify(item), "其中")
}

// blockEnd returns the row after the last row that a header ending at row
// header heads: the next row that reads as a header of its own (a form's
// next block, 年度总体目标 or 一级指标 | 二级指标 …), else the end of the table.
func blockEnd(t *model.Table, header int) int {
	for r := header + 2; r < t.Rows; r++ {
		if startsBlock(t, r) {
			return r
		}
	}
	return t.Rows
}

// startsBlock reports whether row r reads as the header of a block: three
// labels or more, two of them header words, no number.
func startsBlock(t *model.Table, r int) bool {
	texts := rowTexts(t, r)
	return len(texts) >= 3 && isHeaderRow(texts) && !hasNumber(t, r) && headerLike(ownTexts(t, r))
}

// ownTexts lists the texts of the cells of row r that start in it, the
// names of indicator levels left out: a row of indicators without weights
// (产出指标 | 数量指标 | 补贴农机具数量 | ≥1200台 …), under a column 绩效指标
// merged down beside it, is no header.
func ownTexts(t *model.Table, r int) []string {
	var out []string
	for c := 0; c < t.Cols; c++ {
		cell := t.Cell(r, c)
		if cell == nil || cell.Col != c || cell.Row != r {
			continue
		}
		if s := textnorm.Clean(cell.Text); s != "" && !isLevelName(s) {
			out = append(out, s)
		}
	}
	return out
}

// headerWords are words of column headers; a row with two cells holding
// them heads a block, where a row of item texts does not.
var headerWords = []string{"指标", "目标", "分值", "得分", "权重", "序号", "名称", "预算数", "执行数", "执行率", "姓名", "职务", "职称", "完成值", "完成情况", "备注", "偏差原因"}

func headerLike(texts []string) bool {
	n := 0
	for _, s := range texts {
		s = textnorm.Simplify(s)
		for _, w := range headerWords {
			if strings.Contains(s, w) {
				n++
				break
			}
		}
	}
	return n >= 2
}

// hasNumber reports whether any cell of row r is a number.
func hasNumber(t *model.Table, r int) bool {
	for _, s := range rowTexts(t, r) {
		if isNumeric(s) {
			return true
		}
	}
	return false
}

// UnitContext is the text beyond a column's own header that may give the
// unit of its bare numbers: the caption ("单位：万元") and the header of
// the item column ("项目资金（万元）" in a 绩效自评表, above columns
// headed 年初预算数, 全年预算数, 全年执行数 without a unit).
func UnitContext(rt model.ReportTable) string {
	if c := nameColumn(rt.Header, nil); c >= 0 {
		return rt.Caption + " " + rt.Header[c]
	}
	return rt.Caption
}

// notMoney are header words of columns that hold no amounts (rates,
// scores, serial numbers, counts): a caption's 万元 is not their unit.
var notMoney = []string{"率", "比例", "占比", "比重", "得分", "分值", "评分", "权重", "分数", "序号", "编号", "人数", "数量", "指标值", "完成值"}

// UnitHeader adds the caption's unit ("单位：万元") to a header that has
// none, unless the header names a column of something other than money.
func UnitHeader(header, caption string) string {
	if notAmount(header) {
		return header
	}
	if !strings.Contains(textnorm.Simplify(header), "元") && strings.Contains(textnorm.Simplify(caption), "万元") {
		return header + "（万元）"
	}
	return header
}

// rate is the execution rate of a row, nil when it has no budget or no
// spending.
func rate(budget, actual *model.Amount) *float64 {
	if budget == nil || actual == nil {
		return nil
	}
	if v, ok := grammar.Rate(*budget, *actual); ok {
		return &v
	}
	return nil
}

func cellText(t *model.Table, r, c int) string {
	if c < 0 {
		return ""
	}
	cell := t.Cell(r, c)
	if cell == nil {
		return ""
	}
	return textnorm.OneLine(textnorm.Clean(cell.Text))
}
