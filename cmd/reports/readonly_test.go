package main

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/govreports/govreports/cmd/internal/unprivileged"
	"github.com/govreports/govreports/schema"
)

func TestMain(m *testing.M) {
	if args, ok := unprivileged.Args(); ok {
		os.Exit(run(context.Background(), args, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// TestReadOnlyFolder: a WAL database in a folder that cannot be written
// (no -shm can be made beside it) is still queried. The command runs as
// an unprivileged user, whom the folder's permissions bind.
func TestReadOnlyFolder(t *testing.T) {
	dir := filepath.Join(unprivileged.Dir(t), "media")
	os.Mkdir(dir, 0o755)
	path := filepath.Join(dir, "reports.db")
	db, err := schema.Open(context.Background(), path, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`INSERT INTO meta (key, value) VALUES ('note', '只读介质')`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := os.Stat(path + "-shm"); err == nil {
		t.Fatal("a -shm file was left: the test would not show anything")
	}
	os.Chmod(path, 0o444)
	os.Chmod(dir, 0o555)
	code, out, errs := unprivileged.Run(t, "sql", "--db", path, "--csv", "SELECT value FROM meta WHERE key = 'note'")
	if code != 0 || out != "value\n只读介质\n" {
		t.Errorf("read-only folder: exit %d, %q, %q", code, out, errs)
	}
	code, _, errs = unprivileged.Run(t, "sql", "--db", path, "SELECT count(*) FROM v_reports")
	if code != 0 {
		t.Errorf("the views in a read-only folder: exit %d, %q", code, errs)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the folder holds %v", entries)
	}
}

// TestNotSQLite: reports refuses a file that is not an SQLite database
// with a sentence, and leaves it alone.
func TestNotSQLite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "报告.docx")
	data := []byte("PK\x03\x04 a Word file, not a database " + strings.Repeat(".", 100))
	os.WriteFile(path, data, 0o644)
	for _, args := range [][]string{
		{"sql", "--db", path, "SELECT 1"},
		{"search", "--db", path, "绩效"},
		{"export", "--db", path, "-o", filepath.Join(t.TempDir(), "x.csv"), "v_reports"},
	} {
		code, _, errs := runCmd(t, args...)
		if code != 1 || !strings.Contains(errs, path+" is not an SQLite database") {
			t.Errorf("%s: exit %d, %q; want 1 and a sentence", args[0], code, errs)
		}
	}
	if now, _ := os.ReadFile(path); string(now) != string(data) {
		t.Error("the file changed")
	}
}

// TestOtherApplicationReadAsItIs: reports sql reads another application's
// SQLite file read-only, as it is (documented in the README).
func TestOtherApplicationReadAsItIs(t *testing.T) {
	path := filepath.Join(t.TempDir(), "other.db")
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`PRAGMA application_id = 5`, `CREATE TABLE t (x)`, `INSERT INTO t VALUES ('外部')`} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	before, _ := os.ReadFile(path)
	if code, out, errs := runCmd(t, "sql", "--db", path, "--csv", "SELECT x FROM t"); code != 0 || out != "x\n外部\n" {
		t.Errorf("exit %d, %q, %q", code, out, errs)
	}
	if code, _, errs := runCmd(t, "sql", "--db", path, "DELETE FROM t"); code != 1 || !strings.Contains(errs, "read-only:") {
		t.Errorf("a write: exit %d, %q", code, errs)
	}
	if now, _ := os.ReadFile(path); string(now) != string(before) {
		t.Error("the file changed")
	}
}
