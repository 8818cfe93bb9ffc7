// Package extract builds the reports of a document: it splits the body
// into reports and reads each one's cover fields, section tree, tables,
// funds, evaluators and facts. The work is done by the sub-packages
// structure (reports, cover, sections), tables (blocks, header mapping,
// funds, evaluators), facts (goal, policies, organisations) and figures
// (numbers and dates); this package runs them as an ordered list of
// passes, each adding its facts to a growing model.Extraction.
package extract

import (
	"context"

	"github.com/govreports/govreports/extract/facts"
	"github.com/govreports/govreports/extract/structure"
	"github.com/govreports/govreports/extract/tables"
	"github.com/govreports/govreports/ingest/model"
)

// A Pass adds one kind of fact to the extraction of a document. Passes
// run in order, each seeing what the passes before it added.
type Pass interface {
	Name() string
	Run(s *State)
}

// State is a document's extraction as the passes build it.
type State struct {
	Layout  *structure.Layout // the body read as reports (structure.Analyze)
	Reports []model.Report    // one per span of Layout, once the reports pass has run
	Paras   [][]facts.Para    // per report, its text paragraphs as the reader gave them

	ctx context.Context // the file's: abandoned, its passes stop

	stated map[*model.Report]statedMemo // SentenceFunds, read once for two passes
}

// statedMemo is what SentenceFunds read of a report, for its year then.
type statedMemo struct {
	year int
	sf   *facts.StatedFunds
}

// sentenceFunds is facts.SentenceFunds of report r: the funds pass and the
// checks both need it, and reading every sentence again cost the checks
// most of their time.
func (s *State) sentenceFunds(r *model.Report, paras []facts.Para) *facts.StatedFunds {
	if m, ok := s.stated[r]; ok && m.year == r.EvaluationYear {
		return m.sf
	}
	sf := facts.SentenceFunds(paras, r.EvaluationYear)
	if s.stated == nil {
		s.stated = map[*model.Report]statedMemo{}
	}
	s.stated[r] = statedMemo{r.EvaluationYear, sf}
	return sf
}

// Done tells a pass in a long loop to stop: the document was abandoned
// (its context is done) and what the pass would find is thrown away.
func (s *State) Done() bool { return s.ctx != nil && s.ctx.Err() != nil }

// DefaultPasses lists the passes Extract runs, in order. A new fact is a
// file with its pass and a line here.
func DefaultPasses() []Pass {
	return []Pass{
		PassFunc("reports", readReports),
		ReportPass("prose unit", readProseUnit),
		PassFunc("names", readNames),
		PassFunc("years", readYears),
		ReportPass("roles", readRoles),
		tablesPass(tables.NewReader(tables.DefaultKinds()...)),
		ReportPass("figures", readFigures),
		ReportPass("goal", readGoal),
		ReportPass("agency", readAgency),
		ReportPass("prose evaluators", readProseEvaluators),
		ReportPass("prose funds", readProseFunds),
		ReportPass("rate", readRate),
		ReportPass("policies", readPolicies),
		ReportPass("orgs", readOrgs),
		ReportPass("kind", readKind),
		ReportPass("score", readScore),
		ReportPass("findings", readFindings),
		PassFunc("checks", readChecks),
		ReportPass("grade check", checkGrade),
	}
}

// An Extractor reads documents with a list of passes.
type Extractor struct {
	passes []Pass
}

// New returns an Extractor that runs passes in order.
func New(passes ...Pass) *Extractor {
	return &Extractor{passes: append([]Pass(nil), passes...)}
}

// Extract reads the reports of doc with the default passes. It never
// fails: a document without a recognisable title is one untitled report
// holding all its blocks.
func Extract(doc *model.Document) *model.Extraction {
	return New(DefaultPasses()...).Extract(doc)
}

// ExtractContext is Extract for a file that may be abandoned: once ctx is
// done it stops, between passes, between reports and within the long
// scans, and returns ctx.Err(), so that the file's CPU and memory are let
// go.
func ExtractContext(ctx context.Context, doc *model.Document) (*model.Extraction, error) {
	return New(DefaultPasses()...).ExtractContext(ctx, doc)
}

// Extract reads the reports of doc with e's passes.
func (e *Extractor) Extract(doc *model.Document) *model.Extraction {
	x, _ := e.ExtractContext(context.Background(), doc) // never done: never fails
	return x
}

// ExtractContext reads the reports of doc with e's passes, stopping with
// ctx.Err() once ctx is done.
func (e *Extractor) ExtractContext(ctx context.Context, doc *model.Document) (*model.Extraction, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	mendOCR(doc)
	s := &State{Layout: structure.Analyze(doc), ctx: ctx}
	for _, p := range e.passes {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		p.Run(s)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return &model.Extraction{Reports: s.Reports}, nil
}

// PassFunc returns a Pass that runs run.
func PassFunc(name string, run func(s *State)) Pass {
	return funcPass{name, run}
}

type funcPass struct {
	name string
	run  func(s *State)
}

func (p funcPass) Name() string { return p.name }
func (p funcPass) Run(s *State) { p.run(s) }

// ReportPass returns a Pass that runs read on each report in turn, with
// the report's text paragraphs: most facts are found report by report.
func ReportPass(name string, read func(s *State, r *model.Report, paras []facts.Para)) Pass {
	return PassFunc(name, func(s *State) {
		for k := range s.Reports {
			if s.Done() {
				return
			}
			read(s, &s.Reports[k], s.Paras[k])
		}
	})
}
