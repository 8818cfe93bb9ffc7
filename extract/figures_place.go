package extract

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/govreports/govreports/extract/facts"
	"github.com/govreports/govreports/extract/figures"
	"github.com/govreports/govreports/extract/structure"
	"github.com/govreports/govreports/extract/tables"
	"github.com/govreports/govreports/ingest/model"
)

// readFigures finds the figures and dates of a report's paragraphs (those
// of its tables the tables pass found) and puts them all in document order.
func readFigures(s *State, r *model.Report, _ []facts.Para) {
	paragraphFigures(s, r)
	sortByPlace(r)
}

// paragraphFigures finds the figures and dates of a report's paragraphs,
// each placed in its block and section. A heading's own number is left
// out: "2.2021年度绩效目标" holds the year 2021, not the figure 2.2021.
func paragraphFigures(s *State, r *model.Report) {
	l := s.Layout
	marker := make(map[int]string) // heading block → marker printed in its text
	for _, s := range r.Sections {
		if s.Via == structure.ViaPattern {
			marker[s.Block] = s.Marker
		}
	}
	for i := r.FirstBlock; i < r.EndBlock; i++ {
		if (i-r.FirstBlock)%checkEvery == checkEvery-1 && s.Done() {
			return
		}
		switch l.Roles[i] {
		case structure.RoleText, structure.RoleTitle, structure.RoleCover, structure.RoleDate:
		default:
			continue
		}
		b := &l.Doc.Body[i]
		if b.Kind != model.KindParagraph {
			continue
		}
		text, base := b.Para.Text, 0
		if m := marker[i]; m != "" {
			if k := strings.Index(text, m); k >= 0 {
				base = utf8.RuneCountInString(text[:k+len(m)])
				text = text[k+len(m):]
			}
		}
		place := model.Place{Section: SectionAt(r, i), Block: i, Row: -1, Col: -1}
		addFigures(r, text, figures.Context{}, place, base)
	}
}

// tableFigures finds the figures and dates of a table's cells, reading
// bare numbers in the unit their column header (or the caption) gives.
func tableFigures(r *model.Report, t *model.Table, rt model.ReportTable) {
	section := -1
	if rt.Block >= r.FirstBlock && rt.Block < r.EndBlock {
		section = SectionAt(r, rt.Block)
	}
	// A form stacks blocks, each under a header row of its own: the cells
	// of a block read in the units of its header, from the main block on.
	// Above it stand the title and cover rows, which have no header; a
	// headed block there (rare) reads without one, as it did before tables
	// had blocks.
	headers := make([][]figures.Context, t.Rows) // per row, the unit-bearing header of each column of its block
	main := false
	for _, b := range rt.Blocks {
		main = main || rt.HeaderRow >= 0 && b.HeaderRow == rt.HeaderRow
		if !main || b.HeaderRow < 0 {
			continue
		}
		blk := rt
		blk.HeaderRow, blk.Header = b.HeaderRow, b.Header
		context := tables.UnitContext(blk)
		h := make([]figures.Context, len(b.Header))
		for c := range h {
			h[c] = figures.NewContext(tables.UnitHeader(b.Header[c], context))
		}
		for r := b.HeaderRow + 1; r < b.EndRow && r < t.Rows; r++ {
			headers[r] = h
		}
	}
	for _, c := range t.Cells {
		ctx := figures.Context{}
		if c.Row >= 0 && c.Row < len(headers) && c.Col >= 0 && c.Col < len(headers[c.Row]) {
			ctx = headers[c.Row][c.Col]
		}
		addFigures(r, c.Text, ctx, model.Place{Section: section, Block: rt.Block, Row: c.Row, Col: c.Col}, 0)
	}
}

func addFigures(r *model.Report, text string, ctx figures.Context, place model.Place, base int) {
	nf, nd := len(r.Figures), len(r.Dates)
	r.Figures, r.Dates = figures.AppendFind(r.Figures, r.Dates, text, ctx)
	for i := nf; i < len(r.Figures); i++ {
		f := &r.Figures[i]
		f.Place.Section, f.Place.Block, f.Place.Row, f.Place.Col = place.Section, place.Block, place.Row, place.Col
		f.Place.Offset += base
	}
	for i := nd; i < len(r.Dates); i++ {
		d := &r.Dates[i]
		d.Place.Section, d.Place.Block, d.Place.Row, d.Place.Col = place.Section, place.Block, place.Row, place.Col
		d.Place.Offset += base
	}
}

// sortByPlace puts figures and dates in document order: tables standing
// after the report (evaluators tables) come last.
func sortByPlace(r *model.Report) {
	sort.SliceStable(r.Figures, func(i, j int) bool { return before(r.Figures[i].Place, r.Figures[j].Place) })
	sort.SliceStable(r.Dates, func(i, j int) bool { return before(r.Dates[i].Place, r.Dates[j].Place) })
}

func before(a, b model.Place) bool {
	if a.Block != b.Block {
		return a.Block < b.Block
	}
	if a.Row != b.Row {
		return a.Row < b.Row
	}
	if a.Col != b.Col {
		return a.Col < b.Col
	}
	return a.Offset < b.Offset
}
