package tables

import "github.com/govreports/govreports/ingest/model"

// Funds reads one Fund per item row of the funds block of a table that
// counts (see fundsReader.Read).
func Funds(t *model.Table, rt model.ReportTable) []model.Fund {
	var r model.Report
	for _, b := range rt.Blocks {
		fundsReader{}.Read(t, rt, b, &r)
	}
	return r.Funds
}

// Evaluators reads one Evaluator per person row of the evaluators blocks
// of a table.
func Evaluators(t *model.Table, rt model.ReportTable) []model.Evaluator {
	var out []model.Evaluator
	for _, b := range rt.Blocks {
		if b.Kind == KindEvaluators {
			out = append(out, blockEvaluators(t, rt, b)...)
		}
	}
	return out
}
