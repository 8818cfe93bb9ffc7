package tables

import (
	"fmt"
	"strings"
	"testing"

	"github.com/govreports/govreports/extract/internal/doctest"
	"github.com/govreports/govreports/ingest/model"
)

func readIndicators(t *testing.T, src string) model.Report {
	t.Helper()
	doc := doctest.Parse("t", src)
	tb := &doc.Tables[0]
	rt := Read(tb, 0, "")
	var r model.Report
	NewReader(DefaultKinds()...).ReadBlocks(tb, rt, &r)
	return r
}

// TestIndicatorTargets: targets and actuals as forms write them, each read
// into value, unit and operator, and met judged where both are numbers in
// one unit.
func TestIndicatorTargets(t *testing.T) {
	r := readIndicators(t, `| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |
| 产出指标 | 数量指标 | 新建村道 | ≥50个 | 52个 | 10 | 10 |  |
| 产出指标 | 成本指标 | 工程造价 | ≤90万元 | 95万元 | 10 | 7 | 材料涨价 |
| 产出指标 | 质量指标 | 验收合格率 | ＝100% | 100% | 10 | 10 |  |
| 产出指标 | 质量指标 | 达标率 | 95%以上 | 94.5% | 10 | 9 |  |
| 产出指标 | 时效指标 | 完工时间 | 2022年12月底前 | 2022年11月 | 10 | 10 |  |
| 产出指标 | 成本指标 | 单位成本 | 300元/米 | 280元/米 | 10 | 10 |  |
| 产出指标 | 成本指标 | 管护费用 | 20万元 | 18万元 | 10 | 10 |  |
| 效益指标 | 社会效益指标 | 出行条件 | 效果明显 | 达成预期指标 | 20 | 20 |  |
| 效益指标 | 经济效益指标 | 带动就业 | ≥30人 | 64.864.864.8100% | 9.59.5 | 10分 |  |
| 满意度指标 | 服务对象满意度指标 | 群众满意度 | 不低于90% | 96 | 10% | 9.5 |  |
| 总分 | 100 | 95.5 |
| 填报人：王芳 | 联系电话：0791-88888888 |`)
	want := []string{
		"新建村道: ≥ 50 个 | 52 个 | 10 10 | met 1",
		"工程造价: ≤ 900000 元 | 950000 元 | 10 7 | met 0",
		"验收合格率: = 100 % | 100 % | 10 10 | met 1",
		"达标率: ≥ 95 % | 94.5 % | 10 9 | met 0",
		"完工时间: - - - | - - | 10 10 | met -",
		"单位成本: - 300 元/m | 280 元/m | 10 10 | met 1", // units in their canonical spelling (米 → m)
		// No operator under 成本: a ceiling.
		"管护费用: - 200000 元 | 180000 元 | 10 10 | met 1",
		"出行条件: - - - | - - | 20 20 | met -",
		// Digits run together: nothing read.
		"带动就业: ≥ 30 人 | - - | - 10 | met -",
		// A bare actual takes the target's unit.
		"群众满意度: ≥ 90 % | 96 % | 10 9.5 | met 1",
	}
	var got []string
	for _, in := range r.Indicators {
		met := "-"
		if in.Met != nil {
			met = map[bool]string{true: "1", false: "0"}[*in.Met]
		}
		got = append(got, fmt.Sprintf("%s: %s %s %s | %s %s | %s %s | met %s", in.Level3, dash(in.TargetOp), dash(in.TargetValue), dash(in.TargetUnit),
			dash(in.ActualValue), dash(in.ActualUnit), dash(in.Weight), dash(in.Score), met))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
	if in := r.Indicators[1]; in.Deviation != "材料涨价" || in.TargetRaw != "≤90万元" || in.ActualRaw != "95万元" || in.Row != 2 || in.TableNo != 1 {
		t.Errorf("工程造价 %+v", in)
	}
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// TestScoreColumn: the score is not a rate of it nor its rules.
func TestScoreColumn(t *testing.T) {
	r := readIndicators(t, `| 评价指标 | 分值 | 评分标准 | 得分率 | 得分 |
| 决策 | 15 | 按标准评分 | 90% | 13.5 |
| 合计 | 15 |  |  | 13.5 |`)
	if len(r.Scores) != 1 || r.Scores[0].Dimension != "决策" || r.Scores[0].Weight != "15" || r.Scores[0].Score != "13.5" {
		t.Errorf("scores %+v", r.Scores)
	}
}

// TestEvaluationIndicators: an evaluation report's indicator table scores
// each indicator against rules, not targets; its dimensions carry their
// weights in their labels.
func TestEvaluationIndicators(t *testing.T) {
	r := readIndicators(t, `| 一级指标 | 二级指标 | 三级指标 | 指标解释 | 评分标准 | 分值 | 得分 | 扣分原因 |
| 决策（15分） | 项目立项 | 立项依据充分性 | 是否符合政策 | 符合得满分 | 5 | 5 |  |
|  | 绩效目标 | 目标明确性 | 目标是否细化 | 细化得满分 | 10 | 8 | 目标未量化 |
| 过程（25分） | 资金管理 | 资金到位率 | 到位数/预算数 | 100%得满分 | 25 | 25 |  |
| 合计 |  |  |  |  | 40 | 38 |  |`)
	var got []string
	for _, in := range r.Indicators {
		got = append(got, fmt.Sprintf("%s/%s/%s %s %s %s [%s]", in.Level1, in.Level2, in.Level3, in.Weight, in.Score, dash(in.TargetRaw), in.Deviation))
	}
	want := []string{
		"决策/项目立项/立项依据充分性 5 5 - []",
		"决策/绩效目标/目标明确性 10 8 - [目标未量化]",
		"过程/资金管理/资金到位率 25 25 - []",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
	if len(r.Scores) != 2 || r.Scores[0] != (model.DimensionScore{Dimension: "决策", Weight: "15", TableNo: 1, Row: 1}) || r.Scores[1].Dimension != "过程" || r.Scores[1].Weight != "25" {
		t.Errorf("scores %+v", r.Scores)
	}
}

// TestLevelWeight: the weight a level's label states is cut off it.
func TestLevelWeight(t *testing.T) {
	for _, c := range []struct{ in, name, weight string }{
		{"产出指标（50分）", "产出指标", "50"},
		{"效益指标(权重30%)", "效益指标", "30"},
		{"满意度指标（10）", "满意度指标", "10"},
		{"决策（15.5分）", "决策", "15.5"},
		{"数量指标", "数量指标", ""},
		{"产出指标（含质量）", "产出指标（含质量）", ""},
	} {
		if name, w := levelWeight(c.in); name != c.name || w != c.weight {
			t.Errorf("levelWeight(%q) = %q, %q; want %q, %q", c.in, name, w, c.name, c.weight)
		}
	}
}

// TestScoresDetect: a scoring table is told from an indicator table and
// from a funds table.
func TestScoresDetect(t *testing.T) {
	rd := NewReader(DefaultKinds()...)
	for _, c := range []struct {
		header []string
		kind   string
	}{
		{[]string{"一级指标", "分值", "得分"}, KindScores},
		{[]string{"评价维度", "权重", "评价得分"}, KindScores},
		{[]string{"一级指标", "二级指标", "三级指标", "分值", "得分"}, KindIndicators},
		{[]string{"一级指标", "二级指标", "指标值", "完成值"}, KindIndicators},
		{[]string{"项目", "预算数", "执行数", "得分"}, KindFunds},
		{[]string{"评价指标", "分值", "评分标准", "得分率"}, ""},
	} {
		if got := rd.kind(c.header, true); got != c.kind {
			t.Errorf("%q: kind %q, want %q", c.header, got, c.kind)
		}
	}
}
