package pdf

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestDump prints what the reader makes of the file PDF_DUMP names, to
// look at by hand: PDF_DUMP=file.pdf go test -run Dump -v ./ingest/pdf
func TestDump(t *testing.T) {
	name := os.Getenv("PDF_DUMP")
	if name == "" {
		t.Skip("PDF_DUMP not set")
	}
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := New(Config{}).Read(context.Background(), name, data)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range doc.Body {
		if b.Kind == 1 {
			tb := doc.Tables[b.TableNo-1]
			fmt.Printf("[p%d table %d: %dx%d]\n", b.Pos.Page, tb.No, tb.Rows, tb.Cols)
			for r := range tb.Rows {
				var cells []string
				for c := range tb.Cols {
					if cl := tb.Cell(r, c); cl != nil && cl.Row == r && cl.Col == c {
						cells = append(cells, fmt.Sprintf("%s/%d", cl.Text, cl.ColSpan))
					}
				}
				fmt.Println("  | " + strings.Join(cells, " | "))
			}
			continue
		}
		fmt.Printf("[p%d %s] %s\n", b.Pos.Page, b.Para.Style, b.Para.Text)
	}
	fmt.Println("parts:", doc.Parts)
	fmt.Println("warnings:", doc.Warnings)
}
