package extract

import (
	"bufio"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/govreports/govreports/corpus"
	"github.com/govreports/govreports/extract/grammar"
	"github.com/govreports/govreports/extract/internal/doctest"
	"github.com/govreports/govreports/ingest/model"
	"github.com/govreports/govreports/ingest/txt"
)

// Expectations written by hand (testdata/sample.tsv for the sample,
// testdata/outline/NAME.tsv for the fixture NAME.txt beside it) state what
// Extract must find in a document, read off its text by a person rather
// than copied from the program's output, unlike the golden files. A line
// is tab-separated:
//
//	reports	N                                  how many reports the document holds
//	R	title|project|category|unit|dept|agency|year|date|attachment	VALUE
//	R	goal	VALUE                             checked only when given
//	R	section	LEVEL	MARKER	TITLE
//	R	fund	ITEM	BUDGET	ACTUAL	RATE         元 and percent; "-" for none
//	R	evaluator	NAME	ORG	TITLE
//	R	known	KIND	WANT	GOT	WHY                a known bug, below
//	R	budget|actual|rate|rate_computed|initial_budget	VALUE
//	                                           the report's funds as v_reports
//	                                           gives them (元, percent; "-"
//	                                           for none); checked only when given
//	R	project_source|year_source|budget_source	VALUE
//	                                           where a fact was read; checked only when given
//	R	check	CODE	EXPECTED	FOUND          a disagreement (v_checks)
//
// and, for what the evaluation concluded (checked in every report of a
// file that gives the key for any; score_at only where given):
//
//	R	kind	KIND                              project_evaluation, not_report …
//	R	score|score_max|grade|grade_norm	VALUE   as stated; empty for none
//	R	score_at	table T row N | block B offset O   where the score (else grade) stands
//	R	role	MARKER	TITLE	ROLE              a section with a role, in order
//	R	finding	KIND	NO	MARKER	TITLE	TEXT  TEXT ending in … is a prefix; \n a newline
//
// R is the report's number from 1. Every report must be described in full:
// a cover field left out must be empty (year 0), and the sections, funds,
// evaluators and checks of a report are exactly the ones listed, in order. A section's
// parent is the nearest section above it of a lower level. Lines starting
// with # are comments; empty trailing fields may be left off.
//
// Where the program disagrees with the text, the expectation stays what
// the text says and a known line records what the program returns instead
// (for a section, fund or evaluator, WANT and GOT are its fields joined by
// "|", and WANT is also listed in its place). The test logs a known bug and
// fails when the program returns anything else, the right answer included,
// so that a fix or a new error is noticed and the line removed.

// expectation is what a document must yield.
type expectation struct {
	reports int
	fields  []map[string]string // by report; cover fields and goal
	lists   []map[string][]string
	known   []map[string]map[string]knownBug // by report, kind and wanted value
	given   map[string]bool                  // the result keys the file gives (kind, score, role …)
}

// knownBug is what the program returns instead of a wanted value, and why.
type knownBug struct{ got, why string }

var coverKeys = []string{"title", "project", "category", "unit", "dept", "agency", "year", "date", "attachment"}

func readExpectation(t *testing.T, path string) *expectation {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	e := &expectation{given: map[string]bool{}}
	report := func(line int, s string) int {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > e.reports {
			t.Fatalf("%s:%d: report %q: not a number from 1 to the reports line's %d", path, line, s, e.reports)
		}
		return n - 1
	}
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		cols := strings.Split(text, "\t")
		if cols[0] == "reports" {
			n, err := strconv.Atoi(cols[1])
			if err != nil || e.reports != 0 {
				t.Fatalf("%s:%d: bad or second reports line", path, line)
			}
			e.reports = n
			e.fields = make([]map[string]string, n)
			e.lists = make([]map[string][]string, n)
			e.known = make([]map[string]map[string]knownBug, n)
			for k := range n {
				e.fields[k] = map[string]string{}
				e.lists[k] = map[string][]string{}
				e.known[k] = map[string]map[string]knownBug{}
			}
			continue
		}
		if e.reports == 0 || len(cols) < 3 {
			t.Fatalf("%s:%d: want the reports line first, then report, kind and values", path, line)
		}
		k := report(line, cols[0])
		switch kind := cols[1]; kind {
		case "section", "fund", "evaluator", "check":
			e.lists[k][kind] = append(e.lists[k][kind], strings.Join(cols[2:], "\t"))
		case "title", "project", "category", "unit", "dept", "agency", "year", "date", "attachment", "goal":
			e.fields[k][kind] = cols[2]
		case "budget", "actual", "rate", "rate_computed", "initial_budget", "project_source", "year_source", "budget_source":
			e.fields[k][kind] = cols[2]
		case "kind", "score", "score_max", "grade", "grade_norm", "score_at":
			e.fields[k][kind] = cols[2]
			e.given[kind] = true
		case "role", "finding":
			e.lists[k][kind] = append(e.lists[k][kind], strings.Join(cols[2:], "\t"))
			e.given[kind] = true
		case "known":
			if len(cols) != 6 {
				t.Fatalf("%s:%d: want R, known, KIND, WANT, GOT and WHY", path, line)
			}
			want, got := strings.ReplaceAll(cols[3], "|", "\t"), strings.ReplaceAll(cols[4], "|", "\t")
			if e.known[k][cols[2]] == nil {
				e.known[k][cols[2]] = map[string]knownBug{}
			}
			e.known[k][cols[2]][want] = knownBug{got, cols[5]}
		default:
			t.Fatalf("%s:%d: unknown kind %q", path, line, kind)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if e.reports == 0 {
		t.Fatalf("%s: no reports line", path)
	}
	return e
}

// check compares what Extract returned with the expectation.
func (e *expectation) check(t *testing.T, x *model.Extraction) {
	t.Helper()
	if len(x.Reports) != e.reports {
		var titles []string
		for _, r := range x.Reports {
			titles = append(titles, r.Title)
		}
		t.Fatalf("%d reports %q, want %d", len(x.Reports), titles, e.reports)
	}
	for k, r := range x.Reports {
		got := map[string]string{
			"title": r.Title, "project": r.ProjectName, "category": r.Category,
			"unit": r.ImplementingUnit, "dept": r.SupervisingDept, "agency": r.EvaluationAgency,
			"date": r.ReportDate, "attachment": r.Attachment, "goal": r.Goal,
		}
		if r.EvaluationYear != 0 {
			got["year"] = strconv.Itoa(r.EvaluationYear)
		}
		for _, key := range coverKeys {
			e.compare(t, k, key, key, got[key], e.fields[k][key])
		}
		for key, v := range statedFunds(&r) {
			got[key] = v
		}
		got["project_source"], got["year_source"], got["budget_source"] = r.ProjectNameSource, r.YearSource, r.BudgetSource
		for _, key := range optionalKeys {
			if want, ok := e.fields[k][key]; ok {
				e.compare(t, k, key, key, got[key], want)
			}
		}
		e.compareLists(t, k, "check", checkLines(r.Checks))
		e.compareLists(t, k, "section", sectionLines(t, k+1, r.Sections))
		e.compareLists(t, k, "fund", fundLines(r.Funds))
		e.compareLists(t, k, "evaluator", evaluatorLines(r.Evaluators))
		e.checkResult(t, k, &r)
	}
}

// checkResult compares report k's kind, score, section roles and
// findings with the expectation, for the keys the file gives.
func (e *expectation) checkResult(t *testing.T, k int, r *model.Report) {
	t.Helper()
	at := ""
	switch {
	case r.Score.Value == "" && r.Score.Grade == "":
	case r.Score.TableNo != 0:
		at = fmt.Sprintf("table %d row %d", r.Score.TableNo, r.Score.Row)
	default:
		at = fmt.Sprintf("block %d offset %d", r.Score.Block, r.Score.Offset)
	}
	got := map[string]string{"kind": r.Kind, "score": r.Score.Value, "score_max": r.Score.Max,
		"grade": r.Score.Grade, "grade_norm": r.Score.GradeNorm, "score_at": at}
	for _, key := range []string{"kind", "score", "score_max", "grade", "grade_norm"} {
		if e.given[key] {
			e.compare(t, k, key, key, got[key], e.fields[k][key])
		}
	}
	if want, ok := e.fields[k]["score_at"]; ok {
		e.compare(t, k, "score_at", "score_at", at, want)
	}
	if e.given["role"] {
		var roles []string
		for _, s := range r.Sections {
			if s.Role != "" {
				roles = append(roles, s.Marker+"\t"+s.Title+"\t"+s.Role)
			}
		}
		e.compareLists(t, k, "role", roles)
	}
	if e.given["finding"] {
		want := e.lists[k]["finding"]
		var lines []string
		for i, f := range r.Findings {
			text := strings.ReplaceAll(f.Text, "\n", `\n`)
			// A wanted text ending in … is a prefix of the text.
			if i < len(want) {
				if w := want[i][strings.LastIndex(want[i], "\t")+1:]; strings.HasSuffix(w, "…") && strings.HasPrefix(text, strings.TrimSuffix(w, "…")) {
					text = w
				}
			}
			lines = append(lines, strings.Join([]string{f.Kind, strconv.Itoa(f.No), f.Marker, f.Title, text}, "\t"))
		}
		e.compareLists(t, k, "finding", lines)
	}
}

// compare compares one value of report k, minding the known bugs of its
// kind; label names it in messages ("project", "section 3").
func (e *expectation) compare(t *testing.T, k int, kind, label, got, want string) {
	t.Helper()
	bug, known := e.known[k][kind][want]
	switch {
	case known && got == bug.got:
		t.Logf("report %d: known bug: %s %q, want %q: %s", k+1, label, got, want, bug.why)
	case known && got == want:
		t.Errorf("report %d: %s %q is right now: remove its known line", k+1, label, got)
	case got != want:
		t.Errorf("report %d: %s %q, want %q", k+1, label, got, want)
	}
}

// sectionLines lists the sections as level, marker and title, and checks
// that each one's parent is the nearest section above it of a lower level,
// which is what makes the listed levels a tree.
func sectionLines(t *testing.T, report int, ss []model.Section) []string {
	var out []string
	for i, s := range ss {
		parent := -1
		for j := i - 1; j >= 0; j-- {
			if ss[j].Level < s.Level {
				parent = j
				break
			}
		}
		if s.Parent != parent {
			t.Errorf("report %d: section %s%s has parent %d, want %d", report, s.Marker, s.Title, s.Parent, parent)
		}
		out = append(out, fmt.Sprintf("%d\t%s\t%s", s.Level, s.Marker, s.Title))
	}
	return out
}

func fundLines(fs []model.Fund) []string {
	str := func(a *model.Amount) string {
		if a == nil {
			return "-"
		}
		return *a
	}
	var out []string
	for _, f := range fs {
		rate := "-"
		if f.Rate != nil {
			rate = strconv.FormatFloat(*f.Rate, 'f', -1, 64)
		}
		out = append(out, strings.Join([]string{f.Item, str(f.Budget), str(f.Actual), rate}, "\t"))
	}
	return out
}

// optionalKeys are checked only when an expectation gives them.
var optionalKeys = []string{"goal", "budget", "actual", "rate", "rate_computed", "initial_budget", "project_source", "year_source", "budget_source"}

// statedFunds gives a report's funds as v_reports does: the sums of its
// funds rows, the rate it states or else the computed one, the computed
// rate, the initial budget; "-" for none.
func statedFunds(r *model.Report) map[string]string {
	out := map[string]string{"budget": "-", "actual": "-", "rate": "-", "rate_computed": "-", "initial_budget": "-"}
	budget, actual := new(big.Rat), new(big.Rat)
	nb, na := 0, 0
	for _, f := range r.Funds {
		if f.Budget != nil {
			v, _ := new(big.Rat).SetString(*f.Budget)
			budget.Add(budget, v)
			nb++
		}
		if f.Actual != nil {
			v, _ := new(big.Rat).SetString(*f.Actual)
			actual.Add(actual, v)
			na++
		}
	}
	if nb > 0 {
		out["budget"] = grammar.Decimal(budget)
	}
	if na > 0 {
		out["actual"] = grammar.Decimal(actual)
	}
	if nb > 0 && na > 0 {
		if v, ok := grammar.Rate(out["budget"], out["actual"]); ok {
			out["rate_computed"] = strconv.FormatFloat(v, 'f', -1, 64)
			out["rate"] = out["rate_computed"]
		}
	}
	if r.RateStated != nil {
		out["rate"] = strconv.FormatFloat(*r.RateStated, 'f', -1, 64)
	}
	if r.InitialBudget != nil {
		out["initial_budget"] = *r.InitialBudget
	}
	return out
}

func checkLines(cs []model.Check) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Code+"\t"+c.Expected+"\t"+c.Found)
	}
	return out
}

func evaluatorLines(es []model.Evaluator) []string {
	var out []string
	for _, e := range es {
		out = append(out, strings.TrimRight(e.Name+"\t"+e.Org+"\t"+e.Title, "\t"))
	}
	return out
}

// compareLists compares the sections, funds or evaluators of report k
// item by item.
func (e *expectation) compareLists(t *testing.T, k int, kind string, got []string) {
	t.Helper()
	want := e.lists[k][kind]
	for i := range max(len(got), len(want)) {
		g, w := "(none)", "(none)"
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		e.compare(t, k, kind, fmt.Sprintf("%s %d", kind, i+1), g, w)
	}
}

// TestSampleExpected checks the hand-written expectation of the sample on
// every shipped rendering that is read (.txt in three encodings, .docx from
// three producers).
func TestSampleExpected(t *testing.T) {
	e := readExpectation(t, filepath.Join("testdata", "sample.tsv"))
	paths := corpus.Renderings(t)
	if len(paths) != 6 {
		t.Fatalf("%d renderings of the sample, want 6: %q", len(paths), paths)
	}
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			e.check(t, Extract(readSample(t, path)))
		})
	}
}

// TestFixturesExpected checks the hand-written expectation
// testdata/outline/NAME.tsv of each fixture NAME.txt that has one.
func TestFixturesExpected(t *testing.T) {
	wants, err := filepath.Glob(filepath.Join("testdata", "outline", "*.tsv"))
	if err != nil || len(wants) < 6 {
		t.Fatalf("%d hand-written expectations, want at least 6 (%v)", len(wants), err)
	}
	for _, want := range wants {
		in := strings.TrimSuffix(want, ".tsv") + ".txt"
		t.Run(filepath.Base(in), func(t *testing.T) {
			readExpectation(t, want).check(t, Extract(readFixture(t, in)))
		})
	}
}

// readFixture reads testdata/outline/NAME.txt: a .plain.txt with the txt
// reader, any other in the doctest line syntax.
func readFixture(t *testing.T, path string) *model.Document {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if strings.HasSuffix(path, ".plain.txt") {
		doc, err := txt.Decode(path, src)
		if err != nil {
			t.Fatal(err)
		}
		return doc
	}
	return doctest.Parse(path, string(src))
}
