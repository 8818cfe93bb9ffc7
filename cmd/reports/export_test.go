package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"io"
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

// TestExportNeverClobbers: an existing file is replaced only with --force,
// and then whole, through a temporary file renamed over it; a symbolic
// link, a read-only file and the database itself never are; a missing
// folder is named; errors never name the temporary file, and none is left.
func TestExportNeverClobbers(t *testing.T) {
	db := testDB(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "报告.csv")
	old := []byte("分析师的旧文件\n")
	os.WriteFile(out, old, 0o644)
	unchanged := func(path string, want []byte) {
		t.Helper()
		if got, _ := os.ReadFile(path); !bytes.Equal(got, want) {
			t.Errorf("%s changed: %q", path, got)
		}
	}

	code, _, errs := runCmd(t, "export", "--db", db, "-o", out, "v_reports")
	if code != 1 || !strings.Contains(errs, out+" exists: not replaced without --force") {
		t.Errorf("existing file: exit %d, %q", code, errs)
	}
	unchanged(out, old)

	if code, _, errs := runCmd(t, "export", "--db", db, "-o", out, "--force", "v_reports"); code != 0 {
		t.Errorf("--force: exit %d, %q", code, errs)
	}
	if got, _ := os.ReadFile(out); !bytes.HasPrefix(got, []byte("\xEF\xBB\xBFreport_id,")) {
		t.Errorf("--force did not replace the file: %q", got[:min(len(got), 40)])
	}

	target := filepath.Join(dir, "target.csv")
	os.WriteFile(target, old, 0o644)
	link := filepath.Join(dir, "link.csv")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	readOnly := filepath.Join(dir, "只读.csv")
	os.WriteFile(readOnly, old, 0o444)
	dbCSV := filepath.Join(filepath.Dir(db), "db.csv")
	if err := os.Link(db, dbCSV); err != nil {
		t.Fatal(err)
	}
	dbBytes, _ := os.ReadFile(db)
	folder := filepath.Join(dir, "folder.csv")
	os.Mkdir(folder, 0o755)
	for _, tt := range []struct{ out, msg string }{
		{link, link + " is a symbolic link: not replaced, even with --force"},
		{readOnly, readOnly + " is read-only: not replaced, even with --force"},
		{dbCSV, dbCSV + " is the database"},
		{folder, folder + " is a folder"},
		{filepath.Join(dir, "no", "such", "x.csv"), "the folder " + filepath.Join(dir, "no", "such") + " does not exist"},
	} {
		code, _, errs := runCmd(t, "export", "--db", db, "-o", tt.out, "--force", "v_reports")
		if code != 1 || !strings.Contains(errs, tt.msg) {
			t.Errorf("-o %s: exit %d, %q; want 1 and %q", tt.out, code, errs, tt.msg)
		}
	}
	unchanged(target, old)
	unchanged(readOnly, old)
	unchanged(db, dbBytes)
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v", err)
	}

	// A query that fails half-way: the error names the file asked for.
	failing := filepath.Join(dir, "failing.xlsx")
	code, _, errs = runCmd(t, "export", "--db", db, "-o", failing, "--query",
		"WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 5000) SELECT CASE WHEN x < 4000 THEN x ELSE abs(-9223372036854775807 - 1) END FROM c")
	if code != 1 || !strings.Contains(errs, "integer overflow") || strings.Contains(errs, ".failing.xlsx.") {
		t.Errorf("a failing query: exit %d, %q; want 1, the reason, and no temporary file named", code, errs)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("a temporary file was left: %s", e.Name())
		}
	}
	if _, err := os.Stat(failing); err == nil {
		t.Errorf("a failed export left %s", failing)
	}
}

// TestWriteAtomicallyKeepsAFileMadeMeanwhile: without --force a file that
// appears while the export runs is not replaced, and the error names it.
func TestWriteAtomicallyKeepsAFileMadeMeanwhile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "x.csv")
	_, err := writeAtomically(out, false, func(w io.Writer) (int, error) {
		os.WriteFile(out, []byte("meanwhile"), 0o644)
		return io.WriteString(w, "export")
	})
	if err == nil || !strings.Contains(err.Error(), out+" exists") {
		t.Errorf("error %v", err)
	}
	if got, _ := os.ReadFile(out); string(got) != "meanwhile" {
		t.Errorf("%s = %q", out, got)
	}
	if entries, _ := os.ReadDir(filepath.Dir(out)); len(entries) != 1 {
		t.Errorf("left: %v", entries)
	}
}
