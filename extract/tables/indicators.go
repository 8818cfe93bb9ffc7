package tables

import (
	"math/big"
	"regexp"
	"strings"
	"unicode"

	"github.com/govreports/govreports/extract/figures"
	"github.com/govreports/govreports/extract/grammar"
	"github.com/govreports/govreports/extract/internal/textnorm"
	"github.com/govreports/govreports/ingest/model"
)

// KindIndicators is a block of performance indicators (绩效指标): 一级指标 |
// 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 ….
const KindIndicators = "indicators"

// Column vocabularies of indicator tables, in the national form's words
// and its variants' (指标性质 | 指标值 | 度量单位, 权重, 完成值, 未完成原因).
var (
	level1Cols    = []string{"一级指标"}
	level2Cols    = []string{"二级指标"}
	level3Cols    = []string{"三级指标", "指标名称", "指标内容", "具体指标"}
	targetCols    = []string{"年度指标值", "年度目标值", "预期指标值", "预期值", "指标值", "目标值", "计划值"}
	opCols        = []string{"指标性质"}
	measureCols   = []string{"度量单位", "计量单位"}
	achievedCols  = []string{"实际完成值", "全年实际值", "实际完成", "完成值", "实际值", "完成情况"}
	weightCols    = []string{"分值", "权重", "标准分", "满分"}
	scoreCols     = []string{"得分", "评分"}
	deviationCols = []string{"偏差原因", "未完成原因", "扣分原因", "原因分析", "改进措施", "扣分", "备注"}
)

// levelName is the name of an indicator's first or second level, a weight
// possibly after it: 产出指标（50分）, 社会效益指标, 服务对象满意度指标.
var levelName = regexp.MustCompile(`^(产出|效益|满意度|数量|质量|时效|成本|经济效益|社会效益|生态效益|生态环境效益|可持续影响|服务对象满意度|经济成本|社会成本|生态环境成本)指标$`)

func isLevelName(s string) bool {
	name, _ := levelWeight(textnorm.Squash(textnorm.Simplify(s)))
	return levelName.MatchString(name)
}

// notIndicators are words of the rows under an indicator block that are
// no indicators: the total, the grade, the signature lines.
var notIndicators = []string{"总分", "合计", "总计", "自评得分", "自评等级", "评价等级", "绩效等级", "评价结论", "负责人", "填报", "联系电话", "一级指标", "三级指标"}

// indicatorsReader reads indicator blocks: one Indicator per row.
type indicatorsReader struct{}

func (indicatorsReader) Kind() string { return KindIndicators }

// Detect: the indicator's own column (三级指标), or a level column with a
// column of targets or of what was achieved.
func (indicatorsReader) Detect(header []string) bool {
	return columns(header, level3Cols, nil) >= 0 ||
		columns(header, []string{"一级指标", "二级指标", "绩效指标"}, nil) >= 0 && (columns(header, targetCols, nil) >= 0 || columns(header, achievedCols, nil) >= 0)
}

func (indicatorsReader) Read(t *model.Table, rt model.ReportTable, b model.TableBlock, r *model.Report) {
	ins, scores := blockIndicators(t, rt, b)
	r.Indicators = append(r.Indicators, ins...)
	r.Scores = append(r.Scores, scores...)
}

// indicatorCols are the columns of an indicator block, -1 when absent.
type indicatorCols struct {
	level1, level2, level3, op, target, measure, actual, weight, score, deviation int
}

func indicatorColumns(header []string) indicatorCols {
	taken := make(map[int]bool)
	pick := func(words []string) int {
		c := columns(header, words, taken)
		if c >= 0 {
			taken[c] = true
		}
		return c
	}
	var c indicatorCols
	c.level1, c.level2, c.level3 = pick(level1Cols), pick(level2Cols), pick(level3Cols)
	c.op, c.target, c.measure = pick(opCols), pick(targetCols), pick(measureCols)
	c.actual, c.weight = pick(achievedCols), pick(weightCols)
	if c.score = scoreColumn(header, taken); c.score >= 0 {
		taken[c.score] = true
	}
	c.deviation = pick(deviationCols)
	return c
}

// blockIndicators reads one Indicator per row of indicator block b, and
// the weights the first-level labels state (产出指标（50分）) as Scores.
// The first two levels stand merged over their rows in a Word table and
// written once in text: an empty level cell is the level above.
func blockIndicators(t *model.Table, rt model.ReportTable, b model.TableBlock) ([]model.Indicator, []model.DimensionScore) {
	rt = blockView(rt, b)
	c := indicatorColumns(rt.Header)
	if c.level3 < 0 && c.target < 0 {
		return nil, nil
	}
	var (
		out          []model.Indicator
		scores       []model.DimensionScore
		last1, last2 string
		weighed      = make(map[string]bool)
	)
	for r := rt.HeaderRow + 1; r < b.EndRow; r++ {
		l1, l2, l3 := cellText(t, r, c.level1), cellText(t, r, c.level2), cellText(t, r, c.level3)
		if notIndicatorRow(l1, l2, l3, cellText(t, r, 0)) {
			continue
		}
		if l1 != "" {
			if l1 != last1 {
				last2 = ""
			}
			last1 = l1
		}
		if l2 != "" {
			last2 = l2
		}
		in := model.Indicator{Level3: l3, Deviation: cellText(t, r, c.deviation), TableNo: rt.TableNo, Row: r}
		name, w := levelWeight(last1)
		in.Level1 = name
		in.Level2, _ = levelWeight(last2)
		measure := filled(cellText(t, r, c.measure))
		readTarget(&in, filled(cellText(t, r, c.op)), filled(cellText(t, r, c.target)), measure)
		readActual(&in, filled(cellText(t, r, c.actual)), measure)
		in.Weight = points(cellText(t, r, c.weight))
		in.Score = points(cellText(t, r, c.score))
		if in.Level3 == "" && in.TargetRaw == "" && in.ActualRaw == "" {
			continue
		}
		in.Met = met(in)
		out = append(out, in)
		if w != "" && !weighed[name] {
			weighed[name] = true
			scores = append(scores, model.DimensionScore{Dimension: name, Weight: w, TableNo: rt.TableNo, Row: r})
		}
	}
	return out, scores
}

func notIndicatorRow(cells ...string) bool {
	for _, s := range cells {
		s = textnorm.Squash(textnorm.Simplify(s))
		for _, w := range notIndicators {
			if strings.Contains(s, w) {
				return true
			}
		}
	}
	return false
}

// weightNote is a weight written in a level's label: 产出指标（50分）,
// 效益指标(权重30%), 满意度指标（10）.
var weightNote = regexp.MustCompile(`[（(]\s*(?:权重|分值)?[：:]?\s*([0-9]+(?:\.[0-9]+)?)\s*(?:分|%|％)?\s*[）)]$`)

// levelWeight cuts the weight off a level's label.
func levelWeight(label string) (name, weight string) {
	m := weightNote.FindStringSubmatchIndex(label)
	if m == nil {
		return label, ""
	}
	return strings.TrimSpace(label[:m[0]]), label[m[2]:m[3]]
}

// readTarget reads a target, from one cell ("≥95%") or from a form's three
// (指标性质 "≥" | 指标值 "95" | 度量单位 "%").
func readTarget(in *model.Indicator, op, value, measure string) {
	if _, rest, ok := grammar.Comparison(op); !ok || rest != "" {
		op = "" // 定性, 正向: no operator
	}
	if value == "" {
		return
	}
	in.TargetRaw = op + value
	if measure != "" && !strings.HasSuffix(value, measure) {
		in.TargetRaw += measure
	}
	o, rest, _ := grammar.Comparison(in.TargetRaw)
	in.TargetOp = o
	in.TargetValue, in.TargetUnit = single(rest)
	if in.TargetValue == "" {
		in.TargetOp = "" // a qualitative target: 效果明显, 逐步提高
	}
}

// readActual reads what was achieved. A bare number takes the unit the
// target states (度量单位, or ≥95% over 98), which a form writes once.
func readActual(in *model.Indicator, value, measure string) {
	in.ActualRaw = value
	_, rest, _ := grammar.Comparison(value)
	in.ActualValue, in.ActualUnit = single(rest)
	if in.ActualValue == "" || in.ActualUnit != "" {
		return
	}
	unit := measure
	if unit == "" && in.TargetValue != "" {
		_, tr, _ := grammar.Comparison(in.TargetRaw)
		unit = strings.TrimSpace(tr[strings.LastIndexFunc(tr, unicode.IsDigit)+1:])
	}
	if unit != "" {
		if v, u := single(rest + unit); v != "" {
			in.ActualValue, in.ActualUnit = v, u
		}
	}
}

// single reads the one figure s states, with its unit (元 for money). It
// reads nothing when s holds other digits besides: figures run together
// ("64.864.864.8100%") are read as nothing rather than as a wrong number.
func single(s string) (value, unit string) {
	figs, _ := figures.Find(s, figures.Context{})
	if len(figs) != 1 || figs[0].Flag != "" || figs[0].High != "" || figs[0].Value == "" {
		return "", ""
	}
	if digits(s) != digits(figs[0].Raw) {
		return "", ""
	}
	return figs[0].Value, figs[0].Unit
}

func digits(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsDigit(r) {
			n++
		}
	}
	return n
}

// points reads a weight or a score: a number, possibly with 分 or %.
func points(s string) string {
	v, u := single(s)
	if u != "" && u != "分" && u != "%" {
		return ""
	}
	return v
}

// met tells whether the actual meets the target, where both are numbers
// in one unit. A target that states no operator is a floor, as most are
// (100%, 50个), but a cost (成本指标) is a ceiling.
func met(in model.Indicator) *bool {
	if in.TargetValue == "" || in.ActualValue == "" || in.TargetUnit != in.ActualUnit {
		return nil
	}
	op := in.TargetOp
	if op == "" {
		op = grammar.OpAtLeast
		if strings.Contains(in.Level1+in.Level2, "成本") {
			op = grammar.OpAtMost
		}
	}
	target, ok1 := ratOf(in.TargetValue)
	actual, ok2 := ratOf(in.ActualValue)
	if !ok1 || !ok2 {
		return nil
	}
	m, ok := grammar.Meets(op, target, actual)
	if !ok {
		return nil
	}
	return &m
}

func ratOf(s string) (*big.Rat, bool) { return new(big.Rat).SetString(s) }

// filled is a cell's text, or "" for the dashes and slashes a form puts in
// a cell that has nothing to say (a qualitative target's 度量单位).
func filled(s string) string {
	if strings.Trim(s, "/／-—－―") == "" {
		return ""
	}
	return s
}

// notScores are header words of columns near the scores that hold none:
// a rate (得分率), the rules of scoring (评分标准, 评分依据).
var notScores = []string{"率", "标准", "依据", "方法", "说明"}

// scoreColumn is the column of scores, of the columns not taken.
func scoreColumn(header []string, taken map[int]bool) int {
	skip := make(map[int]bool, len(taken)+1)
	for c := range taken {
		skip[c] = true
	}
	for c, h := range header {
		for _, w := range notScores {
			if strings.Contains(h, w) {
				skip[c] = true
			}
		}
	}
	return columns(header, scoreCols, skip)
}
