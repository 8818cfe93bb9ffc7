// Package html reads saved web pages (.html, .htm, .shtml) and web
// archives (.mht) into the document model, with goquery over
// golang.org/x/net/html: the page's main content as paragraphs (h1–h6 as
// headings) and tables on their grid, its site's chrome left out, its
// title, publication date and source as Props. It also reads the HTML
// parts a Word document imports (w:altChunk) as lines, for the docx reader.
package html

import (
	"bytes"
	"strings"

	"github.com/govreports/govreports/ingest/model"
	"golang.org/x/net/html"
)

// Lines reads the text of an HTML document as lines, one per paragraph;
// a table row is a line, its cells parted by spaces. The whole document
// is read (an imported part has no site chrome); script and style
// content is skipped.
func Lines(data []byte) []string {
	doc := &model.Document{}
	text := decodePage(data, "").text
	root, err := html.Parse(bytes.NewReader(text))
	if err != nil {
		flatText(doc, text)
	} else {
		pg := newPage(root)
		pg.whole = true
		w := &walker{doc: doc, page: pg, out: bodySink{doc}}
		w.walk(root)
		w.flush()
	}
	var lines []string
	add := func(s string) {
		if s = strings.Join(strings.Fields(s), " "); s != "" {
			lines = append(lines, s)
		}
	}
	for _, b := range doc.Body {
		if b.Kind == model.KindParagraph {
			add(b.Para.Text)
			continue
		}
		// Cells are in row-major order: a row is a run of them.
		var row []string
		cells := doc.Tables[b.TableNo-1].Cells
		for i, c := range cells {
			row = append(row, c.Text)
			if i+1 == len(cells) || cells[i+1].Row != c.Row {
				add(strings.Join(row, " "))
				row = row[:0]
			}
		}
	}
	return lines
}
