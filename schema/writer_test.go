package schema

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/govreports/govreports/ingest/model"
)

func openTest(t *testing.T) (*sql.DB, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "test.db")
	db, err := Open(context.Background(), path, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db, path
}

func sampleEntry(path, sha string) *Entry {
	doc := &model.Document{Path: path, Format: model.FormatTXT, Encoding: "utf-8",
		Body: []model.Block{
			{Kind: model.KindParagraph, Para: model.Paragraph{Text: "一、项目概况"}, Pos: model.Pos{Line: 1}},
			{Kind: model.KindTable, TableNo: 1, Pos: model.Pos{Line: 2}},
		},
		Tables: []model.Table{{No: 1, Rows: 2, Cols: 2, Cells: []model.Cell{
			{Row: 0, Col: 0, RowSpan: 1, ColSpan: 1, Text: "项目资金安排"},
			{Row: 0, Col: 1, RowSpan: 2, ColSpan: 1, Text: "实际投入"},
			{Row: 1, Col: 0, RowSpan: 1, ColSpan: 1, Text: "72.4万"},
		}}},
	}
	budget, actual := "724000", "700000"
	rate := 96.69
	ext := &model.Extraction{
		Reports: []model.Report{{No: 1, Title: "测试报告", ProjectName: "测试", EvaluationYear: 2020, EndBlock: 2, Rate: &rate,
			Sections: []model.Section{{Parent: -1, Level: 1, Marker: "一、", Number: 1, Title: "项目概况", Via: "pattern"}},
			Funds:    []model.Fund{{Item: "经费", Budget: &budget, Actual: &actual, Rate: &rate, TableNo: 1, Row: 1}},
			Figures: []model.Figure{{Raw: "72.4万", Value: "724000", Unit: "元", Kind: "money",
				Place: model.Place{Section: 0, Block: 1, Row: 1, Col: 0}}},
		}},
		Index: []model.IndexUnit{{Report: 0, Section: 0, Kind: "section", Block: 0, Text: "项目概况", Tokens: "项目 概况"}},
	}
	return &Entry{Path: path, SHA256: sha, Key: "k1", Bytes: 10, Format: "txt", Status: StatusOK, Doc: doc, Ext: ext}
}

func count(t *testing.T, db *sql.DB, q string, args ...any) int {
	t.Helper()
	var n int
	if err := db.QueryRow(q, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

func TestWriterLoadsAndViews(t *testing.T) {
	ctx := context.Background()
	db, _ := openTest(t)
	w := NewWriter(db, 10, time.Minute)
	if _, err := w.Put(ctx, sampleEntry("a/x.txt", "aaaa0000aaaa0000")); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	var text string
	if err := db.QueryRow(`SELECT text FROM v_blocks WHERE block_no = 2`).Scan(&text); err != nil {
		t.Fatal(err)
	}
	if want := "项目资金安排\t实际投入\n72.4万"; text != want {
		t.Errorf("table block text = %q, want %q", text, want)
	}
	var budget, rate float64
	if err := db.QueryRow(`SELECT budget_yuan, execution_rate FROM v_reports`).Scan(&budget, &rate); err != nil {
		t.Fatal(err)
	}
	if budget != 724000 || rate != 96.69 {
		t.Errorf("v_reports budget %v rate %v", budget, rate)
	}
	if n := count(t, db, `SELECT count(*) FROM unit_texts_fts WHERE unit_texts_fts MATCH '概况'`); n != 1 {
		t.Errorf("fts hits = %d", n)
	}
	var approx sql.NullString
	if err := db.QueryRow(`SELECT approx FROM v_figures`).Scan(&approx); err != nil || approx.Valid {
		t.Errorf("approx of an exact figure = %v (err %v), want NULL", approx, err)
	}
}

// archivePut returns a function that stores an entry as found under the
// folder /arch, failing the test on an error.
func archivePut(t *testing.T, w *Writer) func(*Entry) {
	return func(e *Entry) {
		t.Helper()
		e.Root, e.Rel = "/arch", e.Path
		if _, err := w.Put(context.Background(), e); err != nil {
			t.Fatal(err)
		}
	}
}

func TestWriterPathsAndReplacement(t *testing.T) {
	ctx := context.Background()
	db, _ := openTest(t)
	w := NewWriter(db, 1, time.Minute)
	put := archivePut(t, w) // found under the folder /arch
	put(sampleEntry("a/x.txt", "sha-one"))
	// The same content at a second path is stored once, with both paths.
	put(&Entry{Path: "b/y.txt", SHA256: "sha-one", Key: "k1", Status: StatusOK, PathOnly: true})
	if n := count(t, db, `SELECT count(*) FROM documents`); n != 1 {
		t.Fatalf("documents = %d, want 1", n)
	}
	if n := count(t, db, `SELECT count(*) FROM v_paths`); n != 2 {
		t.Fatalf("paths = %d, want 2", n)
	}
	// A changed file replaces its earlier version only when no path holds it.
	put(sampleEntry("a/x.txt", "sha-two"))
	if _, err := w.Prune(ctx); err != nil {
		t.Fatal(err)
	}
	if n := count(t, db, `SELECT count(*) FROM documents`); n != 2 {
		t.Fatalf("documents = %d, want 2 (b/y.txt still holds the first)", n)
	}
	put(sampleEntry("b/y.txt", "sha-two"))
	if _, err := w.Prune(ctx); err != nil {
		t.Fatal(err)
	}
	if n := count(t, db, `SELECT count(*) FROM documents`); n != 1 {
		t.Fatalf("documents = %d, want 1 after both paths moved", n)
	}
	if n := count(t, db, `SELECT count(*) FROM blocks`); n != 2 {
		t.Errorf("blocks = %d, want 2: the old version's rows must go", n)
	}
	// Both versions hold one text, stored and indexed once; the index
	// holds no words of texts gone (integrity-check compares it with
	// unit_texts).
	if n := count(t, db, `SELECT count(*) FROM unit_texts`); n != 1 {
		t.Errorf("unit_texts rows = %d, want 1", n)
	}
	if n := count(t, db, `SELECT count(*) FROM unit_texts_fts WHERE unit_texts_fts MATCH '概况'`); n != 1 {
		t.Errorf("fts hits = %d, want 1", n)
	}
	if _, err := db.Exec(`INSERT INTO unit_texts_fts (unit_texts_fts) VALUES ('integrity-check')`); err != nil {
		t.Errorf("the index and unit_texts differ: %v", err)
	}
	loaded, known, status, err := Lookup(ctx, db, "sha-two", "k1", "/arch/a/x.txt")
	if err != nil || !loaded || !known || status != StatusOK {
		t.Errorf("Lookup = %v %v %q %v", loaded, known, status, err)
	}
	if loaded, _, _, _ := Lookup(ctx, db, "sha-two", "k2", "/arch/a/x.txt"); loaded {
		t.Error("Lookup under another extractor key must miss")
	}
}

// TestWriterMovesAndRemovesPaths: a file found at its earlier place's
// rel under a new root takes that place's row, rather than adding one; a
// path stored before roots were is replaced by the same file's absolute
// path; RemovePaths removes paths and counts the documents left with
// none, which Prune then removes with their rows.
func TestWriterMovesAndRemovesPaths(t *testing.T) {
	ctx := context.Background()
	db, _ := openTest(t)
	w := NewWriter(db, 1, time.Minute)
	put := func(e *Entry) {
		t.Helper()
		if _, err := w.Put(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	one := sampleEntry("/old/2020/a.txt", "sha-one")
	one.Root, one.Rel = "/old", "2020/a.txt"
	put(one)
	put(&Entry{Path: "/new/2020/a.txt", Root: "/new", Rel: "2020/a.txt", Replaces: []string{"/old/2020/a.txt"},
		SHA256: "sha-one", Key: "k1", Status: StatusOK, PathOnly: true})
	var path, root, rel string
	if err := db.QueryRow(`SELECT path, root, rel FROM v_documents`).Scan(&path, &root, &rel); err != nil {
		t.Fatal(err)
	}
	if n := count(t, db, `SELECT count(*) FROM v_paths`); n != 1 || path != "/new/2020/a.txt" || root != "/new" || rel != "2020/a.txt" {
		t.Errorf("after the move: %d paths, v_documents %q %q %q; want 1, /new/2020/a.txt /new 2020/a.txt", n, path, root, rel)
	}

	// A path stored before roots were, as reached: the file found again
	// the same way takes its row.
	two := sampleEntry("b.txt", "sha-two")
	put(two)
	if n := count(t, db, `SELECT count(*) FROM v_paths WHERE path = 'b.txt' AND root IS NULL`); n != 1 {
		t.Fatalf("a rootless entry: %d rows of b.txt without root, want 1", n)
	}
	put(&Entry{Path: "b.txt", Root: "/work", Rel: "b.txt", SHA256: "sha-two", Key: "k1", Status: StatusOK, PathOnly: true})
	if n := count(t, db, `SELECT count(*) FROM v_paths WHERE document_id = (SELECT document_id FROM documents WHERE sha256 = 'sha-two')`); n != 1 {
		t.Errorf("the file stored before roots has %d paths, want 1", n)
	}
	if n := count(t, db, `SELECT count(*) FROM v_paths WHERE path = '/work/b.txt' AND root = '/work' AND rel = 'b.txt'`); n != 1 {
		t.Error("the file stored before roots is not at /work/b.txt")
	}

	// A second path of sha-one, then both of its paths gone.
	put(&Entry{Path: "/new/copy.txt", Root: "/new", Rel: "copy.txt", SHA256: "sha-one", Key: "k1", Status: StatusOK, PathOnly: true})
	if n, err := w.RemovePaths(ctx, []string{"/new/2020/a.txt", "/no/such/path"}); err != nil || n != 0 {
		t.Errorf("RemovePaths of one of two paths: %d, %v; want 0 documents left without a path", n, err)
	}
	if n, err := w.RemovePaths(ctx, []string{"/new/copy.txt"}); err != nil || n != 1 {
		t.Errorf("RemovePaths of the last path: %d, %v; want 1", n, err)
	}
	if n, err := w.Prune(ctx); err != nil || n != 1 {
		t.Errorf("Prune = %d, %v; want 1", n, err)
	}
	if n := count(t, db, `SELECT count(*) FROM blocks`); n != 2 {
		t.Errorf("blocks = %d, want 2: only sha-two's", n)
	}
}

func TestWriterFailedEntryIsRecorded(t *testing.T) {
	ctx := context.Background()
	db, _ := openTest(t)
	w := NewWriter(db, 5, time.Minute)
	_, err := w.Put(ctx, &Entry{Path: "bad.docx", SHA256: "sha-bad", Key: "k1", Bytes: 3, Format: "docx",
		Status: StatusFailed, Err: errors.New("bad.docx: not a zip file")})
	if err != nil {
		t.Fatal(err)
	}
	w.Flush()
	var status, msg string
	if err := db.QueryRow(`SELECT status, error FROM v_documents WHERE path = 'bad.docx'`).Scan(&status, &msg); err != nil {
		t.Fatal(err)
	}
	if status != "failed" || msg != "bad.docx: not a zip file" {
		t.Errorf("got %q %q", status, msg)
	}
}

func TestSecondWriterWaitsThenReportsLocked(t *testing.T) {
	ctx := context.Background()
	_, path := openTest(t)
	a, err := Open(ctx, path, 100*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	w := NewWriter(a, 100, time.Hour)
	if _, err := w.Put(ctx, sampleEntry("x.txt", "sha")); err != nil { // holds the write lock
		t.Fatal(err)
	}
	b, err := Open(ctx, path, 100*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	_, err = NewWriter(b, 1, time.Hour).Put(ctx, sampleEntry("y.txt", "sha2"))
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("second writer: %v, want ErrLocked", err)
	}
	w.Flush()
}

func TestKeywordsWeighRareTermsUp(t *testing.T) {
	ctx := context.Background()
	db, _ := openTest(t)
	w := NewWriter(db, 10, time.Minute)
	a := sampleEntry("a.txt", "sha-a")
	a.Ext.Reports[0].Terms = map[string]int{"楼宇经济": 3, "绩效": 3}
	b := sampleEntry("b.txt", "sha-b")
	b.Ext.Reports[0].Terms = map[string]int{"电商": 2, "绩效": 5}
	for _, e := range []*Entry{a, b} {
		if _, err := w.Put(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	w.Flush()
	if err := RefreshKeywords(ctx, db); err != nil {
		t.Fatal(err)
	}
	var top string
	if err := db.QueryRow(`SELECT keyword FROM v_keywords k JOIN documents d ON d.document_id =
		(SELECT document_id FROM reports WHERE report_id = k.report_id) WHERE d.sha256 = 'sha-a'
		ORDER BY weight DESC LIMIT 1`).Scan(&top); err != nil {
		t.Fatal(err)
	}
	if top != "楼宇经济" {
		t.Errorf("top keyword of a = %q, want 楼宇经济 (绩效 is in every report)", top)
	}
}

func TestDatabasePathWithURICharacters(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a#b?c%d.db")
	db, err := Open(context.Background(), path, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("database not created under its own name: %v", err)
	}
	ro, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if _, err := ro.Exec(`DELETE FROM documents`); err == nil {
		t.Error("a write through OpenReadOnly was not refused")
	}
}

// term_df follows the reports: a pruned document's reports no longer count.
func TestTermFrequenciesFollowPrune(t *testing.T) {
	ctx := context.Background()
	db, _ := openTest(t)
	w := NewWriter(db, 10, time.Minute)
	a := sampleEntry("a.txt", "sha-a")
	a.Ext.Reports[0].Terms = map[string]int{"楼宇": 1, "绩效": 2}
	b := sampleEntry("b.txt", "sha-b")
	b.Ext.Reports[0].Terms = map[string]int{"绩效": 1}
	c := sampleEntry("a.txt", "sha-c") // a.txt changed: sha-a goes at Prune
	c.Ext.Reports[0].Terms = map[string]int{"电商": 1}
	for _, e := range []*Entry{a, b, c} {
		if _, err := w.Put(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := w.Prune(ctx); err != nil {
		t.Fatal(err)
	}
	rows, err := db.Query(`SELECT term, df FROM term_df ORDER BY term`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var term string
		var df int
		rows.Scan(&term, &df)
		got = append(got, fmt.Sprintf("%s=%d", term, df))
	}
	if want := "[电商=1 绩效=1]"; fmt.Sprint(got) != want {
		t.Errorf("term_df = %v, want %s", got, want)
	}
}

// Content that failed once (a time limit, say) and reads later replaces
// the failed row for every path; a failure of another copy of loaded
// content leaves that content alone.
func TestFailedAndLoadedCopiesOfOneContent(t *testing.T) {
	ctx := context.Background()
	db, _ := openTest(t)
	w := NewWriter(db, 10, time.Minute)
	failed := func(path string) *Entry {
		return &Entry{Path: path, SHA256: "sha-x", Key: "k1", Bytes: 10, Format: "txt", Status: StatusFailed,
			Err: errors.New(path + ": reading took too long")}
	}
	mustPut := func(e *Entry) Loaded {
		t.Helper()
		l, err := w.Put(ctx, e)
		if err != nil {
			t.Fatal(err)
		}
		return l
	}
	mustPut(failed("a.txt"))
	mustPut(failed("b.txt"))
	if l := mustPut(sampleEntry("a.txt", "sha-x")); !l.Stored || l.Status != StatusOK {
		t.Errorf("good read of failed content: %+v", l)
	}
	if l := mustPut(failed("c.txt")); l.Stored || l.Status != StatusOK {
		t.Errorf("failure of loaded content: %+v, want the path on the loaded document", l)
	}
	w.Flush()
	rows, err := db.Query(`SELECT path, status, coalesce(error, '') FROM paths JOIN documents USING (document_id) ORDER BY path`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var path, status, msg string
		rows.Scan(&path, &status, &msg)
		got = append(got, path+" "+status+" "+msg)
	}
	if want := "[a.txt ok  b.txt ok  c.txt ok ]"; fmt.Sprint(got) != want {
		t.Errorf("paths:\n got %q\nwant %s", got, want)
	}
	if n := count(t, db, `SELECT count(*) FROM documents`); n != 1 {
		t.Errorf("%d documents, want 1", n)
	}
}

// TestRootedPath: a path below a root keeps the root as written: a UNC
// share's two leading slashes, a drive's root.
func TestRootedPath(t *testing.T) {
	for _, tt := range [][3]string{
		{"//server/share/报告", "2020/a.docx", "//server/share/报告/2020/a.docx"},
		{"C:/", "a.docx", "C:/a.docx"},
		{"C:/报告", "a.docx", "C:/报告/a.docx"},
		{"/", "a.txt", "/a.txt"},
		{"/data/报告", "2020/a.txt", "/data/报告/2020/a.txt"},
	} {
		if got := RootedPath(tt[0], tt[1]); got != tt[2] {
			t.Errorf("RootedPath(%q, %q) = %q, want %q", tt[0], tt[1], got, tt[2])
		}
	}
}

// The texts of a document are inserted when its batch commits; those of
// a document that failed to load must not be among them.
func TestTextsOfAFailedEntryStayOut(t *testing.T) {
	ctx := context.Background()
	db, _ := openTest(t)
	w := NewWriter(db, 10, time.Minute)
	// The database refuses b's path: b fails after all its rows were
	// inserted or handed to the writer.
	if _, err := db.Exec(`CREATE TRIGGER refuse BEFORE INSERT ON paths WHEN new.path = 'b.txt'
		BEGIN SELECT RAISE(ABORT, 'refused'); END`); err != nil {
		t.Fatal(err)
	}
	total := model.IndexUnit{Report: 0, Section: -1, Kind: "cell", Block: 1, Text: "合计", Tokens: "合计"}
	a := sampleEntry("a.txt", "sha-a")
	a.Ext.Index = append(a.Ext.Index, total, total)
	if _, err := w.Put(ctx, a); err != nil {
		t.Fatal(err)
	}
	b := sampleEntry("b.txt", "sha-b")
	b.Ext.Index = append(b.Ext.Index, model.IndexUnit{Report: 0, Section: -1, Kind: "paragraph", Block: 0,
		Text: "绩效目标", Tokens: "绩效 目标"})
	if _, err := w.Put(ctx, b); err == nil || errors.Is(err, ErrBatchLost) {
		t.Fatalf("Put of a broken entry = %v, want its own error", err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if n := count(t, db, `SELECT count(*) FROM unit_texts`); n != 2 {
		t.Errorf("unit_texts rows = %d, want 2 (项目概况 and 合计, once)", n)
	}
	if n := count(t, db, `SELECT count(*) FROM search_units WHERE text = '合计'`); n != 2 {
		t.Errorf("units of 合计 = %d, want 2", n)
	}
	for word, want := range map[string]int{"合计": 1, "概况": 1, "目标": 0} {
		if n := count(t, db, `SELECT count(*) FROM unit_texts_fts WHERE unit_texts_fts MATCH ?`, word); n != want {
			t.Errorf("fts hits of %s = %d, want %d", word, n, want)
		}
	}
	if _, err := db.Exec(`INSERT INTO unit_texts_fts (unit_texts_fts) VALUES ('integrity-check')`); err != nil {
		t.Errorf("the index and unit_texts differ: %v", err)
	}
}

// Sections name their parents by id, also when a parent goes in the same
// statement as its children or in an earlier one.
func TestSectionParentsAcrossStatements(t *testing.T) {
	ctx := context.Background()
	db, _ := openTest(t)
	w := NewWriter(db, 10, time.Minute)
	// Two reports, so that the second's sections follow rows of the
	// table already in; 300 sections each, more than a statement holds:
	// a chapter every third, its two subsections after it.
	e := sampleEntry("a.txt", "sha-a")
	r := e.Ext.Reports[0]
	r.Sections = nil
	for i := range 300 {
		s := model.Section{Parent: -1, Level: 1, Title: fmt.Sprintf("第%d章", i)}
		if i%3 != 0 {
			s = model.Section{Parent: i - i%3, Level: 2, Title: fmt.Sprintf("第%d章第%d节", i-i%3, i%3)}
		}
		r.Sections = append(r.Sections, s)
	}
	r.Figures, r.Funds = nil, nil
	second := r
	second.No = 2
	e.Ext.Reports = []model.Report{r, second}
	e.Ext.Index = nil
	if _, err := w.Put(ctx, e); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if n := count(t, db, `SELECT count(*) FROM v_sections s JOIN v_sections p ON p.section_id = s.parent_id
		WHERE p.report_id = s.report_id AND s.title = p.title || '第' || ((s.ordinal - 1) % 3) || '节'`); n != 400 {
		t.Errorf("subsections under their chapters = %d, want 400", n)
	}
	if n := count(t, db, `SELECT count(*) FROM v_sections WHERE parent_id IS NULL AND level = 1`); n != 200 {
		t.Errorf("chapters = %d, want 200", n)
	}
}

// Unit texts are numbered in the order they come, across batches, and a
// text stored already keeps its id.
func TestUnitTextIDs(t *testing.T) {
	ctx := context.Background()
	db, _ := openTest(t)
	w := NewWriter(db, 2, time.Minute) // a and b in one batch, c in the next
	put := func(path, sha string, texts ...string) {
		t.Helper()
		e := sampleEntry(path, sha)
		e.Ext.Index = nil
		for _, text := range texts {
			e.Ext.Index = append(e.Ext.Index, model.IndexUnit{Report: 0, Section: 0, Kind: "section", Block: 0, Text: text, Tokens: text})
		}
		if _, err := w.Put(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	put("a.txt", "sha-a", "甲", "乙")
	put("b.txt", "sha-b", "乙", "丙")
	put("c.txt", "sha-c", "甲", "丁")
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	rows, err := db.Query(`SELECT text_id, text FROM unit_texts ORDER BY text_id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var id int
		var text string
		if err := rows.Scan(&id, &text); err != nil {
			t.Fatal(err)
		}
		got = append(got, fmt.Sprintf("%d %s", id, text))
	}
	if want := []string{"1 甲", "2 乙", "3 丙", "4 丁"}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("unit_texts %q, want %q", got, want)
	}
	if n := count(t, db, `SELECT count(*) FROM search_units`); n != 6 {
		t.Errorf("search_units = %d, want 6", n)
	}
	if n := count(t, db, `SELECT count(*) FROM unit_texts_fts WHERE unit_texts_fts MATCH '甲'`); n != 1 {
		t.Errorf("texts with 甲 in the index = %d, want 1", n)
	}
}

// A figure's kind, unit and label, a section's marker and via are stored
// once in vocab; the views show them, and Prune deletes those no row names
// any more.
func TestVocab(t *testing.T) {
	ctx := context.Background()
	db, _ := openTest(t)
	w := NewWriter(db, 1, time.Minute)
	put := archivePut(t, w)
	vocab := func() string {
		t.Helper()
		var s string
		if err := db.QueryRow(`SELECT group_concat(value, ' ') FROM (SELECT value FROM vocab ORDER BY vocab_id)`).Scan(&s); err != nil {
			t.Fatal(err)
		}
		return s
	}
	put(sampleEntry("a.txt", "sha-one"))
	if got, want := vocab(), "一、 pattern 元 money"; got != want {
		t.Errorf("vocab %q, want %q", got, want)
	}
	e := sampleEntry("a.txt", "sha-two")
	e.Ext.Reports[0].Figures[0] = model.Figure{Raw: "96.69%", Value: "96.69", Unit: "%", Kind: "percent", Label: "执行率",
		Place: model.Place{Section: 0, Block: 0, Offset: 3}}
	put(e)
	if _, err := w.Prune(ctx); err != nil {
		t.Fatal(err)
	}
	if got, want := vocab(), "一、 pattern % percent 执行率"; got != want {
		t.Errorf("after the first version went: vocab %q, want %q", got, want)
	}
	var unit, kind, label string
	if err := db.QueryRow(`SELECT unit, kind, label FROM v_figures`).Scan(&unit, &kind, &label); err != nil {
		t.Fatal(err)
	}
	if unit != "%" || kind != "percent" || label != "执行率" {
		t.Errorf("v_figures unit %q kind %q label %q, want %% percent 执行率", unit, kind, label)
	}
}

// An entry that fails takes the strings it added to vocab with it, and
// the next entry naming them adds them again.
func TestVocabAfterFailedEntry(t *testing.T) {
	ctx := context.Background()
	db, _ := openTest(t)
	// The failing entry's figures are in when its finding fails.
	if _, err := db.Exec(`CREATE TRIGGER fail_finding BEFORE INSERT ON findings WHEN new.item_no = 99
		BEGIN SELECT RAISE(ABORT, 'finding 99'); END`); err != nil {
		t.Fatal(err)
	}
	w := NewWriter(db, 10, time.Minute)
	bad := sampleEntry("bad.txt", "sha-bad")
	bad.Ext.Reports[0].Figures[0].Label = "执行数"
	bad.Ext.Reports[0].Findings = []model.Finding{{Kind: "problem", Section: 0, No: 99, Text: "问题", Block: 0}}
	if _, err := w.Put(ctx, bad); err == nil {
		t.Fatal("the entry with finding 99 was loaded")
	}
	good := sampleEntry("good.txt", "sha-good")
	good.Ext.Reports[0].Figures[0].Label = "执行数"
	if _, err := w.Put(ctx, good); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	var kind, unit, label sql.NullString
	if err := db.QueryRow(`SELECT kind, unit, label FROM v_figures`).Scan(&kind, &unit, &label); err != nil {
		t.Fatal(err)
	}
	if kind.String != "money" || unit.String != "元" || label.String != "执行数" {
		t.Errorf("v_figures kind %v unit %v label %v, want money 元 执行数", kind, unit, label)
	}
}

// Prune keeps the strings of vocab that the columns tables.go marks
// inVocab name; every vocabKey an entry's rows hold stands in such a
// column, so that none is deleted while a row names it.
func TestVocabColumnsMarked(t *testing.T) {
	var marked []string
	in := map[string]bool{}
	for _, ti := range allTables() {
		for _, c := range ti.cols {
			if c.vocab {
				marked = append(marked, ti.name+"."+c.name)
				in[ti.name+"."+c.name] = true
			}
		}
	}
	want := []string{"sections.marker", "sections.via", "sections.family", "sections.role",
		"report_terms.term", "figures.unit", "figures.kind", "figures.label", "dates.raw", "dates.date"}
	slices.Sort(marked)
	slices.Sort(want)
	if !slices.Equal(marked, want) {
		t.Errorf("columns marked inVocab %v, want %v", marked, want)
	}
	for _, c := range want {
		table, col, _ := strings.Cut(c, ".")
		if !strings.Contains(deleteUnusedVocab, "SELECT "+col+" FROM "+table+" ") {
			t.Errorf("deleteUnusedVocab does not keep the strings of %s:\n%s", c, deleteUnusedVocab)
		}
	}

	e := sampleEntry("a.txt", "sha")
	r := &e.Ext.Reports[0]
	r.Sections[0].Family, r.Sections[0].Role = "chinese", "conclusion"
	r.Terms = map[string]int{"绩效": 2}
	r.Figures[0].Label = "预算"
	r.Dates = []model.Date{{Raw: "2021年3月", Date: "2021-03", Place: model.Place{Section: 0, Block: 0}}}
	e.Prepare()
	seen := 0
	for _, pt := range e.prepared.tables {
		n := len(pt.sql.cols)
		for i, v := range pt.args {
			if _, ok := v.(vocabKey); !ok {
				continue
			}
			seen++
			if c := pt.sql.name + "." + pt.sql.cols[i%n]; !in[c] {
				t.Errorf("%s holds the vocab string %q but is not marked inVocab: Prune would delete it", c, v)
			}
		}
	}
	if seen < len(want) {
		t.Errorf("the entry's rows hold %d vocab strings, want one at least in each of the %d columns", seen, len(want))
	}
}
