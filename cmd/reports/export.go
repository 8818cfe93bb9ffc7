package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/govreports/govreports/cmd/internal/cli"
	"github.com/govreports/govreports/schema"

	"github.com/xuri/excelize/v2"
)

const exportUsage = `usage: reports export [--db reports.db] -o FILE (VIEW | --query SQL)

Writes a view or table (or the rows of a read-only query) to FILE:
.csv as UTF-8 with a byte-order mark, which Excel and WPS need to read
Chinese, or .xlsx with numbers as numbers and NULL as an empty cell.
`

func runExport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := cli.NewFlagSet("export", exportUsage)
	dbPath := fs.String("db", "reports.db", "SQLite database built by ingest")
	out := fs.StringP("output", "o", "", "output `FILE`, .csv or .xlsx")
	query := fs.String("query", "", "export the rows of this read-only `SQL` query instead of a view")
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
	switch {
	case *query == "" && fs.NArg() != 1:
		return usageError{fmt.Sprintf("want one VIEW argument or --query SQL, got %d arguments", fs.NArg())}
	case *query != "" && fs.NArg() != 0:
		return usageError{"give a VIEW or --query SQL, not both"}
	case *query != "":
		if err := oneStatement(*query); err != nil {
			return err
		}
	}

	db, err := schema.OpenReadOnly(*dbPath)
	if err != nil {
		return err
	}
	defer db.Close()

	q, sheet := *query, "query"
	if q == "" {
		name, err := lookupRelation(ctx, db, fs.Arg(0))
		if err != nil {
			return err
		}
		// name is spelled as sqlite_master has it; quoting it is all
		// that stands between it and the SQL text.
		q, sheet = `SELECT * FROM "`+strings.ReplaceAll(name, `"`, `""`)+`"`, name
	}

	cut := 0
	n, err := writeAtomically(*out, func(w io.Writer) (n int, err error) {
		if format == ".csv" {
			return exportCSV(ctx, w, db, q)
		}
		n, cut, err = exportXLSX(ctx, w, db, q, sheet)
		return n, err
	})
	if err != nil {
		return schema.ReadOnlyError(*dbPath, err)
	}
	fmt.Fprintf(stderr, "wrote %d rows to %s\n", n, *out)
	if cut > 0 {
		fmt.Fprintf(stderr, "warning: %d cells were longer than the %d characters an Excel cell holds and were cut; export to .csv for the whole text\n",
			cut, excelize.TotalCellChars)
	}
	return nil
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

// writeAtomically writes path through a temporary file beside it, so a
// failed export leaves no half-written file behind.
func writeAtomically(path string, write func(io.Writer) (int, error)) (int, error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return 0, err
	}
	n, err := write(f)
	if err == nil {
		// CreateTemp makes the file private; an export is an ordinary file.
		err = f.Chmod(0o644)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
		return 0, err
	}
	return n, nil
}

// utf8BOM tells Excel and WPS that a CSV file is UTF-8; without it they
// read Chinese as the local code page (GBK) and show mojibake.
const utf8BOM = "\uFEFF"

func exportCSV(ctx context.Context, w io.Writer, db queryer, query string) (int, error) {
	if _, err := io.WriteString(w, utf8BOM); err != nil {
		return 0, err
	}
	return writeCSV(ctx, w, db, query)
}

// exportXLSX streams the rows into one worksheet under a header row. It
// returns the rows written and how many cells were cut to Excel's limit.
func exportXLSX(ctx context.Context, w io.Writer, db queryer, query, sheet string) (n, cut int, err error) {
	f := excelize.NewFile()
	defer f.Close()
	sheet = sheetName(sheet)
	if err := f.SetSheetName(f.GetSheetName(0), sheet); err != nil {
		return 0, 0, err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return 0, 0, err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return 0, 0, err
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return 0, 0, err
	}

	var cells []any
	header := func(cols []string) error {
		h := make([]any, len(cols))
		for i, c := range cols {
			h[i] = excelize.Cell{StyleID: bold, Value: c}
		}
		return sw.SetRow("A1", h)
	}
	cols, err := queryRows(ctx, db, query, nil, func(cols []string, row []any) error {
		if n == 0 {
			if err := header(cols); err != nil {
				return err
			}
		}
		n++
		if n+1 > excelize.TotalRows {
			return fmt.Errorf("more than %d rows do not fit in a worksheet; export to .csv", excelize.TotalRows-1)
		}
		cells = cells[:0]
		for _, v := range row {
			x := xlsxValue(v)
			if s, ok := x.(string); ok && utf8.RuneCountInString(s) > excelize.TotalCellChars {
				cut++
			}
			cells = append(cells, x)
		}
		cell, err := excelize.CoordinatesToCellName(1, n+1)
		if err != nil {
			return err
		}
		return sw.SetRow(cell, cells)
	})
	if err != nil {
		return 0, 0, err
	}
	if n == 0 {
		if err := header(cols); err != nil {
			return 0, 0, err
		}
	}
	if err := sw.Flush(); err != nil {
		return 0, 0, err
	}
	if _, err := f.WriteTo(w); err != nil {
		return 0, 0, err
	}
	return n, cut, nil
}

// xlsxValue keeps numbers as numbers and NULL as an empty cell.
func xlsxValue(v any) any {
	switch v := v.(type) {
	case nil, int64, float64, bool, time.Time:
		return v
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
