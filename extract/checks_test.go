package extract

import (
	"path/filepath"
	"testing"
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
