package main

import (
	"database/sql"
	"encoding/csv"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// sqliteUtils returns the path of sqlite-utils: the test skips without
// it, unless under CI, which installs it (.ci/run).
func sqliteUtils(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("sqlite-utils")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI is set, and sqlite-utils is not installed (apt-get install sqlite-utils): %v", err)
		}
		t.Skip("sqlite-utils is not installed (apt-get install sqlite-utils)")
	}
	return path
}

// sqlite-utils finds the full-text index of unit_texts by itself, as
// Datasette does (content="unit_texts"), and a word of the dictionary
// finds every text that holds it.
func TestSQLiteUtilsSearch(t *testing.T) {
	bin := sqliteUtils(t)
	db := sampleDB(t)
	out, err := exec.Command(bin, "search", db, "unit_texts", "楼宇经济", "--csv", "-c", "text").CombinedOutput()
	if err != nil {
		t.Fatalf("sqlite-utils search: %v\n%s", err, out)
	}
	recs, err := csv.NewReader(strings.NewReader(string(out))).ReadAll()
	if err != nil || len(recs) == 0 || recs[0][0] != "text" {
		t.Fatalf("sqlite-utils search printed %q (%v), want CSV with a text column", out, err)
	}
	var got []string
	for _, r := range recs[1:] {
		got = append(got, r[0])
	}
	// The texts that hold the word, found without the index.
	conn, err := sql.Open("sqlite3", db)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	rows, err := conn.Query(`SELECT text FROM unit_texts WHERE text LIKE '%楼宇经济%'`)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for rows.Next() {
		var s string
		rows.Scan(&s)
		want = append(want, s)
	}
	rows.Close()
	slices.Sort(got)
	slices.Sort(want)
	// The sample's 楼宇办 report names 楼宇经济 in four texts: its
	// 决策有目标 section among them.
	if len(want) != 4 || !slices.Equal(got, want) {
		t.Errorf("sqlite-utils search 楼宇经济 found %d texts, want the %d that hold it:\n got %q\nwant %q", len(got), len(want), got, want)
	}
	if !slices.ContainsFunc(got, func(s string) bool { return strings.HasPrefix(s, "决策有目标\n") }) {
		t.Errorf("sqlite-utils search 楼宇经济 misses the section 决策有目标: %q", got)
	}
	// A phrase not cut into words finds nothing: the index holds words;
	// cut as the dictionary cuts it, it finds the texts that hold it.
	for q, want := range map[string]int{"楼宇经济发展": 0, `"楼宇经济 发展"`: 2} {
		out, err := exec.Command(bin, "search", db, "unit_texts", q, "--csv", "-c", "text_id").CombinedOutput()
		recs, cerr := csv.NewReader(strings.NewReader(string(out))).ReadAll()
		if err != nil || cerr != nil || len(recs) != want+1 {
			t.Errorf("sqlite-utils search %s: %v %v\n%s\nwant %d hits", q, err, cerr, out, want)
		}
	}
}
