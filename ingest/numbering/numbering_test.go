package numbering

import (
	"bufio"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestCases runs the fixtures in testdata/cases: each holds numbering.xml,
// optionally styles.xml, and steps.txt with one check per line:
//
//	numId ilvl "marker"    Next(numId, ilvl) returns marker
//	numId ilvl -           Next(numId, ilvl) returns ok=false
//	style id numId ilvl    StyleNumbering(id) returns numId, ilvl
//	style id -             StyleNumbering(id) returns ok=false
func TestCases(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join("testdata", "cases", "*"))
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no cases in testdata/cases: %v", err)
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			numXML, err := os.ReadFile(filepath.Join(dir, "numbering.xml"))
			if err != nil {
				t.Fatal(err)
			}
			stylesXML, err := os.ReadFile(filepath.Join(dir, "styles.xml"))
			if err != nil && !errors.Is(err, os.ErrNotExist) {
				t.Fatal(err)
			}
			defs, err := ParseWithStyles(numXML, stylesXML)
			if err != nil {
				t.Fatal(err)
			}
			runSteps(t, filepath.Join(dir, "steps.txt"), defs)
		})
	}
}

func runSteps(t *testing.T, path string, defs *Definitions) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	c := defs.NewCounter()
	sc := bufio.NewScanner(f)
	checks := 0
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		fields := strings.SplitN(text, " ", 3)
		if len(fields) < 3 {
			t.Fatalf("%s:%d: want three fields: %q", path, line, text)
		}
		checks++
		if fields[0] == "style" {
			numID, ilvl, ok := defs.StyleNumbering(fields[1])
			got := "-"
			if ok {
				got = numID + " " + strconv.Itoa(ilvl)
			}
			if got != fields[2] {
				t.Errorf("%s:%d: StyleNumbering(%q) = %s, want %s", path, line, fields[1], got, fields[2])
			}
			continue
		}
		ilvl, err := strconv.Atoi(fields[1])
		if err != nil {
			t.Fatalf("%s:%d: bad ilvl %q", path, line, fields[1])
		}
		want, wantOK := "", false
		if fields[2] != "-" {
			if want, err = strconv.Unquote(fields[2]); err != nil {
				t.Fatalf("%s:%d: marker %s: %v", path, line, fields[2], err)
			}
			wantOK = true
		}
		got, ok := c.Next(fields[0], ilvl)
		if got != want || ok != wantOK {
			t.Errorf("%s:%d: Next(%q, %d) = %q, %v; want %q, %v", path, line, fields[0], ilvl, got, ok, want, wantOK)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if checks == 0 {
		t.Fatalf("%s: no checks", path)
	}
}
