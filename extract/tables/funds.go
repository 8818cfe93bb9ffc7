package tables

import "github.com/govreports/govreports/ingest/model"

// KindFunds is a block of budget against actual spending.
const KindFunds = "funds"

// fundsReader reads funds blocks: one Fund per item row (see readFundsBlock).
type fundsReader struct{}

func (fundsReader) Kind() string { return KindFunds }

// Detect: a column of items and a column of amounts, budgeted or spent.
func (fundsReader) Detect(header []string) bool {
	budget, actual := amountColumn(header, budgetCols, nil), amountColumn(header, actualCols, nil)
	return nameColumn(header, map[int]bool{budget: true, actual: true}) >= 0 && (budget >= 0 || actual >= 0)
}

// Read reads the table's main block only: a second funds block in one
// table (another year's, a breakdown of the first) would count its
// amounts twice in the report's sums.
func (fundsReader) Read(t *model.Table, rt model.ReportTable, b model.TableBlock, r *model.Report) {
	if b.Kind != KindFunds || rt.Kind != KindFunds || b.HeaderRow != rt.HeaderRow {
		return
	}
	fb := readFundsBlock(t, rt, b)
	r.Funds = append(r.Funds, fb.Funds...)
	if len(fb.Funds) == 0 || r.BudgetSource != "" {
		return
	}
	// The report's own figures: the first funds table's, its total row's
	// where it has one.
	r.BudgetSource = "table"
	if isFormTable(rt) {
		r.BudgetSource = "form"
	}
	r.InitialBudget = fb.Initial
	switch {
	case fb.Total != nil:
		r.RateStated = fb.Total.RateStated
	case len(fb.Funds) == 1:
		r.RateStated = fb.Funds[0].RateStated
	}
}

// isFormTable tells a self-evaluation form (自评表), whose funds block
// stands under cover rows in one grid, from a funds table of its own.
func isFormTable(rt model.ReportTable) bool {
	for _, b := range rt.Blocks {
		if b.Kind == "cover" || b.Kind == "title" {
			return true
		}
	}
	return false
}
