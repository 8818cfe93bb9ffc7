package extract

import (
	"github.com/govreports/govreports/extract/facts"
	"github.com/govreports/govreports/extract/result"
	"github.com/govreports/govreports/ingest/model"
)

// readRoles gives each section the role its heading names (result.Role).
func readRoles(_ *State, r *model.Report, _ []facts.Para) {
	for i := range r.Sections {
		r.Sections[i].Role = result.Role(r.Sections[i].Title)
	}
}
