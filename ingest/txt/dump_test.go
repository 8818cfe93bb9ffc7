package txt

import (
	"fmt"
	"strings"

	"github.com/govreports/govreports/ingest/model"
)

// dump writes doc as the readable text the golden files hold: one line per
// paragraph, a heading line per table followed by its cells.
func dump(doc *model.Document) string {
	var b strings.Builder
	fmt.Fprintf(&b, "format %s, encoding %s\n", doc.Format, doc.Encoding)
	for _, w := range doc.Warnings {
		fmt.Fprintf(&b, "warning: %s\n", w)
	}
	for _, blk := range doc.Body {
		switch blk.Kind {
		case model.KindParagraph:
			fmt.Fprintf(&b, "P %s %q\n", lines(blk.Pos), blk.Para.Text)
		case model.KindTable:
			if blk.TableNo < 1 || blk.TableNo > len(doc.Tables) {
				fmt.Fprintf(&b, "T%d missing\n", blk.TableNo)
				continue
			}
			t := &doc.Tables[blk.TableNo-1]
			fmt.Fprintf(&b, "T%d %s %d×%d\n", t.No, lines(t.Pos), t.Rows, t.Cols)
			for _, c := range t.Cells {
				span := ""
				if c.RowSpan != 1 || c.ColSpan != 1 {
					span = fmt.Sprintf(" span %d×%d", c.RowSpan, c.ColSpan)
				}
				fmt.Fprintf(&b, "  [%d,%d]%s %s %q\n", c.Row, c.Col, span, lines(c.Pos), c.Text)
			}
		}
	}
	return b.String()
}

func lines(p model.Pos) string {
	if p.EndLine == p.Line {
		return fmt.Sprintf("L%d", p.Line)
	}
	return fmt.Sprintf("L%d-%d", p.Line, p.EndLine)
}
