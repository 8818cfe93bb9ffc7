package cli

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/govreports/govreports/extract"
	"github.com/govreports/govreports/ingest"
	"github.com/govreports/govreports/schema"
)

// Build describes how a program was built. Version, Commit and Date come
// from the linker (make dist: -ldflags "-X main.version=… -X main.commit=…
// -X main.date=…"); what is missing is taken from the build information Go
// records.
type Build struct {
	Version string
	Commit  string
	Date    string
}

// WriteVersion prints what --version shows: the program's version and
// commit, when it was built, and the versions that decide what a database
// holds (SQLite, the extractor, the schema, each reader), which is what a
// bug report needs.
func WriteVersion(w io.Writer, program string, b Build) error {
	version, commit, date := b.Version, b.Commit, b.Date
	if info, ok := debug.ReadBuildInfo(); ok {
		if version == "" && info.Main.Version != "" && info.Main.Version != "(devel)" {
			version = info.Main.Version
		}
		var modified bool
		var vcsTime string
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				if commit == "" {
					commit = s.Value
				}
			case "vcs.time":
				vcsTime = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
		if commit != "" && modified {
			commit += " (modified)"
		}
		if date == "" && vcsTime != "" {
			date = vcsTime + " (commit time)"
		}
	}
	if version == "" {
		version = "devel"
	}
	sqlite, err := sqliteVersion()
	if err != nil {
		sqlite = "unknown (" + err.Error() + ")"
	}
	var readers []string
	for _, r := range ingest.DefaultRegistry().Readers() {
		readers = append(readers, r.Name()+" "+r.Version())
	}
	fmt.Fprintf(w, "%s %s\n", program, version)
	line := func(k, v string) {
		if v == "" {
			v = "unknown"
		}
		fmt.Fprintf(w, "  %-9s %s\n", k+":", v)
	}
	line("commit", commit)
	line("built", date)
	line("go", runtime.Version()+" "+runtime.GOOS+"/"+runtime.GOARCH)
	line("sqlite", sqlite)
	line("extract", extract.Version)
	line("schema", fmt.Sprint(schema.Version))
	_, err = fmt.Fprintf(w, "  %-9s %s\n", "readers:", strings.Join(readers, ", "))
	return err
}

// sqliteVersion asks the linked SQLite its version, and whether full-text
// search (FTS5), which the database needs, is compiled in.
func sqliteVersion() (string, error) {
	db, err := sql.Open("sqlite3", ":memory:")
	if err != nil {
		return "", err
	}
	defer db.Close()
	var v string
	var fts5 bool
	err = db.QueryRowContext(context.Background(),
		`SELECT sqlite_version(), sqlite_compileoption_used('ENABLE_FTS5')`).Scan(&v, &fts5)
	if err != nil {
		return "", err
	}
	if fts5 {
		return v + " (with FTS5)", nil
	}
	return v + " (without FTS5: build with -tags sqlite_fts5)", nil
}
