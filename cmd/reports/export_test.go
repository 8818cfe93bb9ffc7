package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/govreports/govreports/schema"

	"github.com/xuri/excelize/v2"
)

// expected runs query on the test database as the export reads it.
func expected(t *testing.T, dbPath, query string) *result {
	t.Helper()
	db, err := schema.OpenReadOnly(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	res, err := collect(context.Background(), db, query)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestExportCSV(t *testing.T) {
	db := testDB(t)
	out := filepath.Join(t.TempDir(), "报告.csv")
	code, _, errs := runCmd(t, "export", "--db", db, "-o", out, "v_reports")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(errs, "wrote 3 rows") {
		t.Errorf("stderr %q does not count 3 rows", errs)
	}
	if fi, err := os.Stat(out); err != nil {
		t.Fatal(err)
	} else if fi.Mode().Perm() != 0o644 {
		t.Errorf("%s has mode %v, want 0644", out, fi.Mode().Perm())
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")) {
		t.Fatalf("%s does not start with a UTF-8 byte-order mark: % x", out, data[:min(8, len(data))])
	}
	got, err := csv.NewReader(bytes.NewReader(data[3:])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	res := expected(t, db, `SELECT * FROM "v_reports"`)
	want := [][]string{res.Columns}
	for _, row := range res.Rows {
		var rec []string
		for _, v := range row {
			rec = append(rec, text(v))
		}
		want = append(want, rec)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("CSV = %q\nwant %q", got, want)
	}
	if got[1][1] != "现代服务业专项经费" || got[3][2] != "" {
		t.Errorf("CSV rows = %q; want Chinese text intact and NULL empty", got[1:])
	}
}

func TestExportXLSX(t *testing.T) {
	db := testDB(t)
	dir := t.TempDir()
	for _, tt := range []struct {
		args  []string
		query string
		sheet string
	}{
		{[]string{"reports"}, `SELECT * FROM "reports"`, "reports"},
		{[]string{"--query", "SELECT project_name AS 项目, budget * 2 AS 两倍 FROM reports ORDER BY 1"},
			"SELECT project_name AS 项目, budget * 2 AS 两倍 FROM reports ORDER BY 1", "query"},
	} {
		out := filepath.Join(dir, tt.sheet+".xlsx")
		args := append([]string{"export", "--db", db, "-o", out}, tt.args...)
		if code, _, errs := runCmd(t, args...); code != 0 {
			t.Fatalf("%q: exit %d: %s", args, code, errs)
		}
		f, err := excelize.OpenFile(out)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if got := f.GetSheetList(); !reflect.DeepEqual(got, []string{tt.sheet}) {
			t.Errorf("%s: sheets %q, want [%s]", out, got, tt.sheet)
		}
		res := expected(t, db, tt.query)
		if rows, err := f.GetRows(tt.sheet); err != nil || len(rows) != len(res.Rows)+1 {
			t.Errorf("%s holds %d rows (%v), want a header and %d", out, len(rows), err, len(res.Rows))
		}
		for c, name := range res.Columns {
			cell, _ := excelize.CoordinatesToCellName(c+1, 1)
			if v, _ := f.GetCellValue(tt.sheet, cell); v != name {
				t.Errorf("%s %s = %q, want header %q", out, cell, v, name)
			}
		}
		for r, row := range res.Rows {
			for c, want := range row {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+2)
				got, err := f.GetCellValue(tt.sheet, cell, excelize.Options{RawCellValue: true})
				if err != nil {
					t.Fatal(err)
				}
				typ, _ := f.GetCellType(tt.sheet, cell)
				switch want := want.(type) {
				case nil:
					if got != "" {
						t.Errorf("%s %s = %q, want an empty cell for NULL", out, cell, got)
					}
				case int64, float64:
					if typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString || typ == excelize.CellTypeFormula {
						t.Errorf("%s %s holds %q as text, want a number", out, cell, got)
					}
					if f, err := strconv.ParseFloat(got, 64); err != nil || f != toFloat(want) {
						t.Errorf("%s %s = %q, want %v", out, cell, got, want)
					}
				default:
					if got != text(want) {
						t.Errorf("%s %s = %q, want %q", out, cell, got, text(want))
					}
				}
			}
		}
	}
}

func toFloat(v any) float64 {
	switch v := v.(type) {
	case int64:
		return float64(v)
	case float64:
		return v
	}
	return 0
}

func TestExportRefusals(t *testing.T) {
	db := testDB(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "x.csv")
	for _, tt := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"v_nope"}, 2, "no table or view named"},
		{[]string{`reports"; DROP TABLE reports; --`}, 2, "no table or view named"},
		{[]string{"--query", "DELETE FROM reports"}, 1, "read-only:"},
		{[]string{"--query", "SELECT 1", "reports"}, 2, "not both"},
		{[]string{}, 2, "want one VIEW"},
	} {
		args := append([]string{"export", "--db", db, "-o", out}, tt.args...)
		code, _, errs := runCmd(t, args...)
		if code != tt.code || !strings.Contains(errs, tt.msg) {
			t.Errorf("%q: exit %d, %q; want %d and %q", tt.args, code, errs, tt.code, tt.msg)
		}
	}
	for _, args := range [][]string{
		{"export", "--db", db, "v_reports"},
		{"export", "--db", db, "-o", filepath.Join(dir, "x.txt"), "v_reports"},
	} {
		if code, _, errs := runCmd(t, args...); code != 2 {
			t.Errorf("%q: exit %d (%s), want 2", args, code, errs)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("refused exports left files: %v", entries)
	}
	if code, out, _ := runCmd(t, "sql", "--db", db, "--csv", "SELECT count(*) FROM reports"); code != 0 || out != "count(*)\n3\n" {
		t.Errorf("reports table changed: %q", out)
	}
}

func TestExportXLSXWarnsOfCutCells(t *testing.T) {
	db := testDB(t)
	out := filepath.Join(t.TempDir(), "long.xlsx")
	code, _, stderr := runCmd(t, "export", "--db", db, "-o", out,
		"--query", "SELECT replace(hex(zeroblob(20000)), '0', 'x') AS long_text")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "1 cells were longer than the 32767 characters") {
		t.Errorf("no warning of the cut cell: %q", stderr)
	}
}
