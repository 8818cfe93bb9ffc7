package ingest

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/govreports/govreports/corpus/docxgen"
	"github.com/govreports/govreports/corpus/hostile"
	"github.com/govreports/govreports/ingest/docx"
	"github.com/govreports/govreports/ingest/html"
	"github.com/govreports/govreports/ingest/model"
	"github.com/govreports/govreports/ingest/txt"
)

// Each hostile input of issue 13, made small and run beside good files
// with limits lowered to match: the good files are loaded, the hostile
// one is recorded as failed with a sentence naming the limit.
func TestHostileFileFailsAloneNamingItsLimit(t *testing.T) {
	must := func(b []byte, err error) []byte {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	var long bytes.Buffer
	if err := hostile.LongLine(&long, 3000); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name   string
		data   []byte
		limits model.Limits
		want   string // in the recorded error
		ok     bool   // read, within its limits, rather than failed
	}{
		{"paragraphs.docx", must(hostile.Paragraphs(5000)), model.Limits{MaxBlocks: 1000}, "more than 1000 paragraphs (limit --max-blocks): not read", false},
		{"elements.docx", must(hostile.Paragraphs(5000)), model.Limits{MaxElements: 2000}, "more than 2000 elements (limit --max-elements): not read", false},
		{"altchunk.docx", must(hostile.AltChunks(100, 3)), model.Limits{MaxParts: 10}, "more than 10 imported documents (limit --max-parts): not read", false},
		// The imports share one budget: each does not get fresh limits.
		{"altchunk-text.docx", must(hostile.AltChunks(20, 50)), model.Limits{MaxBlocks: 500}, "more than 500 paragraphs (limit --max-blocks)", false},
		{"nested.docx", must(hostile.NestedTables(80, 2)), model.Limits{MaxDepth: 100}, "more than 100 levels of nesting (limit --max-depth)", false},
		{"cells.docx", must(hostile.NestedTables(80, 2)), model.Limits{MaxCells: 50}, "more than 50 table cells (limit --max-cells)", false},
		{"big.txt", bytes.Repeat([]byte("正文\n"), 1000), model.Limits{MaxFileBytes: 4000}, "more than 4000 bytes in the file (limit --max-file-bytes): not read", false},
		{"text.txt", bytes.Repeat([]byte("正文\n"), 1000), model.Limits{MaxTextBytes: 2000}, "more than 2000 bytes of text (limit --max-text-bytes)", false},
		// An over-long line is cut into blocks, not failed.
		{"longline.txt", long.Bytes(), model.Limits{MaxLineBytes: 1000}, "", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			write(t, dir, "good.txt", "一、项目概况\n正文")
			good, err := docxgen.Doc{Body: docxgen.P("一、项目概况") + docxgen.P("正文")}.Bytes()
			if err != nil {
				t.Fatal(err)
			}
			write(t, dir, "good.docx", string(good))
			write(t, dir, c.name, string(c.data))
			dbPath := filepath.Join(t.TempDir(), "r.db")
			p := testProcessor(Config{Workers: 2, BusyTimeout: time.Second, Limits: c.limits,
				Readers: NewRegistry(txt.Reader{}, docx.Reader{})})
			sum, err := p.Run(context.Background(), dbPath, dir)
			if err != nil {
				t.Fatal(err)
			}
			wantOK, wantFailed := 2, 1
			if c.ok {
				wantOK, wantFailed = 3, 0
			}
			if sum.Ingested != wantOK || sum.Failed != wantFailed {
				t.Errorf("summary %+v, want %d ingested and %d failed", sum, wantOK, wantFailed)
			}
			db, err := sql.Open("sqlite3", dbPath)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			var status, msg string
			var blocks int
			if err := db.QueryRow(`SELECT status, coalesce(error, ''), coalesce(block_count, 0) FROM v_documents WHERE name = ?`, c.name).Scan(&status, &msg, &blocks); err != nil {
				t.Fatal(err)
			}
			switch {
			case c.ok && status != "ok":
				t.Errorf("%s: %s %q, want it read", c.name, status, msg)
			case c.ok:
				t.Logf("%s: %d blocks", c.name, blocks)
			case status != "failed" || !strings.Contains(msg, c.name) || !strings.Contains(msg, c.want):
				t.Errorf("%s: %s %q, want failed naming the file and %q", c.name, status, msg, c.want)
			}
		})
	}
}

// A line longer than the limit becomes blocks of at most the limit, cut
// at character boundaries, with all its text.
func TestLongLineIsCutIntoBoundedBlocks(t *testing.T) {
	var long bytes.Buffer
	if err := hostile.LongLine(&long, 10_000); err != nil {
		t.Fatal(err)
	}
	ctx := model.WithLimits(context.Background(), model.Limits{MaxLineBytes: 1000})
	doc, err := txt.Reader{}.Read(ctx, "long.txt", long.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	for _, b := range doc.Body {
		if len(b.Para.Text) > 1000 {
			t.Errorf("block of %d bytes, over the 1000 limit", len(b.Para.Text))
		}
		all.WriteString(b.Para.Text)
	}
	if len(doc.Body) < 10 || all.String() != strings.TrimSpace(long.String()) {
		t.Errorf("%d blocks of %d bytes in all, want ≥10 holding the whole line", len(doc.Body), all.Len())
	}
}

// A file over the size limit is refused by its size, before any of it
// is read into memory.
func TestFileOverSizeRefusedBeforeRead(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.txt")
	if err := os.WriteFile(path, bytes.Repeat([]byte("x"), 5000), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := readLimited(path, 4000)
	if err == nil || !strings.Contains(err.Error(), "limit --max-file-bytes") {
		t.Fatalf("err %v, want the size limit named", err)
	}
}

// Extraction that finds more figures than the limit fails the file.
func TestTooManyFiguresFailsTheFile(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.txt", "正文")
	cfg := Config{Workers: 1, BusyTimeout: time.Second, Limits: model.Limits{MaxFigures: 10},
		Readers: NewRegistry(txt.Reader{})}
	p := newProcessor(cfg, func(context.Context, *model.Document) (*model.Extraction, error) {
		return &model.Extraction{Reports: []model.Report{{Figures: make([]model.Figure, 11)}}}, nil
	}, "test-1")
	e, err := p.Entry(context.Background(), filepath.Join(dir, "a.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if e.Err == nil || !strings.Contains(e.Err.Error(), "more than 10 figures (limit --max-figures)") {
		t.Errorf("err %v, want the figures limit named", e.Err)
	}
}

// hogReader reads like lineReader, but a file holding "HOG" takes 256 MB
// and keeps it until its reader is cancelled.
type hogReader struct{ lineReader }

func (h hogReader) Read(ctx context.Context, path string, data []byte) (*model.Document, error) {
	if !strings.Contains(string(data), "HOG") {
		return h.lineReader.Read(ctx, path, data)
	}
	hog := make([]byte, 256<<20)
	for i := range hog {
		hog[i] = byte(i)
	}
	select {
	case <-ctx.Done():
	case <-time.After(20 * time.Second):
	}
	return nil, fmt.Errorf("%s: %w (%d)", path, ctx.Err(), hog[len(hog)-1])
}

// The memory guard fails the file being read when the heap passes the
// limit, and cancels its reader; the other files are loaded.
func TestMemoryGuardFailsTheFileBeingRead(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.txt", "正文")
	write(t, dir, "hog.txt", "HOG")
	write(t, dir, "z.txt", "正文二")
	p := testProcessor(Config{Workers: 1, BusyTimeout: time.Second, MemoryLimit: 128 << 20,
		Readers: NewRegistry(hogReader{lineReader{"1"}})})
	start := time.Now()
	var msg string
	p.cfg.Progress = func(e Event) {
		if e.Outcome == Failed {
			msg = e.Err.Error()
		}
	}
	sum, err := p.Run(context.Background(), filepath.Join(t.TempDir(), "r.db"), dir)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Ingested != 2 || sum.Failed != 1 || time.Since(start) > 10*time.Second {
		t.Errorf("summary %+v after %v, want 2 ingested and the hog failed at once", sum, time.Since(start))
	}
	if !strings.Contains(msg, "hog.txt") || !strings.Contains(msg, "(limit --memory-limit)") {
		t.Errorf("error %q, want the file and the limit named", msg)
	}
}

// A page of more elements than the limit fails before its tree is built.
func TestPageOfTooManyElementsFails(t *testing.T) {
	page := "<html><body>" + strings.Repeat("<p>x</p>", 3000) + "</body></html>"
	ctx := model.WithLimits(context.Background(), model.Limits{MaxElements: 1000})
	_, err := html.Reader{}.Read(ctx, "page.html", []byte(page))
	if err == nil || !strings.Contains(err.Error(), "page.html") || !strings.Contains(err.Error(), "more than 1000 elements (limit --max-elements)") {
		t.Errorf("err %v, want the file and the limit named", err)
	}
}

// A file that makes its reader warn once per row (a table wider than the
// grid, 300 rows) stores its first 100 warnings and how many more there
// were, not all of them.
func TestWarningsStoredAreCapped(t *testing.T) {
	dir := t.TempDir()
	row := "|" + strings.Repeat(" 甲 |", model.MaxGridCols+5) + "\n"
	write(t, dir, "wide.txt", "一、项目概况\n"+strings.Repeat(row, 300))
	dbPath := filepath.Join(t.TempDir(), "r.db")
	p := testProcessor(Config{Workers: 1, BusyTimeout: time.Second, Readers: NewRegistry(txt.Reader{})})
	if _, err := p.Run(context.Background(), dbPath, dir); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite3", dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var warnings string
	if err := db.QueryRow(`SELECT warnings FROM v_documents WHERE name = 'wide.txt'`).Scan(&warnings); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(warnings, "\n")
	if len(lines) != 101 || lines[100] != "… and 200 more warnings" || !strings.Contains(lines[0], "grid columns dropped") {
		t.Errorf("%d warnings stored, first %q, last %q; want 100 and \"… and 200 more warnings\"", len(lines), lines[0], lines[len(lines)-1])
	}
}
