package schema

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/govreports/govreports/ingest/model"
)

// The paragraphs of TestBlockTextInUnit: two long enough to be stored as
// places in their section's text, one too short, one that the section's
// text holds only trimmed.
const (
	para1 = "本项目年度预算七十二万元，全年实际支出七十万元。"    // 24 characters, 72 bytes
	para2 = "项目资金按照合同约定分两次拨付到位。"          // 18 characters
	short = "见附表。"                        // 12 bytes
	para3 = "  评价组按照决策、过程、产出、效益四个维度进行评分。" // leading spaces: trimmed in the section
)

func paragraphsEntry(path, sha string) *Entry {
	para := func(text string, line int) model.Block {
		return model.Block{Kind: model.KindParagraph, Para: model.Paragraph{Text: text}, Pos: model.Pos{Line: line}}
	}
	doc := &model.Document{Path: path, Format: model.FormatTXT, Encoding: "utf-8",
		Body: []model.Block{para("一、项目概况", 1), para(para1, 2), para(para2, 3), para(short, 4), para(para3, 5)}}
	body := para1 + "\n" + para2 + "\n" + short + "\n" + "评价组按照决策、过程、产出、效益四个维度进行评分。"
	ext := &model.Extraction{
		Reports: []model.Report{{No: 1, Title: "测试报告", EndBlock: 5,
			Sections: []model.Section{{Parent: -1, Level: 1, Marker: "一、", Number: 1, Title: "项目概况", Body: body, Block: 0, Via: "pattern"}},
		}},
		Index: []model.IndexUnit{{Report: 0, Section: 0, Kind: "section", Block: 0, Text: "项目概况\n" + body, Tokens: "项目 概况 预算"}},
	}
	return &Entry{Path: path, SHA256: sha, Key: "k1", Bytes: 10, Format: "txt", Status: StatusOK, Doc: doc, Ext: ext}
}

// A paragraph its section's search unit holds is stored there only, and
// v_blocks reads back each paragraph as the reader gave it, also after
// another document holding the same text is gone.
func TestBlockTextInUnit(t *testing.T) {
	ctx := context.Background()
	db, _ := openTest(t)
	w := NewWriter(db, 1, time.Minute)
	put := archivePut(t, w)
	put(paragraphsEntry("a.txt", "sha-a"))
	put(paragraphsEntry("b.txt", "sha-b"))
	want := []string{"一、项目概况", para1, para2, short, para3}

	check := func(stage string, blocks int) {
		t.Helper()
		rows, err := db.Query(`SELECT b.block_no, b.text, b.text_at, b.text_len, v.text
			FROM blocks b JOIN v_blocks v USING (document_id, block_no) ORDER BY b.document_id, b.block_no`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		n := 0
		for ; rows.Next(); n++ {
			var no int
			var stored sql.NullString
			var at, length sql.NullInt64
			var text string
			if err := rows.Scan(&no, &stored, &at, &length, &text); err != nil {
				t.Fatal(err)
			}
			if text != want[no-1] {
				t.Errorf("%s: v_blocks %d = %q, want %q", stage, no, text, want[no-1])
			}
			// para1 starts after 项目概况 and the line end; para2 after
			// para1 (24 characters) and its line end.
			wantAt := map[int]int64{2: 6, 3: 31}[no]
			if wantAt == 0 {
				if !stored.Valid || at.Valid {
					t.Errorf("%s: block %d stored %v at %v, want its text and no place", stage, no, stored, at)
				}
				continue
			}
			if stored.Valid || at.Int64 != wantAt || length.Int64 != map[int]int64{2: 24, 3: 18}[no] {
				t.Errorf("%s: block %d stored %v at %v for %v, want NULL at %d", stage, no, stored, at, length, wantAt)
			}
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		if n != blocks {
			t.Errorf("%s: %d blocks, want %d", stage, n, blocks)
		}
	}
	check("two documents", 10)
	// One text, the first: both documents' section holds it, and the
	// second batch finds it by its hash.
	if n := count(t, db, `SELECT count(*) FROM unit_texts WHERE text_id = 1`); n != 1 {
		t.Errorf("unit_texts with id 1 = %d, want 1", n)
	}
	if n := count(t, db, `SELECT count(*) FROM unit_texts`); n != 1 {
		t.Errorf("unit_texts = %d, want 1: both documents' section holds one text", n)
	}

	// a.txt changes: its first version goes, and b.txt's blocks still
	// read the text they both held.
	changed := paragraphsEntry("a.txt", "sha-a2")
	changed.Doc.Body = changed.Doc.Body[:1]
	changed.Ext.Index = nil
	put(changed)
	if _, err := w.Prune(ctx); err != nil {
		t.Fatal(err)
	}
	if n := count(t, db, `SELECT count(*) FROM documents`); n != 2 {
		t.Fatalf("documents = %d, want 2", n)
	}
	check("a.txt changed", 6) // b.txt's five and the heading left in a.txt
}

// A finding its section's unit text holds is stored there only, by the
// writer and by migration 0017 for a database written before it; v_findings
// reads each back as it was.
func TestFindingTextInUnit(t *testing.T) {
	ctx := context.Background()
	db, path := openTest(t)
	w := NewWriter(db, 1, time.Minute)
	e := paragraphsEntry("a.txt", "sha-a")
	e.Ext.Reports[0].Findings = []model.Finding{
		{Kind: "problem", Section: 0, No: 1, Text: para1 + "\n" + para2, Block: 1},           // two paragraphs of the body
		{Kind: "problem", Section: 0, No: 2, Text: short, Block: 3},                          // too short
		{Kind: "recommendation", Section: 0, No: 3, Text: "加强预算执行监控，确保资金按进度拨付到位。", Block: 4}, // not in the body
	}
	if _, err := w.Put(ctx, e); err != nil {
		t.Fatal(err)
	}
	want := []string{para1 + "\n" + para2, short, "加强预算执行监控，确保资金按进度拨付到位。"}
	check := func(stage string) {
		t.Helper()
		var got []string
		rows, err := db.Query(`SELECT text FROM v_findings ORDER BY item_no`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			var s string
			if err := rows.Scan(&s); err != nil {
				t.Fatal(err)
			}
			got = append(got, s)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: v_findings %q, want %q", stage, got, want)
		}
		// The first stands in the section's text after 项目概况 and the
		// line end, 43 characters (24, the line end, 18).
		if n := count(t, db, `SELECT count(*) FROM findings WHERE text IS NULL AND text_at = 6 AND text_len = 43 AND item_no = 1`); n != 1 {
			t.Errorf("%s: the first finding is not stored as its place in the section's text", stage)
		}
		if n := count(t, db, `SELECT count(*) FROM findings WHERE text IS NULL`); n != 1 {
			t.Errorf("%s: %d findings without text, want 1", stage, n)
		}
	}
	check("written")

	// The database as version 16 had it: findings with their text, and no
	// vocab (migration 0018; the entry has no figures, whose table 0018
	// makes again).
	if _, err := db.Exec(`
		CREATE TABLE findings16 (report_id INTEGER NOT NULL REFERENCES reports ON DELETE CASCADE,
			section_id INTEGER REFERENCES sections ON DELETE CASCADE, kind TEXT NOT NULL, item_no INTEGER NOT NULL,
			marker TEXT, title TEXT, text TEXT NOT NULL, block_no INTEGER NOT NULL);
		INSERT INTO findings16 SELECT report_id, section_id, kind, item_no, marker, title, text, block_no FROM v_findings;
		DROP VIEW v_findings;
		DROP TABLE findings;
		ALTER TABLE findings16 RENAME TO findings;
		CREATE INDEX findings_report ON findings (report_id);
		CREATE INDEX findings_section ON findings (section_id);
		DROP VIEW v_figures;
		DROP TABLE vocab;
		UPDATE meta SET value = '16' WHERE key = 'schema_version';
		PRAGMA user_version = 16;`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db, err := Open(ctx, path, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	check("migrated")
}

// A cell whose text a cell unit holds as written names that text; a short
// one, or one the unit holds trimmed, keeps its own. v_table_cells reads
// each back.
func TestCellTextInUnit(t *testing.T) {
	ctx := context.Background()
	db, _ := openTest(t)
	w := NewWriter(db, 1, time.Minute)
	e := sampleEntry("a.txt", "sha-a")
	cells := e.Doc.Tables[0].Cells
	cells[1].Text = " 实际投入 " // the unit holds it trimmed
	cells = append(cells, model.Cell{Row: 1, Col: 1, RowSpan: 1, ColSpan: 1, Text: "元"})
	e.Doc.Tables[0].Cells = cells
	for _, text := range []string{"项目资金安排", "实际投入", "72.4万", "元"} {
		e.Ext.Index = append(e.Ext.Index, model.IndexUnit{Report: 0, Section: 0, Kind: "cell", Block: 1, Text: text, Tokens: text})
	}
	if _, err := w.Put(ctx, e); err != nil {
		t.Fatal(err)
	}
	rows, err := db.Query(`SELECT c.text IS NULL, v.text FROM table_cells c JOIN v_table_cells v USING (document_id, table_no, row, col)
		ORDER BY c.row, c.col`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var named bool
		var text string
		if err := rows.Scan(&named, &text); err != nil {
			t.Fatal(err)
		}
		got = append(got, fmt.Sprintf("%v %q", named, text))
	}
	want := []string{`true "项目资金安排"`, `false " 实际投入 "`, `true "72.4万"`, `false "元"`}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("cells (named, text) %q, want %q", got, want)
	}
}
