package txt

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A performance-indicator table copied from a web page can arrive one
// cell per line, its row boundaries lost. Its header labels survive, and
// say how many columns a row has; the levels merged over several rows
// (产出指标, 数量指标) stand only in the first of them, and the form's own
// words tell them from an indicator's name. This re-grids such a table.

// lineCellWords are words of the indicator table's header labels.
var lineCellWords = []string{"指标", "分值", "权重", "得分", "原因", "措施", "单位", "性质", "完成值", "备注"}

// level1Label and level2Label are the form's first and second levels,
// a weight possibly after them: 产出指标（50分）, 社会效益指标.
var (
	level1Label = regexp.MustCompile(`^(产出|效益|满意度|成本)指标\s*([（(][^（()）]*[）)])?$`)
	level2Label = regexp.MustCompile(`^(数量|质量|时效|成本|经济效益|社会效益|生态效益|生态环境效益|可持续影响|服务对象满意度|经济成本|社会成本|生态环境成本)(指标)?\s*([（(][^（()）]*[）)])?$`)
	// numberCell is a weight or a score: 10, 9.5, 10分, 20%.
	numberCell = regexp.MustCompile(`^[0-9]+(\.[0-9]+)?\s*(分|%|％)?$`)
)

// isLineCellHeader tells the first header line of a one-cell-per-line
// indicator table.
func isLineCellHeader(l string) bool {
	s := trim(l)
	cells, _ := spacedCells(s)
	return strings.HasPrefix(s, "一级指标") && len(cells) == 1 && isLineCellLabel(s)
}

func isLineCellLabel(s string) bool {
	if s == "" || utf8.RuneCountInString(s) > 16 || strings.IndexFunc(s, unicode.IsDigit) >= 0 {
		return false
	}
	for _, w := range lineCellWords {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// readLineCellTable reads the one-cell-per-line indicator table whose
// header starts at lines[i]: four header labels or more, one a line, then
// its rows, a blank line an empty cell. A row may lack its first two cells
// (the levels merged from the rows above) and its last when that is text
// (偏差原因, left empty): the next line then starts another row, as a level
// label does or as the weights and scores where they stand tell. The table
// ends at two blank lines, at a row that cannot be whole, or at a long
// sentence where an indicator's name would stand.
func readLineCellTable(lines []string, i int) (t draftTable, next int, ok bool) {
	k := i
	var header []draftCell
	for ; k < len(lines) && isLineCellLabel(trim(lines[k])) && !isLevelLabel(trim(lines[k])); k++ {
		header = append(header, draftCell{paras: []line{{trim(lines[k]), k + 1}}})
	}
	// A scoring table may name two levels only (一级指标, 三级指标, 分值,
	// 得分): its columns after them must then all be numbers, which
	// readNumberRows places.
	if len(header) < 4 || !strings.Contains(trim(lines[i+1]), "二级指标") && textColumns(header) != 2 {
		t.first = i + 1
		return t, k, false
	}
	// A PDF's page break may fall between two cells: the rows are read
	// without it, their lines numbered as in the file.
	view, orig := withoutPageBreaks(lines, k, k < len(lines) && isBlank(lines[k]))
	if orig == nil {
		return readLineCellRows(lines, i, k, header)
	}
	t, next, ok = readLineCellRows(view, i, k, header)
	at := func(no int) int { // a line number of view → of lines
		if no < 1 || no > len(view) {
			return no
		}
		return orig[no-1] + 1
	}
	for _, row := range t.rows {
		for c := range row {
			for p := range row[c].paras {
				row[c].paras[p].no = at(row[c].paras[p].no)
			}
		}
	}
	if next > 0 && next <= len(view) {
		next = orig[next-1] + 1 // the lines of a page break after the table are read again
	}
	t.lastLine = at(t.lastLine)
	return t, next, ok
}

// textColumns is how many columns of a line-cell header come before those
// of numbers (分值, 权重, 得分), 0 when any after them holds other things.
func textColumns(header []draftCell) int {
	n := 0
	for n < len(header) && !isNumberHead(header[n].paras[0].text) {
		n++
	}
	for _, h := range header[n:] {
		if !isNumberHead(h.paras[0].text) {
			return 0
		}
	}
	return n
}

func isNumberHead(h string) bool {
	return strings.Contains(h, "分值") || strings.Contains(h, "权重") || strings.Contains(h, "得分")
}

// withoutPageBreaks returns lines with the page breaks from line k on
// left out (a page number and the blank lines around it; one blank line
// kept where blank lines part the rows), and for each line of the result
// its index in lines; nil when there is no page break to leave out.
func withoutPageBreaks(lines []string, k int, blankRows bool) (view []string, orig []int) {
	if !slices.ContainsFunc(lines[k:], func(l string) bool { return pageNumber.MatchString(trim(l)) }) {
		return nil, nil
	}
	view, orig = make([]string, 0, len(lines)), make([]int, 0, len(lines))
	for j := 0; j < len(lines); j++ {
		if j < k || !pageNumber.MatchString(trim(lines[j])) {
			view, orig = append(view, lines[j]), append(orig, j)
			continue
		}
		for len(view) > k && isBlank(view[len(view)-1]) {
			view, orig = view[:len(view)-1], orig[:len(orig)-1]
		}
		if blankRows {
			view, orig = append(view, ""), append(orig, j)
		}
		for j+1 < len(lines) && isBlank(lines[j+1]) {
			j++
		}
	}
	return view, orig
}

// readLineCellRows reads the rows, one cell a line from lines[k], of the
// indicator table whose header, starting at lines[i], is header: labels
// one a line, or a web page's header line of labels parted by spaces.
func readLineCellRows(lines []string, i, k int, header []draftCell) (t draftTable, next int, ok bool) {
	t.first = i + 1
	cols := len(header)
	// The columns after the two levels that hold numbers, by their offset
	// from the indicator's name; and whether the last holds text.
	var numeric []int
	for c := 2; c < cols; c++ {
		h := header[c].paras[0].text
		if strings.Contains(h, "分值") || strings.Contains(h, "权重") || strings.Contains(h, "得分") {
			numeric = append(numeric, c-2)
		}
	}
	lastText := len(numeric) == 0 || numeric[len(numeric)-1] != cols-3
	t.rows = append(t.rows, header)
	t.lastLine = k
	if k < len(lines) && isBlank(lines[k]) {
		// A column merged down the left of the block (绩效指标) stands on
		// the line above the header, and again in each row.
		lead := ""
		if i > 0 && isLineCellLabel(trim(lines[i-1])) {
			lead = trim(lines[i-1])
		}
		return readBlankRows(lines, t, k, cols, lastText, lead)
	}
	text := func(j int) string {
		if j < len(lines) {
			return trim(lines[j])
		}
		return ""
	}
	if levels := textColumns(header); levels == 2 || levels == 3 {
		return readNumberRows(lines, t, k, cols, levels, text)
	}
	// startsRow tells whether lines[j] begins a row with no levels: its
	// weight and score where they stand, and no level label where its
	// target would stand (a text before a level label is the last cell
	// of the row above).
	startsRow := func(j int) bool {
		if isLevelLabel(text(j + 1)) {
			return false
		}
		for _, q := range numeric {
			if j+q >= len(lines) || !numberCell.MatchString(text(j+q)) {
				return false
			}
		}
		return len(numeric) > 0
	}
	for k < len(lines) {
		if isBlank(lines[k]) && k+1 < len(lines) && isBlank(lines[k+1]) {
			break
		}
		if isTotalLabel(text(k)) {
			// The rows under the indicators end the table.
			t, k = appendTotalRows(lines, t, k, false)
			break
		}
		j := k
		row := make([]draftCell, 0, cols)
		cell := func(s string, no int) { row = append(row, draftCell{paras: []line{{s, no}}}) }
		switch s := text(j); {
		case level1Label.MatchString(s) && level2Label.MatchString(text(j+1)):
			cell(s, j+1)
			cell(text(j+1), j+2)
			j += 2
		case level2Label.MatchString(s):
			cell("", j+1)
			cell(s, j+1)
			j++
		case level1Label.MatchString(s):
			cell(s, j+1)
			cell("", j+1)
			j++
		default:
			cell("", j+1)
			cell("", j+1)
		}
		if name := text(j); name == "" || strings.HasSuffix(name, "。") || utf8.RuneCountInString(name) > 40 || isTotalLabel(name) {
			break
		}
		whole := true
		for c := 2; c < cols; c++ {
			if j >= len(lines) {
				whole = c == cols-1 && lastText
				break
			}
			if c == cols-1 && lastText && !isBlank(lines[j]) &&
				(isLevelLabel(text(j)) || isTotalLabel(text(j)) || startsRow(j)) {
				break // the row's last cell was empty and left out
			}
			cell(text(j), j+1)
			j++
		}
		for _, q := range numeric {
			// A weight or score that is no number is the text after the
			// table (a heading, a sentence broken at the line's width).
			if 2+q < len(row) && row[2+q].paras[0].text != "" && !numberCell.MatchString(row[2+q].paras[0].text) {
				whole = false
			}
		}
		if !whole {
			break
		}
		for len(row) < cols {
			cell("", j)
		}
		t.rows = append(t.rows, row)
		t.lastLine = j
		k = j
	}
	return t, k, len(t.rows) > 1
}

// readNumberRows reads the rows of a one-cell-per-line table whose
// columns after the indicator's name all hold numbers (一级指标, 二级指标,
// 三级指标, 分值, 得分: a scoring table; levels is how many text columns
// come first, 2 where the header names only 一级 and 三级): each row is one
// to levels texts, the levels its group writes only in its first row,
// then a number for each column left. The numbers end each row, whatever the levels are called
// (决策（15分）, 项目立项). Rows under the indicators (合计) end the table.
func readNumberRows(lines []string, t draftTable, k, cols, levels int, text func(int) string) (draftTable, int, bool) {
	q := cols - levels
	for {
		if isTotalLabel(text(k)) {
			t, k = appendTotalRows(lines, t, k, false)
			break
		}
		j := k
		for j-k < levels && text(j) != "" && !numberCell.MatchString(text(j)) && !isTotalLabel(text(j)) {
			j++
		}
		m := j - k
		if m == 0 || !numberCell.MatchString(text(j)) {
			break
		}
		if name := text(j - 1); strings.HasSuffix(name, "。") || utf8.RuneCountInString(name) > 40 {
			break
		}
		whole := true
		for n := j; n < j+q; n++ {
			whole = whole && numberCell.MatchString(text(n))
		}
		if !whole {
			break
		}
		row := make([]draftCell, 0, cols)
		for c := m; c < levels; c++ {
			row = append(row, draftCell{paras: []line{{"", k + 1}}})
		}
		for n := k; n < j+q; n++ {
			row = append(row, draftCell{paras: []line{{text(n), n + 1}}})
		}
		t.rows = append(t.rows, row)
		k = j + q
		t.lastLine = k
	}
	return t, k, len(t.rows) > 1
}

// readBlankRows reads the rows of a one-cell-per-line indicator table
// whose header a blank line ends: Word's text export without its tabs, a
// blank line after each row. A row is the run of lines up to the next
// blank line: its levels where it writes them (told by the form's level
// names), the indicator and the cells after it, the last one left out when
// it is text and empty; lead, the label of a column merged down the left
// of the block (绩效指标), is left out where a row writes it again. A run
// that is no such row ends the table, as do the total's rows.
func readBlankRows(lines []string, t draftTable, k, cols int, lastText bool, lead string) (draftTable, int, bool) {
	for {
		for k < len(lines) && isBlank(lines[k]) {
			k++
		}
		if k >= len(lines) {
			break
		}
		if isTotalLabel(trim(lines[k])) {
			t, k = appendTotalRows(lines, t, k, true)
			break
		}
		j := k
		for j < len(lines) && !isBlank(lines[j]) {
			j++
		}
		from := k
		if lead != "" && trim(lines[k]) == lead && j-k > 1 {
			from++ // the merged column, written again
		}
		row, ok := blankRow(lines[from:j], from, cols, lastText)
		if !ok {
			break
		}
		t.rows = append(t.rows, row)
		t.lastLine = j
		k = j
	}
	return t, k, len(t.rows) > 1
}

// blankRow places the run of lines run, the first at index first, as a
// row of an indicator table cols wide; ok is false when it is none.
func blankRow(run []string, first, cols int, lastText bool) (row []draftCell, ok bool) {
	texts := make([]string, len(run))
	for i, l := range run {
		texts[i] = trim(l)
	}
	cell := func(i int) draftCell { return draftCell{paras: []line{{texts[i], first + i + 1}}} }
	empty := draftCell{paras: []line{{"", first + 1}}}
	i := 0
	switch {
	case len(texts) > 1 && level1Label.MatchString(texts[0]) && level2Label.MatchString(texts[1]):
		row, i = []draftCell{cell(0), cell(1)}, 2
	case level2Label.MatchString(texts[0]):
		row, i = []draftCell{empty, cell(0)}, 1
	case level1Label.MatchString(texts[0]):
		row, i = []draftCell{cell(0), empty}, 1
	default:
		row = []draftCell{empty, empty}
	}
	if i >= len(texts) {
		return nil, false
	}
	if name := texts[i]; strings.HasSuffix(name, "。") || utf8.RuneCountInString(name) > 40 || isTotalLabel(name) || isLevelLabel(name) {
		return nil, false
	}
	switch n := len(texts) - i; {
	case n == cols-2:
	case n == cols-3 && lastText:
	default:
		return nil, false
	}
	for ; i < len(texts); i++ {
		row = append(row, cell(i))
	}
	for len(row) < cols {
		row = append(row, draftCell{paras: []line{{"", first + len(run)}}})
	}
	return row, true
}

// totalLabels start the rows under the indicators: 总分 | 100 | 95.5,
// 自评等级 | 优; gradeLabels are those that state a grade, not figures.
var (
	totalLabels = []string{"总分", "合计", "总计", "自评得分", "自评总分", "综合得分", "自评等级", "评价等级", "绩效等级", "自评结论", "评价结论"}
	gradeLabels = []string{"等级", "结论"}
)

// isTotalLabel tells the row under the indicators: 总分 | 100 | 95.5.
func isTotalLabel(s string) bool {
	for _, w := range totalLabels {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// appendTotalRows appends to t the rows under the indicators (总分, 合计 …)
// written one cell a line from line k, and returns the line after them;
// skipBlank passes the blank lines a layout puts after each row.
func appendTotalRows(lines []string, t draftTable, k int, skipBlank bool) (draftTable, int) {
	for {
		row, n := readLineTotalRow(lines, k)
		if n == k {
			return t, k
		}
		t.rows = append(t.rows, row)
		t.lastLine, k = n, n
		for skipBlank && k < len(lines) && isBlank(lines[k]) {
			k++
		}
	}
}

// readLineTotalRow reads a row under the indicators written one cell a
// line at lines[i]: a total's label and two figures, the maximum and the
// score (总分, 100, 94.43), or a grade's label and a short word (自评等级,
// 优), a total's grade perhaps after its figures. Where the cells the
// label owns are not certain — one figure (the maximum of a blank
// template, or the score?), three, two words after a total — it reads
// nothing and returns next == i: a wrong total is worse than none.
func readLineTotalRow(lines []string, i int) (row []draftCell, next int) {
	if i >= len(lines) {
		return nil, i
	}
	label := trim(lines[i])
	if !isTotalLabel(label) || utf8.RuneCountInString(label) > 8 {
		return nil, i
	}
	want, value := 2, func(s string) bool { return numberCell.MatchString(s) }
	for _, w := range gradeLabels {
		if strings.Contains(label, w) {
			want, value = 1, isGradeWord
		}
	}
	row = []draftCell{{paras: []line{{label, i + 1}}}}
	k := i + 1
	for ; k < len(lines) && len(row) <= want && value(trim(lines[k])); k++ {
		row = append(row, draftCell{paras: []line{{trim(lines[k]), k + 1}}})
	}
	if len(row) != want+1 {
		return nil, i
	}
	// A total's grade may follow its figures in the row (总分 | 100 | 96 | 优).
	if want == 2 && k < len(lines) && isGradeWord(trim(lines[k])) {
		row = append(row, draftCell{paras: []line{{trim(lines[k]), k + 1}}})
		k++
	}
	// The line after the row must start something else: a blank line,
	// another label, text; not one more value the row could own.
	if k < len(lines) && !isBlank(lines[k]) && !isTotalLabel(trim(lines[k])) &&
		(numberCell.MatchString(trim(lines[k])) || isGradeWord(trim(lines[k]))) {
		return nil, i
	}
	return row, k
}

// isGradeWord tells a cell that can be a grade: a short word without
// figures (优, 良好, 不合格).
func isGradeWord(s string) bool {
	n := utf8.RuneCountInString(s)
	return n >= 1 && n <= 3 && strings.IndexFunc(s, unicode.IsDigit) < 0 && !isTotalLabel(s)
}

func isLevelLabel(s string) bool { return level1Label.MatchString(s) || level2Label.MatchString(s) }
