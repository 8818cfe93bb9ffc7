package structure

import (
	"testing"

	"github.com/govreports/govreports/extract/internal/doctest"
)

// TestForms checks that a self-evaluation form (绩效自评表) is a report of
// its own when it stands alone or after another form, and an attachment
// of the report in prose it follows.
func TestForms(t *testing.T) {
	tests := []struct {
		name, src string
		titles    []string
		years     []string
	}{
		{"after prose", `2021年度河道保洁经费项目绩效自评报告
一、项目概况
全年保洁河道12条。
附件：项目支出绩效自评表
| 项目名称 | 河道保洁经费 |
| 主管部门 | 某某区水利局 |`, []string{"2021年度河道保洁经费项目绩效自评报告"}, []string{""}},
		{"two forms", `项目支出绩效自评表
（2021年度）
| 项目名称 | 河道保洁经费 |
| 主管部门 | 某某区水利局 |
项目支出绩效自评表
（2020年度）
| 项目名称 | 公园管护经费 |
| 主管部门 | 某某区园林局 |`, []string{"项目支出绩效自评表", "项目支出绩效自评表"}, []string{"2021", "2020"}},
		// A form's title with nothing under it heads the file; the forms
		// under it are the reports.
		{"file title", `某某县交通局
2021年度项目支出绩效自评表

项目支出绩效自评表
（2021年度）
| 项目名称 | 农村客运公交化改造补助 |
| 主管部门 | 某某县交通局 |
项目支出绩效自评表
（2021年度）
| 项目名称 | 乡镇客运站运营维护经费 |
| 主管部门 | 某某县交通局 |`, []string{"项目支出绩效自评表", "项目支出绩效自评表"}, []string{"2021", "2021"}},
	}
	for _, tt := range tests {
		l := Analyze(doctest.Parse(tt.name, tt.src))
		if len(l.Spans) != len(tt.titles) {
			t.Errorf("%s: %d reports, want %d", tt.name, len(l.Spans), len(tt.titles))
			continue
		}
		for k, s := range l.Spans {
			if s.Title != tt.titles[k] || s.Cover[KeyYear] != tt.years[k] {
				t.Errorf("%s: report %d titled %q, year %q; want %q, %q", tt.name, k+1, s.Title, s.Cover[KeyYear], tt.titles[k], tt.years[k])
			}
		}
	}
}

func TestCoverTable(t *testing.T) {
	doc := doctest.Parse("t", `| 项目名称 | 城乡居民基本医疗保险财政补助 | < | < |
| 主管部门 | 某某县医疗保障局 | 实施单位 | 某某县医疗保障事务中心 |
| 評價機構 |  | 評價年度 | 2021年度 |
| 项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 |
| 项目名称 | 实施单位 | 预算数 | 执行数 |
| 道路保洁 | 某某区城管局 | 1560 | 1598.6 |`)
	got := coverTable(&doc.Tables[0])
	want := map[string]string{KeyProject: "城乡居民基本医疗保险财政补助", KeyDept: "某某县医疗保障局",
		KeyUnit: "某某县医疗保障事务中心", KeyAgency: "", KeyYear: "2021年度"}
	if len(got) != len(want) {
		t.Errorf("coverTable = %q, want %q", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("coverTable[%s] = %q, want %q", k, got[k], v)
		}
	}
	funds := doctest.Parse("t", `| 项目名称 | 实施单位 | 预算数 | 执行数 |
| 道路保洁 | 某某区城管局 | 1560 | 1598.6 |`)
	if got := coverTable(&funds.Tables[0]); got != nil {
		t.Errorf("a funds table read as a cover: %q", got)
	}
}

func TestSignature(t *testing.T) {
	l := Analyze(doctest.Parse("t", `2021年度河道保洁经费项目绩效评价报告
某某会计师事务所
二〇二二年三月
2021年度河道保洁经费项目绩效评价报告
一、项目概况
全年保洁河道12条。
某某区水利局
2022年3月28日`))
	// The agency under the cover title stays; the signature under the
	// body goes.
	for i, want := range map[int]Role{1: RoleText, 2: RoleDate, 6: RoleArtefact, 7: RoleDate} {
		if r := l.Roles[i]; r != want {
			t.Errorf("block %d %q: role %v, want %v", i, l.Text[i], r, want)
		}
	}
}

// TestLineCover: a form's cover rows copied one cell a line are cover
// fields where each value is certain, and nothing where it is not.
func TestLineCover(t *testing.T) {
	tests := []struct {
		name, src string
		want      map[string]string
	}{
		{"form", `项目支出绩效自评表
（2022年度）
项目名称
农村实用人才培训
主管部门
某某县农业农村局
实施单位（盖章）
305002-某某县农业技术推广中心
项目资金（万元）
年初预算数`, map[string]string{KeyYear: "2022", KeyProject: "农村实用人才培训", KeyDept: "某某县农业农村局", KeyUnit: "305002-某某县农业技术推广中心"}},
		// A label with no value under it gives nothing; nor does a value
		// followed by a line that could continue it.
		{"ambiguous", `项目支出绩效自评表
项目名称
主管部门
某某县农业农村局
实施单位
某某县农业
技术推广中心
年度总体目标`, map[string]string{KeyDept: "某某县农业农村局"}},
		// A department's form: the value ends at its goals' row.
		{"department", `部门整体支出绩效自评表
部门（单位）名称
某某县卫生健康局
年度履职目标
预期目标`, map[string]string{KeyDept: "某某县卫生健康局"}},
		// A report's table of basic facts: the value ends at the next
		// row's label, though no cover field is read from it.
		{"basic facts", `某某市2021年度河道疏浚项目绩效评价报告
一、项目基本情况
项目名称
河道疏浚项目
实施单位
某某市某某区水务工程管理站
项目性质
经常性项目
（二）项目概况`, map[string]string{KeyProject: "河道疏浚项目", KeyUnit: "某某市某某区水务工程管理站"}},
		// A label followed by text is a line of text.
		{"text", `某某县农业农村局绩效评价报告
项目名称
本项目于2022年实施，培训农民500人次。
一、基本情况`, map[string]string{}},
	}
	for _, tt := range tests {
		l := Analyze(doctest.Parse(tt.name, tt.src))
		if len(l.Spans) != 1 {
			t.Fatalf("%s: %d reports", tt.name, len(l.Spans))
		}
		got := l.Spans[0].Cover
		if len(got) != len(tt.want) {
			t.Errorf("%s: cover %q, want %q", tt.name, got, tt.want)
			continue
		}
		for k, v := range tt.want {
			if g, ok := got[k]; !ok || g != v {
				t.Errorf("%s: cover[%s] = %q, want %q", tt.name, k, g, v)
			}
		}
	}
}

// TestFormCover: the key | value rows at the top of a form's grid are
// fields though there is only one; a header row of three labels is none.
func TestFormCover(t *testing.T) {
	doc := doctest.Parse("t", `| 部门（单位）名称 | 某某县卫生健康局 |  |  |
| 年度预算数（万元） | 年初预算数 | 全年预算数 | 全年执行数 |
| 年度资金总额 | 5600 | 6120.8 | 5986.4 |`)
	if got := formCover(&doc.Tables[0]); len(got) != 1 || got[KeyDept] != "某某县卫生健康局" {
		t.Errorf("formCover = %q", got)
	}
	doc = doctest.Parse("t", `| 项目名称 | 预算数 | 执行数 |
| 道路保洁 | 1560 | 1598.6 |`)
	if got := formCover(&doc.Tables[0]); len(got) != 0 {
		t.Errorf("a funds header read as a cover: %q", got)
	}
}

// TestTransmittal: a letter listing its attachments (附件：1.… 2.…) before
// the reports under 附件1, 附件2 is no report; a short report with headings
// and the same list is one.
func TestTransmittal(t *testing.T) {
	letter := `某某市财政局
关于报送2020年度重点项目绩效评价报告的函
市政府：
现将两个项目的绩效评价报告报送你们。
附件：1.道路养护项目绩效评价报告
2.公园管护项目绩效评价报告
附件1
道路养护项目绩效评价报告
一、项目概况
全年养护道路30公里。
附件2
公园管护项目绩效评价报告
一、项目概况
全年管护公园5个。`
	l := Analyze(doctest.Parse("letter", letter))
	if len(l.Spans) != 2 || l.Spans[0].Title != "道路养护项目绩效评价报告" || l.Spans[1].Title != "公园管护项目绩效评价报告" {
		t.Errorf("letter: spans %+v, want the two reports", l.Spans)
	}
	report := `关于2020年度河道保洁项目绩效自评情况的报告
一、项目概况
全年保洁河道12条。
附件：1.河道保洁项目绩效评价报告
附件1
河道保洁项目绩效评价报告
一、评价结论
得分90分。`
	if l := Analyze(doctest.Parse("report", report)); len(l.Spans) != 2 || l.Spans[0].Title != "关于2020年度河道保洁项目绩效自评情况的报告" {
		t.Errorf("report with headings: %d spans, first %q; want it kept", len(l.Spans), l.Spans[0].Title)
	}
}

// TestIssuerAbove: the line naming a unit above a later report's title
// heads that report once the report before has ended (its closing date,
// an attachment label); right under body text it may sign that text.
func TestIssuerAbove(t *testing.T) {
	for _, c := range []struct {
		name, src string
		second    int // first block of the second span
	}{
		{"after a date", `2021年度河道保洁项目自评报告
一、项目概况
全年保洁河道12条。
某某区水利局
2022年3月28日
某某区园林局
2021年度公园管护项目自评报告
一、项目概况
全年管护公园5个。`, 5},
		{"under body text", `2021年度河道保洁项目自评报告
一、项目概况
全年保洁河道12条。
某某区水利局
2021年度公园管护项目自评报告
一、项目概况
全年管护公园5个。`, 4},
	} {
		l := Analyze(doctest.Parse(c.name, c.src))
		if len(l.Spans) != 2 || l.Spans[1].First != c.second {
			t.Errorf("%s: spans %+v, want the second from block %d", c.name, l.Spans, c.second)
		}
	}
}

// TestWebPageFurniture: a report saved from a government site keeps the
// site's metadata block (索引号, 发布机构, a 标题 line that repeats the
// title) above the article and a list of other articles below it; neither
// starts a report, so the page holds one.
func TestWebPageFurniture(t *testing.T) {
	page := `某某县人民政府门户网站
首页
信息公开
您所在的位置：首页 > 信息公开 > 预决算公开
索　引　号：00123456-7/2023-00012　　分　　类：财政
发 布 机 构：县交通运输局　　生成日期：2023-07-02
标　　题：某某县交通运输局2022年度乡道安保工程项目绩效自评报告
文　　号：无
【字号：大　中　小】　【打印】　分享到：
某某县交通运输局2022年度乡道安保工程项目绩效自评报告
一、项目概况
全年完成乡道安保工程42公里。
二、自评结论
自评得分91分。
某某县交通运输局
2023年6月28日
相关文章
某某县交通运输局2022年度部门整体支出绩效自评报告
某某县2022年度农村客运补贴资金绩效评价报告
联系我们　网站地图`
	l := Analyze(doctest.Parse("page", page))
	want := "某某县交通运输局2022年度乡道安保工程项目绩效自评报告"
	if len(l.Spans) != 1 || l.Spans[0].Title != want {
		var titles []string
		for _, s := range l.Spans {
			titles = append(titles, s.Title)
		}
		t.Errorf("web page: spans titled %q, want one titled %q", titles, want)
	}
}
