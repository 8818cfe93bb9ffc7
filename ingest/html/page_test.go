package html_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/govreports/govreports/extract"
	"github.com/govreports/govreports/ingest"
	"github.com/govreports/govreports/ingest/html"
	"github.com/govreports/govreports/ingest/model"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// county-finance.html is a county finance bureau's page written by hand in
// the style of such sites (GBK, <meta charset="gb2312">): a top bar, the
// site's header, search box and menu, a breadcrumb, a column menu, the
// title, the line of date, source, hit counter and font sizes, the report,
// share buttons, print and close links, related articles and a footer with
// the sponsor, ICP licence and site code. What it must give is written
// below from reading the page, not from the program's output.

func readCounty(t *testing.T) *model.Document {
	t.Helper()
	doc, err := html.Read(filepath.Join("testdata", "county-finance.html"))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestCountyPageIsTheReportAlone(t *testing.T) {
	doc := readCounty(t)
	if doc.Format != model.FormatHTML || doc.Encoding != "gb18030" || len(doc.Warnings) != 0 {
		t.Errorf("format %q encoding %q warnings %q, want html, gb18030, none", doc.Format, doc.Encoding, doc.Warnings)
	}
	for key, want := range map[string]string{
		"title":     "2020年度农村公路养护专项资金项目支出绩效评价报告",
		"published": "2021-08-16",
		"source":    "县财政局",
	} {
		if got := doc.Props[key]; got != want {
			t.Errorf("Props[%s] = %q, want %q", key, got, want)
		}
	}
	// None of the chrome: not in a paragraph, not in a cell.
	var texts []string
	for _, b := range doc.Body {
		if b.Kind == model.KindParagraph {
			texts = append(texts, b.Para.Text)
		}
	}
	for _, tb := range doc.Tables {
		for _, c := range tb.Cells {
			texts = append(texts, c.Text)
		}
	}
	for _, s := range texts {
		for _, chrome := range []string{"首页", "浏览次数", "ICP", "主办单位", "打印本页", "关闭窗口", "当前位置", "发布时间", "字号", "分享到", "相关文章", "网站标识码", "政府网站找错", "绩效管理", "搜索", "版权所有"} {
			if strings.Contains(s, chrome) {
				t.Errorf("block %q holds chrome %q", s, chrome)
			}
		}
	}
	// The first and last paragraphs: the title put above the body, and the
	// signature's date.
	first, last := doc.Body[0].Para.Text, doc.Body[len(doc.Body)-1].Para.Text
	if first != "2020年度农村公路养护专项资金项目支出绩效评价报告" || last != "2021年8月10日" {
		t.Errorf("body runs from %q to %q", first, last)
	}
	// A <br> inside a paragraph parts it.
	if !hasPara(doc, "评价组采取资料审核与实地查看相结合的方式，抽查了12条农村公路的养护情况。") || !hasPara(doc, "评价工作于2021年7月完成。") {
		t.Error("the paragraph with a <br> is not two paragraphs")
	}
	if len(doc.Tables) != 1 {
		t.Fatalf("%d tables, want the funds table alone", len(doc.Tables))
	}
	want := `0,0 1x1 项目名称|0,1 1x1 资金来源|0,2 1x1 全年预算数（万元）|0,3 1x1 实际支出（万元）|0,4 1x1 执行率|` +
		`1,0 2x1 农村公路养护专项资金|1,1 1x1 省级补助|1,2 1x1 300|1,3 1x1 295.5|1,4 1x1 98.50%|` +
		`2,1 1x1 县级配套|2,2 1x1 120|2,3 1x1 118|2,4 1x1 98.33%|` +
		`3,0 1x2 合计|3,2 1x1 420|3,3 1x1 413.5|3,4 1x1 98.45%`
	if got := gridString(&doc.Tables[0]); got != want || doc.Tables[0].Rows != 4 || doc.Tables[0].Cols != 5 {
		t.Errorf("funds table %dx%d:\n%s\nwant 4x5:\n%s", doc.Tables[0].Rows, doc.Tables[0].Cols, got, want)
	}
}

func TestCountyPageReport(t *testing.T) {
	x := extract.Extract(readCounty(t))
	if len(x.Reports) != 1 {
		t.Fatalf("%d reports, want 1", len(x.Reports))
	}
	r := x.Reports[0]
	for _, f := range []struct{ name, got, want string }{
		{"title", r.Title, "2020年度农村公路养护专项资金项目支出绩效评价报告"},
		{"project", r.ProjectName, "农村公路养护专项资金"},
		{"unit", r.ImplementingUnit, "某某县交通运输局"},
		{"year", strconv.Itoa(r.EvaluationYear), "2020"},
		{"date", r.ReportDate, "2021-08-10"},
	} {
		if f.got != f.want {
			t.Errorf("%s %q, want %q", f.name, f.got, f.want)
		}
	}
	var sections []string
	for _, s := range r.Sections {
		sections = append(sections, strconv.Itoa(s.Level)+s.Marker+s.Title)
	}
	wantSections := "1一、项目基本情况 2（一）项目概况 2（二）项目资金安排及使用情况 1二、绩效评价工作开展情况 1三、综合评价结论 1四、存在的问题及改进建议 2（一）存在的问题 2（二）改进建议"
	if got := strings.Join(sections, " "); got != wantSections {
		t.Errorf("sections\n%s\nwant\n%s", got, wantSections)
	}
	// The funds are the table's two sources; 合计 is their total.
	var funds []string
	for _, f := range r.Funds {
		funds = append(funds, f.Item+" "+str(f.Budget)+" "+str(f.Actual)+" "+rate(f.Rate))
	}
	if got, want := strings.Join(funds, "; "), "省级补助 3000000 2955000 98.5; 县级配套 1200000 1180000 98.33"; got != want {
		t.Errorf("funds %s, want %s", got, want)
	}
}

// An HTML page named .doc, as government sites serve them, is read as HTML
// with the usual warning.
func TestPageNamedDoc(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "county-finance.html"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := ingest.DefaultRegistry().Read(context.Background(), "绩效评价报告.doc", data)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Format != model.FormatHTML || len(doc.Tables) != 1 {
		t.Errorf("format %q, %d tables; want html and the funds table", doc.Format, len(doc.Tables))
	}
	if want := "content is HTML page although the name says legacy Word .doc"; len(doc.Warnings) != 1 || doc.Warnings[0] != want {
		t.Errorf("warnings %q, want %q", doc.Warnings, want)
	}
}

func hasPara(doc *model.Document, text string) bool {
	for _, b := range doc.Body {
		if b.Kind == model.KindParagraph && b.Para.Text == text {
			return true
		}
	}
	return false
}

// gridString writes a table's cells as "row,col rowspanxcolspan text", "|"
// between cells, line breaks as "/".
func gridString(t *model.Table) string {
	var out []string
	for _, c := range t.Cells {
		out = append(out, strconv.Itoa(c.Row)+","+strconv.Itoa(c.Col)+" "+strconv.Itoa(c.RowSpan)+"x"+strconv.Itoa(c.ColSpan)+" "+strings.ReplaceAll(c.Text, "\n", "/"))
	}
	return strings.Join(out, "|")
}

func str(a *model.Amount) string {
	if a == nil {
		return "-"
	}
	return *a
}

func rate(r *float64) string {
	if r == nil {
		return "-"
	}
	return strconv.FormatFloat(*r, 'f', -1, 64)
}

// town-tables.html is a township's page of the older kind, written by
// hand: the whole page laid out with tables (header, menu column, content
// column, footer), its body a single cell of <br>-parted lines indented
// with no-break spaces, a funds table inside it; GB2312 declared by
// http-equiv.
func TestTableLayoutPage(t *testing.T) {
	doc, err := html.Read(filepath.Join("testdata", "town-tables.html"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range doc.Body {
		if b.Kind == model.KindTable {
			got = append(got, "[table]")
			continue
		}
		got = append(got, b.Para.Text)
	}
	want := []string{
		"某某镇2019年度农村饮水安全工程项目绩效自评报告",
		"为加强财政资金管理，提高资金使用效益，根据县财政局要求，我镇对2019年度农村饮水安全工程项目开展了绩效自评，现将有关情况报告如下：",
		"一、项目基本情况",
		"项目名称：农村饮水安全工程",
		"该项目新建集中供水站2座，铺设供水管网18.6公里，解决了3个行政村2150人的饮水安全问题。",
		"二、项目资金使用情况",
		"项目预算资金86万元，实际支出84.2万元，预算执行率97.91%。",
		"[table]",
		"三、绩效目标完成情况",
		"项目按期完工，经县水利局验收合格，群众满意度调查满意率96%。",
		"四、存在的问题",
		"部分管网埋深不足，冬季存在冻裂风险。",
		"某某镇人民政府",
		"2020年3月1日",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("body\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(doc.Tables) != 1 || gridString(&doc.Tables[0]) != "0,0 1x1 项目名称|0,1 1x1 预算数（万元）|0,2 1x1 执行数（万元）|1,0 1x1 农村饮水安全工程|1,1 1x1 86|1,2 1x1 84.2" {
		t.Errorf("tables: %d, want the funds table alone", len(doc.Tables))
	}
	if doc.Props["published"] != "2020-03-05" || doc.Props["source"] != "镇财政所" {
		t.Errorf("props %v", doc.Props)
	}
	x := extract.Extract(doc)
	if len(x.Reports) != 1 {
		t.Fatalf("%d reports", len(x.Reports))
	}
	r := x.Reports[0]
	var sections []string
	for _, s := range r.Sections {
		sections = append(sections, strconv.Itoa(s.Level)+s.Marker+s.Title)
	}
	if r.ProjectName != "农村饮水安全工程" || r.EvaluationYear != 2019 || r.ReportDate != "2020-03-01" ||
		strings.Join(sections, " ") != "1一、项目基本情况 1二、项目资金使用情况 1三、绩效目标完成情况 1四、存在的问题" ||
		len(r.Funds) != 1 || str(r.Funds[0].Budget) != "860000" || str(r.Funds[0].Actual) != "842000" {
		t.Errorf("report: project %q year %d date %q sections %q funds %d", r.ProjectName, r.EvaluationYear, r.ReportDate, sections, len(r.Funds))
	}
}

// sample.lo.html is the sample's .docx as LibreOffice exports it to HTML:
// a page made from the report by another program, with <font> runs,
// headings as h1–h3 inside <ol> lists and the tables with their merged
// cells. LibreOffice's export loses the Chinese heading numbers (一、,
// （一）), so the section markers of sample.tsv cannot be asked of it; the
// facts can.
func TestSampleLibreOfficeHTML(t *testing.T) {
	doc, err := html.Read(filepath.Join("testdata", "sample.lo.html"))
	if err != nil {
		t.Fatal(err)
	}
	x := extract.Extract(doc)
	if len(x.Reports) != 3 {
		t.Fatalf("%d reports, want 3", len(x.Reports))
	}
	want := []struct{ project, fund string }{
		{"现代服务业专项经费", "现代服务业专项经费工作经费 724000 724000 100"},
		{"楼宇办工作经费", "楼宇办工作经费 180000 180000 100"},
		{"“梦想小街”电商产业园工作经费", "梦想小街”电商产业园工作经费 270000 265800 98.44"},
	}
	for k, w := range want {
		r := x.Reports[k]
		var funds []string
		for _, f := range r.Funds {
			funds = append(funds, f.Item+" "+str(f.Budget)+" "+str(f.Actual)+" "+rate(f.Rate))
		}
		var top []string
		for _, s := range r.Sections {
			if s.Level == 1 {
				top = append(top, s.Title)
			}
		}
		if r.ProjectName != w.project || r.EvaluationYear != 2020 || strings.Join(funds, "; ") != w.fund || len(r.Evaluators) != 3 ||
			strings.Join(top, " ") != "项目绩效目标管理情况 工作组织开展情况 综合评价结论 绩效目标完成情况总体分析 偏离绩效目标的原因和改进措施" {
			t.Errorf("report %d: project %q year %d funds %q evaluators %d level-1 sections %q", k+1, r.ProjectName, r.EvaluationYear, funds, len(r.Evaluators), top)
		}
	}
}

// The county page with its headings as h2 and h3 and its title as an h1
// inside the article's body, as other sites write them: the same report,
// its headings recognised by their style.
func TestCountyPageHeadingElements(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "county-finance.html"))
	if err != nil {
		t.Fatal(err)
	}
	page, err := simplifiedchinese.GBK.NewDecoder().String(string(raw))
	if err != nil {
		t.Fatal(err)
	}
	page = strings.Replace(page, `<h1 class="title">2020年度农村公路养护专项资金项目支出绩效评价报告</h1>`, "", 1)
	page = strings.Replace(page, `<div class="Custom_UnionStyle">`, `<div class="Custom_UnionStyle"><h1>2020年度农村公路养护专项资金项目支出绩效评价报告</h1>`, 1)
	page = regexp.MustCompile(`<p><strong>([一二三四]、.*?)</strong></p>`).ReplaceAllString(page, "<h2>$1</h2>")
	page = regexp.MustCompile(`<p><strong>(（[一二]）.*?)</strong></p>`).ReplaceAllString(page, "<h3>$1</h3>")
	page = strings.Replace(page, `charset="gb2312"`, `charset="utf-8"`, 1)
	doc, err := html.ReadBytes("h.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if p := doc.Body[0].Para; p.Style != "heading 1" || p.OutlineLevel != 1 || p.Text != "2020年度农村公路养护专项资金项目支出绩效评价报告" {
		t.Errorf("first block %+v, want the title as heading 1", p)
	}
	x := extract.Extract(doc)
	if len(x.Reports) != 1 {
		t.Fatalf("%d reports, want 1", len(x.Reports))
	}
	r := x.Reports[0]
	var sections []string
	for _, s := range r.Sections {
		sections = append(sections, strconv.Itoa(s.Level)+s.Marker+s.Title+"/"+s.Via)
	}
	want := "1一、项目基本情况/style 2（一）项目概况/style 2（二）项目资金安排及使用情况/style 1二、绩效评价工作开展情况/style 1三、综合评价结论/style 1四、存在的问题及改进建议/style 2（一）存在的问题/style 2（二）改进建议/style"
	if got := strings.Join(sections, " "); got != want || r.Title != "2020年度农村公路养护专项资金项目支出绩效评价报告" || r.ProjectName != "农村公路养护专项资金" {
		t.Errorf("title %q project %q sections\n%s\nwant\n%s", r.Title, r.ProjectName, got, want)
	}
}
