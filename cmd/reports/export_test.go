package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
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

// openXLSX runs an export and opens the file it wrote.
func openXLSX(t *testing.T, args ...string) *excelize.File {
	t.Helper()
	out := filepath.Join(t.TempDir(), "导出.xlsx")
	args = append([]string{"export", "-o", out}, args...)
	if code, _, errs := runCmd(t, args...); code != 0 {
		t.Fatalf("%q: exit %d: %s", args, code, errs)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// numFmt returns the custom number format of a cell's style.
func numFmt(t *testing.T, f *excelize.File, sheet, cell string) string {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	if st.CustomNumFmt == nil {
		return ""
	}
	return *st.CustomNumFmt
}

// TestExportXLSXLayout: dates are date cells, partial dates text; columns
// are as wide as their content (a Han character counts two), capped; the
// header is frozen and carries an autofilter over the rows.
func TestExportXLSXLayout(t *testing.T) {
	db := sampleDB(t)
	f := openXLSX(t, "--db", db, "--query",
		"SELECT report_id, project_name, report_date, budget_yuan, replace(hex(zeroblob(50)), '0', 'x') AS long FROM v_reports ORDER BY report_id")
	const s = "query"
	if v, _ := f.GetCellValue(s, "C2", excelize.Options{RawCellValue: true}); v != "44007" {
		t.Errorf("C2 = %q, want 2020-06-25 as the Excel date 44007", v)
	}
	if got := numFmt(t, f, s, "C2"); got != "yyyy-mm-dd" {
		t.Errorf("C2 has number format %q, want yyyy-mm-dd", got)
	}
	if v, _ := f.GetCellValue(s, "C2"); v != "2020-06-25" {
		t.Errorf("C2 shows %q, want 2020-06-25", v)
	}
	if v, _ := f.GetCellValue(s, "C3"); v != "" {
		t.Errorf("C3 = %q, want empty for NULL", v)
	}
	for col, want := range map[string]float64{
		"A": 13, // report_id, its title and the filter button
		"B": 30, // “梦想小街”电商产业园工作经费: 13 Han characters and two quotes
		"C": 15, // report_date: its title and the filter button
		"D": 15, // budget_yuan
		"E": 60, // 100 characters, capped
	} {
		if got, err := f.GetColWidth(s, col); err != nil || got != want {
			t.Errorf("column %s is %v wide (%v), want %v", col, got, err, want)
		}
	}
	var filter string
	for _, n := range f.GetDefinedName() {
		if n.Name == "_xlnm._FilterDatabase" {
			filter = n.RefersTo
		}
	}
	if filter != "'query'!$A$1:$E$4" {
		t.Errorf("autofilter over %q, want 'query'!$A$1:$E$4", filter)
	}
	panes, err := f.GetPanes(s)
	if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
		t.Errorf("panes %+v (%v), want the header row frozen", panes, err)
	}

	f = openXLSX(t, "--db", db, "v_dates")
	rows, err := f.GetRows("v_dates")
	if err != nil {
		t.Fatal(err)
	}
	dateCol := slices.Index(rows[0], "date")
	seen := map[string]bool{}
	for r, row := range rows[1:] {
		cell, _ := excelize.CoordinatesToCellName(dateCol+1, r+2)
		typ, _ := f.GetCellType("v_dates", cell)
		isDate := numFmt(t, f, "v_dates", cell) == "yyyy-mm-dd"
		switch v := row[dateCol]; v {
		case "2020-06-25":
			seen[v] = true
			if !isDate || typ == excelize.CellTypeInlineString || typ == excelize.CellTypeSharedString {
				t.Errorf("%s = %s is not a date cell", cell, v)
			}
		case "2020-10", "2020":
			seen[v] = true
			if isDate || (typ != excelize.CellTypeInlineString && typ != excelize.CellTypeSharedString) {
				t.Errorf("%s = %s, a partial date, is not text (type %v)", cell, v, typ)
			}
		}
	}
	if len(seen) != 3 {
		t.Errorf("v_dates lacks some of 2020-06-25, 2020-10, 2020: %v", seen)
	}

	f = openXLSX(t, "--db", db, "v_documents")
	cols, _ := f.GetCols("v_documents")
	for i, c := range cols {
		name, _ := excelize.ColumnNumberToName(i + 1)
		w, _ := f.GetColWidth("v_documents", name)
		switch c[0] {
		case "ingested_at":
			if got := numFmt(t, f, "v_documents", name+"2"); got != "yyyy-mm-dd hh:mm:ss" {
				t.Errorf("ingested_at has number format %q, want yyyy-mm-dd hh:mm:ss", got)
			}
		case "sha256":
			if w != 60 {
				t.Errorf("sha256 is %v wide, want 60: 64 characters, capped", w)
			}
		}
	}
}

// TestExportChineseHeadersAndWan: --headers zh titles the columns in
// Chinese, --unit wan gives amounts in 万元, in .xlsx and .csv alike.
func TestExportChineseHeadersAndWan(t *testing.T) {
	db := sampleDB(t)
	f := openXLSX(t, "--db", db, "--headers", "zh", "--unit", "wan", "v_reports")
	rows, err := f.GetRows("v_reports", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, title := range []string{"报告编号", "项目名称", "评价年度", "报告日期", "预算金额（万元）", "实际支出（万元）", "预算执行率（%）", "报告类型", "总分"} {
		if !slices.Contains(rows[0], title) {
			t.Errorf("header %q lacks %s", rows[0], title)
		}
	}
	budget := slices.Index(rows[0], "预算金额（万元）")
	rate := slices.Index(rows[0], "预算执行率（%）")
	if budget < 0 || rate < 0 {
		t.FailNow()
	}
	for r, want := range []string{"72.4", "18", "27"} {
		if got := rows[r+1][budget]; got != want {
			t.Errorf("budget of report %d = %q, want %s (万元)", r+1, got, want)
		}
	}
	if got := rows[3][rate]; got != "98.44" {
		t.Errorf("execution rate of report 3 = %q, want 98.44, not divided", got)
	}

	out := filepath.Join(t.TempDir(), "经费.csv")
	if code, _, errs := runCmd(t, "export", "--db", db, "-o", out, "--headers", "zh", "--unit", "万元",
		"--query", "SELECT project_name, budget_yuan, actual_yuan AS spent FROM v_reports ORDER BY report_id LIMIT 1"); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	data, _ := os.ReadFile(out)
	if want := "\uFEFF项目名称,预算金额（万元）,spent\n现代服务业专项经费,72.4,724000.0\n"; string(data) != want {
		t.Errorf("CSV = %q, want %q", data, want)
	}
	f = openXLSX(t, "--db", db, "--unit", "wan", "--query", "SELECT budget_yuan FROM v_reports ORDER BY report_id")
	if v, _ := f.GetCellValue("query", "A1"); v != "budget_wan" {
		t.Errorf("--unit wan titles budget_yuan %q, want budget_wan", v)
	}

	for _, args := range [][]string{{"--headers", "fr"}, {"--unit", "亿元"}} {
		args = append([]string{"export", "--db", db, "-o", filepath.Join(t.TempDir(), "x.xlsx"), "v_reports"}, args...)
		if code, _, _ := runCmd(t, args...); code != 2 {
			t.Errorf("%q: exit %d, want 2", args, code)
		}
	}
}

// TestZhTitlesCoverViews: every column of every v_ view has a Chinese
// title, and no two columns of a view share one.
func TestZhTitlesCoverViews(t *testing.T) {
	db, err := schema.OpenReadOnly(sampleDB(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	res, err := collect(context.Background(), db, `SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p
		WHERE m.type = 'view' AND m.name LIKE 'v\_%' ESCAPE '\' ORDER BY m.name, p.cid`)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Rows) < 100 {
		t.Fatalf("only %d view columns", len(res.Rows))
	}
	seen := map[string]string{}
	for _, row := range res.Rows {
		view, col := text(row[0]), text(row[1])
		title := zhTitle(view, col)
		if title == col {
			t.Errorf("%s.%s has no Chinese title in zhTitles", view, col)
		}
		if other, ok := seen[view+"\x00"+title]; ok {
			t.Errorf("%s: %s and %s are both titled %s", view, other, col, title)
		}
		seen[view+"\x00"+title] = col
	}
}

// TestExportAll: --all writes every v_ view to a sheet of its own, and
// only to an .xlsx file.
func TestExportAll(t *testing.T) {
	db := sampleDB(t)
	f := openXLSX(t, "--db", db, "--all", "--headers", "zh")
	want := []string{"v_documents", "v_paths", "v_blocks", "v_table_cells", "v_parts", "v_reports", "v_sections", "v_tables",
		"v_funds", "v_indicators", "v_scores", "v_evaluators", "v_policies", "v_orgs", "v_figures", "v_dates",
		"v_keywords", "v_table_blocks", "v_checks", "v_findings"}
	got := f.GetSheetList()
	for _, v := range want {
		if !slices.Contains(got, v) {
			t.Errorf("sheets %q lack %s", got, v)
		}
	}
	res := expected(t, db, `SELECT name FROM sqlite_master WHERE type = 'view' AND name LIKE 'v\_%' ESCAPE '\'`)
	if len(got) != len(res.Rows) {
		t.Errorf("%d sheets, want one per view: %d", len(got), len(res.Rows))
	}
	if v, _ := f.GetCellValue("v_reports", "F1"); v != "项目名称" {
		t.Errorf("v_reports F1 = %q, want 项目名称", v)
	}
	if rows, _ := f.GetRows("v_reports"); len(rows) != 4 {
		t.Errorf("v_reports holds %d rows, want a header and 3", len(rows))
	}

	dir := t.TempDir()
	for _, tt := range []struct {
		args []string
		msg  string
	}{
		{[]string{"-o", filepath.Join(dir, "全部.csv"), "--all"}, "only an .xlsx file holds"},
		{[]string{"-o", filepath.Join(dir, "全部.xlsx"), "--all", "v_reports"}, "one of them"},
		{[]string{"-o", filepath.Join(dir, "全部.xlsx"), "--all", "--query", "SELECT 1"}, "one of them"},
	} {
		code, _, errs := runCmd(t, append([]string{"export", "--db", db}, tt.args...)...)
		if code != 2 || !strings.Contains(errs, tt.msg) {
			t.Errorf("%q: exit %d, %q; want 2 and %q", tt.args, code, errs, tt.msg)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("refused exports left files: %v", entries)
	}
}

// TestExportXLSXBeyondWidthSample: rows past those the widths are
// measured on stream in order after them.
func TestExportXLSXBeyondWidthSample(t *testing.T) {
	db := testDB(t)
	n := widthSample + 500
	f := openXLSX(t, "--db", db, "--query",
		"WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < "+strconv.Itoa(n)+
			") SELECT x, CASE WHEN x > "+strconv.Itoa(widthSample)+" THEN '后面的行很宽很宽很宽很宽很宽' ELSE 'x' END AS t FROM c")
	rows, err := f.GetRows("query")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != n+1 {
		t.Fatalf("%d rows, want %d", len(rows), n+1)
	}
	for _, r := range []int{1, widthSample, widthSample + 1, n} {
		if rows[r][0] != strconv.Itoa(r) {
			t.Errorf("row %d holds %q", r, rows[r])
		}
	}
	if w, _ := f.GetColWidth("query", "B"); w != 5 {
		t.Errorf("column B is %v wide, want 5: measured on the first %d rows only", w, widthSample)
	}
}
