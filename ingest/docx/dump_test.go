package docx

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/govreports/govreports/corpus/golden"
	"github.com/govreports/govreports/ingest/model"
)

// dump renders a document as readable text for golden files: every body
// block with its properties, every table on its grid, parts, properties
// and warnings.
func dump(doc *model.Document) string {
	var b strings.Builder
	for _, bl := range doc.Body {
		if bl.Kind == model.KindTable {
			fmt.Fprintf(&b, "T %d table %d\n", bl.Pos.Index, bl.TableNo)
			continue
		}
		p := bl.Para
		fmt.Fprintf(&b, "P %d%s %q\n", bl.Pos.Index, paraProps(p), p.Text)
	}
	for _, t := range doc.Tables {
		fmt.Fprintf(&b, "TABLE %d %dx%d at %d", t.No, t.Rows, t.Cols, t.Pos.Index)
		if t.ParentTable != 0 {
			fmt.Fprintf(&b, " in table %d cell %d,%d", t.ParentTable, t.ParentRow, t.ParentCol)
		}
		b.WriteString("\n")
		for _, c := range t.Cells {
			fmt.Fprintf(&b, "  %d,%d span %dx%d %q", c.Row, c.Col, c.RowSpan, c.ColSpan, c.Text)
			for _, p := range c.Paras {
				if s := paraProps(p); s != "" {
					fmt.Fprintf(&b, " {%s}", strings.TrimSpace(s))
				}
			}
			b.WriteString("\n")
		}
	}
	for _, p := range doc.Parts {
		fmt.Fprintf(&b, "PART %s %s %q\n", p.Kind, p.Name, p.Text)
	}
	keys := make([]string, 0, len(doc.Props))
	for k := range doc.Props {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(&b, "PROP %s=%q\n", k, doc.Props[k])
	}
	for _, w := range doc.Warnings {
		fmt.Fprintf(&b, "WARN %s\n", w)
	}
	return b.String()
}

func paraProps(p model.Paragraph) string {
	var s []string
	if p.Style != "" {
		s = append(s, "style="+p.Style)
	}
	if p.OutlineLevel != 0 {
		s = append(s, fmt.Sprintf("outline=%d", p.OutlineLevel))
	}
	if p.NumLevel >= 0 || p.Marker != "" || p.NumID != "" {
		s = append(s, fmt.Sprintf("num=%s/%d marker=%q", p.NumID, p.NumLevel, p.Marker))
	}
	if p.Bold {
		s = append(s, "bold")
	}
	if p.Centered {
		s = append(s, "center")
	}
	if p.PageBreak {
		s = append(s, "pagebreak")
	}
	if len(s) == 0 {
		return ""
	}
	return " [" + strings.Join(s, " ") + "]"
}

// checkGolden compares got with testdata/golden/name.golden, or rewrites it
// under -update.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	golden.Check(t, filepath.Join("testdata", "golden", name+".golden"), []byte(got))
}

// bodyText is the body as plain text: paragraphs and table cells, one per
// line, in reading order.
func bodyText(doc *model.Document) string {
	var lines []string
	for _, b := range doc.Body {
		if b.Kind == model.KindParagraph {
			lines = append(lines, b.Para.Text)
			continue
		}
		for _, c := range doc.Tables[b.TableNo-1].Cells {
			lines = append(lines, c.Text)
		}
	}
	return strings.Join(lines, "\n")
}

// checkGrid checks that a document's tables are grids: cells within the
// table, spans at least 1, no grid position covered twice, cells in
// row-major order, nested tables pointing at a real cell.
func checkGrid(t *testing.T, name string, doc *model.Document) {
	t.Helper()
	for i, tb := range doc.Tables {
		if tb.No != i+1 {
			t.Errorf("%s: table %d numbered %d", name, i+1, tb.No)
		}
		covered := map[[2]int]bool{}
		prev := [2]int{-1, -1}
		for _, c := range tb.Cells {
			if c.RowSpan < 1 || c.ColSpan < 1 || c.Row < 0 || c.Col < 0 || c.Row+c.RowSpan > tb.Rows || c.Col+c.ColSpan > tb.Cols {
				t.Errorf("%s: table %d (%dx%d) has cell %d,%d span %dx%d outside its grid", name, tb.No, tb.Rows, tb.Cols, c.Row, c.Col, c.RowSpan, c.ColSpan)
			}
			if c.Row < prev[0] || (c.Row == prev[0] && c.Col <= prev[1]) {
				t.Errorf("%s: table %d: cell %d,%d out of row-major order", name, tb.No, c.Row, c.Col)
			}
			prev = [2]int{c.Row, c.Col}
			for r := c.Row; r < c.Row+c.RowSpan; r++ {
				for k := c.Col; k < c.Col+c.ColSpan; k++ {
					if covered[[2]int{r, k}] {
						t.Errorf("%s: table %d: grid position %d,%d covered twice", name, tb.No, r, k)
					}
					covered[[2]int{r, k}] = true
				}
			}
		}
		if tb.ParentTable != 0 {
			if tb.ParentTable >= tb.No || doc.Tables[tb.ParentTable-1].Cell(tb.ParentRow, tb.ParentCol) == nil {
				t.Errorf("%s: table %d: parent %d cell %d,%d does not exist", name, tb.No, tb.ParentTable, tb.ParentRow, tb.ParentCol)
			}
		}
	}
}
