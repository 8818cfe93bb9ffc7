package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"

	"github.com/govreports/govreports/cmd/internal/cli"
	"github.com/govreports/govreports/extract"
	"github.com/govreports/govreports/ingest"
	"github.com/govreports/govreports/ingest/model"
)

// inspection is what inspect prints for one file. Its reports are as the
// database holds them: fields named as the tables' columns (schema's
// column specs; TestInspectJSONHasStoredFields holds the two together),
// blocks numbered from 1, and no ids, which only a database gives.
type inspection struct {
	File     string            `json:"file"`
	Format   string            `json:"format"`
	Encoding string            `json:"encoding,omitempty"`
	Warnings []string          `json:"warnings,omitempty"`
	Reports  []inspectedReport `json:"reports"`

	reports []model.Report // for the outline, blocks from 1
}

// inspectedReport is a report as v_reports has it, with what the other
// views hold of it. Sections are referred to by ordinal (from 1, as in
// v_sections), since there are no section ids without a database.
type inspectedReport struct {
	ReportNo         int    `json:"report_no"`
	Title            string `json:"title"`
	ProjectName      string `json:"project_name"`
	Category         string `json:"category"`
	ImplementingUnit string `json:"implementing_unit"`
	SupervisingDept  string `json:"supervising_dept"`
	EvaluationAgency string `json:"evaluation_agency"`
	EvaluationYear   *int   `json:"evaluation_year"`
	ReportDate       string `json:"report_date"`
	Attachment       string `json:"attachment"`
	Goal             string `json:"goal"`
	Preamble         string `json:"preamble"`
	FirstBlock       int    `json:"first_block"`
	EndBlock         int    `json:"end_block"` // the last block, inclusive

	// Where the facts were read, and the report's stated funds (v_reports).
	ProjectNameSource string       `json:"project_name_source"`
	YearSource        string       `json:"year_source"`
	BudgetSource      string       `json:"budget_source"`
	ExecutionRate     *float64     `json:"execution_rate_stated"` // the view's execution_rate where stated
	RateComputed      *float64     `json:"execution_rate_computed"`
	InitialBudgetYuan *json.Number `json:"initial_budget_yuan"`

	Sections   []inspectedSection   `json:"sections"`
	Tables     []inspectedTable     `json:"tables"`
	Funds      []inspectedFund      `json:"funds"`
	Evaluators []inspectedEvaluator `json:"evaluators"`
	Policies   []inspectedPolicy    `json:"policies"`
	Orgs       []inspectedOrg       `json:"orgs"`
	Figures    []inspectedFigure    `json:"figures"`
	Dates      []inspectedDate      `json:"dates"`
	Checks     []inspectedCheck     `json:"checks"` // as v_checks

	// What the report is and what the evaluation concluded, as v_reports
	// and v_findings have them.
	Kind         string             `json:"kind"`
	Score        *json.Number       `json:"score"`
	ScoreMax     *json.Number       `json:"score_max"`
	Grade        string             `json:"grade"`
	GradeNorm    string             `json:"grade_norm"`
	ScoreBlockNo *int               `json:"score_block_no"`
	ScoreOffset  *int               `json:"score_offset"`
	ScoreTableNo *int               `json:"score_table_no"`
	ScoreRow     *int               `json:"score_row"`
	Findings     []inspectedFinding `json:"findings"`

	// The indicator and scoring tables, as v_indicators and v_scores.
	Indicators []inspectedIndicator `json:"indicators"`
	Scores     []inspectedScore     `json:"scores"`
}

type inspectedFinding struct {
	SectionOrdinal int    `json:"section_ordinal"`
	Kind           string `json:"kind"`
	ItemNo         int    `json:"item_no"`
	Marker         string `json:"marker"`
	Title          string `json:"title"`
	Text           string `json:"text"`
	BlockNo        int    `json:"block_no"`
}

type inspectedSection struct {
	Ordinal       int    `json:"ordinal"`
	ParentOrdinal *int   `json:"parent_ordinal"`
	Level         int    `json:"level"`
	Marker        string `json:"marker"`
	Number        *int   `json:"number"`
	Title         string `json:"title"`
	Body          string `json:"body"`
	Via           string `json:"via"`
	Family        string `json:"family"`
	BlockNo       int    `json:"block_no"`
	Role          string `json:"role"`
}

type inspectedTable struct {
	TableNo   int      `json:"table_no"`
	BlockNo   int      `json:"block_no"`
	Caption   string   `json:"caption"`
	HeaderRow int      `json:"header_row"`
	Header    []string `json:"header"`
	Kind      string   `json:"kind"`

	Blocks []inspectedTableBlock `json:"blocks"` // as v_table_blocks
}

type inspectedTableBlock struct {
	Seq       int      `json:"seq"`
	Kind      string   `json:"kind"`
	FirstRow  int      `json:"first_row"`
	HeaderRow *int     `json:"header_row"`
	EndRow    int      `json:"end_row"`
	Header    []string `json:"header"`
}

type inspectedFund struct {
	Item         string       `json:"item"`
	BudgetYuan   *json.Number `json:"budget_yuan"`
	ActualYuan   *json.Number `json:"actual_yuan"`
	RateStated   *float64     `json:"execution_rate_stated"` // v_funds.execution_rate where stated
	RateComputed *float64     `json:"execution_rate_computed"`
	BudgetRaw    string       `json:"budget_raw"`
	ActualRaw    string       `json:"actual_raw"`
	TableNo      *int         `json:"table_no"`
	Row          *int         `json:"row"`
}

type inspectedCheck struct {
	Seq      int    `json:"seq"`
	Code     string `json:"code"`
	Expected string `json:"expected"`
	Found    string `json:"found"`
	BlockNo  *int   `json:"block_no"`
	TableNo  *int   `json:"table_no"`
	Row      *int   `json:"row"`
	Detail   string `json:"detail"`
}

type inspectedEvaluator struct {
	Name    string `json:"name"`
	Org     string `json:"org"`
	Title   string `json:"title"`
	TableNo *int   `json:"table_no"`
	Row     *int   `json:"row"`
}

type inspectedPolicy struct {
	Title   string `json:"title"`
	Number  string `json:"number"`
	BlockNo int    `json:"block_no"`
	Offset  int    `json:"offset"`
}

type inspectedOrg struct {
	Name     string `json:"name"`
	Kind     string `json:"kind"`
	Mentions int    `json:"mentions"`
	BlockNo  int    `json:"block_no"`
}

type inspectedFigure struct {
	SectionOrdinal *int         `json:"section_ordinal"`
	BlockNo        int          `json:"block_no"`
	Row            *int         `json:"row"`
	Col            *int         `json:"col"`
	Offset         int          `json:"offset"`
	Raw            string       `json:"raw"`
	Value          *json.Number `json:"value"`
	ValueHigh      *json.Number `json:"value_high"`
	Unit           string       `json:"unit"`
	Kind           string       `json:"kind"`
	Approx         string       `json:"approx"`
	Label          string       `json:"label"`
}

type inspectedDate struct {
	SectionOrdinal *int   `json:"section_ordinal"`
	BlockNo        int    `json:"block_no"`
	Row            *int   `json:"row"`
	Col            *int   `json:"col"`
	Offset         int    `json:"offset"`
	Raw            string `json:"raw"`
	Date           string `json:"date"`
}

const inspectUsage = `usage: reports inspect [--json] FILE

Prints what a file yields (its reports, their fields, section outline,
tables and facts) without touching a database. Blocks are numbered from 1
and fields named as the database's columns.`

// runInspect reads one file and prints what extraction finds in it, without
// a database: reports with their fields, section tree, tables and facts.
//
//	reports inspect [--json] FILE
func runInspect(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := cli.NewFlagSet("inspect", inspectUsage)
	asJSON := fs.Bool("json", false, "print JSON instead of an outline")
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError{"want exactly one FILE"}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	in, err := inspect(ctx, fs.Arg(0))
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(in)
	}
	return writeInspection(stdout, in)
}

func inspect(ctx context.Context, path string) (*inspection, error) {
	p, err := ingest.New(ingest.Config{NoIndex: true})
	if err != nil {
		return nil, err
	}
	defer p.Close()
	doc, x, err := p.Process(ctx, path)
	if err != nil {
		return nil, err
	}
	in := &inspection{File: path, Format: doc.Format, Encoding: doc.Encoding, Warnings: doc.Warnings,
		Reports: make([]inspectedReport, len(x.Reports)), reports: fromOne(x.Reports)}
	for i := range x.Reports {
		in.Reports[i] = inspected(&x.Reports[i])
	}
	return in, nil
}

// inspected returns r as the database stores it (schema/extraction.go):
// blocks from 1, empty numbers as null.
func inspected(r *model.Report) inspectedReport {
	out := inspectedReport{
		ReportNo: r.No, Title: r.Title, ProjectName: r.ProjectName, Category: r.Category,
		ImplementingUnit: r.ImplementingUnit, SupervisingDept: r.SupervisingDept,
		EvaluationAgency: r.EvaluationAgency, EvaluationYear: nonZero(r.EvaluationYear),
		ReportDate: r.ReportDate, Attachment: r.Attachment, Goal: r.Goal, Preamble: r.Preamble,
		FirstBlock: r.FirstBlock + 1, EndBlock: r.EndBlock,
		Sections: []inspectedSection{}, Tables: []inspectedTable{}, Funds: []inspectedFund{},
		Evaluators: []inspectedEvaluator{}, Policies: []inspectedPolicy{}, Orgs: []inspectedOrg{},
		Figures: []inspectedFigure{}, Dates: []inspectedDate{}, Checks: []inspectedCheck{},
		ProjectNameSource: r.ProjectNameSource, YearSource: r.YearSource, BudgetSource: r.BudgetSource,
		ExecutionRate: r.RateStated, RateComputed: r.Rate,
	}
	if r.InitialBudget != nil {
		out.InitialBudgetYuan = number(*r.InitialBudget)
	}
	for k, c := range r.Checks {
		ic := inspectedCheck{Seq: k + 1, Code: c.Code, Expected: c.Expected, Found: c.Found, TableNo: nonZero(c.TableNo), Detail: c.Detail}
		if c.Block >= 0 {
			ic.BlockNo = ptr(c.Block + 1)
		}
		if c.TableNo != 0 {
			ic.Row = ptr(c.Row)
		}
		out.Checks = append(out.Checks, ic)
	}
	out.Indicators, out.Scores = inspectedIndicators(r), inspectedScores(r)
	for j, s := range r.Sections {
		var parent *int
		if s.Parent >= 0 && s.Parent < j {
			parent = ptr(s.Parent + 1)
		}
		out.Sections = append(out.Sections, inspectedSection{Ordinal: j + 1, ParentOrdinal: parent, Level: s.Level,
			Marker: s.Marker, Number: nonZero(s.Number), Title: s.Title, Body: s.Body, Via: s.Via, Family: s.Family,
			BlockNo: s.Block + 1, Role: s.Role})
	}
	for _, t := range r.Tables {
		it := inspectedTable{TableNo: t.TableNo, BlockNo: t.Block + 1, Caption: t.Caption,
			HeaderRow: t.HeaderRow, Header: t.Header, Kind: t.Kind, Blocks: []inspectedTableBlock{}}
		for k, b := range t.Blocks {
			var header *int
			if b.HeaderRow >= 0 {
				header = ptr(b.HeaderRow)
			}
			it.Blocks = append(it.Blocks, inspectedTableBlock{Seq: k + 1, Kind: b.Kind, FirstRow: b.FirstRow,
				HeaderRow: header, EndRow: b.EndRow, Header: b.Header})
		}
		out.Tables = append(out.Tables, it)
	}
	for _, f := range r.Funds {
		fund := inspectedFund{Item: f.Item, RateStated: f.RateStated, RateComputed: f.Rate, BudgetRaw: f.BudgetRaw, ActualRaw: f.ActualRaw,
			TableNo: nonZero(f.TableNo)}
		if f.Budget != nil {
			fund.BudgetYuan = number(*f.Budget)
		}
		if f.Actual != nil {
			fund.ActualYuan = number(*f.Actual)
		}
		if f.TableNo != 0 {
			fund.Row = ptr(f.Row)
		}
		out.Funds = append(out.Funds, fund)
	}
	for _, e := range r.Evaluators {
		ev := inspectedEvaluator{Name: e.Name, Org: e.Org, Title: e.Title, TableNo: nonZero(e.TableNo)}
		if e.TableNo != 0 {
			ev.Row = ptr(e.Row)
		}
		out.Evaluators = append(out.Evaluators, ev)
	}
	for _, p := range r.Policies {
		out.Policies = append(out.Policies, inspectedPolicy{Title: p.Title, Number: p.Number, BlockNo: p.Block + 1, Offset: p.Offset})
	}
	for _, o := range r.Orgs {
		out.Orgs = append(out.Orgs, inspectedOrg{Name: o.Name, Kind: o.Kind, Mentions: o.Count, BlockNo: o.Block + 1})
	}
	for _, f := range r.Figures {
		sec, row, col := placeOf(f.Place)
		out.Figures = append(out.Figures, inspectedFigure{SectionOrdinal: sec, BlockNo: f.Place.Block + 1, Row: row, Col: col,
			Offset: f.Place.Offset, Raw: f.Raw, Value: number(f.Value), ValueHigh: number(f.High), Unit: f.Unit,
			Kind: f.Kind, Approx: f.Approx, Label: f.Label})
	}
	for _, d := range r.Dates {
		sec, row, col := placeOf(d.Place)
		out.Dates = append(out.Dates, inspectedDate{SectionOrdinal: sec, BlockNo: d.Place.Block + 1, Row: row, Col: col,
			Offset: d.Place.Offset, Raw: d.Raw, Date: d.Date})
	}
	out.Kind, out.Grade, out.GradeNorm = r.Kind, r.Score.Grade, r.Score.GradeNorm
	out.Score, out.ScoreMax = number(r.Score.Value), number(r.Score.Max)
	if r.Score.Value != "" || r.Score.Grade != "" {
		out.ScoreBlockNo = ptr(r.Score.Block + 1)
		if r.Score.TableNo != 0 {
			out.ScoreTableNo, out.ScoreRow = ptr(r.Score.TableNo), ptr(r.Score.Row)
		} else {
			out.ScoreOffset = ptr(r.Score.Offset)
		}
	}
	out.Findings = []inspectedFinding{}
	for _, f := range r.Findings {
		out.Findings = append(out.Findings, inspectedFinding{SectionOrdinal: f.Section + 1, Kind: f.Kind, ItemNo: f.No,
			Marker: f.Marker, Title: f.Title, Text: f.Text, BlockNo: f.Block + 1})
	}
	return out
}

// placeOf returns a fact's section ordinal (null before the first
// section) and its table cell (null in a paragraph).
func placeOf(p model.Place) (section, row, col *int) {
	if p.Section >= 0 {
		section = ptr(p.Section + 1)
	}
	if p.Row >= 0 {
		row, col = ptr(p.Row), ptr(p.Col)
	}
	return section, row, col
}

func ptr(n int) *int { return &n }

// nonZero is nil for 0, which the model uses for "unknown".
func nonZero(n int) *int {
	if n == 0 {
		return nil
	}
	return &n
}

// number keeps an exact decimal as a JSON number, nil when s is none.
func number(s string) *json.Number {
	if _, err := strconv.ParseFloat(s, 64); err != nil {
		return nil
	}
	n := json.Number(s)
	return &n
}

// fromOne returns a copy of reports with blocks numbered from 1, as the
// database numbers them, for the outline. EndBlock, the end of a half-open
// range from 0, is the last block counted from 1 as it stands.
func fromOne(reports []model.Report) []model.Report {
	out := make([]model.Report, len(reports))
	for i, r := range reports {
		r.FirstBlock++
		r.Sections = slices.Clone(r.Sections)
		for j := range r.Sections {
			r.Sections[j].Block++
		}
		r.Tables = slices.Clone(r.Tables)
		for j := range r.Tables {
			r.Tables[j].Block++
		}
		r.Score.Block++
		r.Findings = slices.Clone(r.Findings)
		for j := range r.Findings {
			r.Findings[j].Block++
		}
		out[i] = r
	}
	return out
}

func writeInspection(w io.Writer, in *inspection) error {
	fmt.Fprintf(w, "file: %s (%s", in.File, in.Format)
	if in.Encoding != "" {
		fmt.Fprintf(w, ", %s", in.Encoding)
	}
	fmt.Fprintf(w, ")\n")
	for _, warn := range in.Warnings {
		fmt.Fprintf(w, "warning: %s\n", warn)
	}
	return extract.WriteOutline(w, &model.Extraction{Reports: in.reports}, extract.OutlineOptions{BodyRunes: 60, Positions: true})
}
