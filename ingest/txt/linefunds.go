package txt

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A form's funds block copied one cell a line: 项目资金（万元）, 年初预算数,
// 全年预算数, 全年执行数, 分值, 执行率, 得分 one a line, then each row's item
// and its amounts. The labels give the column count; a row is an item
// followed by that many cells less one, each an amount, a rate, a dash or
// empty (a blank line).

// fundsLabelWords are words of a funds block's header labels.
var fundsLabelWords = []string{"预算", "执行", "资金", "分值", "得分", "权重", "率"}

// amountCell is a cell of a funds row: 125.5, 1,180.5, 94.32%, —, /.
var amountCell = regexp.MustCompile(`^([0-9][0-9,，]*(\.[0-9]+)?\s*(%|％|万元|元)?|[—－\-/／]*)$`)

func isFundsLabel(s string) bool {
	if s == "" || utf8.RuneCountInString(s) > 16 || strings.IndexFunc(s, unicode.IsDigit) >= 0 {
		return false
	}
	for _, w := range fundsLabelWords {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// isLineFundsStart tells the first header line of a one-cell-per-line
// funds block: a label naming the funds (项目资金（万元）, or the budget
// with the unit of the block, 年度预算数（万元）), a budget's label under it.
func isLineFundsStart(lines []string, i int) bool {
	s, next := trim(lines[i]), i+1
	cells, _ := spacedCells(s)
	if next < len(lines) && unitNote.MatchString(trim(lines[next])) {
		s, next = s+trim(lines[next]), next+1 // 项目资金 over （万元）
	}
	names := strings.Contains(s, "资金") || strings.Contains(s, "预算") && (strings.HasSuffix(s, "（万元）") || strings.HasSuffix(s, "(万元)"))
	return len(cells) == 1 && names && isFundsLabel(s) &&
		next < len(lines) && strings.Contains(trim(lines[next]), "预算")
}

// readLineFundsTable reads the one-cell-per-line funds block whose header
// starts at lines[i]. It ends at two blank lines or at the first item not
// followed by a row of amounts.
func readLineFundsTable(lines []string, i int) (t draftTable, next int, ok bool) {
	t.first = i + 1
	k := i
	var header []draftCell
	// The first row's item reads as a label too (年度资金总额): the header
	// ends before the label an amount follows. A blank line after a label
	// is an empty amount, unless text other than an amount follows it:
	// then the rows are parted by blank lines (Word's text export without
	// its tabs), and the label ends the header.
	blankRows := false
	for ; k+1 < len(lines) && isFundsLabel(trim(lines[k])) && !amountCell.MatchString(trim(lines[k+1])) || k+1 < len(lines) && isFundsLabel(trim(lines[k])) && isBlank(lines[k+1]); k++ {
		if isBlank(lines[k+1]) {
			n := k + 1
			for n < len(lines) && isBlank(lines[n]) {
				n++
			}
			if n == len(lines) || amountCell.MatchString(trim(lines[n])) {
				break // the first item, its first amount empty
			}
			header = append(header, draftCell{paras: []line{{trim(lines[k]), k + 1}}})
			k++
			blankRows = true
			break
		}
		label, at := trim(lines[k]), k+1
		if k+2 < len(lines) && unitNote.MatchString(trim(lines[k+1])) {
			// A label wrapped before its unit (项目资金 over （万元）): the
			// note ends it, as in the spaced layout.
			k++
			label += trim(lines[k])
		}
		header = append(header, draftCell{paras: []line{{label, at}}})
	}
	cols := len(header)
	if cols < 4 {
		return t, k, false
	}
	t.rows = append(t.rows, header)
	t.lastLine = k
	if blankRows {
		return readBlankFunds(lines, t, k, cols)
	}
	for k+cols <= len(lines) {
		item := trim(lines[k])
		if item == "" || amountCell.MatchString(item) || strings.HasSuffix(item, "。") || utf8.RuneCountInString(item) > 20 {
			break
		}
		row := []draftCell{{paras: []line{{item, k + 1}}}}
		for j := k + 1; j < k+cols; j++ {
			s := trim(lines[j])
			if !amountCell.MatchString(s) {
				row = nil
				break
			}
			row = append(row, draftCell{paras: []line{{s, j + 1}}})
		}
		if row == nil {
			break
		}
		t.rows = append(t.rows, row)
		k += cols
		t.lastLine = k
	}
	return t, k, len(t.rows) > 1
}

// readBlankFunds reads the rows of a funds block whose rows are parted by
// blank lines: each run of lines between them an item and its cols-1
// amounts. A run that is no such row ends the block.
func readBlankFunds(lines []string, t draftTable, k, cols int) (draftTable, int, bool) {
	for {
		for k < len(lines) && isBlank(lines[k]) {
			k++
		}
		j := k
		for j < len(lines) && !isBlank(lines[j]) {
			j++
		}
		if j-k != cols {
			break
		}
		item := trim(lines[k])
		if amountCell.MatchString(item) || strings.HasSuffix(item, "。") || utf8.RuneCountInString(item) > 20 {
			break
		}
		row := []draftCell{{paras: []line{{item, k + 1}}}}
		for n := k + 1; n < j; n++ {
			if !amountCell.MatchString(trim(lines[n])) {
				row = nil
				break
			}
			row = append(row, draftCell{paras: []line{{trim(lines[n]), n + 1}}})
		}
		if row == nil {
			break
		}
		t.rows = append(t.rows, row)
		t.lastLine = j
		k = j
	}
	return t, k, len(t.rows) > 1
}
