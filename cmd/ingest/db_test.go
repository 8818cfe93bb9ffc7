package main

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govreports/govreports/cmd/internal/unprivileged"
	"github.com/govreports/govreports/corpus"
	"github.com/govreports/govreports/schema"
)

func TestMain(m *testing.M) {
	if args, ok := unprivileged.Args(); ok {
		ctx, stop := interruptible()
		code := run(ctx, args, os.Stdout, os.Stderr, false)
		stop()
		os.Exit(code)
	}
	os.Exit(m.Run())
}

// ingestRun runs ingest in the process and returns its exit status and
// output.
func ingestRun(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(context.Background(), args, &out, &errb, false)
	return code, out.String(), errb.String()
}

// state is what must not change of a refused file: its bytes, its
// modification time and the names in its folder (no -wal or -shm).
func state(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return string(data) + "\x00" + fi.ModTime().String() + "\x00" + strings.Join(names, " ")
}

func sqliteFile(t *testing.T, stmts ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "other.db")
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

// TestOurDatabaseOrNone: --db names a new database or one of ours; another
// application's database, a non-empty SQLite file without our id or meta,
// and a file that is not SQLite are refused with exit 2 and a sentence,
// and left byte for byte as they were, with no -wal or -shm beside them.
func TestOurDatabaseOrNone(t *testing.T) {
	text := filepath.Join(t.TempDir(), "notes.db")
	os.WriteFile(text, []byte("会议纪要：不是数据库。\n"), 0o644)
	for _, tt := range []struct{ name, path, want string }{
		{"text", text, "is not an SQLite database"},
		{"another application", sqliteFile(t, `PRAGMA journal_mode = WAL`, `PRAGMA application_id = 1`, `CREATE TABLE documents (x)`),
			"another application's SQLite database"},
		{"no id", sqliteFile(t, `CREATE TABLE documents (id INTEGER PRIMARY KEY)`), "tables of another application"},
	} {
		before := state(t, tt.path)
		code, _, errs := ingestRun("--db", tt.path, corpus.SamplePath())
		if code != exitUsage || !strings.Contains(errs, tt.want) || !strings.Contains(errs, tt.path) {
			t.Errorf("%s: exit %d, %q; want %d and a sentence naming the file and saying %q", tt.name, code, errs, exitUsage, tt.want)
		}
		if state(t, tt.path) != before {
			t.Errorf("%s: the refused file or its folder changed", tt.name)
		}
	}

	empty := filepath.Join(t.TempDir(), "empty.db")
	os.WriteFile(empty, nil, 0o644)
	if code, out, errs := ingestRun("--db", empty, corpus.SamplePath()); code != exitOK || !strings.Contains(out, "1 ingested (3 reports)") {
		t.Errorf("a 0-byte file: exit %d\n%s%s", code, out, errs)
	}
}

// TestJournalFlag: --journal delete leaves the database in rollback-journal
// mode; on a network filesystem WAL is replaced with a warning.
func TestJournalFlag(t *testing.T) {
	db := filepath.Join(t.TempDir(), "reports.db")
	if code, _, errs := ingestRun("--db", db, "--journal", "delete", corpus.SamplePath()); code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	conn, err := sql.Open("sqlite3", db)
	if err != nil {
		t.Fatal(err)
	}
	var mode string
	conn.QueryRow(`PRAGMA journal_mode`).Scan(&mode)
	conn.Close()
	if mode != "delete" {
		t.Errorf("journal_mode %q after --journal delete", mode)
	}
	if code, _, errs := ingestRun("--db", db, "--journal", "truncate", corpus.SamplePath()); code != exitUsage || !strings.Contains(errs, "want wal or delete") {
		t.Errorf("--journal truncate: exit %d, %q", code, errs)
	}

	for _, tt := range []struct{ asked, netfs, want, warning string }{
		{"", "", "", ""},
		{"delete", "", "delete", ""},
		{"", "NFS", "delete", "network filesystem (NFS), where SQLite's WAL mode is unsafe: using --journal delete"},
		{"wal", "CIFS", "wal", "--journal delete is safer"},
		{"delete", "NFS", "delete", ""},
	} {
		var b bytes.Buffer
		got := journalMode(tt.asked, tt.netfs, &b)
		if got != tt.want || tt.warning == "" && b.Len() > 0 || !strings.Contains(b.String(), tt.warning) {
			t.Errorf("journalMode(%q, %q) = %q, %q; want %q and %q", tt.asked, tt.netfs, got, &b, tt.want, tt.warning)
		}
	}
	if fs := schema.NetworkFS(db); fs != "" {
		t.Errorf("a temporary folder is on a network filesystem (%s)?", fs)
	}
}

// TestReadOnlyDatabase: an ingest with nothing to do succeeds on a
// database it cannot write; one with something to do exits 2 and says
// why. It runs as an unprivileged user, whom permissions bind.
func TestReadOnlyDatabase(t *testing.T) {
	dir := unprivileged.Dir(t)
	sample := filepath.Join(dir, "sample.txt")
	copyFile(t, corpus.SamplePath(), sample, 0)
	db := filepath.Join(dir, "ro", "reports.db")
	os.Mkdir(filepath.Dir(db), 0o755)
	if code, _, errs := ingestRun("--db", db, sample); code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	os.Chmod(db, 0o444)
	os.Chmod(filepath.Dir(db), 0o555)
	code, out, errs := unprivileged.Run(t, "--db", db, sample)
	if code != exitOK || !strings.Contains(out, "0 ingested (0 reports), 0 same content as another file, 1 unchanged") {
		t.Errorf("nothing to do on a read-only database: exit %d\n%s%s", code, out, errs)
	}
	// Keywords marked stale (a run was killed before rebuilding them) do
	// not fail a run with nothing to do: the mark waits for a run that can
	// write. The connection that sets it stays open, so that the -shm file
	// the read-only run needs stays.
	conn, err := sql.Open("sqlite3", db)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.Exec(`INSERT INTO meta (key, value) VALUES ('keywords_stale', '1')`); err != nil {
		t.Fatal(err)
	}
	code, out, errs = unprivileged.Run(t, "--db", db, sample)
	if code != exitOK || !strings.Contains(out, "1 unchanged") {
		t.Errorf("nothing to do on a read-only database with stale keywords: exit %d\n%s%s", code, out, errs)
	}
	conn.Close()
	os.WriteFile(filepath.Join(dir, "new.txt"), []byte("新的报告\n"), 0o644)
	code, _, errs = unprivileged.Run(t, "--db", db, dir)
	if code != exitUsage || !strings.Contains(errs, db+" cannot be written (the file or its folder is read-only)") {
		t.Errorf("something to do on a read-only database: exit %d, %q; want 2 and the reason", code, errs)
	}
}
