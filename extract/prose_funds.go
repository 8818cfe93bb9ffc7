package extract

import (
	"github.com/govreports/govreports/extract/facts"
	"github.com/govreports/govreports/ingest/model"
)

// readProseFunds gives a report without a funds table the budget and
// spending its text states. It runs after the tables and years passes.
func readProseFunds(_ *State, r *model.Report, paras []facts.Para) {
	if len(r.Funds) == 0 {
		r.Funds = facts.ProseFunds(paras, r.EvaluationYear)
	}
}
