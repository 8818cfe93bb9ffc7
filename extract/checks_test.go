package extract

import (
	"path/filepath"
	"testing"

	"github.com/govreports/govreports/ingest/model"
)

// TestChecksWhere: a check names where the disagreement stands: the
// table row of a stated rate, the sentence of funds stated in the text.
func TestChecksWhere(t *testing.T) {
	for _, c := range []struct {
		fixture, code     string
		block, table, row int
	}{
		{"stated-rate.txt", CheckRateStated, 4, 1, 1},         // | 河道保洁 | 50 | 90.5 | 100% |
		{"bracket-title.plain.txt", CheckItemsTotal, 4, 1, 3}, // the 合计 row
		{"over-budget.plain.txt", CheckRateOver100, 2, 0, -1}, // 全年预算50万元，实际支出60万元。
		{"stated-twice.txt", CheckStatedTwice, 3, 0, -1},      // 项目全年预算80万元…
		{"multi-report.txt", CheckDateBefore, -1, 0, -1},      // a report's date: no one place
	} {
		x := Extract(readFixture(t, filepath.Join("testdata", "outline", c.fixture)))
		found := false
		for _, ch := range x.Reports[0].Checks {
			if ch.Code != c.code {
				continue
			}
			found = true
			if ch.Block != c.block || ch.TableNo != c.table || ch.Row != c.row {
				t.Errorf("%s: %s at block %d, table %d, row %d; want %d, %d, %d", c.fixture, c.code, ch.Block, ch.TableNo, ch.Row, c.block, c.table, c.row)
			}
			if ch.Detail == "" {
				t.Errorf("%s: %s without a detail", c.fixture, c.code)
			}
			break
		}
		if !found {
			t.Errorf("%s: no %s check in %+v", c.fixture, c.code, x.Reports[0].Checks)
		}
	}
}

// TestReportRate: the report's computed rate is actual over budget of the
// funds rows that state both, by the grammar's one rate; a row without
// its actual spending is left out of both sums, as is a zero budget.
func TestReportRate(t *testing.T) {
	amount := func(s string) *model.Amount { return &s }
	r := &model.Report{Funds: []model.Fund{
		{Item: "一、基本支出", Budget: amount("1000000"), Actual: amount("980000")},
		{Item: "二、项目支出", Budget: amount("500000"), Actual: amount("495000")},
		{Item: "三、其他", Budget: amount("300000")},
		{Item: "四、未列预算", Budget: amount("0"), Actual: amount("1000")},
	}}
	readRate(nil, r, nil)
	// (980000 + 495000) / (1000000 + 500000) = 98.333… → 98.33
	if r.Rate == nil || *r.Rate != 98.33 {
		t.Errorf("rate = %v, want 98.33", r.Rate)
	}
	none := &model.Report{Funds: []model.Fund{{Item: "经费", Budget: amount("100")}}}
	if readRate(nil, none, nil); none.Rate != nil {
		t.Errorf("rate without actual spending = %v, want nil", *none.Rate)
	}
}
