package structure

import (
	"strings"
	"testing"

	"github.com/govreports/govreports/extract/grammar"
)

func TestIsArtefact(t *testing.T) {
	for in, want := range map[string]bool{
		"- 1 -":        true,
		"————————————": true,
		"（此页无正文）":      true,
		"第 1 页 共 3 页":  true,
		"第 2 頁 共 3 頁":  true,
		"发布时间：2021-05-06 10:23  来源：区财政局  浏览次数：128": true,
		"来源：某某区人民政府":                               true,
		"字体：[大 中 小]":                               true,
		"首页 > 政务公开 > 财政信息 > 绩效评价":                  true,
		"当前位置：首页>信息公开>预算绩效":                        true,
		"【打印】【关闭】":                                 true,
		"[打印本页] [关闭窗口]":                            true,
		"扫一扫在手机打开当前页":                              true,
		"资金来源：财政拨款":                                false,
		"来源于区级财政预算安排。":                             false,
		"一、项目概况":                                   false,
		"【案例】某社区通过引入社会力量，实现了养老服务全覆盖，群众满意度显著提高。": false,
		"首页改版后访问量明显提升。": false,
	} {
		if got := isArtefact(grammar.Fold(in)); got != want {
			t.Errorf("isArtefact(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestCoverField(t *testing.T) {
	tests := []struct{ in, key, value string }{
		{"评价机构：某某会计师事务所有限公司", KeyAgency, "某某会计师事务所有限公司"},
		{"评价机构（盖章）：某某会计师事务所有限公司", KeyAgency, "某某会计师事务所有限公司"},
		{"项 目 名 称：全民健身设施建设", KeyProject, "全民健身设施建设"},
		{"项目名称\t全民健身设施建设", KeyProject, "全民健身设施建设"},
		{"主管部门    某某市体育局", KeyDept, "某某市体育局"},
		{"評價年度：2020年度", KeyYear, "2020年度"},
		{"报告日期：二〇二一年三月十五日", KeyReportDate, "二〇二一年三月十五日"},
		{"评价期间：2021年1月1日至2021年12月31日", KeyYear, "2021年1月1日至2021年12月31日"},
		{"填报单位（盖章）：某某县医疗保障局", KeyFiller, "某某县医疗保障局"},
		{"项目名称是全民健身设施建设", "", ""},
		{"资金来源：财政拨款", "", ""},
	}
	// Lines of over 300 bytes: a field when the colon stands in the first
	// 80, the rest of the line its value; none when it stands further.
	long := strings.Repeat("全民健身设施建设", 15) // 360 bytes
	tests = append(tests,
		struct{ in, key, value string }{"项目名称：" + long, KeyProject, long},
		struct{ in, key, value string }{strings.Repeat("一", 26) + "项目名称：" + long, "", ""},
		struct{ in, key, value string }{"项目名称\t" + long, "", ""},
	)
	for _, tt := range tests {
		key, value, ok := coverField(tt.in)
		if tt.key == "" {
			if ok {
				t.Errorf("coverField(%q) = %s %q, want no field", tt.in, key, value)
			}
			continue
		}
		if !ok || key != tt.key || value != tt.value {
			t.Errorf("coverField(%q) = %s %q %v, want %s %q", tt.in, key, value, ok, tt.key, tt.value)
		}
	}
	if !isForm("中央对地方转移支付区域绩效目标自评表") || !isForm("区域绩效自评表") {
		t.Error("a transfer payment's regional form is not a form")
	}
	if !isTitle("城乡居民医保补助项目绩效评价报告（2021年度）") || TitleYear("城乡居民医保补助项目绩效评价报告（2021年度）") != 2021 {
		t.Error("a title with its year in brackets after the kind is not read")
	}
}

func TestCoverFields(t *testing.T) {
	for in, want := range map[string]string{
		"项目名称：农村公路养护    项目单位：某某县交通运输局":   "项目名称=农村公路养护 实施单位=某某县交通运输局",
		"主管部门\t某某县交通运输局\t评价机构\t某某会计师事务所": "主管部门=某某县交通运输局 评价机构=某某会计师事务所",
		"评价机构：某某会计师事务所（普通合伙）":            "评价机构=某某会计师事务所（普通合伙）",
		"被评价单位：某某市交通运输局":                 "实施单位=某某市交通运输局",
		"项目名称：\t评价年度：2021年度":             "项目名称= 评价年度=2021年度",
	} {
		var got []string
		for _, kv := range coverFields(in) {
			got = append(got, kv[0]+"="+kv[1])
		}
		if strings.Join(got, " ") != want {
			t.Errorf("coverFields(%q) = %q, want %s", in, got, want)
		}
	}
}

func TestReviewTitle(t *testing.T) {
	// A review of a unit's self-evaluation is a report of its own.
	title := "某某市2019年度乡村道路养护项目绩效评价复核报告"
	if !isTitle(title) || TitleYear(title) != 2019 {
		t.Errorf("%q: isTitle %v, TitleYear %d, want a title of 2019", title, isTitle(title), TitleYear(title))
	}
}

func TestBracketedProject(t *testing.T) {
	for _, c := range []struct{ title, project, unit string }{
		{"某某县民政局2022年度项目支出绩效自评报告（困难群众救助补助资金）", "困难群众救助补助资金", "某某县民政局"},
		{"2021年度城区保洁项目绩效评价报告（征求意见稿）", "城区保洁", ""},
		{"项目支出绩效自评报告(乡村道路养护补助)", "乡村道路养护补助", ""},
	} {
		if !isTitle(c.title) {
			t.Errorf("%q is no title", c.title)
		}
		if got := ProjectName(c.title); got != c.project {
			t.Errorf("ProjectName(%q) = %q, want %q", c.title, got, c.project)
		}
		if got := TitleUnit(c.title); got != c.unit {
			t.Errorf("TitleUnit(%q) = %q, want %q", c.title, got, c.unit)
		}
	}
	for line, want := range map[string]string{
		"（农村饮水安全工程补助资金）": "农村饮水安全工程补助资金",
		"（2022年度）":       "",
		"（征求意见稿）":        "",
		"（一）项目概况":        "",
		"（单位：万元）":        "",
	} {
		if got, year := Subtitle(line); got != want || year != 0 {
			t.Errorf("Subtitle(%q) = %q, %d, want %q, 0", line, got, year, want)
		}
	}
	// A dash leads the year and the project under a title naming neither.
	for line, want := range map[string]struct {
		name string
		year int
	}{
		"——2019年度乡村公路养护补助资金":     {"乡村公路养护补助资金", 2019},
		"—某某县2021年度小型农田水利工程建设项目": {"小型农田水利工程建设项目", 2021},
		"——以某某县为例":               {"", 0},
		"——2019年度，全县完成造林":        {"", 0},
		"——2019年度绩效自评":           {"", 0},
	} {
		if got, year := Subtitle(line); got != want.name || year != want.year {
			t.Errorf("Subtitle(%q) = %q, %d, want %q, %d", line, got, year, want.name, want.year)
		}
	}
}

// A report typed in full-width digits writes its title's year so too: the
// year is read and is no part of the project's name.
func TestFullWidthTitleYear(t *testing.T) {
	title := "２０２３年度乡村道路养护补助项目绩效评价报告"
	if got := ProjectName(title); got != "乡村道路养护补助" {
		t.Errorf("ProjectName(%q) = %q, want %q", title, got, "乡村道路养护补助")
	}
	if got := TitleYear(title); got != 2023 {
		t.Errorf("TitleYear(%q) = %d, want 2023", title, got)
	}
}
