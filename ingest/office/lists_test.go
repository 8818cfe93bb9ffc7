package office

import (
	"strings"
	"testing"
)

func TestJoinLists(t *testing.T) {
	def := `<w:lvl w:ilvl="0"><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>`
	nums := `<w:abstractNum w:abstractNumId="1"><w:nsid w:val="A"/>` + def + `</w:abstractNum>` +
		`<w:abstractNum w:abstractNumId="2"><w:nsid w:val="B"/>` + def + `</w:abstractNum>` +
		`<w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl></w:abstractNum>` +
		`<w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>` +
		`<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>` +
		`<w:num w:numId="7"><w:abstractNumId w:val="3"/></w:num>`
	p := func(level, id string) string {
		return `<w:p><w:pPr><w:numPr><w:ilvl w:val="` + level + `"/><w:numId w:val="` + id + `"/></w:numPr></w:pPr></w:p>`
	}
	for _, c := range []struct{ name, in, want string }{
		{"restart", p("0", "5") + p("1", "3") + p("0", "3"), p("0", "3") + p("1", "3") + p("0", "3")},
		{"a new list at its top level", p("0", "5") + p("0", "3"), p("0", "5") + p("0", "3")},
		{"another definition", p("0", "5") + p("1", "7"), p("0", "5") + p("1", "7")},
		{"the other list used before", p("1", "3") + p("0", "5") + p("1", "3"), p("1", "3") + p("0", "5") + p("1", "3")},
	} {
		got, changed := joinLists([]byte(c.in), []byte(nums))
		if string(got) != c.want || changed != (c.in != c.want) {
			t.Errorf("%s:\n got %s\nwant %s", c.name, strings.ReplaceAll(string(got), "<w:p>", "\n<w:p>"), c.want)
		}
	}
}
