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
		if r == ' ' || r == '\u3000' || r == '\t' {
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
		if r == ' ' || r == '\u3000' || r == '\t' {
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
	wraps := make(map[int]line) // row → the unit note its first cell wraps onto the next line
	k := i
	wrapped := 0 // continuation lines read since the last row's line
	for ; k < len(lines) && !isTabCell(lines[k]) && !strings.Contains(lines[k], "|"); k++ {
		cells, ind := spacedCells(lines[k])
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
		if len(cells) < 2 {
			break
		}
		rows = append(rows, cells)
		indent = append(indent, ind)
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
	// An indented row lacks its first cells, but under an indicator
	// header, where alignIndicatorRows places the cells by the form's
	// labels.
	indicators := false
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
