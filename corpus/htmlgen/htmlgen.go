// Package htmlgen renders a document read by one of the project's readers
// as a web page, so that tests can give the HTML reader the sample report
// (or any fixture) as a page without committing one: paragraphs as <p>
// (headings as <h1>…<h6>, a numbering marker written before the text, as a
// browser would show a Word page), tables as <table> with rowspan and
// colspan.
package htmlgen

import (
	"fmt"
	"html"
	"strings"

	"github.com/govreports/govreports/ingest/model"
)

// Page frames the body with a site's chrome when set, as a saved
// government page has it.
type Page struct {
	Title  string // <title>
	Chrome bool   // a header with a menu, a breadcrumb, an info line and a footer
}

// Render writes doc as an HTML page in UTF-8.
func Render(doc *model.Document, pg Page) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>%s</title>\n</head>\n<body>\n", html.EscapeString(pg.Title))
	if pg.Chrome {
		b.WriteString(`<div class="header"><div class="logo">某某区人民政府</div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/hdjl/">互动交流</a></li><li><a href="/bsfw/">办事服务</a></li></ul></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 绩效评价</div>
<div class="article">
<div class="info">发布时间：2021-03-02 来源：区现代服务业发展局 浏览次数：<span id="hits">128</span></div>
<div id="zoom" class="TRS_Editor">
`)
	}
	for _, bl := range doc.Body {
		if bl.Kind == model.KindTable {
			writeTable(&b, doc, &doc.Tables[bl.TableNo-1])
			continue
		}
		writePara(&b, bl.Para)
	}
	if pg.Chrome {
		b.WriteString(`</div>
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a></div>
<div class="print">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
</div>
<div class="footer"><p>主办单位：某某区人民政府办公室 承办单位：某某区大数据中心</p><p>赣ICP备00000000号 网站标识码：3601000000</p></div>
`)
	}
	b.WriteString("</body>\n</html>\n")
	return []byte(b.String())
}

func writePara(b *strings.Builder, p model.Paragraph) {
	tag := "p"
	if lvl, ok := headingLevel(p.Style); ok {
		tag = fmt.Sprintf("h%d", lvl)
	}
	text := p.Text
	if p.Marker != "" {
		text = p.Marker + text
	}
	fmt.Fprintf(b, "<%s>%s</%s>\n", tag, lines(text), tag)
}

// headingLevel reads "heading N" styles.
func headingLevel(style string) (int, bool) {
	var n int
	if _, err := fmt.Sscanf(strings.ToLower(style), "heading %d", &n); err == nil && n >= 1 && n <= 6 {
		return n, true
	}
	return 0, false
}

// lines escapes text, its line breaks as <br>.
func lines(s string) string {
	return strings.ReplaceAll(html.EscapeString(s), "\n", "<br>")
}

// writeTable writes t on its grid: a merged cell once, with its spans.
// Tables nested in a cell are written inside it.
func writeTable(b *strings.Builder, doc *model.Document, t *model.Table) {
	b.WriteString("<table border=\"1\">\n")
	for r := range t.Rows {
		b.WriteString("<tr>")
		for _, c := range t.Cells {
			if c.Row != r {
				continue
			}
			b.WriteString("<td")
			if c.RowSpan > 1 {
				fmt.Fprintf(b, " rowspan=\"%d\"", c.RowSpan)
			}
			if c.ColSpan > 1 {
				fmt.Fprintf(b, " colspan=\"%d\"", c.ColSpan)
			}
			b.WriteString(">")
			nested := false
			for i := range doc.Tables {
				if n := &doc.Tables[i]; n.ParentTable == t.No && n.ParentRow == c.Row && n.ParentCol == c.Col {
					writeTable(b, doc, n)
					nested = true
				}
			}
			if !nested {
				b.WriteString(lines(c.Text))
			}
			b.WriteString("</td>")
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</table>\n")
}
