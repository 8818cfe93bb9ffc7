package numbering

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseEmpty(t *testing.T) {
	for _, in := range [][]byte{nil, {}, []byte("  \n")} {
		defs, err := Parse(in)
		if err != nil || defs == nil {
			t.Fatalf("Parse(%q) = %v, %v; want empty definitions", in, defs, err)
		}
		if m, ok := defs.NewCounter().Next("1", 0); ok {
			t.Errorf("empty definitions numbered a paragraph: %q", m)
		}
		if _, _, ok := defs.StyleNumbering("1"); ok {
			t.Error("empty definitions have style numbering")
		}
	}
	// A nil *Definitions behaves as an empty one.
	var defs *Definitions
	if _, ok := defs.NewCounter().Next("1", 0); ok {
		t.Error("nil definitions numbered a paragraph")
	}
	if defs.Level("1", 0) != nil {
		t.Error("nil definitions have a level")
	}
}

func TestParseErrors(t *testing.T) {
	good := []byte(`<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>`)
	tests := []struct {
		name              string
		numbering, styles string
		part              string
		line              int
	}{
		{"unclosed", "<w:numbering xmlns:w=\"x\">\n<w:abstractNum>\n</w:numbering>", "", "word/numbering.xml", 3},
		{"truncated", "<w:numbering xmlns:w=\"x\">\n<w:num w:numId=\"1\">", "", "word/numbering.xml", 2},
		{"not xml", "PK\x03\x04 binary", "", "word/numbering.xml", 1},
		{"bad styles", string(good), "<w:styles><w:style></w:styles>", "word/styles.xml", 1},
		{"unknown encoding", `<?xml version="1.0" encoding="x-no-such"?><w:numbering/>`, "", "word/numbering.xml", 1},
	}
	for _, tt := range tests {
		_, err := ParseWithStyles([]byte(tt.numbering), []byte(tt.styles))
		var pe *ParseError
		if !errors.As(err, &pe) {
			t.Errorf("%s: error %v, want a *ParseError", tt.name, err)
			continue
		}
		if pe.Part != tt.part || pe.Line != tt.line {
			t.Errorf("%s: error at %s:%d, want %s:%d (%v)", tt.name, pe.Part, pe.Line, tt.part, tt.line, err)
		}
		if !strings.HasPrefix(err.Error(), tt.part+":") {
			t.Errorf("%s: message %q does not name the part", tt.name, err)
		}
	}
}

// A part that declares a legacy encoding is decoded, not refused.
func TestParseLegacyEncoding(t *testing.T) {
	// "%1、" in GB18030: 、 is A1 A2.
	xml := "<?xml version=\"1.0\" encoding=\"GBK\"?>\n" +
		`<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
		`<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>` +
		"<w:lvlText w:val=\"%1\xa1\xa2\"/></w:lvl></w:abstractNum>" +
		`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`
	defs, err := Parse([]byte(xml))
	if err != nil {
		t.Fatal(err)
	}
	if m, ok := defs.NewCounter().Next("1", 0); m != "一、" || !ok {
		t.Errorf("Next = %q, %v; want 一、", m, ok)
	}
}

// Strict OOXML uses another namespace; the same markup must work.
func TestParseStrictNamespace(t *testing.T) {
	xml := `<w:numbering xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main">` +
		`<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>` +
		`<w:suff w:val="space"/><w:lvlText w:val="（%1）"/></w:lvl></w:abstractNum>` +
		`<w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num></w:numbering>`
	defs, err := Parse([]byte(xml))
	if err != nil {
		t.Fatal(err)
	}
	c := defs.NewCounter()
	c.Next("3", 0)
	if m, ok := c.Next("3", 0); m != "（二）" || !ok {
		t.Errorf("Next = %q, %v; want （二）", m, ok)
	}
	lvl := defs.Level("3", 0)
	if lvl == nil || lvl.NumFmt != "chineseCounting" || lvl.Suffix != "space" || lvl.SuffixText() != " " || lvl.Start != 1 {
		t.Errorf("Level = %+v", lvl)
	}
}

func TestLevel(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "cases", "chinese-reports", "numbering.xml"))
	if err != nil {
		t.Fatal(err)
	}
	defs, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	lvl := defs.Level("11", 1)
	if lvl == nil {
		t.Fatal("Level(11, 1) = nil")
	}
	if lvl.Ilvl != 1 || lvl.NumFmt != "chineseCounting" || lvl.LvlText != "（%2）" || lvl.Suffix != "nothing" ||
		lvl.SuffixText() != "" || lvl.Restart != -1 || lvl.IsLgl {
		t.Errorf("Level(11, 1) = %+v", *lvl)
	}
	if l := defs.Level("10", 3); l == nil || l.SuffixText() != "\t" {
		t.Errorf("Level(10, 3) = %+v, want the default tab suffix", l)
	}
	for _, c := range []struct {
		id   string
		ilvl int
	}{{"10", 5}, {"10", 9}, {"10", -1}, {"0", 0}, {"99", 0}} {
		if l := defs.Level(c.id, c.ilvl); l != nil {
			t.Errorf("Level(%s, %d) = %+v, want nil", c.id, c.ilvl, *l)
		}
	}
}
