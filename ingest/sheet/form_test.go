package sheet_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/govreports/govreports/corpus/docxgen"
	"github.com/govreports/govreports/extract"
	"github.com/govreports/govreports/ingest/docx"
	"github.com/govreports/govreports/ingest/model"
	"github.com/govreports/govreports/ingest/sheet"
	"github.com/govreports/govreports/ingest/soffice"
	"github.com/govreports/govreports/ingest/soffice/sofficetest"
)

// cell is one cell of the form: a string, a number (float64) or a share
// (pct), spanning right columns to its right and down rows below.
type cell struct {
	v           any
	right, down int
}

type pct float64

// text is the cell as Word shows it, typed by hand.
func (c cell) text() string {
	switch v := c.v.(type) {
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case pct:
		return fmt.Sprintf("%.2f%%", float64(v)*100)
	case nil:
		return ""
	}
	return c.v.(string)
}

// title is the form's title, a merged row of the spreadsheet above the
// table, a centred paragraph above the Word table.
const title = "项目支出绩效自评表（2022年度）"

// form is a 项目支出绩效自评表 as departments fill it in, seven columns
// wide; nil stands in the places a merged cell covers.
var form = [][]cell{
	{{"项目名称", 0, 0}, {"某某乡村道路养护项目", 6, 0}, {}, {}, {}, {}, {}},
	{{"主管部门", 0, 0}, {"某某县交通运输局", 2, 0}, {}, {}, {"实施单位", 0, 0}, {"某某县公路事业发展中心", 1, 0}, {}},
	{{"项目资金（万元）", 0, 0}, {"年初预算数", 0, 0}, {"全年预算数", 0, 0}, {"全年执行数", 0, 0}, {"分值", 0, 0}, {"执行率", 0, 0}, {"得分", 0, 0}},
	{{"年度资金总额", 0, 0}, {120.0, 0, 0}, {118.5, 0, 0}, {117.32, 0, 0}, {10.0, 0, 0}, {pct(0.99), 0, 0}, {9.9, 0, 0}},
	{{"其中：当年财政拨款", 0, 0}, {120.0, 0, 0}, {118.5, 0, 0}, {117.32, 0, 0}, {"—", 0, 0}, {pct(0.99), 0, 0}, {"—", 0, 0}},
	{{"上年结转资金", 0, 0}, {0.0, 0, 0}, {0.0, 0, 0}, {0.0, 0, 0}, {"—", 0, 0}, {"—", 0, 0}, {"—", 0, 0}},
	{{"其他资金", 0, 0}, {0.0, 0, 0}, {0.0, 0, 0}, {0.0, 0, 0}, {"—", 0, 0}, {"—", 0, 0}, {"—", 0, 0}},
	{{"年度总体目标", 0, 1}, {"预期目标", 2, 0}, {}, {}, {"实际完成情况", 2, 0}, {}, {}},
	{{}, {"完成全县乡村道路日常养护120公里，保障道路安全畅通。", 2, 0}, {}, {}, {"完成乡村道路日常养护125公里，道路安全畅通。", 2, 0}, {}, {}},
	{{"一级指标", 0, 0}, {"二级指标", 0, 0}, {"三级指标", 0, 0}, {"年度指标值", 0, 0}, {"实际完成值", 0, 0}, {"分值", 0, 0}, {"得分", 0, 0}},
	{{"产出指标", 0, 1}, {"数量指标", 0, 0}, {"养护里程", 0, 0}, {"≥120公里", 0, 0}, {"125公里", 0, 0}, {20.0, 0, 0}, {20.0, 0, 0}},
	{{}, {"质量指标", 0, 0}, {"路面优良率", 0, 0}, {"≥85%", 0, 0}, {"88%", 0, 0}, {20.0, 0, 0}, {20.0, 0, 0}},
	{{"效益指标", 0, 0}, {"社会效益指标", 0, 0}, {"群众出行满意度", 0, 0}, {"≥90%", 0, 0}, {"93%", 0, 0}, {10.0, 0, 0}, {10.0, 0, 0}},
}

// formXLSX writes the form as a workbook, the title a merged first row.
func formXLSX(t *testing.T, s string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", s); err != nil {
		t.Fatal(err)
	}
	percent, err := f.NewStyle(&excelize.Style{NumFmt: 10}) // 0.00%
	if err != nil {
		t.Fatal(err)
	}
	name := func(r, c int) string { n, _ := excelize.CoordinatesToCellName(c+1, r+1); return n }
	f.SetCellValue(s, "A1", title)
	f.MergeCell(s, "A1", "G1")
	for r, row := range form {
		for c, x := range row {
			if x.v == nil {
				continue
			}
			at := name(r+1, c)
			switch v := x.v.(type) {
			case pct:
				f.SetCellValue(s, at, float64(v))
				f.SetCellStyle(s, at, at, percent)
			default:
				f.SetCellValue(s, at, v)
			}
			if x.right > 0 || x.down > 0 {
				if err := f.MergeCell(s, at, name(r+1+x.down, c+x.right)); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// formDOCX writes the form as Word does: the title a centred paragraph,
// the form a table with gridSpan and vMerge.
func formDOCX(t *testing.T) []byte {
	t.Helper()
	var b strings.Builder
	b.WriteString(`<w:p><w:pPr><w:jc w:val="center"/></w:pPr>` + docxgen.R(title) + `</w:p>`)
	b.WriteString(`<w:tbl><w:tblGrid>` + strings.Repeat(`<w:gridCol/>`, 7) + `</w:tblGrid>`)
	down := map[int]int{} // column → rows a vertical merge still covers
	for _, row := range form {
		b.WriteString(`<w:tr>`)
		for c := 0; c < len(row); {
			x := row[c]
			switch {
			case down[c] > 0:
				down[c]--
				b.WriteString(`<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>`)
				c++
				continue
			case x.down > 0:
				down[c] = x.down
				b.WriteString(`<w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>`)
			case x.right > 0:
				fmt.Fprintf(&b, `<w:tc><w:tcPr><w:gridSpan w:val="%d"/></w:tcPr>`, x.right+1)
			default:
				b.WriteString(`<w:tc>`)
			}
			b.WriteString(docxgen.P(x.text()) + `</w:tc>`)
			c += x.right + 1
		}
		b.WriteString(`</w:tr>`)
	}
	b.WriteString(`</w:tbl>`)
	data, err := docxgen.Doc{Body: b.String()}.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// facts are what the form states, read off it by hand.
var facts = formFacts{
	project: "某某乡村道路养护项目",
	dept:    "某某县交通运输局",
	unit:    "某某县公路事业发展中心",
	year:    2022,
	budget:  "1185000",
	actual:  "1173200",
}

type formFacts struct {
	project, dept, unit string
	year                int
	budget, actual      string
}

func checkForm(t *testing.T, doc *model.Document) {
	t.Helper()
	x := extract.Extract(doc)
	if len(x.Reports) != 1 {
		t.Fatalf("%d reports, want 1", len(x.Reports))
	}
	r := x.Reports[0]
	got := formFacts{project: r.ProjectName, dept: r.SupervisingDept, unit: r.ImplementingUnit, year: r.EvaluationYear}
	for _, f := range r.Funds {
		if f.Item == "年度资金总额" && f.Budget != nil && f.Actual != nil {
			got.budget, got.actual = *f.Budget, *f.Actual
		}
	}
	if got != facts {
		t.Errorf("facts\n got %+v\nwant %+v\nfunds: %s", got, facts, fundsOf(r.Funds))
	}
}

func fundsOf(fs []model.Fund) string {
	var out []string
	for _, f := range fs {
		str := func(a *model.Amount) string {
			if a == nil {
				return "-"
			}
			return *a
		}
		out = append(out, f.Item+" "+str(f.Budget)+" "+str(f.Actual))
	}
	return strings.Join(out, "; ")
}

// TestFormAsSheetAndAsWord checks that the self-evaluation form gives the
// same facts kept as an .xlsx, as a .docx, and as an .xls LibreOffice
// makes of the .xlsx.
func TestFormAsSheetAndAsWord(t *testing.T) {
	xlsx := formXLSX(t, "自评表")
	t.Run("docx", func(t *testing.T) {
		doc, err := docx.ReadBytes("form.docx", formDOCX(t))
		if err != nil {
			t.Fatal(err)
		}
		checkForm(t, doc)
	})
	t.Run("xlsx", func(t *testing.T) {
		doc, err := sheet.ReadBytes("form.xlsx", xlsx)
		if err != nil {
			t.Fatal(err)
		}
		checkForm(t, doc)
	})
	t.Run("xlsx/Sheet1", func(t *testing.T) {
		// A sheet left with its default name.
		doc, err := sheet.ReadBytes("form.xlsx", formXLSX(t, "Sheet1"))
		if err != nil {
			t.Fatal(err)
		}
		checkForm(t, doc)
	})
	t.Run("xls", func(t *testing.T) {
		conv := sofficetest.New(t, soffice.XLSX)
		dir := t.TempDir()
		src := filepath.Join(dir, "form.xlsx")
		if err := os.WriteFile(src, xlsx, 0o644); err != nil {
			t.Fatal(err)
		}
		xls := sofficetest.Convert(t, src, "xls")
		doc, err := sheet.NewLegacy(conv).Read(context.Background(), "form.xls", xls)
		if err != nil {
			t.Fatal(err)
		}
		if doc.Format != "xls" {
			t.Errorf("format %q, want xls", doc.Format)
		}
		checkForm(t, doc)
	})
}
