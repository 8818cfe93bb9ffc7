package extract

import (
	"fmt"
	"math/big"
	"strconv"

	"github.com/govreports/govreports/extract/facts"
	"github.com/govreports/govreports/extract/grammar"
	"github.com/govreports/govreports/extract/structure"
	"github.com/govreports/govreports/extract/tables"
	"github.com/govreports/govreports/ingest/model"
)

// Check codes: what disagrees (README, v_checks).
const (
	CheckRateStated  = "rate_stated"        // a stated rate its amounts do not give
	CheckItemsTotal  = "items_total"        // items that do not add up to their total row
	CheckRateOver100 = "rate_over_100"      // more spent than budgeted
	CheckDateBefore  = "date_before_period" // a report dated before the end of the year it reports
	CheckStatedTwice = "stated_twice"       // one quantity stated twice with different values
)

// readChecks is the checks pass: it lists the disagreements among the
// facts a report states, once every other pass has run. It compares what
// is stated; it changes no fact. (The grade against the score is a pass
// of its own, check_grade.go.)
func readChecks(s *State) {
	for k := range s.Reports {
		checkReport(s, &s.Reports[k], s.Paras[k])
		checkYears(&s.Reports[k], s.Layout.Spans[k])
	}
}

// checkReport lists the disagreements among a report's funds and dates.
func checkReport(s *State, r *model.Report, paras []facts.Para) {
	tableFunds := false
	for _, rt := range r.Tables {
		if rt.Kind != tables.KindFunds || rt.TableNo < 1 || rt.TableNo > len(s.Layout.Doc.Tables) {
			continue
		}
		fb := tables.MainFunds(&s.Layout.Doc.Tables[rt.TableNo-1], rt)
		if fb == nil {
			continue
		}
		tableFunds = true
		rows := append([]model.Fund(nil), fb.Items...)
		if fb.Total != nil {
			rows = append(rows, *fb.Total)
		}
		for _, f := range rows {
			checkRate(r, f, fb.RateRaw[f.Row], rt.Block)
		}
		checkItems(r, fb, rt.Block)
	}
	sf := s.sentenceFunds(r, paras)
	if sf != nil && !tableFunds {
		checkRate(r, sf.Fund, sf.RateRaw, sf.Block)
	}
	if sf != nil && tableFunds && sameBudget(r, sf) && sf.Fund.RateStated != nil {
		if a := sum(r.Funds, actualOf); a != "" {
			b := sum(r.Funds, budgetOf)
			checkRate(r, model.Fund{Item: sf.Fund.Item, Budget: &b, Actual: &a, RateStated: sf.Fund.RateStated, Row: -1}, sf.RateRaw, sf.Block)
		}
	}
	if sf != nil && tableFunds && len(r.Funds) > 0 {
		checkTwice(r, "预算", sum(r.Funds, budgetOf), sf.Fund.Budget, sf)
		checkTwice(r, "实际支出", sum(r.Funds, actualOf), sf.Fund.Actual, sf)
	}
	block := -1 // where the report's funds stand: their table's block, or the sentence's
	switch {
	case len(r.Funds) > 0 && r.Funds[0].TableNo != 0:
		for _, rt := range r.Tables {
			if rt.TableNo == r.Funds[0].TableNo {
				block = rt.Block
				break
			}
		}
	case sf != nil:
		block = sf.Block
	}
	checkOver100(r, block)
	checkDate(r)
}

// checkRate: a stated rate against actual / budget, rounded as stated.
func checkRate(r *model.Report, f model.Fund, raw string, block int) {
	if f.RateStated == nil || f.Budget == nil || f.Actual == nil {
		return
	}
	places := 2
	if _, p, ok := grammar.ParsePercent(raw); ok {
		places = p
	}
	computed, disagrees, ok := grammar.RateDisagrees(*f.RateStated, places, *f.Budget, *f.Actual)
	if !ok || !disagrees {
		return
	}
	item := f.Item
	if item == "" {
		item = "资金"
	}
	add(r, model.Check{Code: CheckRateStated, Expected: percent(computed), Found: percent(*f.RateStated),
		Block: block, TableNo: f.TableNo, Row: f.Row,
		Detail: fmt.Sprintf("%s所述执行率%s与实际支出除以预算所得%s不符", item, percent(*f.RateStated), percent(computed))})
}

// checkItems: the items of a funds table against its total row, for
// budget and spending alike. A total above its breakdown (年度资金总额
// over 其中：…) is no sum of the rows under it.
func checkItems(r *model.Report, fb *tables.FundsBlock, block int) {
	if fb.Total == nil || len(fb.Funds) == 0 || fb.Funds[0].Row == fb.Total.Row {
		return
	}
	for _, c := range []struct {
		what string
		of   func(*model.Fund) *model.Amount
	}{{"预算", budgetOf}, {"实际支出", actualOf}} {
		total := c.of(fb.Total)
		items := sum(fb.Funds, c.of)
		if total == nil || items == "" || equalDecimal(items, *total) {
			continue
		}
		add(r, model.Check{Code: CheckItemsTotal, Expected: items, Found: *total,
			Block: block, TableNo: fb.Total.TableNo, Row: fb.Total.Row,
			Detail: fmt.Sprintf("各项%s合计%s元，与合计行所列%s元不符", c.what, items, *total)})
	}
}

// checkTwice: the report's funds table against the sentence that states
// the same amount.
func checkTwice(r *model.Report, what, table string, sentence *model.Amount, sf *facts.StatedFunds) {
	if table == "" || sentence == nil || equalDecimal(table, *sentence) {
		return
	}
	add(r, model.Check{Code: CheckStatedTwice, Expected: table, Found: *sentence, Block: sf.Block, Row: -1,
		Detail: fmt.Sprintf("正文所述%s%s元与资金表所列%s元不符", what, *sentence, table)})
}

// checkOver100: the report's rate, stated or else computed, over 100%.
func checkOver100(r *model.Report, block int) {
	rate := r.RateStated
	if rate == nil {
		if b, a := sum(r.Funds, budgetOf), sum(r.Funds, actualOf); b != "" && a != "" {
			if v, ok := grammar.Rate(b, a); ok {
				rate = &v
			}
		}
	}
	if rate == nil || *rate <= 100 {
		return
	}
	table, row := 0, -1
	if len(r.Funds) > 0 {
		table, row = r.Funds[0].TableNo, r.Funds[0].Row
	}
	add(r, model.Check{Code: CheckRateOver100, Expected: "≤100%", Found: percent(*rate), Block: block, TableNo: table, Row: row,
		Detail: fmt.Sprintf("预算执行率%s，超过100%%", percent(*rate))})
}

// checkDate: a report dated before the end of the year it reports on.
// A date to the month or the year compares at that precision.
func checkDate(r *model.Report) {
	if r.ReportDate == "" || r.EvaluationYear == 0 {
		return
	}
	end := strconv.Itoa(r.EvaluationYear) + "-12-31"
	if n := len(r.ReportDate); n < len(end) && r.ReportDate >= end[:n] || r.ReportDate >= end {
		return
	}
	add(r, model.Check{Code: CheckDateBefore, Expected: "≥" + end, Found: r.ReportDate, Block: -1, Row: -1,
		Detail: fmt.Sprintf("报告日期%s早于所评价的%d年度结束", r.ReportDate, r.EvaluationYear)})
}

// checkYears: the year a cover field states against the title's.
func checkYears(r *model.Report, sp structure.Span) {
	cover, title := grammar.FirstYear(sp.Cover[structure.KeyYear]), structure.TitleYear(sp.Title)
	if cover == 0 || title == 0 || cover == title {
		return
	}
	block := -1
	if len(sp.TitleBlocks) > 0 {
		block = sp.TitleBlocks[0]
	}
	add(r, model.Check{Code: CheckStatedTwice, Expected: strconv.Itoa(cover), Found: strconv.Itoa(title), Block: block, Row: -1,
		Detail: fmt.Sprintf("标题所述年度%d与封面所列评价年度%d不符", title, cover)})
}

func add(r *model.Report, c model.Check) { r.Checks = append(r.Checks, c) }

func budgetOf(f *model.Fund) *model.Amount { return f.Budget }
func actualOf(f *model.Fund) *model.Amount { return f.Actual }

// sum adds an amount of every fund as a decimal, "" when one lacks it.
func sum(fs []model.Fund, of func(*model.Fund) *model.Amount) string {
	total := new(big.Rat)
	for i := range fs {
		a := of(&fs[i])
		if a == nil {
			return ""
		}
		v, ok := new(big.Rat).SetString(*a)
		if !ok {
			return ""
		}
		total.Add(total, v)
	}
	if len(fs) == 0 {
		return ""
	}
	return grammar.Decimal(total)
}

func equalDecimal(a, b string) bool {
	x, ok1 := new(big.Rat).SetString(a)
	y, ok2 := new(big.Rat).SetString(b)
	return ok1 && ok2 && x.Cmp(y) == 0
}

func percent(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) + "%" }
