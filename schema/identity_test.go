package schema

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// foreignDB makes an SQLite file of another application by running stmts.
func foreignDB(t *testing.T, name string, stmts ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// snapshot is what must not change of a refused file: its bytes, its
// modification time and the names in its folder.
type snapshot struct {
	data  []byte
	mtime time.Time
	names string
}

func snap(t *testing.T, path string) snapshot {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(filepath.Dir(path))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return snapshot{data, fi.ModTime(), strings.Join(names, " ")}
}

func (s snapshot) check(t *testing.T, path string) {
	t.Helper()
	now := snap(t, path)
	if !bytes.Equal(now.data, s.data) {
		t.Errorf("%s: its bytes changed", path)
	}
	if !now.mtime.Equal(s.mtime) {
		t.Errorf("%s: modified at %v, was %v", path, now.mtime, s.mtime)
	}
	if now.names != s.names {
		t.Errorf("%s: folder holds %q, held %q (-wal or -shm left?)", path, now.names, s.names)
	}
}

func appID(t *testing.T, db *sql.DB) uint32 {
	t.Helper()
	var id uint32
	if err := db.QueryRow(`PRAGMA application_id`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	return id
}

// TestOpenRefusesOthers: Open makes a new database or opens one of ours;
// any other file is refused with the reason and left exactly as it was.
func TestOpenRefusesOthers(t *testing.T) {
	text := filepath.Join(t.TempDir(), "notes.db")
	if err := os.WriteFile(text, []byte("这不是数据库\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	short := filepath.Join(t.TempDir(), "short.db")
	if err := os.WriteFile(short, []byte("SQLite"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, path, want string
	}{
		{"text", text, "is not an SQLite database"},
		{"short", short, "is not an SQLite database"},
		{"another id", foreignDB(t, "other.db", `PRAGMA application_id = 1234`, `CREATE TABLE a (x)`),
			"another application's SQLite database (application_id 0x000004d2"},
		{"another id, WAL", foreignDB(t, "wal.db", `PRAGMA journal_mode = WAL`, `PRAGMA application_id = 99`, `CREATE TABLE a (x)`, `INSERT INTO a VALUES (1)`),
			"another application's SQLite database"},
		{"no id, tables", foreignDB(t, "plain.db", `CREATE TABLE documents (id INTEGER PRIMARY KEY, name TEXT)`),
			"tables of another application"},
		{"no id, WAL", foreignDB(t, "plainwal.db", `PRAGMA journal_mode = WAL`, `CREATE TABLE t (x)`),
			"tables of another application"},
		{"no id, its own meta", foreignDB(t, "meta.db", `CREATE TABLE meta (key TEXT, value TEXT)`, `INSERT INTO meta VALUES ('x', 'y')`),
			"tables of another application"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			before := snap(t, tt.path)
			db, err := Open(context.Background(), tt.path, time.Second)
			if err == nil {
				db.Close()
				t.Fatal("opened")
			}
			if !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), tt.path) {
				t.Errorf("error %q; want it to name %s and say %q", err, tt.path, tt.want)
			}
			before.check(t, tt.path)
		})
	}
}

// TestOpenMarksOurs: a new database, a 0-byte file included, carries the
// application id; so does one of ours from before it was set, once
// opened; a v3 database (no id, known by its meta table) still upgrades.
func TestOpenMarksOurs(t *testing.T) {
	ctx := context.Background()
	empty := filepath.Join(t.TempDir(), "empty.db")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	db, err := Open(ctx, empty, time.Second)
	if err != nil {
		t.Fatalf("a 0-byte file: %v", err)
	}
	if id := appID(t, db); id != ApplicationID {
		t.Errorf("new database: application_id %#x, want %#x", id, ApplicationID)
	}
	if _, err := db.Exec(`PRAGMA application_id = 0`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db, err = Open(ctx, empty, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if id := appID(t, db); id != ApplicationID {
		t.Errorf("ours without the id: application_id %#x after Open, want %#x", id, ApplicationID)
	}
	db.Close()

	v3 := copyFixture(t, "v3-sample.db")
	db, err = Open(ctx, v3, time.Second)
	if err != nil {
		t.Fatalf("v3: %v", err)
	}
	if id := appID(t, db); id != ApplicationID {
		t.Errorf("v3 upgraded: application_id %#x, want %#x", id, ApplicationID)
	}
	db.Close()
}

// TestOpenRefusesLostVersion: one of ours whose version row was deleted
// is not taken for current.
func TestOpenRefusesLostVersion(t *testing.T) {
	db, path := openTest(t)
	if _, err := db.Exec(`DELETE FROM meta WHERE key = 'schema_version'`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	for _, open := range []func() (*sql.DB, error){
		func() (*sql.DB, error) { return Open(context.Background(), path, time.Second) },
		func() (*sql.DB, error) { return OpenReadOnly(path) },
	} {
		if db, err := open(); err == nil {
			db.Close()
			t.Error("opened a database of ours without its version")
		} else if !strings.Contains(err.Error(), "holds no schema_version") {
			t.Errorf("error %q", err)
		}
	}
}

// TestOpenReadOnlyOthers: reading refuses what is no SQLite database, and
// reads another application's SQLite file as it is, changing nothing.
func TestOpenReadOnlyOthers(t *testing.T) {
	text := filepath.Join(t.TempDir(), "notes.db")
	if err := os.WriteFile(text, []byte("plain text, long enough to hold a header of a hundred bytes, which it does not: "+strings.Repeat("x", 100)), 0o644); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(t.TempDir(), "empty.db")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{text: "is not an SQLite database", empty: "is empty"} {
		before := snap(t, path)
		if db, err := OpenReadOnly(path); err == nil {
			db.Close()
			t.Errorf("%s opened", path)
		} else if !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), path) {
			t.Errorf("%s: %v; want %q", path, err, want)
		}
		before.check(t, path)
	}

	other := foreignDB(t, "other.db", `PRAGMA application_id = 7`, `CREATE TABLE a (x)`, `INSERT INTO a VALUES (42)`)
	before := snap(t, other)
	db, err := OpenReadOnly(other)
	if err != nil {
		t.Fatal(err)
	}
	var x int
	if err := db.QueryRow(`SELECT x FROM a`).Scan(&x); err != nil || x != 42 {
		t.Errorf("reading another application's file: %d, %v", x, err)
	}
	db.Close()
	before.check(t, other)
}

// TestOpenImmutable: the way a database in a read-only folder is opened
// reads it as the file holds it, and refuses when a -wal file holds
// changes the file does not (TestReadOnlyFolder in cmd/reports runs the
// whole path as an unprivileged user).
func TestOpenImmutable(t *testing.T) {
	db, path := openTest(t)
	db.Close()
	ro, err := openImmutable(path)
	if err != nil {
		t.Fatal(err)
	}
	if n := count(t, ro, `SELECT count(*) FROM sqlite_master WHERE name = 'v_reports'`); n != 1 {
		t.Errorf("v_reports: %d", n)
	}
	ro.Close()
	if err := os.WriteFile(path+"-wal", []byte("changes"), 0o644); err != nil {
		t.Fatal(err)
	}
	if ro, err := openImmutable(path); err == nil {
		ro.Close()
		t.Error("opened immutable beside a -wal file with changes")
	} else if !strings.Contains(err.Error(), "holds changes not yet in the database") {
		t.Errorf("error %q", err)
	}
}
