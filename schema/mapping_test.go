package schema

import (
	"database/sql"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/govreports/govreports"
	"github.com/govreports/govreports/ingest/model"
)

// notStored lists the model fields deliberately kept out of the database,
// as Type.Field paths, with the reason.
var notStored = map[string]string{
	"Document.Path": "paths.path (absolute, with root and rel), from Entry.StoredPath: one content is stored once under every path it was found at",
	// Reading hints the extractors use to find headings; the database
	// keeps what they decided (sections) and the text, style and marker.
	"Block.Para.OutlineLevel": "a heading hint, used by extract",
	"Block.Para.NumLevel":     "a heading hint, used by extract",
	"Block.Para.NumID":        "a heading hint, used by extract",
	"Block.Para.Bold":         "a heading hint, used by extract",
	"Block.Para.Centered":     "a heading hint, used by extract",
	"Block.Para.PageBreak":    "a heading hint, used by extract",
	"Table.Pos":               "a table stands where its block does (blocks.line, body_index)",
	"Cell.Paras":              "table_cells.text holds the cell's paragraphs, joined by newlines",
	"Cell.Pos":                "a cell is placed by its table, row and column",
	// Not stored yet: the tables side registers it (a migration, an entry
	// under report_tables in tables.go, a view), and takes it off this list.
	"Figure.Flag":    "malformed exactly when v_figures.value is NULL: no column needed (migration 0011)",
	"Block.Pos.Page": "not stored yet: the page a PDF block starts on (ingest/pdf); a blocks.page column needs a migration",
}

// notInView lists the stored columns of model fields that no view shows,
// as table.column, with the reason.
var notInView = map[string]string{
	"documents.props":               "docx core properties as JSON, for SQL on the table",
	"tables.parent_table":           "nested tables: structure for the writer's readers, not analysis",
	"tables.parent_row":             "nested tables: structure for the writer's readers, not analysis",
	"tables.parent_col":             "nested tables: structure for the writer's readers, not analysis",
	"reports.first_block":           "the report's block range, for joins on the table; v_reports shows the report's fields",
	"reports.end_block":             "the report's block range, for joins on the table; v_reports shows the report's fields",
	"reports.execution_rate_stated": "v_reports.execution_rate where stated, beside execution_rate_computed",
	"funds.execution_rate_stated":   "v_funds.execution_rate where stated, beside execution_rate_computed",
	"sections.family":               "the heading family, how the section tree was built",
	"figures.value_exact":           "the exact decimal behind v_figures.value, for checks",
	"report_terms.term":             "weighed into v_keywords.keyword",
	"report_terms.tf":               "weighed into v_keywords.weight",
	"search_units.report_id":        "full-text search is queried on its tables (README, Full-text search from SQL)",
	"search_units.section_id":       "full-text search is queried on its tables",
	"search_units.kind":             "full-text search is queried on its tables",
	"search_units.block_no":         "full-text search is queried on its tables",
	"search_units.text":             "full-text search is queried on its tables",
}

// modelFields walks the model from Document and Extraction: every
// exported field as a Type.Field path, says whether it is a leaf (a value
// stored in a column) or a slice of model rows (stored in a table of its
// own). Fields of model structs held by value (Pos, Place, Paragraph) are
// walked under their field's path.
func modelFields() (leaves, slices []string, all map[string]bool) {
	all = map[string]bool{}
	pkg := reflect.TypeFor[model.Document]().PkgPath()
	isModel := func(t reflect.Type) bool { return t.Kind() == reflect.Struct && t.PkgPath() == pkg }
	seen := map[reflect.Type]bool{}
	var walkType func(t reflect.Type)
	var walkFields func(prefix string, t reflect.Type)
	walkFields = func(prefix string, t reflect.Type) {
		for f := range t.Fields() {
			if !f.IsExported() {
				continue
			}
			path := prefix + "." + f.Name
			all[path] = true
			ft := f.Type
			_, skip := notStored[path]
			switch {
			case skip:
				leaves = append(leaves, path) // not walked: none of it is stored
			case isModel(ft):
				walkFields(path, ft)
			case ft.Kind() == reflect.Slice && isModel(ft.Elem()):
				slices = append(slices, path)
				walkType(ft.Elem())
			default:
				leaves = append(leaves, path)
			}
		}
	}
	walkType = func(t reflect.Type) {
		if seen[t] {
			return
		}
		seen[t] = true
		walkFields(t.Name(), t)
	}
	walkType(reflect.TypeFor[model.Document]())
	walkType(reflect.TypeFor[model.Extraction]())
	return leaves, slices, all
}

// Every field of the model reaches a column of a table, and the column a
// view, unless listed above with the reason.
func TestModelFieldsStored(t *testing.T) {
	leaves, rowFields, all := modelFields()
	stored := map[string][]string{} // field path → table.column
	from := map[string]string{}     // slice field path → table
	for _, ti := range allTables() {
		if ti.from != "" {
			if !all[ti.from] {
				t.Errorf("table %s: rows from %s, which is no field of the model", ti.name, ti.from)
			}
			from[ti.from] = ti.name
		}
		for _, c := range ti.cols {
			if c.fields == "" {
				continue
			}
			for f := range strings.SplitSeq(c.fields, ",") {
				if !all[f] {
					t.Errorf("column %s.%s: %s is no field of the model", ti.name, c.name, f)
				}
				stored[f] = append(stored[f], ti.name+"."+c.name)
			}
		}
	}
	for _, f := range leaves {
		_, skip := notStored[f]
		switch {
		case skip && len(stored[f]) > 0:
			t.Errorf("%s is stored (%v) but listed in notStored", f, stored[f])
		case !skip && len(stored[f]) == 0:
			t.Errorf("%s reaches no column: add a column spec in tables.go (or a reason to notStored)", f)
		}
	}
	for _, f := range rowFields {
		if _, ok := from[f]; !ok {
			if _, skip := notStored[f]; !skip {
				t.Errorf("%s reaches no table: add a table spec in tables.go (or a reason to notStored)", f)
			}
		}
	}
	for f := range notStored {
		if !all[f] {
			t.Errorf("notStored names %s, which is no field of the model", f)
		}
	}

	// The columns exist, and reach a view of their table.
	db, _ := openTest(t)
	views := viewColumns(t, db)
	viewSQL := map[string]string{}
	rows, err := db.Query(`SELECT name, sql FROM sqlite_master WHERE type = 'view'`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var name, sql string
		rows.Scan(&name, &sql)
		viewSQL[name] = sql
	}
	rows.Close()
	for _, ti := range allTables() {
		have := columnsOf(t, db, ti.name)
		if len(have) == 0 {
			t.Errorf("table %s: no such table", ti.name)
			continue
		}
		over := regexp.MustCompile(`(?i)\b(FROM|JOIN)\s+` + ti.name + `\b`)
		for _, c := range ti.cols {
			if c.name != "rowid" && !slices.Contains(have, c.name) {
				t.Errorf("column spec %s.%s: the table has no such column (add it in a migration)", ti.name, c.name)
			}
			if c.fields == "" {
				continue
			}
			key := ti.name + "." + c.name
			var in []string
			for v, cols := range views {
				if over.MatchString(viewSQL[v]) && slices.Contains(cols, c.name) {
					in = append(in, v)
				}
			}
			_, skip := notInView[key]
			switch {
			case skip && len(in) > 0:
				t.Errorf("%s is in %v but listed in notInView", key, in)
			case !skip && len(in) == 0:
				t.Errorf("%s (%s) reaches no view: add it to views.sql and README.md (or a reason to notInView)", key, c.fields)
			}
		}
	}
	for key := range notInView {
		table, column, _ := strings.Cut(key, ".")
		if !slices.Contains(columnsOf(t, db, table), column) {
			t.Errorf("notInView names %s, which is no column", key)
		}
	}
}

// columnsOf lists the columns of a table or view in order, none when
// there is no such table.
func columnsOf(t *testing.T, db *sql.DB, name string) []string {
	t.Helper()
	rows, err := db.Query(`SELECT name FROM pragma_table_info(?) ORDER BY cid`, name)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var cols []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			t.Fatal(err)
		}
		cols = append(cols, c)
	}
	return cols
}

// TestREADMEViews compares README.md's Views section with the views of a
// new database, both ways: every column of every view is described there
// (govreports.ParseViews refuses a column without a meaning), in the
// view's order, and nothing is described that the views do not have.
func TestREADMEViews(t *testing.T) {
	described, err := govreports.Views()
	if err != nil {
		t.Fatal(err)
	}
	doc := map[string][]string{}
	for _, v := range described {
		if _, twice := doc[v.Name]; twice {
			t.Errorf("README.md describes %s twice", v.Name)
		}
		for _, c := range v.Columns {
			doc[v.Name] = append(doc[v.Name], c.Name)
		}
	}
	db, _ := openTest(t)
	have := viewColumns(t, db)
	for v, cols := range have {
		if !strings.HasPrefix(v, "v_") {
			// search_units (migration 0009) is documented with the
			// full-text index it serves, not among the views.
			continue
		}
		want, ok := doc[v]
		if !ok {
			t.Errorf("view %s is not in README.md's Views", v)
			continue
		}
		if slices.Equal(cols, want) {
			continue
		}
		for _, c := range want {
			if !slices.Contains(cols, c) {
				t.Errorf("README.md describes %s.%s, which the view has not", v, c)
			}
		}
		for _, c := range cols {
			if !slices.Contains(want, c) {
				t.Errorf("view %s has column %s, which README.md does not describe", v, c)
			}
		}
		t.Errorf("view %s: the columns differ:\n README.md: %s\n database:  %s", v, strings.Join(want, ", "), strings.Join(cols, ", "))
	}
	for v := range doc {
		if _, ok := have[v]; !ok {
			t.Errorf("README.md's Views describes %s, which the database has not", v)
		}
	}
}

func viewColumns(t *testing.T, db *sql.DB) map[string][]string {
	t.Helper()
	rows, err := db.Query(`SELECT name FROM sqlite_master WHERE type = 'view' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		names = append(names, n)
	}
	rows.Close()
	out := map[string][]string{}
	for _, n := range names {
		out[n] = columnsOf(t, db, n)
	}
	return out
}

// A section's body is left to its search unit when trimming the unit's
// text, its title and body on two lines, would change nothing.
func TestBodyInUnit(t *testing.T) {
	for _, c := range []struct {
		title, body string
		want        bool
	}{
		{"一、项目概况", "项目于2021年实施。", true},
		{"一、项目概况 ", " 项目于2021年实施。", true}, // spaces inside the unit's text
		{"", "项目于2021年实施。", false},        // the text would start with the line end
		{"一、项目概况", "", false},
		{" 一、项目概况", "项目于2021年实施。", false},
		{"\u00a0一、项目概况", "项目于2021年实施。", false},
		{"一、项目概况", "项目于2021年实施。\n", false},
		{"一、项目概况", "项目于2021年实施。\u3000", false},
	} {
		if got := bodyInUnit(&model.Section{Title: c.title, Body: c.body}); got != c.want {
			t.Errorf("bodyInUnit(%q, %q) = %v, want %v", c.title, c.body, got, c.want)
		}
	}
}
