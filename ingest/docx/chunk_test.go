package docx

import (
	"fmt"
	"testing"

	"github.com/govreports/govreports/corpus/docxgen"
	"github.com/govreports/govreports/ingest/model"
)

// A table of a document imported by w:altChunk is laid out as the same
// table in the body is, merged cells included, wherever the import stands.
func TestImportedTableReadsAsInTheBody(t *testing.T) {
	tc := func(props, text string) string {
		return `<w:tc><w:tcPr>` + props + `</w:tcPr>` + docxgen.P(text) + `</w:tc>`
	}
	tbl := `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>` +
		`<w:tr>` + tc(`<w:vMerge w:val="restart"/>`, "项目") + tc(`<w:gridSpan w:val="2"/>`, "金额") + `</w:tr>` +
		`<w:tr>` + tc(`<w:vMerge/>`, "") + tc("", "预算") + tc("", "实际") + `</w:tr>` +
		`<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>` + tc("", "72.4") + tc(`<w:hMerge/>`, "万元") + `</w:tr>` +
		`<w:tr>` + tc("", "孤") + tc(`<w:vMerge/>`, "") + tc("", "尾") + `</w:tr></w:tbl>`
	chunk, err := docxgen.Doc{Body: tbl}.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	data, err := docxgen.Doc{
		Body: tbl + `<w:altChunk r:id="c1"/>` +
			`<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:tc>` + docxgen.P("格中") + `<w:altChunk r:id="c1"/></w:tc></w:tr></w:tbl>`,
		Rels:  []docxgen.Rel{{ID: "c1", Type: "aFChunk", Target: "chunk1.docx"}},
		Files: map[string][]byte{"word/chunk1.docx": chunk},
	}.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := ReadBytes("chunk.docx", data)
	if err != nil {
		t.Fatal(err)
	}
	grid := func(tb model.Table) string {
		s := fmt.Sprintf("%dx%d", tb.Rows, tb.Cols)
		for _, c := range tb.Cells {
			s += fmt.Sprintf(" %d,%d %dx%d %q", c.Row, c.Col, c.RowSpan, c.ColSpan, c.Text)
		}
		return s
	}
	if len(doc.Tables) != 4 {
		t.Fatalf("%d tables, want 4", len(doc.Tables))
	}
	want := grid(doc.Tables[0])
	for _, k := range []int{1, 3} {
		if got := grid(doc.Tables[k]); got != want {
			t.Errorf("imported table %d:\n got %s\nwant %s", k+1, got, want)
		}
	}
	if tb := doc.Tables[3]; tb.ParentTable != 3 || tb.Pos.Index != 2 || tb.Cells[0].Pos.Index != 2 {
		t.Errorf("table 4 in table %d at index %d, cell at %d; want table 3, index 2", tb.ParentTable, tb.Pos.Index, tb.Cells[0].Pos.Index)
	}
}
