package extract

import (
	"strings"

	"github.com/govreports/govreports/extract/facts"
	"github.com/govreports/govreports/extract/result"
	"github.com/govreports/govreports/ingest/model"
)

// readFindings lists the report's problems and recommendations
// (result.Findings), each placed in the block it starts in.
func readFindings(s *State, r *model.Report, _ []facts.Para) {
	l := s.Layout
	locate := func(k int, text string) int {
		sec := r.Sections[k]
		probe := []rune(strings.TrimSpace(text))
		probe = probe[:min(len(probe), 12)]
		for i := sec.Block; i < sectionEnd(r, k); i++ {
			if strings.Contains(l.Text[i], string(probe)) {
				return i
			}
		}
		return sec.Block
	}
	r.Findings = result.Findings(r.Sections, locate)
}
