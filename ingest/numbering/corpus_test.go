package numbering

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/govreports/govreports/corpus"
)

// The sample .docx numbers its headings only through numbering.xml: one
// abstractNum (chineseCounting "%1、", chineseCounting "（%2）", decimal
// "%3."), one w:num per report, reports 2 and 3 restarting through
// lvlOverride/startOverride.
func TestSampleReportMarkers(t *testing.T) {
	dir := corpus.RenderingsDir()
	_, paras := markDocument(t, filepath.Join(dir, "2020-xihu-services.docx"))

	perReport := []string{"一、", "（一）", "（二）", "1.", "2.", "二、", "三、", "四、", "五、"}
	var want []string
	for range 3 {
		want = append(want, perReport...)
	}
	var got, nums []string
	for _, p := range paras {
		got = append(got, p.marker)
		if len(nums) == 0 || nums[len(nums)-1] != p.numID {
			nums = append(nums, p.numID)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("markers:\n got %q\nwant %q", got, want)
	}
	// One w:num per report, so the restarts come from startOverride.
	if !slices.Equal(nums, []string{"10", "11", "12"}) {
		t.Errorf("numIds in order = %q, want 10, 11, 12", nums)
	}

	// The .txt rendering of the same report has the numbers typed in:
	// every numbered heading must appear there, in order, as marker+text.
	txt, err := os.ReadFile(filepath.Join(dir, "2020-xihu-services.txt"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(txt), "\n")
	at := 0
	for _, p := range paras {
		line := p.marker + strings.TrimSpace(p.text)
		for at < len(lines) && strings.TrimSpace(lines[at]) != line {
			at++
		}
		if at == len(lines) {
			t.Fatalf("%q (from %s) not found in the .txt after the previous heading", line, p)
		}
		at++
	}
}

// Every numbering part of the pandoc test corpus parses, and numbering
// its documents' paragraphs never fails.
func TestPandocCorpusParses(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(corpus.SharedDir(t), "corpus", "external", "pandoc-docx", "*.docx"))
	if len(files) < 80 {
		t.Fatalf("found %d pandoc .docx files, want 85", len(files))
	}
	parts, markers := 0, 0
	for _, path := range files {
		zr, err := zip.OpenReader(path)
		if err != nil {
			t.Errorf("%s: %v", path, err)
			continue
		}
		numXML := readPart(t, zr, "word/numbering.xml")
		stylesXML := readPart(t, zr, "word/styles.xml")
		zr.Close()
		if numXML != nil {
			parts++
		}
		for _, styles := range [][]byte{nil, stylesXML} {
			if _, err := ParseWithStyles(numXML, styles); err != nil {
				t.Errorf("%s: %v", filepath.Base(path), err)
			}
		}
		_, paras := markDocument(t, path)
		for _, p := range paras {
			if p.marker != "-" {
				markers++
			}
		}
	}
	t.Logf("%d files, %d numbering parts, %d markers", len(files), parts, markers)
	if parts < 35 || markers < 50 {
		t.Errorf("only %d numbering parts and %d markers: the corpus walk is broken", parts, markers)
	}
}

func TestPandocMarkers(t *testing.T) {
	dir := filepath.Join(corpus.SharedDir(t), "corpus", "external", "pandoc-docx")
	tests := []struct {
		file string
		want []string // "marker text" per numbered paragraph
	}{
		// The second list (num 2, startOverride 1) restarts the shared
		// abstractNum; going back to num 1 continues from it, as the item
		// texts say.
		{"lists_restart_8367", []string{"1. Item 1", "2. Item 2", "3. Item 3", "1. Item 1", "2. Item 2", "3. Item 3", "4. Item 4"}},
		// Six nums with startOverride 1..6 on different abstractNums.
		{"lists_level_override", []string{"1. State of Documentation", "2. Content Migration", "3. Wiki (xl)",
			"4. XL Code Autoreview Bot (XLCRBot).", "5. Code documentation", "6. Education efforts"}},
		{"lists_restarting", []string{"2. Foo", "3. Bar", "4. Baz", "1. Bop."}},
		{"lists_continuing", []string{"1. Foo", "2. Bar", "3. Baz", "4. Bop"}},
		// Level 1's lvlText is the literal "1.%2"; level 1 restarts after level 0.
		{"lists_sublist_reset", []string{"1. Head 1", "1.1 Head 1.1", "1.2 Head 1.2", "2. Head 2", "1.1 Head 2.1"}},
		{"enumerated_headings", []string{"1 H1", "1.1 H2", "1.1.1 H3"}},
		{"numbered_header", []string{"1. A Numbered Header."}},
		{"task_list", []string{"☐ Unchecked", "☒ Checked", "- with continuation paragraph", "☐ Unchecked",
			"☒ Checked sublist", "☐ Unchecked subsublist", "1. Numbered child"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			_, paras := markDocument(t, filepath.Join(dir, tt.file+".docx"))
			var got []string
			for _, p := range paras {
				got = append(got, p.marker+" "+strings.TrimSpace(p.text))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// lists_restart_8367 ties its list to the ListNumber style twice: the
// style's numPr names num 1, and abstractNum 0's level names the style in
// w:pStyle. Both routes must give num 1 (num 2, the restart, shares the
// abstractNum).
func TestPandocStyleNumbering(t *testing.T) {
	path := filepath.Join(corpus.SharedDir(t), "corpus", "external", "pandoc-docx", "lists_restart_8367.docx")
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	numXML := readPart(t, zr, "word/numbering.xml")
	stylesXML := readPart(t, zr, "word/styles.xml")
	zr.Close()
	if !bytes.Contains(numXML, []byte(`<w:pStyle w:val="ListNumber"/>`)) {
		t.Fatal("fixture changed: no ListNumber pStyle in numbering.xml")
	}
	for _, styles := range [][]byte{nil, stylesXML} {
		defs, err := ParseWithStyles(numXML, styles)
		if err != nil {
			t.Fatal(err)
		}
		if numID, ilvl, ok := defs.StyleNumbering("ListNumber"); !ok || numID != "1" || ilvl != 0 {
			t.Errorf("with styles.xml %v: StyleNumbering(ListNumber) = %q, %d, %v; want 1, 0, true",
				styles != nil, numID, ilvl, ok)
		}
		if _, _, ok := defs.StyleNumbering("Normal"); ok {
			t.Errorf("with styles.xml %v: Normal has numbering", styles != nil)
		}
	}
}
