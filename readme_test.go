package govreports

import (
	"strings"
	"testing"
)

const twoViews = "# x\n\n## Views\n\nIntro.\n\n" +
	"### `v_a`\n\nA row per a,\nsaid on two lines.\n\n| column | meaning |\n|---|---|\n| `id` | the a's id |\n| `name` | its name, `quoted` |\n\n" +
	"### `v_b`\n\nA row per b.\n\n| column | meaning |\n|---|---|\n| `a_id` | its a (`v_a`) |\n\n" +
	"### Document kinds\n\n| kind | what |\n|---|---|\n| `x` | y |\n\n## Next\n\n### `v_c`\n"

func TestParseViews(t *testing.T) {
	views, err := ParseViews(twoViews)
	if err != nil {
		t.Fatal(err)
	}
	if len(views) != 2 {
		t.Fatalf("%d views, want v_a and v_b: %+v", len(views), views)
	}
	a, b := views[0], views[1]
	if a.Name != "v_a" || a.Description != "A row per a, said on two lines." || len(a.Columns) != 2 ||
		a.Columns[1] != (Column{"name", "its name, `quoted`"}) {
		t.Errorf("v_a read as %+v", a)
	}
	if b.Name != "v_b" || len(b.Columns) != 1 || b.Columns[0] != (Column{"a_id", "its a (`v_a`)"}) {
		t.Errorf("v_b read as %+v", b)
	}
}

// A column without a meaning, a row that is no column, a view without
// its table or its sentence: each is an error naming the view.
func TestParseViewsRefuses(t *testing.T) {
	for name, c := range map[string]struct{ from, to, want string }{
		"no meaning":  {"| `id` | the a's id |", "| `id` |  |", "v_a.id: no meaning"},
		"not a row":   {"| `id` | the a's id |", "| id, name | both |", "v_a: line"},
		"no columns":  {"| column | meaning |\n|---|---|\n| `a_id` | its a (`v_a`) |", "", "v_b: no table of columns"},
		"no sentence": {"A row per b.", "", "v_b: no sentence"},
		"no section":  {"## Views", "## Tables", "no ## Views section"},
	} {
		md := strings.Replace(twoViews, c.from, c.to, 1)
		if _, err := ParseViews(md); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one saying %q", name, err, c.want)
		}
	}
}

// The README the programs carry describes the views: what
// TestREADMEViews (schema) compares with the database.
func TestViewsOfTheREADME(t *testing.T) {
	views, err := Views()
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range views {
		if v.Name == "v_figures" {
			for _, c := range v.Columns {
				if c.Name == "approx" && !strings.Contains(c.Description, "atleast (以上") {
					t.Errorf("v_figures.approx: %q does not spell out its codes", c.Description)
				}
			}
			return
		}
	}
	t.Errorf("README.md does not describe v_figures: %+v", views)
}

func TestParseExamples(t *testing.T) {
	md := "# x\n\n## Example questions\n\n<!-- note -->\n\n### 甲 (the first)\n\n```sql\nSELECT 1;\n```\n\n```text\n1\n```\n\n" +
		"### 乙 (the second)\n\nSome words.\n\n```sql\nSELECT 2\nFROM t;\n```\n\n## Performance\n\n### 丙\n"
	got, err := ParseExamples(md)
	if err != nil {
		t.Fatal(err)
	}
	want := []Example{{"甲 (the first)", "SELECT 1;"}, {"乙 (the second)", "SELECT 2\nFROM t;"}}
	if len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("got %q, want %q", got, want)
	}
	if _, err := ParseExamples(strings.Replace(md, "```sql\nSELECT 2", "```text\nSELECT 2", 1)); err == nil || !strings.Contains(err.Error(), "乙") {
		t.Errorf("an example without SQL: error %v, want one naming it", err)
	}
}
