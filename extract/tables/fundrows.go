package tables

import (
	"strings"

	"github.com/govreports/govreports/extract/figures"
	"github.com/govreports/govreports/extract/internal/textnorm"
	"github.com/govreports/govreports/ingest/model"
)

// KindFundRows is a funds table turned on its side: one figure a row,
// under a header of two columns, the label and the amount (项目 | 金额,
// 科目 | 数额（万元）), the rows 年初预算, 调整后预算, 实际支出, 预算执行率.
const KindFundRows = "fund_rows"

// fundRowsReader reads a funds table with one figure a row.
type fundRowsReader struct{}

func (fundRowsReader) Kind() string { return KindFundRows }

// amountHeads name the column of a table's amounts when the rows, not the
// header, say what each amount is.
var amountHeads = []string{"金额", "数额", "资金数", "数值", "资金"}

// Detect: two columns, the first naming the items, the second the
// amounts; the rows must then name the budget and the spending, which
// Read checks.
func (fundRowsReader) Detect(header []string) bool {
	var cells []string
	for _, h := range header {
		if h != "" {
			cells = append(cells, h)
		}
	}
	if len(cells) != 2 || len(header) > 3 {
		return false
	}
	return columns(cells[:1], nameCols, nil) == 0 && columns(cells[1:], amountHeads, nil) == 0 && !notAmount(cells[1])
}

// Read reads the budget, the spending and the stated rate from their
// rows into one fund. Of several budgets the adjusted one is the budget
// (调整后预算, 全年预算 before 年初预算, as budgetCols orders them), the
// one at the start of the year the initial budget; of several spendings
// the one budgetCols' order puts first (实际支出 before 实际到位).
func (fundRowsReader) Read(t *model.Table, rt model.ReportTable, b model.TableBlock, r *model.Report) {
	if b.Kind != KindFundRows || b.HeaderRow != rt.HeaderRow || r.BudgetSource != "" {
		return
	}
	label, amount := fundRowColumns(t, rt)
	if label < 0 {
		return
	}
	context := UnitContext(rt) + " " + rt.Header[amount]
	type pick struct {
		rank, row int
		v         *model.Amount
		raw       string
	}
	budget, actual, initial := pick{rank: -1}, pick{rank: -1}, pick{rank: -1}
	statedRaw := "" // the first rate cell that reads as one
	better := func(p *pick, words []string, s string, row int, raw string) {
		rank := wordRank(s, words)
		if rank == len(words) || p.rank >= 0 && rank >= p.rank {
			return
		}
		if v, ok := figures.Money(raw, UnitHeader(s, context)); ok {
			*p = pick{rank, row, &v, raw}
		}
	}
	for row := rt.HeaderRow + 1; row < b.EndRow; row++ {
		s, raw := textnorm.Simplify(cellText(t, row, label)), cellText(t, row, amount)
		switch {
		case s == "" || raw == "":
		case rateColumn([]string{s}) == 0:
			if statedRaw == "" && statedRate(raw, nil, nil) != nil {
				statedRaw = raw
			}
		case notAmount(s):
		case strings.Contains(s, "年初"):
			better(&initial, initialCols, s, row, raw)
			if !isPart(s) {
				better(&budget, budgetCols, s, row, raw)
			}
		case isPart(s) || isTotal(s):
		default:
			better(&budget, budgetCols, s, row, raw)
			better(&actual, actualCols, s, row, raw)
		}
	}
	if budget.v == nil || actual.v == nil || budget.row == actual.row {
		return
	}
	f := model.Fund{Item: cellText(t, budget.row, label), Budget: budget.v, Actual: actual.v, BudgetRaw: budget.raw, ActualRaw: actual.raw,
		Rate: rate(budget.v, actual.v), RateStated: statedRate(statedRaw, budget.v, actual.v), TableNo: rt.TableNo, Row: budget.row}
	r.Funds = append(r.Funds, f)
	r.BudgetSource = "table"
	r.RateStated = f.RateStated
	if initial.v != nil && initial.row != budget.row {
		r.InitialBudget = initial.v
	}
}

// fundRowColumns are the columns of the labels and of the amounts, -1
// when the header has not the two.
func fundRowColumns(t *model.Table, rt model.ReportTable) (label, amount int) {
	label, amount = -1, -1
	for c, h := range rt.Header {
		switch {
		case h == "":
		case label < 0:
			label = c
		case amount < 0:
			amount = c
		}
	}
	if amount < 0 {
		return -1, -1
	}
	return label, amount
}

// wordRank is the index of the first of words s holds, len(words) when
// none: the lower, the more a label is the figure words name.
func wordRank(s string, words []string) int {
	for k, w := range words {
		if strings.Contains(s, w) {
			return k
		}
	}
	return len(words)
}
