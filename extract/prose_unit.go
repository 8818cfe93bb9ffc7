package extract

import (
	"github.com/govreports/govreports/extract/facts"
	"github.com/govreports/govreports/extract/result"
	"github.com/govreports/govreports/ingest/model"
)

// readProseUnit gives a report whose cover names no implementing unit the
// one its text names (项目实施单位为…, 由…组织实施) before its findings, which
// speak of parts of the work ("部分项目由某某镇组织实施"). It runs before
// the names pass, so that a unit the text states comes before one read off
// the title.
func readProseUnit(_ *State, r *model.Report, paras []facts.Para) {
	if r.ImplementingUnit != "" {
		return
	}
	for _, s := range r.Sections {
		if findings(result.Role(s.Title)) {
			for i, p := range paras {
				if p.Block >= s.Block {
					paras = paras[:i]
					break
				}
			}
			break
		}
	}
	r.ImplementingUnit = facts.ProseUnit(paras)
}
