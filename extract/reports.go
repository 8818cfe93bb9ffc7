package extract

import (
	"strings"

	"github.com/govreports/govreports/extract/facts"
	"github.com/govreports/govreports/extract/grammar"
	"github.com/govreports/govreports/extract/structure"
	"github.com/govreports/govreports/ingest/model"
)

// readReports makes a report of each span of the layout, with its cover
// fields and section tree, and lists each report's text paragraphs for
// the passes after it.
func readReports(s *State) {
	l := s.Layout
	s.Reports = make([]model.Report, len(l.Spans))
	s.Paras = make([][]facts.Para, len(l.Spans))
	for k, sp := range l.Spans {
		s.Reports[k] = report(l, k, sp)
		s.Paras[k] = bodyParas(l, sp)
	}
}

func report(l *structure.Layout, k int, s structure.Span) model.Report {
	r := model.Report{
		No:               k + 1,
		Title:            s.Title,
		FirstBlock:       s.First,
		EndBlock:         s.End,
		ProjectName:      s.Cover[structure.KeyProject],
		Category:         s.Cover[structure.KeyCategory],
		ImplementingUnit: s.Cover[structure.KeyUnit],
		SupervisingDept:  facts.CutBudgetCode(s.Cover[structure.KeyDept]),
		EvaluationAgency: s.Cover[structure.KeyAgency],
		EvaluationYear:   year(s.Cover[structure.KeyYear]),
		ReportDate:       s.Date,
		Attachment:       s.Attachment,
	}
	if r.ImplementingUnit == "" {
		r.ImplementingUnit = s.Cover[structure.KeyFiller]
	}
	r.ImplementingUnit = facts.CutUnitNote(facts.CutBudgetCode(r.ImplementingUnit))
	r.Sections, r.Preamble = l.Sections(s)
	if r.ProjectName != "" {
		r.ProjectNameSource = s.CoverFrom[structure.KeyProject]
	} else if r.ProjectName = structure.ProjectName(s.Title); r.ProjectName != "" {
		r.ProjectNameSource = "title"
	}
	if r.EvaluationYear != 0 {
		r.YearSource = s.CoverFrom[structure.KeyYear]
	} else if r.EvaluationYear = structure.TitleYear(s.Title); r.EvaluationYear != 0 {
		r.YearSource = "title"
	}
	return r
}

func year(s string) int { return grammar.FirstYear(s) }

// bodyParas lists the text paragraphs of a span as the reader gave them,
// so that offsets count in Paragraph.Text. A paragraph after a page break
// knows it (Over), so that a sentence the break cuts runs on.
func bodyParas(l *structure.Layout, s structure.Span) []facts.Para {
	var out []facts.Para
	prev := -1
	for i := s.First; i < s.End; i++ {
		if l.Roles[i] != structure.RoleText {
			continue
		}
		p := facts.NewPara(i, l.Doc.Body[i].Para.Text)
		if prev >= 0 && i > prev+1 && l.PageBreak(prev, i) {
			p.Over = i - prev - 1
		}
		out = append(out, p)
		prev = i
	}
	return out
}

// joinLines is the text of paras, a line each. It is sized first: a
// report's text is tens of kilobytes, which a growing builder would copy
// again at each doubling.
func joinLines(paras []facts.Para) string {
	n := 0
	for _, p := range paras {
		n += len(p.Text) + 1
	}
	var b strings.Builder
	b.Grow(n)
	for _, p := range paras {
		b.WriteString(p.Text)
		b.WriteByte('\n')
	}
	return b.String()
}
