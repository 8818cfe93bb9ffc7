package numbering

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"
	"testing"
)

// docParagraph is what the tests need of a w:p of document.xml.
type docParagraph struct {
	style string
	numID string // "" when the paragraph has no w:numPr/w:numId
	ilvl  int
	text  string
}

// readPart returns one member of a .docx, nil when it is missing.
func readPart(t testing.TB, zr *zip.ReadCloser, name string) []byte {
	t.Helper()
	for _, f := range zr.File {
		if f.Name != name {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		defer rc.Close()
		b, err := io.ReadAll(rc)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return b
	}
	return nil
}

// scanParagraphs is a minimal walk of document.xml: every w:p with its
// style, direct numPr and the text of its w:t runs (nested paragraphs of
// text boxes and tables included, in document order).
func scanParagraphs(t testing.TB, documentXML []byte) []docParagraph {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(documentXML))
	var (
		out   []docParagraph
		stack []*docParagraph
		inT   bool
		inNum bool
	)
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			t.Fatalf("document.xml: %v", err)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			var cur *docParagraph
			if len(stack) > 0 {
				cur = stack[len(stack)-1]
			}
			switch el.Name.Local {
			case "p":
				stack = append(stack, &docParagraph{})
			case "pStyle":
				if cur != nil && !inNum {
					cur.style = attr(el, "val")
				}
			case "numPr":
				inNum = true
			case "numId":
				if cur != nil && inNum {
					cur.numID = attr(el, "val")
				}
			case "ilvl":
				if cur != nil && inNum {
					cur.ilvl, _ = strconv.Atoi(attr(el, "val"))
				}
			case "t":
				inT = true
			case "tab":
				if cur != nil && !inNum {
					cur.text += "\t"
				}
			}
		case xml.EndElement:
			switch el.Name.Local {
			case "p":
				if len(stack) > 0 {
					out = append(out, *stack[len(stack)-1])
					stack = stack[:len(stack)-1]
				}
			case "numPr":
				inNum = false
			case "t":
				inT = false
			}
		case xml.CharData:
			if inT && len(stack) > 0 {
				stack[len(stack)-1].text += string(el)
			}
		}
	}
}

func attr(el xml.StartElement, local string) string {
	for _, a := range el.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// numberedParagraph is a paragraph with the marker the Counter gave it.
type numberedParagraph struct {
	docParagraph
	marker string
}

// markDocument opens a .docx and numbers its paragraphs as a reader would:
// direct numPr first, else the numbering of the paragraph style.
func markDocument(t testing.TB, path string) (defs *Definitions, paras []numberedParagraph) {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	defs, err = ParseWithStyles(readPart(t, zr, "word/numbering.xml"), readPart(t, zr, "word/styles.xml"))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	doc := readPart(t, zr, "word/document.xml")
	if doc == nil {
		return defs, nil
	}
	c := defs.NewCounter()
	for _, p := range scanParagraphs(t, doc) {
		numID, ilvl := p.numID, p.ilvl
		if numID == "" {
			var ok bool
			if numID, ilvl, ok = defs.StyleNumbering(p.style); !ok {
				continue
			}
		}
		marker, ok := c.Next(numID, ilvl)
		if !ok {
			marker = "-"
		}
		np := numberedParagraph{p, marker}
		np.numID, np.ilvl = numID, ilvl
		paras = append(paras, np)
	}
	return defs, paras
}

func (p numberedParagraph) String() string {
	text := []rune(strings.TrimSpace(p.text))
	if len(text) > 30 {
		text = text[:30]
	}
	return p.numID + "/" + strconv.Itoa(p.ilvl) + " " + strconv.Quote(p.marker) + " " + string(text)
}
