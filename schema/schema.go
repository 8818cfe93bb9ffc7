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
	"strings"
	"time"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// Version is the schema version this program writes: the number of its
// last migration (TestMigrationsNumbered ties the two). PRAGMA
// user_version holds a database's version, and the meta table repeats it
// under schema_version, where programs before numbered migrations looked.
const Version = 21

// ErrLocked reports that another process holds the database.
var ErrLocked = errors.New("database is locked by another process")

// Open opens (creating if needed) the database at path for writing, with
// WAL journaling and a busy timeout, and brings its schema up to Version:
// see migrate.
func Open(ctx context.Context, path string, busy time.Duration) (*sql.DB, error) {
	return OpenWith(ctx, path, Options{BusyTimeout: busy})
}

// Journal modes for Options.Journal.
const (
	JournalWAL    = "wal"    // readers never wait for the writer; needs shared memory (no network filesystems)
	JournalDelete = "delete" // rollback journal: safe on network filesystems, readers wait for commits
)

// Options says how OpenWith opens a database for writing.
type Options struct {
	BusyTimeout time.Duration // how long to wait for another process's lock
	Journal     string        // JournalWAL (the default when empty) or JournalDelete
}

// OpenWith opens (creating if needed) the database at path for writing
// and brings its schema up to Version. It opens only a database that is
// new (a missing or 0-byte file) or this program's, and refuses any other
// file, leaving it as it was: the header is read before SQLite opens the
// file, and the schema is read before the journal mode is set.
func OpenWith(ctx context.Context, path string, o Options) (*sql.DB, error) {
	journal := o.Journal
	switch journal {
	case "":
		journal = JournalWAL
	case JournalWAL, JournalDelete:
	default:
		return nil, fmt.Errorf("journal mode %q: want %s or %s", o.Journal, JournalWAL, JournalDelete)
	}
	h, err := readHeader(path)
	if err != nil {
		return nil, fmt.Errorf("%s %w; name another --db", path, err)
	}
	if foreign(h.appID) {
		return nil, fmt.Errorf("%s is %w; name another --db", path, foreignErr(h.appID))
	}
	q := url.Values{}
	q.Set("_busy_timeout", strconv.FormatInt(o.BusyTimeout.Milliseconds(), 10))
	q.Set("_synchronous", "NORMAL")
	q.Set("_foreign_keys", "1")
	q.Set("_txlock", "immediate")
	// One connection, which database/sql hands one goroutine at a time:
	// SQLite's lock around every call (bind, step …) guards nothing here.
	q.Set("_mutex", "no")
	db, err := sql.Open("sqlite3", fileURI(path)+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	db.SetMaxOpenConns(1) // one writer per process
	if err := prepare(ctx, db, journal); err != nil {
		db.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return db, nil
}

// prepare checks that the database is new or ours, sets its journal mode
// and migrates it.
func prepare(ctx context.Context, db *sql.DB, journal string) error {
	st, err := readState(ctx, db)
	if err != nil {
		return err
	}
	if _, err := st.version(); err != nil {
		return err
	}
	var mode string
	if err := db.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode); err != nil {
		return lockErr(err)
	}
	// Only a change writes: a database already in the mode asked for can
	// be opened where it cannot be written, to find there is nothing to do.
	if !strings.EqualFold(mode, journal) {
		if err := db.QueryRowContext(ctx, `PRAGMA journal_mode = `+journal).Scan(&mode); err != nil {
			return fmt.Errorf("journal mode %s: %w", journal, lockErr(err))
		}
		if !strings.EqualFold(mode, journal) {
			return fmt.Errorf("journal mode %s: SQLite kept %s (another process has the database open?)", journal, mode)
		}
	}
	return migrate(ctx, db)
}

// lockErr turns SQLite's busy and locked errors into ErrLocked.
func lockErr(err error) error {
	var se sqlite3.Error
	if errors.As(err, &se) && (se.Code == sqlite3.ErrBusy || se.Code == sqlite3.ErrLocked) {
		return fmt.Errorf("%w (%v)", ErrLocked, err)
	}
	return err
}
