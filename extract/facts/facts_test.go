package facts

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/govreports/govreports/ingest/model"
)

func TestPolicies(t *testing.T) {
	paras := []Para{
		{Block: 3, Text: "根据《南昌市关于有效应对疫情稳定经济增长25条政策措施》（洪府发[2020]3号）和《关于印发2020年度南昌市服务业发展引导资金项目申报指南的通知》(洪发改服务字〔2020〕27号)要求，"},
		{Block: 5, Text: "出台了《西湖区促进商务楼宇（总部）经济和重点产业发展扶持办法》，再次依据《南昌市关于有效应对疫情稳定经济增长25条政策措施》。"},
	}
	got := Policies(paras)
	want := []string{
		"南昌市关于有效应对疫情稳定经济增长25条政策措施|洪府发[2020]3号|3|2",
		"关于印发2020年度南昌市服务业发展引导资金项目申报指南的通知|洪发改服务字〔2020〕27号|3|42",
		"西湖区促进商务楼宇（总部）经济和重点产业发展扶持办法||5|3",
	}
	var lines []string
	for _, p := range got {
		lines = append(lines, strings.Join([]string{p.Title, p.Number, itoa(p.Block), itoa(p.Offset)}, "|"))
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("Policies:\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
}

func TestPoliciesTraditional(t *testing.T) {
	ps := Policies([]Para{{Block: 1, Text: "依據《某某區預算績效管理辦法》（某財績〔2019〕5號）執行。"}})
	if len(ps) != 1 || ps[0].Title != "某某區預算績效管理辦法" || ps[0].Number != "某財績〔2019〕5號" {
		t.Errorf("Policies = %+v", ps)
	}
}

func TestOrgs(t *testing.T) {
	paras := []Para{
		{Block: 1, Text: "南昌市西湖区现代服务业发展局共有预算单位1个。获评省级集聚区1个（南昌市天虹商场有限公司城市综合体）。"},
		{Block: 2, Text: "其中，南昌联和文化传媒有限公司项目已签约。下一步积极配合区现代服务业发展局和区商务局，改变格局，以企业为中心。"},
		{Block: 4, Text: "南昌市西湖区现代服务业发展局局长到会。"},
		{Block: 6, Text: "“梦想小街”电商产业园领导小组办公室负责园区管理，向”错误引号“中心报告。"},
		{Block: 7, Text: "区财政局委托某某会计师事务所有限公司评价，建议优化站点布局。"},
		{Block: 8, Text: "某某區民政局與某某會計師事務所有限公司。"},
		{Block: 9, Text: "区财政局内设办公室、预算科等8个科室。"},
	}
	var got []string
	for _, o := range Orgs(paras) {
		got = append(got, o.Name+"/"+o.Kind+"/"+itoa(o.Block)+"/"+itoa(o.Count))
	}
	want := "南昌市西湖区现代服务业发展局/局/1/2 南昌市天虹商场有限公司/有限公司/1/1 南昌联和文化传媒有限公司/有限公司/2/1 区现代服务业发展局/局/2/1 区商务局/局/2/1 “梦想小街”电商产业园领导小组办公室/办公室/6/1 区财政局/局/7/2 某某会计师事务所有限公司/有限公司/7/1 某某區民政局/局/8/1 某某會計師事務所有限公司/有限公司/8/1"
	if strings.Join(got, " ") != want {
		t.Errorf("Orgs:\n%s\nwant\n%s", strings.Join(got, " "), want)
	}
}

func TestGoal(t *testing.T) {
	paras := []Para{
		{Text: "1.项目主要内容、绩效目标"},
		{Text: "绩效目标:完成省、市直管部门下达工作任务。"},
		{Text: "年度绩效目标：另一条。"},
	}
	if g := Goal(paras); g != "完成省、市直管部门下达工作任务。" {
		t.Errorf("Goal = %q", g)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestSectionGoal(t *testing.T) {
	sections := []model.Section{
		{Title: "项目基本情况", Body: "城市公共自行车系统共有站点320个。"},
		{Title: "绩效目标完成情况", Body: "骑行量达到936万人次。"},
		{Title: "2021年度績效目標", Body: "全年骑行量不低于900万人次。\n车辆完好率不低于95%。"},
	}
	if g := SectionGoal(sections); g != "全年骑行量不低于900万人次。" {
		t.Errorf("SectionGoal = %q", g)
	}
	if g := SectionGoal(sections[:2]); g != "" {
		t.Errorf("SectionGoal without a goal section = %q", g)
	}
}

func TestProseFunds(t *testing.T) {
	paras := []Para{
		{Block: 1, Text: "项目总投资5,800万元，其中中央补助资金3,200万元。"},
		{Block: 2, Text: "2020年项目预算600万元，实际支出597.3万元。2021年项目预算650万元，实际支出640万元。"},
		{Block: 3, Text: "年初预算3,560万元，全年预算3,820.5万元，全年执行3,796.12万元，执行率99.36%。"},
	}
	fs := ProseFunds(paras, 2021)
	if len(fs) != 1 || *fs[0].Budget != "6500000" || *fs[0].Actual != "6400000" || *fs[0].Rate != 98.46 || fs[0].TableNo != 0 || fs[0].Row != -1 {
		t.Fatalf("ProseFunds = %+v, want the 2021 sentence", fs)
	}
	// The adjusted budget (全年预算) over the budget at the start of the year.
	fs = ProseFunds(paras[2:], 2021)
	if len(fs) != 1 || *fs[0].Budget != "38205000" || *fs[0].Actual != "37961200" || fs[0].BudgetRaw != "3,820.5万元" {
		t.Errorf("ProseFunds = %+v, want 全年预算 against 全年执行", fs)
	}
	if fs := ProseFunds(paras[:1], 2021); fs != nil {
		t.Errorf("ProseFunds = %+v from an investment without spending", fs)
	}
}

func TestSentenceFunds(t *testing.T) {
	for _, c := range []struct {
		text                    string
		budget, actual, initial string
		stated                  float64 // 0 when none
		raw                     string
	}{
		{"年初预算安排120万元，调整后118.5万元，全年执行117.32万元，执行率99.00%。", "1185000", "1173200", "1200000", 99, "99.00%"},
		{"项目预算总额12,640.50万元……已经支出11,980.37万元。", "126405000", "119803700", "", 0, ""},
		{"全年预算50万元，实际支出90.5万元，执行率100%。", "500000", "905000", "", 100, "100%"},
		// the budget the year ended with: 调增至 names it, the one before is the initial
		{"年初预算80万元，9月调增至95万元，当年支出93.1万元，执行率98%。", "950000", "931000", "800000", 98, "98%"},
		// a department's 收入预算 is its budget
		{"本部门收入预算合计2,400万元，全年实际支出2,280万元。", "24000000", "22800000", "", 0, ""},
		// no budget stated: the amount 下达 is the budget
		{"省财政下达专项资金300万元，截至年底使用285万元，执行率95%。", "3000000", "2850000", "", 95, "95%"},
		// money paid out (拨付, 支付) is the spending where none is named spent
		{"本项目预算批复数为860万元，截至12月31日已拨付817万元。", "8600000", "8170000", "", 0, ""},
		{"年度预算安排45万元，累计支付数42.3万元。", "450000", "423000", "", 0, ""},
		{"预算批复数860万元，已拨付817万元，实际支出796.5万元。", "8600000", "7965000", "", 0, ""},
		// money handed out to those it is for (兑付, 兑现, 发放) is spent
		{"年度安排奖补资金预算150万元，已兑付奖补资金142.5万元，资金执行率95.00%。", "1500000", "1425000", "", 95, "95.00%"},
		{"生态补偿资金年度预算240万元，均为上级转移支付。截至年末，兑现到户资金228万元，执行率95.00%。", "2400000", "2280000", "", 95, "95.00%"},
		{"全年安排预算80万元，已发放补助资金76万元。", "800000", "760000", "", 0, ""},
		// what is not yet paid out (未兑现) is no spending
		{"预算批复数200万元，未兑现资金12万元，已兑现188万元。", "2000000", "1880000", "", 0, ""},
		// of several budgets the one the stated rate ties to the spending
		{"上级补助资金500万元，县级安排配套资金300万元，本年项目资金合计800万元。截至年底累计支付资金752万元，资金支付率为94.00%。",
			"8000000", "7520000", "", 94, "94.00%"},
		{"当年到位中央资金600万元，市级安排配套资金150万元，项目资金合计750万元；至12月底已支付资金702万元，其中中央资金570万元，资金支付率为93.60%。",
			"7500000", "7020000", "", 93.6, "93.60%"},
	} {
		sf := SentenceFunds([]Para{NewPara(7, c.text)}, 0)
		if sf == nil {
			t.Errorf("SentenceFunds(%q) = nil", c.text)
			continue
		}
		initial, stated := "", 0.0
		if sf.Initial != nil {
			initial = *sf.Initial
		}
		if sf.Fund.RateStated != nil {
			stated = *sf.Fund.RateStated
		}
		if *sf.Fund.Budget != c.budget || *sf.Fund.Actual != c.actual || initial != c.initial || stated != c.stated || sf.RateRaw != c.raw || sf.Block != 7 {
			t.Errorf("SentenceFunds(%q) = budget %s actual %s initial %q stated %v (%q) block %d; want %s %s %q %v (%q) 7",
				c.text, *sf.Fund.Budget, *sf.Fund.Actual, initial, stated, sf.RateRaw, sf.Block, c.budget, c.actual, c.initial, c.stated, c.raw)
		}
	}
}

// A PDF's lines break mid-sentence and put spaces around the amounts: the
// budget on one line, the spending on the next, read as one paragraph.
func TestSentenceFundsWrapped(t *testing.T) {
	paras := []Para{
		NewPara(3, "（二）资金使用情况"),
		NewPara(4, "2019年度运营维护经费预算安排 460 万元，实际到位 460 万元。截"),
		NewPara(5, "至2019年12月31日，实际支出 412.3 万元，结余 47.7 万元。"),
	}
	sf := SentenceFunds(paras, 2019)
	if sf == nil || *sf.Fund.Budget != "4600000" || *sf.Fund.Actual != "4123000" || sf.Block != 4 {
		t.Fatalf("SentenceFunds = %+v, want 460万元 against 412.3万元 from block 4", sf)
	}
	// A part of the budget (其中…) is no budget for the next sentence.
	part := []Para{NewPara(1, "项目总投资500万元，其中财政预算安排300万元。截至年底实际支出480万元。")}
	if sf := SentenceFunds(part, 0); sf != nil {
		t.Errorf("SentenceFunds = %+v from a part of the investment", sf.Fund)
	}
	// 下达 yields to a budget the text states, wherever it stands.
	both := []Para{
		NewPara(1, "中央下达资金200万元，实际支出180万元。"),
		NewPara(2, "项目全年预算250万元，实际支出230万元。"),
	}
	if sf := SentenceFunds(both, 0); sf == nil || *sf.Fund.Budget != "2500000" {
		t.Errorf("SentenceFunds = %+v, want the stated budget 250万元 over the 下达 200万元", sf)
	}
	// 调减 alone says by how much, not to how much.
	if sf := SentenceFunds([]Para{NewPara(1, "年初预算100万元，年中调减20万元，实际支出78万元。")}, 0); sf == nil || *sf.Fund.Budget != "1000000" {
		t.Errorf("SentenceFunds = %+v, want the 年初 100万元: 调减20万元 is a change", sf)
	}
	// Blocks apart (a table, a heading between), they are two paragraphs.
	paras[2].Block = 7
	if sf := SentenceFunds(paras, 2019); sf != nil {
		t.Errorf("SentenceFunds = %+v across a gap between blocks", sf.Fund)
	}
}

func TestProseUnit(t *testing.T) {
	for text, want := range map[string]string{
		"项目实施单位为某某县农业技术推广站。":                  "某某县农业技术推广站",
		"項目實施單位：某某縣茶業發展中心。":                   "某某縣茶業發展中心",
		"项目主管部门为某某县民政局，具体由某某县养老服务指导中心组织实施。":   "某某县养老服务指导中心",
		"该项目资金由某某市交通运输局统筹组织实施。":               "某某市交通运输局",
		"项目由某某县交通运输局统一组织实施。":                  "某某县交通运输局",
		"项目承担单位是某某市水产技术推广站，负责苗种投放。":           "某某市水产技术推广站",
		"项目由某某县城乡供水有限公司（以下简称“供水公司”）承担建设和运营。":  "某某县城乡供水有限公司",
		"县水利局委托某某水务工程有限公司（以下简称“水务公司”）负责项目管护。": "某某水务工程有限公司",
		"某某会计师事务所（以下简称“我所”）承担本项目绩效评价工作。":      "",
		// the unit before the label: …为…的实施单位
		"某某县农业技术推广中心为本项目的实施单位，负责种苗采购。":        "某某县农业技术推广中心",
		"2020年，某某市体育馆（以下简称“体育馆”）是该补助资金的承担单位。": "某某市体育馆",
		"按照分工，各乡镇人民政府为项目实施单位。":                "",
		// who evaluates, not who carries out
		"评价工作由某某会计师事务所有限公司负责实施。": "",
		// two units, a class of units, words that are no name
		"项目由某某县财政局会同某某县民政局组织实施。": "",
		"项目由各乡镇人民政府组织实施。":        "",
		"项目实施单位为县里。":             "",
		// no project and no funds in the sentence
		"环境整治由某某街道办事处组织实施。": "",
		// the unit as its clause's subject, with no 由
		"项目主管部门为某某县农业农村局，某某县动物疫病预防控制中心负责具体实施。": "某某县动物疫病预防控制中心",
		// the unit whose project the evaluation sentence names
		"本次评价对某某市城市管理局组织实施的背街小巷整治项目开展了绩效评价。": "某某市城市管理局",
		"受委托，我所对某某县教育局统筹实施的校舍维修资金进行了评价。":     "某某县教育局",
	} {
		if got := ProseUnit([]Para{NewPara(1, text)}); got != want {
			t.Errorf("ProseUnit(%q) = %q, want %q", text, got, want)
		}
	}
	// 实施单位为 comes before 由…实施 wherever each stands.
	paras := []Para{
		NewPara(1, "项目由某某县水利局组织实施。"),
		NewPara(2, "项目实施单位为某某县农村供水管理站。"),
	}
	if got := ProseUnit(paras); got != "某某县农村供水管理站" {
		t.Errorf("ProseUnit = %q, want the unit after 实施单位为", got)
	}
}

func TestSelfCarries(t *testing.T) {
	for text, want := range map[string]bool{
		"该项目资金由我局负责组织实施，各乡镇配合。": true,
		"项目由本单位统一组织实施。":         true,
		"项目由我中心具体实施。":           true,
		// another unit, or no project or funds, or the evaluation
		"项目由某某县林业局负责组织实施。": false,
		"培训由我局组织实施。":       false,
		"评价工作由我所负责组织实施。":   false,
	} {
		if got := SelfCarries([]Para{NewPara(1, text)}); got != want {
			t.Errorf("SelfCarries(%q) = %v, want %v", text, got, want)
		}
	}
}

func TestNamesApart(t *testing.T) {
	paras := []Para{NewPara(1, "某某市安排农村公路养护专项资金"), NewPara(2, "某某市农村公路养护专项资金用于…")}
	if !NamesApart(paras, "农村公路养护专项资金", "某某市") {
		t.Error("NamesApart: the first paragraph names the fund without the place")
	}
	if NamesApart(paras[1:], "农村公路养护专项资金", "某某市") {
		t.Error("NamesApart: the place stands before every mention")
	}
}

func TestAgency(t *testing.T) {
	for text, want := range map[string]string{
		"区财政局委托某某工程咨询有限公司成立绩效评价工作组。":     "某某工程咨询有限公司",
		"我局委托第三方机构某某会计师事务所（特殊普通合伙）开展评价。": "某某会计师事务所（特殊普通合伙）",
		"县财政局聘请“某某项目管理咨询有限公司”对项目进行评价。":   "某某项目管理咨询有限公司",
		"受区财政局委托，我所对该项目开展了绩效评价。":         "",
		"委托某某园林工程有限公司实施，甲区园林局监管。":        "",
		"區財政局委託某某會計師事務所對項目開展績效評價。":       "某某會計師事務所",
		"委托各乡镇财政所负责资金发放。":                "",
	} {
		if got := Agency([]Para{{Text: text}}); got != want {
			t.Errorf("Agency(%q) = %q, want %q", text, got, want)
		}
	}
}

func TestProseEvaluators(t *testing.T) {
	paras := []Para{
		{Block: 1, Text: "评价组由财政、审计等部门人员组成。"},
		{Block: 2, Text: "评价组成员：张磊（组长，某某会计师事务所注册会计师）、赵凯（区财政局，科长）、娄堃。"},
	}
	var got []string
	for _, e := range ProseEvaluators(paras) {
		got = append(got, e.Name+"|"+e.Org+"|"+e.Title)
	}
	if want := "张磊|某某会计师事务所|组长，注册会计师 赵凯|区财政局|科长 娄堃||"; strings.Join(got, " ") != want {
		t.Errorf("ProseEvaluators = %q, want %s", got, want)
	}
	if ev := ProseEvaluators([]Para{{Text: "评价组成员：由区财政局、区审计局抽调人员组成。"}}); ev != nil {
		t.Errorf("ProseEvaluators = %+v from a sentence that names no one", ev)
	}
}

// TestCutUnitNote: a bracketed clause about the work is cut from a unit's
// name; a bracket that is part of the name stays.
func TestCutUnitNote(t *testing.T) {
	for in, want := range map[string]string{
		"某某市园林管理局（各区绿化队具体养护）": "某某市园林管理局",
		"某某县教育局（由各学校负责发放）":    "某某县教育局",
		"中化工程（北京）有限公司":        "中化工程（北京）有限公司",
		"某某建设投资有限公司（集团）":      "某某建设投资有限公司（集团）",
		"某某县水务局":              "某某县水务局",
		"各乡镇（街道）人民政府（负责组织实施）": "各乡镇（街道）人民政府（负责组织实施）",
	} {
		if got := CutUnitNote(in); got != want {
			t.Errorf("CutUnitNote(%q) = %q, want %q", in, got, want)
		}
	}
}

// joinWrapped joins every line of a run into its first, text and folded
// text alike, and leaves the paragraphs around the run as they were.
func TestJoinWrapped(t *testing.T) {
	paras := []Para{
		NewPara(1, "一、项目概况"),
		NewPara(2, "本項目預算安排"),
		{Block: 3, Text: "100萬元，實際"}, // made without NewPara: folded when joined
		NewPara(4, "支出90萬元。"),
		NewPara(5, "二、绩效目标"),
	}
	got := joinWrapped(paras)
	want := []Para{
		{Block: 1, Text: "一、项目概况", Folded: "一、项目概况"},
		{Block: 2, Text: "本項目預算安排100萬元，實際支出90萬元。", Folded: "本项目预算安排100万元，实际支出90万元。"},
		{Block: 5, Text: "二、绩效目标", Folded: "二、绩效目标"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("joinWrapped =\n%+v\nwant\n%+v", got, want)
	}
}

// The budget, the spending and the rate each under a heading of its own,
// the rate in a paragraph naming no amount: the rate ties the spending
// before it to the budget.
func TestSentenceFundsRateApart(t *testing.T) {
	paras := []Para{
		NewPara(2, "（一）资金安排"),
		NewPara(3, "本年度下达项目预算资金365万元，后经调整为340万元。"),
		NewPara(5, "（二）资金支付"),
		NewPara(6, "截至年末，累计支付项目资金318.42万元，主要用于设备采购和人员培训。"),
		NewPara(8, "（三）执行进度"),
		NewPara(9, "项目资金执行率为93.65%，剩余资金已按规定收回。"),
	}
	sf := SentenceFunds(paras, 0)
	if sf == nil || *sf.Fund.Budget != "3400000" || *sf.Fund.Actual != "3184200" || sf.RateRaw != "93.65%" {
		t.Fatalf("SentenceFunds = %+v, want 340万元 against 318.42万元 at 93.65%%", sf)
	}
	// A rate no spending over a budget gives ties nothing.
	paras[5] = NewPara(9, "项目资金执行率为91.20%，剩余资金已按规定收回。")
	if sf := SentenceFunds(paras, 0); sf != nil && sf.Fund.RateStated != nil {
		t.Errorf("SentenceFunds = %+v, tied by a rate no amounts give", sf.Fund)
	}
}
