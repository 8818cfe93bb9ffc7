package html

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/govreports/govreports/ingest/model"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// skipped are the elements whose content is no text of the page.
var skipped = map[atom.Atom]bool{
	atom.Head: true, atom.Script: true, atom.Style: true, atom.Noscript: true,
	atom.Template: true, atom.Iframe: true, atom.Object: true, atom.Embed: true,
	atom.Select: true, atom.Option: true, atom.Button: true, atom.Input: true,
	atom.Textarea: true, atom.Svg: true, atom.Math: true, atom.Canvas: true,
	atom.Map: true, atom.Audio: true, atom.Video: true, atom.Title: true,
}

// blockLevel are the elements that end a paragraph where they start and
// where they end; br ends one too.
var blockLevel = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Li: true, atom.Ul: true, atom.Ol: true,
	atom.Dl: true, atom.Dt: true, atom.Dd: true, atom.Blockquote: true,
	atom.Pre: true, atom.Section: true, atom.Article: true, atom.Header: true,
	atom.Footer: true, atom.Nav: true, atom.Aside: true, atom.Main: true,
	atom.Center: true, atom.Address: true, atom.Form: true, atom.Fieldset: true,
	atom.Hr: true, atom.Figure: true, atom.Figcaption: true, atom.Caption: true,
	atom.Details: true, atom.Summary: true, atom.Body: true, atom.Html: true,
	atom.Table: true, atom.Tr: true, atom.Td: true, atom.Th: true,
	atom.Tbody: true, atom.Thead: true, atom.Tfoot: true, atom.Legend: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
}

// headingLevel is 1..6 for h1..h6, else 0.
func headingLevel(a atom.Atom) int {
	switch a {
	case atom.H1:
		return 1
	case atom.H2:
		return 2
	case atom.H3:
		return 3
	case atom.H4:
		return 4
	case atom.H5:
		return 5
	case atom.H6:
		return 6
	}
	return 0
}

// sink receives what a walk reads: the document body, or a table cell.
type sink interface {
	para(p model.Paragraph)
	table(no int)
}

// bodySink adds to the document body.
type bodySink struct{ doc *model.Document }

func (s bodySink) para(p model.Paragraph) {
	s.doc.Body = append(s.doc.Body, model.Block{Kind: model.KindParagraph, Para: p})
}

func (s bodySink) table(no int) {
	s.doc.Body = append(s.doc.Body, model.Block{Kind: model.KindTable, TableNo: no})
}

// cellSink gathers a cell's paragraphs; a table nested in the cell adds
// its cells' paragraphs too, as the docx reader does, so that the cell's
// text is all the text it shows.
type cellSink struct {
	doc   *model.Document
	paras []model.Paragraph
}

func (s *cellSink) para(p model.Paragraph) { s.paras = append(s.paras, p) }

func (s *cellSink) table(no int) {
	for _, c := range s.doc.Tables[no-1].Cells {
		s.paras = append(s.paras, c.Paras...)
	}
}

// walker turns the nodes under a container into paragraphs and tables.
type walker struct {
	doc  *model.Document
	page *page // what is known of the page: chrome, sizes
	out  sink

	text    strings.Builder // the paragraph being read
	heading int             // level of the heading being read, 0 outside h1..h6
	pre     int             // depth inside <pre>
	nested  nestedIn        // the cell walked, for the tables nested in it
}

// nestedIn names the cell a walk reads: table number (0 for the body), row
// and column.
type nestedIn struct{ table, row, col int }

// flush ends the paragraph being read, if it holds text.
func (w *walker) flush() {
	s := strings.TrimSpace(w.text.String())
	w.text.Reset()
	if s == "" {
		return
	}
	p := model.Paragraph{Text: s, NumLevel: -1}
	if w.heading > 0 {
		p.Style = "heading " + strconv.Itoa(w.heading)
		p.OutlineLevel = w.heading
	}
	w.out.para(p)
}

// walkChildren reads the children of n.
func (w *walker) walkChildren(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c)
	}
}

// walk reads n: text into the paragraph being read, block elements as
// paragraphs of their own, tables as tables.
func (w *walker) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.addText(n.Data)
		return
	case html.ElementNode:
	case html.DocumentNode:
		w.walkChildren(n)
		return
	default:
		return
	}
	if skipped[n.DataAtom] || w.page.dropped(n) {
		return
	}
	switch n.DataAtom {
	case atom.Br:
		w.flush()
		return
	case atom.Table:
		w.flush()
		w.table(n, w.nested.table, w.nested.row, w.nested.col)
		return
	}
	if lvl := headingLevel(n.DataAtom); lvl > 0 {
		w.flush()
		saved := w.heading
		w.heading = lvl
		w.walkChildren(n)
		w.flush()
		w.heading = saved
		return
	}
	if n.DataAtom == atom.Pre {
		w.pre++
		defer func() { w.pre-- }()
	}
	if blockLevel[n.DataAtom] {
		w.flush()
		w.walkChildren(n)
		w.flush()
		return
	}
	w.walkChildren(n)
}

// addText adds a text node to the paragraph: white space (a no-break
// space included) collapses to one space as a browser shows it, except in
// <pre>, whose lines are paragraphs.
func (w *walker) addText(s string) {
	if w.pre > 0 {
		lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
		for i, l := range lines {
			if i > 0 {
				w.flush()
			}
			w.text.WriteString(strings.ReplaceAll(l, "\u00a0", " "))
		}
		return
	}
	space := w.text.Len() > 0 && endsWithSpace(w.text.String())
	for _, r := range s {
		switch r {
		case ' ', '\t', '\n', '\r', '\f', '\u00a0':
			if !space {
				w.text.WriteByte(' ')
				space = true
			}
		default:
			w.text.WriteRune(r)
			space = false
		}
	}
}

func endsWithSpace(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == ' '
}

// tableRows returns the rows of table n in order (those of thead, tbody
// and tfoot included, not those of nested tables).
func tableRows(n *html.Node) []*html.Node {
	var rows []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.DataAtom {
		case atom.Tr:
			rows = append(rows, c)
		case atom.Thead, atom.Tbody, atom.Tfoot:
			for r := c.FirstChild; r != nil; r = r.NextSibling {
				if r.DataAtom == atom.Tr {
					rows = append(rows, r)
				}
			}
		}
	}
	return rows
}

// rowCells returns the cells of row tr.
func rowCells(tr *html.Node) []*html.Node {
	var cells []*html.Node
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if c.DataAtom == atom.Td || c.DataAtom == atom.Th {
			cells = append(cells, c)
		}
	}
	return cells
}

// span reads a colspan or rowspan attribute: 1 when missing or bad, at
// most limit.
func span(n *html.Node, key string, limit int) int {
	a := strings.TrimSpace(attr(n, key))
	if a == "" {
		return 1
	}
	v, err := strconv.Atoi(a)
	if err != nil || v < 1 {
		if err == nil && v == 0 && key == "rowspan" {
			return limit // rowspan="0" reaches to the end of the table
		}
		return 1
	}
	return min(v, limit)
}

// table reads table n. A table that lays out the page rather than holding
// data (one column, or cells holding headings or whole articles) is read
// as the blocks it holds; a data table is laid on a grid with
// model.GridBuilder, nested tables after it, and named to the sink.
func (w *walker) table(n *html.Node, parent, prow, pcol int) {
	rows := tableRows(n)
	if w.page.layoutTable(n, rows) {
		for _, c := range captionsAndRows(n) {
			w.walk(c)
		}
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.DataAtom == atom.Caption {
			w.walk(c)
		}
	}
	w.flush()
	b := model.NewGridBuilder(w.doc, model.Table{ParentTable: parent, ParentRow: prow, ParentCol: pcol})
	// Cells that rowspan reaches into later rows: per grid column where
	// such a cell starts, how many rows it still covers and how wide it is.
	type reach struct{ left, span int }
	var down []reach
	cont := func(col int) (int, bool) { // continues the cell above at col
		r := down[col]
		down[col].left--
		return col + r.span, b.Add(model.GridCell{Span: r.span, ContinueUp: true})
	}
	for ri, tr := range rows {
		b.StartRow(0)
		col, ok := 0, true
		for _, td := range rowCells(tr) {
			for ok && col < len(down) && down[col].left > 0 {
				col, ok = cont(col)
			}
			if !ok {
				break
			}
			cs := span(td, "colspan", model.MaxGridCols+1)
			rs := span(td, "rowspan", len(rows)-ri)
			var paras []model.Paragraph
			if r, c, fits := b.Next(cs); fits {
				paras = w.cellParas(td, b.No(), r, c)
			}
			if !b.Add(model.GridCell{Span: cs, Paras: paras}) {
				ok = false
				break
			}
			for len(down) < col+cs {
				down = append(down, reach{})
			}
			down[col] = reach{left: rs - 1, span: cs}
			for k := col + 1; k < col+cs; k++ {
				down[k] = reach{}
			}
			col += cs
		}
		// Cells from rows above that reach into this row beyond its last
		// cell: empty cells fill the gap before them.
		for ok && col < len(down) {
			if down[col].left > 0 {
				col, ok = cont(col)
				continue
			}
			next := col + 1
			for next < len(down) && down[next].left <= 0 {
				next++
			}
			if next == len(down) {
				break
			}
			ok = b.Add(model.GridCell{Span: next - col})
			col = next
		}
		b.EndRow(0)
	}
	w.out.table(b.Done())
}

// captionsAndRows lists the children of a layout table to read as blocks:
// its caption and its cells, in order.
func captionsAndRows(n *html.Node) []*html.Node {
	var out []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.DataAtom == atom.Caption {
			out = append(out, c)
		}
	}
	for _, tr := range tableRows(n) {
		out = append(out, rowCells(tr)...)
	}
	return out
}

// cellParas reads the paragraphs of cell td, which stands at (r, c) of
// table no; tables nested in it are added after that table.
func (w *walker) cellParas(td *html.Node, no, r, c int) []model.Paragraph {
	s := &cellSink{doc: w.doc}
	sub := &walker{doc: w.doc, page: w.page, out: s, nested: nestedIn{table: no, row: r, col: c}}
	sub.walkChildren(td)
	sub.flush()
	return s.paras
}
