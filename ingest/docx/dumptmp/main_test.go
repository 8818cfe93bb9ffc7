package dump

import (
	"fmt"
	"os"
	"testing"

	"github.com/govreports/govreports/ingest/docx"
)

func TestDump(t *testing.T) {
	d, err := docx.Read(os.Getenv("F"))
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range d.Body {
		if b.Kind == 0 {
			p := b.Para
			fmt.Printf("%d P[%s o%d m%q l%d b%v c%v pb%v] %q\n", b.Pos.Index, p.Style, p.OutlineLevel, p.Marker, p.NumLevel, p.Bold, p.Centered, p.PageBreak, p.Text)
		} else {
			t := d.Tables[b.TableNo-1]
			fmt.Printf("%d T%d %dx%d\n", b.Pos.Index, t.No, t.Rows, t.Cols)
			for _, c := range t.Cells {
				fmt.Printf("   (%d,%d %dx%d) %q\n", c.Row, c.Col, c.RowSpan, c.ColSpan, c.Text)
			}
		}
	}
	for _, p := range d.Parts {
		fmt.Printf("PART %s %s %q\n", p.Kind, p.Name, p.Text)
	}
	fmt.Println(d.Props, d.Warnings)
}
