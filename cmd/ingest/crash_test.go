package main

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/govreports/govreports/cmd/internal/unprivileged"
	"github.com/govreports/govreports/corpus"
	"github.com/govreports/govreports/schema"
)

// count runs a query of one number on the database.
func count(t *testing.T, db, query string) int {
	t.Helper()
	conn, err := schema.OpenReadOnly(db)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var n int
	if err := conn.QueryRow(query).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

// TestStaleKeywordsAreRebuilt: a process killed between the commit of its
// last documents and the keyword refresh left v_keywords empty, and later
// runs, finding every file unchanged, never refreshed it. The kill is
// simulated by emptying term_idf after a run, with the stale mark the
// writer sets (as a killed run leaves it) and without it (as a database
// of an earlier version was left); the next run, with nothing to read,
// rebuilds the keywords both times.
func TestStaleKeywordsAreRebuilt(t *testing.T) {
	dir := t.TempDir()
	copyFile(t, corpus.SamplePath(), filepath.Join(dir, "a.txt"), 0)
	db := filepath.Join(t.TempDir(), "reports.db")
	if code, out, errs := ingestRun("--db", db, dir); code != exitOK {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	want := count(t, db, `SELECT count(*) FROM v_keywords`)
	if want == 0 {
		t.Fatal("no keywords after a clean run")
	}
	if n := count(t, db, `SELECT count(*) FROM meta WHERE key = 'keywords_stale'`); n != 0 {
		t.Errorf("the stale mark is left after a clean run")
	}
	for _, mark := range []bool{true, false} {
		conn, err := schema.Open(context.Background(), db, 0)
		if err != nil {
			t.Fatal(err)
		}
		stmts := []string{`DELETE FROM term_idf`}
		if mark {
			stmts = append(stmts, `INSERT INTO meta (key, value) VALUES ('keywords_stale', '1')`)
		}
		for _, q := range stmts {
			if _, err := conn.Exec(q); err != nil {
				t.Fatal(err)
			}
		}
		conn.Close()
		code, out, errs := ingestRun("--db", db, dir)
		if code != exitOK || !strings.Contains(out, "1 unchanged") {
			t.Fatalf("mark %v: exit %d, want all unchanged\n%s%s", mark, code, out, errs)
		}
		if n := count(t, db, `SELECT count(*) FROM v_keywords`); n != want {
			t.Errorf("mark %v: %d keywords after the next run, want %d", mark, n, want)
		}
		if n := count(t, db, `SELECT count(*) FROM meta WHERE key = 'keywords_stale'`); n != 0 {
			t.Errorf("mark %v: the stale mark is left after the refresh", mark)
		}
	}
}

// content is what a database holds, as text to compare: the paths and the
// content each holds, the counts of reports, terms and index rows, and
// every keyword with its weight.
func content(t *testing.T, db string) string {
	t.Helper()
	conn, err := schema.OpenReadOnly(db)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var b strings.Builder
	for _, q := range []string{
		`SELECT group_concat(path || ' ' || sha256 || ' ' || status, char(10)) FROM (
			SELECT p.path, d.sha256, d.status FROM paths p JOIN documents d USING (document_id) ORDER BY p.path)`,
		`SELECT 'documents ' || count(*) FROM documents`,
		`SELECT 'reports ' || count(*) FROM v_reports`,
		`SELECT 'term_df ' || count(*) || ' ' || total(df) FROM term_df`,
		`SELECT 'search units ' || count(*) FROM search_units`,
		`SELECT 'keywords ' || count(*) FROM v_keywords`,
		`SELECT group_concat(keyword || ' ' || weight, char(10)) FROM (
			SELECT k.keyword, k.weight FROM v_keywords k JOIN reports r USING (report_id)
			JOIN paths p ON p.document_id = r.document_id
			ORDER BY p.path, r.report_id, k.keyword)`,
	} {
		var s string
		if err := conn.QueryRow(q).Scan(&s); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		b.WriteString(s + "\n")
	}
	return b.String()
}

// waitForDocuments waits until the database at db holds at least n
// committed documents read as ok (a skipped pipe is a document too, but
// not one the run read), or the command ends; it says which.
func waitForDocuments(t *testing.T, db string, n int, ended <-chan error) bool {
	t.Helper()
	for deadline := time.Now().Add(3 * time.Minute); time.Now().Before(deadline); {
		select {
		case err := <-ended:
			t.Logf("the ingest ended before it was stopped: %v", err)
			return false
		case <-time.After(20 * time.Millisecond):
		}
		// A reader that opens the database while ingest is creating it
		// (before it is in WAL mode) waits on its lock until the run ends;
		// the -wal file says the creation is over.
		if _, err := os.Stat(db + "-wal"); err != nil {
			continue
		}
		conn, err := schema.OpenReadOnly(db)
		if err != nil {
			continue
		}
		var got int
		conn.QueryRow(`SELECT count(*) FROM documents WHERE status = 'ok'`).Scan(&got)
		conn.Close()
		if got >= n {
			return true
		}
	}
	t.Fatalf("the ingest committed fewer than %d documents in 3 minutes", n)
	return false
}

// TestKilledIngestResumes: an ingest process killed (SIGKILL, as the OOM
// killer or a power cut would) after some documents are committed, then
// run again, leaves the database a clean run makes: the same documents
// and paths, reports, term counts, and keywords (not empty).
func TestKilledIngestResumes(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the ingest three times")
	}
	dir := filepath.Join(t.TempDir(), "reports")
	// Enough files that the run is still going when it is killed: 40
	// took ~0.1 s once the dictionary no longer loaded mid-run.
	variants(t, dir, 300)
	write := func(name string, data []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("bad.txt", append([]byte("二、评价结论\n"), bytes.Repeat([]byte{0, 0xff, 0x13, 0x88}, 4096)...))
	write("empty.txt", nil)

	clean := filepath.Join(t.TempDir(), "clean.db")
	if code, out, errs := ingestRun("--db", clean, "--workers", "2", dir); code > exitSomeFailed {
		t.Fatalf("clean run: exit %d\n%s%s", code, out, errs)
	}
	want := content(t, clean)
	if !strings.Contains(want, "\nkeywords ") || strings.Contains(want, "\nkeywords 0\n") {
		t.Fatalf("the clean run has no keywords:\n%.2000s", want)
	}

	db := filepath.Join(t.TempDir(), "killed.db")
	cmd := unprivileged.Self(t, "--db", db, "--workers", "1", "--commit-every", "50ms", dir)
	var errb bytes.Buffer
	cmd.Stderr = &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	ended := make(chan error, 1)
	go func() { ended <- cmd.Wait() }()
	if waitForDocuments(t, db, 3, ended) {
		cmd.Process.Kill()
		<-ended
	}
	killedAt := count(t, db, `SELECT count(*) FROM documents`)
	t.Logf("killed with %d documents committed", killedAt)

	if code, out, errs := ingestRun("--db", db, "--workers", "2", dir); code > exitSomeFailed {
		t.Fatalf("re-run: exit %d\n%s%s", code, out, errs)
	}
	if got := content(t, db); got != want {
		t.Errorf("after a kill and a re-run the database differs from a clean run's:\n%.3000s\nwant:\n%.3000s", got, want)
	}
	check, err := sql.Open("sqlite3", "file:"+db+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer check.Close()
	var ok string
	if err := check.QueryRow(`PRAGMA integrity_check`).Scan(&ok); err != nil || ok != "ok" {
		t.Errorf("integrity_check: %s, %v", ok, err)
	}
}

// TestInterruptedIngestExits130: SIGINT during a run, with a named pipe
// among the paths, stops it with exit status 130 and what was committed
// kept; neither the pipe nor the signal hangs it.
func TestInterruptedIngestExits130(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "reports")
	// Enough files that the run is still going when SIGINT comes: 40
	// took ~0.1 s once the dictionary no longer loaded mid-run, and 300
	// (2.4 s) once ended first while the whole suite loaded the machine.
	// The run stops at the signal, so more files cost only their writing.
	variants(t, dir, 1000)
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.txt"), 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	db := filepath.Join(t.TempDir(), "reports.db")
	cmd := unprivileged.Self(t, "--db", db, "--workers", "1", "--commit-every", "50ms", filepath.Join(dir, "pipe.txt"), dir)
	var errb bytes.Buffer
	cmd.Stderr = &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	ended := make(chan error, 1)
	go func() { ended <- cmd.Wait() }()
	if !waitForDocuments(t, db, 2, ended) {
		t.Skipf("the run ended before it could be interrupted:\n%s", &errb)
	}
	cmd.Process.Signal(os.Interrupt)
	var err error
	select {
	case err = <-ended:
	case <-time.After(time.Minute):
		cmd.Process.Kill()
		t.Fatalf("the ingest did not stop within a minute of SIGINT:\n%s", &errb)
	}
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != exitInterrupted {
		t.Fatalf("exit %v, want %d:\n%s", err, exitInterrupted, &errb)
	}
	if !strings.Contains(errb.String(), "interrupted") {
		t.Errorf("stderr does not say it was interrupted:\n%s", &errb)
	}
	if n := count(t, db, `SELECT count(*) FROM documents WHERE status = 'ok'`); n < 2 {
		t.Errorf("%d documents kept after the interrupt, want the 2 or more committed before it", n)
	}
}
