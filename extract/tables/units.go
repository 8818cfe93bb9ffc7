package tables

import (
	"strings"

	"github.com/govreports/govreports/extract/grammar"
)

// unitCell reports whether s is a cell of a header's unit row: the unit
// of money or the percent sign of its column, in the grammar's units,
// bracketed or after 单位： ("万元", "（万元）", "单位：元", "%").
func unitCell(s string) bool {
	s = strings.TrimFunc(grammar.Fold(s), grammar.IsSpace)
	s = strings.TrimPrefix(strings.TrimPrefix(s, "（"), "(")
	s = strings.TrimSuffix(strings.TrimSuffix(s, "）"), ")")
	s = strings.TrimFunc(s, grammar.IsSpace)
	if rest, ok := strings.CutPrefix(s, "单位"); ok {
		rest = strings.TrimLeftFunc(rest, grammar.IsSpace)
		if rest, ok = strings.CutPrefix(rest, "："); !ok {
			if rest, ok = strings.CutPrefix(rest, ":"); !ok {
				return false
			}
		}
		s = rest
	}
	u, _, ok := grammar.UnitPhrase(s)
	return ok && u.Sub == 0 && (u.Canon == "元" || u.Kind == grammar.KindPercent)
}
