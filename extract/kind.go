package extract

import (
	"strings"

	"github.com/govreports/govreports/extract/facts"
	"github.com/govreports/govreports/extract/result"
	"github.com/govreports/govreports/extract/structure"
	"github.com/govreports/govreports/ingest/model"
)

// readKind says what each report is (result.Kind): from its title, else
// its first lines, its tables and its sections. It runs after the roles
// and tables passes.
func readKind(s *State, r *model.Report, paras []facts.Para) {
	d := result.Doc{Title: r.Title, Text: joinLines(paras)}
	l := s.Layout
	for i := r.FirstBlock; i < r.EndBlock && len(d.Lead) < 3; i++ {
		if l.Roles[i] == structure.RoleText || l.Roles[i] == structure.RoleTitle {
			if t := strings.TrimSpace(l.Text[i]); t != "" {
				d.Lead = append(d.Lead, t)
			}
		}
	}
	for _, t := range r.Tables {
		d.Tables = append(d.Tables, rowsOf(&l.Doc.Tables[t.TableNo-1]))
	}
	for _, sec := range r.Sections {
		d.Roles = append(d.Roles, sec.Role)
	}
	d.Funds = len(r.Funds) > 0
	r.Kind = result.Kind(d)
}

// rowsOf lists a table's cells row by row, a merged cell once per row.
func rowsOf(t *model.Table) [][]string {
	rows := make([][]string, t.Rows)
	for row := range t.Rows {
		var prev *model.Cell
		for col := range t.Cols {
			c := t.Cell(row, col)
			if c == nil || c == prev {
				continue
			}
			prev = c
			rows[row] = append(rows[row], c.Text)
		}
	}
	return rows
}
