package tables

import (
	"cmp"
	"strings"
	"testing"

	"github.com/govreports/govreports/extract/internal/doctest"
	"github.com/govreports/govreports/ingest/model"
)

func TestReadEvaluators(t *testing.T) {
	doc := doctest.Parse("t", `| 现代服务业专项经费项目绩效评价人员 | < | < | < |
| 姓  名 | 单　位 | 职称/职务 | 签  名 |
| 张磊（女） | 南昌市西湖区现代服务业发展局 | 局长 |  |
|  |  |  |  |
| 评价组组长\n(签名): |  | 2021年06月25日 | < |
| 中介机构\n（盖章）: |  | 年  月  日 | < |`)
	tb := &doc.Tables[0]
	rt := Read(tb, 0, "")
	if rt.Kind != KindEvaluators || rt.HeaderRow != 1 || rt.Caption != "现代服务业专项经费项目绩效评价人员" {
		t.Fatalf("Read = %+v", rt)
	}
	if got := rt.Header; len(got) != 4 || got[0] != "姓名" || got[1] != "单位" || got[2] != "职称/职务" {
		t.Errorf("header %q", got)
	}
	ev := Evaluators(tb, rt)
	if len(ev) != 1 || ev[0].Name != "张磊（女）" || ev[0].Org != "南昌市西湖区现代服务业发展局" || ev[0].Title != "局长" || ev[0].Row != 2 {
		t.Errorf("Evaluators = %+v", ev)
	}
}

func TestFunds(t *testing.T) {
	doc := doctest.Parse("t", `| 序号 | 名称 | 项目资金安排 | 实际投入 | 项目开展情况 |
| 1 | 梦想小街”电商产业园工作经费 | 27万 | 26.58万 |  |
| 2 | 其他 | 12 | 未执行 |  |
| 合计 |  | 27万 | 26.58万 |  |`)
	tb := &doc.Tables[0]
	rt := Read(tb, 0, "")
	fs := Funds(tb, rt)
	if rt.Kind != KindFunds || len(fs) != 2 {
		t.Fatalf("kind %q, funds %+v", rt.Kind, fs)
	}
	f := fs[0]
	if f.Item != "梦想小街”电商产业园工作经费" || *f.Budget != "270000" || *f.Actual != "265800" || *f.Rate != 98.44 {
		t.Errorf("fund %+v", f)
	}
	if g := fs[1]; *g.Budget != "12" || g.Actual != nil || g.Rate != nil || g.ActualRaw != "未执行" {
		t.Errorf("fund without actual %+v", g)
	}
}

func TestAttribute(t *testing.T) {
	reports := []Candidate{
		{Name: "现代服务业专项经费", Text: "现代服务业专项经费工作经费，楼宇经济"},
		{Name: "楼宇办工作经费", Text: "楼宇办工作经费，楼宇经济发展"},
		{Name: "“梦想小街”电商产业园工作经费", Text: "园区办工作专项经费工作经费，园区管理方面"},
	}
	for caption, want := range map[string]int{
		"现代服务业专项经费项目绩效评价人员": 0,
		"楼宇办工作经费经费项目绩效评价人员": 1,
		"园区办工作经费经费项目绩效评价人员": 2,
		"评价人员": -1,
	} {
		if got := Attribute(caption, reports); got != want {
			t.Errorf("Attribute(%q) = %d, want %d", caption, got, want)
		}
	}
	// Evaluators tables after the last report: their captions are in its text.
	reports = []Candidate{
		{Name: "某某县城乡环卫一体化项目", Text: "城乡环卫一体化项目覆盖全县12个乡镇"},
		{Name: "某某县乡村道路养护", Text: "全县乡村道路养护里程860公里。\n城乡环卫一体化项目绩效评价工作组成员\n乡村道路养护项目绩效评价工作组成员\n"},
	}
	for caption, want := range map[string]int{
		"城乡环卫一体化项目绩效评价工作组成员": 0,
		"乡村道路养护项目绩效评价工作组成员":  1,
	} {
		if got := Attribute(caption, reports); got != want {
			t.Errorf("Attribute(%q) = %d, want %d", caption, got, want)
		}
	}
}

func TestFundsTotalOnly(t *testing.T) {
	doc := doctest.Parse("t", `| 序号 | 项目名称 | 年初预算数（万元） | 执行数（万元） |
| 合计 |  | 70.5 | 69 |`)
	tb := &doc.Tables[0]
	fs := Funds(tb, Read(tb, 0, ""))
	if len(fs) != 1 || fs[0].Item != "合计" || *fs[0].Budget != "705000" || *fs[0].Actual != "690000" || *fs[0].Rate != 97.87 {
		t.Errorf("Funds = %+v", fs)
	}
}

// TestFundsForm reads the funds block of a 项目支出绩效自评表: cover rows
// first, a header row whose unit stands in the item column, the total
// above its breakdown, and another block after it.
func TestFundsForm(t *testing.T) {
	doc := doctest.Parse("t", `| 项目名称 | 城乡居民基本医疗保险财政补助 |
| 主管部门 | 某某县医疗保障局 |
| 项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |
| 年度资金总额 | 3,560.00 | 3,820.50 | 3,796.12 | 10 | 99.36% | 9.94 |
| 其中：财政拨款 | 3,560.00 | 3,820.50 | 3,796.12 | — | 99.36% | — |
| 其他资金 | 0 | 0 | 0 | — | — | — |
| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |
| 合计 | 数量指标 | 参保人数 | 42万 | 43.6万 | 20 | 20 |`)
	tb := &doc.Tables[0]
	rt := Read(tb, 0, "")
	if rt.Kind != KindFunds || rt.HeaderRow != 2 {
		t.Fatalf("Read = %+v", rt)
	}
	fs := Funds(tb, rt)
	if len(fs) != 1 {
		t.Fatalf("Funds = %+v, want the total only", fs)
	}
	// 全年预算数 (the adjusted budget) is the budget, not 年初预算数.
	if f := fs[0]; f.Item != "年度资金总额" || *f.Budget != "38205000" || *f.Actual != "37961200" || *f.Rate != 99.36 {
		t.Errorf("fund %+v", f)
	}
}

// TestFundsGroupedParts: a department's form puts its total first, its
// cells where the header's are, and its parts a column further right
// under their groups (按支出性质分 | 基本支出 | …): the header stays where
// it is, and the total's 全年预算数 is the budget.
func TestFundsGroupedParts(t *testing.T) {
	doc := doctest.Parse("t", `| 部门（单位）名称 | 某某镇人民政府 |
| 年度预算（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 执行率 |
| 年度资金总额 | 1,200.00 | 1,350.00 | 1,296.00 | 96.00% |
| 按支出性质分 | 基本支出 | 800.00 | 860.00 | 845.00 | — |
|  | 项目支出 | 400.00 | 490.00 | 451.00 | — |`)
	tb := &doc.Tables[0]
	fs := Funds(tb, Read(tb, 0, ""))
	if len(fs) != 1 {
		t.Fatalf("Funds = %+v, want the total only", fs)
	}
	if f := fs[0]; f.Item != "年度资金总额" || *f.Budget != "13500000" || *f.Actual != "12960000" || f.RateStated == nil || *f.RateStated != 96 {
		t.Errorf("fund %+v", f)
	}
}

func TestFundsAdjustedBudget(t *testing.T) {
	doc := doctest.Parse("t", `| 項目名稱 | 年初預算 | 調整後預算 | 實際支出 |
| 城區道路保潔 | 1,560 | 1,620 | 1,598.6 |
| 其中：機械化清掃 | 500 | 520 | 518 |
| 公廁運營管護 | 240 | 240 | 226.8 |`)
	tb := &doc.Tables[0]
	fs := Funds(tb, Read(tb, 0, "金額單位：萬元"))
	if len(fs) != 2 {
		t.Fatalf("Funds = %+v, want two items (the 其中 row is part of the first)", fs)
	}
	if f := fs[0]; *f.Budget != "16200000" || *f.Actual != "15986000" || *f.Rate != 98.68 {
		t.Errorf("fund %+v, want the adjusted budget 1,620万", f)
	}
	if f := fs[1]; f.Item != "公廁運營管護" || *f.Budget != "2400000" {
		t.Errorf("fund %+v", f)
	}
}

func TestEvaluatorsTeam(t *testing.T) {
	doc := doctest.Parse("t", `| 序号 | 姓名 | 工作单位 | 职务/职称 | 组内分工 | 签字 |
| 1 | 周  涛 | 某某工程咨询有限公司 | 造价工程师 | 组长 |  |
| 2 | 黃麗華 | 某某會計師事務所有限公司 | 高級會計師 | 財務評價 |  |`)
	tb := &doc.Tables[0]
	rt := Read(tb, 0, "评价小组成员名单")
	ev := Evaluators(tb, rt)
	if rt.Kind != KindEvaluators || len(ev) != 2 {
		t.Fatalf("kind %q, evaluators %+v", rt.Kind, ev)
	}
	if ev[0].Name != "周涛" || ev[0].Title != "造价工程师" || ev[1].Org != "某某會計師事務所有限公司" {
		t.Errorf("evaluators %+v", ev)
	}
}

func TestBlockEnds(t *testing.T) {
	doc := doctest.Parse("t", `| 项目名称 | 预算数 | 执行数 |
| 日常管护 | 50 | 48.5 |
| 绿化养护 | 未执行 | 未执行 |
| 设施维修 | 20 | 20 |
| 一级指标 | 二级指标 | 年度指标值 |
| 产出指标 | 数量指标 | 12 |`)
	tb := &doc.Tables[0]
	if bs := Read(tb, 0, "").Blocks; len(bs) != 2 || bs[0].EndRow != 4 || bs[1].Kind != KindIndicators || bs[1].EndRow != 6 {
		t.Errorf("blocks %+v, want the funds block to end at row 4 (a row of item texts goes on; the indicators header ends the block)", bs)
	}
	if h := UnitHeader("得分", "单位：万元"); h != "得分" {
		t.Errorf("UnitHeader(得分) = %q: a score column takes no 万元", h)
	}
	if h := UnitHeader("全年预算数", "单位：萬元"); h != "全年预算数（万元）" {
		t.Errorf("UnitHeader(全年预算数) = %q", h)
	}
}

// TestFundsMergedLabel reads a form whose item labels stand in the second
// column, beside a label merged down over the block (as Word merges it).
func TestFundsMergedLabel(t *testing.T) {
	tb := &model.Table{No: 1, Rows: 4, Cols: 5}
	add := func(r, c, rowSpan int, text string) {
		tb.Cells = append(tb.Cells, model.Cell{Row: r, Col: c, RowSpan: rowSpan, ColSpan: 1, Text: text})
	}
	add(0, 0, 1, "资金情况（万元）")
	add(0, 1, 1, "")
	add(0, 2, 1, "年初预算数")
	add(0, 3, 1, "全年预算数")
	add(0, 4, 1, "全年执行数")
	add(1, 0, 3, "项目资金")
	for r, row := range [][]string{{"年度资金总额", "100", "120", "90"}, {"其中：财政拨款", "100", "120", "90"}, {"其他资金", "0", "0", "0"}} {
		for c, text := range row {
			add(r+1, c+1, 1, text)
		}
	}
	fs := Funds(tb, Read(tb, 0, ""))
	if len(fs) != 1 || fs[0].Item != "年度资金总额" || *fs[0].Budget != "1200000" || *fs[0].Actual != "900000" {
		t.Errorf("Funds = %+v, want the total 年度资金总额, 120万 against 90万", fs)
	}
}

func TestFundsRateColumn(t *testing.T) {
	doc := doctest.Parse("t", `| 项目 | 预算数（万元） | 预算执行率 |
| 日常管护 | 50 | 97% |`)
	tb := &doc.Tables[0]
	fs := Funds(tb, Read(tb, 0, ""))
	if len(fs) != 1 || *fs[0].Budget != "500000" || fs[0].Actual != nil || fs[0].ActualRaw != "" {
		t.Errorf("Funds = %+v, want the budget and no actual: 预算执行率 is a rate", fs)
	}
}

func TestFundsUnitRow(t *testing.T) {
	doc := doctest.Parse("t", `| 项目名称 | 全年预算数 | 全年执行数 |
|  | 万元 | （万元） |
| 道路保洁 | 1,620 | 1,598.6 |`)
	tb := &doc.Tables[0]
	rt := Read(tb, 0, "")
	fs := Funds(tb, rt)
	if rt.HeaderRow != 1 || rt.Header[1] != "全年预算数（万元）" || len(fs) != 1 || *fs[0].Budget != "16200000" || *fs[0].Actual != "15986000" {
		t.Errorf("Read = %+v, Funds = %+v", rt, fs)
	}
}

func TestFundsSubHeader(t *testing.T) {
	doc := doctest.Parse("t", `| 项目 | 预算数（万元） |  | 执行数（万元） | 执行率 |
|  | 年初 | 全年 |  |  |
| 供水管网改造 | 800 | 850 | 832 | 97.88% |`)
	tb := &doc.Tables[0]
	rt := Read(tb, 0, "")
	fs := Funds(tb, rt)
	if rt.HeaderRow != 1 || rt.Header[2] != "全年预算数（万元）" || len(fs) != 1 || *fs[0].Budget != "8500000" || *fs[0].Actual != "8320000" {
		t.Errorf("Read = %+v, Funds = %+v, want the budget 全年 (850万)", rt, fs)
	}
	// A first row of items is no sub-header.
	doc = doctest.Parse("t", `| 项目 | 预算数 | 执行数 |
| 一、基本支出 | 其他 | 另计 |
| 人员经费 | 12 | 12 |`)
	tb = &doc.Tables[0]
	if rt := Read(tb, 0, ""); rt.HeaderRow != 0 {
		t.Errorf("Read = %+v, want the header at row 0", rt)
	}
}

func TestFundsNested(t *testing.T) {
	const rows = `| 一、基本支出 | 100 | 98 |
| （一）人员经费 | 80 | 79 |
| （二）公用经费 | 20 | 19 |
| 二、项目支出 | 50 | 45 |
| 1.社会救助 | 30 | 28 |
| 2.养老服务 | 20 | 17 |`
	for _, tt := range []struct{ name, src, want string }{
		{"with total", "| 项目 | 全年预算数（万元） | 全年执行数（万元） |\n" + rows + "\n| 合计 | 150 | 143 |", "一、基本支出 二、项目支出"},
		{"without total", "| 项目 | 全年预算数（万元） | 全年执行数（万元） |\n" + rows, "一、基本支出 二、项目支出"},
		{"flat list", "| 项目 | 预算数 | 执行数 |\n| 1.社会救助 | 30 | 28 |\n| 2.养老服务 | 20 | 17 |\n| 合计 | 50 | 45 |", "1.社会救助 2.养老服务"},
		{"plain parents", "| 项目 | 预算数 | 执行数 |\n| 基本支出 | 30 | 28 |\n| 1.人员经费 | 20 | 20 |\n| 2.公用经费 | 10 | 8 |\n| 项目支出 | 5 | 5 |", "基本支出 项目支出"},
	} {
		doc := doctest.Parse("t", tt.src)
		tb := &doc.Tables[0]
		var got []string
		for _, f := range Funds(tb, Read(tb, 0, "")) {
			got = append(got, f.Item)
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("%s: items %q, want %s", tt.name, got, tt.want)
		}
	}
}

// TestSubHeaderMergedDown: cells merged down from the header row are no
// sub-headers of themselves.
func TestSubHeaderMergedDown(t *testing.T) {
	tb := &model.Table{No: 1, Rows: 3, Cols: 4}
	add := func(r, c, rowSpan, colSpan int, text string) {
		tb.Cells = append(tb.Cells, model.Cell{Row: r, Col: c, RowSpan: rowSpan, ColSpan: colSpan, Text: text})
	}
	add(0, 0, 2, 1, "项目")
	add(0, 1, 1, 2, "预算数（万元）")
	add(0, 3, 2, 1, "执行数（万元）")
	add(1, 1, 1, 1, "年初")
	add(1, 2, 1, 1, "全年")
	add(2, 0, 1, 1, "供水管网改造")
	add(2, 1, 1, 1, "800")
	add(2, 2, 1, 1, "850")
	add(2, 3, 1, 1, "832")
	rt := Read(tb, 0, "")
	if rt.HeaderRow != 1 || rt.Header[0] != "项目" || rt.Header[2] != "全年预算数（万元）" || rt.Header[3] != "执行数（万元）" {
		t.Errorf("Read = %+v", rt)
	}
	if fs := Funds(tb, rt); len(fs) != 1 || *fs[0].Budget != "8500000" {
		t.Errorf("Funds = %+v", fs)
	}
}

func TestFundsLatestYear(t *testing.T) {
	for _, src := range []string{
		"| 项目 | 2020年预算数（万元） | 2020年执行数（万元） | 2021年预算数（万元） | 2021年执行数（万元） |\n| 道路保洁 | 100 | 90 | 120 | 118 |",
		"| 项目 | 上年预算数（万元） | 上年执行数（万元） | 本年预算数（万元） | 本年执行数（万元） |\n| 道路保洁 | 100 | 90 | 120 | 118 |",
	} {
		doc := doctest.Parse("t", src)
		tb := &doc.Tables[0]
		fs := Funds(tb, Read(tb, 0, ""))
		if len(fs) != 1 || *fs[0].Budget != "1200000" || *fs[0].Actual != "1180000" {
			t.Errorf("Funds = %+v, want this year's 120万 against 118万", fs)
		}
	}
}

// TestFundsCircledItems: items numbered ① and 1） under 一、 are its parts,
// which the funds reader must not count beside it (issue 8: a budget of
// 1,000,000 元 read where the table gives 1,500,000).
func TestFundsCircledItems(t *testing.T) {
	for _, sub := range [][2]string{{"①", "②"}, {"1）", "2）"}, {"1)", "2)"}, {"⑴", "⑵"}} {
		src := "| 项目 | 预算数（万元） | 执行数 |\n" +
			"| 一、基本支出 | 100 | 98 |\n" +
			"| " + sub[0] + "人员经费 | 60 | 59 |\n" +
			"| " + sub[1] + "公用经费 | 40 | 39 |\n" +
			"| 二、项目支出 | 50 | 45 |"
		doc := doctest.Parse("t", src)
		tb := &doc.Tables[0]
		fs := Funds(tb, Read(tb, 0, ""))
		var got []string
		for _, f := range fs {
			b := "nil"
			if f.Budget != nil {
				b = *f.Budget
			}
			got = append(got, f.Item+"="+b)
		}
		if want := "一、基本支出=1000000 二、项目支出=500000"; strings.Join(got, " ") != want {
			t.Errorf("%s sub-items: funds %q, want %s", sub[0], got, want)
		}
		if s := sumBudget(fs); s != "1500000" {
			t.Errorf("%s sub-items: budgets sum to %s, want 1500000", sub[0], s)
		}
	}
}

func TestAddEvaluators(t *testing.T) {
	have := []model.Evaluator{{Name: "刘建国", Org: "某某工程咨询有限公司"}, {Name: "张磊", Org: ""}}
	got := addEvaluators(have, []model.Evaluator{
		{Name: "刘建国", Org: "某某工程咨询有限公司"}, // again in the attachment
		{Name: "张磊", Org: "区财政局"},        // the same person, organisation now given
		{Name: "刘建国", Org: "区财政局"},       // a namesake
		{Name: "王敏", Org: "区财政局"},
	})
	var names []string
	for _, e := range got {
		names = append(names, e.Name+"/"+e.Org)
	}
	if want := "刘建国/某某工程咨询有限公司 张磊/ 刘建国/区财政局 王敏/区财政局"; strings.Join(names, " ") != want {
		t.Errorf("addEvaluators = %s, want %s", strings.Join(names, " "), want)
	}
}

// selfEvaluationForm builds a 项目支出绩效自评表 as Word merges it: a title
// row, cover rows, a funds block, a 年度总体目标 block, and an indicator
// block whose first two levels are merged down over their rows.
func selfEvaluationForm() *model.Table {
	tb := &model.Table{No: 1, Rows: 15, Cols: 8}
	add := func(r, c, rowSpan, colSpan int, text string) {
		tb.Cells = append(tb.Cells, model.Cell{Row: r, Col: c, RowSpan: rowSpan, ColSpan: colSpan, Text: text})
	}
	row := func(r int, texts ...string) { // one cell a column from column 2
		for i, s := range texts {
			add(r, 2+i, 1, 1, s)
		}
	}
	add(0, 0, 1, 8, "项目支出绩效自评表（2022年度）")
	add(1, 0, 1, 2, "项目名称")
	add(1, 2, 1, 6, "农村实用人才培训")
	add(2, 0, 1, 2, "主管部门")
	add(2, 2, 1, 2, "某某县农业农村局")
	add(2, 4, 1, 1, "实施单位")
	add(2, 5, 1, 3, "某某县农业技术推广中心")
	add(3, 0, 1, 2, "项目资金（万元）")
	row(3, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")
	add(4, 0, 1, 2, "年度资金总额")
	row(4, "120", "125.5", "118.37", "10", "94.32%", "9.43")
	add(5, 0, 1, 2, "其中：当年财政拨款")
	row(5, "120", "125.5", "118.37", "—", "94.32%", "—")
	add(6, 0, 1, 2, "上年结转资金")
	row(6, "0", "0", "0", "—", "—", "—")
	add(7, 0, 1, 2, "其他资金")
	row(7, "0", "0", "0", "—", "—", "—")
	add(8, 0, 2, 2, "年度总体目标")
	add(8, 2, 1, 3, "预期目标")
	add(8, 5, 1, 3, "实际完成情况")
	add(9, 2, 1, 3, "培训农村实用人才500人次，提升种养技能。")
	add(9, 5, 1, 3, "全年培训520人次，学员考核合格率97%。")
	for c, s := range []string{"一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"} {
		add(10, c, 1, 1, s)
	}
	add(11, 0, 2, 1, "产出指标（50分）")
	add(11, 1, 1, 1, "数量指标")
	row(11, "培训人次", "≥500人次", "520人次", "20", "20", "")
	add(12, 1, 1, 1, "质量指标")
	row(12, "考核合格率", "≥95%", "97%", "30", "30", "")
	add(13, 0, 1, 1, "满意度指标")
	add(13, 1, 1, 1, "服务对象满意度指标")
	row(13, "学员满意度", "≥90%", "93%", "10", "10", "")
	add(14, 0, 1, 5, "总分")
	add(14, 5, 1, 1, "100")
	add(14, 6, 1, 2, "98.43")
	return tb
}

func TestBlocksSelfEvaluationForm(t *testing.T) {
	tb := selfEvaluationForm()
	rt := Read(tb, 0, "")
	// The table as v_tables shows it: its main block is the funds block.
	if rt.Caption != "项目支出绩效自评表（2022年度）" || rt.Kind != KindFunds || rt.HeaderRow != 3 {
		t.Fatalf("Read = caption %q kind %q header row %d", rt.Caption, rt.Kind, rt.HeaderRow)
	}
	want := []model.TableBlock{
		{Kind: KindTitle, FirstRow: 0, HeaderRow: -1, EndRow: 1},
		{Kind: KindCover, FirstRow: 1, HeaderRow: -1, EndRow: 3},
		{Kind: KindFunds, FirstRow: 3, HeaderRow: 3, EndRow: 8},
		{Kind: KindGoals, FirstRow: 8, HeaderRow: 8, EndRow: 10},
		{Kind: KindIndicators, FirstRow: 10, HeaderRow: 10, EndRow: 15},
	}
	if len(rt.Blocks) != len(want) {
		t.Fatalf("blocks %+v, want %d", rt.Blocks, len(want))
	}
	for i, b := range rt.Blocks {
		w := want[i]
		if b.Kind != w.Kind || b.FirstRow != w.FirstRow || b.HeaderRow != w.HeaderRow || b.EndRow != w.EndRow {
			t.Errorf("block %d = %s rows %d-%d header %d, want %s rows %d-%d header %d",
				i, b.Kind, b.FirstRow, b.EndRow, b.HeaderRow, w.Kind, w.FirstRow, w.EndRow, w.HeaderRow)
		}
	}
	if h := rt.Blocks[4].Header; len(h) != 8 || h[2] != "三级指标" || h[7] != "偏差原因分析及改进措施" {
		t.Errorf("indicator header %q", h)
	}

	// Only the funds block has a reader: the year's total (the adjusted
	// budget 125.5万 against 118.37万 spent), not its breakdown.
	var r model.Report
	NewReader(DefaultKinds()...).ReadBlocks(tb, rt, &r)
	if len(r.Funds) != 1 || len(r.Evaluators) != 0 {
		t.Fatalf("funds %+v, evaluators %+v", r.Funds, r.Evaluators)
	}
	if f := r.Funds[0]; f.Item != "年度资金总额" || f.Row != 4 || *f.Budget != "1255000" || *f.Actual != "1183700" || *f.Rate != 94.32 {
		t.Errorf("fund %+v", f)
	}
}

// TestBlocksCover: a cover table as the structure tells it is one block
// of key | value rows under its title row.
func TestBlocksCover(t *testing.T) {
	rt := AsCover(Read(selfEvaluationForm(), 0, ""))
	if rt.HeaderRow != -1 || rt.Header != nil || rt.Kind != "" || len(rt.Blocks) != 2 {
		t.Fatalf("AsCover = %+v", rt)
	}
	if b := rt.Blocks[1]; b.Kind != KindCover || b.FirstRow != 1 || b.EndRow != 15 {
		t.Errorf("cover block %+v", b)
	}
}

// TestKindRegistry: block kinds are found through the list a Reader is
// given, in its order, not a closed list.
func TestKindRegistry(t *testing.T) {
	tb := selfEvaluationForm()
	for _, tt := range []struct {
		kinds []Detector
		want  string
	}{
		// The first kind that claims a header names its block.
		{[]Detector{fundsReader{}, scoreKind{}, indicatorsReader{}}, "title cover funds - score"},
		{[]Detector{fundsReader{}, indicatorsReader{}, scoreKind{}}, "title cover funds - indicators"},
		// Without the funds reader the funds rows are a block of no kind
		// under the cover rows, and the indicators, which have a reader,
		// are the table's main block.
		{[]Detector{evaluatorsReader{}, indicatorsReader{}}, "title cover - - indicators"},
	} {
		rd := NewReader(tt.kinds...)
		rt := rd.Read(tb, 0, "")
		var kinds []string
		for _, b := range rt.Blocks {
			kinds = append(kinds, cmp.Or(b.Kind, "-"))
		}
		if got := strings.Join(kinds, " "); got != tt.want {
			t.Errorf("kinds %q, want %q", got, tt.want)
		}
		var r model.Report
		rd.ReadBlocks(tb, rt, &r)
		if funds := strings.HasPrefix(tt.want, "title cover funds"); funds != (len(r.Funds) == 1) {
			t.Errorf("%s: funds %+v", tt.want, r.Funds)
		}
	}
}

// scoreKind claims headers with a 分值 column.
type scoreKind struct{}

func (scoreKind) Kind() string                { return "score" }
func (scoreKind) Detect(header []string) bool { return columns(header, []string{"分值"}, nil) >= 0 }

// TestFundsMainBlock: of two funds blocks in one table, the main one
// counts; the second (here the same rows again) would count them twice.
func TestFundsMainBlock(t *testing.T) {
	doc := doctest.Parse("t", `| 项目名称 | 预算数（万元） | 执行数（万元） |
| 道路保洁 | 100 | 90 |
| 项目名称 | 预算数（万元） | 执行数（万元） |
| 道路保洁 | 100 | 90 |`)
	tb := &doc.Tables[0]
	rt := Read(tb, 0, "")
	if len(rt.Blocks) != 2 || rt.Blocks[0].EndRow != 2 || rt.Blocks[1].Kind != KindFunds || rt.Blocks[1].FirstRow != 2 {
		t.Fatalf("blocks %+v", rt.Blocks)
	}
	var r model.Report
	NewReader(DefaultKinds()...).ReadBlocks(tb, rt, &r)
	if len(r.Funds) != 1 || r.Funds[0].Row != 1 {
		t.Errorf("funds %+v, want the main block's row 1 only", r.Funds)
	}
}

// TestFundsUnitLabel: a form's funds block whose first header cell is its
// label with the unit (年度预算数（万元）) reads its items from that
// column; a table of amounts with no item column stays unread.
func TestFundsUnitLabel(t *testing.T) {
	doc := doctest.Parse("t", `| 资金投入情况（万元） | 全年预算数（A） | 全年执行数（B） | 执行率（B/A） |
| 年度资金总额 | 2,860 | 2,745.6 | 96.00% |
| 其中：中央补助 | 2,000 | 1,920 | 96.00% |
| 地方资金 | 860 | 825.6 | 96.00% |`)
	tb := &doc.Tables[0]
	fs := Funds(tb, Read(tb, 0, ""))
	if len(fs) != 1 || fs[0].Item != "年度资金总额" || *fs[0].Budget != "28600000" || *fs[0].Actual != "27456000" || *fs[0].RateStated != 96 {
		t.Errorf("Funds = %+v", fs)
	}
	doc = doctest.Parse("t", `| 预算数（万元） | 执行数（万元） | 执行率 |
| 120 | 118 | 98.33% |`)
	tb = &doc.Tables[0]
	if rt := Read(tb, 0, ""); rt.Kind == KindFunds {
		t.Errorf("a row of amounts read as funds: %+v", Funds(tb, rt))
	}
}

// TestIndicatorRowsNoWeights: rows of indicators without weights or
// scores, their levels' names (产出指标, 时效指标) the only labels beside
// words, stay in the indicator block rather than heading blocks of their
// own.
func TestIndicatorRowsNoWeights(t *testing.T) {
	doc := doctest.Parse("t", `| 一级指标 | 二级指标 | 三级指标 | 指标值 | 全年实际完成值 |
| 产出指标 | 数量指标 | 补贴农机具数量 | ≥1200台 | 1280台 |
|  | 时效指标 | 补贴资金兑付时间 | ≤6个月 | 7个月 |
| 效益指标 | 经济效益指标 | 带动农民增收 | 有效提升 | 有效提升 |`)
	tb := &doc.Tables[0]
	rt := Read(tb, 0, "")
	if len(rt.Blocks) != 1 || rt.Blocks[0].Kind != KindIndicators || rt.Blocks[0].EndRow != 4 {
		t.Errorf("blocks %+v", rt.Blocks)
	}
}

// TestFundsWrappedLabel: a form's funds label copied as text wraps its
// unit onto the next line ("项目资金" over "（万元）"), which leaves the
// header a cell short of its rows: the labels move right by one, and the
// note gives the unit.
func TestFundsWrappedLabel(t *testing.T) {
	doc := doctest.Parse("t", `| 项目资金 | 年初预算数 | 全年预算数 | 全年执行数 | 执行率 |  |
| （万元） | 年度资金总额 | 2400 | 2400 | 2,376.5 | 99.02% |
|  | 其中：当年财政拨款 | 2400 | 2400 | 2,376.5 | — |
|  | 其他资金 | 0 | 0 | 0 | — |`)
	tb := &doc.Tables[0]
	fs := Funds(tb, Read(tb, 0, ""))
	if len(fs) != 1 || fs[0].Item != "年度资金总额" || *fs[0].Budget != "24000000" || *fs[0].Actual != "23765000" || *fs[0].RateStated != 99.02 {
		t.Errorf("Funds = %+v", fs)
	}
}

// TestFundsTotalColon: a total row labelled with a colon (年度资金总额：)
// is the total, its breakdown under it counted once.
func TestFundsTotalColon(t *testing.T) {
	doc := doctest.Parse("t", `| 资金投入情况（万元） |  | 全年预算数（A） | 全年执行数（B） | 执行率（B/A） |
|  | 年度资金总额： | 2,860 | 2,791.45 | 97.60% |
|  | 其中：中央财政资金 | 2,000 | 1,980.20 | 99.01% |
|  | 地方资金 | 860 | 811.25 | 94.33% |`)
	tb := &doc.Tables[0]
	fs := Funds(tb, Read(tb, 0, ""))
	if len(fs) != 1 || *fs[0].Budget != "28600000" || *fs[0].Actual != "27914500" {
		t.Errorf("Funds = %+v", fs)
	}
}

// TestBudgetScoreItemColumn: a form's funds block whose items stand in
// the column after the merged label (项目资金（万元） | (empty) | 年初预算数 …)
// gives the budget's weight and score from its total row.
func TestBudgetScoreItemColumn(t *testing.T) {
	doc := doctest.Parse("t", `| 项目资金（万元） |  | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |
|  | 年度资金总额 | 85 | 92.4 | 90.15 | 10 | 97.56% | 9.8 |
|  | 其中：当年财政拨款 | 85 | 92.4 | 90.15 | — | — | — |`)
	tb := &doc.Tables[0]
	var r model.Report
	NewReader(DefaultKinds()...).ReadBlocks(tb, Read(tb, 0, ""), &r)
	if len(r.Scores) != 1 || r.Scores[0].Dimension != DimensionBudget || r.Scores[0].Weight != "10" || r.Scores[0].Score != "9.8" {
		t.Errorf("Scores = %+v", r.Scores)
	}
}
