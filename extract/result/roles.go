// Package result reads what an evaluation concludes and what a document
// is: the kind of document (a project evaluation, a self-evaluation, a
// form, a results notice that is no report), the role of each section
// by its heading, the total score and grade, and the problems and
// recommendations the report lists.
package result

import (
	_ "embed"
	"strings"

	"github.com/govreports/govreports/extract/grammar"
)

// Section roles (model.Section.Role).
const (
	RoleBasicInfo       = "basic_info"
	RoleFunds           = "funds"
	RoleGoals           = "goals"
	RoleImplementation  = "implementation"
	RoleResults         = "results"
	RoleConclusion      = "conclusion"
	RoleProblems        = "problems"
	RoleRecommendations = "recommendations"
)

//go:embed roles.tsv
var rolesTSV string

// phrase is a role and a phrase of the headings that have it.
type phrase struct{ role, text string }

// rolePhrases are the lines of roles.tsv, in order.
var rolePhrases = readPhrases(rolesTSV)

// readPhrases reads "role<TAB>phrase" lines, skipping comments.
func readPhrases(tsv string) []phrase {
	var out []phrase
	for line := range strings.SplitSeq(tsv, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		role, text, ok := strings.Cut(line, "\t")
		if !ok || text == "" {
			panic("result: bad line in a phrase table: " + line)
		}
		out = append(out, phrase{role, text})
	}
	return out
}

// Role returns the role a section's heading title says it has, "" when
// it says none. The title is read in simplified characters, without
// spaces.
func Role(title string) string {
	t := grammar.NewText(title).Squashed
	for _, p := range rolePhrases {
		if strings.Contains(t, p.text) {
			return p.role
		}
	}
	return ""
}

// holdsBoth reports whether a title names problems and what to do about
// them ("存在的问题及改进措施", "偏离绩效目标的原因和改进措施"): its items are
// told apart by their wording.
func holdsBoth(title string) bool {
	t := grammar.NewText(title).Squashed
	var problems, recs bool
	for _, p := range rolePhrases {
		if strings.Contains(t, p.text) {
			problems = problems || p.role == RoleProblems
			recs = recs || p.role == RoleRecommendations
		}
	}
	return problems && recs
}
