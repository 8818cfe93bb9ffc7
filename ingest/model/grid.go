package model

import (
	"fmt"
	"strings"
)

// MaxGridCols bounds a table's width (Word makes at most 63 columns): a
// GridBuilder drops cells beyond it with a warning, so that a hostile file
// cannot declare a grid of billions of positions.
const MaxGridCols = 1000

// GridCell is a cell as a reader finds it in a row, before it has a place
// on the grid.
type GridCell struct {
	Span  int // grid columns it covers, at least 1
	Paras []Paragraph
	Pos   Pos

	// ContinueLeft widens the cell placed before it in the row (Word's
	// legacy horizontal merge).
	ContinueLeft bool
	// ContinueUp lengthens the cell above it, when that cell starts at the
	// same column and reaches down to this row (a vertical merge);
	// otherwise the cell stands on its own.
	ContinueUp bool
}

// GridBuilder lays the rows of cells a reader finds on a table's grid, for
// every reader alike: it places each cell after the cells before it in its
// row, resolves merges, bounds the width, and joins each cell's paragraphs
// into its Text.
type GridBuilder struct {
	doc     *Document
	t       Table
	above   []int // per grid column: the cell of the row above covering it, or -1
	here    []int // the same for the row being built
	col     int   // grid column of the row's next cell
	last    int   // the cell last placed in the row, or -1
	dropped bool  // the rest of the row is beyond MaxGridCols
}

// NewGridBuilder starts a table of doc from t: t.Cols is the width the
// table declares (its rows may widen it), t.Pos and the parent fields are
// kept. The table takes its number now, so that tables nested in its
// cells, built while it is, come after it in Document.Tables.
func NewGridBuilder(doc *Document, t Table) *GridBuilder {
	t.No = len(doc.Tables) + 1
	t.Rows, t.Cells = 0, nil
	t.Cols = min(t.Cols, MaxGridCols)
	doc.Tables = append(doc.Tables, Table{No: t.No})
	return &GridBuilder{doc: doc, t: t}
}

// No is the number of the table being built.
func (b *GridBuilder) No() int { return b.t.No }

// StartRow starts a row whose first cell stands skip grid columns in.
func (b *GridBuilder) StartRow(skip int) {
	b.t.Rows++
	b.here = nil
	b.col, b.last, b.dropped = skip, -1, false
}

// Next tells where the next cell of the row, span columns wide, would
// stand; ok is false when it would reach beyond MaxGridCols.
func (b *GridBuilder) Next(span int) (row, col int, ok bool) {
	return b.t.Rows - 1, b.col, !b.dropped && b.col+span <= MaxGridCols
}

// Add places c after the cells added to the row before it. A cell that
// would reach beyond MaxGridCols is dropped, with the rest of its row,
// and a warning; Add then returns false.
func (b *GridBuilder) Add(c GridCell) bool {
	if b.dropped {
		return false
	}
	r, col, span := b.t.Rows-1, b.col, c.Span
	if col+span > MaxGridCols {
		b.dropped = true
		b.doc.Warnings = append(b.doc.Warnings, fmt.Sprintf("table %d row %d: cells beyond %d grid columns dropped", b.t.No, r+1, MaxGridCols))
		return false
	}
	b.col += span
	if c.ContinueLeft && b.last >= 0 {
		b.t.Cells[b.last].ColSpan += span
		appendParas(&b.t.Cells[b.last], c.Paras)
		b.cover(col, span, b.last)
		return true
	}
	if c.ContinueUp && col < len(b.above) && b.above[col] >= 0 {
		k := b.above[col]
		if up := &b.t.Cells[k]; up.Col == col && up.Row+up.RowSpan == r {
			up.RowSpan++
			appendParas(up, c.Paras)
			b.cover(col, span, k)
			b.last = k
			return true
		}
	}
	b.t.Cells = append(b.t.Cells, Cell{Row: r, Col: col, RowSpan: 1, ColSpan: span, Pos: c.Pos})
	b.last = len(b.t.Cells) - 1
	appendParas(&b.t.Cells[b.last], c.Paras)
	b.cover(col, span, b.last)
	return true
}

// cover records that cell k covers span columns from col in this row.
func (b *GridBuilder) cover(col, span, k int) {
	for len(b.here) < col+span {
		b.here = append(b.here, -1)
	}
	for c := col; c < col+span; c++ {
		b.here[c] = k
	}
}

// EndRow ends the row; after grid columns stand empty after its last cell.
func (b *GridBuilder) EndRow(after int) {
	if end := min(b.col+after, MaxGridCols); end > b.t.Cols {
		b.t.Cols = end
	}
	b.above = b.here
}

// Done joins each cell's paragraphs into its Text, puts the table in
// doc.Tables and returns its number.
func (b *GridBuilder) Done() int {
	for i := range b.t.Cells {
		c := &b.t.Cells[i]
		texts := make([]string, len(c.Paras))
		for j, p := range c.Paras {
			texts[j] = p.Text
		}
		c.Text = strings.Join(texts, "\n")
	}
	b.doc.Tables[b.t.No-1] = b.t
	return b.t.No
}

// appendParas adds paragraphs to a cell; the continuation of a merge adds
// only what is not empty, as Word shows merged cells.
func appendParas(c *Cell, paras []Paragraph) {
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
