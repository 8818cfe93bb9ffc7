package txt

import "strings"

// indicatorHeader returns the column of 一级指标 in a row that heads an
// indicator block (一级指标 | 二级指标 | …, a column 绩效指标 merged down
// before it perhaps), -1 when the row is none.
func indicatorHeader(r []string) int {
	for c := 0; c+1 < len(r); c++ {
		if strings.HasPrefix(r[c], "一级指标") && strings.HasPrefix(r[c+1], "二级指标") {
			return c
		}
	}
	return -1
}

// alignIndicatorRows places the cells of the rows under an indicator
// header that are shorter than it. Text copied from a web page leaves out
// the cells merged down from the rows above (rowspan: the levels 产出指标,
// 数量指标, the column 绩效指标) and often an empty last cell; the form's
// level labels say which levels a row writes, and the rest follows them.
// Rows as wide as the header, and rows elsewhere, stay as they are.
func alignIndicatorRows(rows [][]draftCell) {
	lead, width := -1, 0
	for j, row := range rows {
		texts := make([]string, len(row))
		for c, dc := range row {
			texts[c] = cellString(dc)
		}
		switch h := indicatorHeader(texts); {
		case h >= 0:
			lead, width = h, len(row)
			continue
		case lead < 0 || len(texts) == 0:
			continue
		case isTotalLabel(texts[0]):
			lead = -1
			continue
		case len(row) >= width:
			continue
		}
		no := row[0].paras[0].no
		if writesMerged(texts, lead) {
			for len(row) < width {
				row = append(row, draftCell{paras: []line{{"", no}}})
			}
			rows[j] = row
			continue
		}
		out := make([]draftCell, 0, width)
		empty := func(n int) {
			for range n {
				out = append(out, draftCell{paras: []line{{"", no}}})
			}
		}
		empty(lead)
		switch {
		case len(texts) > 1 && level1Label.MatchString(texts[0]) && level2Label.MatchString(texts[1]):
		case level2Label.MatchString(texts[0]):
			empty(1)
		case level1Label.MatchString(texts[0]):
			out = append(out, row[0])
			row = row[1:]
			empty(1)
		default:
			empty(2)
		}
		out = append(out, row...)
		empty(width - len(out))
		rows[j] = out
	}
}

// writesMerged reports whether an indicator row writes the cells merged
// down from the rows above as empty cells, as Word's tab export does, and
// leaves out only an empty last cell: it starts empty, and its cells up to
// the header's 二级指标 are empty or the labels of their level.
func writesMerged(texts []string, lead int) bool {
	if len(texts) < lead+2 || texts[0] != "" {
		return false
	}
	for _, t := range texts[:lead] {
		if t != "" {
			return false
		}
	}
	return (texts[lead] == "" || level1Label.MatchString(texts[lead])) &&
		(texts[lead+1] == "" || level2Label.MatchString(texts[lead+1]))
}

func cellString(dc draftCell) string {
	if len(dc.paras) == 0 {
		return ""
	}
	return dc.paras[0].text
}

// alignFundsRows places the rows of a form's funds block whose label,
// merged down the block's left (项目资金（万元）), text copied from a web
// page keeps only on the header row, with the empty cell beside it: the
// rows under it are one cell short, their items where the label would
// stand and each amount a column left of its head. Each such row, an item
// then an amount, gets the merged cell back; the first other row ends the
// block.
func alignFundsRows(rows [][]draftCell) {
	for j := 0; j < len(rows); j++ {
		h := rows[j]
		if len(h) < 4 || !strings.Contains(cellString(h[0]), "资金") || !isFundsLabel(cellString(h[0])) ||
			cellString(h[1]) != "" || !strings.Contains(cellString(h[2]), "预算") {
			continue
		}
		for j++; j < len(rows); j++ {
			row := rows[j]
			if len(row) != len(h)-1 {
				break
			}
			item, first := cellString(row[0]), cellString(row[1])
			if item == "" || amountCell.MatchString(item) || first == "" || !amountCell.MatchString(first) {
				break
			}
			rows[j] = append([]draftCell{{paras: []line{{"", row[0].paras[0].no}}}}, row...)
		}
		j--
	}
}
