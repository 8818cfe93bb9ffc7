package schema_test

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/govreports/govreports/ingest"
	"github.com/govreports/govreports/schema"
)

// TestUpgradeV3 opens a database written by the code before numbered
// migrations (testdata/README.md says how it was made), then reads the
// sample into it again with a new extractor key.
func TestUpgradeV3(t *testing.T) {
	ctx := context.Background()
	dbPath := filepath.Join(t.TempDir(), "v3.db")
	copyFile(t, filepath.Join("testdata", "v3-sample.db"), dbPath)

	db, err := schema.Open(ctx, dbPath, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	var version int
	if err := db.QueryRow(`PRAGMA user_version`).Scan(&version); err != nil || version != schema.Version {
		t.Errorf("user_version = %d (%v), want %d", version, err, schema.Version)
	}
	// What the sample holds: one file, three project reports.
	wantProjects := []string{"现代服务业专项经费", "楼宇办工作经费", "“梦想小街”电商产业园工作经费"}
	// The fixture holds the path as reached from the repository root; a
	// run from there replaces it with the absolute path.
	path := "corpus/sample/2020-xihu-services.txt"
	check := func(stage string) {
		t.Helper()
		for q, want := range map[string]int{
			`SELECT count(*) FROM v_documents WHERE status = 'ok'`:                               1,
			`SELECT count(*) FROM documents`:                                                     1,
			`SELECT count(*) FROM v_paths WHERE path = '` + path + `'`:                           1,
			`SELECT count(*) FROM v_reports`:                                                     3,
			`SELECT count(*) FROM v_user_words`:                                                  0,
			`SELECT count(*) FROM v_funds`:                                                       3,
			`SELECT count(*) FROM v_evaluators`:                                                  9,
			`SELECT count(*) FROM v_sections`:                                                    41,
			`SELECT count(*) FROM v_blocks`:                                                      97,
			`SELECT count(*) FROM v_keywords WHERE report_id IN (SELECT report_id FROM reports)`: 60,
			`SELECT count(*) FROM unit_texts_fts WHERE unit_texts_fts MATCH '"楼宇经济"'`:            countFTS(t, db),
		} {
			var n int
			if err := db.QueryRow(q).Scan(&n); err != nil {
				t.Fatalf("%s: %s: %v", stage, q, err)
			}
			if n != want {
				t.Errorf("%s: %s = %d, want %d", stage, q, n, want)
			}
		}
		if got := projects(t, db); !slices.Equal(got, wantProjects) {
			t.Errorf("%s: projects %q, want %q", stage, got, wantProjects)
		}
	}
	check("upgraded")
	if n := countFTS(t, db); n == 0 {
		t.Error("the full-text index lost its rows")
	}
	db.Close()

	// Today's ingest reads the file again, its extractor key being new:
	// its rows replace the old ones.
	const oldKey = "reader 2; extract 4; dict e56838198857320a"
	proc, err := ingest.New(ingest.Config{Workers: 1, BusyTimeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir("..") // the fixture holds the path as reached from the repository root
	sum, err := proc.Run(ctx, dbPath, "corpus/sample")
	if err != nil || sum.Ingested != 1 || sum.Pruned != 1 {
		t.Fatalf("re-ingest: %+v, %v; want 1 ingested, 1 pruned", sum, err)
	}
	db, err = schema.Open(ctx, dbPath, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	abs, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	path = filepath.ToSlash(abs)
	check("re-ingested")
	var root, rel string
	if err := db.QueryRow(`SELECT root, rel FROM v_paths`).Scan(&root, &rel); err != nil {
		t.Fatal(err)
	}
	if root != filepath.ToSlash(filepath.Dir(abs)) || rel != "2020-xihu-services.txt" {
		t.Errorf("re-ingested: root %q, rel %q; want the sample folder and the file's name", root, rel)
	}
	var paths int
	if err := db.QueryRow(`SELECT count(*) FROM v_paths`).Scan(&paths); err != nil || paths != 1 {
		t.Errorf("re-ingested: %d paths (%v), want 1", paths, err)
	}
	var key string
	var endLines int
	if err := db.QueryRow(`SELECT extractor, (SELECT count(end_line) FROM v_blocks) FROM documents`).Scan(&key, &endLines); err != nil {
		t.Fatal(err)
	}
	if key == oldKey || endLines != 97 {
		t.Errorf("after re-ingest: extractor %q, %d blocks with end_line; want a new key and 97", key, endLines)
	}
}

func countFTS(t *testing.T, db *sql.DB) int {
	t.Helper()
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM unit_texts_fts WHERE unit_texts_fts MATCH '"楼宇经济"'`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func projects(t *testing.T, db *sql.DB) []string {
	t.Helper()
	rows, err := db.Query(`SELECT project_name FROM v_reports ORDER BY report_no`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	return out
}

func copyFile(t *testing.T, src, dst string) {
	t.Helper()
	in, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestReadOnlyOpenUpgrades: reports opens databases read-only; one written
// by an earlier version is upgraded first, so that its views are this
// program's, and one of a later version is refused with the reason.
func TestReadOnlyOpenUpgrades(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "v3.db")
	copyFile(t, filepath.Join("testdata", "v3-sample.db"), old)
	db, err := schema.OpenReadOnly(old)
	if err != nil {
		t.Fatal(err)
	}
	var version, blocks, projects int
	if err := db.QueryRow(`PRAGMA user_version`).Scan(&version); err != nil || version != schema.Version {
		t.Errorf("user_version = %d (%v), want %d", version, err, schema.Version)
	}
	// A view of the current schema answers; the old data is all there.
	if err := db.QueryRow(`SELECT count(*) FROM v_table_blocks`).Scan(&blocks); err != nil {
		t.Errorf("v_table_blocks after the upgrade: %v", err)
	}
	if err := db.QueryRow(`SELECT count(*) FROM v_reports`).Scan(&projects); err != nil || projects != 3 {
		t.Errorf("v_reports: %d rows (%v), want 3", projects, err)
	}
	if _, err := db.Exec(`DELETE FROM documents`); err == nil {
		t.Error("a read-only handle wrote after the upgrade")
	}
	db.Close()

	// A later version than this program knows.
	future := filepath.Join(dir, "future.db")
	copyFile(t, old, future)
	w, err := sql.Open("sqlite3", future)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Exec(fmt.Sprintf(`PRAGMA user_version = %d`, schema.Version+1)); err != nil {
		t.Fatal(err)
	}
	w.Close()
	if db, err := schema.OpenReadOnly(future); err == nil {
		db.Close()
		t.Error("a database of a later version was opened")
	} else if !strings.Contains(err.Error(), "newer than this program") {
		t.Errorf("later version: %v", err)
	}
}

// TestUpgradeBlockText upgrades the v3 fixture and reads each block's and
// cell's text back as it was: the paragraphs its sections' texts hold
// are stored there only (migration 0015), the cells' in their units'
// (0020).
func TestUpgradeBlockText(t *testing.T) {
	ctx := context.Background()
	dbPath := filepath.Join(t.TempDir(), "v3.db")
	copyFile(t, filepath.Join("testdata", "v3-sample.db"), dbPath)
	before := blockTexts(t, dbPath, `SELECT block_no, text FROM blocks ORDER BY block_no`)
	fixture := filepath.Join("testdata", "v3-sample.db")

	db, err := schema.Open(ctx, dbPath, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	after := blockTexts(t, dbPath, `SELECT block_no, text FROM v_blocks ORDER BY block_no`)
	if len(after) != 97 || !slices.Equal(after, before) {
		t.Errorf("v_blocks after the upgrade differs from blocks before (%d and %d blocks)", len(after), len(before))
		for i := range min(len(after), len(before)) {
			if after[i] != before[i] {
				t.Errorf("first difference: %q, was %q", after[i], before[i])
				break
			}
		}
	}
	// The texts are numbered from 1 (migration 0016), every unit and
	// block names one that is there, and the index agrees with them.
	var texts, maxID, dangling int
	if err := db.QueryRow(`SELECT count(*), max(text_id),
		(SELECT count(*) FROM search_unit_rows WHERE text_id NOT IN (SELECT text_id FROM unit_texts))
		+ (SELECT count(*) FROM blocks WHERE text_id NOT IN (SELECT text_id FROM unit_texts))
		FROM unit_texts`).Scan(&texts, &maxID, &dangling); err != nil {
		t.Fatal(err)
	}
	if texts == 0 || maxID != texts || dangling != 0 {
		t.Errorf("%d texts, ids up to %d, %d rows naming none; want ids 1 to the count and none", texts, maxID, dangling)
	}
	if _, err := db.Exec(`INSERT INTO unit_texts_fts (unit_texts_fts) VALUES ('integrity-check')`); err != nil {
		t.Errorf("the index and unit_texts differ: %v", err)
	}
	// Cells too (migration 0020): 78 of the fixture's 183 have a text of
	// 4 bytes or more that a cell unit of theirs holds as written
	// (counted over its search_units in Python).
	cellsBefore := blockTexts(t, fixture, `SELECT row * 100 + col, text FROM table_cells ORDER BY table_no, row, col`)
	cellsAfter := blockTexts(t, dbPath, `SELECT row * 100 + col, text FROM v_table_cells ORDER BY table_no, row, col`)
	if len(cellsAfter) != 183 || !slices.Equal(cellsAfter, cellsBefore) {
		t.Errorf("v_table_cells after the upgrade differs from table_cells before (%d and %d cells)", len(cellsAfter), len(cellsBefore))
	}
	var cellsInUnit int
	if err := db.QueryRow(`SELECT count(*) FROM table_cells WHERE text IS NULL`).Scan(&cellsInUnit); err != nil {
		t.Fatal(err)
	}
	if cellsInUnit != 78 {
		t.Errorf("%d cells name a unit text, want 78", cellsInUnit)
	}
	var inUnit int
	if err := db.QueryRow(`SELECT count(*) FROM blocks WHERE text IS NULL`).Scan(&inUnit); err != nil {
		t.Fatal(err)
	}
	// 33 of the fixture's paragraphs are 32 bytes or more and stand in
	// their section's text (counted over its search_units in Python).
	if inUnit != 33 {
		t.Errorf("%d blocks stored as a place in a section's text, want 33", inUnit)
	}
}

// blockTexts returns the rows of q, a number and a text, as lines.
func blockTexts(t *testing.T, dbPath, q string) []string {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+dbPath+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var no int
		var text string
		if err := rows.Scan(&no, &text); err != nil {
			t.Fatal(err)
		}
		out = append(out, fmt.Sprintf("%d %s", no, text))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
