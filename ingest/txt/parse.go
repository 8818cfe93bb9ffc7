package txt

import (
	"strings"

	"github.com/govreports/govreports/ingest/model"
)

// line is one paragraph of text with its 1-based line number.
type line struct {
	text string
	no   int
}

// draftCell is a table cell as read from the lines, before it has a place
// in the grid.
type draftCell struct {
	paras []line
}

// draftTable is a table as read: rows of cells, rows possibly of unequal
// length.
type draftTable struct {
	rows            [][]draftCell
	first, lastLine int
}

// parseFrom appends the blocks of lines to doc, lines[0] being the
// file's line first+1.
func parseFrom(doc *model.Document, lines []string, first int) {
	blocks, tables := len(doc.Body), len(doc.Tables)
	parse(doc, lines)
	if first == 0 {
		return
	}
	shift := func(p *model.Pos) { p.Line += first; p.EndLine += first }
	for i := blocks; i < len(doc.Body); i++ {
		shift(&doc.Body[i].Pos)
	}
	for i := tables; i < len(doc.Tables); i++ {
		t := &doc.Tables[i]
		shift(&t.Pos)
		for k := range t.Cells {
			shift(&t.Cells[k].Pos)
		}
	}
}

// parse appends the blocks of lines to doc, lines[0] being line 1.
func parse(doc *model.Document, lines []string) {
	// The pipe readers and the spaced reader (which stops at a pipe) read
	// bars; the others read the lines as written.
	bars := withBars(lines)
	for i := 0; i < len(lines); {
		var (
			t    draftTable
			next = i + 1
			ok   bool
		)
		switch l := lines[i]; {
		case isTSVRow(l):
			t, next, ok = readTSVTable(lines, i)
		case isTabCell(l):
			t, next = readTabTable(lines, i)
			if !t.isGrid() {
				// Tab-indented text, or lone tabs that only made room.
				t.addParagraphs(doc)
				i = next
				continue
			}
			ok = true
		case isBlank(l):
			i++
			continue
		case isBoxLine(l):
			t, next, ok = readBoxTable(lines, i)
		case isKVStart(lines, i):
			t, next, ok = readKVTable(lines, i)
		case isCardsStart(lines, i):
			t, next, ok = readCardTable(lines, i)
		case isPipeCell(bars[i]):
			t, next, ok = readPipeCellTable(bars, i)
		case strings.Contains(bars[i], "|"):
			t, next, ok = readPipeRowTable(bars, i)
		case isCSVRow(lines, i):
			var above []line
			t, above, next, ok = readCSVTable(lines, i)
			for _, p := range above {
				addParagraph(doc, p)
			}
		case isLineCellHeader(l):
			t, next, ok = readLineCellTable(lines, i)
		case isLineFundsStart(lines, i):
			t, next, ok = readLineFundsTable(lines, i)
		case isSingleSpacedHeader(l):
			t, next, ok = readSingleSpacedTable(lines, i)
			t, next = overPages(lines, t, next, ok, readSingleSpacedTable)
		default:
			if cells, _ := spacedCells(l); len(cells) >= 2 {
				t, next, ok = readSpacedTable(bars, i)
				t, next = overPages(bars, t, next, ok, readSpacedTable)
			}
		}
		if ok {
			addTable(doc, t)
		} else {
			// Lines that looked like rows but make no table are text;
			// all of them at once, so that none is read twice.
			for k := i; k < next; k++ {
				addParagraph(doc, line{trim(lines[k]), k + 1})
			}
		}
		i = next
	}
}

// overPages adds to t, read by read and ending at lines[next], the rows
// it goes on with over page breaks of a PDF copy (pageGoesOn), its
// header repeated on each page left out. ok says whether t is a table.
func overPages(lines []string, t draftTable, next int, ok bool, read func([]string, int) (draftTable, int, bool)) (draftTable, int) {
	for ok {
		k, goes := pageGoesOn(lines, next, lines[t.first-1])
		if !goes {
			break
		}
		more, after, read := read(lines, k)
		if !read || len(more.rows) < 2 {
			break
		}
		t.rows = append(t.rows, more.rows[1:]...)
		t.lastLine, next = more.lastLine, after
	}
	return t, next
}

func addParagraph(doc *model.Document, l line) {
	if l.text == "" {
		return
	}
	doc.Body = append(doc.Body, model.Block{
		Kind: model.KindParagraph,
		Para: paragraph(l.text),
		Pos:  model.Pos{Line: l.no, EndLine: l.no},
	})
}

func paragraph(text string) model.Paragraph {
	return model.Paragraph{Text: text, NumLevel: -1}
}

// readTabTable reads the table of Word's text export that starts at
// lines[i], a tab-indented line, and returns it with the index of the first
// line after it.
//
// Each tab-indented line is a cell; a blank line ends a row; a line without
// a tab directly after a cell continues that cell. The table ends at a line
// without a tab that follows a blank line, or at a tab-indented line after
// two or more blank lines: Word always puts a paragraph between two tables,
// which the export writes as one more blank line.
func readTabTable(lines []string, i int) (draftTable, int) {
	t := draftTable{first: i + 1}
	var row []draftCell
	blanks := 0
	end := i
scan:
	for ; end < len(lines); end++ {
		l := lines[end]
		switch {
		case isTabCell(l):
			if blanks >= 2 {
				break scan
			}
			row = append(row, draftCell{paras: []line{{trim(l), end + 1}}})
			blanks = 0
		case isBlank(l):
			if len(row) > 0 {
				t.rows = append(t.rows, row)
				row = nil
			}
			blanks++
			continue
		case blanks == 0 && len(row) > 0:
			c := &row[len(row)-1]
			c.paras = append(c.paras, line{trim(l), end + 1})
		default:
			break scan
		}
		t.lastLine = end + 1
	}
	if len(row) > 0 {
		t.rows = append(t.rows, row)
	}
	return t, end
}

// wideBars writes "|" for the other runes that part the cells of a pipe
// table: the full-width bar of Chinese input methods (｜, U+FF5C) and the
// broken bar (¦, U+00A6); with strokeBars, the one place that says which
// runes part cells; the pipe readers then know "|" alone.
var wideBars = strings.NewReplacer("｜", "|", "¦", "|")

// hasWideBar tells a line with a bar other than "|".
func hasWideBar(l string) bool {
	return strings.Contains(l, "｜") || strings.Contains(l, "¦") || strokeBars(l)
}

// strokeBars tells a row whose rules OCR read as the stroke 丨 (U+4E28),
// as it reads a scanned table's: a line that starts and ends with it and
// holds three or more. The stroke stands in text too (a rare character),
// so a line that uses it otherwise keeps it.
func strokeBars(l string) bool {
	s := trim(l)
	return strings.HasPrefix(s, "丨") && strings.HasSuffix(s, "丨") && strings.Count(s, "丨") >= 3
}

// withBars returns lines with every bar written "|": lines itself when no
// line has another bar, which is nearly always, so that a file without
// one costs a byte search a line and no copy.
func withBars(lines []string) []string {
	var out []string
	for i, l := range lines {
		if !hasWideBar(l) {
			continue
		}
		if out == nil {
			out = append([]string(nil), lines...)
		}
		if l = wideBars.Replace(l); strokeBars(l) {
			l = strings.ReplaceAll(l, "丨", "|")
		}
		out[i] = l
	}
	if out == nil {
		return lines
	}
	return out
}

// isPipeCell tells a cell line of the one-cell-per-line pipe form: text
// ending in "|" with no other pipe, or a lone "|" (an empty cell).
func isPipeCell(l string) bool {
	s := trim(l)
	return strings.HasSuffix(s, "|") && strings.Count(s, "|") == 1
}

// isPipeRowEnd tells the line of pipes that closes a row in the
// one-cell-per-line pipe form.
func isPipeRowEnd(l string) bool {
	s := trim(l)
	return len(s) >= 2 && strings.Trim(s, "|") == ""
}

// readPipeCellTable reads rows of one cell per line, each row closed by a
// line of pipes, starting at lines[i]. ok is false when not even one row is
// closed; next is then the end of the run of cell lines.
func readPipeCellTable(lines []string, i int) (t draftTable, next int, ok bool) {
	t.first = i + 1
	next = i
	for {
		var row []draftCell
		k := next
		for ; k < len(lines) && isPipeCell(lines[k]); k++ {
			text := trim(strings.TrimSuffix(trim(lines[k]), "|"))
			row = append(row, draftCell{paras: []line{{text, k + 1}}})
		}
		if len(row) == 0 || k == len(lines) || !isPipeRowEnd(lines[k]) {
			if len(t.rows) == 0 {
				next = k
			}
			break
		}
		t.rows = append(t.rows, row)
		t.lastLine = k + 1
		next = k + 1
	}
	return t, next, len(t.rows) > 0
}

// pipeRow splits a whole-row line ("| a | b |", "a | b" or "a | b |")
// into its cells. sep is true for a Markdown separator line ("|---|:--:|");
// ok is false when the line is not a row. outer tells a row written with
// pipes at both ends.
func pipeRow(l string) (cells []string, sep, outer, ok bool) {
	s := trim(l)
	if strings.Trim(s, "|") == "" {
		return nil, false, false, false
	}
	lead := strings.HasPrefix(s, "|")
	if lead {
		s = s[1:]
	}
	trail := strings.HasSuffix(s, "|")
	if trail {
		s = s[:len(s)-1]
	}
	outer = lead && trail
	cells = strings.Split(s, "|")
	if len(cells) < 2 && !outer {
		return nil, false, false, false
	}
	sep = true
	for i, c := range cells {
		c = trim(c)
		cells[i] = c
		if c == "" || strings.Trim(c, ":-") != "" || !strings.Contains(c, "-") {
			sep = false
		}
	}
	return cells, sep, outer, true
}

// readPipeRowTable reads consecutive whole-row lines starting at lines[i],
// all with pipes at both ends or all without. It takes two rows or more, or
// one row with a separator line or outer pipes; a lone "a | b" line is a
// paragraph with a pipe in it.
func readPipeRowTable(lines []string, i int) (t draftTable, next int, ok bool) {
	t.first = i + 1
	_, _, outer, _ := pipeRow(lines[i])
	seps := 0
	k := i
	for ; k < len(lines); k++ {
		cells, sep, out, isRow := pipeRow(lines[k])
		if !isRow || out != outer && !sep {
			break
		}
		t.lastLine = k + 1
		if sep {
			seps++
			continue
		}
		if n := len(t.rows); n > 0 {
			cells = widenSpan(cells, lines[k], len(t.rows[n-1]))
		}
		row := make([]draftCell, len(cells))
		for j, c := range cells {
			row[j] = draftCell{paras: []line{{c, k + 1}}}
		}
		t.rows = append(t.rows, row)
	}
	ok = len(t.rows) >= 2 || len(t.rows) == 1 && (seps > 0 || outer)
	return t, max(k, i+1), ok
}

// widenSpan gives a row written shorter than the row above it the cells
// its one merged span lost: pipes written together ("| 总分 |||||| 100 |
// 96.5 | |") mark a cell spanning columns, and a web page's copy may drop
// some of them, which would shift the cells after it left, under the
// wrong headers. The span is widened so that the row ends where the one
// above does; a row with two spans or none is left as written, as which
// of two spans lost the cells cannot be told.
func widenSpan(cells []string, l string, width int) []string {
	if len(cells) >= width {
		return cells
	}
	s := trim(l)
	s = strings.TrimSuffix(strings.TrimPrefix(s, "|"), "|")
	raw := strings.Split(s, "|")
	if len(raw) != len(cells) {
		return cells
	}
	at, runs := -1, 0
	for j := range raw {
		if raw[j] == "" && (j == 0 || raw[j-1] != "") {
			runs++
			at = j
		}
	}
	if runs != 1 || at == 0 {
		return cells
	}
	end := at
	for end < len(raw) && raw[end] == "" {
		end++
	}
	if end == len(raw) {
		return cells // the span ends the row: nothing after it shifts
	}
	out := make([]string, 0, width)
	out = append(out, cells[:end]...)
	for range width - len(cells) {
		out = append(out, "")
	}
	return append(out, cells[end:]...)
}

func (t *draftTable) cols() int {
	n := 0
	for _, r := range t.rows {
		n = max(n, len(r))
	}
	return n
}

// isGrid tells a table from tab-indented text: text indented paragraph by
// paragraph makes rows of one cell, or one long row when no blank line
// parts the paragraphs. A table has two rows of two cells or more, and such
// rows are at least half of its rows.
func (t *draftTable) isGrid() bool {
	multi := 0
	for _, r := range t.rows {
		if len(r) >= 2 {
			multi++
		}
	}
	return multi >= 2 && multi*2 >= len(t.rows) && !t.allEmpty()
}

// addParagraphs appends the text of a draft that is no table as
// paragraphs, one per line.
func (t *draftTable) addParagraphs(doc *model.Document) {
	for _, row := range t.rows {
		for _, c := range row {
			for _, p := range c.paras {
				addParagraph(doc, p)
			}
		}
	}
}

func (t *draftTable) allEmpty() bool {
	for _, r := range t.rows {
		for _, c := range r {
			for _, p := range c.paras {
				if p.text != "" {
					return false
				}
			}
		}
	}
	return true
}

// addTable lays the draft out on a grid and appends it to doc. The grid is
// as wide as the longest row (at most model.MaxGridCols); the last cell of a
// shorter row spans the rest, as a title row spans the table in the
// original document.
func addTable(doc *model.Document, d draftTable) {
	alignIndicatorRows(d.rows)
	alignFundsRows(d.rows)
	cols := min(d.cols(), model.MaxGridCols)
	pos := model.Pos{Line: d.first, EndLine: d.lastLine}
	b := model.NewGridBuilder(doc, model.Table{Cols: cols, Pos: pos})
	for _, row := range d.rows {
		b.StartRow(0)
		for c, dc := range row {
			span := 1
			if c == len(row)-1 {
				span = max(cols-c, 1)
			}
			paras := make([]model.Paragraph, len(dc.paras))
			for k, p := range dc.paras {
				paras[k] = paragraph(p.text)
			}
			pos := model.Pos{Line: dc.paras[0].no, EndLine: dc.paras[len(dc.paras)-1].no}
			if !b.Add(model.GridCell{Span: span, Paras: paras, Pos: pos}) {
				break
			}
		}
		b.EndRow(0)
	}
	no := b.Done()
	doc.Body = append(doc.Body, model.Block{Kind: model.KindTable, TableNo: no, Pos: pos})
}
