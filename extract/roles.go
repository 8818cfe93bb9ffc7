package extract

import (
	"github.com/govreports/govreports/extract/facts"
	"github.com/govreports/govreports/extract/result"
	"github.com/govreports/govreports/ingest/model"
)

// readRoles gives each section the role its heading names (result.Role).
// A section under problems or recommendations is one of them, whatever
// its topic ("（一）预算编制不够精准" is a problem, not funds), unless its
// heading names the other ("（二）改进建议" under "存在问题及建议").
func readRoles(_ *State, r *model.Report, _ []facts.Para) {
	ss := r.Sections
	for i := range ss {
		role := result.Role(ss[i].Title)
		if p := ss[i].Parent; p >= 0 && p < i && findings(ss[p].Role) && !findings(role) {
			role = ss[p].Role
		}
		ss[i].Role = role
	}
}

func findings(role string) bool {
	return role == result.RoleProblems || role == result.RoleRecommendations
}
