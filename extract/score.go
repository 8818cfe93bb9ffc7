package extract

import (
	"unicode/utf8"

	"github.com/govreports/govreports/extract/facts"
	"github.com/govreports/govreports/extract/result"
	"github.com/govreports/govreports/extract/structure"
	"github.com/govreports/govreports/extract/tables"
	"github.com/govreports/govreports/ingest/model"
)

// readScore finds the report's total score and grade: in its conclusion
// sections first, then in the total row (总分, 合计) of a form or scoring
// table, then anywhere in its text. A grade not stated is the score's
// under the 2020 rules (GradeNorm only). It runs after the roles and
// tables passes.
func readScore(s *State, r *model.Report, _ []facts.Para) {
	l := s.Layout
	var sc model.Score
	found := false // the place is set
	part := false  // the score taken is a part's, until a total is found
	take := func(f result.Found, place func()) {
		if (sc.Value == "" || part && !f.Part) && f.Score != "" {
			sc.Value, sc.Max, part = f.Score, f.Max, f.Part
			place()
			found = true
		}
		if sc.Max == "" && f.Max != "" && sc.Value != "" {
			sc.Max = f.Max
		}
		if sc.Grade == "" && f.Grade != "" {
			sc.Grade = f.Grade
			if !found {
				place()
			}
		}
	}
	textIn := func(from, to int) {
		for i := from; i < to && (sc.Value == "" || part || sc.Grade == ""); i++ {
			if l.Roles[i] != structure.RoleText || l.Doc.Body[i].Kind != model.KindParagraph {
				continue
			}
			text := l.Doc.Body[i].Para.Text
			f, at := result.Text(text), i
			if (f.Score == "" || f.Grade == "") && i+1 < to && l.Roles[i+1] == structure.RoleText && l.Doc.Body[i+1].Kind == model.KindParagraph &&
				facts.RunsOn(facts.NewPara(i, text), facts.NewPara(i+1, l.Doc.Body[i+1].Para.Text)) {
				// A PDF's line break between 得分为 and the score, or between
				// 等级 and the grade: read the two lines as one, the place in
				// the line the score (else the grade) is in. A score read
				// on the first line stays.
				if g := result.Text(text + l.Doc.Body[i+1].Para.Text); g.Score != "" && f.Score == "" || g.Grade != "" && f.Grade == "" && g.Score == f.Score {
					f = g
					if n := utf8.RuneCountInString(text); f.Offset >= n {
						f.Offset, at = f.Offset-n, i+1
					}
				}
			}
			if f.Score != "" && f.Max == "" && i+1 < to && l.Roles[i+1] == structure.RoleText && l.Doc.Body[i+1].Kind == model.KindParagraph {
				// A form's result written a line a field (总分：100 over
				// 自评得分：95.38): read as one sentence, the first is what
				// the score is out of.
				joined := text + "，"
				if g := result.Text(joined + l.Doc.Body[i+1].Para.Text); g.Max == f.Score && g.Score != "" && g.Score != f.Score {
					if n := utf8.RuneCountInString(joined); g.Offset >= n {
						f, at = g, i+1
						f.Offset -= n
					}
				}
			}
			take(f, func() { sc.Block, sc.Offset, sc.TableNo, sc.Row = at, f.Offset, 0, 0 })
		}
	}
	for k, sec := range r.Sections {
		if sec.Role == result.RoleConclusion {
			textIn(sec.Block, sectionEnd(r, k))
		}
	}
	for _, rt := range r.Tables {
		totalRows(&l.Doc.Tables[rt.TableNo-1], rt, func(row int, f result.Found) {
			take(f, func() { sc.Block, sc.Offset, sc.TableNo, sc.Row = rt.Block, 0, rt.TableNo, row })
		})
	}
	textIn(r.FirstBlock, r.EndBlock)
	if sc.Value != "" && sc.Max == "" {
		sc.Max = "100"
	}
	// A written grade without a normal form (较好) leaves it to the score.
	sc.GradeNorm = result.NormGrade(sc.Grade)
	if sc.GradeNorm == "" && sc.Value != "" {
		sc.GradeNorm = result.GradeOf(sc.Value, sc.Max)
	}
	r.Score = sc
}

// sectionEnd is the block after section k and the sections under it.
func sectionEnd(r *model.Report, k int) int {
	for j := k + 1; j < len(r.Sections); j++ {
		if r.Sections[j].Level <= r.Sections[k].Level {
			return r.Sections[j].Block
		}
	}
	return r.EndBlock
}

// totalRows calls found for each total row of a table, reading its score
// in the column its block's header names 得分 (funds blocks aside: their
// 合计 is money).
func totalRows(t *model.Table, rt model.ReportTable, found func(row int, f result.Found)) {
	rows := rowsOf(t)
	scoreCol, maxCol := -1, -1
	for row := range t.Rows {
		for _, b := range rt.Blocks {
			if b.HeaderRow == row-1 && b.HeaderRow >= 0 {
				scoreCol, maxCol = -1, -1
				for c, h := range b.Header {
					switch {
					case result.ScoreHeader(h):
						scoreCol = c
					case result.MaxHeader(h) && maxCol < 0:
						maxCol = c
					}
				}
			}
		}
		if blockKind(rt, row) == tables.KindFunds || len(rows[row]) == 0 {
			continue
		}
		// The row by grid column, so that the header's columns apply.
		cells := make([]string, t.Cols)
		for c := range t.Cols {
			if cell := t.Cell(row, c); cell != nil && (c == 0 || cell != t.Cell(row, c-1)) {
				cells[c] = cell.Text
			}
		}
		if f, ok := result.Row(cells, scoreCol, maxCol); ok {
			found(row, f)
		}
	}
}

// blockKind is the kind of the table block that holds a row.
func blockKind(rt model.ReportTable, row int) string {
	for _, b := range rt.Blocks {
		if row >= b.FirstRow && row < b.EndRow {
			return b.Kind
		}
	}
	return ""
}
