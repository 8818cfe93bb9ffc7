package schema

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"strconv"
	"strings"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// The tables change by numbered migrations, NNNN_what.sql, applied in order
// and never edited once released; the views are rebuilt from views.sql.
//
//go:embed migrations/*.sql
var migrationFS embed.FS

//go:embed views.sql
var viewsSQL string

// legacyVersion is the version of the databases made before numbered
// migrations: they recorded it in meta only, and their tables are those of
// migration 0003.
const legacyVersion = 3

type migration struct {
	version int
	name    string // file name, for errors
	sql     string
}

// migrations reads the embedded migrations in order of their numbers.
func migrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrationFS, "migrations")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("migration %s: the name does not start with a number and '_'", e.Name())
		}
		if len(ms) > 0 && v != ms[len(ms)-1].version+1 {
			return nil, fmt.Errorf("migration %s: number %d does not follow %s", e.Name(), v, ms[len(ms)-1].name)
		}
		b, err := migrationFS.ReadFile(path.Join("migrations", e.Name()))
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: e.Name(), sql: string(b)})
	}
	if len(ms) == 0 || ms[0].version != legacyVersion {
		return nil, errors.New("migrations: the first must be the baseline, version 3")
	}
	if last := ms[len(ms)-1]; last.version != Version {
		return nil, fmt.Errorf("migration %s is the last, but Version is %d", last.name, Version)
	}
	return ms, nil
}

// viewCount is how many views views.sql makes.
func viewCount() int {
	return len(regexp.MustCompile(`(?im)^CREATE VIEW `).FindAllStringIndex(viewsSQL, -1))
}

// viewsHash identifies the views this program makes.
func viewsHash() string {
	sum := sha256.Sum256([]byte(viewsSQL))
	return hex.EncodeToString(sum[:])
}

// dbState is what a database says of its schema.
type dbState struct {
	userVersion int
	meta        string // schema_version in meta; "" when there is none
	views       string // hash of the views.sql the views were made from
	viewCount   int    // views named v_*
	tables      int    // tables of any kind
	hasMeta     bool   // a table named meta exists
	appID       uint32 // PRAGMA application_id
}

type queryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func readState(ctx context.Context, q queryer) (dbState, error) {
	if db, ok := q.(*sql.DB); ok {
		// The queries read one snapshot: read one by one, a migration
		// another process commits meanwhile is seen half done (version 0
		// with a schema_version), and the database refused. A read-only
		// handle refuses BEGIN; it reads as it can.
		conn, err := db.Conn(ctx)
		if err != nil {
			return dbState{}, lockErr(err)
		}
		defer conn.Close()
		if _, err := conn.ExecContext(ctx, `BEGIN DEFERRED`); err == nil {
			defer conn.ExecContext(context.WithoutCancel(ctx), `ROLLBACK`)
		}
		q = conn
	}
	var st dbState
	if err := q.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&st.userVersion); err != nil {
		return st, lockErr(err)
	}
	if err := q.QueryRowContext(ctx, `PRAGMA application_id`).Scan(&st.appID); err != nil {
		return st, lockErr(err)
	}
	var meta int
	if err := q.QueryRowContext(ctx, `SELECT count(*) FILTER (WHERE type = 'table'),
		count(*) FILTER (WHERE type = 'table' AND name = 'meta'),
		count(*) FILTER (WHERE type = 'view' AND name LIKE 'v\_%' ESCAPE '\')
		FROM sqlite_master`).Scan(&st.tables, &meta, &st.viewCount); err != nil {
		return st, lockErr(err)
	}
	if meta == 0 {
		return st, nil
	}
	st.hasMeta = true
	err := q.QueryRowContext(ctx, `SELECT
		coalesce((SELECT value FROM meta WHERE key = 'schema_version'), ''),
		coalesce((SELECT value FROM meta WHERE key = 'views'), '')`).Scan(&st.meta, &st.views)
	return st, lockErr(err)
}

// viewsCurrent says whether the database has this program's views: made
// from the same views.sql, and none dropped since.
func (st dbState) viewsCurrent() bool {
	return st.views == viewsHash() && st.viewCount == viewCount()
}

// version says which schema version the database is at, 0 for an empty
// one, or why the program must not touch it.
func (st dbState) version() (int, error) {
	switch {
	case foreign(st.appID):
		return 0, fmt.Errorf("the database is %w", foreignErr(st.appID))
	case st.meta == "" && st.hasMeta && st.appID == ApplicationID:
		return 0, errors.New("the database is this program's but its meta table holds no schema_version (changed by hand?): refusing to guess its version; re-ingest into a new --db")
	case st.meta == "" && st.tables > 0:
		return 0, errors.New("the database holds tables of another application (no govreports schema version): refusing to change it; name another --db")
	case st.meta == "":
		return 0, nil
	case st.userVersion > Version:
		return 0, fmt.Errorf("the database has schema version %d, newer than this program knows (up to %d): use a newer govreports", st.userVersion, Version)
	case st.userVersion > 0:
		return st.userVersion, nil
	case st.meta == strconv.Itoa(legacyVersion):
		return legacyVersion, nil
	}
	return 0, fmt.Errorf("the database has schema version %s, from before databases upgraded: re-ingest into a new --db", st.meta)
}

// migrate brings the database to Version, each migration in a transaction
// of its own, then rebuilds the views if they are not this program's.
//
// A database that is up to date is only read, so that opening a database
// another process is writing does not wait for the write lock.
func migrate(ctx context.Context, db *sql.DB) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	st, err := readState(ctx, db)
	if err != nil {
		return err
	}
	v, err := st.version()
	if err != nil {
		return err
	}
	if v == Version && st.viewsCurrent() {
		if st.appID == ApplicationID {
			return nil
		}
		// A database of ours from before the id was set gets it now. One
		// that cannot be written (a read-only file) is still ours by its
		// meta table, and an ingest with nothing to do needs no write.
		if err := markOurs(ctx, db); err != nil && !IsReadOnly(err) {
			return err
		}
		return nil
	}
	for {
		done, err := step(ctx, db, ms)
		if done || err != nil {
			return err
		}
	}
}

// step takes the write lock, looks again (another process may have
// upgraded meanwhile), and applies the next migration, or rebuilds the
// views once there is none. It says whether the schema is complete.
func step(ctx context.Context, db *sql.DB, ms []migration) (bool, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return false, lockErr(err)
	}
	defer tx.Rollback()
	st, err := readState(ctx, tx)
	if err != nil {
		return false, err
	}
	v, err := st.version()
	if err != nil {
		return false, err
	}
	switch {
	case v < Version:
		m := ms[0]
		if v > 0 {
			m = ms[v-ms[0].version+1]
		}
		// A view may name a column the migration changes: the views go
		// first and come back after the last migration.
		if v > 0 {
			if err := dropViews(ctx, tx); err != nil {
				return false, err
			}
		}
		if _, err := tx.ExecContext(ctx, m.sql); err != nil {
			return false, fmt.Errorf("migration %s: %w", m.name, lockErr(err))
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA user_version = %d; PRAGMA application_id = %d`, m.version, ApplicationID)); err != nil {
			return false, fmt.Errorf("migration %s: %w", m.name, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)`,
			strconv.Itoa(m.version)); err != nil {
			return false, fmt.Errorf("migration %s: %w", m.name, err)
		}
		return false, lockErr(tx.Commit())
	case !st.viewsCurrent():
		if err := dropViews(ctx, tx); err != nil {
			return false, err
		}
		if _, err := tx.ExecContext(ctx, viewsSQL); err != nil {
			return false, fmt.Errorf("views.sql: %w", lockErr(err))
		}
		if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO meta (key, value) VALUES ('views', ?)`, viewsHash()); err != nil {
			return false, err
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA application_id = %d`, ApplicationID)); err != nil {
			return false, err
		}
		return true, lockErr(tx.Commit())
	}
	return true, nil
}

// markOurs sets the application id of a database of ours.
func markOurs(ctx context.Context, db *sql.DB) error {
	_, err := db.ExecContext(ctx, fmt.Sprintf(`PRAGMA application_id = %d`, ApplicationID))
	return lockErr(err)
}

// IsReadOnly says whether err is SQLite's refusal to write a file it
// opened read-only.
func IsReadOnly(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && se.Code == sqlite3.ErrReadonly
}

// dropViews drops the program's views: every view named v_*, so that a
// view a later views.sql no longer makes goes too. The recorded hash goes
// with them, so that they are made again even if a later step fails.
func dropViews(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT name FROM sqlite_master WHERE type = 'view' AND name LIKE 'v\_%' ESCAPE '\'`)
	if err != nil {
		return lockErr(err)
	}
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return err
		}
		names = append(names, n)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, n := range names {
		if _, err := tx.ExecContext(ctx, `DROP VIEW "`+strings.ReplaceAll(n, `"`, `""`)+`"`); err != nil {
			return fmt.Errorf("drop view %s: %w", n, lockErr(err))
		}
	}
	_, err = tx.ExecContext(ctx, `DELETE FROM meta WHERE key = 'views'`)
	return err
}
