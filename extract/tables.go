package extract

import (
	"strings"

	"github.com/govreports/govreports/extract/grammar"
	"github.com/govreports/govreports/extract/internal/textnorm"
	"github.com/govreports/govreports/extract/structure"
	"github.com/govreports/govreports/extract/tables"
	"github.com/govreports/govreports/ingest/model"
)

// tablesPass returns the pass that reads every table with rd: see
// readTables.
func tablesPass(rd *tables.Reader) Pass {
	return PassFunc("tables", func(s *State) { readTables(rd, s) })
}

// readTables reads every table (cover tables and nested tables included)
// into the report it belongs to: the report it stands in, except
// evaluators tables, which go to the report their caption names when it
// names one. Each block of a table is read by the reader of its kind.
func readTables(rd *tables.Reader, s *State) {
	l, rs := s.Layout, s.Reports
	var cands []tables.Candidate // made for the first evaluators table: most files have none
	nested := nestedTables(l.Doc)
	k := 0
	for i, b := range l.Doc.Body {
		for k+1 < len(rs) && i >= rs[k].EndBlock {
			k++
		}
		if b.Kind != model.KindTable || b.TableNo < 1 || b.TableNo > len(l.Doc.Tables) {
			continue
		}
		// The table itself, then the tables nested in its cells.
		for j, no := range append([]int{b.TableNo}, nested[b.TableNo]...) {
			t := &l.Doc.Tables[no-1]
			capt := ""
			if j == 0 {
				capt = caption(l, i, rs[k].FirstBlock)
			}
			rt := rd.Read(t, i, capt)
			if j == 0 && l.Roles[i] == structure.RoleCover && rt.Kind != tables.KindFunds && !rd.Reads(rt) {
				rt = tables.AsCover(rt)
			}
			owner := k
			if rt.Kind == tables.KindEvaluators {
				if cands == nil {
					cands = candidates(s)
				}
				if a := tables.Attribute(rt.Caption, cands); a >= 0 {
					owner = a
				}
			}
			r := &rs[owner]
			r.Tables = append(r.Tables, rt)
			rd.ReadBlocks(t, rt, r)
			tableFigures(r, t, rt)
		}
	}
}

// candidates are the reports of s an evaluators table may belong to.
func candidates(s *State) []tables.Candidate {
	cands := make([]tables.Candidate, len(s.Reports))
	for k := range s.Reports {
		cands[k] = tables.Candidate{Name: s.Reports[k].ProjectName, Text: joinLines(s.Paras[k])}
	}
	return cands
}

// nestedTables lists, for each body table, the numbers of the tables
// nested in it at any depth, in document order.
func nestedTables(doc *model.Document) map[int][]int {
	out := make(map[int][]int)
	for _, t := range doc.Tables {
		top, depth := t.No, 0
		for top >= 1 && top <= len(doc.Tables) && doc.Tables[top-1].ParentTable != 0 && depth < len(doc.Tables) {
			top = doc.Tables[top-1].ParentTable
			depth++
		}
		if top != t.No {
			out[top] = append(out[top], t.No)
		}
	}
	return out
}

// caption is the text paragraph right above a table (blank lines
// skipped), within its report. Above a form's table, past its cover
// lines, it is the note of the unit of money one of them ends in
// ("填报单位：某某局    单位：万元"): the unit of the form's amounts.
func caption(l *structure.Layout, i, first int) string {
	for j := i - 1; j >= first; j-- {
		switch l.Roles[j] {
		case structure.RoleBlank, structure.RoleArtefact:
			continue
		case structure.RoleCover:
			return coverUnitNote(l, j, first)
		case structure.RoleText, structure.RoleTitle:
			if t := textnorm.OneLine(l.Text[j]); strings.HasSuffix(t, "。") || textnorm.Len(t) > 80 {
				return "" // a sentence of the body, not a caption
			}
			if m := l.Doc.Body[j].Para.Marker; m != "" {
				return strings.TrimSpace(m) + textnorm.OneLine(l.Text[j])
			}
			return textnorm.OneLine(l.Text[j])
		}
		return ""
	}
	return ""
}

// coverUnitNote is the note of the unit of money that a cover line at j,
// or one of the cover lines right above it, ends in; "" when none does.
func coverUnitNote(l *structure.Layout, j, first int) string {
	for ; j >= first; j-- {
		switch l.Roles[j] {
		case structure.RoleBlank, structure.RoleArtefact:
		case structure.RoleCover:
			if note, ok := grammar.MoneyUnitNote(textnorm.OneLine(l.Text[j])); ok {
				return note
			}
		default:
			return ""
		}
	}
	return ""
}
