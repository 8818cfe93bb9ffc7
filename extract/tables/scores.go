package tables

import (
	"strings"

	"github.com/govreports/govreports/extract/grammar"
	"github.com/govreports/govreports/extract/internal/textnorm"
	"github.com/govreports/govreports/ingest/model"
)

// KindScores is an evaluation's scoring table: the dimensions (决策, 过程,
// 产出, 效益) with their weights and the scores they were given.
const KindScores = "scores"

// dimensionCols head the column of an evaluation's dimensions.
var dimensionCols = []string{"一级指标", "评价维度", "维度", "评价指标", "指标类别", "评价内容", "指标", "项目"}

// scoresReader reads scoring blocks: one Score per dimension row.
type scoresReader struct{}

func (scoresReader) Kind() string { return KindScores }

// Detect: dimensions, weights and scores, and nothing of an indicator
// table's finer levels or targets.
func (scoresReader) Detect(header []string) bool {
	return columns(header, dimensionCols, nil) >= 0 && columns(header, weightCols, nil) >= 0 && scoreColumn(header, nil) >= 0 &&
		columns(header, []string{"二级指标", "三级指标", "指标值", "完成值"}, nil) < 0
}

func (scoresReader) Read(t *model.Table, rt model.ReportTable, b model.TableBlock, r *model.Report) {
	rt = blockView(rt, b)
	taken := make(map[int]bool)
	weight := columns(rt.Header, weightCols, taken)
	taken[weight] = true
	score := scoreColumn(rt.Header, taken)
	taken[score] = true
	dim := columns(rt.Header, dimensionCols, taken)
	for row := rt.HeaderRow + 1; row < b.EndRow; row++ {
		d := cellText(t, row, dim)
		if d == "" || isTotal(d) || notIndicatorRow(d) {
			continue // the total is the report's score, not a dimension's
		}
		if m, ok := grammar.ParseMarker(d); ok {
			d = strings.TrimSpace(d[m.Len:])
		}
		d, w := levelWeight(textnorm.Label(d))
		s := model.DimensionScore{Dimension: d, Weight: points(cellText(t, row, weight)), Score: points(cellText(t, row, score)), TableNo: rt.TableNo, Row: row}
		if s.Weight == "" {
			s.Weight = w
		}
		if s.Weight == "" && s.Score == "" {
			continue
		}
		r.Scores = append(r.Scores, s)
	}
}

// DimensionBudget is the dimension a form's funds block scores: the
// execution of the budget (预算执行率, 10 points in the national form).
const DimensionBudget = "预算执行率"

// budgetScoreReader reads the weight (分值) and score (得分) of a form's
// funds block, from its total row, as the Score of DimensionBudget. It
// names no block itself: the funds reader does.
type budgetScoreReader struct{}

func (budgetScoreReader) Kind() string         { return KindFunds }
func (budgetScoreReader) Detect([]string) bool { return false }

func (budgetScoreReader) Read(t *model.Table, rt model.ReportTable, b model.TableBlock, r *model.Report) {
	if rt.Kind != KindFunds || b.HeaderRow != rt.HeaderRow {
		return // the main block only, as the funds
	}
	rt = blockView(rt, b)
	taken := make(map[int]bool)
	weight := columns(rt.Header, weightCols, taken)
	taken[weight] = true
	score := scoreColumn(rt.Header, taken)
	if weight < 0 || score < 0 {
		return
	}
	name := nameColumn(rt.Header, taken)
	for row := rt.HeaderRow + 1; row < b.EndRow; row++ {
		// The item as the funds read it: under a label merged down the
		// first column (项目资金（万元）), the text after it.
		if !isTotal(cellText(t, row, 0)) && (name < 0 || !isTotal(itemText(t, row, name, weight))) {
			continue
		}
		s := model.DimensionScore{Dimension: DimensionBudget, Weight: points(cellText(t, row, weight)), Score: points(cellText(t, row, score)), TableNo: rt.TableNo, Row: row}
		if s.Weight != "" || s.Score != "" {
			r.Scores = append(r.Scores, s)
		}
		return
	}
}
