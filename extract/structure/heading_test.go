package structure

import "testing"

func TestParseMarker(t *testing.T) {
	tests := []struct {
		in     string
		family string // "" when not a heading number
		marker string
		number int
		rest   string
	}{
		{"一、项目概况", "cn-dun", "一、", 1, "项目概况"},
		{" 十二、其他", "cn-dun", "十二、", 12, "其他"},
		{"（三）资金情况", "cn-paren", "（三）", 3, "资金情况"},
		{"(一)项目概况", "cn-paren", "(一)", 1, "项目概况"},
		{"1.项目背景", "arabic-dot", "1.", 1, "项目背景"},
		{"2、项目内容", "arabic-dot", "2、", 2, "项目内容"},
		{"３．总体结论", "arabic-dot", "３．", 3, "总体结论"},
		{"2.2021年度绩效目标", "arabic-dot", "2.", 2, "2021年度绩效目标"},
		{"（4）满意度", "arabic-paren", "（4）", 4, "满意度"},
		{"２．２０２１年度绩效目标", "arabic-dot", "２．", 2, "２０２１年度绩效目标"},
		{"3.2020年预算执行情况", "arabic-dot", "3.", 3, "2020年预算执行情况"},
		{"第二節 評價結論", "jie", "第二節", 2, "評價結論"},
		{"第一部分：部门概况", "part", "第一部分", 1, "部门概况"},
		{"（一）、项目背景", "cn-paren", "（一）", 1, "项目背景"},
		{"二、：", "", "", 0, ""},
		{"1)产出指标", "arabic-half", "1)", 1, "产出指标"},
		{"③质量指标", "circled", "③", 3, "质量指标"},
		{"⑵追加预算", "paren-digit", "⑵", 2, "追加预算"},
		{"1.1 项目基本情况", "dotted-2", "1.1", 1, "项目基本情况"},
		{"3.2.1资金使用", "dotted-3", "3.2.1", 1, "资金使用"},
		{"1 项目概况", "arabic-space", "1", 1, "项目概况"},
		{"第二章 评价结论", "chapter", "第二章", 2, "评价结论"},
		{"第一节部门职责", "jie", "第一节", 1, "部门职责"},
		{"一是加强管理。", "", "", 0, ""},
		{"12.5万元用于苗木补植。", "", "", 0, ""},
		{"3.14%用于管理", "", "", 0, ""},
		{"1.5倍", "", "", 0, ""},
		{"3 个项目", "", "", 0, ""},
		{"2020年共完成", "", "", 0, ""},
		{"第一次会议", "", "", 0, ""},
		{"一、", "", "", 0, ""},
	}
	for _, tt := range tests {
		m, ok := parseMarker(tt.in)
		if tt.family == "" {
			if ok {
				t.Errorf("parseMarker(%q) = %+v, want no heading number", tt.in, m)
			}
			continue
		}
		if !ok || m.family != tt.family || m.text != tt.marker || m.number != tt.number || m.rest != tt.rest {
			t.Errorf("parseMarker(%q) = %+v, %v; want {%s %s %d %s}", tt.in, m, ok, tt.family, tt.marker, tt.number, tt.rest)
		}
	}
}

func TestClassify(t *testing.T) {
	tests := []struct {
		in          string
		v           verdict
		title, body string
	}{
		{"项目概况", pureHeading, "项目概况", ""},
		{"项目资金（包括财政资金、自筹资金等）安排落实、投入等情况", pureHeading, "项目资金（包括财政资金、自筹资金等）安排落实、投入等情况", ""},
		{"决策有目标。我区领导高度重视，全面贯彻落实。", runInHeading, "决策有目标", "我区领导高度重视，全面贯彻落实。"},
		{"园区管理方面。受疫情影响，园区部分企业业务量受到影响。", runInHeading, "园区管理方面", "受疫情影响，园区部分企业业务量受到影响。"},
		{"资金使用:资金全部用于工程建设。", runInHeading, "资金使用", "资金全部用于工程建设。"},
		{"项目概况……………3", notHeading, "", ""},
		{"贯彻落实国家、省、市服务业发展方针政策和全区服务业工作计划及目标任务。负责推进平台建设。", notHeading, "", ""},
		{"", notHeading, "", ""},
	}
	for _, tt := range tests {
		v, title, body := classify(tt.in)
		if v != tt.v || title != tt.title || body != tt.body {
			t.Errorf("classify(%q) = %v %q %q; want %v %q %q", tt.in, v, title, body, tt.v, tt.title, tt.body)
		}
	}
}

func TestIsTocLine(t *testing.T) {
	for in, want := range map[string]bool{
		"项目概况……………3":        true,
		"项目概况\t12 \n":       true,
		"第一章 总论..........5": true,
		"项目概况":              false,
		"预算安排120万元":         false,
		"2021":              false, // a digit at the end, but no leader
		"目录…… 3 页":          false,
		"":                  false,
	} {
		if got := isTocLine(in); got != want {
			t.Errorf("isTocLine(%q) = %v, want %v", in, got, want)
		}
		if got := tocLine.MatchString(in); got != want {
			t.Errorf("tocLine.MatchString(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestProjectName(t *testing.T) {
	tests := []struct{ title, name string }{
		{"2020年度现代服务业专项经费项目支出绩效评价报告", "现代服务业专项经费"},
		{"楼宇办工作经费项目支出绩效评价报告", "楼宇办工作经费"},
		{"2020年度“梦想小街”电商产业园工作经费项目支出绩效评价报告", "“梦想小街”电商产业园工作经费"},
		{"关于2021年度农村公路养护项目的绩效自评报告", "农村公路养护项目"},
		{"某某市2021年度部门整体支出绩效评价报告", "某某市"},
		{"附件6：学生营养改善计划项目绩效评价报告书", "学生营养改善计划"},
		{"关于2021年度城市照明运行经费绩效评价的报告（终稿）", "城市照明运行经费"},
		{"2022年度某某局部门整体支出绩效自评报告", "某某局"},
		{"某某市2020年度全民健身设施建设项目绩效评价报告", "某某市全民健身设施建设"},
		{"2021年度社區長者食堂補助項目績效評價報告", "社區長者食堂補助"},
		{"項目支出績效自評表", ""},
		{"城乡居民医保补助项目绩效评价报告（2021年度）", "城乡居民医保补助"},
		{"全民健身设施建设项目 绩 效 评 价 报 告", "全民健身设施建设"},
		{"2021年度农村饮水安全工程项目支出绩效自评情况报告", "农村饮水安全工程"},
		{"某某区教育局2021年度部门整体支出绩效评价工作报告", "某某区教育局"},
		{"城市照明运行经费绩效评价报告（简本）", "城市照明运行经费"},
		{"关于对2021年度农村公路养护项目开展绩效评价的报告", "农村公路养护项目"},
		{"某某县财政局关于2021年度农村公路养护项目绩效评价报告", "农村公路养护"},
		// the year in Chinese numerals
		{"二〇一九年度学前教育幼儿资助资金绩效自评报告", "学前教育幼儿资助资金"},
		{"关于二零二一年度城市照明运行经费绩效评价的报告", "城市照明运行经费"},
		{"某某市二〇二〇年度全民健身设施建设项目绩效评价报告", "某某市全民健身设施建设"},
		// the stage of the project's life evaluated is part of the kind
		{"某某县城乡供水一体化工程中期绩效评价报告", "某某县城乡供水一体化工程"},
		{"2022年度某某市垃圾焚烧发电PPP项目运营期绩效评价报告", "某某市垃圾焚烧发电PPP项目"},
		{"某某区智慧停车场建设项目事后绩效评价报告（2021年度）", "某某区智慧停车场建设项目"},
		// a note on what the document is names no project
		{"部门整体支出绩效自评报告（撰写提纲）", ""},
	}
	for _, tt := range tests {
		if got := ProjectName(tt.title); got != tt.name {
			t.Errorf("ProjectName(%q) = %q, want %q", tt.title, got, tt.name)
		}
	}
}

func TestTitleYear(t *testing.T) {
	for title, want := range map[string]int{
		"2020年度现代服务业专项经费项目支出绩效评价报告":   2020,
		"某某市2020年度全民健身设施建设项目绩效评价报告":   2020,
		"某某县农业农村局2021年度部门整体支出绩效评价报告":  2021,
		"附件2：关于2019年度农村公路养护项目的绩效自评报告": 2019,
		"学生营养改善计划项目绩效评价报告":            0,
		"G20156年项目绩效评价报告":             0,
	} {
		if got := TitleYear(title); got != want {
			t.Errorf("TitleYear(%q) = %d, want %d", title, got, want)
		}
	}
}
