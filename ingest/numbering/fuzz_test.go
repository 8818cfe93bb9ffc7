package numbering

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzParseNext feeds arbitrary numbering parts to Parse and, when they
// parse, numbers paragraphs on every num and level: nothing may panic, and
// a marker is never returned with ok=false.
func FuzzParseNext(f *testing.F) {
	dirs, _ := filepath.Glob(filepath.Join("testdata", "cases", "*"))
	for _, dir := range dirs {
		data, err := os.ReadFile(filepath.Join(dir, "numbering.xml"))
		if err != nil {
			f.Fatal(err)
		}
		styles, _ := os.ReadFile(filepath.Join(dir, "styles.xml"))
		f.Add(data, styles, "1", 0)
	}
	f.Add([]byte(`<w:numbering xmlns:w="w"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="2147483647"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%1%9%"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`), []byte(nil), "1", 0)
	f.Add([]byte(`<w:numbering xmlns:w="w"><w:abstractNum w:abstractNumId="0"><w:numStyleLink w:val="S"/></w:abstractNum><w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="S"/><w:styleLink w:val="S"/></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`),
		[]byte(`<w:styles xmlns:w="w"><w:style w:styleId="S"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>`), "1", 3)
	f.Fuzz(func(t *testing.T, numbering, styles []byte, numID string, ilvl int) {
		defs, err := ParseWithStyles(numbering, styles)
		if err != nil {
			return
		}
		c := defs.NewCounter()
		ids := []string{numID}
		for _, n := range defs.nums {
			ids = append(ids, n.id)
		}
		for round := 0; round < 3; round++ {
			for _, id := range ids {
				for l := -1; l <= 9; l++ {
					if m, ok := c.Next(id, l); !ok && m != "" {
						t.Fatalf("Next(%q, %d) = %q with ok=false", id, l, m)
					}
					defs.Level(id, l)
				}
			}
			c.Next(numID, ilvl)
		}
		for _, n := range defs.nums {
			for _, lvl := range n.levels {
				if lvl != nil {
					defs.StyleNumbering(lvl.PStyle)
					Format(lvl.NumFmt, lvl.Start)
				}
			}
		}
	})
}

func FuzzFormat(f *testing.F) {
	for name := range fmtNames {
		f.Add(name, 1)
	}
	f.Add("chineseCountingThousand", 999999999999)
	f.Add("upperRoman", -5)
	f.Fuzz(func(t *testing.T, name string, n int) {
		if s := Format(name, n); len(s) > 200 {
			t.Fatalf("Format(%q, %d) is %d bytes long", name, n, len(s))
		}
	})
}
