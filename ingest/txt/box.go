package txt

import (
	"strings"
	"unicode/utf8"
)

// A form drawn with box-drawing characters (┌─┬─┐ │ ├─┼─┤ └─┴─┘, or
// their heavy and double kin ━ ┃ ═ ║ ╔ …) writes its rows between rule
// lines, each cell's text between two bars. A cell too narrow for its
// text wraps it onto the next lines between the same bars, so a row runs
// over several lines; and several rows may stand between two rules (the
// indicator rows of a form), told apart because a wrapped cell goes on
// in the lines under its start, where a new row writes text under a cell
// already ended. A cell merged down over rows (绩效指标) is blank in the
// rows under its first; one merged across columns (总分) is told by the
// rule above it, whose ┴ marks the columns ending there. Drawings are
// often a little out of line (a Han character two columns wide, a bar one
// or two), so cells are told by counting bars, never by column.

// isBoxLine tells a line of the drawing: one that starts, after spaces,
// with a box-drawing character (U+2500–U+257F). Bytes are compared first:
// all of them are written E2 94 xx or E2 95 xx in UTF-8.
func isBoxLine(l string) bool {
	s := strings.TrimLeft(l, " \t")
	if len(s) < 3 || s[0] != 0xE2 || s[1] != 0x94 && s[1] != 0x95 {
		return false
	}
	return true
}

// isBoxBar tells a vertical bar of a line of text, or a junction written
// where a text line meets a rule (a ├ that starts a line of text).
func isBoxBar(r rune) bool {
	switch r {
	case '│', '┃', '║', '├', '┤', '┼', '┠', '┨', '╟', '╢', '╠', '╣', '┝', '┥', '╞', '╡':
		return true
	}
	return false
}

// isBoxRule tells a rule line: box-drawing characters and spaces only,
// with a horizontal stroke. A partial rule (│        ├────┼───┤) closes
// the cells it crosses; the blank ones, merged down, go on below it.
func isBoxRule(l string) bool {
	stroke := false
	for _, r := range trim(l) {
		switch {
		case r == '─' || r == '━' || r == '═':
			stroke = true
		case r >= 0x2500 && r <= 0x257F || isSpace(r):
		default:
			return false
		}
	}
	return stroke
}

// upOnly tells a junction a rule line writes where a bar above it ends
// (┴ ╧ ╩ ┻ …): the cell below it spans the columns on both sides.
func upOnly(r rune) bool {
	switch r {
	case '┴', '┻', '╧', '╩', '┸', '┷':
		return true
	}
	return false
}

// boxSegments splits a text line of the drawing into the texts between
// its bars, each trimmed, and says for each whether its text fills it:
// the room left after it is too narrow for a Han character, so that
// text under it may be its wrapped rest. ok is false for a line with no
// two bars.
func boxSegments(l string) (cells []string, full []bool, ok bool) {
	s := trim(l)
	start := -1
	for i, r := range s {
		if !isBoxBar(r) {
			continue
		}
		if start >= 0 {
			raw := s[start:i]
			text := trim(raw)
			cells = append(cells, text)
			full = append(full, text != "" && width(raw)-width(text) < 2)
		}
		start = i + utf8.RuneLen(r)
	}
	return cells, full, len(cells) > 0
}

// width is the display width of s, a Han or full-width character two
// columns.
func width(s string) int {
	n := 0
	for _, r := range s {
		n += runeWidth(r)
	}
	return n
}

// ruleSpans counts, for each cell of the row under the rule line l, the
// up-only junctions inside it: how many more columns of the row above it
// covers.
func ruleSpans(l string) []int {
	var spans []int
	n := -1
	for _, r := range trim(l) {
		switch {
		case upOnly(r):
			if n >= 0 {
				spans[n]++
			}
		case r == '─' || r == '━' || r == '═' || r < 0x2500 || r > 0x257F:
			// A stroke, or the text of a cell merged down past the rule.
		default: // a junction or corner that goes on down: a new cell
			spans = append(spans, 0)
			n++
		}
	}
	if n >= 0 {
		spans = spans[:n] // the closing corner starts no cell
	}
	return spans
}

// readBoxTable reads the drawing that starts at lines[i]. ok is false
// when it holds fewer than two rows of two cells or more; next is then
// the end of its lines.
func readBoxTable(lines []string, i int) (t draftTable, next int, ok bool) {
	k := i
	for k < len(lines) && isBoxLine(lines[k]) {
		k++
	}
	var (
		row      []draftCell
		prev     []string // the segments of the line above in this row
		prevFull []bool   // which of them fill their cells
		rule     string   // the rule line above the row being read
		prevRule string
	)
	wide := 0
	flush := func() {
		if len(row) == 0 {
			return
		}
		if n := len(t.rows); n > 0 {
			row = widenBoxRow(row, len(t.rows[n-1]), ruleSpans(prevRule))
		}
		if len(row) >= 2 {
			wide++
		}
		t.rows = append(t.rows, row)
		row, prev = nil, nil
	}
	for j := i; j < k; j++ {
		l := lines[j]
		if isBoxRule(l) {
			flush()
			rule = l
			continue
		}
		cells, full, isRow := boxSegments(l)
		if !isRow {
			return draftTable{}, k, false
		}
		if partialRule(cells) {
			// The cells merged down go on past the rule: their text on
			// this line ends them.
			if row != nil && len(cells) == len(prev) {
				for c, s := range cells {
					if !isStrokes(s) {
						row[c].add(s, prev[c], j+1)
					}
				}
			}
			flush()
			rule = l
			continue
		}
		if row != nil && continues(prev, prevFull, cells) {
			for c, s := range cells {
				row[c].add(s, prev[c], j+1)
			}
			prev, prevFull = cells, full
			continue
		}
		flush()
		// Only a row right under a rule is told its spans by it.
		prevRule, rule = rule, ""
		if len(t.rows) == 0 {
			t.first = j + 1
		}
		for _, s := range cells {
			row = append(row, draftCell{paras: []line{{s, j + 1}}})
		}
		prev, prevFull = cells, full
	}
	flush()
	t.lastLine = k // the closing rule
	return t, k, wide >= 2
}

// partialRule tells the segments of a line that rules some cells and
// writes text in others (│目标    ├────┼────┤).
func partialRule(cells []string) bool {
	for _, s := range cells {
		if isStrokes(s) {
			return true
		}
	}
	return false
}

// isStrokes tells a segment of horizontal strokes only.
func isStrokes(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r != '─' && r != '━' && r != '═' {
			return false
		}
	}
	return true
}

// continues tells whether the line whose segments are cells goes on with
// the row whose last line had the segments prev (full telling those that
// fill their cells). It has as many cells, and writes none where the line
// above is blank: a wrapped cell goes on under its text, a new row writes
// under cells already ended. Text under a full cell, or a paragraph of a
// cell holding several (2.…, after a sentence's end), goes on; text under
// one that left room starts a row, unless as much text goes on: a drawing
// drawn by hand wraps a cell a character early now and then.
func continues(prev []string, full []bool, cells []string) bool {
	if len(prev) != len(cells) {
		return false
	}
	on, room := 0, 0
	for c, s := range cells {
		switch {
		case s == "":
		case prev[c] == "":
			return false
		case full[c] || startsItem(s) || endsSentence(prev[c]):
			on++
		default:
			room++
		}
	}
	return on > 0 && on >= room
}

// add goes on with the cell's text on line no: joined to the line above,
// the text was wrapped where the column ended; a numbered item
// (2.…, （二）…), or text after a sentence's end, starts a paragraph.
func (c *draftCell) add(s, above string, no int) {
	if s == "" {
		return
	}
	last := &c.paras[len(c.paras)-1]
	if last.text == "" || !startsItem(s) && !endsSentence(above) {
		last.text += s
		return
	}
	c.paras = append(c.paras, line{s, no})
}

func startsItem(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	if r == '（' || r == '(' {
		// （一）, (2): a number in brackets, not a note such as （万元）.
		r, _ = utf8.DecodeRuneInString(s[n:])
		return r >= '0' && r <= '9' || strings.ContainsRune("一二三四五六七八九十", r)
	}
	if r < '0' || r > '9' {
		return false
	}
	s = strings.TrimLeft(s[n:], "0123456789")
	return strings.HasPrefix(s, ".") || strings.HasPrefix(s, "、") || strings.HasPrefix(s, "．")
}

func endsSentence(s string) bool {
	for _, p := range []string{"。", "；", ";", "！", "？"} {
		if strings.HasSuffix(s, p) {
			return true
		}
	}
	return false
}

// widenBoxRow gives a row narrower than the one above it the cells its
// merged spans cover, as blank cells after each: the rule above says
// which cells span (spans, by cell). The cells missing go to the spans
// in order, as many as their junctions; the last span takes what
// remains, a drawing's columns not always matching its rule.
func widenBoxRow(row []draftCell, width int, spans []int) []draftCell {
	missing := width - len(row)
	if missing <= 0 || len(spans) != len(row) {
		return row
	}
	last := -1
	for c, n := range spans {
		if n > 0 {
			last = c
		}
	}
	if last < 0 {
		return row
	}
	out := make([]draftCell, 0, width)
	for c, cell := range row {
		out = append(out, cell)
		n := min(spans[c], missing)
		if c == last {
			n = missing
		}
		missing -= n
		no := cell.paras[0].no
		for range n {
			out = append(out, draftCell{paras: []line{{"", no}}})
		}
	}
	return out
}
