package extract

import (
	"github.com/govreports/govreports/extract/facts"
	"github.com/govreports/govreports/ingest/model"
)

// readGoal finds the 绩效目标 statement in the text, else in a section so
// titled.
func readGoal(_ *State, r *model.Report, paras []facts.Para) {
	r.Goal = facts.Goal(paras)
	if r.Goal == "" {
		r.Goal = facts.SectionGoal(r.Sections)
	}
}
