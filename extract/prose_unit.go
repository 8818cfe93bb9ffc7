package extract

import (
	"strings"

	"github.com/govreports/govreports/extract/facts"
	"github.com/govreports/govreports/extract/internal/textnorm"
	"github.com/govreports/govreports/extract/result"
	"github.com/govreports/govreports/extract/structure"
	"github.com/govreports/govreports/ingest/model"
)

// readProseUnit gives a report whose cover names no implementing unit the
// one its text names (项目实施单位为…, 由…组织实施) before its findings, which
// speak of parts of the work ("部分项目由某某镇组织实施"). It runs before
// the names pass, so that a unit the text states comes before one read off
// the title.
func readProseUnit(s *State, r *model.Report, paras []facts.Para) {
	if r.ImplementingUnit != "" {
		return
	}
	for _, sec := range r.Sections {
		if findings(result.Role(sec.Title)) {
			for i, p := range paras {
				if p.Block >= sec.Block {
					paras = paras[:i]
					break
				}
			}
			break
		}
	}
	r.ImplementingUnit = facts.CutUnitNote(facts.ProseUnit(paras))
	if r.ImplementingUnit == "" && facts.SelfCarries(paras) {
		r.ImplementingUnit = selfUnit(s.Layout, s.Layout.Spans[r.No-1])
	}
}

// selfUnit is the unit a report that speaks of itself as the one carrying
// the project out (由我局负责组织实施) names itself: before 关于 in its
// title, else in its signature above the closing date. "" when neither
// reads as one organisation.
func selfUnit(l *structure.Layout, sp structure.Span) string {
	if u := structure.TitleIssuer(sp.Title); facts.IsOrgName(u) {
		return u
	}
	for i := sp.End - 1; i >= sp.First; i-- {
		if l.Roles[i] != structure.RoleDate {
			continue
		}
		for j := i - 1; j >= sp.First; j-- {
			if l.Roles[j] == structure.RoleBlank {
				continue
			}
			if u := strings.TrimSpace(textnorm.OneLine(l.Text[j])); l.Doc.Body[j].Kind == model.KindParagraph && facts.IsOrgName(u) {
				return u
			}
			return ""
		}
		return ""
	}
	return ""
}
