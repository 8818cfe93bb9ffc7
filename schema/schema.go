// Package schema creates the SQLite database, loads documents and their
// extractions into it, and defines the public views analysts query.
//
// One process has one Writer: documents are loaded by a single goroutine in
// batched transactions, each document inside a savepoint of its own so that
// it is either wholly in the database or not at all.
//
// The tables are made and changed by the numbered migrations of
// migrations/, which Open applies; the views, which hold no data, by
// views.sql, run again whenever it changed. tables.go maps the model's
// fields to the tables' columns.
package schema

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"time"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// Version is the schema version this program writes: the number of its
// last migration (TestMigrationsNumbered ties the two). PRAGMA
// user_version holds a database's version, and the meta table repeats it
// under schema_version, where programs before numbered migrations looked.
const Version = 9

// ErrLocked reports that another process holds the database.
var ErrLocked = errors.New("database is locked by another process")

// Open opens (creating if needed) the database at path for writing, with
// WAL journaling and a busy timeout, and brings its schema up to Version:
// see migrate.
func Open(ctx context.Context, path string, busy time.Duration) (*sql.DB, error) {
	q := url.Values{}
	q.Set("_busy_timeout", strconv.FormatInt(busy.Milliseconds(), 10))
	q.Set("_journal_mode", "WAL")
	q.Set("_synchronous", "NORMAL")
	q.Set("_foreign_keys", "1")
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite3", fileURI(path)+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	db.SetMaxOpenConns(1) // one writer per process
	if err := migrate(ctx, db); err != nil {
		db.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return db, nil
}

// lockErr turns SQLite's busy and locked errors into ErrLocked.
func lockErr(err error) error {
	var se sqlite3.Error
	if errors.As(err, &se) && (se.Code == sqlite3.ErrBusy || se.Code == sqlite3.ErrLocked) {
		return fmt.Errorf("%w (%v)", ErrLocked, err)
	}
	return err
}
