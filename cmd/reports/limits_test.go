package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/govreports/govreports/corpus"
	"github.com/govreports/govreports/schema"
)

// forever is a query that never ends.
const forever = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c"

// TestQueryTimeout: a query that runs for ever is stopped by --timeout
// (sql, export) with a sentence; one that is interrupted (Ctrl-C cancels
// the context) stops with exit status 130.
func TestQueryTimeout(t *testing.T) {
	db := testDB(t)
	for _, args := range [][]string{
		{"sql", "--db", db, "--timeout", "1s", forever},
		{"sql", "--db", db, "--timeout", "1s", "--csv", forever},
		{"export", "--db", db, "--timeout", "1s", "-o", filepath.Join(t.TempDir(), "x.csv"), "--query", forever},
	} {
		start := time.Now()
		code, _, errs := runCmd(t, args...)
		if took := time.Since(start); code != 1 || !strings.Contains(errs, "ran longer than --timeout 1s and was stopped") || took > 10*time.Second {
			t.Errorf("%s: exit %d after %v, %q; want 1 after about 1s and the reason", args[0], code, took, errs)
		}
	}

	ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
	defer cancel()
	var out, errb bytes.Buffer
	start := time.Now()
	code := run(ctx, []string{"sql", "--db", db, forever}, &out, &errb)
	if took := time.Since(start); code != 130 || !strings.Contains(errb.String(), "interrupted") || took > 10*time.Second {
		// A deadline of the caller's is an interrupt too: only --timeout
		// is named as the time limit.
		t.Errorf("interrupted: exit %d after %v, %q; want 130", code, took, &errb)
	}
}

// countingWriter counts bytes and records the most live heap (measured
// after a collection, so garbage does not count) while rows arrive.
type countingWriter struct {
	n, writes int
	peak      uint64
}

func (w *countingWriter) Write(p []byte) (int, error) {
	w.n += len(p)
	w.writes++
	if w.writes%2000 == 0 {
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		w.peak = max(w.peak, ms.HeapAlloc)
	}
	return len(p), nil
}

// TestCSVStreams: two million rows go out as CSV in bounded memory: they
// are written as they come, never held.
func TestCSVStreams(t *testing.T) {
	if testing.Short() {
		t.Skip("two million rows")
	}
	db, err := schema.OpenReadOnly(testDB(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	// The heap may hold what other tests left (the dictionary): what
	// counts is how much it grows.
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapAlloc
	var w countingWriter
	n, err := writeCSV(context.Background(), &w, db,
		"WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 2000000) SELECT x, '绩效评价报告第' || x || '行' AS text FROM c")
	if err != nil || n != 2000000 {
		t.Fatalf("%d rows, %v", n, err)
	}
	// The output is ~70 MB; holding it would show in the heap.
	grew := int64(w.peak) - int64(base)
	t.Logf("%d MB written, the live heap grew by %d KB at most", w.n>>20, grew>>10)
	if w.n < 60<<20 || grew > 32<<20 {
		t.Errorf("%d MB written, the heap grew by %d MB; want less than 32 MB", w.n>>20, grew>>20)
	}
}

// TestTableCapped: the aligned table, which holds its rows, shows the
// first maxTableRows and says there are more; it stops reading there.
func TestTableCapped(t *testing.T) {
	db := testDB(t)
	code, out, errs := runCmd(t, "sql", "--db", db, "--timeout", "10s",
		"WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != maxTableRows+3 || !strings.HasPrefix(lines[len(lines)-1], "(the first 10000 rows; more follow") {
		t.Errorf("%d lines, the last %q", len(lines), lines[len(lines)-1])
	}
}

// TestLongSearchQuery: a query pasted from a page (3,200 characters) is
// cut to its first 64 words with a warning, and answers in about the time
// of a short one.
func TestLongSearchQuery(t *testing.T) {
	db := sampleDB(t)
	seg := testProcessor(t).Segmenter()
	text, err := os.ReadFile(corpus.SamplePath())
	if err != nil {
		t.Fatal(err)
	}
	long := []rune(strings.Join(strings.Fields(string(text)), ""))[:3200]
	conn, err := schema.OpenReadOnly(db)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	timed := func(q string) (time.Duration, string) {
		o := &searchOptions{db: db, limit: 20, query: q}
		var out, errb bytes.Buffer
		start := time.Now()
		if err := o.run(context.Background(), conn, seg, &out, &errb); err != nil {
			t.Fatalf("%.20s…: %v", q, err)
		}
		return time.Since(start), errb.String()
	}
	short, _ := timed("楼宇经济")
	took, warning := timed(string(long))
	if !strings.Contains(warning, "the query is long (3200 characters); searching for its first") {
		t.Errorf("no warning of the cut: %q", warning)
	}
	// What keeps a long query as fast as a short one is the cut: the query
	// searched holds at most maxQueryWords words. (Its time is logged, not
	// asserted: timings belong to benchmarks.)
	t.Logf("a 3,200-character query took %v, a short one %v", took, short)
	cut := capQuery(seg, string(long), &bytes.Buffer{})
	n := 0
	for _, terms := range seg.QueryTerms(cut) {
		n += len(terms)
	}
	if n > maxQueryWords || n == 0 {
		t.Errorf("the cut query holds %d words, want 1 to %d", n, maxQueryWords)
	}
	if got := capQuery(seg, "楼宇经济", &bytes.Buffer{}); got != "楼宇经济" {
		t.Errorf("a short query was changed: %q", got)
	}
}
