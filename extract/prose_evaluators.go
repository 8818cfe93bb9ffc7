package extract

import (
	"github.com/govreports/govreports/extract/facts"
	"github.com/govreports/govreports/ingest/model"
)

// readProseEvaluators gives a report without an evaluators table the team
// its text lists. It runs after the tables pass.
func readProseEvaluators(_ *State, r *model.Report, paras []facts.Para) {
	if len(r.Evaluators) == 0 {
		r.Evaluators = facts.ProseEvaluators(paras)
	}
}
