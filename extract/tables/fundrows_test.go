package tables

import (
	"testing"

	"github.com/govreports/govreports/extract/internal/doctest"
	"github.com/govreports/govreports/ingest/model"
)

// TestFundRows: a funds table with one figure a row gives one fund, the
// spending (实际支出) rather than the money received (实际到位), the unit
// from the caption; a table of the same shape listing what the money went
// to gives none.
func TestFundRows(t *testing.T) {
	doc := doctest.Parse("t", `| 项目 | 金额 |
| 预算安排 | 450 |
| 实际到位 | 450 |
| 实际支出 | 432.5 |
| 预算执行率 | 96.11% |`)
	tb := &doc.Tables[0]
	rt := Read(tb, 0, "表2 资金情况（单位：万元）")
	if rt.Kind != KindFundRows {
		t.Fatalf("kind %q", rt.Kind)
	}
	var r model.Report
	NewReader(DefaultKinds()...).ReadBlocks(tb, rt, &r)
	if len(r.Funds) != 1 {
		t.Fatalf("funds %+v", r.Funds)
	}
	f := r.Funds[0]
	if f.Item != "预算安排" || *f.Budget != "4500000" || *f.Actual != "4325000" || f.RateStated == nil || *f.RateStated != 96.11 || r.BudgetSource != "table" {
		t.Errorf("fund %+v, source %q", f, r.BudgetSource)
	}

	doc = doctest.Parse("t", `| 项目 | 金额 |
| 人员经费 | 120 |
| 设备购置 | 80.5 |`)
	tb = &doc.Tables[0]
	rt = Read(tb, 0, "单位：万元")
	r = model.Report{}
	NewReader(DefaultKinds()...).ReadBlocks(tb, rt, &r)
	if len(r.Funds) != 0 || r.BudgetSource != "" {
		t.Errorf("a list of uses: funds %+v", r.Funds)
	}
}
