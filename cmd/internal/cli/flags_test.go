package cli

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"
)

func testSet() (*FlagSet, *string, *int, *bool) {
	fs := NewFlagSet("t", "usage: t [flags] ARG")
	db := fs.String("db", "reports.db", "database")
	limit := fs.Int("limit", 20, "at most `N` hits")
	csv := fs.Bool("csv", false, "print CSV")
	fs.StringP("output", "o", "", "output `FILE`")
	return fs, db, limit, csv
}

// TestFlagsAnywhere: flags after the arguments are read, -- ends them, and
// Go's one-dash spelling of long flags still works.
func TestFlagsAnywhere(t *testing.T) {
	for _, tc := range []struct {
		args  []string
		db    string
		limit int
		csv   bool
		rest  []string
	}{
		{[]string{"绩效目标", "--limit", "3"}, "reports.db", 3, false, []string{"绩效目标"}},
		{[]string{"a", "--db", "x.db", "b", "--csv"}, "x.db", 20, true, []string{"a", "b"}},
		{[]string{"-db", "x.db", "-limit=5", "a"}, "x.db", 5, false, []string{"a"}},
		{[]string{"--db", "-limit", "a"}, "-limit", 20, false, []string{"a"}},
		{[]string{"--csv", "--", "--limit", "-db"}, "reports.db", 20, true, []string{"--limit", "-db"}},
		{[]string{"-o", "-x.csv", "v"}, "reports.db", 20, false, []string{"v"}},
		{[]string{"-- a comment\nSELECT 1", "--csv", "-"}, "reports.db", 20, true, []string{"-- a comment\nSELECT 1", "-"}},
		{[]string{"--db=my reports.db", "a b"}, "my reports.db", 20, false, []string{"a b"}},
	} {
		fs, db, limit, csv := testSet()
		if err := fs.Parse(tc.args, nil); err != nil {
			t.Errorf("%q: %v", tc.args, err)
			continue
		}
		if *db != tc.db || *limit != tc.limit || *csv != tc.csv || !slices.Equal(fs.Args(), tc.rest) {
			t.Errorf("%q: db %q limit %d csv %v args %q; want %q %d %v %q",
				tc.args, *db, *limit, *csv, fs.Args(), tc.db, tc.limit, tc.csv, tc.rest)
		}
	}
}

func TestHelpListsFlagsWithDefaults(t *testing.T) {
	for _, arg := range []string{"-h", "--help"} {
		fs, _, _, _ := testSet()
		var out bytes.Buffer
		if err := fs.Parse([]string{"x", arg}, &out); !errors.Is(err, ErrHelp) {
			t.Errorf("%s: err = %v, want ErrHelp", arg, err)
		}
		for _, want := range []string{
			"usage: t [flags] ARG\n\nFlags:\n",
			`database (default "reports.db")`,
			"--limit N", "at most N hits (default 20)",
			"-o, --output FILE",
			"\n      --csv ", // no [=true|false], no default for false
		} {
			if !strings.Contains(out.String(), want) {
				t.Errorf("%s: help lacks %q:\n%s", arg, want, &out)
			}
		}
		if strings.Contains(out.String(), "true|false") || strings.Contains(out.String(), "(default false)") {
			t.Errorf("%s: help:\n%s", arg, &out)
		}
	}
}

func TestUnknownFlag(t *testing.T) {
	fs, _, _, _ := testSet()
	err := fs.Parse([]string{"a", "--nope"}, nil)
	if err == nil || err.Error() != "unknown flag: --nope" {
		t.Errorf("err = %v", err)
	}
}

func TestWriteVersion(t *testing.T) {
	var out bytes.Buffer
	if err := WriteVersion(&out, "ingest", Build{Version: "1.2.0", Date: "2026-11-30"}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"ingest 1.2.0\n", "built:    2026-11-30\n", "sqlite:   3.", "extract:  ", "schema:   ", "readers:  txt "} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("version lacks %q:\n%s", want, &out)
		}
	}
	out.Reset()
	WriteVersion(&out, "reports", Build{})
	if !strings.HasPrefix(out.String(), "reports devel\n") {
		t.Errorf("without -ldflags:\n%s", &out)
	}
}
