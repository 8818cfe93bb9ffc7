package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

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
