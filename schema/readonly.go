package schema

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"time"

	"github.com/mattn/go-sqlite3"
)

// fileURI turns a file path into an SQLite URI filename, escaping the
// characters a URI gives meaning to.
func fileURI(path string) string {
	return "file:" + strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
}

// OpenReadOnly opens the database at path for reading only, three times
// over: the file is opened with mode=ro, every connection sets
// PRAGMA query_only, and an authorizer refuses any statement that is not a
// read, so that ATTACH or VACUUM INTO cannot create files either. A missing
// file is an error, never a new empty database.
func OpenReadOnly(path string) (*sql.DB, error) {
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
	c := &roConnector{dsn: fileURI(path) + "?mode=ro&_busy_timeout=5000", driver: &sqlite3.SQLiteDriver{ConnectHook: readOnlyHook}}
	db := sql.OpenDB(c)
	if err := db.Ping(); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if err := current(db, path); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// current makes sure the database at path has this program's schema and
// views before it is read: a database of an earlier version is upgraded
// once, as ingest would upgrade it, so that its views are the ones the
// README describes; one that is newer is refused with the reason. Other
// SQLite files are read as they are.
func current(db *sql.DB, path string) error {
	ctx := context.Background()
	st, err := readState(ctx, db)
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	if st.meta == "" {
		return nil // not ours: reading it changes nothing, so any SQLite file may be queried
	}
	v, err := st.version()
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if v == Version && st.viewsCurrent() {
		return nil
	}
	w, err := Open(ctx, path, 5*time.Second)
	if err != nil {
		return fmt.Errorf("%s has schema version %d and this program reads version %d; upgrading it failed (%v): run ingest --db %s once where the file can be written", path, v, Version, err, path)
	}
	return w.Close()
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

// ReadOnlyError rewrites the errors of refused statements so that they say why.
func ReadOnlyError(path string, err error) error {
	var se sqlite3.Error
	if errors.As(err, &se) && (se.Code == sqlite3.ErrAuth || se.Code == sqlite3.ErrReadonly) {
		return fmt.Errorf("read-only: %s is opened for reading, so the statement was refused (%v)", path, err)
	}
	return err
}
