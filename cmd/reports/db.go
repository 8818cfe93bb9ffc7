package main

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/mattn/go-sqlite3"
)

// openReadOnly opens the database at path for reading only, three times
// over: the file is opened with mode=ro, every connection sets
// PRAGMA query_only, and an authorizer refuses any statement that is not a
// read, so that ATTACH or VACUUM INTO cannot create files either. A missing
// file is an error, never a new empty database.
func openReadOnly(path string) (*sql.DB, error) {
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("database %s does not exist (build it with ingest, or name it with --db)", path)
	}
	if err != nil {
		return nil, err
	}
	if fi.IsDir() {
		return nil, fmt.Errorf("database %s is a directory", path)
	}
	escape := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23")
	c := &roConnector{dsn: "file:" + escape.Replace(path) + "?mode=ro", driver: &sqlite3.SQLiteDriver{ConnectHook: readOnlyHook}}
	db := sql.OpenDB(c)
	if err := db.Ping(); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return db, nil
}

// roConnector opens connections with a driver of its own, so the read-only
// hook needs no global sql.Register.
type roConnector struct {
	dsn    string
	driver *sqlite3.SQLiteDriver
}

func (c *roConnector) Connect(context.Context) (driver.Conn, error) { return c.driver.Open(c.dsn) }
func (c *roConnector) Driver() driver.Driver                        { return c.driver }

func readOnlyHook(conn *sqlite3.SQLiteConn) error {
	if _, err := conn.Exec("PRAGMA query_only = 1", nil); err != nil {
		return err
	}
	conn.SetLimit(sqlite3.SQLITE_LIMIT_ATTACHED, 0)
	conn.RegisterAuthorizer(authorizeRead)
	return nil
}

// sqliteRecursive is SQLITE_RECURSIVE (a WITH RECURSIVE query), which the
// driver does not export.
const sqliteRecursive = 33

// introspection lists the pragmas that take an argument and only read.
var introspection = map[string]bool{
	"table_info": true, "table_xinfo": true, "table_list": true,
	"index_list": true, "index_info": true, "index_xinfo": true,
	"foreign_key_list": true,
}

func authorizeRead(action int, arg1, arg2, _ string) int {
	switch action {
	case sqlite3.SQLITE_SELECT, sqlite3.SQLITE_READ, sqlite3.SQLITE_FUNCTION, sqliteRecursive:
		return sqlite3.SQLITE_OK
	case sqlite3.SQLITE_PRAGMA:
		// A pragma without a value reads a setting (full-text tables ask
		// for data_version); one with a value sets it, unless it only
		// describes a table.
		if arg2 == "" || introspection[strings.ToLower(arg1)] {
			return sqlite3.SQLITE_OK
		}
	}
	return sqlite3.SQLITE_DENY
}

// readOnly rewrites the errors of refused statements so that they say why.
func readOnly(path string, err error) error {
	var se sqlite3.Error
	if errors.As(err, &se) && (se.Code == sqlite3.ErrAuth || se.Code == sqlite3.ErrReadonly) {
		return fmt.Errorf("read-only: %s is opened for reading, so the statement was refused (%v)", path, err)
	}
	return err
}

// result is a query's answer held as values: int64, float64, string,
// []byte, time.Time or nil.
type result struct {
	Columns []string
	Rows    [][]any
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
	res := &result{}
	cols, err := queryRows(ctx, db, query, args, func(_ []string, row []any) error {
		res.Rows = append(res.Rows, append([]any(nil), row...))
		return nil
	})
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

func formatFloat(f float64) string {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return strconv.FormatFloat(f, 'g', -1, 64)
	}
	if f == math.Trunc(f) && math.Abs(f) < 1e15 {
		return strconv.FormatFloat(f, 'f', 1, 64) // 3.0 stays visibly real
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

func isNumber(v any) bool {
	switch v.(type) {
	case int64, float64:
		return true
	}
	return false
}
