package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govreports/govreports/corpus"
	"github.com/govreports/govreports/schema"
)

// TestResultViews ingests two hand-written fixtures and reads their kind,
// score, grade, section roles and findings back through the views, as
// analysts do: the values below are read off the fixtures' text.
func TestResultViews(t *testing.T) {
	dir := filepath.Join(corpus.Root(), "extract", "testdata", "outline")
	path := filepath.Join(t.TempDir(), "reports.db")
	sum := ingestInto(t, path, testProcessor(t),
		filepath.Join(dir, "agency-eval.plain.txt"), filepath.Join(dir, "results-notice.plain.txt"))
	if sum.Ingested != 2 {
		t.Fatalf("ingested %+v, want both fixtures", sum)
	}
	db, err := schema.OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	query := func(q string) string {
		t.Helper()
		res, err := collect(context.Background(), db, q)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		var lines []string
		for _, row := range res.Rows {
			cells := make([]string, len(row))
			for i, v := range row {
				cells[i] = fmt.Sprint(v)
				if v == nil {
					cells[i] = "NULL"
				}
			}
			lines = append(lines, strings.Join(cells, "|"))
		}
		return strings.Join(lines, "\n")
	}
	for _, c := range []struct{ q, want string }{
		{`SELECT kind, score, score_max, grade, grade_norm, score_block_no, score_offset, score_table_no, score_row
		  FROM v_reports ORDER BY kind`,
			// the conclusion is the 7th line; 86.5 stands 12 characters in
			"not_report|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL\n" +
				"project_evaluation|86.5|100|良|良|7|12|NULL|NULL"},
		{`SELECT count(*) FROM v_reports WHERE kind <> 'not_report'`, "1"},
		{`SELECT marker, role FROM v_sections WHERE role IS NOT NULL ORDER BY section_id`,
			"一、|basic_info\n二、|conclusion\n三、|problems\n（一）|problems\n（二）|problems\n四、|recommendations"},
		{`SELECT f.kind, f.item_no, f.marker, f.title, f.block_no, s.marker
		  FROM v_findings f JOIN v_sections s USING (section_id) ORDER BY f.block_no`,
			"problem|1|（一）|养护资金拨付滞后|9|（一）\n" +
				"problem|2|（二）|绩效目标不够细化|11|（二）\n" +
				"recommendation|1|1.|加快资金拨付进度|15|四、\n" +
				"recommendation|2|2.|细化绩效目标|16|四、"},
	} {
		if got := query(c.q); got != c.want {
			t.Errorf("%s\ngot:\n%s\nwant:\n%s", c.q, got, c.want)
		}
	}
}
