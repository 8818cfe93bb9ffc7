package txt

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// spacedCells splits a line whose cells are parted by runs of two spaces
// or more (ASCII or ideographic), as text copied from a web page or a PDF
// keeps a table's rows. A single space stays inside a cell (姓　名).
// indented tells a line that starts with white space: its first cells
// were empty, or merged from the row above.
func spacedCells(l string) (cells []string, indented bool) {
	s := trim(l)
	if s == "" {
		return nil, false
	}
	indented = isSpace(firstRune(l))
	start, runStart, run := 0, 0, 0
	for i, r := range s {
		if partsCells(r) {
			if run == 0 {
				runStart = i
			}
			run++
			continue
		}
		if run >= 2 {
			cells = append(cells, s[start:runStart])
			start = i
		}
		run = 0
	}
	return append(cells, s[start:]), indented
}

// partsCells tells the spaces whose runs part the cells of a table laid
// out with spaces: the space, the ideographic space and the tab.
func partsCells(r rune) bool { return r == ' ' || r == '\u3000' || r == '\t' }

// column is the display column where l's text starts, a Han or
// full-width character two columns wide.
func column(l string) int {
	n := 0
	for _, r := range l {
		if !isSpace(r) {
			break
		}
		n += runeWidth(r)
	}
	return n
}

func runeWidth(r rune) int {
	if r >= 0x1100 && (unicode.Is(unicode.Han, r) || r == '\u3000' || r >= 0x3000 && r <= 0x303f || r >= 0xff00 && r <= 0xff60 || r >= 0xffe0 && r <= 0xffe6) {
		return 2
	}
	return 1
}

// cellAt is the index among the cells of l of the one that starts at
// display column col, -1 when none does: a wrapped cell's text lines up
// with its start.
func cellAt(l string, col int) int {
	n, idx, run, inCell := 0, -1, 2, false
	for _, r := range l {
		if partsCells(r) {
			run++
			if run >= 2 {
				inCell = false
			}
		} else {
			if !inCell && run >= 2 {
				idx++
				if n == col {
					return idx
				}
			}
			inCell, run = true, 0
		}
		n += runeWidth(r)
	}
	return -1
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// readSpacedTable reads the rows of cells parted by runs of spaces that
// start at lines[i]: consecutive lines of two cells or more, up to a blank
// line or a line of one. They make a table when at least two of them have
// three cells or more; otherwise a line with wide spaces is text. The grid is as wide as the widest row; an indented row lacks its
// first cells (merged from the row above, or empty), any other shorter
// row its last; but under an indicator table's header the form's level
// labels say which levels a row writes (alignIndicatorRows). Elsewhere a
// row that lacks cells both before and after is placed wrongly: the
// spaces do not say which.
func readSpacedTable(lines []string, i int) (t draftTable, next int, ok bool) {
	t.first = i + 1
	var rows [][]string
	var indent []bool
	var at []int                // the line of each row
	wraps := make(map[int]line) // row → the unit note its first cell wraps onto the next line
	k := i
	wrapped := 0             // continuation lines read since the last row's line
	var heads map[int]string // cell → the head of its label, wrapped onto the line above
	indicators := false      // under an indicator header
	for ; k < len(lines) && !isTabCell(lines[k]) && !strings.Contains(lines[k], "|"); k++ {
		cells, ind := spacedCells(lines[k])
		if h, ok := headLine(lines, k, cells, ind); ok {
			heads = h
			continue
		}
		if len(cells) == 1 && len(rows) > 0 && !ind && unitNote.MatchString(cells[0]) && k+1 < len(lines) {
			// A form's label printed over two lines, 项目资金 over （万元）:
			// the note ends the first cell above, and the table goes on.
			if next, _ := spacedCells(lines[k+1]); len(next) >= 2 {
				if _, seen := wraps[len(rows)-1]; !seen {
					wraps[len(rows)-1] = line{cells[0], k + 1}
					continue
				}
			}
		}
		if len(cells) == 1 && ind && len(rows) > 0 && k > i {
			// A cell wrapped onto the line under its row (服务对象满意 over
			// 度指标) starts where that cell does: it ends the cell.
			if c := cellAt(lines[k-1-wrapped], column(lines[k])); c >= 0 && c < len(rows[len(rows)-1]) {
				rows[len(rows)-1][c] += cells[0]
				wrapped++
				continue
			}
		}
		if len(rows) > 0 {
			last := len(rows) - 1
			if endsLabels(lines, k, cells, rows[last], at[last], indicators) {
				for c, col := range under(lines[k], lines[at[last]]) {
					rows[last][col] += cells[c]
				}
				indicators = indicators || indicatorHeader(rows[last]) >= 0
				wrapped++
				continue
			}
		}
		if len(cells) < 2 {
			break
		}
		if indicators && len(rows) > 0 {
			tailLabels(lines[k], cells, lines[at[len(at)-1]], rows[len(rows)-1])
		}
		for c, head := range heads {
			cells[c] = head + cells[c]
		}
		heads = nil
		cells = joinSpacedLabel(cells)
		switch {
		case indicatorHeader(cells) >= 0:
			indicators = true
		case isTotalLabel(cells[0]):
			indicators = false
		}
		rows = append(rows, cells)
		indent = append(indent, ind)
		at = append(at, k)
		wrapped = 0
	}
	if len(rows) < 2 {
		return t, max(k, i+1), false
	}
	width, wide := 0, 0
	for _, r := range rows {
		width = max(width, len(r))
		if len(r) >= 3 {
			wide++
		}
	}
	if wide < 2 || allFieldLines(rows) {
		return t, k, false
	}
	// Cells parted by ideographic spaces place a shorter row's missing
	// cells where its runs are wider than the table's parting.
	if sep, unit := ideographicGaps(lines, at); sep > 0 {
		for j, r := range rows {
			if len(r) < width {
				rows[j], indent[j] = fillGaps(r, lines[at[j]], sep, unit, width), false
			}
		}
	}
	// An indented row lacks its first cells, but under an indicator
	// header, where alignIndicatorRows places the cells by the form's
	// labels.
	indicators = false
	for j, r := range rows {
		no := i + j + 1
		switch {
		case indicatorHeader(r) >= 0:
			indicators = true
		case indicators && isTotalLabel(r[0]):
			indicators = false
		}
		var row []draftCell
		if indent[j] && !indicators {
			for range width - len(r) {
				row = append(row, draftCell{paras: []line{{"", no}}})
			}
		}
		for n, c := range r {
			cell := draftCell{paras: []line{{c, no}}}
			if w, ok := wraps[j]; ok && n == 0 {
				cell.paras = append(cell.paras, w)
			}
			row = append(row, cell)
		}
		t.rows = append(t.rows, row)
	}
	t.lastLine = k
	return t, k, true
}

// A form's column headers may be printed over two lines, each label
// broken where its column is narrow (年初 over 预算数, 一级 over 指标), and
// an indicator row's level labels likewise (满意度 over 指标). The pieces
// start where their cells start, and hold no digit: headLine and
// endsLabels tell such lines from a row of the table, which under its
// header holds amounts, weights or scores.

// headLine reads lines[k] (its cells and indentation given) as the heads
// of the labels of the header on the next line: indented, fewer cells
// than that header, each starting where one of its cells starts, neither
// line holding a digit, and the line after the header a row that does.
// It returns the heads by the index of the cell each begins.
func headLine(lines []string, k int, cells []string, ind bool) (map[int]string, bool) {
	if !ind || len(cells) < 2 || k+2 >= len(lines) || hasDigit(cells) || !shortCells(cells) {
		return nil, false
	}
	next, _ := spacedCells(lines[k+1])
	if len(next) <= len(cells) || hasDigit(next) {
		return nil, false
	}
	if after, _ := spacedCells(lines[k+2]); !hasDigit(after) {
		return nil, false
	}
	cols := under(lines[k], lines[k+1])
	if cols == nil {
		return nil, false
	}
	heads := make(map[int]string, len(cells))
	for c, col := range cols {
		heads[col] = cells[c]
	}
	return heads, true
}

// endsLabels reports whether lines[k] (its cells given) ends the labels
// of row, written on lines[rowLine]: fewer cells, short ones without a
// digit, each starting where a cell of the row starts; and the row a
// header (no digit either) with a row that holds one on the next line,
// or a row under an indicator header, whose level labels wrap.
func endsLabels(lines []string, k int, cells, row []string, rowLine int, indicators bool) bool {
	if len(cells) == 0 || len(cells) >= len(row) || hasDigit(cells) || !shortCells(cells) {
		return false
	}
	if !indicators {
		if hasDigit(row) || k+1 >= len(lines) {
			return false
		}
		if next, _ := spacedCells(lines[k+1]); !hasDigit(next) {
			return false
		}
	}
	return under(lines[k], lines[rowLine]) != nil
}

// tailLabels moves to row, written on rowLine, the ends of its level
// labels that the next row, cells written on line l, starts with: 产出 and
// 数量 over 指标 and 指标, the next row's own labels merged from above.
// A cell moves when it starts where the row's cell does, is no level
// label itself, and the two make one (产出指标, 数量指标, 生态效益); it
// leaves an empty cell.
func tailLabels(l string, cells []string, rowLine string, row []string) {
	cols := cellColumns(l)
	for c := 0; c < 2 && c < len(cells) && c < len(cols); c++ {
		p := cellAt(rowLine, cols[c])
		if p < 0 || p >= len(row) || isLevelLabel(cells[c]) || !isLevelLabel(row[p]+cells[c]) {
			continue
		}
		row[p] += cells[c]
		cells[c] = ""
	}
}

// under gives, for each cell of l, the index of the cell of ref that
// starts at the same display column, or failing that the one whose text
// spans it (a PDF centres a short piece, （万元）, under its head: a
// column or two off); nil when some cell of l starts under no cell of
// ref, or two under the same.
func under(l, ref string) []int {
	var out []int
	var starts, ends []int
	for _, col := range cellColumns(l) {
		c := cellAt(ref, col)
		if c < 0 {
			if starts == nil {
				starts, ends = cellExtents(ref)
			}
			for j := range starts {
				if starts[j] <= col && col < ends[j] {
					c = j
				}
			}
		}
		if c < 0 || len(out) > 0 && c <= out[len(out)-1] {
			return nil
		}
		out = append(out, c)
	}
	return out
}

// cellExtents are the display columns where the cells of l start and end.
func cellExtents(l string) (starts, ends []int) {
	n, run := 0, 2
	for _, r := range l {
		if partsCells(r) {
			run++
		} else {
			if run >= 2 {
				starts = append(starts, n)
				ends = append(ends, n)
			}
			run = 0
			ends[len(ends)-1] = n + runeWidth(r)
		}
		n += runeWidth(r)
	}
	return starts, ends
}

// cellColumns are the display columns where the cells of l start.
func cellColumns(l string) []int {
	starts, _ := cellExtents(l)
	return starts
}

// hasDigit reports whether a cell of cells holds a digit.
func hasDigit(cells []string) bool {
	for _, c := range cells {
		if strings.IndexFunc(c, unicode.IsDigit) >= 0 {
			return true
		}
	}
	return false
}

// shortCells reports whether every cell is a piece of a label, at most
// five characters: 年初, 指标, 服务对象, 未完成原因.
func shortCells(cells []string) bool {
	for _, c := range cells {
		if utf8.RuneCountInString(c) > 5 {
			return false
		}
	}
	return true
}

// unitNote is a line that is only a unit in brackets, （万元）: the end of
// a label wrapped onto the line under it.
var unitNote = regexp.MustCompile(`^[（(]\s*(?:亿元|万元|千元|元)\s*[）)]$`)

// allFieldLines tells lines of "label：value" cells ("项目名称：XX    实施单位：YY"),
// a cover's lines, which are read as text.
func allFieldLines(rows [][]string) bool {
	for _, r := range rows {
		fields := 0
		for _, c := range r {
			if strings.ContainsAny(c, "：:") {
				fields++
			}
		}
		if fields*2 < len(r) {
			return false
		}
	}
	return true
}

// A table typed with ideographic spaces (U+3000) parts its cells with a
// run of a few of them and writes an empty or merged cell as more: the
// runs wider than the table's parting are where a shorter row lacks its
// cells, wherever they stand in the row (预算执行 followed by a wide run
// and the weight and score under theirs), which a row's indentation alone
// does not say.

// spaceRuns gives the runs of white space before each cell of l (the
// first its indentation, perhaps none), in characters. ideographic is
// false when a run of two or more holds any other space than U+3000.
func spaceRuns(l string) (runs []int, ideographic bool) {
	ideographic = true
	run, ascii := 0, false
	for _, r := range l {
		if partsCells(r) {
			run++
			ascii = ascii || r != '\u3000'
			continue
		}
		if run >= 2 || len(runs) == 0 {
			runs = append(runs, run)
			ideographic = ideographic && (run < 2 || !ascii)
		}
		run, ascii = 0, false
	}
	return runs, ideographic
}

// ideographicGaps says how a table whose rows (at lines[at[j]]) part all
// their cells by ideographic spaces writes them: sep, the narrowest run
// between two cells, and unit, the run one empty cell takes (its spaces
// and its parting), by the narrowest indentation, else by the narrowest
// run wider than sep. sep is 0 when some row parts its cells otherwise.
// Bytes are looked at first: U+3000 is written E3 80 80.
func ideographicGaps(lines []string, at []int) (sep, unit int) {
	indent, wide := 0, 0
	for _, k := range at {
		if !strings.Contains(lines[k], "\u3000\u3000") {
			return 0, 0
		}
		runs, ok := spaceRuns(lines[k])
		if !ok {
			return 0, 0
		}
		if runs[0] > 0 && (indent == 0 || runs[0] < indent) {
			indent = runs[0]
		}
		for _, n := range runs[1:] {
			if sep == 0 || n < sep {
				sep = n
			}
		}
	}
	for _, k := range at {
		runs, _ := spaceRuns(lines[k])
		for _, n := range runs[1:] {
			if n > sep && (wide == 0 || n-sep < wide) {
				wide = n - sep
			}
		}
	}
	if indent > 0 {
		return sep, indent
	}
	return sep, wide
}

// fillGaps places the cells of r, the row written on line l, in a row of
// at most width cells: the indentation, and each run of l wider than
// sep, stands for as many empty cells as units of spaces it is wider. The
// cells still missing then are the row's last, written empty: the row is
// placed. A row without a wide run stays as it is.
func fillGaps(r []string, l string, sep, unit, width int) []string {
	runs, _ := spaceRuns(l)
	if len(runs) != len(r) || unit == 0 {
		return r
	}
	out := make([]string, 0, width)
	left := width - len(r)
	for c, cell := range r {
		extra := runs[c]
		if c > 0 {
			extra -= sep
		}
		n := 0
		if extra > 0 {
			n = min(max((extra+unit/2)/unit, 1), left)
		}
		left -= n
		for range n {
			out = append(out, "")
		}
		out = append(out, cell)
	}
	if len(out) == len(r) {
		return r
	}
	for range left {
		out = append(out, "")
	}
	return out
}

// joinSpacedLabel joins the leading cells of a row that are one Han
// character each: a label spaced out to its column's width (合    计,
// 序    号), which no table writes as cells of a character apiece. A row
// of nothing else (优  良  中  差) is left as it is.
func joinSpacedLabel(cells []string) []string {
	n := 0
	for n < len(cells) && n < 4 && utf8.RuneCountInString(cells[n]) == 1 && unicode.Is(unicode.Han, firstRune(cells[n])) {
		n++
	}
	if n < 2 || n == len(cells) {
		return cells
	}
	return append([]string{strings.Join(cells[:n], "")}, cells[n:]...)
}
