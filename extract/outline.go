package extract

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/govreports/govreports/extract/tables"
	"github.com/govreports/govreports/ingest/model"
)

// OutlineOptions say how much WriteOutline prints.
type OutlineOptions struct {
	// BodyRunes is how much of each section body to print: 0 for all of
	// it, a negative number for none.
	BodyRunes int
	// Positions prints block numbers, table numbers and how headings
	// were recognised, which differ between renderings of one report.
	Positions bool
	// NoFigures leaves out figures and dates, which belong to the figures
	// package's tests.
	NoFigures bool
}

// WriteOutline prints an extraction for people: each report with its
// fields, its section tree indented by level, its tables and facts.
func WriteOutline(w io.Writer, x *model.Extraction, opt OutlineOptions) error {
	bw := bufio.NewWriter(w)
	for _, r := range x.Reports {
		writeReport(bw, &r, opt)
	}
	return bw.Flush()
}

func writeReport(w *bufio.Writer, r *model.Report, opt OutlineOptions) {
	fmt.Fprintf(w, "report %d: %s", r.No, r.Title)
	if opt.Positions {
		fmt.Fprintf(w, " [blocks %d-%d]", r.FirstBlock, r.EndBlock)
	}
	fmt.Fprintln(w)
	field := func(name, value string) {
		if value != "" {
			fmt.Fprintf(w, "  %s: %s\n", name, value)
		}
	}
	field("project", r.ProjectName)
	field("category", r.Category)
	field("implementing unit", r.ImplementingUnit)
	field("supervising dept", r.SupervisingDept)
	field("evaluation agency", r.EvaluationAgency)
	if r.EvaluationYear != 0 {
		field("evaluation year", fmt.Sprint(r.EvaluationYear))
	}
	field("report date", r.ReportDate)
	field("attachment", r.Attachment)
	field("goal", r.Goal)
	field("kind", r.Kind)
	if sc := r.Score; sc.Value != "" || sc.Grade != "" {
		fmt.Fprintf(w, "  score: %s / %s grade %s (%s)", cmp.Or(sc.Value, "?"), cmp.Or(sc.Max, "?"), cmp.Or(sc.Grade, "?"), sc.GradeNorm)
		if opt.Positions {
			if sc.TableNo != 0 {
				fmt.Fprintf(w, " [table %d row %d]", sc.TableNo, sc.Row)
			} else {
				fmt.Fprintf(w, " [block %d offset %d]", sc.Block, sc.Offset)
			}
		}
		fmt.Fprintln(w)
	}
	if body := clip(r.Preamble, opt.BodyRunes); body != "" {
		fmt.Fprintln(w, "  preamble:")
		for _, line := range strings.Split(body, "\n") {
			fmt.Fprintf(w, "    | %s\n", line)
		}
	}
	if len(r.Sections) > 0 {
		fmt.Fprintln(w, "  sections:")
	}
	for _, s := range r.Sections {
		indent := strings.Repeat("  ", s.Level+1)
		sep := ""
		if s.Marker != "" && strings.ContainsAny(s.Marker[len(s.Marker)-1:], "0123456789") {
			sep = " " // "1 项目概况", "1.1 项目基本情况"
		}
		fmt.Fprintf(w, "%s%s%s%s", indent, s.Marker, sep, s.Title)
		if s.Role != "" {
			fmt.Fprintf(w, " → %s", s.Role)
		}
		if opt.Positions {
			fmt.Fprintf(w, "  [L%d %s %s block %d]", s.Level, s.Family, s.Via, s.Block)
		}
		fmt.Fprintln(w)
		if body := clip(s.Body, opt.BodyRunes); body != "" {
			for _, line := range strings.Split(body, "\n") {
				fmt.Fprintf(w, "%s  | %s\n", indent, line)
			}
		}
	}
	for _, t := range r.Tables {
		fmt.Fprintf(w, "  table")
		if opt.Positions {
			fmt.Fprintf(w, " %d (block %d)", t.TableNo, t.Block)
		}
		if t.Kind != "" {
			fmt.Fprintf(w, " [%s]", t.Kind)
		}
		fmt.Fprintf(w, " %q header row %d: %s\n", t.Caption, t.HeaderRow, strings.Join(t.Header, " | "))
		if stacked(t) {
			for _, b := range t.Blocks {
				fmt.Fprintf(w, "    block rows %d-%d %s", b.FirstRow, b.EndRow-1, cmp.Or(b.Kind, "?"))
				if b.HeaderRow >= 0 {
					fmt.Fprintf(w, " header row %d: %s", b.HeaderRow, strings.TrimRight(strings.Join(b.Header, " | "), " |"))
				}
				fmt.Fprintln(w)
			}
		}
	}
	for _, f := range r.Funds {
		fmt.Fprintf(w, "  fund %s: budget %s (%s) actual %s (%s)", f.Item, amount(f.Budget), f.BudgetRaw, amount(f.Actual), f.ActualRaw)
		if f.Rate != nil {
			fmt.Fprintf(w, " rate %.2f%%", *f.Rate)
		}
		if f.RateStated != nil {
			fmt.Fprintf(w, " stated %s%%", strconv.FormatFloat(*f.RateStated, 'f', -1, 64))
		}
		fmt.Fprintln(w)
	}
	if r.RateStated != nil {
		fmt.Fprintf(w, "  stated rate: %s%%\n", strconv.FormatFloat(*r.RateStated, 'f', -1, 64))
	}
	if r.InitialBudget != nil {
		fmt.Fprintf(w, "  initial budget: %s\n", *r.InitialBudget)
	}
	for _, c := range r.Checks {
		fmt.Fprintf(w, "  check %s: expected %s found %s: %s\n", c.Code, c.Expected, c.Found, c.Detail)
	}
	for _, e := range r.Evaluators {
		fmt.Fprintf(w, "  evaluator %s | %s | %s\n", e.Name, e.Org, e.Title)
	}
	for _, f := range r.Findings {
		fmt.Fprintf(w, "  %s %d %s", f.Kind, f.No, f.Marker)
		text := f.Text
		if f.Title != "" {
			fmt.Fprintf(w, "【%s】", f.Title)
			text = strings.TrimLeft(strings.TrimPrefix(text, f.Title), "\n，,。；;：:")
		}
		fmt.Fprintf(w, "%s", clip(strings.ReplaceAll(text, "\n", " / "), 40))
		if opt.Positions {
			fmt.Fprintf(w, "  [section %d block %d]", f.Section+1, f.Block)
		}
		fmt.Fprintln(w)
	}
	for _, p := range r.Policies {
		fmt.Fprintf(w, "  policy 《%s》 %s\n", p.Title, p.Number)
	}
	for _, o := range r.Orgs {
		fmt.Fprintf(w, "  org %s (%s) ×%d\n", o.Name, o.Kind, o.Count)
	}
	if opt.NoFigures {
		return
	}
	for _, f := range r.Figures {
		fmt.Fprintf(w, "  figure %s = %s %s (%s)\n", f.Raw, f.Value, f.Unit, f.Kind)
	}
	for _, d := range r.Dates {
		fmt.Fprintf(w, "  date %s = %s\n", d.Raw, d.Date)
	}
}

// stacked reports whether a table stacks blocks (a form's cover rows,
// funds, goals, indicators): a title row and one block say no more than
// the table's own line.
func stacked(t model.ReportTable) bool {
	n := 0
	for _, b := range t.Blocks {
		if b.Kind != tables.KindTitle {
			n++
		}
	}
	return n > 1
}

func amount(a *model.Amount) string {
	if a == nil {
		return "?"
	}
	return *a
}

func clip(s string, n int) string {
	switch {
	case n < 0:
		return ""
	case n == 0:
		return s
	}
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return string(rs[:n]) + "…"
}
