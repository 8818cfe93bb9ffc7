package schema

import (
	"context"
	"database/sql"
	"fmt"
	"testing"
	"time"

	"github.com/govreports/govreports/ingest/model"
)

// TestStatedAndComputedRates: a stated rate is the views' execution_rate,
// the one the amounts give stands beside it and never replaces it, and a
// report's checks reach v_checks with their place.
func TestStatedAndComputedRates(t *testing.T) {
	ctx := context.Background()
	db, _ := openTest(t)
	w := NewWriter(db, 10, time.Minute)
	e := sampleEntry("a/x.txt", "cccc0000cccc0000")
	r := &e.Ext.Reports[0]
	// 700000 of 724000 is 96.69%; the report states 100%.
	stated, initial := 100.0, "800000"
	r.RateStated, r.InitialBudget = &stated, &initial
	r.Funds[0].RateStated = &stated
	r.ProjectNameSource, r.YearSource, r.BudgetSource = "subtitle", "paragraph", "sentence"
	r.Checks = append(r.Checks, model.Check{Code: "rate_stated", Expected: "96.69%", Found: "100%", Block: 1, TableNo: 1, Row: 1, Detail: "经费所述执行率100%与实际支出除以预算所得96.69%不符"},
		model.Check{Code: "date_before_period", Expected: "≥2020-12-31", Found: "2020-06-25", Block: -1, Row: -1})
	if _, err := w.Put(ctx, e); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	var rate, computed, init float64
	var project, year, budget string
	if err := db.QueryRow(`SELECT execution_rate, execution_rate_computed, initial_budget_yuan, project_name_source, year_source, budget_source FROM v_reports`).
		Scan(&rate, &computed, &init, &project, &year, &budget); err != nil {
		t.Fatal(err)
	}
	if rate != 100 || computed != 96.69 || init != 800000 || project != "subtitle" || year != "paragraph" || budget != "sentence" {
		t.Errorf("v_reports: rate %v, computed %v, initial %v, sources %s %s %s; want 100, 96.69, 800000, subtitle paragraph sentence",
			rate, computed, init, project, year, budget)
	}
	if err := db.QueryRow(`SELECT execution_rate, execution_rate_computed FROM v_funds`).Scan(&rate, &computed); err != nil {
		t.Fatal(err)
	}
	if rate != 100 || computed != 96.69 {
		t.Errorf("v_funds: rate %v, computed %v; want 100 and 96.69", rate, computed)
	}
	rows, err := db.Query(`SELECT seq, code, expected, found, block_no, table_no, row FROM v_checks ORDER BY seq`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var seq int
		var code, expected, found string
		var block, table, row sql.NullInt64
		if err := rows.Scan(&seq, &code, &expected, &found, &block, &table, &row); err != nil {
			t.Fatal(err)
		}
		got = append(got, fmt.Sprint(seq, code, expected, found, block, table, row))
	}
	want := []string{
		fmt.Sprint(1, "rate_stated", "96.69%", "100%", sql.NullInt64{Int64: 2, Valid: true}, sql.NullInt64{Int64: 1, Valid: true}, sql.NullInt64{Int64: 1, Valid: true}),
		fmt.Sprint(2, "date_before_period", "≥2020-12-31", "2020-06-25", sql.NullInt64{}, sql.NullInt64{}, sql.NullInt64{}),
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("v_checks:\n got  %q\n want %q", got, want)
	}

	// Without a stated rate, execution_rate is the computed one.
	e2 := sampleEntry("a/y.txt", "dddd0000dddd0000")
	if _, err := w.Put(ctx, e2); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if n := count(t, db, `SELECT count(*) FROM v_reports WHERE execution_rate = 96.69 AND execution_rate_computed = 96.69`); n != 1 {
		t.Errorf("%d reports without a stated rate have the computed one, want 1", n)
	}
}
