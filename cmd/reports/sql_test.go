package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/rivo/uniseg"
)

func TestSQLTableAlignsWideCharacters(t *testing.T) {
	db := testDB(t)
	code, out, errs := runCmd(t, "sql", "--db", db,
		"SELECT report_id, project_name, budget, evaluation_year AS 年度 FROM reports ORDER BY report_id")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	want := "" +
		"report_id  project_name        budget    年度\n" +
		"---------  ------------------  --------  ----\n" +
		"        1  现代服务业专项经费  724000.0  2020\n" +
		"        2  楼宇经济            265800.5  2021\n" +
		"        3  APP建设\n" +
		"(3 rows)\n"
	if out != want {
		t.Errorf("table:\n%s\nwant:\n%s", out, want)
	}
}

func TestSQLTableOneLinePerRow(t *testing.T) {
	db := testDB(t)
	code, out, errs := runCmd(t, "sql", "--db", db, "SELECT note FROM reports WHERE report_id = 2")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	want := "note\n" + strings.Repeat("-", 21) + "\n" + "含\"引号\", 逗号 和换行\n(1 row)\n"
	if out != want {
		t.Errorf("table:\n%q\nwant:\n%q", out, want)
	}
}

func TestSQLCSV(t *testing.T) {
	db := testDB(t)
	code, out, errs := runCmd(t, "sql", "--db", db, "--csv", "SELECT * FROM reports ORDER BY report_id")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	got, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("reading the CSV back: %v\n%s", err, out)
	}
	want := [][]string{
		{"report_id", "project_name", "evaluation_year", "budget", "note"},
		{"1", "现代服务业专项经费", "2020", "724000.0", ""},
		{"2", "楼宇经济", "2021", "265800.5", "含\"引号\", 逗号\n和换行"},
		{"3", "APP建设", "", "", "ok"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("CSV = %q\nwant %q", got, want)
	}
}

func TestSQLJSON(t *testing.T) {
	db := testDB(t)
	code, out, errs := runCmd(t, "sql", "--db", db, "--json",
		"SELECT report_id, project_name, budget, evaluation_year, project_name FROM reports ORDER BY report_id")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	first := `{"report_id": 1, "project_name": "现代服务业专项经费", "budget": 724000.0, "evaluation_year": 2020, "project_name_2": "现代服务业专项经费"}`
	if !strings.Contains(out, first) {
		t.Errorf("JSON lacks %s in column order:\n%s", first, out)
	}
	dec := json.NewDecoder(strings.NewReader(out))
	dec.UseNumber()
	var rows []map[string]any
	if err := dec.Decode(&rows); err != nil {
		t.Fatalf("decoding: %v\n%s", err, out)
	}
	if len(rows) != 3 {
		t.Fatalf("got %d objects, want 3", len(rows))
	}
	if v, ok := rows[1]["budget"].(json.Number); !ok || v.String() != "265800.5" {
		t.Errorf("budget of row 2 = %#v, want the number 265800.5", rows[1]["budget"])
	}
	if v, ok := rows[2]["evaluation_year"]; !ok || v != nil {
		t.Errorf("evaluation_year of row 3 = %#v, want null", v)
	}

	code, out, _ = runCmd(t, "sql", "--db", db, "--json", "SELECT * FROM reports WHERE 0")
	if code != 0 || out != "[]\n" {
		t.Errorf("no rows: exit %d, %q; want [] ", code, out)
	}
}

func TestSQLRefusesWrites(t *testing.T) {
	db := testDB(t)
	dir := filepath.Dir(db)
	other := filepath.Join(dir, "other.db")
	for _, q := range []string{
		"DELETE FROM reports",
		"UPDATE reports SET budget = 0",
		"INSERT INTO funds VALUES (3, 'x', 1)",
		"CREATE TABLE x (a)",
		"CREATE TEMP TABLE x (a)",
		"DROP VIEW v_reports",
		"PRAGMA query_only = 0",
		"ATTACH '" + other + "' AS other",
		"VACUUM INTO '" + other + "'",
		"WITH d AS (SELECT 1) DELETE FROM reports",
		"WITH d AS (SELECT 9) INSERT INTO funds SELECT 9, 'x', 1 FROM d",
		"WITH RECURSIVE d(x) AS (SELECT 1) UPDATE reports SET budget = (SELECT x FROM d)",
		"CREATE TEMP VIEW x AS SELECT 1",
		"PRAGMA writable_schema = 1",
		"PRAGMA journal_mode = DELETE",
		"PRAGMA main.user_version = 9",
		"PRAGMA wal_checkpoint(TRUNCATE)",
		"VACUUM",
		"REINDEX",
		"ANALYZE",
		"BEGIN",
		"SAVEPOINT a",
		"DETACH main",
	} {
		code, out, errs := runCmd(t, "sql", "--db", db, q)
		if code != 1 || !strings.Contains(errs, "read-only:") {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want exit 1 and a read-only message", q, code, out, errs)
		}
	}
	code, out, _ := runCmd(t, "sql", "--db", db, "--csv", "SELECT count(*) FROM reports")
	if code != 0 || out != "count(*)\n3\n" {
		t.Errorf("after the refused writes: exit %d, %q; want 3 rows left", code, out)
	}
	// load_extension is off: SQLite refuses it before the authorizer.
	if code, _, errs := runCmd(t, "sql", "--db", db, "SELECT load_extension('/lib/x86_64-linux-gnu/libm.so.6')"); code != 1 || !strings.Contains(errs, "not authorized") {
		t.Errorf("load_extension: exit %d, %q; want 1 and not authorized", code, errs)
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if slices.Contains(names, "other.db") {
		t.Errorf("a refused statement created a file: %v", names)
	}

	// An existing database cannot be attached to be written either.
	existing := testDB(t)
	before, _ := os.ReadFile(existing)
	for _, q := range []string{
		"ATTACH '" + existing + "' AS x",
		"ATTACH 'file:" + existing + "?mode=rw' AS x",
		"SELECT * FROM pragma_table_info('reports', '" + existing + "')",
	} {
		if code, _, errs := runCmd(t, "sql", "--db", db, q); code != 1 {
			t.Errorf("%s: exit %d, %q; want 1", q, code, errs)
		}
	}
	if after, _ := os.ReadFile(existing); string(after) != string(before) {
		t.Error("an attached database changed")
	}
}

func TestSQLMissingDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "none.db")
	code, _, errs := runCmd(t, "sql", "--db", path, "SELECT 1")
	if code != 1 || !strings.Contains(errs, "does not exist") {
		t.Errorf("exit %d, stderr %q; want 1 and 'does not exist'", code, errs)
	}
	if _, err := os.Stat(path); err == nil {
		t.Errorf("%s was created", path)
	}
}

func TestSQLUsage(t *testing.T) {
	db := testDB(t)
	for _, args := range [][]string{
		{"sql"},
		{"sql", "--db", db},
		{"sql", "--db", db, "--csv", "--json", "SELECT 1"},
		{"sql", "--nope", "SELECT 1"},
		{"sql", "--db", db, "SELECT", "1"},
	} {
		if code, _, errs := runCmd(t, args...); code != 2 {
			t.Errorf("%q: exit %d (%s), want 2", args, code, errs)
		}
	}
	if code, _, errs := runCmd(t, "sql", "--db", db, "SELEC 1"); code != 1 || !strings.Contains(errs, "syntax error") {
		t.Errorf("bad SQL: exit %d, %q; want 1 and the SQLite message", code, errs)
	}
}

// TestSQLOneStatement: SQLite ran every statement of a query and showed
// the last one's rows; an empty query printed nothing with exit 0. Both
// are usage errors now, and nothing runs.
func TestSQLOneStatement(t *testing.T) {
	db := testDB(t)
	for _, tc := range []struct{ query, msg string }{
		{"SELECT 1; SELECT 2", "the QUERY holds 2 statements: give one at a time"},
		{"SELECT 1; DELETE FROM reports", "holds 2 statements"},
		{"", "the QUERY is empty"},
		{"  \n", "the QUERY is empty"},
		{"-- just a comment", "the QUERY is empty"},
		{";", "the QUERY is empty"},
	} {
		code, out, errs := runCmd(t, "sql", "--db", db, tc.query)
		if code != 2 || out != "" || !strings.Contains(errs, tc.msg) {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want 2 and %q", tc.query, code, out, errs, tc.msg)
		}
	}
	code, out, _ := runCmd(t, "sql", "--db", db, "--csv", "SELECT count(*) FROM reports")
	if code != 0 || out != "count(*)\n3\n" {
		t.Errorf("after the refused statements: exit %d, %q; want 3 rows left", code, out)
	}
	for _, q := range []string{
		"SELECT 1;",
		"SELECT 1; -- the end",
		"SELECT ';' AS a, \"b;\" AS [c;d] /* ; */;;",
		"SELECT 'it''s; fine'",
	} {
		if code, _, errs := runCmd(t, "sql", "--db", db, q); code != 0 {
			t.Errorf("%q: exit %d, %s; want one statement run", q, code, errs)
		}
	}
	if code, _, errs := runCmd(t, "export", "--db", db, "-o", filepath.Join(t.TempDir(), "x.csv"), "--query", "SELECT 1; SELECT 2"); code != 2 || !strings.Contains(errs, "2 statements") {
		t.Errorf("export --query of 2 statements: exit %d, %s", code, errs)
	}
}

// TestSQLWide: the table cut every cell at 60 columns; --wide shows whole
// values, and on a terminal the table is fitted to its width instead.
func TestSQLWide(t *testing.T) {
	db := testDB(t)
	long := strings.Repeat("绩效", 40) // 160 columns
	q := "SELECT 1 AS n, '" + long + "' AS text"
	_, out, _ := runCmd(t, "sql", "--db", db, q)
	if strings.Contains(out, long) || !strings.Contains(out, strings.Repeat("绩效", 14)+"绩…") {
		t.Errorf("cut at 60 columns:\n%s", out)
	}
	code, out, errs := runCmd(t, "sql", q, "--wide", "--db", db)
	if code != 0 || !strings.Contains(out, "1  "+long+"\n") {
		t.Errorf("--wide: exit %d %s\n%s", code, errs, out)
	}

	res := &result{Columns: []string{"n", "a", "b"}, Rows: [][]any{{int64(1), long, "short"}, {int64(2), "x", long[:30]}}}
	for _, width := range []int{200, 80, 40} {
		var b strings.Builder
		writeTableLayout(&b, res, tableLayout{line: width})
		for _, line := range strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n") {
			if w := uniseg.StringWidth(line); w > width {
				t.Errorf("terminal of %d columns: a line of %d:\n%s", width, w, &b)
				break
			}
		}
		if width == 200 && !strings.Contains(b.String(), long) {
			t.Errorf("terminal of 200 columns cut a value of 160:\n%s", &b)
		}
	}
}

func TestCountStatements(t *testing.T) {
	for q, want := range map[string]int{
		"":                             0,
		"SELECT 1":                     1,
		"SELECT 1;\n\n":                1,
		"SELECT 1; SELECT 2;":          2,
		"/* a; b */ SELECT 1 -- ;\n":   1,
		"SELECT `a;b`, [c;d], \"e;f\"": 1,
		"SELECT 'unterminated;":        1,
		"SELECT 1 /* unterminated; ":   1,
	} {
		if got := countStatements(q); got != want {
			t.Errorf("countStatements(%q) = %d, want %d", q, got, want)
		}
	}
}

// TestNumbersSameEverywhere: a number prints with the same digits in the
// table, CSV and JSON: no exponent, no arithmetic noise.
func TestNumbersSameEverywhere(t *testing.T) {
	db := testDB(t)
	for _, tt := range []struct{ expr, want string }{
		{"5178000000.0", "5178000000.0"},
		{"265800.0 * 100 / 270000", "98.4444444444444"},
		{"98.44 + 0.0000000000000071", "98.44"}, // 98.44000000000001 as a float64
		{"0.1 + 0.2", "0.3"},
		{"724000 / 10000.0", "72.4"},
		{"5178000000", "5178000000"},
		{"-0.000125", "-0.000125"},
	} {
		query := "SELECT " + tt.expr + " AS n"
		_, table, _ := runCmd(t, "sql", "--db", db, query)
		_, csv, _ := runCmd(t, "sql", "--db", db, "--csv", query)
		_, js, _ := runCmd(t, "sql", "--db", db, "--json", query)
		wantTable := "n\n" + strings.Repeat("-", max(1, len(tt.want))) + "\n" + tt.want + "\n(1 row)\n"
		if table != wantTable {
			t.Errorf("%s: table %q, want %q", tt.expr, table, wantTable)
		}
		if want := "n\n" + tt.want + "\n"; csv != want {
			t.Errorf("%s: CSV %q, want %q", tt.expr, csv, want)
		}
		if want := "[\n  {\"n\": " + tt.want + "}\n]\n"; js != want {
			t.Errorf("%s: JSON %q, want %q", tt.expr, js, want)
		}
	}
}
