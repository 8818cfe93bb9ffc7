package main

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/govreports/govreports/schema"
)

// inspectRenamed lists the columns inspect --json names otherwise, as
// table.column, with the name it uses: without a database there are no
// ids, and a section is referred to by its ordinal; a fund's computed
// rate is named as v_funds and v_reports name it, beside the stated one;
// a figure's value is a JSON number holding the exact decimal.
var inspectRenamed = map[string]string{
	"sections.parent_id":   "parent_ordinal",
	"figures.section_id":   "section_ordinal",
	"dates.section_id":     "section_ordinal",
	"findings.section_id":  "section_ordinal",
	"funds.execution_rate": "execution_rate_computed",
	"figures.value_exact":  "value",
}

// inspectLeftOut lists what a report's tables store and inspect --json
// does not show, with the reason.
var inspectLeftOut = map[string]string{
	"Report.Terms": "term counts: v_keywords weighs them against the whole database, which inspect has not",
}

// TestInspectJSONHasStoredFields walks schema's table specs from the
// reports table down and fails when a model field the database stores
// has no key of the same name in inspect --json (or a key names no
// column): a fact added to schema/tables.go and not to inspect.go.
func TestInspectJSONHasStoredFields(t *testing.T) {
	var reports *schema.TableSpec
	for _, s := range schema.Specs() {
		if s.Name == "reports" {
			reports = &s
		}
	}
	if reports == nil {
		t.Fatal("schema.Specs has no reports table")
	}
	checkInspected(t, *reports, reflect.TypeFor[inspectedReport]())
}

func checkInspected(t *testing.T, spec schema.TableSpec, typ reflect.Type) {
	t.Helper()
	keys := map[string]bool{} // the JSON keys of typ's fields that are values, not rows
	rows := map[string]reflect.Type{}
	for f := range typ.Fields() {
		key, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if key == "" || key == "-" {
			continue
		}
		if f.Type.Kind() == reflect.Slice && f.Type.Elem().Kind() == reflect.Struct {
			rows[f.Name] = f.Type.Elem()
			continue
		}
		keys[key] = true
	}
	var columns []string
	for _, c := range spec.Columns {
		columns = append(columns, c.Name)
		if c.Fields == "" {
			continue // an id or key the writer supplies
		}
		name := c.Name
		if r, ok := inspectRenamed[spec.Name+"."+c.Name]; ok {
			name = r
		}
		if !keys[name] {
			t.Errorf("%s.%s (%s) is stored, but %s has no JSON key %q: add it to inspect --json", spec.Name, c.Name, c.Fields, typ.Name(), name)
		}
	}
	for key := range keys {
		renamed := false
		for col, r := range inspectRenamed {
			renamed = renamed || r == key && strings.HasPrefix(col, spec.Name+".")
		}
		if !slices.Contains(columns, key) && !renamed {
			t.Errorf("%s's JSON key %q names no column of %s", typ.Name(), key, spec.Name)
		}
	}
	for _, sub := range spec.Sub {
		_, field, _ := strings.Cut(sub.From, ".")
		if _, ok := inspectLeftOut[sub.From]; ok {
			continue
		}
		elem, ok := rows[field]
		if !ok {
			t.Errorf("table %s stores %s, which %s has no rows of: add them to inspect --json", sub.Name, sub.From, typ.Name())
			continue
		}
		checkInspected(t, sub, elem)
	}
}
