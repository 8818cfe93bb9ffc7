package html

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Pages of 政府信息公开 put a table of the article's catalogue entry
// above it: 索引号, 发布机构, 主题分类, 成文日期, 发布日期, 文号 … as label
// and value cells. It describes the page, not the report: its date and
// publisher are the page's metadata, and the table is no content.

// infoLabels are the labels of such a table; 索引号 is the one that tells
// it.
var infoLabels = []string{"索引号", "信息索引号", "发布机构", "发文机关", "发文机构", "公开主体", "主题分类", "信息分类", "体裁分类",
	"成文日期", "生成日期", "发布日期", "公开日期", "文号", "发文字号", "主题词", "公开方式", "公开范围", "有效性", "标题", "名称"}

// infoTable returns the label and value pairs of table n when it is a
// catalogue entry, and whether it is. Labels are cells that hold a known
// label (with or without a colon); the next cell is the value. A cell may
// also hold both ("发布日期：2021-08-16").
func infoTable(n *html.Node) (map[string]string, bool) {
	var cells []string
	for _, tr := range tableRows(n) {
		for _, td := range rowCells(tr) {
			cells = append(cells, oneLine(leadText(td, 200)))
		}
	}
	pairs := map[string]string{}
	for i := 0; i < len(cells); i++ {
		label, value, glued := strings.Cut(strings.ReplaceAll(cells[i], "：", ":"), ":")
		label = squash(label)
		if !isInfoLabel(label) {
			continue
		}
		value = strings.TrimSpace(value)
		if !glued || value == "" {
			if i+1 < len(cells) && !isInfoLabel(squash(strings.TrimRight(cells[i+1], ":："))) {
				value = cells[i+1]
				i++
			}
		}
		pairs[label] = value
	}
	_, ok := pairs["索引号"]
	if !ok {
		_, ok = pairs["信息索引号"]
	}
	return pairs, ok && len(pairs) >= 3
}

func isInfoLabel(s string) bool {
	for _, l := range infoLabels {
		if s == l {
			return true
		}
	}
	return false
}

// findInfoTables returns the catalogue tables under root and what the
// first of them says.
func findInfoTables(root *html.Node) (map[*html.Node]bool, map[string]string) {
	tables := map[*html.Node]bool{}
	var first map[string]string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || skipped[c.DataAtom] {
				continue
			}
			if c.DataAtom == atom.Table {
				if pairs, ok := infoTable(c); ok {
					tables[c] = true
					if first == nil {
						first = pairs
					}
					continue
				}
			}
			walk(c)
		}
	}
	walk(root)
	return tables, first
}
