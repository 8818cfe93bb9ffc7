package txt

import "strings"

// A sheet saved as CSV (a .csv file, or its text pasted into a .txt)
// writes a row a line with a comma between cells: an empty cell is two
// commas in a row, and Excel and WPS pad every row with commas to the
// width of the sheet; a cell that holds a comma, a quote or a line break
// is quoted ("≥1,200场"), its quotes doubled. Reports write the
// full-width comma (，) in their prose, but a half-width one turns up in
// amounts (1,286.40万元) and in careless typing, so a line with commas is
// not yet a row: see csvRecord and readCSVTable.

// maxCSVRecordLines bounds the lines one quoted cell may run over, so that
// a stray quote does not make the rest of a file one cell.
const maxCSVRecordLines = 50

// A csvShape is what a CSV record is made of, told without keeping its
// cells: how many cells it has, how many with text, whether one was
// quoted.
type csvShape struct {
	cells, filled int
	quoted        bool
}

// csvRecord reads the CSV record that starts at lines[i]: its shape, its
// cells when keep is set (each trimmed, a cell quoted over several lines a
// paragraph a line), and the index of the line after it. ok is false when
// lines[i] starts no record of three cells or more, or starts one that is
// no spreadsheet's: a quote left open, text after a closing quote, a run
// of spaces between words (cells parted by spaces), or a comma that splits
// an amount into its thousands (总额1,286.40万元, which a CSV writer would
// have quoted). Prose with commas is told apart without allocating.
func csvRecord(lines []string, i int, keep bool) (row []draftCell, sh csvShape, next int, ok bool) {
	if strings.Count(lines[i], ",") < 2 {
		return nil, sh, i + 1, false
	}
	k, s := i, lines[i]
	var prev string // the unquoted field before, "" after a quoted one
	for pos := 0; ; {
		var cell draftCell
		text := false
		rest := s[pos:]
		if q := strings.TrimLeftFunc(rest, isSpace); strings.HasPrefix(q, `"`) {
			var open bool
			cell.paras, k, pos, open = quotedCell(lines, i, k, pos+len(rest)-len(q)+1)
			if open {
				return nil, csvShape{}, i + 1, false
			}
			s = lines[k]
			text = len(cell.paras) > 1 || cell.paras[0].text != ""
			after := strings.TrimLeftFunc(s[pos:], isSpace)
			pos = len(s) - len(after)
			prev, sh.quoted = "", true
		} else {
			end := strings.IndexByte(rest, ',')
			if end < 0 {
				end = len(rest)
			}
			field := trim(rest[:end])
			if hasSpaceRun(field) || splitsThousands(prev, field) {
				return nil, csvShape{}, i + 1, false
			}
			if keep {
				cell.paras = []line{{field, k + 1}}
			}
			text = field != ""
			pos += end
			prev = field
		}
		sh.cells++
		if text {
			sh.filled++
		}
		if keep {
			row = append(row, cell)
		}
		if pos == len(s) {
			break
		}
		if s[pos] != ',' {
			return nil, csvShape{}, i + 1, false // text after a closing quote
		}
		pos++
	}
	return row, sh, k + 1, sh.cells >= 3
}

// quotedCell reads the quoted cell whose text starts at lines[k][pos:],
// after its opening quote, over as many lines as it runs (at most
// maxCSVRecordLines from the record's line i): its paragraphs, a line a
// paragraph, and the line and the offset after its closing quote. open is
// set for a quote never closed.
func quotedCell(lines []string, i, k, pos int) (paras []line, end, after int, open bool) {
	s := lines[k]
	var b strings.Builder
	for {
		j := strings.IndexByte(s[pos:], '"')
		if j < 0 {
			// The cell goes on on the next line.
			b.WriteString(s[pos:])
			paras = append(paras, line{trim(b.String()), k + 1})
			b.Reset()
			k++
			if k == len(lines) || k-i >= maxCSVRecordLines {
				return nil, k, 0, true
			}
			s, pos = lines[k], 0
			continue
		}
		b.WriteString(s[pos : pos+j])
		pos += j + 1
		if strings.HasPrefix(s[pos:], `"`) {
			b.WriteByte('"') // a quote doubled
			pos++
			continue
		}
		return append(paras, line{trim(b.String()), k + 1}), k, pos, false
	}
}

// hasSpaceRun tells a cell with two spaces or more in a row inside it:
// text whose cells runs of spaces part.
func hasSpaceRun(s string) bool {
	run := 0
	for _, r := range s {
		if partsCells(r) {
			run++
			if run >= 2 {
				return true
			}
			continue
		}
		run = 0
	}
	return false
}

// splitsThousands tells a comma between prev and field that stands inside
// an amount: prev ends in one to three digits that follow other text, and
// field starts with a group of three digits (1,286.40万元). A cell that is
// a number alone (序号 1, then 286.40) is no amount split.
func splitsThousands(prev, field string) bool {
	d := len(prev) - len(strings.TrimRight(prev, "0123456789"))
	if d == 0 || d > 3 || d == len(prev) || prev[len(prev)-d-1] == '.' {
		return false
	}
	g := len(field) - len(strings.TrimLeft(field, "0123456789"))
	return g == 3 && !strings.HasPrefix(field[g:], "%")
}

// isCSVRow tells a line that starts a CSV record.
func isCSVRow(lines []string, i int) bool {
	_, _, _, ok := csvRecord(lines, i, false)
	return ok
}

// readCSVTable reads the CSV records that start at lines[i], up to a line
// that starts none (a blank line ends the table). They make a table when
// two rows or more hold three cells with text or more, and some cell is
// empty or quoted, as a spreadsheet writes them and prose with commas
// does not. The rows above the first of two cells with text or more (the
// sheet's title, its year) are paragraphs above the table, given in
// above; a row of empty cells is none. The records are read twice, their
// cells only once they make a table.
func readCSVTable(lines []string, i int) (t draftTable, above []line, next int, ok bool) {
	wide, sheet := 0, false
	k := i
	for k < len(lines) {
		_, sh, after, isRow := csvRecord(lines, k, false)
		if !isRow {
			break
		}
		if sh.filled >= 3 {
			wide++
		}
		sheet = sheet || sh.quoted || sh.filled < sh.cells
		k = after
	}
	if wide < 2 || !sheet {
		return draftTable{}, nil, k, false
	}
	for j := i; j < k; {
		row, sh, after, _ := csvRecord(lines, j, true)
		switch {
		case sh.filled == 0:
		case sh.filled == 1 && len(t.rows) == 0:
			for _, c := range row {
				if len(c.paras) > 1 || c.paras[0].text != "" {
					above = append(above, c.paras...)
				}
			}
		default:
			if len(t.rows) == 0 {
				t.first = j + 1
			}
			t.rows = append(t.rows, row)
			t.lastLine = after
		}
		j = after
	}
	return t, above, k, true
}
