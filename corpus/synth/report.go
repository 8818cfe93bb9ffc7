package synth

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
)

// Vocabularies the generator draws from. Every name is plain text a real
// report could hold, and every character is in GB18030.
var (
	projectStems = []string{
		"城市管理综合执法", "社区居家养老服务", "农村饮水安全巩固提升", "全民健身设施建设", "文化惠民演出",
		"智慧城市运行维护", "老旧小区改造", "河道综合整治", "食品安全抽检", "职业技能培训",
		"中小学校舍维修", "基本公共卫生服务", "生活垃圾分类推广", "森林防火", "退役军人服务保障",
		"科技创新券", "招商引资", "电子商务进农村", "残疾人康复救助", "网格化管理",
		"“美丽乡村”建设", "“数字政府”平台运维", "“菜篮子”工程", "“河长制”工作",
	}
	projectSuffixes = []string{"专项经费", "工作经费", "补助资金", "项目经费", "运行经费", "专项资金"}
	districts       = []string{"南昌市西湖区", "南昌市东湖区", "南昌市青山湖区", "九江市濂溪区", "赣州市章贡区", "上饶市信州区", "萍乡市安源区", "宜春市袁州区"}
	bureaus         = []string{"现代服务业发展局", "城市管理局", "民政局", "教育体育局", "农业农村局", "文化广电旅游局", "卫生健康委员会", "商务局", "科学技术局", "人力资源和社会保障局"}
	surnames        = []string{"张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"}
	givenNames      = []string{"磊", "凯", "月影", "堃", "慧玲", "建国", "丽", "伟", "静", "晓东", "海燕", "志强", "婷", "俊杰", "秀英", "文博"}
	staffTitles     = []string{"局长", "副局长", "科长", "副科长", "一般干部", "会计师", "高级经济师", "主任"}
	itemSuffixes    = []string{"", "（一期）", "设备购置", "日常运行", "宣传培训"}
)

// report is one generated report: its facts and its blocks.
type report struct {
	facts  Report
	blocks []block
}

// amount formats: the unit is in the cell, in the header, or both.
type moneyStyle int

const (
	wanInCell     moneyStyle = iota // 72.4万
	wanYuanInCell                   // 72.4万元
	yuanInCell                      // 724000元
	yuanGrouped                     // 724,000.00元
	wanInHeader                     // 72.4 under 项目资金安排（万元）
	yuanInHeader                    // 724000 under 预算数（元）
	moneyStyles
)

// newReport builds a report of year. Its project name is not one of used:
// a file holds reports of different projects, and the name repeated after a
// report is how a cover page ends, not how a report starts.
func newReport(r *rand.Rand, bodies []body, year int, withCover bool, used map[string]bool) report {
	name := pick(r, projectStems) + pick(r, projectSuffixes)
	for used[name] {
		name = pick(r, projectStems) + pick(r, projectSuffixes)
	}
	used[name] = true
	unit := pick(r, districts) + pick(r, bureaus)
	month, day := 1+r.IntN(12), 1+r.IntN(28)
	facts := Report{ProjectName: name, Unit: unit, Year: year}

	var bs []block
	if withCover {
		bs = append(bs, cover(r, name, unit, year, month, day)...)
	}
	switch r.IntN(3) {
	case 0:
		bs = append(bs, block{kind: titleBlock, text: fmt.Sprintf("%d年度%s\n项目支出绩效评价报告", year, name)})
	case 1:
		bs = append(bs, block{kind: titleBlock, text: fmt.Sprintf("%d年度%s项目支出绩效评价报告", year, name)})
	default:
		bs = append(bs, block{kind: titleBlock, text: name + "项目支出绩效评价报告"})
	}

	b := bodies[r.IntN(len(bodies))]
	years := strings.NewReplacer("2021", strconv.Itoa(year+1), "2020", strconv.Itoa(year), "2019", strconv.Itoa(year-1))
	for _, blk := range varyBody(r, b.blocks) {
		switch blk.kind {
		case paraBlock:
			blk.text = strings.ReplaceAll(blk.text, b.project, name)
			blk.text = strings.ReplaceAll(blk.text, sampleUnit, unit)
			blk.text = years.Replace(blk.text)
		case tableBlock:
			var budget, actual int64
			blk, budget, actual = fundsTable(r, name)
			facts.BudgetYuan, facts.ActualYuan = budget, actual
		}
		bs = append(bs, blk)
	}
	if r.IntN(2) == 0 {
		bs = append(bs, block{kind: paraBlock, text: fmt.Sprintf("%d年 %02d月%02d日", year, month, day)})
	}
	var people block
	people, facts.Evaluators = evaluatorTable(r, name, unit, year, month, day)
	bs = append(bs, people)
	if r.IntN(2) == 0 {
		bs = append(bs,
			block{kind: paraBlock, text: "注：1.评价小组成员不少于3人，委托第三方机构评价的，可由评价机构组织人员开展评价。"},
			block{kind: paraBlock, text: "2.所有评价人员须亲笔签名，否则评价无效。"})
	}
	if facts.BudgetYuan > 0 {
		facts.Rate = float64(facts.ActualYuan*10000/facts.BudgetYuan) / 100
		// Round half up to two decimals, as the extractor does.
		if rem := facts.ActualYuan * 10000 % facts.BudgetYuan; rem*2 >= facts.BudgetYuan {
			facts.Rate = float64(facts.ActualYuan*10000/facts.BudgetYuan+1) / 100
		}
	}
	return report{facts: facts, blocks: bs}
}

func cover(r *rand.Rand, name, unit string, year, month, day int) []block {
	category := ""
	if r.IntN(2) == 0 {
		category = pick(r, []string{"专项资金", "一般性项目", "部门预算项目"})
	}
	bs := []block{}
	if r.IntN(2) == 0 {
		bs = append(bs, block{kind: paraBlock, text: fmt.Sprintf("附件%d：", 1+r.IntN(9))})
	}
	bs = append(bs,
		block{kind: paraBlock, text: name + "项目支出绩效评价报告"},
		block{kind: blankBlock},
		block{kind: fieldBlock, label: "项目名称：", text: name},
		block{kind: fieldBlock, label: "项目类别：", text: category},
		block{kind: fieldBlock, label: "实施单位：", text: unit},
		block{kind: fieldBlock, label: "主管部门：", text: unit + "（盖章）"},
		block{kind: fieldBlock, label: "评价机构：", text: unit + " （盖章）"},
		block{kind: fieldBlock, label: "评价年度：", text: fmt.Sprintf("%d年", year)},
		block{kind: blankBlock},
		block{kind: paraBlock, text: fmt.Sprintf("%d年 %02d月%02d日", year+r.IntN(2), month, day)},
		block{kind: blankBlock},
	)
	return bs
}

var (
	arabicItem  = regexp.MustCompile(`^(\d+)([.、])`)
	chineseItem = regexp.MustCompile(`^（([一二三四五六七八九十]+)）`)
)

// varyBody shuffles and duplicates the paragraphs of the sections after
// the funds table, so that reports differ in length and order, and numbers
// the typed list items again so they still count 1, 2, 3.
func varyBody(r *rand.Rand, in []block) []block {
	out := make([]block, 0, len(in)+8)
	afterFunds := false
	for i := 0; i < len(in); {
		if in[i].kind == tableBlock {
			afterFunds = true
		}
		if !afterFunds || in[i].kind != paraBlock {
			out = append(out, in[i])
			i++
			continue
		}
		j := i
		for j < len(in) && in[j].kind == paraBlock {
			j++
		}
		paras := append([]block(nil), in[i:j]...)
		if r.IntN(2) == 0 {
			r.Shuffle(len(paras), func(a, b int) { paras[a], paras[b] = paras[b], paras[a] })
		}
		for range r.IntN(3) {
			k := r.IntN(len(paras) + 1)
			paras = append(paras[:k], append([]block{paras[r.IntN(len(paras))]}, paras[k:]...)...)
		}
		renumber(paras)
		out = append(out, paras...)
		i = j
	}
	return out
}

func renumber(paras []block) {
	arabic, chinese := 0, 0
	for i := range paras {
		t := paras[i].text
		if m := arabicItem.FindStringSubmatch(t); m != nil {
			arabic++
			paras[i].text = strconv.Itoa(arabic) + m[2] + t[len(m[0]):]
		} else if m := chineseItem.FindString(t); m != "" {
			chinese++
			paras[i].text = "（" + chineseNumber(chinese) + "）" + t[len(m):]
		}
	}
}

// fundsTable lays out one to three fund rows (and a 合计 row when there are
// several) with amounts in one of the money styles. Amounts are whole
// hundreds of 元, so that 万 needs at most two decimals.
func fundsTable(r *rand.Rand, name string) (block, int64, int64) {
	style := moneyStyle(r.IntN(int(moneyStyles)))
	budgetHead := pick(r, []string{"项目资金安排", "全年预算数", "年初预算数"})
	actualHead := pick(r, []string{"实际投入", "实际支出", "执行数"})
	switch style {
	case wanInHeader:
		budgetHead += "（万元）"
		actualHead += "（万元）"
	case yuanInHeader:
		budgetHead += "（元）"
		actualHead += "（元）"
	}
	t := block{kind: tableBlock, width: 5, rows: [][]string{{"序号", "名称", budgetHead, actualHead, "项目开展情况"}}}
	n := 1 + r.IntN(3)
	var budget, actual int64
	for k := range n {
		b := 100 * (500 + r.Int64N(20000)) // 5万 to 205万
		a := b
		if r.IntN(2) == 0 {
			a = b - 100*r.Int64N(b/100/8) // down to about 87.5%
		}
		budget += b
		actual += a
		item := name
		if n > 1 {
			item = name + itemSuffixes[1+k%(len(itemSuffixes)-1)]
		}
		t.rows = append(t.rows, []string{strconv.Itoa(k + 1), item, money(b, style), money(a, style), ""})
	}
	if n > 1 {
		t.rows = append(t.rows, []string{"", "合计", money(budget, style), money(actual, style), ""})
	}
	return t, budget, actual
}

// money writes yuan (a multiple of 100) in a style.
func money(yuan int64, s moneyStyle) string {
	wan := strconv.FormatInt(yuan/10000, 10)
	if frac := yuan % 10000 / 100; frac != 0 {
		wan += "." + strings.TrimRight(fmt.Sprintf("%02d", frac), "0")
	}
	switch s {
	case wanInCell:
		return wan + "万"
	case wanYuanInCell:
		return wan + "万元"
	case yuanInCell:
		return strconv.FormatInt(yuan, 10) + "元"
	case yuanGrouped:
		return grouped(yuan) + ".00元"
	case wanInHeader:
		return wan
	default:
		return strconv.FormatInt(yuan, 10)
	}
}

func grouped(n int64) string {
	s := strconv.FormatInt(n, 10)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// evaluatorTable is the sample's table of evaluators: a caption row, a
// header, two to four people, empty rows, and the rows to sign.
func evaluatorTable(r *rand.Rand, name, unit string, year, month, day int) (block, []string) {
	t := block{kind: tableBlock, width: 4, merge: r.IntN(2) == 0, rows: [][]string{
		{name + "项目绩效评价人员"},
		{"姓  名", "单  位", "职称/职务", "签  名"},
	}}
	n := 2 + r.IntN(3)
	seen := map[string]bool{}
	var names []string
	for len(names) < n {
		p := pick(r, surnames) + pick(r, givenNames)
		if seen[p] {
			continue
		}
		seen[p] = true
		names = append(names, p)
		t.rows = append(t.rows, []string{p, unit, pick(r, staffTitles), ""})
	}
	for range 7 - n {
		t.rows = append(t.rows, []string{"", "", "", ""})
	}
	t.rows = append(t.rows,
		[]string{"评价组组长\n(签名):", "", fmt.Sprintf(" %d年%02d月%02d日", year+1, month, day)},
		[]string{"中介机构\n（盖章）:", "", "      年    月    日"},
	)
	return t, names
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// chineseNumber writes 1 to 99 the way headings count: 一, 十, 十一, 二十一.
func chineseNumber(n int) string {
	digits := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n < 10:
		return digits[n]
	case n < 20:
		return "十" + digits[n%10]
	default:
		return digits[n/10] + "十" + digits[n%10]
	}
}
