package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/govreports/govreports/corpus"
	"github.com/govreports/govreports/schema"
)

// sqliteUtils returns the path of sqlite-utils: the test skips without
// it, unless under CI, which installs it (.ci/run).
func sqliteUtils(t *testing.T) string {
	t.Helper()
	corpus.NeedPrograms(t, "sqlite-utils")
	path, _ := exec.LookPath("sqlite-utils")
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

// TestDatasetteMetadata reads the metadata as Datasette would and holds
// it against a database of the sample, a self-evaluation form, one with
// a low score and a file that is no report (so that every example
// question has an answer): every table and column it names exists,
// the search settings find the sample's 楼宇经济, and every canned query
// runs and returns rows.
func TestDatasetteMetadata(t *testing.T) {
	dbPath := sampleDB(t)
	more := t.TempDir()
	files := map[string]string{
		"form.txt":     indicatorsForm,
		"form-low.txt": strings.Replace(indicatorsForm, "| 总分 | 100 | 93.5 |", "| 总分 | 100 | 75 |", 1),
		"Thumbs.db":    "not a report",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(more, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ingestInto(t, dbPath, testProcessor(t), more)

	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"datasette-metadata", "--db", dbPath}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, &stderr)
	}
	var md struct {
		Title     string `json:"title"`
		Databases map[string]struct {
			Tables map[string]struct {
				Description string            `json:"description"`
				Columns     map[string]string `json:"columns"`
				FTSTable    string            `json:"fts_table"`
				FTSPK       string            `json:"fts_pk"`
			} `json:"tables"`
			Queries map[string]struct {
				Title string `json:"title"`
				SQL   string `json:"sql"`
			} `json:"queries"`
		} `json:"databases"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &md); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, &stdout)
	}
	// Datasette names a database by its file name without the extension.
	reports, ok := md.Databases["reports"]
	if md.Title == "" || !ok || len(md.Databases) != 1 {
		t.Fatalf("want a title and the one database reports; got %q and %d databases", md.Title, len(md.Databases))
	}
	db, err := schema.OpenReadOnly(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for name, table := range reports.Tables {
		cols := queryLines(t, db, `SELECT name FROM pragma_table_info('`+name+`')`)
		if len(cols) == 0 {
			t.Errorf("the metadata describes %s, which the database has not", name)
			continue
		}
		if table.Description == "" {
			t.Errorf("%s: no description", name)
		}
		for c, desc := range table.Columns {
			if !slices.Contains(cols, c) {
				t.Errorf("the metadata describes %s.%s, which the database has not", name, c)
			}
			if desc == "" {
				t.Errorf("%s.%s: no description", name, c)
			}
		}
		if strings.HasPrefix(name, "v_") && len(table.Columns) != len(cols) {
			t.Errorf("%s: %d columns described, the view has %d", name, len(table.Columns), len(cols))
		}
		if table.FTSTable != "" {
			if !slices.Contains(cols, table.FTSPK) {
				t.Errorf("%s: fts_pk %q is no column", name, table.FTSPK)
			}
			// What Datasette runs for ?_search=楼宇经济 on the table.
			hits := queryLines(t, db, `SELECT count(*) FROM `+name+` WHERE `+table.FTSPK+` IN
				(SELECT rowid FROM `+table.FTSTable+` WHERE `+table.FTSTable+` MATCH '楼宇经济')`)
			want := map[string]string{"unit_texts": "4", "search_units": "5"}[name]
			if len(hits) != 1 || hits[0] != want {
				t.Errorf("%s searched for 楼宇经济 through %s: %v hits, want %s", name, table.FTSTable, hits, want)
			}
		}
	}
	for _, name := range []string{"v_reports", "v_figures", "v_checks", "unit_texts", "search_units"} {
		if _, ok := reports.Tables[name]; !ok {
			t.Errorf("the metadata does not describe %s", name)
		}
	}
	if approx := reports.Tables["v_figures"].Columns["approx"]; !strings.Contains(approx, "atleast") {
		t.Errorf("v_figures.approx is described as %q, without its codes", approx)
	}
	if len(reports.Queries) < 16 {
		t.Errorf("%d canned queries, want README.md's 16 example questions", len(reports.Queries))
	}
	for name, q := range reports.Queries {
		res, err := collect(context.Background(), db, q.SQL)
		if err != nil {
			t.Errorf("canned query %s (%s): %v", name, q.Title, err)
			continue
		}
		if len(res.Rows) == 0 {
			t.Errorf("canned query %s (%s) returns no rows:\n%s", name, q.Title, q.SQL)
		}
	}
	if q := reports.Queries["budget_spending_and_execution_rate"]; !strings.Contains(q.SQL, "FROM v_reports") || !strings.HasPrefix(q.Title, "各项目预算执行率") {
		t.Errorf("the first example question is %+v", q)
	}
}
