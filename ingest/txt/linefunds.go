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
	s := trim(lines[i])
	cells, _ := spacedCells(s)
	names := strings.Contains(s, "资金") || strings.Contains(s, "预算") && (strings.HasSuffix(s, "（万元）") || strings.HasSuffix(s, "(万元)"))
	return len(cells) == 1 && names && isFundsLabel(s) &&
		i+1 < len(lines) && strings.Contains(trim(lines[i+1]), "预算")
}

// readLineFundsTable reads the one-cell-per-line funds block whose header
// starts at lines[i]. It ends at two blank lines or at the first item not
// followed by a row of amounts.
func readLineFundsTable(lines []string, i int) (t draftTable, next int, ok bool) {
	t.first = i + 1
	k := i
	var header []draftCell
	// The first row's item reads as a label too (年度资金总额): the header
	// ends before the label an amount follows.
	for ; k+1 < len(lines) && isFundsLabel(trim(lines[k])) && !amountCell.MatchString(trim(lines[k+1])); k++ {
		header = append(header, draftCell{paras: []line{{trim(lines[k]), k + 1}}})
	}
	cols := len(header)
	if cols < 4 {
		return t, k, false
	}
	t.rows = append(t.rows, header)
	t.lastLine = k
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
