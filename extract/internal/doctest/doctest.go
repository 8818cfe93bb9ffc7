// Package doctest builds model.Documents from a small line syntax, so that
// tests of the extractors can state their inputs as text files.
//
// Each line is a paragraph. A line may start with attributes in braces:
//
//	{h1 m=一、}项目概况      style "heading 1", generated marker "一、"
//	{o=2 b c}               outline level 2, bold, centred
//
// "\n" written as the two characters backslash-n is a soft line break.
// Lines starting with "|" are table rows ("| 姓名 | 单位 |"); consecutive
// rows make one table. A cell "<" merges into the cell on its left.
package doctest

import (
	"strconv"
	"strings"

	"github.com/govreports/govreports/ingest/model"
)

// Parse builds a txt-like or docx-like document from the lines of src.
func Parse(path, src string) *model.Document {
	doc := &model.Document{Path: path, Format: model.FormatTXT}
	lines := strings.Split(strings.TrimSuffix(src, "\n"), "\n")
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		if strings.HasPrefix(line, "|") {
			j := i
			for j < len(lines) && strings.HasPrefix(lines[j], "|") {
				j++
			}
			t := table(lines[i:j], len(doc.Tables)+1, i+1)
			doc.Tables = append(doc.Tables, t)
			doc.Body = append(doc.Body, model.Block{Kind: model.KindTable, TableNo: t.No, Pos: t.Pos})
			i = j - 1
			continue
		}
		p := model.Paragraph{NumLevel: -1}
		if strings.HasPrefix(line, "{") {
			if end := strings.Index(line, "}"); end > 0 {
				attrs(&p, line[1:end])
				doc.Format = model.FormatDOCX
				line = line[end+1:]
			}
		}
		p.Text = strings.ReplaceAll(line, `\n`, "\n")
		doc.Body = append(doc.Body, model.Block{Kind: model.KindParagraph, Para: p, Pos: model.Pos{Line: i + 1, EndLine: i + 1}})
	}
	return doc
}

func attrs(p *model.Paragraph, s string) {
	for _, f := range strings.Fields(s) {
		switch {
		case len(f) == 2 && f[0] == 'h':
			p.Style = "heading " + f[1:]
		case strings.HasPrefix(f, "m="):
			p.Marker = f[2:]
			p.NumLevel = 0
		case strings.HasPrefix(f, "o="):
			p.OutlineLevel, _ = strconv.Atoi(f[2:])
		case f == "b":
			p.Bold = true
		case f == "c":
			p.Centered = true
		}
	}
}

func table(rows []string, no, line int) model.Table {
	t := model.Table{No: no, Rows: len(rows), Pos: model.Pos{Line: line, EndLine: line + len(rows) - 1}}
	for r, row := range rows {
		cells := strings.Split(strings.Trim(strings.TrimSpace(row), "|"), "|")
		col := 0
		for _, c := range cells {
			c = strings.TrimSpace(c)
			if c == "<" && len(t.Cells) > 0 && t.Cells[len(t.Cells)-1].Row == r {
				t.Cells[len(t.Cells)-1].ColSpan++
				col++
				continue
			}
			text := strings.ReplaceAll(c, `\n`, "\n")
			t.Cells = append(t.Cells, model.Cell{Row: r, Col: col, RowSpan: 1, ColSpan: 1, Text: text,
				Paras: []model.Paragraph{{Text: text, NumLevel: -1}}, Pos: model.Pos{Line: line + r}})
			col++
		}
		if col > t.Cols {
			t.Cols = col
		}
	}
	return t
}
