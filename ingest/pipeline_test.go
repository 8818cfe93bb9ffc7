package ingest

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/govreports/govreports/ingest/model"
	"github.com/govreports/govreports/ingest/sniff"
	"github.com/govreports/govreports/schema"
)

// lineReader is a stand-in reader of text: every line a paragraph; files
// holding "PANIC" or "BROKEN" fail, and "SLOW" takes two seconds.
type lineReader struct{ version string }

func (lineReader) Name() string        { return "lines" }
func (r lineReader) Version() string   { return r.version }
func (lineReader) Kinds() []sniff.Kind { return []sniff.Kind{sniff.TXT} }

func (lineReader) Read(_ context.Context, path string, data []byte) (*model.Document, error) {
	switch {
	case strings.Contains(string(data), "PANIC"):
		panic("hostile input")
	case strings.Contains(string(data), "SLOW"):
		time.Sleep(2 * time.Second)
	case strings.Contains(string(data), "BROKEN"):
		return nil, fmt.Errorf("%s: broken", path)
	}
	d := &model.Document{Path: path, Format: model.FormatTXT}
	for i, l := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		d.Body = append(d.Body, model.Block{Para: model.Paragraph{Text: l}, Pos: model.Pos{Line: i + 1}})
	}
	return d, nil
}

// testProcessor is a processor of the lines reader (unless cfg names other
// readers) whose extractor finds nothing: it loads no dictionary.
func testProcessor(cfg Config) *Processor {
	if cfg.Readers == nil {
		cfg.Readers = NewRegistry(lineReader{"1"})
	}
	return newProcessor(cfg, func(context.Context, *model.Document) (*model.Extraction, error) { return &model.Extraction{}, nil }, "test-1")
}

func write(t *testing.T, dir, name, content string) {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func runOnce(t *testing.T, dbPath string, roots ...string) Summary {
	t.Helper()
	sum, err := testProcessor(Config{Workers: 3, BusyTimeout: time.Second}).Run(context.Background(), dbPath, roots...)
	if err != nil {
		t.Fatal(err)
	}
	return sum
}

func TestRunCountsAndRecordsEveryFile(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a/one.txt", "一、项目概况\n正文")
	write(t, dir, "a/two.txt", "二、评价结论")
	write(t, dir, "b/same-as-one.txt", "一、项目概况\n正文")
	write(t, dir, "b/archive.rar", "Rar!\x1a\x07\x00")
	write(t, dir, "b/broken.txt", "BROKEN")
	write(t, dir, "b/hostile.txt", "PANIC")
	write(t, dir, ".hidden/x.txt", "hidden")
	dbPath := filepath.Join(t.TempDir(), "r.db")

	var sameAs []string
	p := testProcessor(Config{Workers: 3, BusyTimeout: time.Second, Progress: func(e Event) {
		if e.Outcome == Duplicate {
			sameAs = append(sameAs, e.Path+" = "+e.SameAs)
		}
	}})
	sum, err := p.Run(context.Background(), dbPath, dir)
	if err != nil {
		t.Fatal(err)
	}
	// On a fresh database the copy is a duplicate, not "unchanged".
	if sum.Seen != 6 || sum.Failed != 2 || sum.Skipped != 1 || sum.Ingested != 2 || sum.Duplicates != 1 || sum.Unchanged != 0 {
		t.Fatalf("first run: %+v", sum)
	}
	dirSlash := filepath.ToSlash(dir)
	// Workers finish in any order: the first to finish is stored.
	one, other := dirSlash+"/b/same-as-one.txt = "+dirSlash+"/a/one.txt", dirSlash+"/a/one.txt = "+dirSlash+"/b/same-as-one.txt"
	if len(sameAs) != 1 || sameAs[0] != one && sameAs[0] != other {
		t.Errorf("duplicates %q, want [%q]", sameAs, one)
	}
	db, err := sql.Open("sqlite3", dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT name, status, coalesce(error, '') FROM v_documents ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for rows.Next() {
		var name, status, msg string
		rows.Scan(&name, &status, &msg)
		got = append(got, name+" "+status)
		if status != "ok" && !strings.Contains(msg, name) {
			t.Errorf("%s: error %q does not name the file", name, msg)
		}
	}
	want := []string{"archive.rar skipped", "broken.txt failed", "hostile.txt failed", "one.txt ok", "two.txt ok"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("documents:\n got %v\nwant %v", got, want)
	}
	var paths int
	db.QueryRow(`SELECT count(*) FROM v_paths`).Scan(&paths)
	if paths != 6 {
		t.Errorf("paths = %d, want 6 (the copy of one.txt recorded too)", paths)
	}

	// A second run does no work for unchanged files; failures are tried again.
	sum = runOnce(t, dbPath, dir)
	if sum.Unchanged != 3 || sum.Ingested != 0 || sum.Failed != 2 || sum.Skipped != 1 {
		t.Errorf("second run: %+v", sum)
	}
	var docs int
	db.QueryRow(`SELECT count(*) FROM documents`).Scan(&docs)
	if docs != 5 {
		t.Errorf("documents after second run = %d, want 5", docs)
	}

	// A changed file replaces its earlier version.
	write(t, dir, "a/two.txt", "二、评价结论\n改过")
	sum = runOnce(t, dbPath, dir)
	if sum.Ingested != 1 || sum.Unchanged != 2 {
		t.Errorf("third run: %+v", sum)
	}
	var blocks int
	db.QueryRow(`SELECT block_count FROM v_documents WHERE path LIKE '%a/two.txt'`).Scan(&blocks)
	db.QueryRow(`SELECT count(*) FROM documents`).Scan(&docs)
	if blocks != 2 || docs != 5 {
		t.Errorf("after change: block_count %d documents %d, want 2 and 5", blocks, docs)
	}
}

func TestRunStopsOnCancel(t *testing.T) {
	dir := t.TempDir()
	for i := range 50 {
		write(t, dir, fmt.Sprintf("f%02d.txt", i), "正文")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	dbPath := filepath.Join(t.TempDir(), "r.db")
	db, err := schema.Open(context.Background(), dbPath, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	sum, err := testProcessor(Config{Workers: 2}).run(ctx, []string{dir}, schema.NewWriter(db, 10, time.Second), nil, nil)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	if sum.Seen == 50 {
		t.Errorf("a cancelled run went through every file")
	}
}

func TestWalkIsStableAndFollowsFileLinks(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "b/2.txt", "x")
	write(t, dir, "a/1.txt", "x")
	write(t, dir, "a/.~lock", "x")
	if err := os.Symlink(filepath.Join(dir, "a", "1.txt"), filepath.Join(dir, "c-link.txt")); err != nil {
		t.Skip(err)
	}
	if err := os.Symlink(dir, filepath.Join(dir, "loop")); err != nil {
		t.Fatal(err)
	}
	var got []string
	err := Walk(context.Background(), []string{dir}, func(f File) error {
		got = append(got, strings.TrimPrefix(f.Path, filepath.ToSlash(dir)+"/"))
		return nil
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := "[a/1.txt b/2.txt c-link.txt]"; fmt.Sprint(got) != want {
		t.Errorf("walk = %v, want %s", got, want)
	}
	// A root that is a link to a folder is walked, its paths under the link.
	link := filepath.Join(t.TempDir(), "archive")
	if err := os.Symlink(filepath.Join(dir, "a"), link); err != nil {
		t.Fatal(err)
	}
	got = nil
	Walk(context.Background(), []string{link}, func(f File) error { got = append(got, f.Path); return nil }, nil)
	if want := "[" + filepath.ToSlash(link) + "/1.txt]"; fmt.Sprint(got) != want {
		t.Errorf("walk of a linked root = %v, want %s", got, want)
	}
}

// A run interrupted halfway keeps every file it counted as ingested.
func TestCancelledRunKeepsWhatItCounted(t *testing.T) {
	dir := t.TempDir()
	for i := range 200 {
		write(t, dir, fmt.Sprintf("f%03d.txt", i), fmt.Sprintf("正文 %d", i))
	}
	dbPath := filepath.Join(t.TempDir(), "r.db")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	n := 0
	p := testProcessor(Config{Workers: 2, BusyTimeout: time.Second, Progress: func(Event) {
		if n++; n == 50 {
			cancel()
		}
	}})
	sum, err := p.Run(ctx, dbPath, dir)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if sum.Ingested < 50 || sum.Ingested == 200 {
		t.Fatalf("ingested %d of 200 after a cancel at 50", sum.Ingested)
	}
	db, err := sql.Open("sqlite3", dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var docs int
	db.QueryRow(`SELECT count(*) FROM documents`).Scan(&docs)
	if docs != sum.Ingested {
		t.Errorf("%d documents in the database, %d counted as ingested", docs, sum.Ingested)
	}
}

// A changed file's old content, copied to a new path in the same run, is
// recorded at that path, not lost.
func TestOldContentMovedAsideInTheSameRun(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "r.txt", "第一版")
	dbPath := filepath.Join(t.TempDir(), "r.db")
	runOnce(t, dbPath, dir)
	write(t, dir, "r.txt", "第二版")
	write(t, dir, "r.v1.txt", "第一版") // walked after r.txt
	sum := runOnce(t, dbPath, dir)
	if sum.Failed != 0 || sum.Ingested != 1 || sum.Duplicates != 1 {
		t.Fatalf("second run: %+v", sum)
	}
	db, err := sql.Open("sqlite3", dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var docs, paths int
	db.QueryRow(`SELECT count(*) FROM documents WHERE status = 'ok'`).Scan(&docs)
	db.QueryRow(`SELECT count(*) FROM paths`).Scan(&paths)
	if docs != 2 || paths != 2 {
		t.Errorf("%d documents and %d paths, want 2 and 2", docs, paths)
	}
}

// A file that takes too long fails alone; the others are loaded.
func TestSlowFileFailsAlone(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.txt", "正文")
	write(t, dir, "slow.txt", "SLOW")
	write(t, dir, "z.txt", "正文二")
	p := testProcessor(Config{Workers: 1, BusyTimeout: time.Second, FileTimeout: 100 * time.Millisecond})
	sum, err := p.Run(context.Background(), filepath.Join(t.TempDir(), "r.db"), dir)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Ingested != 2 || sum.Failed != 1 {
		t.Errorf("summary %+v, want 2 ingested and the slow file failed", sum)
	}
}

// blockingReader reads like lineReader, but a file holding "BLOCK" waits
// until release is closed (or the run is cancelled).
type blockingReader struct {
	lineReader
	reading chan<- string // told the path of a file that blocks
	release <-chan struct{}
}

func (r blockingReader) Read(ctx context.Context, path string, data []byte) (*model.Document, error) {
	if strings.Contains(string(data), "BLOCK") {
		r.reading <- path
		select {
		case <-r.release:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	return r.lineReader.Read(ctx, path, data)
}

// TestBatchClosesWhileASlowFileIsRead: documents finished before a slow
// file are committed within the batch age while the slow file is still
// being read, so a reader sees them and a kill would not lose them.
func TestBatchClosesWhileASlowFileIsRead(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.txt", "一、项目概况")
	write(t, dir, "b.txt", "二、评价结论")
	write(t, dir, "z-slow.txt", "BLOCK")
	db := filepath.Join(t.TempDir(), "reports.db")
	reading, release := make(chan string, 1), make(chan struct{})
	const age = 100 * time.Millisecond
	p := testProcessor(Config{
		Readers:   NewRegistry(blockingReader{lineReader{"1"}, reading, release}),
		Workers:   1,
		BatchSize: 200,
		BatchAge:  age,
	})
	done := make(chan error, 1)
	go func() {
		_, err := p.Run(context.Background(), db, dir)
		done <- err
	}()
	select {
	case <-reading:
	case err := <-done:
		t.Fatalf("run ended before the slow file: %v", err)
	case <-time.After(time.Minute):
		t.Fatal("the slow file was never read")
	}
	conn, err := schema.OpenReadOnly(db)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	start := time.Now()
	// The batch age plus slack for a loaded machine; without the timer the
	// rows never show until the slow file ends.
	for deadline := start.Add(age + 5*time.Second); ; {
		var n int
		conn.QueryRow(`SELECT count(*) FROM v_paths`).Scan(&n)
		if n == 2 {
			t.Logf("2 documents visible %v after the slow file began", time.Since(start).Round(time.Millisecond))
			break
		}
		if time.Now().After(deadline) {
			close(release)
			<-done
			t.Fatalf("%d of the 2 documents read before the slow file are visible after %v", n, time.Since(start))
		}
		time.Sleep(10 * time.Millisecond)
	}
	// The write lock is let go too: another writer (a second ingest) gets
	// it at once.
	other, err := schema.OpenWith(context.Background(), db, schema.Options{})
	if err != nil {
		t.Errorf("a second writer cannot open the database while the slow file is read: %v", err)
	} else {
		tx, err := other.Begin()
		if err != nil {
			t.Errorf("a second writer cannot take the write lock while the slow file is read: %v", err)
		} else {
			tx.Rollback()
		}
		other.Close()
	}
	close(release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	var n int
	if err := conn.QueryRow(`SELECT count(*) FROM v_paths`).Scan(&n); err != nil || n != 3 {
		t.Errorf("after the run, %d paths (%v), want 3", n, err)
	}
}
