//go:build !sqlite_fts5

package schema

// Built without the tag sqlite_fts5, go-sqlite3 leaves FTS5 out and every
// database would fail at its first use with "no such module: fts5". Stop
// the build instead, with an error whose name says what to do:
// go build -tags sqlite_fts5 (the README's commands all carry it).
var _ = build_with_tags_sqlite_fts5__see_README
