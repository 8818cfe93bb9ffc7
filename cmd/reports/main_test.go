package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFlagsAfterArguments: flags after the arguments used to be taken for
// arguments (search … --limit 3 searched for "--limit 3" and found
// nothing) or to hide the flags before them (export v_reports -o x.csv).
func TestFlagsAfterArguments(t *testing.T) {
	o, err := parseSearch([]string{"绩效目标", "--limit", "3", "--db", "x.db"}, io.Discard)
	if err != nil || o.limit != 3 || o.query != "绩效目标" || o.db != "x.db" {
		t.Errorf("search 绩效目标 --limit 3 --db x.db: %+v, %v", o, err)
	}
	o, err = parseSearch([]string{"--", "-绩效"}, io.Discard)
	if err != nil || o.query != "-绩效" {
		t.Errorf("search -- -绩效: %+v, %v", o, err)
	}

	db := testDB(t)
	out := filepath.Join(t.TempDir(), "x.csv")
	if code, _, errs := runCmd(t, "export", "v_reports", "-o", out, "--db", db); code != 0 {
		t.Errorf("export v_reports -o x.csv: exit %d: %s", code, errs)
	}
	if _, err := os.Stat(out); err != nil {
		t.Error(err)
	}
	if code, stdout, errs := runCmd(t, "sql", "SELECT count(*) FROM reports", "--db", db, "--csv"); code != 0 || stdout != "count(*)\n3\n" {
		t.Errorf("sql QUERY --db db --csv: exit %d, %q, %s", code, stdout, errs)
	}
}

// TestHelp: help goes to stdout with exit status 0 and lists each flag
// with its default.
func TestHelp(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"--help"}, []string{"usage: reports COMMAND", "search", "export"}},
		{[]string{"help"}, []string{"usage: reports COMMAND"}},
		{[]string{"help", "sql"}, []string{"usage: reports sql"}},
		{[]string{"sql", "-h"}, []string{"usage: reports sql", `--db string`, `(default "reports.db")`, "--csv", "--json"}},
		{[]string{"search", "绩效", "--help"}, []string{"usage: reports search", "--limit N", "(default 20)", "--year"}},
		{[]string{"export", "--help"}, []string{"usage: reports export", "-o, --output FILE"}},
		{[]string{"inspect", "--help"}, []string{"usage: reports inspect", "--json"}},
	} {
		code, out, errs := runCmd(t, tc.args...)
		if code != 0 || errs != "" {
			t.Errorf("%q: exit %d, stderr %q; want 0 and nothing", tc.args, code, errs)
		}
		for _, w := range tc.want {
			if !strings.Contains(out, w) {
				t.Errorf("%q: stdout lacks %q:\n%s", tc.args, w, out)
			}
		}
	}
}

// TestUsageErrors: an unknown flag is one line and a hint, not two copies
// of the message; a mistyped command gets a suggestion.
func TestUsageErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"sql", "--nope", "SELECT 1"}, "reports sql: unknown flag: --nope\nRun 'reports sql --help' for usage.\n"},
		{[]string{"inspect", "--nope", "x.txt"}, "reports inspect: unknown flag: --nope\nRun 'reports inspect --help' for usage.\n"},
		{[]string{"serch", "绩效"}, "reports: unknown command serch; did you mean search?\nRun 'reports --help' for usage.\n"},
		{[]string{"exprot"}, "reports: unknown command exprot; did you mean export?\nRun 'reports --help' for usage.\n"},
		{[]string{"ins"}, "reports: unknown command ins; did you mean inspect?\nRun 'reports --help' for usage.\n"},
		{[]string{"frobnicate"}, "reports: unknown command frobnicate\nRun 'reports --help' for usage.\n"},
	} {
		code, out, errs := runCmd(t, tc.args...)
		if code != 2 || errs != tc.want || out != "" {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want 2 and %q", tc.args, code, out, errs, tc.want)
		}
	}
}

func TestVersion(t *testing.T) {
	code, out, _ := runCmd(t, "--version")
	if code != 0 || !strings.HasPrefix(out, "reports devel\n") || !strings.Contains(out, "schema:") || !strings.Contains(out, "sqlite:") {
		t.Errorf("--version: exit %d\n%s", code, out)
	}
}
