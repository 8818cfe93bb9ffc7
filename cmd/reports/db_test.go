package main

import (
	"bytes"
	"context"
	"database/sql"
	"path/filepath"
	"testing"

	_ "github.com/mattn/go-sqlite3"
)

// testDB creates a small database with Chinese text, integers, reals and
// NULLs, and returns its path.
func testDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "reports.db")
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	_, err = db.Exec(`
CREATE TABLE reports (
	report_id INTEGER PRIMARY KEY,
	project_name TEXT NOT NULL,
	evaluation_year INTEGER,
	budget REAL,
	note TEXT
);
INSERT INTO reports VALUES
	(1, '现代服务业专项经费', 2020, 724000, NULL),
	(2, '楼宇经济', 2021, 265800.5, '含"引号", 逗号
和换行'),
	(3, 'APP建设', NULL, NULL, 'ok');
CREATE TABLE funds (report_id INTEGER, item TEXT, amount REAL);
INSERT INTO funds VALUES (1, '工作经费', 724000), (2, '专项资金', 1.25);
CREATE INDEX funds_report ON funds (report_id);
CREATE VIEW v_reports AS
	SELECT r.report_id, r.project_name, r.evaluation_year, sum(f.amount) AS total
	FROM reports r LEFT JOIN funds f USING (report_id)
	GROUP BY r.report_id;
`)
	if err != nil {
		t.Fatal(err)
	}
	return path
}

// runCmd runs the command line as main does and returns its exit status
// and output.
func runCmd(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}
