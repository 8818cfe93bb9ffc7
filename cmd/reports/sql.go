package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/govreports/govreports/cmd/internal/cli"
	"github.com/govreports/govreports/schema"

	"github.com/rivo/uniseg"
	"golang.org/x/term"
)

const sqlUsage = `usage: reports sql [--db reports.db] [--csv|--json] [--wide] [--timeout 1m] QUERY

Runs one read-only SQL statement and prints its rows as an aligned table,
as CSV (--csv) or as a JSON array of objects (--json). In the table, long
values are cut to fit the terminal (at 60 columns when the output is not
a terminal) unless --wide is given, and at most 10000 rows are shown;
CSV and JSON hold everything and are written as the rows come.
`

func runSQL(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := cli.NewFlagSet("sql", sqlUsage)
	dbPath := fs.String("db", "reports.db", "SQLite database built by ingest")
	asCSV := fs.Bool("csv", false, "print CSV")
	asJSON := fs.Bool("json", false, "print a JSON array of objects")
	wide := fs.Bool("wide", false, "print whole values in the table, however long")
	timeout := timeoutFlag(fs)
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError{fmt.Sprintf("want one QUERY argument (quote it), got %d", fs.NArg())}
	}
	if *asCSV && *asJSON {
		return usageError{"--csv and --json exclude each other"}
	}
	query := fs.Arg(0)
	if err := oneStatement(query); err != nil {
		return err
	}
	db, err := schema.OpenReadOnly(*dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	ctx, cancel := withTimeout(ctx, *timeout)
	defer cancel()

	switch {
	case *asCSV:
		_, err = writeCSV(ctx, stdout, db, query)
	case *asJSON:
		err = writeJSON(ctx, stdout, db, query)
	default:
		var res *result
		res, err = collectAtMost(ctx, db, maxTableRows, query)
		if err == nil {
			layout := tableLayout{cell: maxCellWidth}
			if width := terminalWidth(stdout); width > 0 {
				layout = tableLayout{line: width}
			}
			if *wide {
				layout = tableLayout{}
			}
			err = writeTableLayout(stdout, res, layout)
		}
	}
	return timeoutError(ctx, *timeout, schema.ReadOnlyError(*dbPath, err))
}

// maxTableRows caps the rows of a table, which is held whole to line its
// columns up: a result of millions of rows is for --csv or --json, which
// stream it.
const maxTableRows = 10000

// oneStatement refuses an empty query and one of several statements, of
// which SQLite would run all and show the last one's rows only.
func oneStatement(query string) error {
	switch n := countStatements(query); n {
	case 0:
		return usageError{"the QUERY is empty: give one SQL statement"}
	case 1:
		return nil
	default:
		return usageError{fmt.Sprintf("the QUERY holds %d statements: give one at a time", n)}
	}
}

// countStatements counts the statements of q: the stretches between
// semicolons that hold more than spaces and comments. Semicolons inside
// quotes ('…', "…", `…`, […]) and comments (-- …, /* … */) do not count.
func countStatements(q string) int {
	n, content := 0, false
	skipTo := func(i int, end string) int { // the index of end's last byte
		j := strings.Index(q[i:], end)
		if j < 0 {
			return len(q)
		}
		return i + j + len(end) - 1
	}
	for i := 0; i < len(q); i++ {
		switch c := q[i]; {
		case c == '\'' || c == '"' || c == '`':
			content, i = true, skipTo(i+1, string(c))
		case c == '[':
			content, i = true, skipTo(i+1, "]")
		case strings.HasPrefix(q[i:], "--"):
			i = skipTo(i, "\n")
		case strings.HasPrefix(q[i:], "/*"):
			i = skipTo(i+2, "*/")
		case c == ';':
			if content {
				n++
			}
			content = false
		case c == ' ', c == '\t', c == '\n', c == '\r', c == '\f':
		default:
			content = true
		}
	}
	if content {
		n++
	}
	return n
}

// maxCellWidth caps a table cell, in terminal columns, when the output is
// not a terminal; longer text is cut with an ellipsis (use --wide, --csv
// or --json for whole values).
const maxCellWidth = 60

// minCellWidth is as narrow as fitting a table to the terminal cuts a
// column: narrower would leave nothing readable; the lines wrap instead.
const minCellWidth = 12

// tableLayout says how wide a table may be, in terminal columns: cell
// caps every cell, line the whole line (the widest columns are cut first).
// Zero means no limit.
type tableLayout struct{ cell, line int }

// terminalWidth returns the width of the terminal w writes to, or 0 when w
// is not a terminal.
func terminalWidth(w io.Writer) int {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return 0
	}
	width, _, err := term.GetSize(int(f.Fd()))
	if err != nil {
		return 0
	}
	return width
}

// writeTable prints res as the README shows tables: cells cut at
// maxCellWidth.
func writeTable(w io.Writer, res *result) error {
	return writeTableLayout(w, res, tableLayout{cell: maxCellWidth})
}

// writeTableLayout prints res with columns lined up for a terminal: East
// Asian wide characters take two columns, numbers are right-aligned.
func writeTableLayout(w io.Writer, res *result, layout tableLayout) error {
	cells := make([][]string, len(res.Rows)+1)
	cells[0] = make([]string, len(res.Columns))
	for i, c := range res.Columns {
		cells[0][i] = oneLineCell(c)
	}
	for r, row := range res.Rows {
		cells[r+1] = make([]string, len(row))
		for i, v := range row {
			cells[r+1][i] = oneLineCell(text(v))
		}
	}
	widths := make([]int, len(res.Columns))
	for _, row := range cells {
		for i, c := range row {
			widths[i] = max(widths[i], uniseg.StringWidth(c))
		}
	}
	limit := layout.cell
	if layout.line > 0 {
		limit = fitCap(widths, layout.line)
	}
	if limit > 0 {
		for _, row := range cells {
			for i, c := range row {
				row[i] = cutCell(c, limit)
			}
		}
		for i := range widths {
			widths[i] = min(widths[i], limit)
		}
	}
	var b bytes.Buffer
	line := func(row []string, right func(i int) bool) {
		for i, c := range row {
			if i > 0 {
				b.WriteString("  ")
			}
			pad := strings.Repeat(" ", widths[i]-uniseg.StringWidth(c))
			if right(i) {
				b.WriteString(pad + c)
			} else {
				b.WriteString(c + pad)
			}
		}
		trimmed := bytes.TrimRight(b.Bytes(), " ")
		b.Truncate(len(trimmed))
		b.WriteByte('\n')
	}
	line(cells[0], func(int) bool { return false })
	rule := make([]string, len(widths))
	for i, n := range widths {
		rule[i] = strings.Repeat("-", n)
	}
	line(rule, func(int) bool { return false })
	for r, row := range res.Rows {
		line(cells[r+1], func(i int) bool { return isNumber(row[i]) })
	}
	if res.More {
		fmt.Fprintf(&b, "(the first %d rows; more follow: use --csv or --json for all, or LIMIT)\n", len(res.Rows))
	} else if len(res.Rows) == 1 {
		b.WriteString("(1 row)\n")
	} else {
		fmt.Fprintf(&b, "(%d rows)\n", len(res.Rows))
	}
	_, err := w.Write(b.Bytes())
	return err
}

// fitCap returns the largest cap on column widths with which a table of
// columns widths fits in line columns (0 when it fits uncut), but no
// less than minCellWidth.
func fitCap(widths []int, line int) int {
	total := func(limit int) int {
		t := 2 * max(len(widths)-1, 0)
		for _, w := range widths {
			t += min(w, limit)
		}
		return t
	}
	widest := slices.Max(append([]int{0}, widths...))
	if total(widest) <= line {
		return 0
	}
	limit := widest
	for limit > minCellWidth && total(limit) > line {
		limit--
	}
	return limit
}

// oneLineCell puts s on one line.
func oneLineCell(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\t' || r < ' ' {
			return ' '
		}
		return r
	}, s)
}

// cutCell cuts s to limit terminal columns, with an ellipsis.
func cutCell(s string, limit int) string {
	if uniseg.StringWidth(s) <= limit {
		return s
	}
	var b strings.Builder
	w := 0
	g := uniseg.NewGraphemes(s)
	for g.Next() {
		cw := g.Width()
		if w+cw > limit-1 {
			break
		}
		b.WriteString(g.Str())
		w += cw
	}
	return b.String() + "…"
}

// writeCSV streams the rows as CSV with a header line; NULL is empty. It
// returns the number of rows.
func writeCSV(ctx context.Context, w io.Writer, db queryer, query string, args ...any) (int, error) {
	cw := csv.NewWriter(w)
	header := true
	var rec []string
	n := 0
	cols, err := queryRows(ctx, db, query, args, func(cols []string, row []any) error {
		n++
		if header {
			header = false
			if err := cw.Write(cols); err != nil {
				return err
			}
		}
		rec = rec[:0]
		for _, v := range row {
			rec = append(rec, text(v))
		}
		return cw.Write(rec)
	})
	if err != nil {
		return n, err
	}
	if header { // no rows: the header alone
		cw.Write(cols)
	}
	cw.Flush()
	return n, cw.Error()
}

// writeJSON streams the rows as a JSON array of objects keyed by column
// name, in column order; numbers stay numbers and NULL is null.
func writeJSON(ctx context.Context, w io.Writer, db queryer, query string, args ...any) error {
	var keys [][]byte
	n := 0
	var b bytes.Buffer
	_, err := queryRows(ctx, db, query, args, func(cols []string, row []any) error {
		if keys == nil {
			keys = jsonKeys(cols)
		}
		b.Reset()
		if n == 0 {
			b.WriteString("[\n  {")
		} else {
			b.WriteString(",\n  {")
		}
		n++
		for i, v := range row {
			if i > 0 {
				b.WriteString(", ")
			}
			b.Write(keys[i])
			b.WriteString(": ")
			b.Write(jsonValue(v))
		}
		b.WriteByte('}')
		_, err := w.Write(b.Bytes())
		return err
	})
	if err != nil {
		return err
	}
	if n == 0 {
		_, err = io.WriteString(w, "[]\n")
	} else {
		_, err = io.WriteString(w, "\n]\n")
	}
	return err
}

// jsonKeys encodes column names as object keys, numbering repeats (a, a_2)
// so that no value is lost.
func jsonKeys(cols []string) [][]byte {
	seen := make(map[string]int)
	keys := make([][]byte, len(cols))
	for i, c := range cols {
		seen[c]++
		name := c
		if k := seen[c]; k > 1 {
			name = c + "_" + strconv.Itoa(k)
		}
		keys[i] = jsonString(name)
	}
	return keys
}

func jsonValue(v any) []byte {
	switch v := v.(type) {
	case nil:
		return []byte("null")
	case int64:
		return strconv.AppendInt(nil, v, 10)
	case float64:
		if math.IsInf(v, 0) || math.IsNaN(v) {
			return []byte("null")
		}
		return []byte(formatFloat(v)) // the digits the table and CSV print
	case bool:
		return strconv.AppendBool(nil, v)
	default:
		return jsonString(text(v))
	}
}

// jsonString encodes s without escaping <, > and &, which JSON allows.
func jsonString(s string) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(s) // a string always encodes
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}
