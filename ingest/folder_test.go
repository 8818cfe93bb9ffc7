package ingest

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/govreports/govreports/schema"
)

// A folder recorded as failed by an earlier run, when it could not be
// read, loses that record once a run reads it: its files are loaded and
// the failure does not stay for good. (The earlier run's record is
// written as the walker's report makes it: tests run as root here, for
// whom no permission makes a folder unreadable.)
func TestReadableFolderClearsItsFailure(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "sub/a.txt", "报告\n正文")
	write(t, dir, "b.txt", "报告二\n正文")
	sub := filepath.ToSlash(filepath.Join(dir, "sub"))
	dbPath := filepath.Join(t.TempDir(), "r.db")

	conn, err := schema.Open(context.Background(), dbPath, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	w := schema.NewWriter(conn, 10, time.Second)
	if _, err := w.Put(context.Background(), unreadResult(File{Path: sub}, errors.New("open "+sub+": permission denied")).entry); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	conn.Close()

	sum := runOnce(t, dbPath, dir)
	if sum.Ingested != 2 || sum.Failed != 0 {
		t.Errorf("summary %+v, want 2 ingested and none failed", sum)
	}
	db, err := sql.Open("sqlite3", dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var failed, docs int
	if err := db.QueryRow(`SELECT count(*) FILTER (WHERE status = 'failed'), count(*) FROM v_documents`).Scan(&failed, &docs); err != nil {
		t.Fatal(err)
	}
	if failed != 0 || docs != 2 {
		t.Errorf("%d failed of %d documents, want the folder's failure gone and the 2 files", failed, docs)
	}
}
