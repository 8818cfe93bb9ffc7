package synth

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
)

// Shape says what the files of a corpus look like.
type Shape int

const (
	// SampleShape: the sample's report bodies re-skinned, ~14 kB a file.
	SampleShape Shape = iota
	// RealShape: files the size of real archives' (5–200 kB of text, ~50 kB
	// on average), whose reports add to the sample's skeleton long runs of
	// generated paragraphs, an indicator table, a scoring table, findings
	// and a conclusion with the score.
	RealShape
)

// ParseShape reads "sample" or "real".
func ParseShape(s string) (Shape, error) {
	switch s {
	case "sample":
		return SampleShape, nil
	case "real":
		return RealShape, nil
	}
	return 0, fmt.Errorf("unknown shape %q (want sample or real)", s)
}

func (s Shape) String() string {
	if s == RealShape {
		return "real"
	}
	return "sample"
}

// Text sizes of a real-shaped file, in bytes of UTF-8: log-normal around
// the median, cut to the range archives show.
const (
	realMedian = 30_000
	realMin    = 5_000
	realMax    = 200_000
)

// fileTextSize draws the text size of a real-shaped file.
func fileTextSize(r *rand.Rand) int {
	n := int(realMedian * math.Exp(0.8*r.NormFloat64()))
	return min(max(n, realMin), realMax)
}

// Sentences a report's paragraphs are assembled from, by what they talk
// about. {p} is the project name, {u} the unit, {y} the year, {n} a count,
// {pct} a percentage, {m} a month; no sentence states a budget, so that the
// funds table stays the only source of the report's amounts.
var (
	sentBackground = []string{
		"{u}是负责本辖区相关工作的职能部门，内设综合科、业务科、财务科等{n}个科室。",
		"为贯彻落实上级决策部署，{u}于{y}年组织实施{p}项目。",
		"项目实施依据相关政策文件和年度工作计划，由单位主要负责人牵头推进。",
		"项目立项经过前期调研、专家论证和集体决策，程序基本规范。",
		"本项目是一项持续性项目，已连续实施{n}年。",
		"项目覆盖辖区{n}个街道（乡镇）、{n}个社区（村）。",
		"项目服务对象主要为辖区居民、企业和相关社会组织。",
		"单位编制内人员{n}人，实有在职人员{n}人，退休人员{n}人。",
	}
	sentProcess = []string{
		"单位成立了项目工作领导小组，明确分管领导和具体责任人，定期召开工作调度会。",
		"项目按照政府采购有关规定确定实施主体，签订合同并按进度拨付款项。",
		"{y}年{m}月，单位完成了项目实施方案的制定和报批工作。",
		"项目执行过程中建立了台账管理制度，做到专账核算、专款专用。",
		"单位制定了项目管理办法和资金管理办法，对支出审批流程作出明确规定。",
		"评价组通过资料审核、现场勘查、问卷调查和座谈访谈等方式开展评价。",
		"评价工作分为前期准备、现场评价、分析评价和撰写报告四个阶段。",
		"本次评价共发放满意度调查问卷{n}份，收回有效问卷{n}份。",
		"评价组查阅了项目申报、审批、合同、验收和支付等有关资料。",
	}
	sentOutput = []string{
		"全年共完成培训{n}人次，组织专题活动{n}场次。",
		"项目完成率达到{pct}%，各项工作按计划有序推进。",
		"全年新增服务网点{n}个，服务覆盖率达到{pct}%。",
		"设施设备验收合格率为{pct}%，质量达到预期标准。",
		"项目于{y}年{m}月全部完工并通过验收，时效性较好。",
		"累计受理群众诉求{n}件，办结率{pct}%。",
		"完成巡查{n}次，发现并整改问题{n}个。",
	}
	sentEffect = []string{
		"项目的实施有效改善了辖区群众的生产生活条件，社会效益明显。",
		"通过项目实施，相关行业发展环境进一步优化，带动就业{n}人。",
		"服务对象满意度调查结果显示，满意率为{pct}%。",
		"项目建立了长效管理机制，可持续影响较好。",
		"辖区生态环境质量持续改善，群众获得感、幸福感不断增强。",
		"项目的实施促进了公共服务均等化，受益群众达{n}人。",
	}
	sentProblem = []string{
		"绩效目标设置不够细化量化，部分指标难以考核。",
		"项目前期论证不够充分，实施内容在执行中有所调整。",
		"资金支付进度偏慢，下半年支出较为集中。",
		"项目档案资料不够完整，部分支出凭证附件不全。",
		"绩效监控工作开展不到位，未能及时发现和纠正执行偏差。",
		"部分设施后期管护责任不明确，存在重建轻管现象。",
	}
	sentAdvice = []string{
		"进一步加强绩效目标管理，科学合理设置绩效指标。",
		"加快项目实施和资金支付进度，提高资金使用效益。",
		"健全项目档案管理制度，确保资料真实完整。",
		"强化绩效运行监控，及时纠偏，确保绩效目标如期实现。",
		"明确后期管护主体和责任，建立长效管护机制。",
		"加强业务培训，提升项目管理人员的绩效意识和业务水平。",
	}
)

// indicator rows of a form's table: level 1, level 2, level 3, target, unit.
var indicatorRows = [][5]string{
	{"产出指标", "数量指标", "培训人次", "≥{n}", "人次"},
	{"产出指标", "数量指标", "服务网点数量", "≥{n}", "个"},
	{"产出指标", "数量指标", "巡查次数", "≥{n}", "次"},
	{"产出指标", "质量指标", "验收合格率", "≥95", "%"},
	{"产出指标", "质量指标", "问题整改率", "=100", "%"},
	{"产出指标", "时效指标", "项目完成及时率", "=100", "%"},
	{"产出指标", "成本指标", "成本控制率", "≤100", "%"},
	{"效益指标", "社会效益指标", "受益群众人数", "≥{n}", "人"},
	{"效益指标", "社会效益指标", "群众知晓率", "≥90", "%"},
	{"效益指标", "生态效益指标", "环境质量改善情况", "逐步改善", ""},
	{"效益指标", "可持续影响指标", "长效管理机制", "健全", ""},
	{"满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90", "%"},
}

// realReport makes a report of the real shape: the sample's skeleton
// (title, sections, funds table, evaluators), grown to size bytes of text
// with generated paragraphs, an indicator table, a scoring table with the
// total score, findings and recommendations.
func realReport(r *rand.Rand, bodies []body, year int, withCover bool, used map[string]bool, size int) report {
	rep := newReport(r, bodies, year, withCover, used)
	name, unit := rep.facts.ProjectName, rep.facts.Unit
	fill := filler(r, name, unit, year)

	// The skeleton ends with the date, the evaluators table and notes; the
	// new sections go before them.
	end := len(rep.blocks)
	for i, b := range rep.blocks {
		if b.kind == headingBlock {
			end = i + 1
		}
	}
	for end < len(rep.blocks) && rep.blocks[end].kind == paraBlock && !dateRE.MatchString(rep.blocks[end].text) {
		end++
	}
	head, tail := rep.blocks[:end:end], rep.blocks[end:]

	para := func(sents []string, k int) block {
		var b strings.Builder
		for range k {
			b.WriteString(fill(pick(r, sents)))
		}
		return block{kind: paraBlock, text: b.String()}
	}
	h := func(level int, text string) block { return block{kind: headingBlock, level: level, text: text} }

	// Runs that grow: each is a slice of blocks after a heading, filled in
	// turn until the report reaches its size.
	type run struct {
		sents  []string
		blocks []block
	}
	runs := []*run{
		{sents: sentBackground}, {sents: sentProcess}, {sents: sentOutput},
		{sents: sentEffect}, {sents: sentOutput}, {sents: sentEffect},
	}
	indicators := indicatorTable(r, fill)
	scores, score, grade := scoreTable(r)
	rep.facts.Score, rep.facts.Grade = score, grade
	problems := 2 + r.IntN(4)
	advice := 2 + r.IntN(4)

	assemble := func() []block {
		bs := append([]block(nil), head...)
		bs = append(bs, h(1, "项目基本情况补充说明"), h(2, "项目背景"))
		bs = append(bs, runs[0].blocks...)
		bs = append(bs, h(2, "项目组织实施情况"))
		bs = append(bs, runs[1].blocks...)
		bs = append(bs, h(1, "绩效指标完成情况"),
			block{kind: paraBlock, text: "项目绩效指标完成情况见下表。"}, indicators,
			h(2, "产出指标完成情况"), h(3, "数量指标"))
		bs = append(bs, runs[2].blocks...)
		bs = append(bs, h(3, "质量和时效指标"))
		bs = append(bs, runs[4].blocks...)
		bs = append(bs, h(2, "效益指标完成情况"))
		bs = append(bs, runs[3].blocks...)
		bs = append(bs, h(2, "满意度指标完成情况"))
		bs = append(bs, runs[5].blocks...)
		bs = append(bs, h(1, "评价得分情况"),
			block{kind: paraBlock, text: "评价组按照决策、过程、产出、效益四个维度进行评分，得分情况如下。"}, scores,
			block{kind: paraBlock, text: fmt.Sprintf("经综合评价，%s项目综合得分为%s分，评价等级为“%s”。", name, score, grade)},
			h(1, "存在的问题"))
		for k := range problems {
			bs = append(bs, block{kind: paraBlock, text: strconv.Itoa(k+1) + "." + fill(pick(r, sentProblem)) + para(sentProcess, 1).text})
		}
		bs = append(bs, h(1, "意见建议"))
		for k := range advice {
			bs = append(bs, block{kind: paraBlock, text: strconv.Itoa(k+1) + "." + fill(pick(r, sentAdvice)) + para(sentEffect, 1).text})
		}
		return append(bs, tail...)
	}
	// One report in a thousand names a technique no other does: a rare word
	// for the benchmarks' search (bench/scale.sh).
	if r.IntN(1000) == 0 {
		runs[1].blocks = append(runs[1].blocks, block{kind: paraBlock, text: "项目试点引入区块链溯源技术，实现全过程留痕。"})
	}
	bs := assemble()
	got := textSize(bs)
	for k := 0; got < size; k++ {
		run := runs[k%len(runs)]
		p := para(run.sents, 2+r.IntN(6))
		run.blocks = append(run.blocks, p)
		got += len(p.text)
	}
	rep.blocks = assemble()
	return rep
}

// textSize is the UTF-8 size of the text of blocks.
func textSize(bs []block) int {
	n := 0
	for _, b := range bs {
		n += len(b.text) + len(b.label)
		for _, row := range b.rows {
			for _, c := range row {
				n += len(c)
			}
		}
	}
	return n
}

// filler returns a function that fills a sentence's placeholders.
func filler(r *rand.Rand, name, unit string, year int) func(string) string {
	return func(s string) string {
		var b strings.Builder
		for {
			i := strings.IndexByte(s, '{')
			if i < 0 {
				b.WriteString(s)
				return b.String()
			}
			j := strings.IndexByte(s[i:], '}') + i
			b.WriteString(s[:i])
			switch s[i+1 : j] {
			case "p":
				b.WriteString(name)
			case "u":
				b.WriteString(unit)
			case "y":
				b.WriteString(strconv.Itoa(year))
			case "m":
				b.WriteString(strconv.Itoa(1 + r.IntN(12)))
			case "n":
				b.WriteString(strconv.Itoa(2 + r.IntN(500)))
			case "pct":
				fmt.Fprintf(&b, "%d.%d", 85+r.IntN(15), r.IntN(10))
			}
			s = s[j+1:]
		}
	}
}

// indicatorTable is the indicator table of a self-evaluation form: the
// first two levels merged down their rows, targets, actual values,
// weights and scores.
func indicatorTable(r *rand.Rand, fill func(string) string) block {
	t := block{kind: tableBlock, width: 8, merge: true, rows: [][]string{
		{"一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"},
	}}
	for _, ir := range indicatorRows {
		if r.IntN(4) == 0 {
			continue
		}
		target := fill(ir[3]) + ir[4]
		actual := target
		if strings.HasPrefix(target, "≥") || strings.HasPrefix(target, "=") || strings.HasPrefix(target, "≤") {
			actual = strings.TrimLeft(target, "≥=≤")
		}
		w := 5 + r.IntN(6)
		s := w - r.IntN(2)
		dev := ""
		if s < w {
			dev = "受客观因素影响，部分工作有所滞后。"
		}
		t.rows = append(t.rows, []string{ir[0], ir[1], ir[2], target, actual, strconv.Itoa(w), strconv.Itoa(s), dev})
	}
	return t
}

// scoreTable is an evaluation's scoring table by dimension, with its
// total; it returns the total and its grade by the 2020 rules.
func scoreTable(r *rand.Rand) (block, string, string) {
	weights := pick(r, [][4]int{{15, 25, 30, 30}, {20, 20, 30, 30}, {10, 20, 40, 30}})
	t := block{kind: tableBlock, width: 3, rows: [][]string{{"评价维度", "分值", "得分"}}}
	total := 0 // tenths of a point
	for k, dim := range []string{"决策", "过程", "产出", "效益"} {
		s := weights[k]*10 - r.IntN(weights[k]*3)
		total += s
		t.rows = append(t.rows, []string{dim, strconv.Itoa(weights[k]), tenths(s)})
	}
	t.rows = append(t.rows, []string{"合计", "100", tenths(total)})
	grade := "差"
	switch {
	case total >= 900:
		grade = "优"
	case total >= 800:
		grade = "良"
	case total >= 600:
		grade = "中"
	}
	return t, tenths(total), grade
}

func tenths(n int) string {
	if n%10 == 0 {
		return strconv.Itoa(n / 10)
	}
	return fmt.Sprintf("%d.%d", n/10, n%10)
}
