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

func cellString(dc draftCell) string {
	if len(dc.paras) == 0 {
		return ""
	}
	return dc.paras[0].text
}
