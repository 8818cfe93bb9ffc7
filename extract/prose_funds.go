package extract

import (
	"github.com/govreports/govreports/extract/facts"
	"github.com/govreports/govreports/ingest/model"
)

// readProseFunds gives a report without a funds table the budget and
// spending its text states, with the rate it states and its initial
// budget. It runs after the tables and years passes.
func readProseFunds(s *State, r *model.Report, paras []facts.Para) {
	sf := s.sentenceFunds(r, paras)
	if sf == nil {
		return
	}
	if len(r.Funds) != 0 {
		// A sentence on the table's own budget states the rate the table
		// does not.
		if r.RateStated == nil && sameBudget(r, sf) {
			r.RateStated = sf.Fund.RateStated
		}
		return
	}
	r.Funds = []model.Fund{sf.Fund}
	r.BudgetSource = "sentence"
	r.RateStated = sf.Fund.RateStated
	r.InitialBudget = sf.Initial
}

// sameBudget reports whether a sentence states the budget of the report's
// funds table: then its rate is the table's.
func sameBudget(r *model.Report, sf *facts.StatedFunds) bool {
	return sf.Fund.Budget != nil && equalDecimal(*sf.Fund.Budget, sum(r.Funds, budgetOf))
}
