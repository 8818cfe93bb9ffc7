package schema

import "github.com/govreports/govreports/ingest/model"

// indicatorsTable stores a report's performance indicators (v_indicators).
var indicatorsTable = newTable("indicators", "Report.Indicators", func(r *model.Report) []model.Indicator { return r.Indicators },
	col("report_id", "", func(s *scope, _ *model.Indicator) any { return s.reportID() }),
	col("ordinal", "", func(s *scope, _ *model.Indicator) any { return s.n + 1 }),
	col("level1", "Indicator.Level1", func(_ *scope, v *model.Indicator) any { return nullStr(v.Level1) }),
	col("level2", "Indicator.Level2", func(_ *scope, v *model.Indicator) any { return nullStr(v.Level2) }),
	col("level3", "Indicator.Level3", func(_ *scope, v *model.Indicator) any { return nullStr(v.Level3) }),
	col("target_raw", "Indicator.TargetRaw", func(_ *scope, v *model.Indicator) any { return nullStr(v.TargetRaw) }),
	col("target_value", "Indicator.TargetValue", func(_ *scope, v *model.Indicator) any { return decimalValue(v.TargetValue) }),
	col("target_unit", "Indicator.TargetUnit", func(_ *scope, v *model.Indicator) any { return nullStr(v.TargetUnit) }),
	col("target_op", "Indicator.TargetOp", func(_ *scope, v *model.Indicator) any { return nullStr(v.TargetOp) }),
	col("actual_raw", "Indicator.ActualRaw", func(_ *scope, v *model.Indicator) any { return nullStr(v.ActualRaw) }),
	col("actual_value", "Indicator.ActualValue", func(_ *scope, v *model.Indicator) any { return decimalValue(v.ActualValue) }),
	col("actual_unit", "Indicator.ActualUnit", func(_ *scope, v *model.Indicator) any { return nullStr(v.ActualUnit) }),
	col("weight", "Indicator.Weight", func(_ *scope, v *model.Indicator) any { return decimalValue(v.Weight) }),
	col("score", "Indicator.Score", func(_ *scope, v *model.Indicator) any { return decimalValue(v.Score) }),
	col("met", "Indicator.Met", func(_ *scope, v *model.Indicator) any { return nullBool(v.Met) }),
	col("deviation", "Indicator.Deviation", func(_ *scope, v *model.Indicator) any { return nullStr(v.Deviation) }),
	col("table_no", "Indicator.TableNo", func(_ *scope, v *model.Indicator) any { return nullInt(v.TableNo) }),
	col("row", "Indicator.Row", func(_ *scope, v *model.Indicator) any { return tableRow(v.TableNo, v.Row) }),
)

// scoresTable stores the dimensions of a report's scoring table (v_scores).
var scoresTable = newTable("scores", "Report.Scores", func(r *model.Report) []model.DimensionScore { return r.Scores },
	col("report_id", "", func(s *scope, _ *model.DimensionScore) any { return s.reportID() }),
	col("dimension", "DimensionScore.Dimension", func(_ *scope, v *model.DimensionScore) any { return v.Dimension }),
	col("weight", "DimensionScore.Weight", func(_ *scope, v *model.DimensionScore) any { return decimalValue(v.Weight) }),
	col("score", "DimensionScore.Score", func(_ *scope, v *model.DimensionScore) any { return decimalValue(v.Score) }),
	col("table_no", "DimensionScore.TableNo", func(_ *scope, v *model.DimensionScore) any { return nullInt(v.TableNo) }),
	col("row", "DimensionScore.Row", func(_ *scope, v *model.DimensionScore) any { return tableRow(v.TableNo, v.Row) }),
)

// nullBool is 1 or 0, NULL when unknown.
func nullBool(b *bool) any {
	switch {
	case b == nil:
		return nil
	case *b:
		return 1
	}
	return 0
}
