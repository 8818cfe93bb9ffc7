package extract

import (
	"math/big"

	"github.com/govreports/govreports/extract/facts"
	"github.com/govreports/govreports/extract/grammar"
	"github.com/govreports/govreports/ingest/model"
)

// readRate computes the report's execution rate from its funds rows with
// the grammar's one rate: actual over budget of the rows that state both
// (a budget above zero), as exact decimals. It runs after every pass that
// adds funds. The rate the report states is kept apart (RateStated).
func readRate(_ *State, r *model.Report, _ []facts.Para) {
	budget, actual := new(big.Rat), new(big.Rat)
	n := 0
	for _, f := range r.Funds {
		if f.Budget == nil || f.Actual == nil {
			continue
		}
		b, ok1 := new(big.Rat).SetString(*f.Budget)
		a, ok2 := new(big.Rat).SetString(*f.Actual)
		if !ok1 || !ok2 || b.Sign() <= 0 {
			continue
		}
		budget.Add(budget, b)
		actual.Add(actual, a)
		n++
	}
	if n == 0 {
		return
	}
	if v, ok := grammar.Rate(grammar.Decimal(budget), grammar.Decimal(actual)); ok {
		r.Rate = &v
	}
}
