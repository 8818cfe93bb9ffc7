package txt

import (
	"strings"
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
// labels say which levels a row writes (see readLineCellTable). Elsewhere
// a row that lacks cells both before and after is placed wrongly: the
// spaces do not say which.
func readSpacedTable(lines []string, i int) (t draftTable, next int, ok bool) {
	t.first = i + 1
	var rows [][]string
	var indent []bool
	k := i
	for ; k < len(lines) && !isTabCell(lines[k]) && !strings.Contains(lines[k], "|"); k++ {
		cells, ind := spacedCells(lines[k])
		if len(cells) < 2 {
			break
		}
		rows = append(rows, cells)
		indent = append(indent, ind)
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
	// Within an indicator block, under 一级指标 | 二级指标 | …, which a
	// column merged down (绩效指标) may stand before.
	indicators, lead := false, 0
	for j, r := range rows {
		row := make([]draftCell, 0, width)
		no := i + j + 1
		empty := func() { row = append(row, draftCell{paras: []line{{"", no}}}) }
		switch h := indicatorHeader(r); {
		case h >= 0:
			indicators, lead = true, h
		case indicators && isTotalLabel(r[0]):
			indicators = false
		case indicators:
			for range lead {
				empty()
			}
			// The form's level labels say which of the merged levels the
			// row writes; an empty last cell is left out too, so the
			// indent cannot tell.
			switch {
			case level1Label.MatchString(r[0]) && level2Label.MatchString(r[1]):
			case level2Label.MatchString(r[0]):
				empty()
			case level1Label.MatchString(r[0]):
				r = append([]string{r[0], ""}, r[1:]...)
			default:
				empty()
				empty()
			}
		case indent[j]:
			for range width - len(r) {
				empty()
			}
		}
		for _, c := range r {
			row = append(row, draftCell{paras: []line{{c, no}}})
		}
		// An indicator row's empty last cells are cells, not the span of
		// the last written one.
		for indicators && len(row) < width {
			empty()
		}
		t.rows = append(t.rows, row)
	}
	t.lastLine = k
	return t, k, true
}

// indicatorHeader returns the column of 一级指标 in a row that heads an
// indicator block (一级指标 | 二级指标 | …), -1 when the row is none.
func indicatorHeader(r []string) int {
	for c := 0; c+1 < len(r); c++ {
		if strings.HasPrefix(r[c], "一级指标") && strings.HasPrefix(r[c+1], "二级指标") {
			return c
		}
	}
	return -1
}

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
