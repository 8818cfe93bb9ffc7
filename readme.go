// Package govreports holds the project's README.md for the programs: its
// Views section is the one description of every column of the
// database's views, which `reports datasette-metadata` hands to Datasette
// and schema's TestREADMEViews checks against the views themselves.
package govreports

import (
	_ "embed"
	"errors"
	"fmt"
	"regexp"
	"strings"
)

//go:embed README.md
var readme string

// A View is a view as README.md's Views section describes it.
type View struct {
	Name        string
	Description string // what a row is
	Columns     []Column
}

// A Column is a column of a view and what it means.
type Column struct {
	Name        string
	Description string
}

// Views returns the views README.md describes, in its order.
func Views() ([]View, error) { return ParseViews(readme) }

var (
	viewHeading = regexp.MustCompile("^### `(v_\\w+)`$")
	columnRow   = regexp.MustCompile("^\\| `(\\w+)` \\| (.*) \\|$")
)

// ParseViews reads the Views section of a README: under "## Views", a
// heading "### `v_name`" for each view, a paragraph saying what its rows
// are, then a table of its columns, "| `column` | meaning |" a row.
func ParseViews(md string) ([]View, error) {
	_, section, ok := strings.Cut(md, "\n## Views\n")
	if !ok {
		return nil, errors.New("README.md has no ## Views section")
	}
	section, _, _ = strings.Cut(section, "\n## ")
	var views []View
	var v *View
	var desc []string
	for i, line := range strings.Split(section, "\n") {
		if m := viewHeading.FindStringSubmatch(line); m != nil {
			views = append(views, View{Name: m[1]})
			v, desc = &views[len(views)-1], nil
			continue
		}
		if strings.HasPrefix(line, "### ") {
			v = nil // another heading: what follows is no view's
			continue
		}
		if v == nil {
			continue
		}
		switch {
		case strings.HasPrefix(line, "|"):
			if line == "| column | meaning |" || line == "|---|---|" {
				continue
			}
			m := columnRow.FindStringSubmatch(line)
			if m == nil {
				return nil, fmt.Errorf("README.md, Views, %s: line %d is no row | `column` | meaning |: %q", v.Name, i+1, line)
			}
			if strings.TrimSpace(m[2]) == "" {
				return nil, fmt.Errorf("README.md, Views, %s.%s: no meaning given", v.Name, m[1])
			}
			v.Columns = append(v.Columns, Column{Name: m[1], Description: strings.TrimSpace(m[2])})
		case len(v.Columns) == 0 && strings.TrimSpace(line) != "":
			desc = append(desc, strings.TrimSpace(line))
			v.Description = strings.Join(desc, " ")
		}
	}
	if len(views) == 0 {
		return nil, errors.New("README.md's Views section describes no views")
	}
	for _, v := range views {
		if len(v.Columns) == 0 {
			return nil, fmt.Errorf("README.md, Views, %s: no table of columns", v.Name)
		}
		if v.Description == "" {
			return nil, fmt.Errorf("README.md, Views, %s: no sentence saying what a row is", v.Name)
		}
	}
	return views, nil
}

// An Example is an example question of README.md: its heading and the
// query that answers it.
type Example struct {
	Title string // 各项目预算执行率 (budget, spending and execution rate of every project)
	SQL   string
}

var exampleSQL = regexp.MustCompile("(?s)\n```sql\n(.*?)```")

// Examples returns the example questions of README.md, in its order.
func Examples() ([]Example, error) { return ParseExamples(readme) }

// ParseExamples reads the "## Example questions" section of a README: a
// heading "### title" for each, and the first ```sql block under it.
func ParseExamples(md string) ([]Example, error) {
	_, section, ok := strings.Cut(md, "\n## Example questions\n")
	if !ok {
		return nil, errors.New("README.md has no ## Example questions section")
	}
	section, _, _ = strings.Cut(section, "\n## ")
	var out []Example
	for i, part := range strings.Split(section, "\n### ")[1:] {
		title, body, _ := strings.Cut(part, "\n")
		m := exampleSQL.FindStringSubmatch(body)
		if m == nil {
			return nil, fmt.Errorf("README.md, example %d (%s): no ```sql block", i+1, title)
		}
		out = append(out, Example{Title: strings.TrimSpace(title), SQL: strings.TrimSpace(m[1])})
	}
	if len(out) == 0 {
		return nil, errors.New("README.md's Example questions holds no examples")
	}
	return out, nil
}
