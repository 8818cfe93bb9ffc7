package pdf

import (
	"fmt"
	"strings"
	"testing"

	"github.com/govreports/govreports/ingest/model"
)

func TestPageNumberAndHeading(t *testing.T) {
	for _, s := range []string{"3", "- 3 -", "— 12 —", "第 3 页", "第3页 共10页", "第 3 页，共 10 页", "共10页 第3页", "3/10", "Page 3 of 10"} {
		if !pageNumber.MatchString(s) {
			t.Errorf("%q is no page number", s)
		}
	}
	for _, s := range []string{"2020年", "第三章", "3个项目"} {
		if pageNumber.MatchString(s) {
			t.Errorf("%q taken for a page number", s)
		}
	}
	for _, s := range []string{"一、项目概况", "（一）基本情况", "(2)资金", "1.项目内容", "2、帮扶企业", "第二章 总则", "①组织"} {
		if !heading.MatchString(s) {
			t.Errorf("%q opens no heading", s)
		}
	}
	for _, s := range []string{"1.5亿元用于", "2020年度", "一是推荐"} {
		if heading.MatchString(s) {
			t.Errorf("%q taken for a heading", s)
		}
	}
}

func TestJoiner(t *testing.T) {
	for _, c := range [][3]string{
		{"2020", "年", ""}, {"编制", "5", ""}, {"APP", "建设", ""}, {"performance", "evaluation", " "}, {"72.4", "万", ""},
	} {
		if got := joiner(c[0], c[1]); got != c[2] {
			t.Errorf("joiner(%q, %q) = %q, want %q", c[0], c[1], got, c[2])
		}
	}
	open := false
	if got := fullWidth(`“梦想小街"电商产业园:(一)`, &open); got != "“梦想小街”电商产业园：（一）" {
		t.Errorf("fullWidth: %q", got)
	}
}

// page builds a page of text lines: each line is its words at the x
// positions given, 10 units high, one line every 15 units.
func testPage(no int, rows ...[]any) page {
	p := page{no: no, width: 600, height: 800}
	for i, r := range rows {
		y := 100 + float64(i)*15
		for k := 0; k+1 < len(r); k += 2 {
			x := float64(r[k].(int))
			text := r[k+1].(string)
			w := float64(len([]rune(text))) * 10
			p.words = append(p.words, word{x0: x, y0: y, x1: x + w, y1: y + 10, text: text, conf: -1})
		}
	}
	return p
}

func TestLayoutParagraphsAndTable(t *testing.T) {
	full := strings.Repeat("字", 40) // 100 → 500, the text column
	p := testPage(1,
		[]any{100, "一、项目概况"},
		[]any{120, strings.Repeat("正", 38)},
		[]any{100, full},
		[]any{100, "完。"},
		[]any{100, "序号", 200, "名称", 350, "预算", 450, "实际"},
		[]any{100, "1", 200, "楼宇办工", 350, "18", 370, "万", 450, "18万"},
		[]any{200, "作经费"},
		[]any{100, "2", 200, "其他", 350, "1万", 450, "1万"},
		[]any{100, "（二）资金"},
		[]any{100, full},
	)
	doc := &model.Document{}
	layout(doc, []page{p, testPage(2, []any{100, "续。"})})
	var got []string
	for _, b := range doc.Body {
		if b.Kind == model.KindTable {
			tb := doc.Tables[b.TableNo-1]
			for r := range tb.Rows {
				var cells []string
				for c := range tb.Cols {
					cells = append(cells, tb.Cell(r, c).Text)
				}
				got = append(got, "| "+strings.Join(cells, " | "))
			}
			continue
		}
		got = append(got, fmt.Sprintf("p%d %s", b.Pos.Page, b.Para.Text))
	}
	want := []string{
		"p1 一、项目概况",
		"p1 " + strings.Repeat("正", 38) + full + "完。",
		"| 序号 | 名称 | 预算 | 实际",
		"| 1 | 楼宇办工作经费 | 18万 | 18万",
		"| 2 | 其他 | 1万 | 1万",
		"p1 （二）资金",
		"p1 " + full + "续。", // across the page break
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestDropRunning(t *testing.T) {
	var pages [][]line
	for i := 1; i <= 4; i++ {
		p := testPage(i, []any{100, "正文"})
		p.words = append(p.words,
			word{x0: 100, y0: 20, x1: 240, y1: 30, text: "西湖区绩效评价报告", conf: -1},
			word{x0: 280, y0: 770, x1: 380, y1: 780, text: fmt.Sprintf("- %d -", i), conf: -1})
		pages = append(pages, pageLines(p))
	}
	kept, running := dropRunning(pages, []float64{800, 800, 800, 800})
	for i, ls := range kept {
		if len(ls) != 1 || ls[0].text() != "正文" {
			t.Errorf("page %d kept %d lines", i+1, len(ls))
		}
	}
	if len(running) != 1 || running[0].Text != "西湖区绩效评价报告" || running[0].Kind != "header" {
		t.Errorf("running %+v", running)
	}
}
