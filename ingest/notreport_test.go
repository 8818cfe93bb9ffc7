package ingest

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestNotReport(t *testing.T) {
	for _, tc := range []struct {
		name, data, what string
	}{
		{"other.db", "SQLite format 3\x00\x10\x00", "SQLite database"},
		{"data.bin", "SQLite format 3\x00", "SQLite database"},
		{"reports.db-wal", "", "SQLite database journal"},
		{"reports.db-shm", "\x00\x00", "SQLite database journal"},
		{"x.sqlite-journal", "\xd9\xd5\x05\xf9", "SQLite database journal"},
		{"~$报告.docx", "\x06张三\x00\x00", "Office lock file"},
		{"~$年度报告.txt", "abc", "Office lock file"},
		{"~WRL0001.tmp", "PK\x03\x04", "Office temporary file"},
		{"~WRD0000.TMP", "", "Office temporary file"},
		{".~lock.报告.docx#", ",张三,host,30.11.2026 10:00,file:///home/x/.config/libreoffice/4;", "LibreOffice lock file"},
		{"Thumbs.db", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Windows thumbnail cache"},
		{"desktop.ini", "[.ShellClassInfo]", "Windows folder settings"},
		{"报告.txt", "一、项目概况", ""},
		{"report~$.docx", "PK\x03\x04", ""},
		{"wal", "x", ""},
		{"年度-journal报告.txt", "x", ""},
	} {
		path := "archive/" + tc.name
		got := notReport(path, []byte(tc.data))
		switch {
		case tc.what == "" && got != nil:
			t.Errorf("%s: %v, want a report", tc.name, got)
		case tc.what != "" && got == nil:
			t.Errorf("%s: read as a report, want skipped as %s", tc.name, tc.what)
		case got != nil:
			if !errors.Is(got, ErrNotReport) || !strings.Contains(got.Error(), path+": skipped: not a report: "+tc.what) {
				t.Errorf("%s: %q, want it to name the file and say %q", tc.name, got, tc.what)
			}
		}
	}
}

// TestRunSkipsItsDatabaseAndNotReports: run with the database inside the
// archive (ingest .) and office and Windows debris beside the reports,
// run after run, nothing fails; the database's own files are not even
// counted, other SQLite files and the debris are skipped and named.
func TestRunSkipsItsDatabaseAndNotReports(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.txt", "一、项目概况\n正文")
	write(t, dir, "~$a.txt", "\x06张三")
	write(t, dir, "~WRL0001.tmp", "BROKEN")
	write(t, dir, "sub/Thumbs.db", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
	write(t, dir, "sub/desktop.ini", "[.ShellClassInfo]")
	write(t, dir, "sub/.~lock.a.txt#", ",张三,host,30.11.2026 10:00;") // hidden: passed over in a folder
	write(t, dir, "sub/old.db-wal", "")
	dbPath := filepath.Join(dir, "reports.db")
	other := filepath.Join(dir, "sub", "other.db")
	odb, err := sql.Open("sqlite3", other)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := odb.Exec(`CREATE TABLE t (a)`); err != nil {
		t.Fatal(err)
	}
	odb.Close()

	p := testProcessor(Config{Workers: 2, BusyTimeout: time.Second})
	lock := filepath.Join(dir, "sub", ".~lock.a.txt#")
	for run := 1; run <= 3; run++ {
		sum, err := p.Run(context.Background(), dbPath, dir, lock)
		if err != nil {
			t.Fatal(err)
		}
		// a.txt, other.db, old.db-wal, ~$a.txt, ~WRL0001.tmp, Thumbs.db,
		// desktop.ini and the lock given by name; never reports.db*.
		if sum.Seen != 8 || sum.Failed != 0 || sum.Skipped != 7 {
			t.Errorf("run %d: %+v, want 8 seen, 7 skipped, none failed", run, sum)
		}
	}
	db, err := sql.Open("sqlite3", dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT p.path, d.status, coalesce(d.error, ''), d.format FROM v_paths p JOIN v_documents d USING (document_id) ORDER BY p.path`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	want := map[string]string{
		"a.txt":         "ok",
		"~$a.txt":       "Office lock file",
		"~WRL0001.tmp":  "Office temporary file",
		"Thumbs.db":     "Windows thumbnail cache",
		"desktop.ini":   "Windows folder settings",
		".~lock.a.txt#": "LibreOffice lock file",
		"old.db-wal":    "SQLite database journal",
		"other.db":      "SQLite database",
	}
	for rows.Next() {
		var path, status, msg, format string
		rows.Scan(&path, &status, &msg, &format)
		name := filepath.Base(path)
		w, ok := want[name]
		delete(want, name)
		switch {
		case !ok:
			t.Errorf("%s recorded (%s %s)", path, status, msg)
		case w == "ok" && status != "ok":
			t.Errorf("%s: %s %s", path, status, msg)
		case w != "ok" && (status != "skipped" || !strings.Contains(msg, path+": skipped: not a report: "+w)):
			t.Errorf("%s: %s %q, want skipped: not a report: %s", path, status, msg, w)
		}
		if name == "other.db" && format != "sqlite" {
			t.Errorf("other.db: format %q", format)
		}
	}
	if len(want) > 0 {
		t.Errorf("not recorded: %v", want)
	}
}
