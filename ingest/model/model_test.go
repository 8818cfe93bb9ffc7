package model

import "testing"

func TestTableCell(t *testing.T) {
	tb := &Table{Rows: 3, Cols: 3, Cells: []Cell{
		{Row: 0, Col: 0, RowSpan: 1, ColSpan: 3, Text: "title"},
		{Row: 1, Col: 0, RowSpan: 2, ColSpan: 1, Text: "merged down"},
		{Row: 1, Col: 1, RowSpan: 1, ColSpan: 1, Text: "b"},
		{Row: 2, Col: 2, RowSpan: 1, ColSpan: 1, Text: "c"},
	}}
	tests := []struct {
		row, col int
		want     string
	}{
		{0, 0, "title"}, {0, 2, "title"}, {1, 0, "merged down"}, {2, 0, "merged down"},
		{1, 1, "b"}, {1, 2, ""}, {2, 1, ""}, {2, 2, "c"}, {3, 0, ""}, {-1, 0, ""}, {0, 3, ""},
	}
	for _, tt := range tests {
		got := ""
		if c := tb.Cell(tt.row, tt.col); c != nil {
			got = c.Text
		}
		if got != tt.want {
			t.Errorf("Cell(%d, %d) = %q, want %q", tt.row, tt.col, got, tt.want)
		}
	}
}

func TestTableCellSparseGrid(t *testing.T) {
	// A hostile file's table: a huge declared grid, one cell.
	tb := &Table{Rows: 200000, Cols: 1000000, Cells: []Cell{{Row: 5, Col: 7, RowSpan: 1, ColSpan: 2, Text: "x"}}}
	if c := tb.Cell(5, 8); c == nil || c.Text != "x" {
		t.Errorf("Cell(5, 8) = %v", c)
	}
	if c := tb.Cell(199999, 999999); c != nil {
		t.Errorf("Cell(last) = %v, want nil", c)
	}
}
