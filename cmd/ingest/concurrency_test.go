package main

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/govreports/govreports/corpus"
	"github.com/govreports/govreports/ingest"
	"github.com/govreports/govreports/schema"
)

// variants writes n copies of the sample into dir, each with a line of its
// own so that each is a document of its own.
func variants(t *testing.T, dir string, n int) {
	t.Helper()
	data, err := os.ReadFile(corpus.SamplePath())
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(dir, 0o755)
	for i := range n {
		body := append(append([]byte(nil), data...), fmt.Sprintf("\n%s 第%d份\n", filepath.Base(dir), i)...)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("r%03d.txt", i)), body, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestTwoIngestsOneDatabase: two ingests on one database, over the same
// folder and over different ones, both finish when the busy timeout is
// long enough, and no document is stored twice. The runs share one
// processor (the dictionary is loaded once) but each opens the database
// as a process of its own would, and contends for its lock.
func TestTwoIngestsOneDatabase(t *testing.T) {
	proc, err := ingest.New(ingest.Config{Workers: 1, BusyTimeout: 2 * time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	a, b := filepath.Join(root, "a"), filepath.Join(root, "b")
	variants(t, a, 6)
	variants(t, b, 6)
	db := filepath.Join(t.TempDir(), "reports.db")
	var wg sync.WaitGroup
	for i, dir := range []string{a, a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if sum, err := proc.Run(context.Background(), db, dir); err != nil || sum.Failed > 0 {
				t.Errorf("ingest %d: %+v, %v", i, sum, err)
			}
		}()
	}
	wg.Wait()
	conn, err := schema.OpenReadOnly(db)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	for q, want := range map[string]int{
		`SELECT count(*) FROM documents`:                              12,
		`SELECT count(DISTINCT sha256 || extractor) FROM documents`:   12,
		`SELECT count(*) FROM paths`:                                  12,
		`SELECT count(*) FROM v_reports`:                              36,
		`SELECT count(*) FROM documents WHERE status <> 'ok'`:         0,
		`SELECT count(*) FROM (SELECT path FROM paths GROUP BY path)`: 12,
	} {
		var n int
		if err := conn.QueryRow(q).Scan(&n); err != nil || n != want {
			t.Errorf("%s = %d (%v), want %d", q, n, err, want)
		}
	}
}

// TestIngestWaitsForTheLock: an ingest waits for another process's write
// lock up to --busy-timeout: it finishes when the lock is let go in time,
// and exits 2 with a sentence when it is not.
func TestIngestWaitsForTheLock(t *testing.T) {
	db := filepath.Join(t.TempDir(), "reports.db")
	if code, _, errs := ingestRun("--db", db, corpus.SamplePath()); code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	dir := t.TempDir()
	variants(t, dir, 2)
	holder, err := sql.Open("sqlite3", db+"?_txlock=immediate")
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	hold := func() *sql.Tx {
		tx, err := holder.Begin()
		if err != nil {
			t.Fatal(err)
		}
		return tx
	}

	tx := hold()
	code, _, errs := ingestRun("--db", db, "--busy-timeout", "200ms", dir)
	if code != exitUsage || !strings.Contains(errs, "database is locked by another process") {
		t.Errorf("lock held past --busy-timeout: exit %d, %q; want 2 and a sentence", code, errs)
	}
	tx.Rollback()

	tx = hold()
	time.AfterFunc(time.Second, func() { tx.Rollback() })
	code, out, errs := ingestRun("--db", db, "--busy-timeout", "1m", dir)
	if code != exitOK || !strings.Contains(out, "2 ingested (6 reports)") {
		t.Errorf("lock let go within --busy-timeout: exit %d\n%s%s", code, out, errs)
	}
}

// TestReadersSeeWholeDocuments: a reader querying again and again while an
// ingest runs never sees a document without its reports.
func TestReadersSeeWholeDocuments(t *testing.T) {
	dir := t.TempDir()
	variants(t, dir, 30)
	db := filepath.Join(t.TempDir(), "reports.db")
	// The schema first, so that the reader has tables to read.
	w, err := schema.Open(context.Background(), db, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	w.Close()

	done := make(chan int)
	go func() {
		code, _, errs := ingestRun("--db", db, "--workers", "2", dir)
		if code != exitOK {
			t.Errorf("ingest: exit %d: %s", code, errs)
		}
		close(done)
	}()
	conn, err := schema.OpenReadOnly(db)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	reads, seen := 0, map[int]bool{}
	for running := true; running; {
		select {
		case <-done:
			running = false
		default:
		}
		var docs, partial int
		err := conn.QueryRow(`SELECT count(*), count(*) FILTER (WHERE
			(SELECT count(*) FROM reports r WHERE r.document_id = d.document_id) <> 3)
			FROM documents d WHERE status = 'ok'`).Scan(&docs, &partial)
		if err != nil {
			t.Fatal(err)
		}
		reads++
		seen[docs] = true
		if partial > 0 {
			t.Fatalf("read %d: %d of %d documents without their 3 reports", reads, partial, docs)
		}
	}
	if len(seen) < 2 {
		t.Logf("the reader saw only %v documents in %d reads: the ingest was too quick to overlap", seen, reads)
	}
}
