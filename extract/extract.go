// Package extract builds the reports of a document: it splits the body
// into reports and reads each one's cover fields, section tree, tables,
// funds, evaluators and facts. The work is done by the sub-packages
// structure (reports, cover, sections), tables (header mapping, funds,
// evaluators), facts (goal, policies, organisations) and figures (numbers
// and dates); this package joins their results into a model.Extraction.
package extract

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/govreports/govreports/extract/facts"
	"github.com/govreports/govreports/extract/internal/textnorm"
	"github.com/govreports/govreports/extract/structure"
	"github.com/govreports/govreports/extract/tables"
	"github.com/govreports/govreports/ingest/model"
)

// Extract reads the reports of doc. It never fails: a document without a
// recognisable title is one untitled report holding all its blocks.
func Extract(doc *model.Document) *model.Extraction {
	l := structure.Analyze(doc)
	x := &model.Extraction{Reports: make([]model.Report, len(l.Spans))}
	paras := make([][]facts.Para, len(l.Spans))
	for k, s := range l.Spans {
		x.Reports[k] = report(l, k, s)
		paras[k] = bodyParas(l, s)
	}
	fillYears(x.Reports)
	readTables(tables.NewReader(tables.DefaultKinds()...), l, x.Reports, paras)
	for k := range x.Reports {
		r := &x.Reports[k]
		paragraphFigures(l, r)
		sortByPlace(r)
		r.Goal = facts.Goal(paras[k])
		if r.Goal == "" {
			r.Goal = facts.SectionGoal(r.Sections)
		}
		if r.EvaluationAgency == "" {
			r.EvaluationAgency = facts.Agency(paras[k])
		}
		if len(r.Evaluators) == 0 {
			// No evaluators table: the team the text lists.
			r.Evaluators = facts.ProseEvaluators(paras[k])
		}
		if len(r.Funds) == 0 {
			// No funds table: the budget and spending the text states.
			r.Funds = facts.ProseFunds(paras[k], r.EvaluationYear)
		}
		r.Policies = facts.Policies(paras[k])
		r.Orgs = facts.Orgs(paras[k])
	}
	return x
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
		SupervisingDept:  s.Cover[structure.KeyDept],
		EvaluationAgency: s.Cover[structure.KeyAgency],
		EvaluationYear:   year(s.Cover[structure.KeyYear]),
		ReportDate:       s.Date,
		Attachment:       s.Attachment,
	}
	r.Sections, r.Preamble = l.Sections(s)
	if r.ProjectName == "" {
		r.ProjectName = structure.ProjectName(s.Title)
	}
	if r.EvaluationYear == 0 {
		r.EvaluationYear = structure.TitleYear(s.Title)
	}
	return r
}

var yearRe = regexp.MustCompile(`[12][0-9]{3}`)

func year(s string) int {
	y, _ := strconv.Atoi(yearRe.FindString(s))
	return y
}

// fillYears gives reports without an evaluation year the year most of the
// document's other reports have: reports filed together are of one year.
func fillYears(rs []model.Report) {
	count := make(map[int]int)
	best := 0
	for _, r := range rs {
		if r.EvaluationYear == 0 {
			continue
		}
		count[r.EvaluationYear]++
		if c := count[r.EvaluationYear]; c > count[best] || c == count[best] && r.EvaluationYear < best {
			best = r.EvaluationYear
		}
	}
	for i := range rs {
		if rs[i].EvaluationYear == 0 {
			rs[i].EvaluationYear = best
		}
	}
}

// bodyParas lists the text paragraphs of a span as the reader gave them,
// so that offsets count in Paragraph.Text.
func bodyParas(l *structure.Layout, s structure.Span) []facts.Para {
	var out []facts.Para
	for i := s.First; i < s.End; i++ {
		if l.Roles[i] == structure.RoleText {
			out = append(out, facts.Para{Block: i, Text: l.Doc.Body[i].Para.Text})
		}
	}
	return out
}

// readTables reads every table (cover tables and nested tables included)
// into the report it belongs to: the report it stands in, except
// evaluators tables, which go to the report their caption names when it
// names one. Each block of a table is read by the reader of its kind.
func readTables(rd *tables.Reader, l *structure.Layout, rs []model.Report, paras [][]facts.Para) {
	cands := make([]tables.Candidate, len(rs))
	for k := range rs {
		var b strings.Builder
		for _, p := range paras[k] {
			b.WriteString(p.Text)
			b.WriteByte('\n')
		}
		cands[k] = tables.Candidate{Name: rs[k].ProjectName, Text: b.String()}
	}
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
			if j == 0 && l.Roles[i] == structure.RoleCover && rt.Kind != tables.KindFunds {
				rt = tables.AsCover(rt)
			}
			owner := k
			if rt.Kind == tables.KindEvaluators {
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
// skipped), within its report.
func caption(l *structure.Layout, i, first int) string {
	for j := i - 1; j >= first; j-- {
		switch l.Roles[j] {
		case structure.RoleBlank, structure.RoleArtefact:
			continue
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
