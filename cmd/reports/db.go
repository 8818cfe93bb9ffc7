package main

import (
	"context"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"strconv"
	"time"
	"unicode/utf8"
)

// result is a query's answer held as values: int64, float64, string,
// []byte, time.Time or nil.
type result struct {
	Columns []string
	Rows    [][]any
	More    bool // rows beyond these were left unread
}

// queryer is a *sql.DB or a *sql.Conn.
type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// queryRows runs query and calls fn for each row; the slice is reused.
func queryRows(ctx context.Context, db queryer, query string, args []any, fn func(cols []string, row []any) error) (cols []string, err error) {
	rows, err := db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols, err = rows.Columns()
	if err != nil {
		return nil, err
	}
	row := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range row {
		ptrs[i] = &row[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return cols, err
		}
		if err := fn(cols, row); err != nil {
			return cols, err
		}
	}
	return cols, rows.Err()
}

// collect runs query and keeps every row.
func collect(ctx context.Context, db queryer, query string, args ...any) (*result, error) {
	return collectAtMost(ctx, db, 0, query, args...)
}

// errEnough stops reading rows once enough are held.
var errEnough = errors.New("enough rows")

// collectAtMost runs query and keeps its first limit rows (every row when
// limit is 0); More says whether there were more. The rest are never
// read, so a query of millions of rows stops early.
func collectAtMost(ctx context.Context, db queryer, limit int, query string, args ...any) (*result, error) {
	res := &result{}
	cols, err := queryRows(ctx, db, query, args, func(_ []string, row []any) error {
		if limit > 0 && len(res.Rows) == limit {
			res.More = true
			return errEnough
		}
		res.Rows = append(res.Rows, append([]any(nil), row...))
		return nil
	})
	if errors.Is(err, errEnough) {
		err = nil
	}
	res.Columns = cols
	return res, err
}

// text renders a value as text: numbers in full, NULL as "", a BLOB as
// its text when it is UTF-8 and as hex otherwise.
func text(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case int64:
		return strconv.FormatInt(v, 10)
	case float64:
		return formatFloat(v)
	case string:
		return v
	case []byte:
		if utf8.Valid(v) {
			return string(v)
		}
		return "x'" + hex.EncodeToString(v) + "'"
	case bool:
		return strconv.FormatBool(v)
	case time.Time:
		return v.Format(time.RFC3339)
	default:
		return fmt.Sprint(v)
	}
}

// formatFloat prints f as the table, CSV and JSON all print it: never
// with an exponent (5178000000.0, not 5.178e+09) and rounded to 15
// significant digits, as Excel shows numbers, so that arithmetic noise
// does not show (98.44, not 98.44000000000001).
func formatFloat(f float64) string {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return strconv.FormatFloat(f, 'g', -1, 64)
	}
	f = roundFloat(f)
	if f == math.Trunc(f) && math.Abs(f) < 1e15 {
		return strconv.FormatFloat(f, 'f', 1, 64) // 3.0 stays visibly real
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// roundFloat rounds f to 15 significant digits, the most a float64 holds
// exactly in decimal.
func roundFloat(f float64) float64 {
	r, err := strconv.ParseFloat(strconv.FormatFloat(f, 'g', 15, 64), 64)
	if err != nil {
		return f
	}
	return r
}

func isNumber(v any) bool {
	switch v.(type) {
	case int64, float64:
		return true
	}
	return false
}
