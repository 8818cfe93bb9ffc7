// Package schema creates the SQLite database, loads documents and their
// extractions into it, and defines the public views analysts query.
//
// One process has one Writer: documents are loaded by a single goroutine in
// batched transactions, each document inside a savepoint of its own so that
// it is either wholly in the database or not at all.
package schema

import (
	"context"
	"database/sql"
	_ "embed"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	sqlite3 "github.com/mattn/go-sqlite3"
)

//go:embed schema.sql
var schemaSQL string

// Version is the schema version recorded in the meta table. A database
// made by another version is refused rather than silently mixed.
const Version = 3

// ErrLocked reports that another process holds the database.
var ErrLocked = errors.New("database is locked by another process")

// Open opens (creating if needed) the database at path for writing, with
// WAL journaling and a busy timeout, and creates or checks the schema.
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

func migrate(ctx context.Context, db *sql.DB) error {
	// Check with a plain read first, so that opening a database another
	// process is writing does not need the write lock.
	if done, err := checkVersion(ctx, db); done || err != nil {
		return err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return lockErr(err)
	}
	defer tx.Rollback()
	if done, err := checkVersion(ctx, tx); done || err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, schemaSQL); err != nil {
		return fmt.Errorf("create schema: %w", lockErr(err))
	}
	if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?), ('created_at', ?)`,
		strconv.Itoa(Version), time.Now().UTC().Format(time.RFC3339)); err != nil {
		return err
	}
	return lockErr(tx.Commit())
}

type queryRower interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// checkVersion reports whether the schema exists at this version.
func checkVersion(ctx context.Context, q queryRower) (bool, error) {
	var have string
	err := q.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'schema_version'`).Scan(&have)
	switch {
	case err == nil:
		if have != strconv.Itoa(Version) {
			return false, fmt.Errorf("database has schema version %s, this program writes version %d: use a new --db", have, Version)
		}
		return true, nil
	case errors.Is(err, sql.ErrNoRows), strings.Contains(err.Error(), "no such table"):
		return false, nil
	default:
		return false, lockErr(err)
	}
}

// lockErr turns SQLite's busy and locked errors into ErrLocked.
func lockErr(err error) error {
	var se sqlite3.Error
	if errors.As(err, &se) && (se.Code == sqlite3.ErrBusy || se.Code == sqlite3.ErrLocked) {
		return fmt.Errorf("%w (%v)", ErrLocked, err)
	}
	return err
}
