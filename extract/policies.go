package extract

import (
	"github.com/govreports/govreports/extract/facts"
	"github.com/govreports/govreports/ingest/model"
)

// readPolicies lists the policy documents the text cites.
func readPolicies(_ *State, r *model.Report, paras []facts.Para) {
	r.Policies = facts.Policies(paras)
}
