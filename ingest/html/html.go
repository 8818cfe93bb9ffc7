// Package html reads the text of HTML. For now it serves the docx reader,
// for the HTML parts a Word document imports (w:altChunk); it is where a
// reader of .html files will live.
package html

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
)

// blocks are the HTML elements that end a line of text.
var blocks = map[string]bool{
	"p": true, "div": true, "br": true, "li": true, "tr": true, "table": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"blockquote": true, "pre": true, "ul": true, "ol": true, "section": true,
}

// Lines reads the text of an HTML document as lines, one per block
// element (a table row is a line, its cells parted by spaces). encoding/xml in
// its lenient mode copes with the HTML Word imports; script and style
// content is skipped.
func Lines(data []byte) []string {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	d.AutoClose = xml.HTMLAutoClose
	d.Entity = xml.HTMLEntity
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	var lines []string
	var cur strings.Builder
	skip := 0
	flush := func() {
		if s := strings.Join(strings.Fields(cur.String()), " "); s != "" {
			lines = append(lines, s)
		}
		cur.Reset()
	}
	for {
		tok, err := d.Token()
		if err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := strings.ToLower(t.Name.Local)
			if name == "script" || name == "style" || name == "head" {
				skip++
			} else if blocks[name] {
				flush()
			} else if name == "td" || name == "th" {
				cur.WriteString("\t")
			}
		case xml.EndElement:
			name := strings.ToLower(t.Name.Local)
			if name == "script" || name == "style" || name == "head" {
				if skip > 0 {
					skip--
				}
			} else if blocks[name] {
				flush()
			}
		case xml.CharData:
			if skip == 0 {
				cur.Write(t)
			}
		}
	}
	flush()
	return lines
}
