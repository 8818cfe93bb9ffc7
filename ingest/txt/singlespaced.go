package txt

import (
	"regexp"
	"strings"
)

// A table copied from a PDF may part its cells by single spaces ("一级指标
// 二级指标 三级指标 分值 得分", then "决策 项目立项 立项依据充分性 5 5"): an
// indicator table, whose cells hold no space, says so by its header, every
// word of it a header label and 一级指标, 二级指标 the first two. One
// copied from a web page may keep such a header line and put each cell of
// the rows under it on a line of its own.

// isSingleSpacedHeader tells the header line of such a table.
func isSingleSpacedHeader(l string) bool {
	s := trim(l)
	if !strings.HasPrefix(s, "一级指标 ") || strings.Contains(s, "  ") || strings.ContainsAny(s, "\t\u3000") {
		return false
	}
	words := strings.Split(s, " ")
	if len(words) < 4 || !strings.HasPrefix(words[1], "二级指标") {
		return false
	}
	for _, w := range words {
		if !isLineCellLabel(w) {
			return false
		}
	}
	return true
}

// readSingleSpacedTable reads the table whose header is lines[i]: rows of
// as many words, or of up to two fewer where the levels merged from the
// rows above are left out, whose words under 分值, 权重 and 得分 are
// numbers; then a total row (合计 100 84.6), which ends it. Any other line
// ends it too.
func readSingleSpacedTable(lines []string, i int) (t draftTable, next int, ok bool) {
	header := strings.Split(trim(lines[i]), " ")
	if i+1 < len(lines) && isLevelLabel(trim(lines[i+1])) {
		// A level alone on the line under the header: a web page's table,
		// its header on one line and then every cell on a line of its own.
		return readLineCellRows(lines, i, i+1, wordCells(header, i+1))
	}
	cols := len(header)
	var numeric []int // the columns of numbers, counted from the right: 1 is the last
	for c, h := range header {
		if isNumberHead(h) {
			numeric = append(numeric, cols-c)
		}
	}
	t.first = i + 1
	t.rows = append(t.rows, wordCells(header, i+1))
	k := i + 1
	for ; k < len(lines); k++ {
		s := trim(lines[k])
		if s == "" || strings.Contains(s, "  ") || strings.ContainsAny(s, "\t\u3000") {
			break
		}
		words := strings.Split(s, " ")
		if isTotalLabel(words[0]) && len(words) >= 2 && len(words) <= cols && allNumbers(words[1:]) {
			t.rows = append(t.rows, wordCells(words, k+1))
			k++
			break
		}
		if len(words) > cols || len(words) < cols-2 || !numbersAt(words, numeric) {
			break
		}
		t.rows = append(t.rows, wordCells(words, k+1))
	}
	t.lastLine = k
	return t, k, len(t.rows) >= 2 && len(numeric) > 0
}

func wordCells(words []string, no int) []draftCell {
	row := make([]draftCell, len(words))
	for c, w := range words {
		row[c] = draftCell{paras: []line{{w, no}}}
	}
	return row
}

// numbersAt reports whether the words at the columns numeric counts from
// the right are numbers.
func numbersAt(words []string, numeric []int) bool {
	for _, n := range numeric {
		if n > len(words) || !numberCell.MatchString(words[len(words)-n]) {
			return false
		}
	}
	return true
}

func allNumbers(words []string) bool {
	for _, w := range words {
		if !numberCell.MatchString(w) {
			return false
		}
	}
	return true
}

// pageNumber is a line a PDF prints at the foot or head of a page: "- 2 -",
// "第2页", "第2页 共5页".
var pageNumber = regexp.MustCompile(`^(?:[-－—–]\s*[0-9]+\s*[-－—–]|第\s*[0-9]+\s*页(?:\s*[，,/]?\s*共\s*[0-9]+\s*页)?)$`)

// pageGoesOn tells where a table that ends at lines[next] goes on after a
// page break of a PDF copy: a page number, blank lines around it, and the
// table's header repeated (header, the line it started on) at the top of
// the next page. It returns the line of the repeated header.
func pageGoesOn(lines []string, next int, header string) (int, bool) {
	k := next
	for k < len(lines) && isBlank(lines[k]) {
		k++
	}
	if k == len(lines) || !pageNumber.MatchString(trim(lines[k])) {
		return 0, false
	}
	for k++; k < len(lines) && isBlank(lines[k]); k++ {
	}
	if k == len(lines) || trim(lines[k]) != trim(header) {
		return 0, false
	}
	return k, true
}
