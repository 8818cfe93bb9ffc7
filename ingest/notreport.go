package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// ErrNotReport marks a file that lies in archives but is no report by its
// nature: a SQLite database, an office program's lock or temporary file,
// Windows' folder files. Such files are skipped, not failed.
var ErrNotReport = errors.New("not a report")

// NotReportError names what a skipped file is. It matches ErrNotReport
// with errors.Is.
type NotReportError struct {
	Path string
	What string // "SQLite database", "Office lock file" …
	Kind string // the format recorded in the documents table
}

func (e *NotReportError) Error() string {
	return fmt.Sprintf("%s: skipped: not a report: %s", e.Path, e.What)
}

func (e *NotReportError) Is(target error) bool { return target == ErrNotReport }

// Format names the kind of file, for the documents table.
func (e *NotReportError) Format() string { return e.Kind }

// sqliteHeader begins every SQLite database file.
var sqliteHeader = []byte("SQLite format 3\x00")

// notReport tells, by its name or its first bytes, a file that is no
// report, or returns nil. Lock and temporary files are told by name
// alone: their content is a few bytes of anything, which readers would
// fail on and so make every run exit 1.
func notReport(p string, data []byte) *NotReportError {
	name := path.Base(filepath.ToSlash(p))
	lower := strings.ToLower(name)
	e := func(what, kind string) *NotReportError { return &NotReportError{Path: p, What: what, Kind: kind} }
	switch {
	case bytes.HasPrefix(data, sqliteHeader):
		return e("SQLite database", "sqlite")
	case strings.HasSuffix(lower, "-wal"), strings.HasSuffix(lower, "-shm"), strings.HasSuffix(lower, "-journal"):
		// Beside a database; an empty -wal has no header to tell it by.
		return e("SQLite database journal", "sqlite")
	case strings.HasPrefix(name, "~$"):
		// Word, Excel and WPS write ~$name.docx beside an open document.
		return e("Office lock file (~$), written while the document is open", "lock")
	case strings.HasPrefix(name, ".~lock.") && strings.HasSuffix(name, "#"):
		return e("LibreOffice lock file", "lock")
	case strings.HasPrefix(name, "~") && strings.HasSuffix(lower, ".tmp"):
		// ~WRL0001.tmp, ~WRD0000.tmp: Word's copies while it saves.
		return e("Office temporary file", "tmp")
	case lower == "thumbs.db", lower == "ehthumbs.db":
		return e("Windows thumbnail cache", "system")
	case lower == "desktop.ini":
		return e("Windows folder settings", "system")
	case lower == ".ds_store":
		return e("macOS folder settings", "system")
	}
	return nil
}

// ownFiles returns a test for the database at db and its journal files
// (-wal, -shm, -journal): run inside the archive (ingest .), the walk
// meets them, and they are the run's own output, not input.
func ownFiles(db string) func(path string) bool {
	dbInfo, err := os.Stat(db)
	if err != nil {
		return func(string) bool { return false }
	}
	base := strings.ToLower(filepath.Base(db))
	return func(p string) bool {
		// Cheap first: only names that begin with the database's.
		if !strings.HasPrefix(strings.ToLower(path.Base(filepath.ToSlash(p))), base) {
			return false
		}
		main := p
		for _, suffix := range []string{"-wal", "-shm", "-journal"} {
			main = strings.TrimSuffix(main, suffix)
		}
		fi, err := os.Stat(main)
		return err == nil && os.SameFile(fi, dbInfo)
	}
}
