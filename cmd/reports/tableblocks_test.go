package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/govreports/govreports/schema"
)

// TestSampleTableBlocks checks v_table_blocks on the sample against what its
// tables hold, read by hand: the evaluators table of each report has a
// title row (……项目绩效评价人员) above a header row and its people; the
// funds table of report 1 is a header and one item.
func TestSampleTableBlocks(t *testing.T) {
	db, err := schema.OpenReadOnly(sampleDB(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT b.report_id, b.seq, coalesce(b.kind, ''), b.first_row, coalesce(b.header_row, -1), b.end_row, coalesce(b.header, '')
		FROM v_table_blocks b JOIN v_tables t USING (report_id, table_no)
		WHERE t.kind IN ('funds', 'evaluators') ORDER BY b.report_id, b.table_no, b.seq`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var report, seq, first, header, end int
		var kind, head string
		if err := rows.Scan(&report, &seq, &kind, &first, &header, &end, &head); err != nil {
			t.Fatal(err)
		}
		got = append(got, fmt.Sprintf("%d %d %s %d-%d h%d %s", report, seq, kind, first, end, header, strings.ReplaceAll(head, "\t", "|")))
	}
	want := []string{
		"1 1 funds 0-2 h0 序号|名称|项目资金安排|实际投入|项目开展情况",
		"1 1 title 0-1 h-1 ",
		"1 2 evaluators 1-14 h1 姓名|单位|职称/职务|签名",
	}
	if len(got) < len(want) {
		t.Fatalf("got %d blocks, want at least %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i, w := range want {
		if got[i] != w {
			t.Errorf("block %d:\n got %s\nwant %s", i, got[i], w)
		}
	}
	for _, g := range got {
		if strings.Contains(g, " evaluators ") && !strings.Contains(g, "姓名|单位|职称/职务|签名") {
			t.Errorf("an evaluators block without its header: %s", g)
		}
	}
}
