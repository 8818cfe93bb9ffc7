package extract

import (
	"github.com/govreports/govreports/extract/facts"
	"github.com/govreports/govreports/ingest/model"
)

// readOrgs lists the organisations the text names.
func readOrgs(_ *State, r *model.Report, paras []facts.Para) {
	r.Orgs = facts.Orgs(paras)
}
