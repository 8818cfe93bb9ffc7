package docx

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/govreports/govreports/ingest/model"
)

// maxSpan bounds gridSpan, gridBefore and gridAfter so that a hostile
// value cannot make the grid huge.
const maxSpan = 1000

// maxGridCols bounds a table's width (Word makes at most 63 columns): cells
// beyond it are dropped with a warning, so that a hostile table cannot
// declare a grid of billions of positions.
const maxGridCols = 1000

func (w *walker) table(tbl *node, idx int) *table {
	t := &table{index: idx}
	if g := tbl.child(nsW, "tblGrid"); g != nil {
		for _, c := range g.children {
			if c.is(nsW, "gridCol") {
				t.gridCols = min(t.gridCols+1, maxGridCols)
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
	doc *model.Document
}

func (a *assembler) body(blocks []block) {
	for _, b := range blocks {
		if b.para != nil {
			a.doc.Body = append(a.doc.Body, model.Block{Kind: model.KindParagraph, Para: *b.para, Pos: model.Pos{Index: b.index}})
			continue
		}
		no := a.table(b.table, 0, 0, 0)
		a.doc.Body = append(a.doc.Body, model.Block{Kind: model.KindTable, TableNo: no, Pos: model.Pos{Index: b.index}})
	}
}

// table lays t on its grid and adds it, then the tables nested in it, to
// Document.Tables; it returns t's number.
func (a *assembler) table(t *table, parent, prow, pcol int) int {
	no := len(a.doc.Tables) + 1
	a.doc.Tables = append(a.doc.Tables, model.Table{No: no})
	out := model.Table{No: no, Rows: len(t.rows), Cols: t.gridCols, Pos: model.Pos{Index: t.index},
		ParentTable: parent, ParentRow: prow, ParentCol: pcol}

	var above []int // per grid column: the cell of the row above covering it, or -1
	for r, rw := range t.rows {
		var here []int
		set := func(col, span, k int) {
			for len(here) < col+span {
				here = append(here, -1)
			}
			for c := col; c < col+span; c++ {
				here[c] = k
			}
		}
		col := rw.gridBefore
		last := -1 // the cell last placed in this row
		for _, tc := range rw.cells {
			span := tc.gridSpan
			if col+span > maxGridCols {
				a.doc.Warnings = append(a.doc.Warnings, fmt.Sprintf("table %d row %d: cells beyond %d grid columns dropped", no, r+1, maxGridCols))
				break
			}
			paras := a.cellParas(tc.blocks, no, r, col)
			if tc.hMerge == "continue" && last >= 0 {
				// Legacy horizontal merge: the cell widens its left neighbour.
				out.Cells[last].ColSpan += span
				a.appendParas(&out.Cells[last], paras)
				set(col, span, last)
				col += span
				continue
			}
			if tc.vMerge == "continue" && col < len(above) && above[col] >= 0 {
				k := above[col]
				if c := &out.Cells[k]; c.Col == col && c.Row+c.RowSpan == r {
					c.RowSpan++
					a.appendParas(c, paras)
					set(col, span, k)
					col += span
					last = k
					continue
				}
			}
			out.Cells = append(out.Cells, model.Cell{Row: r, Col: col, RowSpan: 1, ColSpan: span, Pos: model.Pos{Index: t.index}})
			last = len(out.Cells) - 1
			a.appendParas(&out.Cells[last], paras)
			set(col, span, last)
			col += span
		}
		if end := min(col+rw.gridAfter, maxGridCols); end > out.Cols {
			out.Cols = end
		}
		above = here
	}
	for i := range out.Cells {
		c := &out.Cells[i]
		texts := make([]string, len(c.Paras))
		for j, p := range c.Paras {
			texts[j] = p.Text
		}
		c.Text = strings.Join(texts, "\n")
	}
	a.doc.Tables[no-1] = out
	return no
}

// cellParas returns the paragraphs of a cell, the paragraphs of tables
// nested in it included (those tables are also added on their own).
func (a *assembler) cellParas(blocks []block, parent, r, c int) []model.Paragraph {
	var out []model.Paragraph
	for _, b := range blocks {
		if b.para != nil {
			out = append(out, *b.para)
			continue
		}
		no := a.table(b.table, parent, r, c)
		for _, cell := range a.doc.Tables[no-1].Cells {
			out = append(out, cell.Paras...)
		}
	}
	return out
}

// appendParas adds paragraphs to a cell; the continuation of a merge adds
// only what is not empty, as Word shows merged cells.
func (a *assembler) appendParas(c *model.Cell, paras []model.Paragraph) {
	if len(c.Paras) > 0 {
		empty := true
		for _, p := range paras {
			if strings.TrimSpace(p.Text) != "" {
				empty = false
			}
		}
		if empty {
			return
		}
	}
	c.Paras = append(c.Paras, paras...)
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
