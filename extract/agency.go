package extract

import (
	"github.com/govreports/govreports/extract/facts"
	"github.com/govreports/govreports/ingest/model"
)

// readAgency finds the evaluation agency in the text when the cover does
// not name it.
func readAgency(_ *State, r *model.Report, paras []facts.Para) {
	if r.EvaluationAgency == "" {
		r.EvaluationAgency = facts.Agency(paras)
	}
}
