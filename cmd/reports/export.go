package main

import (
	"context"
	"database/sql"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/govreports/govreports/cmd/internal/cli"
	"github.com/govreports/govreports/schema"

	"github.com/rivo/uniseg"
	"github.com/xuri/excelize/v2"
)

const exportUsage = `usage: reports export [--db reports.db] -o FILE [--force] [--headers zh] [--unit wan] [--timeout 1m] (VIEW | --query SQL | --all)

Writes a view or table (or the rows of a read-only query) to FILE:
.csv as UTF-8 with a byte-order mark, which Excel and WPS need to read
Chinese, or .xlsx with numbers as numbers, dates as dates, NULL as an
empty cell, a frozen header row with a filter, and columns as wide as
their content. --all writes every v_ view to an .xlsx file, a sheet
each. --headers zh titles the columns in Chinese; --unit wan gives the
amounts (columns ending in _yuan) in 万元. An existing FILE is replaced
only with --force, and then whole or not at all; a read-only FILE or a
symbolic link is never replaced. --timeout stops a query that runs
longer.
`

// exportUnits are the units --unit accepts, by how many 元 one is.
var exportUnits = map[string]float64{"yuan": 1, "元": 1, "wan": 1e4, "万元": 1e4}

// sheetSpec is one sheet (or CSV file) of an export: a query and the
// view it reads, whose name picks the Chinese column titles.
type sheetSpec struct{ name, view, query string }

func runExport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := cli.NewFlagSet("export", exportUsage)
	dbPath := fs.String("db", "reports.db", "SQLite database built by ingest")
	out := fs.StringP("output", "o", "", "output `FILE`, .csv or .xlsx")
	query := fs.String("query", "", "export the rows of this read-only `SQL` query instead of a view")
	all := fs.Bool("all", false, "export every v_ view, a sheet each (.xlsx only)")
	headers := fs.String("headers", "en", "column titles: `en` (the column names) or zh (Chinese)")
	unit := fs.String("unit", "yuan", "amounts (columns ending in _yuan) in `yuan` (元) or wan (万元)")
	force := fs.Bool("force", false, "replace FILE if it exists")
	timeout := timeoutFlag(fs)
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	if *out == "" {
		return usageError{"-o FILE is required"}
	}
	format := strings.ToLower(filepath.Ext(*out))
	if format != ".csv" && format != ".xlsx" {
		return usageError{fmt.Sprintf("-o %s: the file must end in .csv or .xlsx", *out)}
	}
	if *headers != "en" && *headers != "zh" {
		return usageError{fmt.Sprintf("--headers %s: want en or zh", *headers)}
	}
	divisor, ok := exportUnits[*unit]
	if !ok {
		return usageError{fmt.Sprintf("--unit %s: want yuan or wan (万元)", *unit)}
	}
	ef := exportFormat{zh: *headers == "zh", divisor: divisor}
	switch {
	case *all && (*query != "" || fs.NArg() != 0):
		return usageError{"give --all, a VIEW or --query SQL, one of them"}
	case *all && format != ".xlsx":
		return usageError{fmt.Sprintf("-o %s: --all writes a sheet per view, which only an .xlsx file holds", *out)}
	case *all:
	case *query == "" && fs.NArg() != 1:
		return usageError{fmt.Sprintf("want one VIEW argument or --query SQL, got %d arguments", fs.NArg())}
	case *query != "" && fs.NArg() != 0:
		return usageError{"give a VIEW or --query SQL, not both"}
	case *query != "":
		if err := oneStatement(*query); err != nil {
			return err
		}
	}

	// Refused before the query runs, which may take long.
	if err := checkOutput(*out, *dbPath, *force); err != nil {
		return err
	}
	db, err := schema.OpenReadOnly(*dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	ctx, cancel := withTimeout(ctx, *timeout)
	defer cancel()

	var sheets []sheetSpec
	switch {
	case *all:
		sheets, err = viewSheets(ctx, db)
	case *query != "":
		sheets = []sheetSpec{{name: "query", query: *query}}
	default:
		var name string
		name, err = lookupRelation(ctx, db, fs.Arg(0))
		sheets = []sheetSpec{relationSheet(name)}
	}
	if err != nil {
		return timeoutError(ctx, *timeout, schema.ReadOnlyError(*dbPath, err))
	}

	cut := 0
	n, err := writeAtomically(*out, *force, func(w io.Writer) (n int, err error) {
		if format == ".csv" {
			return exportCSV(ctx, w, db, sheets[0], ef)
		}
		n, cut, err = exportXLSX(ctx, w, db, sheets, ef)
		return n, err
	})
	if err != nil {
		return timeoutError(ctx, *timeout, schema.ReadOnlyError(*dbPath, err))
	}
	if len(sheets) > 1 {
		fmt.Fprintf(stderr, "wrote %d rows in %d sheets to %s\n", n, len(sheets), *out)
	} else {
		fmt.Fprintf(stderr, "wrote %d rows to %s\n", n, *out)
	}
	if cut > 0 {
		fmt.Fprintf(stderr, "warning: %d cells were longer than the %d characters an Excel cell holds and were cut; export to .csv for the whole text\n",
			cut, excelize.TotalCellChars)
	}
	return nil
}

// relationSheet reads the whole table or view name, spelled as
// sqlite_master has it; quoting it is all that stands between it and the
// SQL text.
func relationSheet(name string) sheetSpec {
	return sheetSpec{name: name, view: name, query: `SELECT * FROM "` + strings.ReplaceAll(name, `"`, `""`) + `"`}
}

// viewSheets returns a sheet for each of the program's views (v_…), in
// the order they were made, which is the README's.
func viewSheets(ctx context.Context, db queryer) ([]sheetSpec, error) {
	var sheets []sheetSpec
	_, err := queryRows(ctx, db, `SELECT name FROM sqlite_master WHERE type = 'view' AND name LIKE 'v\_%' ESCAPE '\' ORDER BY rowid`, nil,
		func(_ []string, row []any) error {
			sheets = append(sheets, relationSheet(text(row[0])))
			return nil
		})
	if err == nil && len(sheets) == 0 {
		err = errors.New("the database has no v_ views: run ingest on it first")
	}
	return sheets, err
}

// lookupRelation returns the name of the table or view called name, as
// sqlite_master spells it, or an error listing the views there are.
func lookupRelation(ctx context.Context, db *sql.DB, name string) (string, error) {
	var found string
	err := db.QueryRowContext(ctx,
		`SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name = ? COLLATE NOCASE`, name).Scan(&found)
	if err == nil {
		return found, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return "", err
	}
	var views []string
	_, err = queryRows(ctx, db, `SELECT name FROM sqlite_master WHERE type = 'view' ORDER BY name`, nil,
		func(_ []string, row []any) error {
			views = append(views, text(row[0]))
			return nil
		})
	if err != nil {
		return "", err
	}
	msg := fmt.Sprintf("no table or view named %q", name)
	if len(views) > 0 {
		msg += "; views: " + strings.Join(views, ", ")
	}
	return "", usageError{msg}
}

// checkOutput refuses an output path that cannot or must not be written:
// a folder that does not exist, an existing file without force, and, even
// with force, a folder, a symbolic link (whose target the user may not
// mean to replace), a read-only file, or the database itself.
func checkOutput(path, dbPath string, force bool) error {
	dir := filepath.Dir(path)
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return fmt.Errorf("-o %s: the folder %s does not exist", path, dir)
	}
	fi, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("-o %s: %w", path, err)
	case fi.Mode()&fs.ModeSymlink != 0:
		return fmt.Errorf("-o %s is a symbolic link: not replaced, even with --force; name the file it points to, or another", path)
	case fi.IsDir():
		return fmt.Errorf("-o %s is a folder", path)
	case !force:
		return fmt.Errorf("-o %s exists: not replaced without --force", path)
	case fi.Mode().Perm()&0o222 == 0:
		return fmt.Errorf("-o %s is read-only: not replaced, even with --force", path)
	}
	if dbi, err := os.Stat(dbPath); err == nil && os.SameFile(fi, dbi) {
		return fmt.Errorf("-o %s is the database: not replaced", path)
	}
	return nil
}

// writeAtomically writes path through a temporary file beside it, so a
// failed export leaves no half-written file behind and a reader of path
// sees the old file or the new one, whole. Without replace, an existing
// path is left alone: the temporary file is linked to path, which fails
// if it exists, even one made while the export ran. Errors name path,
// never the temporary file.
func writeAtomically(path string, replace bool, write func(io.Writer) (int, error)) (int, error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return 0, fmt.Errorf("write %s: %w", path, pathless(err))
	}
	tmp := f.Name()
	defer os.Remove(tmp) // a no-op once renamed
	n, err := write(f)
	if err == nil {
		// CreateTemp makes the file private; an export is an ordinary file.
		err = f.Chmod(0o644)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return 0, fmt.Errorf("write %s: %w", path, pathless(err))
	}
	if replace {
		err = os.Rename(tmp, path)
	} else if err = os.Link(tmp, path); errors.Is(err, fs.ErrExist) {
		return 0, fmt.Errorf("-o %s exists (made while exporting): not replaced without --force", path)
	} else if err != nil {
		// Hard links are not everywhere (FAT, some network shares):
		// look, then rename.
		if _, serr := os.Lstat(path); serr == nil {
			return 0, fmt.Errorf("-o %s exists: not replaced without --force", path)
		}
		err = os.Rename(tmp, path)
	}
	if err != nil {
		return 0, fmt.Errorf("write %s: %w", path, pathless(err))
	}
	return n, nil
}

// pathless strips the file names from an error about the temporary file,
// keeping the reason.
func pathless(err error) error {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		return pe.Err
	case errors.As(err, &le):
		return le.Err
	}
	return err
}

// utf8BOM tells Excel and WPS that a CSV file is UTF-8; without it they
// read Chinese as the local code page (GBK) and show mojibake.
const utf8BOM = "\uFEFF"

func exportCSV(ctx context.Context, w io.Writer, db queryer, sheet sheetSpec, ef exportFormat) (int, error) {
	if _, err := io.WriteString(w, utf8BOM); err != nil {
		return 0, err
	}
	cw := csv.NewWriter(w)
	var cols []column
	var rec []string
	n := 0
	names, err := queryRows(ctx, db, sheet.query, nil, func(names []string, row []any) error {
		if cols == nil {
			cols = ef.columns(sheet.view, names)
			if err := cw.Write(titles(cols)); err != nil {
				return err
			}
		}
		n++
		rec = rec[:0]
		for i, v := range row {
			rec = append(rec, text(cols[i].value(v)))
		}
		return cw.Write(rec)
	})
	if err != nil {
		return n, err
	}
	if cols == nil { // no rows: the header alone
		cw.Write(titles(ef.columns(sheet.view, names)))
	}
	cw.Flush()
	return n, cw.Error()
}

// exportFormat is how an export presents the columns: their titles and
// the unit of amounts.
type exportFormat struct {
	zh      bool    // Chinese titles
	divisor float64 // 元 per unit of amounts: 1, or 10000 for 万元
}

// column is one column of an export as presented.
type column struct {
	title   string
	divisor float64 // for amounts; 1 otherwise
	date    bool    // ISO dates become date cells in .xlsx
}

// dateColumns hold ISO dates (2020-06-25), partial ones (2020-03, 2020)
// or timestamps.
var dateColumns = map[string]bool{"report_date": true, "date": true, "ingested_at": true}

func (ef exportFormat) columns(view string, names []string) []column {
	cols := make([]column, len(names))
	for i, name := range names {
		c := column{title: name, divisor: 1, date: dateColumns[strings.ToLower(name)]}
		if ef.zh {
			c.title = zhTitle(view, name)
		}
		if ef.divisor != 1 && strings.HasSuffix(strings.ToLower(name), "_yuan") {
			c.divisor = ef.divisor
			if ef.zh {
				c.title = strings.TrimSuffix(c.title, "（元）") + "（万元）"
			} else {
				c.title = name[:len(name)-len("_yuan")] + "_wan"
			}
		}
		cols[i] = c
	}
	return cols
}

func titles(cols []column) []string {
	t := make([]string, len(cols))
	for i, c := range cols {
		t[i] = c.title
	}
	return t
}

// value converts an amount to the column's unit; 724000 元 is 72.4 万元.
func (c column) value(v any) any {
	if c.divisor == 1 {
		return v
	}
	switch v := v.(type) {
	case int64:
		return roundFloat(float64(v) / c.divisor)
	case float64:
		return roundFloat(v / c.divisor)
	}
	return v
}

// widthSample is how many rows the column widths of a sheet are measured
// on: they are held until then, as widths must precede the rows.
const widthSample = 1000

// maxColumnWidth caps a column, in the width of a Latin character (a Han
// character counts two): long text is there to be read in the cell.
const maxColumnWidth = 60

// dateLayouts are the forms of an ISO date that become date cells; partial
// dates (2020-03, 2020) stay text, as no day of them is meant.
var dateLayouts = []struct {
	layout   string
	datetime bool
}{
	{"2006-01-02", false},
	{time.RFC3339, true},
	{"2006-01-02T15:04:05", true},
	{"2006-01-02 15:04:05", true},
}

// xlsxStyles are the cell styles of an .xlsx export.
type xlsxStyles struct{ header, date, datetime int }

func newXLSXStyles(f *excelize.File) (*xlsxStyles, error) {
	var s xlsxStyles
	var err error
	date, datetime := "yyyy-mm-dd", "yyyy-mm-dd hh:mm:ss"
	for _, st := range []struct {
		id    *int
		style excelize.Style
	}{
		{&s.header, excelize.Style{Font: &excelize.Font{Bold: true}}},
		{&s.date, excelize.Style{CustomNumFmt: &date}},
		{&s.datetime, excelize.Style{CustomNumFmt: &datetime}},
	} {
		if *st.id, err = f.NewStyle(&st.style); err != nil {
			return nil, err
		}
	}
	return &s, nil
}

// cell is v as an .xlsx cell, and its width in Latin characters.
func (c column) cell(v any, styles *xlsxStyles) (any, int) {
	if s, ok := v.(string); ok && c.date {
		for _, l := range dateLayouts {
			t, err := time.Parse(l.layout, s)
			if err != nil {
				continue
			}
			if l.datetime {
				t = t.UTC() // Excel has no time zones; UTC is what ingest stores
				return excelize.Cell{StyleID: styles.datetime, Value: t}, len("2006-01-02 15:04:05")
			}
			return excelize.Cell{StyleID: styles.date, Value: t}, len("2006-01-02")
		}
	}
	x := xlsxValue(c.value(v))
	switch x := x.(type) {
	case nil:
		return nil, 0
	case float64:
		return x, len(formatFloat(x))
	case string:
		if len(x) > 4*maxColumnWidth { // wider than the cap whatever it holds
			return x, maxColumnWidth
		}
		return x, uniseg.StringWidth(oneLineCell(x))
	}
	return x, len(text(x))
}

// exportXLSX writes each sheet's rows into a worksheet of its own. It
// returns the rows written and how many cells were cut to Excel's limit.
func exportXLSX(ctx context.Context, w io.Writer, db queryer, sheets []sheetSpec, ef exportFormat) (n, cut int, err error) {
	f := excelize.NewFile()
	defer f.Close()
	styles, err := newXLSXStyles(f)
	if err != nil {
		return 0, 0, err
	}
	for i, s := range sheets {
		name := sheetName(s.name)
		if i == 0 {
			err = f.SetSheetName(f.GetSheetName(0), name)
		} else {
			_, err = f.NewSheet(name)
		}
		if err != nil {
			return 0, 0, err
		}
		sn, sc, err := writeSheet(ctx, f, db, name, s, ef, styles)
		if err != nil {
			return 0, 0, fmt.Errorf("%s: %w", s.name, err)
		}
		n, cut = n+sn, cut+sc
	}
	if _, err := f.WriteTo(w); err != nil {
		return 0, 0, err
	}
	return n, cut, nil
}

// writeSheet streams a query's rows into the worksheet name under a
// bold, frozen header row with an autofilter; the columns are as wide as
// the header and the first widthSample rows need.
func writeSheet(ctx context.Context, f *excelize.File, db queryer, name string, spec sheetSpec, ef exportFormat, styles *xlsxStyles) (n, cut int, err error) {
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return 0, 0, err
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return 0, 0, err
	}
	var (
		cols    []column
		widths  []int
		held    [][]any // rows waiting for the widths
		started bool
		cells   []any
	)
	setColumns := func(names []string) {
		cols = ef.columns(spec.view, names)
		widths = make([]int, len(cols))
		for i, c := range cols {
			widths[i] = uniseg.StringWidth(c.title) + 2 // and the filter's button
		}
	}
	start := func() error {
		started = true
		// Backwards: each column goes before the ones set, and Excel wants
		// them in order.
		for i := len(widths) - 1; i >= 0; i-- {
			if err := sw.SetColWidth(i+1, i+1, float64(min(widths[i]+2, maxColumnWidth))); err != nil {
				return err
			}
		}
		h := make([]any, len(cols))
		for i, c := range cols {
			h[i] = excelize.Cell{StyleID: styles.header, Value: c.title}
		}
		if err := sw.SetRow("A1", h); err != nil {
			return err
		}
		for i, row := range held {
			if err := sw.SetRow("A"+strconv.Itoa(i+2), row); err != nil {
				return err
			}
		}
		held = nil
		return nil
	}
	names, err := queryRows(ctx, db, spec.query, nil, func(names []string, row []any) error {
		if cols == nil {
			setColumns(names)
		}
		n++
		if n+1 > excelize.TotalRows {
			return fmt.Errorf("more than %d rows do not fit in a worksheet; export to .csv", excelize.TotalRows-1)
		}
		if !started {
			cells = make([]any, 0, len(row)) // held: a slice each
		}
		cells = cells[:0]
		for i, v := range row {
			x, w := cols[i].cell(v, styles)
			if s, ok := x.(string); ok && utf8.RuneCountInString(s) > excelize.TotalCellChars {
				cut++
			}
			if !started {
				widths[i] = max(widths[i], w)
			}
			cells = append(cells, x)
		}
		if !started {
			held = append(held, cells)
			if len(held) == widthSample {
				return start()
			}
			return nil
		}
		return sw.SetRow("A"+strconv.Itoa(n+1), cells)
	})
	if err != nil {
		return 0, 0, err
	}
	if !started {
		if cols == nil {
			setColumns(names)
		}
		if err := start(); err != nil {
			return 0, 0, err
		}
	}
	last, err := excelize.CoordinatesToCellName(max(len(cols), 1), n+1)
	if err != nil {
		return 0, 0, err
	}
	// Set on the worksheet the stream writer writes out at Flush.
	if err := f.AutoFilter(name, "A1:"+last, nil); err != nil {
		return 0, 0, err
	}
	if err := sw.Flush(); err != nil {
		return 0, 0, err
	}
	return n, cut, nil
}

// xlsxValue keeps numbers as numbers and NULL as an empty cell.
func xlsxValue(v any) any {
	switch v := v.(type) {
	case nil, bool, time.Time:
		return v
	case int64:
		return v
	case float64:
		return roundFloat(v) // the digits the table and CSV print
	default:
		return text(v)
	}
}

// sheetName makes name a valid worksheet name: at most 31 characters,
// none of : \ / ? * [ ].
func sheetName(name string) string {
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`:\/?*[]`, r) {
			return '_'
		}
		return r
	}, name)
	if r := []rune(name); len(r) > excelize.MaxSheetNameLength {
		name = string(r[:excelize.MaxSheetNameLength])
	}
	if strings.Trim(name, "'") == "" {
		name = "Sheet1"
	}
	return name
}
