package schema

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
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
// or empty file, or one that is not an SQLite database, is an error, never
// a new empty database.
//
// A database in WAL mode needs its -shm file to be read. Where SQLite
// cannot make one (a read-only folder or medium), the database is opened
// immutable: read as the file is, with no lock and no file beside it. That
// is safe only if no one writes it meanwhile, which the place rules out.
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
	h, err := readHeader(path)
	if err != nil {
		return nil, fmt.Errorf("database %s %w", path, err)
	}
	if h.empty {
		return nil, fmt.Errorf("database %s is empty (0 bytes): build it with ingest", path)
	}
	db, err := openReadOnly(path, false)
	if err != nil && h.wal && cannotOpen(err) {
		db, err = openImmutable(path)
	}
	if err != nil {
		return nil, err
	}
	if err := current(db, path); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// openReadOnly opens path read-only and reads its schema once, which is
// when SQLite first needs the WAL's -shm file.
func openReadOnly(path string, immutable bool) (*sql.DB, error) {
	dsn := fileURI(path) + "?mode=ro&_busy_timeout=5000"
	if immutable {
		dsn = fileURI(path) + "?mode=ro&immutable=1"
	}
	db := sql.OpenDB(&roConnector{dsn: dsn, driver: &sqlite3.SQLiteDriver{ConnectHook: readOnlyHook}})
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM sqlite_master`).Scan(&n); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return db, nil
}

// openImmutable opens path immutable, unless its -wal file holds changes
// that reading the file alone would miss.
func openImmutable(path string) (*sql.DB, error) {
	if fi, err := os.Stat(path + "-wal"); err == nil && fi.Size() > 0 {
		return nil, fmt.Errorf("open %s: its folder cannot be written, and %s holds changes not yet in the database: copy both files to a folder that can be written, or run ingest --db %s once where it can", path, filepath.Base(path)+"-wal", path)
	}
	return openReadOnly(path, true)
}

// cannotOpen says whether err is SQLite's failure to open the files a WAL
// database needs beside it.
func cannotOpen(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && (se.Code == sqlite3.ErrCantOpen || se.Code == sqlite3.ErrReadonly)
}

// current makes sure the database at path has this program's schema and
// views before it is read: a database of an earlier version is upgraded
// once, as ingest would upgrade it, so that its views are the ones the
// README describes; one that is newer is refused with the reason. Other
// applications' SQLite files are read as they are: reading changes
// nothing, so `reports sql` may query any SQLite file.
func current(db *sql.DB, path string) error {
	ctx := context.Background()
	st, err := readState(ctx, db)
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	if foreign(st.appID) || st.meta == "" && st.appID != ApplicationID {
		return nil
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
