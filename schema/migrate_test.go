package schema

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestMigrationsNumbered(t *testing.T) {
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	if last := ms[len(ms)-1].version; last != Version {
		t.Errorf("last migration is %d, Version is %d", last, Version)
	}
}

// copyFixture copies a database of testdata into a temporary folder, so
// that the test may upgrade it.
func copyFixture(t *testing.T, name string) string {
	t.Helper()
	src, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	path := filepath.Join(t.TempDir(), name)
	dst, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		t.Fatal(err)
	}
	if err := dst.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// schemaOf describes every table, index and view of db: columns with their
// types, constraints and defaults, index columns, foreign keys. It leaves
// out the CREATE statements' text, whose comments and spacing may differ
// between a database made anew and one upgraded.
func schemaOf(t *testing.T, db *sql.DB) []string {
	t.Helper()
	rows, err := db.Query(`SELECT type, name, tbl_name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`)
	if err != nil {
		t.Fatal(err)
	}
	type object struct{ typ, name, table string }
	var objs []object
	for rows.Next() {
		var o object
		if err := rows.Scan(&o.typ, &o.name, &o.table); err != nil {
			t.Fatal(err)
		}
		objs = append(objs, o)
	}
	rows.Close()
	var out []string
	dump := func(prefix, q string) {
		rows, err := db.Query(q)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		defer rows.Close()
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			out = append(out, prefix+" "+fmt.Sprint(vals...))
		}
	}
	for _, o := range objs {
		switch o.typ {
		case "table", "view":
			dump(o.typ+" "+o.name, fmt.Sprintf(`PRAGMA table_info("%s")`, o.name))
			dump(o.typ+" "+o.name+" fk", fmt.Sprintf(`PRAGMA foreign_key_list("%s")`, o.name))
		case "index":
			dump("index "+o.name+" on "+o.table, fmt.Sprintf(`PRAGMA index_xinfo("%s")`, o.name))
		default:
			out = append(out, o.typ+" "+o.name)
		}
	}
	return out
}

// A database upgraded from version 3 has the schema of one made anew.
func TestUpgradedSchemaIsTheNewOne(t *testing.T) {
	fresh, _ := openTest(t)
	up, err := Open(context.Background(), copyFixture(t, "v3-sample.db"), time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer up.Close()
	want, got := schemaOf(t, fresh), schemaOf(t, up)
	for _, s := range want {
		if !slices.Contains(got, s) {
			t.Errorf("upgraded database lacks: %s", s)
		}
	}
	for _, s := range got {
		if !slices.Contains(want, s) {
			t.Errorf("upgraded database has beyond a new one: %s", s)
		}
	}
}

func TestOpenRefuses(t *testing.T) {
	tests := []struct {
		name  string
		setup string
		want  string
	}{
		{"development version", `PRAGMA user_version = 0; UPDATE meta SET value = '1' WHERE key = 'schema_version'`,
			"schema version 1, from before databases upgraded"},
		{"newer", fmt.Sprintf(`PRAGMA user_version = %d`, Version+1),
			fmt.Sprintf("schema version %d, newer than this program knows (up to %d)", Version+1, Version)},
		{"another application", `DROP TABLE meta`, "tables of another application"},
		{"another application's user_version", `DROP TABLE meta; PRAGMA user_version = 7`, "tables of another application"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db, path := openTest(t)
			if _, err := db.Exec(tt.setup); err != nil {
				t.Fatal(err)
			}
			db.Close()
			_, err := Open(context.Background(), path, time.Second)
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), path) {
				t.Errorf("Open: %v, want an error naming %s and saying %q", err, path, tt.want)
			}
		})
	}
}

// A view dropped by hand comes back on open.
func TestDroppedViewComesBack(t *testing.T) {
	db, path := openTest(t)
	if _, err := db.Exec(`DROP VIEW v_reports`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db, err := Open(context.Background(), path, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if n := count(t, db, `SELECT count(*) FROM sqlite_master WHERE name = 'v_reports'`); n != 1 {
		t.Error("v_reports was not made again")
	}
	if n := count(t, db, `SELECT count(*) FROM sqlite_master WHERE type = 'view' AND name LIKE 'v\_%' ESCAPE '\'`); n != viewCount() {
		t.Errorf("%d views, want %d", n, viewCount())
	}
}

// Views are the program's: a changed or missing one is made again on open;
// a view of the user's named otherwise stays.
func TestViewsRebuiltOnOpen(t *testing.T) {
	db, path := openTest(t)
	for _, q := range []string{
		`DROP VIEW v_paths`,
		`DROP VIEW v_funds`, `CREATE VIEW v_funds AS SELECT 1 AS stale`,
		`CREATE VIEW v_gone AS SELECT 1`, // a view an earlier version made
		`CREATE VIEW my_funds AS SELECT item FROM funds`,
		`UPDATE meta SET value = 'earlier' WHERE key = 'views'`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()
	db, err := Open(context.Background(), path, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for q, want := range map[string]int{
		`SELECT count(*) FROM sqlite_master WHERE name = 'v_paths'`:                    1,
		`SELECT count(*) FROM pragma_table_info('v_funds') WHERE name = 'budget_yuan'`: 1,
		`SELECT count(*) FROM sqlite_master WHERE name = 'v_gone'`:                     0,
		`SELECT count(*) FROM sqlite_master WHERE name = 'my_funds'`:                   1,
	} {
		if n := count(t, db, q); n != want {
			t.Errorf("%s = %d, want %d", q, n, want)
		}
	}
}

// TestForeignKeysIndexed: every foreign key's column leads an index (or
// the primary key), so that deleting a document, which cascades through
// them, looks its rows up rather than scanning each table per row.
func TestForeignKeysIndexed(t *testing.T) {
	db, _ := openTest(t)
	rows, err := db.Query(`SELECT m.name, f."from" FROM sqlite_master m, pragma_foreign_key_list(m.name) f
		WHERE m.type = 'table' AND NOT EXISTS (
			SELECT 1 FROM pragma_index_list(m.name) il, pragma_index_info(il.name) ii
			WHERE ii.seqno = 0 AND ii.name = f."from")
		AND NOT EXISTS (SELECT 1 FROM pragma_table_info(m.name) ti WHERE ti.name = f."from" AND ti.pk = 1)`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var table, col string
		if err := rows.Scan(&table, &col); err != nil {
			t.Fatal(err)
		}
		t.Errorf("%s.%s references another table and leads no index", table, col)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if err := db.QueryRow(`SELECT count(*) FROM sqlite_master m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table'`).Scan(&n); err != nil || n < 20 {
		t.Errorf("%d foreign keys found (%v): the query reads none?", n, err)
	}
}
