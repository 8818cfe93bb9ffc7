package docx

import (
	"strconv"
	"strings"

	"github.com/govreports/govreports/ingest/model"
)

// maxSpan bounds gridSpan, gridBefore and gridAfter so that a hostile
// value cannot make the grid huge.
const maxSpan = 1000

func (w *walker) table(tbl *node, idx int) *table {
	t := &table{index: idx}
	if g := tbl.child(nsW, "tblGrid"); g != nil {
		for _, c := range g.children {
			if c.is(nsW, "gridCol") {
				t.gridCols = min(t.gridCols+1, model.MaxGridCols)
			}
		}
	}
	// Fields and deleted paragraph marks do not cross into a table.
	savedFields := w.fields
	w.fields = nil
	w.rows(tbl.children, t)
	w.fields = savedFields
	return t
}

// rows reads the w:tr of a table through row-level wrappers (w:sdt,
// w:customXml, tracked insertions).
func (w *walker) rows(nodes []*node, t *table) {
	for _, n := range nodes {
		switch {
		case n.is(nsW, "tr"):
			trPr := n.child(nsW, "trPr")
			if trPr.child(nsW, "del") != nil { // a deleted row: accepted, gone
				continue
			}
			r := row{
				gridBefore: spanVal(trPr.child(nsW, "gridBefore"), 0),
				gridAfter:  spanVal(trPr.child(nsW, "gridAfter"), 0),
			}
			w.cells(n.children, t.index, &r)
			t.rows = append(t.rows, r)
		case n.is(nsW, "sdt"):
			if c := n.child(nsW, "sdtContent"); c != nil {
				w.rows(c.children, t)
			}
		case n.is(nsW, "customXml"), n.is(nsW, "ins"), n.is(nsW, "moveTo"):
			w.rows(n.children, t)
		case n.is(nsMC, "AlternateContent"):
			w.rows(chooseBranch(n), t)
		}
	}
}

func (w *walker) cells(nodes []*node, idx int, r *row) {
	for _, n := range nodes {
		switch {
		case n.is(nsW, "tc"):
			if w.budget.Cells(1) != nil {
				return
			}
			tcPr := n.child(nsW, "tcPr")
			c := tcell{gridSpan: spanVal(tcPr.child(nsW, "gridSpan"), 1)}
			if vm := tcPr.child(nsW, "vMerge"); vm != nil {
				c.vMerge = mergeVal(vm)
			}
			if hm := tcPr.child(nsW, "hMerge"); hm != nil {
				c.hMerge = mergeVal(hm)
			}
			w.blocks(n.children, sameIndex(idx), &c.blocks)
			w.flushCarry(&c.blocks)
			r.cells = append(r.cells, c)
		case n.is(nsW, "sdt"):
			if c := n.child(nsW, "sdtContent"); c != nil {
				w.cells(c.children, idx, r)
			}
		case n.is(nsW, "customXml"), n.is(nsW, "ins"), n.is(nsW, "moveTo"):
			w.cells(n.children, idx, r)
		case n.is(nsMC, "AlternateContent"):
			w.cells(chooseBranch(n), idx, r)
		}
	}
}

// mergeVal reads w:vMerge / w:hMerge; without w:val it means continue.
func mergeVal(n *node) string {
	if n.val() == "restart" {
		return "restart"
	}
	return "continue"
}

func spanVal(n *node, def int) int {
	if n == nil {
		return def
	}
	v, err := strconv.Atoi(strings.TrimSpace(n.val()))
	if err != nil || v < 0 {
		return def
	}
	if v > maxSpan {
		return maxSpan
	}
	if def == 1 && v == 0 {
		return 1
	}
	return v
}

// assembler turns walked blocks into the document model: tables numbered in
// document order (a table before the tables nested in it) and laid on their
// grid.
type assembler struct {
	doc       *model.Document
	budget    *model.Budget
	hasNested map[int]bool // tables, by number, with tables nested in them
}

func (a *assembler) body(blocks []block) {
	for _, b := range blocks {
		if b.para != nil {
			a.doc.Body = append(a.doc.Body, model.Block{Kind: model.KindParagraph, Para: *b.para, Pos: model.Pos{Index: b.index}})
			continue
		}
		no := a.add(b, 0, 0, 0)
		a.doc.Body = append(a.doc.Body, model.Block{Kind: model.KindTable, TableNo: no, Pos: model.Pos{Index: b.index}})
	}
}

// add adds the table of b to Document.Tables and returns its number; a
// nested one names the cell it stands in.
func (a *assembler) add(b block, parent, prow, pcol int) int {
	if b.imported != nil {
		return a.imported(b.imported, b.index, parent, prow, pcol)
	}
	return a.table(b.table, parent, prow, pcol)
}

// imported adds a table of an imported document, laid out there: it stands
// at body index idx of this one.
func (a *assembler) imported(t *model.Table, idx, parent, prow, pcol int) int {
	out := model.Table{No: len(a.doc.Tables) + 1, Rows: t.Rows, Cols: t.Cols, Pos: model.Pos{Index: idx},
		ParentTable: parent, ParentRow: prow, ParentCol: pcol, Cells: make([]model.Cell, len(t.Cells))}
	for i, c := range t.Cells {
		c.Pos = model.Pos{Index: idx}
		out.Cells[i] = c
	}
	a.doc.Tables = append(a.doc.Tables, out)
	return out.No
}

// table lays t on its grid and adds it, then the tables nested in it, to
// Document.Tables; it returns t's number.
func (a *assembler) table(t *table, parent, prow, pcol int) int {
	b := model.NewGridBuilder(a.doc, model.Table{Cols: t.gridCols, Pos: model.Pos{Index: t.index},
		ParentTable: parent, ParentRow: prow, ParentCol: pcol})
	for _, rw := range t.rows {
		b.StartRow(rw.gridBefore)
		for _, tc := range rw.cells {
			// The paragraphs of a cell beyond the grid are not read: the
			// tables nested in it are dropped with it.
			var paras []model.Paragraph
			if r, col, ok := b.Next(tc.gridSpan); ok {
				paras = a.cellParas(tc.blocks, b.No(), r, col)
			}
			if !b.Add(model.GridCell{Span: tc.gridSpan, Paras: paras, Pos: model.Pos{Index: t.index},
				ContinueLeft: tc.hMerge == "continue", ContinueUp: tc.vMerge == "continue"}) {
				break
			}
		}
		b.EndRow(rw.gridAfter)
	}
	return b.Done()
}

// cellParas returns the paragraphs of a cell, the paragraphs of a table
// nested in it included (those tables are also added on their own). A
// nested table that holds tables itself keeps its text to itself: were
// each level to copy the text of all those below it, deep nesting would
// multiply the text (80 nested tables: millions of figures).
func (a *assembler) cellParas(blocks []block, parent, r, c int) []model.Paragraph {
	var out []model.Paragraph
	for _, b := range blocks {
		if b.para != nil {
			out = append(out, *b.para)
			continue
		}
		if a.hasNested == nil {
			a.hasNested = map[int]bool{}
		}
		a.hasNested[parent] = true
		no := a.add(b, parent, r, c)
		if a.hasNested[no] {
			continue
		}
		for _, cell := range a.doc.Tables[no-1].Cells {
			for _, p := range cell.Paras {
				if a.budget.Text(len(p.Text)) != nil {
					return out
				}
			}
			out = append(out, cell.Paras...)
		}
	}
	return out
}

// storyText flattens a story's blocks to text, one line per paragraph,
// table cells in grid order.
func storyText(blocks []block) string {
	var lines []string
	var walk func([]block)
	walk = func(bs []block) {
		for _, b := range bs {
			if b.para != nil {
				lines = append(lines, b.para.Text)
				continue
			}
			if b.imported != nil {
				for _, c := range b.imported.Cells {
					for _, p := range c.Paras {
						lines = append(lines, p.Text)
					}
				}
				continue
			}
			for _, r := range b.table.rows {
				for _, c := range r.cells {
					walk(c.blocks)
				}
			}
		}
	}
	walk(blocks)
	return strings.Join(lines, "\n")
}
