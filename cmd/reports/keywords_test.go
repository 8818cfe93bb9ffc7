package main

import (
	"slices"
	"testing"

	"github.com/govreports/govreports/schema"
)

// TestSampleKeywords checks the keywords of the sample's 楼宇办 report, as
// a reader of it would name them: it is about 楼宇 and 楼宇经济, and the
// verbs and generic words every report is full of are none of its top five.
func TestSampleKeywords(t *testing.T) {
	db, err := schema.OpenReadOnly(sampleDB(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT keyword FROM v_keywords
		WHERE report_id = (SELECT report_id FROM v_reports WHERE project_name = '楼宇办工作经费') LIMIT 5`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var top []string
	for rows.Next() {
		var w string
		if err := rows.Scan(&w); err != nil {
			t.Fatal(err)
		}
		top = append(top, w)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"楼宇", "楼宇经济"} {
		if !slices.Contains(top, w) {
			t.Errorf("top keywords %q lack %s", top, w)
		}
	}
	for _, w := range []string{"负责", "开展", "进行", "工作", "发展"} {
		if slices.Contains(top, w) {
			t.Errorf("top keywords %q hold %s, no keyword", top, w)
		}
	}
}
