package html

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"mime/quotedprintable"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/govreports/govreports/ingest/model"
	xhtml "golang.org/x/net/html"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

func gbk(t *testing.T, s string) []byte {
	t.Helper()
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// paras lists the text of the body's paragraphs, tables as "[table N]".
func paras(doc *model.Document) []string {
	var out []string
	for _, b := range doc.Body {
		if b.Kind == model.KindTable {
			out = append(out, fmt.Sprintf("[table %d]", b.TableNo))
			continue
		}
		out = append(out, b.Para.Text)
	}
	return out
}

func TestEncodings(t *testing.T) {
	const body = "<p>一、项目概况</p><p>预算72.4万元</p></body></html>"
	want := "一、项目概况|预算72.4万元"
	big5, _ := traditionalchinese.Big5.NewEncoder().Bytes([]byte("<html><head><meta charset=big5></head><body><p>一、項目概況</p><p>預算72.4萬元</p></body></html>"))
	tests := []struct {
		name     string
		data     []byte
		encoding string
		want     string
		warn     string
	}{
		{"meta charset", gbk(t, `<html><head><meta charset="gb2312"></head><body>`+body), "gb18030", want, ""},
		{"http-equiv", gbk(t, `<html><head><meta http-equiv="Content-Type" content="text/html; charset=GBK"></head><body>`+body), "gb18030", want, ""},
		// 镕 is beyond GB2312: pages that declare it hold such characters.
		{"gb2312 read as gb18030", gbk(t, `<html><head><meta charset="gb2312"></head><body><p>朱镕基</p></body></html>`), "gb18030", "朱镕基", ""},
		{"late declaration", gbk(t, "<html><head><script>"+strings.Repeat("var a = 1;\n", 200)+`</script><meta charset="gbk"></head><body>`+body), "gb18030", want, ""},
		{"utf-8 declared", []byte(`<html><head><meta charset="utf-8"></head><body>` + body), "utf-8", want, ""},
		{"bom", []byte("\xef\xbb\xbf<html><body>" + body), "utf-8-bom", want, ""},
		{"bom beats declaration", []byte("\xef\xbb\xbf<html><head><meta charset=gbk></head><body>" + body), "utf-8-bom", want, ""},
		{"undeclared utf-8", []byte("<html><body>" + body), "utf-8", want, ""},
		{"undeclared gbk", gbk(t, "<html><body>"+body), "gb18030", want, ""},
		{"gbk declared utf-8", gbk(t, `<html><head><meta charset="utf-8"></head><body>`+body), "gb18030", want, `charset "utf-8" declared, but the page is not valid UTF-8; read as gb18030`},
		{"utf-8 declared gb2312", []byte(`<html><head><meta charset="gb2312"></head><body>` + body), "utf-8", want, `charset "gb2312" declared, but the page is valid UTF-8; read as utf-8`},
		{"unknown charset", gbk(t, `<html><head><meta charset="x-nonsense"></head><body>`+body), "gb18030", want, `unknown charset "x-nonsense" declared; read as gb18030`},
		{"big5", big5, "big5", "一、項目概況|預算72.4萬元", ""},
		{"gbk declared latin-1", gbk(t, `<html><head><meta charset="iso-8859-1"></head><body>`+body), "gb18030", want, `charset "iso-8859-1" declared, but the page is Chinese in GB18030; read as gb18030`},
		{"latin-1", []byte("<html><head><meta charset=iso-8859-1></head><body><p>Caf\xe9 cr\xe8me</p></body></html>"), "windows-1252", "Café crème", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := ReadBytes("p.html", tt.data)
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(paras(doc), "|"); got != tt.want || doc.Encoding != tt.encoding {
				t.Errorf("%s %q, want %s %q", doc.Encoding, got, tt.encoding, tt.want)
			}
			var warn string
			if len(doc.Warnings) > 0 {
				warn = doc.Warnings[0]
			}
			if warn != tt.warn || len(doc.Warnings) > 1 {
				t.Errorf("warnings %q, want %q", doc.Warnings, tt.warn)
			}
		})
	}
}

// Tables nested in cells, rowspan and colspan, a short row and line
// breaks in cells; the grids are written by hand.
func TestNestedTables(t *testing.T) {
	page := `<html><body><p>资金表如下：</p>
<table>
<tr><th colspan="3">2021年项目资金表</th></tr>
<tr><td rowspan="3">资金</td><td>A</td><td>1</td></tr>
<tr><td colspan="2">B<br>第二行</td></tr>
<tr><td>C</td><td><table><tr><td>x</td><td rowspan="2">y</td></tr><tr><td>z</td></tr></table></td></tr>
<tr><td>D</td><td>E</td></tr>
</table>
<table><thead><tr><td>项目</td><td rowspan="2">金额</td></tr></thead>
<tbody><tr><td>甲</td></tr><tr><td>乙</td><td>2</td></tr></tbody></table>
<p>完。</p></body></html>`
	doc, err := ReadBytes("t.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(paras(doc), "|"), "资金表如下：|[table 1]|[table 3]|完。"; got != want {
		t.Errorf("body %s, want %s", got, want)
	}
	wants := []struct {
		rows, cols, parent, prow, pcol int
		cells                          string
	}{
		{5, 3, 0, 0, 0, "0,0 1x3 2021年项目资金表|1,0 3x1 资金|1,1 1x1 A|1,2 1x1 1|2,1 1x2 B/第二行|3,1 1x1 C|3,2 1x1 x/y/z|4,0 1x1 D|4,1 1x1 E"},
		{2, 2, 1, 3, 2, "0,0 1x1 x|0,1 2x1 y|1,0 1x1 z"},
		{3, 2, 0, 0, 0, "0,0 1x1 项目|0,1 2x1 金额|1,0 1x1 甲|2,0 1x1 乙|2,1 1x1 2"},
	}
	if len(doc.Tables) != len(wants) {
		t.Fatalf("%d tables, want %d", len(doc.Tables), len(wants))
	}
	for i, w := range wants {
		tb := &doc.Tables[i]
		if got := grid(tb); got != w.cells || tb.Rows != w.rows || tb.Cols != w.cols || tb.ParentTable != w.parent || tb.ParentRow != w.prow || tb.ParentCol != w.pcol {
			t.Errorf("table %d: %dx%d in %d (%d,%d):\n%s\nwant %dx%d in %d (%d,%d):\n%s", i+1, tb.Rows, tb.Cols, tb.ParentTable, tb.ParentRow, tb.ParentCol, got, w.rows, w.cols, w.parent, w.prow, w.pcol, w.cells)
		}
		if c := tb.Cell(tb.Rows-1, 0); c == nil {
			t.Errorf("table %d: no cell covers the last row's first column", i+1)
		}
	}
}

func grid(t *model.Table) string {
	var out []string
	for _, c := range t.Cells {
		out = append(out, fmt.Sprintf("%d,%d %dx%d %s", c.Row, c.Col, c.RowSpan, c.ColSpan, strings.ReplaceAll(c.Text, "\n", "/")))
	}
	return strings.Join(out, "|")
}

// Headings are paragraphs styled as Word's, so that the structure pass
// takes them as headings; a table that only lays out the page is read as
// the blocks it holds; hidden text and scripts are not read.
func TestHeadingsAndLayout(t *testing.T) {
	page := `<html><head><title>报告</title></head><body>
<table width="980"><tr><td>
<h2>一、项目概况</h2>
<p>正文<span style="display:none">隐藏</span>第一段</p>
<h3>（一）<a href="#">项目</a>基本情况</h3>
<script>document.write("<p>不读</p>")</script>
<pre>第一行
  第二行</pre>
<ul><li>甲</li><li>乙</li></ul>
</td></tr></table></body></html>`
	doc, err := ReadBytes("h.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range doc.Body {
		got = append(got, fmt.Sprintf("%s/%d/%s", b.Para.Style, b.Para.OutlineLevel, b.Para.Text))
	}
	// The title, from a <title> that may be the site's, is not put in
	// the body.
	want := "heading 2/2/一、项目概况 /0/正文第一段 heading 3/3/（一）项目基本情况 /0/第一行 /0/第二行 /0/甲 /0/乙"
	if s := strings.Join(got, " "); s != want {
		t.Errorf("blocks\n%s\nwant\n%s", s, want)
	}
	if len(doc.Tables) != 0 {
		t.Errorf("%d tables, want none: the layout table is not one", len(doc.Tables))
	}
}

// countyMHT is the county page as Word or a browser saves it as a single
// file: a multipart/related archive whose page is quoted-printable in
// GB2312, with an image beside it.
func countyMHT(t *testing.T, cte string) []byte {
	t.Helper()
	page, err := os.ReadFile(filepath.Join("testdata", "county-finance.html"))
	if err != nil {
		t.Fatal(err)
	}
	var enc bytes.Buffer
	switch cte {
	case "quoted-printable":
		w := quotedprintable.NewWriter(&enc)
		w.Write(page)
		w.Close()
	case "base64":
		s := base64.StdEncoding.EncodeToString(page)
		for len(s) > 76 {
			enc.WriteString(s[:76] + "\r\n")
			s = s[76:]
		}
		enc.WriteString(s)
	}
	var b bytes.Buffer
	b.WriteString("From: <Saved by Blink>\r\nSnapshot-Content-Location: http://czj.example.gov.cn/jxgl/2021/0816.html\r\n" +
		"Subject: =?gb2312?B?sagyMDIx?=\r\nMIME-Version: 1.0\r\n" +
		"Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----=_NextPart_01D7.8A1B2C30\"\r\n\r\n" +
		"This is a multi-part message in MIME format.\r\n\r\n" +
		"------=_NextPart_01D7.8A1B2C30\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\nContent-Location: http://czj.example.gov.cn/images/logo.png\r\n\r\niVBORw0KGgo=\r\n\r\n" +
		"------=_NextPart_01D7.8A1B2C30\r\nContent-Type: text/html; charset=\"gb2312\"\r\nContent-Transfer-Encoding: " + cte + "\r\nContent-Location: http://czj.example.gov.cn/jxgl/2021/0816.html\r\n\r\n")
	b.Write(enc.Bytes())
	b.WriteString("\r\n\r\n------=_NextPart_01D7.8A1B2C30--\r\n")
	return b.Bytes()
}

func TestMHT(t *testing.T) {
	html, err := ReadBytes(filepath.Join("testdata", "county-finance.html"), mustRead(t, filepath.Join("testdata", "county-finance.html")))
	if err != nil {
		t.Fatal(err)
	}
	for _, variant := range []string{"quoted-printable", "base64", "quoted-printable lf"} {
		t.Run(variant, func(t *testing.T) {
			cte, lf := strings.CutSuffix(variant, " lf")
			data := countyMHT(t, cte)
			if lf {
				data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
			}
			doc, err := ReadBytes("报告.mht", data)
			if err != nil {
				t.Fatal(err)
			}
			if doc.Format != model.FormatMHT || doc.Encoding != "gb18030" {
				t.Errorf("format %q encoding %q, want mht gb18030", doc.Format, doc.Encoding)
			}
			if got, want := strings.Join(paras(doc), "|"), strings.Join(paras(html), "|"); got != want {
				t.Errorf("body\n%s\nwant the page's\n%s", got, want)
			}
			if len(doc.Tables) != 1 || grid(&doc.Tables[0]) != grid(&html.Tables[0]) {
				t.Errorf("tables differ from the page's")
			}
			if doc.Props["published"] != "2021-08-16" {
				t.Errorf("props %v", doc.Props)
			}
		})
	}
}

// A web archive Word writes ("single file web page") by hand: the start
// part named by Content-ID, its HTML quoted-printable with soft line
// breaks and =3D.
func TestMHTWord(t *testing.T) {
	doc, err := Read(filepath.Join("testdata", "word.mht"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(paras(doc), "|"), "一、项目概况|项目名称：农村公路养护专项资金|[table 1]"; got != want {
		t.Errorf("body %s, want %s", got, want)
	}
	if len(doc.Tables) != 1 || grid(&doc.Tables[0]) != "0,0 1x1 预算数|0,1 1x1 执行数|1,0 1x1 420|1,1 1x1 413.5" {
		t.Errorf("tables %+v", doc.Tables)
	}
}

func TestMHTErrors(t *testing.T) {
	for name, data := range map[string]string{
		"no html part": "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: image/png\r\n\r\nxx\r\n--b--\r\n",
		"no boundary":  "MIME-Version: 1.0\r\nContent-Type: multipart/related\r\n\r\n",
		"deep":         "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n" + strings.Repeat("--b\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n", 20),
	} {
		_, err := ReadBytes("x.mht", []byte(data))
		var e *Error
		if !errors.As(err, &e) || e.Path != "x.mht" || !strings.HasPrefix(err.Error(), "html: x.mht: web archive") {
			t.Errorf("%s: error %v, want one naming the file and the web archive", name, err)
		}
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Hostile pages are read within bounds: a page nested beyond the parser's
// limit is read as flat text with a warning, a huge text node and a
// colspan of 100000 are read, the grid capped as the grid builder caps it.
func TestHostile(t *testing.T) {
	t.Run("deep nesting", func(t *testing.T) {
		for _, tag := range []string{"div", "span", "table", "td", "li"} {
			page := "<html><body>" + strings.Repeat("<"+tag+">", 100000) + "深"
			start := time.Now()
			doc, err := ReadBytes("deep.html", []byte(page))
			if err != nil || strings.Join(paras(doc), "|") != "深" {
				t.Errorf("%s: error %v", tag, err)
			} else if tag == "div" && (len(doc.Warnings) != 1 || !strings.Contains(doc.Warnings[0], "not parsed")) {
				t.Errorf("div: warnings %q, want one saying the page was not parsed", doc.Warnings)
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("%s: %v", tag, d)
			}
		}
	})
	t.Run("huge text node", func(t *testing.T) {
		text := strings.Repeat("字", 1<<20/3)
		doc, err := ReadBytes("big.html", []byte("<html><body><p>"+text+"</p></body></html>"))
		if err != nil || len(doc.Body) != 1 || doc.Body[0].Para.Text != text {
			t.Fatalf("err %v", err)
		}
	})
	t.Run("wide spans", func(t *testing.T) {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		before := ms.TotalAlloc
		page := "<table><tr><td colspan=100000>宽</td><td>a</td></tr>" +
			"<tr><td rowspan=100000 colspan=999>高</td><td>b</td><td colspan=5>c</td></tr>" +
			"<tr>" + strings.Repeat("<td colspan=7>x</td>", 300) + "</tr></table>"
		doc, err := ReadBytes("wide.html", []byte(page))
		if err != nil {
			t.Fatal(err)
		}
		runtime.ReadMemStats(&ms)
		if n := ms.TotalAlloc - before; n > 64<<20 {
			t.Errorf("allocated %d MB", n>>20)
		}
		tb := doc.Tables[0]
		if tb.Rows != 3 || tb.Cols > model.MaxGridCols {
			t.Errorf("grid %dx%d", tb.Rows, tb.Cols)
		}
		// Row 1 is cut whole; 高 reaches down into row 3, whose cells
		// would stand beyond the grid's width.
		if got := grid(&tb); got != "1,0 2x999 高|1,999 1x1 b" {
			t.Errorf("cells %.200s", got)
		}
		if len(doc.Warnings) != 3 {
			t.Errorf("warnings %q, want one per row cut", doc.Warnings)
		}
	})
	t.Run("many tables", func(t *testing.T) {
		doc, err := ReadBytes("many.html", []byte(strings.Repeat("<table><tr><td>1</td><td>2</td></tr><tr><td>3</td><td>4</td></tr></table>", 5000)))
		if err != nil || len(doc.Tables) != 5000 {
			t.Fatalf("err %v", err)
		}
	})
}

func TestHints(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want bool
	}{
		{"trs_editor", true}, {"custom_unionstyle", true}, {"zoom", true}, {"article_zw", true},
		{"maincontent", true}, {"news_con", true}, {"zwgk", false}, {"zwgk_nav", false}, {"canvas", false}, {"", false},
	} {
		if got := hasHint(tt.s, contentHints); got != tt.want {
			t.Errorf("content hint in %q: %v, want %v", tt.s, got, tt.want)
		}
	}
	for _, tt := range []struct {
		s    string
		want bool
	}{
		{"zwgk_nav", true}, {"navbar", true}, {"foot_link", true}, {"bdsharebuttonbox", true}, {"weizhi", true}, {"dqwz", true}, {"position", true}, {"canvas", false},
	} {
		if got := hasHint(tt.s, chromeHints); got != tt.want {
			t.Errorf("chrome hint in %q: %v, want %v", tt.s, got, tt.want)
		}
	}
}

func TestChromeLines(t *testing.T) {
	for _, s := range []string{
		"当前位置：首页 > 政务公开 > 绩效管理", "首页 > 政务公开", "发布时间：2021-08-16 来源：县财政局 浏览次数：128",
		"浏览次数：", "点击数：35 【打印】", "字号：[大 中 小]", "【打印本页】【关闭窗口】", "分享到：", "来源：县财政局",
		"主办单位：某某县财政局 承办单位：某某县财政局办公室", "赣ICP备00000000号-1", "网站标识码：3600000000", "上一篇：关于……的通知",
	} {
		if !isChromeLine(s) {
			t.Errorf("%q is not taken for chrome", s)
		}
	}
	for _, s := range []string{
		"网站点击次数：10万次，较上年增长20%。", "主办单位：县文化广电旅游局", "资金来源：县级财政", "技术支持：某某科技有限公司",
		"（三）网站访问量：全年访问量达12万人次。", "经验做法分享到全县各乡镇。",
		strings.Repeat("当前位置：", 40),
	} {
		if isChromeLine(s) {
			t.Errorf("%q is taken for chrome", s)
		}
	}
}

// Props come from the page's info line, not from report text that uses
// the same words.
func TestPropsNotFromReportText(t *testing.T) {
	page := `<html><head><title>报告_某某县</title></head><body><div class="content">
<p>一、项目概况</p><p>资金来源：县级财政</p><p>评价时间：2021年7月1日</p></div></body></html>`
	doc, err := ReadBytes("p.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := doc.Props["source"]; ok {
		t.Errorf("source %q from the report's text", doc.Props["source"])
	}
	if _, ok := doc.Props["published"]; ok {
		t.Errorf("published %q from the report's text", doc.Props["published"])
	}
	page = `<html><head><meta name="PubDate" content="2021/8/6 10:20"><meta name="ContentSource" content="县财政局"></head><body><p>正文</p></body></html>`
	if doc, err = ReadBytes("p.html", []byte(page)); err != nil || doc.Props["published"] != "2021-08-06" || doc.Props["source"] != "县财政局" {
		t.Errorf("props from the meta tags %v (%v)", doc.Props, err)
	}
}

// The content is the smallest element that holds most of the page's text
// that is not link text: two sections side by side are both kept, and a
// short notice is chosen over a longer footer.
func TestContainerChoice(t *testing.T) {
	long := strings.Repeat("项目资金使用规范，绩效目标完成较好。", 12)
	nav := `<div class="top"><ul><li><a href="/">首页</a></li><li><a href="/a">政务公开</a></li><li><a href="/b">办事服务</a></li><li><a href="/c">互动交流</a></li></ul></div>`
	foot := `<div class="footer"><p>地址：某某县人民路1号 邮编：000000 联系电话：0000-0000000 传真：0000-0000000 电子邮箱：czj@example.gov.cn 建议使用1920×1080分辨率浏览本站 主办单位：某某县财政局 承办单位：某某县信息中心</p></div>`
	tests := []struct {
		name, body, want string
	}{
		{"two sections", nav + `<div class="wrap"><div class="WordSection1"><p>一、甲</p><p>` + long + `</p></div><div class="WordSection2"><p>二、乙</p><p>` + long + `</p></div></div>` + foot,
			"一、甲|" + long + "|二、乙|" + long},
		{"short notice", nav + `<div class="box"><div class="con"><p>一、项目概况</p><p>经评价，项目得分92分。</p></div><div class="xgwz"><a href="/1">相关文章一</a><a href="/2">相关文章二</a><a href="/3">相关文章三</a></div></div>` + foot,
			"一、项目概况|经评价，项目得分92分。"},
		{"hinted content", nav + `<div class="main"><div class="list">` + strings.Repeat("<p>栏目说明文字，介绍本栏目。</p>", 3) + `</div><div id="zoom"><p>一、概况</p><p>` + long + `</p></div></div>` + foot,
			"一、概况|" + long},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := ReadBytes("c.html", []byte("<html><body>"+tt.body+"</body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(paras(doc), "|"); got != tt.want {
				t.Errorf("body\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// A page Word saved keeps its footnotes and header in divs marked by
// mso-element: they are parts, not body.
func TestWordParts(t *testing.T) {
	page := `<html><body><div class=WordSection1>
<p class=MsoNormal>一、项目概况<a style='mso-footnote-id:ftn1' href="#_ftn1"><sup>[1]</sup></a></p>
<p class=MsoNormal>正文。</p></div>
<div style='mso-element:footnote-list'><![if !supportFootnotes]><hr align=left size=1 width="33%"><![endif]>
<div style='mso-element:footnote' id=ftn1><p class=MsoFootnoteText><a href="#_ftnref1">[1]</a> 脚注文字。</p></div></div>
<div style='mso-element:header' id=h1><p class=MsoHeader>附件6</p></div>
</body></html>`
	doc, err := ReadBytes("w.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(paras(doc), "|"), "一、项目概况[1]|正文。"; got != want {
		t.Errorf("body %s, want %s", got, want)
	}
	var parts []string
	for _, p := range doc.Parts {
		parts = append(parts, p.Kind+" "+p.Name+" "+p.Text)
	}
	if got, want := strings.Join(parts, "|"), "footnote ftn1 [1] 脚注文字。|header h1 附件6"; got != want {
		t.Errorf("parts %q, want %q", got, want)
	}
}

// A 政府信息公开 page puts its catalogue entry above the article: the
// table is the page's metadata, not the report.
func TestCatalogueTable(t *testing.T) {
	page := `<html><head><title>某某县教育局2020年度部门整体支出绩效自评报告_信息公开</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/xxgk/">信息公开</a> <a href="/zwdt/">政务动态</a></div>
<div class="xxgk_content">
<table class="xxgk_table">
<tr><td>索引号：</td><td>11360000MB0000000X/2021-00123</td><td>主题分类：</td><td>财政、审计</td></tr>
<tr><td>发布机构：</td><td>县教育局</td><td>成文日期：</td><td>2021年05月20日</td></tr>
<tr><td>标题：</td><td colspan="3">某某县教育局2020年度部门整体支出绩效自评报告</td></tr>
<tr><td>文号：</td><td></td><td>发布日期：</td><td>2021-05-28</td></tr>
</table>
<div class="article"><h2>某某县教育局2020年度部门整体支出绩效自评报告</h2>
<p>一、部门基本情况</p><p>县教育局内设股室8个，下属学校42所。</p>
<table><tr><td>项目</td><td>预算数（万元）</td><td>执行数（万元）</td></tr><tr><td>基本支出</td><td>1200</td><td>1180</td></tr></table>
<p>二、绩效自评情况</p><p>自评得分93分。</p></div></div>
<div class="footer">主办单位：某某县人民政府办公室 赣ICP备00000000号</div></body></html>`
	doc, err := ReadBytes("xxgk.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	want := "某某县教育局2020年度部门整体支出绩效自评报告|一、部门基本情况|县教育局内设股室8个，下属学校42所。|[table 1]|二、绩效自评情况|自评得分93分。"
	if got := strings.Join(paras(doc), "|"); got != want {
		t.Errorf("body\n%s\nwant\n%s", got, want)
	}
	if len(doc.Tables) != 1 || doc.Tables[0].Rows != 2 {
		t.Errorf("%d tables, want the report's alone", len(doc.Tables))
	}
	if doc.Props["published"] != "2021-05-28" || doc.Props["source"] != "县教育局" {
		t.Errorf("props %v, want published 2021-05-28, source 县教育局", doc.Props)
	}
	pairs, ok := infoTable(firstTable(t, page))
	if !ok || pairs["成文日期"] != "2021年05月20日" || pairs["文号"] != "" || pairs["标题"] != "某某县教育局2020年度部门整体支出绩效自评报告" {
		t.Errorf("catalogue %v (%v)", pairs, ok)
	}
}

func firstTable(t *testing.T, page string) *xhtml.Node {
	t.Helper()
	root, err := xhtml.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var find func(*xhtml.Node) *xhtml.Node
	find = func(n *xhtml.Node) *xhtml.Node {
		if n.Type == xhtml.ElementNode && n.Data == "table" {
			return n
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if f := find(c); f != nil {
				return f
			}
		}
		return nil
	}
	return find(root)
}
