package tables

import "github.com/govreports/govreports/ingest/model"

// KindFunds is a block of budget against actual spending.
const KindFunds = "funds"

// fundsReader reads funds blocks: one Fund per item row (see blockFunds).
type fundsReader struct{}

func (fundsReader) Kind() string { return KindFunds }

// Detect: a column of items and a column of amounts, budgeted or spent.
func (fundsReader) Detect(header []string) bool {
	return columns(header, nameCols, nil) >= 0 && (amountColumn(header, budgetCols, nil) >= 0 || amountColumn(header, actualCols, nil) >= 0)
}

// Read reads the table's main block only: a second funds block in one
// table (another year's, a breakdown of the first) would count its
// amounts twice in the report's sums.
func (fundsReader) Read(t *model.Table, rt model.ReportTable, b model.TableBlock, r *model.Report) {
	if b.Kind != KindFunds || rt.Kind != KindFunds || b.HeaderRow != rt.HeaderRow {
		return
	}
	r.Funds = append(r.Funds, blockFunds(t, rt, b)...)
}
