package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/govreports/govreports/cmd/internal/cli"
	"github.com/govreports/govreports/schema"

	"github.com/rivo/uniseg"
)

const sqlUsage = `usage: reports sql [--db reports.db] [--csv|--json] QUERY

Runs one read-only SQL query and prints its rows as an aligned table,
as CSV (--csv) or as a JSON array of objects (--json).
`

func runSQL(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := cli.NewFlagSet("sql", sqlUsage)
	dbPath := fs.String("db", "reports.db", "SQLite database built by ingest")
	asCSV := fs.Bool("csv", false, "print CSV")
	asJSON := fs.Bool("json", false, "print a JSON array of objects")
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError{fmt.Sprintf("want one QUERY argument (quote it), got %d", fs.NArg())}
	}
	if *asCSV && *asJSON {
		return usageError{"--csv and --json exclude each other"}
	}
	db, err := schema.OpenReadOnly(*dbPath)
	if err != nil {
		return err
	}
	defer db.Close()

	query := fs.Arg(0)
	switch {
	case *asCSV:
		_, err = writeCSV(ctx, stdout, db, query)
	case *asJSON:
		err = writeJSON(ctx, stdout, db, query)
	default:
		var res *result
		res, err = collect(ctx, db, query)
		if err == nil {
			err = writeTable(stdout, res)
		}
	}
	return schema.ReadOnlyError(*dbPath, err)
}

// maxCellWidth caps a table cell, in terminal columns; longer text is cut
// with an ellipsis (use --csv or --json for whole values).
const maxCellWidth = 60

// writeTable prints res with columns lined up for a terminal: East Asian
// wide characters take two columns, numbers are right-aligned.
func writeTable(w io.Writer, res *result) error {
	cells := make([][]string, len(res.Rows)+1)
	cells[0] = make([]string, len(res.Columns))
	for i, c := range res.Columns {
		cells[0][i] = tableCell(c)
	}
	for r, row := range res.Rows {
		cells[r+1] = make([]string, len(row))
		for i, v := range row {
			cells[r+1][i] = tableCell(text(v))
		}
	}
	widths := make([]int, len(res.Columns))
	for _, row := range cells {
		for i, c := range row {
			widths[i] = max(widths[i], uniseg.StringWidth(c))
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
	if len(res.Rows) == 1 {
		b.WriteString("(1 row)\n")
	} else {
		fmt.Fprintf(&b, "(%d rows)\n", len(res.Rows))
	}
	_, err := w.Write(b.Bytes())
	return err
}

// tableCell puts s on one line and cuts it to maxCellWidth columns.
func tableCell(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\t' || r < ' ' {
			return ' '
		}
		return r
	}, s)
	if uniseg.StringWidth(s) <= maxCellWidth {
		return s
	}
	var b strings.Builder
	w := 0
	g := uniseg.NewGraphemes(s)
	for g.Next() {
		cw := g.Width()
		if w+cw > maxCellWidth-1 {
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
		return strconv.AppendFloat(nil, v, 'g', -1, 64)
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
