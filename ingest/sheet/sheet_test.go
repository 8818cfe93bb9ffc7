package sheet_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/govreports/govreports/ingest/model"
	"github.com/govreports/govreports/ingest/sheet"
)

func workbook(t *testing.T, fill func(f *excelize.File)) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	fill(f)
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// cells lists a table's cells as "row,col span text".
func cells(t model.Table) string {
	var out []string
	for _, c := range t.Cells {
		out = append(out, fmt.Sprintf("%d,%d %dx%d %s", c.Row, c.Col, c.RowSpan, c.ColSpan, c.Text))
	}
	return strings.Join(out, " | ")
}

func TestValuesAsShownAndMerges(t *testing.T) {
	data := workbook(t, func(f *excelize.File) {
		day := time.Date(2022, 6, 30, 0, 0, 0, 0, time.UTC)
		short, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
		custom := "yyyy年m月d日"
		long, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &custom})
		thousands, _ := f.NewStyle(&excelize.Style{NumFmt: 4}) // #,##0.00
		f.SetCellValue("Sheet1", "B2", "日期")
		f.SetCellValue("Sheet1", "C2", day)
		f.SetCellStyle("Sheet1", "C2", "C2", short)
		f.SetCellValue("Sheet1", "D2", day)
		f.SetCellStyle("Sheet1", "D2", "D2", long)
		f.SetCellValue("Sheet1", "B3", "金额")
		f.SetCellValue("Sheet1", "C3", 1234567.5)
		f.SetCellStyle("Sheet1", "C3", "C3", thousands)
		f.SetCellValue("Sheet1", "D3", "合并\n两行")
		f.MergeCell("Sheet1", "D3", "D4")
		f.SetCellValue("Sheet1", "B4", "备注")
		f.SetCellValue("Sheet1", "C4", 0.5)
		f.NewSheet("空表")
		f.NewSheet("隐藏")
		f.SetCellValue("隐藏", "A1", "不读")
		f.SetSheetVisible("隐藏", false)
	})
	doc, err := sheet.ReadBytes("t.xlsx", data)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Body) != 2 || doc.Body[0].Para.Text != "Sheet1" || doc.Body[1].Kind != model.KindTable {
		t.Fatalf("body %+v, want the name of Sheet1 and its table (no empty, no hidden sheet)", doc.Body)
	}
	tb := doc.Tables[0]
	want := "0,0 1x1 日期 | 0,1 1x1 2022/6/30 | 0,2 1x1 2022年6月30日 | 1,0 1x1 金额 | 1,1 1x1 1,234,567.50 | 1,2 2x1 合并\n两行 | 2,0 1x1 备注 | 2,1 1x1 0.5"
	if got := cells(tb); got != want || tb.Rows != 3 || tb.Cols != 3 {
		t.Errorf("%dx%d table\n got %s\nwant %s", tb.Rows, tb.Cols, got, want)
	}
	if tb.Cells[0].Pos.Line != 2 {
		t.Errorf("first cell from row %d, want 2", tb.Cells[0].Pos.Line)
	}
}

func TestHostileSheetIsBounded(t *testing.T) {
	data := workbook(t, func(f *excelize.File) {
		sw, err := f.NewStreamWriter("Sheet1")
		if err != nil {
			t.Fatal(err)
		}
		wide := make([]any, sheet.MaxCols+5)
		wide[0], wide[1], wide[len(wide)-1] = "x", 1, "far"
		sw.SetRow("A1", wide)
		for r := 2; r <= sheet.MaxRows+10; r++ {
			cell, _ := excelize.CoordinatesToCellName(1, r)
			sw.SetRow(cell, []any{"x", r})
		}
		if err := sw.Flush(); err != nil {
			t.Fatal(err)
		}
	})
	doc, err := sheet.ReadBytes("big.xlsx", data)
	if err != nil {
		t.Fatal(err)
	}
	tb := doc.Tables[0]
	if tb.Rows != sheet.MaxRows || tb.Cols != 2 || len(doc.Warnings) != 2 {
		t.Errorf("%d rows, %d cols, warnings %q; want %d rows, 2 columns and two warnings", tb.Rows, tb.Cols, doc.Warnings, sheet.MaxRows)
	}
}

func TestNotAWorkbook(t *testing.T) {
	_, err := sheet.ReadBytes("bad.xlsx", []byte("PK\x03\x04 not really"))
	if err == nil || !strings.HasPrefix(err.Error(), "bad.xlsx: ") {
		t.Errorf("error %v, want one naming the file", err)
	}
}
