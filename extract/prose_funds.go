package extract

import (
	"github.com/govreports/govreports/extract/facts"
	"github.com/govreports/govreports/ingest/model"
)

// readProseFunds gives a report without a funds table the budget and
// spending its text states, with the rate it states and its initial
// budget. It runs after the tables and years passes.
func readProseFunds(_ *State, r *model.Report, paras []facts.Para) {
	if len(r.Funds) != 0 {
		return
	}
	sf := facts.SentenceFunds(paras, r.EvaluationYear)
	if sf == nil {
		return
	}
	r.Funds = []model.Fund{sf.Fund}
	r.BudgetSource = "sentence"
	r.RateStated = sf.Fund.RateStated
	r.InitialBudget = sf.Initial
}
