package pdf

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
)

// word is a word and its box on the page, in the page's units (points for
// a text layer, pixels for a scan), y growing downwards.
type word struct {
	x0, y0, x1, y1 float64
	text           string
	conf           float64 // OCR confidence 0..100; -1 for a text layer
}

// page is the words of one page.
type page struct {
	no            int // from 1
	width, height float64
	words         []word
	ocr           bool // read by OCR
}

// chars counts the characters of the page's words.
func (p *page) chars() int {
	n := 0
	for _, w := range p.words {
		n += len([]rune(w.text))
	}
	return n
}

// parseBBox reads the XHTML that pdftotext -bbox writes: a <page> per page
// with a <word> per word and its box.
func parseBBox(data []byte) ([]page, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	var pages []page
	var cur *word
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("reading pdftotext output: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "page":
				pages = append(pages, page{no: len(pages) + 1, width: attrFloat(t, "width"), height: attrFloat(t, "height")})
			case "word":
				if len(pages) > 0 {
					cur = &word{x0: attrFloat(t, "xMin"), y0: attrFloat(t, "yMin"), x1: attrFloat(t, "xMax"), y1: attrFloat(t, "yMax"), conf: -1}
				}
			}
		case xml.CharData:
			if cur != nil {
				cur.text += string(t)
			}
		case xml.EndElement:
			if t.Name.Local == "word" && cur != nil {
				if cur.text = strings.TrimSpace(cur.text); cur.text != "" && cur.y1 > cur.y0 {
					p := &pages[len(pages)-1]
					p.words = append(p.words, *cur)
				}
				cur = nil
			}
		}
	}
	return pages, nil
}

func attrFloat(e xml.StartElement, name string) float64 {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			f, _ := strconv.ParseFloat(a.Value, 64)
			return f
		}
	}
	return 0
}

// rulings are what OCR makes of a table's rules.
const rulings = " |｜[]_"

// parseTSV reads tesseract's tsv output (level page_num block_num par_num
// line_num word_num left top width height conf text) into pages: the
// words (level 5) with their confidences. A multi-page image (a TIFF)
// gives several pages; first numbers the first of them.
func parseTSV(data []byte, first int) []page {
	var pages []page
	for _, l := range strings.Split(string(data), "\n") {
		f := strings.Split(strings.TrimRight(l, "\r"), "\t")
		if len(f) < 12 || f[0] == "level" {
			continue
		}
		level, _ := strconv.Atoi(f[0])
		pn, _ := strconv.Atoi(f[1])
		num := func(i int) float64 { v, _ := strconv.ParseFloat(f[i], 64); return v }
		switch level {
		case 1:
			pages = append(pages, page{no: first + max(pn, 1) - 1, width: num(8), height: num(9), ocr: true})
		case 5:
			// Table rulings come out as bars; they are no text, and
			// would bridge the gutters between columns.
			raw := []rune(f[11])
			text := strings.Trim(f[11], rulings)
			if text == "" || len(pages) == 0 || num(10) < 0 {
				continue
			}
			// The box shrinks by the share of the characters trimmed.
			x, y, w := num(6), num(7), num(8)
			lead := len(raw) - len([]rune(strings.TrimLeft(f[11], rulings)))
			trail := len(raw) - len([]rune(strings.TrimRight(f[11], rulings)))
			x0 := x + w*float64(lead)/float64(len(raw))
			x1 := x + w - w*float64(trail)/float64(len(raw))
			p := &pages[len(pages)-1]
			p.words = append(p.words, word{x0: x0, y0: y, x1: x1, y1: y + num(9), text: text, conf: num(10)})
		}
	}
	return pages
}

// punct tells whether s is punctuation only.
func punct(s string) bool {
	for _, r := range s {
		if !unicode.IsPunct(r) && !unicode.IsSymbol(r) {
			return false
		}
	}
	return true
}
