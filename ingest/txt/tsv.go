package txt

import "strings"

// A table copied from a spreadsheet or a web page often reaches a text
// file as tab-separated rows: a row a line, a tab between cells, an empty
// cell two tabs in a row, a row that starts with an empty cell a line
// that starts with a tab. Unlike runs of spaces, the tabs say exactly
// which column each cell stands in.

// tsvCells splits a line at its tabs, each cell trimmed.
func tsvCells(l string) []string {
	cells := strings.Split(strings.TrimRight(l, "\r"), "\t")
	for i, c := range cells {
		cells[i] = trim(c)
	}
	return cells
}

// isTSVRow tells a line of two cells with text or more, parted by tabs.
func isTSVRow(l string) bool {
	if !strings.Contains(l, "\t") {
		return false
	}
	n := 0
	for _, c := range tsvCells(l) {
		if c != "" {
			n++
		}
	}
	return n >= 2
}

// inTSVRun tells a line that continues a run of tab-separated rows: a row,
// or a label with empty cells after it (年度总体目标, then tabs). A line
// with only a leading tab is a cell of Word's text export.
func inTSVRun(l string) bool {
	if isTSVRow(l) {
		return true
	}
	s := strings.TrimLeft(l, "\t")
	return trim(s) != "" && strings.Contains(s, "\t")
}

// readTSVTable reads the tab-separated rows that start at lines[i], up to
// a line that is no such row (a blank line ends the table). They make a
// table when two rows or more hold three cells with text or more, or when
// three rows or more are a label and an amount (a funds table turned on its
// side: 年初预算, 900.00); other lines of a label and a value, or of a
// heading and its page, stay text, which the structure reads as cover
// lines or contents.
func readTSVTable(lines []string, i int) (t draftTable, next int, ok bool) {
	t.first = i + 1
	wide, amounts := 0, 0
	k := i
	for k < len(lines) {
		row, end := tsvRecord(lines, k)
		if row == nil && !inTSVRun(lines[k]) {
			break
		}
		if row == nil {
			cells := tsvCells(lines[k])
			row = make([]draftCell, len(cells))
			for c, s := range cells {
				row[c] = draftCell{paras: []line{{s, k + 1}}}
			}
		}
		n := 0
		for _, c := range row {
			if len(c.paras) > 1 || c.paras[0].text != "" {
				n++
			}
		}
		if n >= 3 {
			wide++
		}
		if n == 2 && len(row) == 2 && end == k+1 && labelAmount(tsvCells(lines[k])) {
			amounts++
		}
		t.rows = append(t.rows, row)
		t.lastLine = end
		k = end
	}
	return t, k, wide >= 2 || amounts >= 3
}

// tsvRecord reads the row that starts at lines[k] when a cell of it is
// quoted over several lines, as a sheet saved as text writes a cell with
// a line break in it ("新建…；⏎提高…"): the row's cells, the quoted one a
// paragraph a line without its quotes, and the index of the line after
// the row. row is nil when no quoted cell runs past lines[k], or when its
// quote stays open (a stray quote is text).
func tsvRecord(lines []string, k int) (row []draftCell, next int) {
	first := strings.TrimRight(lines[k], "\r")
	if !strings.Contains(first, "\"") || !strings.Contains(first, "\t") && !strings.HasPrefix(first, "\"") {
		return nil, k + 1
	}
	var cell []line
	var b strings.Builder
	quoted, inQuote, start := false, false, true
	for j := k; j < len(lines) && j-k < maxCSVRecordLines; j++ {
		l := strings.TrimRight(lines[j], "\r")
		for x := 0; x < len(l); x++ {
			ch := l[x]
			switch {
			case inQuote && ch == '"' && x+1 < len(l) && l[x+1] == '"':
				b.WriteByte('"')
				x++
			case inQuote && ch == '"':
				inQuote = false
			case inQuote:
				b.WriteByte(ch)
			case start && ch == '"':
				inQuote, quoted = true, true
			case ch == '\t':
				cell = append(cell, line{trim(b.String()), j + 1})
				row = append(row, draftCell{paras: cell})
				cell, start = nil, true
				b.Reset()
				continue
			default:
				b.WriteByte(ch)
			}
			start = false
		}
		cell = append(cell, line{trim(b.String()), j + 1})
		b.Reset()
		if !inQuote {
			if j == k || !quoted {
				return nil, k + 1
			}
			return append(row, draftCell{paras: cell}), j + 1
		}
	}
	return nil, k + 1
}

// labelAmount tells a row of a label and an amount written as money is
// (1,560.00, 94.50%, 812.7万元), not a bare number such as a page's in a
// table of contents.
func labelAmount(cells []string) bool {
	a := cells[1]
	return !amountCell.MatchString(cells[0]) && amountCell.MatchString(a) && strings.ContainsAny(a, ".,，%％元")
}
