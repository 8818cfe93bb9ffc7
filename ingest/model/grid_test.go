package model

import (
	"fmt"
	"strings"
	"testing"
)

func paras(texts ...string) []Paragraph {
	var out []Paragraph
	for _, t := range texts {
		out = append(out, Paragraph{Text: t, NumLevel: -1})
	}
	return out
}

// layout prints a table's cells as row,col rowspan x colspan "text".
func layout(t Table) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%dx%d", t.Rows, t.Cols)
	for _, c := range t.Cells {
		fmt.Fprintf(&b, " %d,%d %dx%d %q", c.Row, c.Col, c.RowSpan, c.ColSpan, c.Text)
	}
	return b.String()
}

func TestGridBuilderResolvesMerges(t *testing.T) {
	doc := &Document{}
	b := NewGridBuilder(doc, Table{Cols: 3})
	// 项目 spans two rows; 金额 two columns in the first row.
	b.StartRow(0)
	b.Add(GridCell{Span: 1, Paras: paras("项目")})
	b.Add(GridCell{Span: 2, Paras: paras("金额")})
	b.EndRow(0)
	b.StartRow(0)
	b.Add(GridCell{Span: 1, ContinueUp: true, Paras: paras("")}) // an empty continuation adds nothing
	b.Add(GridCell{Span: 1, Paras: paras("预算")})
	b.Add(GridCell{Span: 1, Paras: paras("实际")})
	b.EndRow(0)
	// A legacy horizontal merge widens the cell on its left.
	b.StartRow(1)
	b.Add(GridCell{Span: 1, Paras: paras("72.4")})
	b.Add(GridCell{Span: 1, ContinueLeft: true, Paras: paras("万元")})
	b.EndRow(1)
	if no := b.Done(); no != 1 || len(doc.Tables) != 1 {
		t.Fatalf("table %d of %d", no, len(doc.Tables))
	}
	want := `3x4 0,0 2x1 "项目" 0,1 1x2 "金额" 1,1 1x1 "预算" 1,2 1x1 "实际" 2,1 1x2 "72.4\n万元"`
	if got := layout(doc.Tables[0]); got != want {
		t.Errorf("layout\n got %s\nwant %s", got, want)
	}
}

// A merge with nothing to continue is a cell of its own.
func TestGridBuilderLoneContinuation(t *testing.T) {
	doc := &Document{}
	b := NewGridBuilder(doc, Table{})
	b.StartRow(0)
	b.Add(GridCell{Span: 1, ContinueUp: true, ContinueLeft: true, Paras: paras("甲")})
	b.EndRow(0)
	b.Done()
	if got, want := layout(doc.Tables[0]), `1x1 0,0 1x1 "甲"`; got != want {
		t.Errorf("layout %s, want %s", got, want)
	}
}

// A table started while another is built (a nested one) comes after it.
func TestGridBuilderNumbersOuterTablesFirst(t *testing.T) {
	doc := &Document{}
	outer := NewGridBuilder(doc, Table{})
	outer.StartRow(0)
	inner := NewGridBuilder(doc, Table{ParentTable: outer.No()})
	inner.StartRow(0)
	inner.Add(GridCell{Span: 1, Paras: paras("内")})
	inner.EndRow(0)
	inner.Done()
	outer.Add(GridCell{Span: 1, Paras: paras("外")})
	outer.EndRow(0)
	outer.Done()
	if len(doc.Tables) != 2 || doc.Tables[0].Cells[0].Text != "外" || doc.Tables[1].Cells[0].Text != "内" || doc.Tables[1].ParentTable != 1 {
		t.Errorf("tables %+v", doc.Tables)
	}
}

func TestGridBuilderBoundsTheWidth(t *testing.T) {
	doc := &Document{}
	b := NewGridBuilder(doc, Table{Cols: 5 * MaxGridCols})
	b.StartRow(0)
	for range 5 {
		if _, _, ok := b.Next(MaxGridCols / 2); !ok {
			if b.Add(GridCell{Span: MaxGridCols / 2}) {
				t.Error("Add of a cell beyond the grid: true")
			}
			break
		}
		b.Add(GridCell{Span: MaxGridCols / 2, Paras: paras("宽")})
	}
	b.EndRow(MaxGridCols)
	b.Done()
	tb := doc.Tables[0]
	if tb.Cols != MaxGridCols || len(tb.Cells) != 2 {
		t.Errorf("table %dx%d with %d cells, want %d columns and 2 cells", tb.Rows, tb.Cols, len(tb.Cells), MaxGridCols)
	}
	if len(doc.Warnings) != 1 || !strings.Contains(doc.Warnings[0], "table 1 row 1: cells beyond") {
		t.Errorf("warnings %q", doc.Warnings)
	}
}
