package ingest

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/govreports/govreports/schema"
)

// A batch whose commit fails (here another process holds a read lock on
// a rollback-journal database, so the commit cannot take it) is not
// counted as ingested: its files are Lost, and the next run, which can
// commit, reads them again.
func TestLostBatchIsNotCounted(t *testing.T) {
	dir := t.TempDir()
	dbPath := filepath.Join(t.TempDir(), "r.db")
	cfg := Config{Workers: 2, BusyTimeout: 200 * time.Millisecond, Journal: schema.JournalDelete, BatchSize: 100, BatchAge: time.Hour}
	if _, err := testProcessor(cfg).Run(context.Background(), dbPath, dir); err != nil {
		t.Fatal(err) // the database, empty
	}
	for i := range 5 {
		write(t, dir, fmt.Sprintf("r%d.txt", i), fmt.Sprintf("报告%d\n正文", i))
	}

	reader, err := sql.Open("sqlite3", dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	tx, err := reader.Begin()
	if err != nil {
		t.Fatal(err)
	}
	var n int
	if err := tx.QueryRow(`SELECT count(*) FROM documents`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	sum, err := testProcessor(cfg).Run(context.Background(), dbPath, dir)
	if !errors.Is(err, schema.ErrLocked) && !errors.Is(err, schema.ErrBatchLost) {
		t.Errorf("err %v, want the lost batch", err)
	}
	if sum.Ingested != 0 || sum.Seen != 0 || sum.Lost != 5 {
		t.Errorf("with the commit failing: %d seen, %d ingested, %d lost; want 0, 0 and 5", sum.Seen, sum.Ingested, sum.Lost)
	}
	tx.Rollback()

	sum, err = testProcessor(cfg).Run(context.Background(), dbPath, dir)
	if err != nil || sum.Ingested != 5 || sum.Lost != 0 {
		t.Errorf("the next run: %v, %d ingested, %d lost; want the 5 read again", err, sum.Ingested, sum.Lost)
	}
	if err := reader.QueryRow(`SELECT count(*) FROM v_documents WHERE status = 'ok'`).Scan(&n); err != nil || n != 5 {
		t.Errorf("%d documents stored (%v), want 5", n, err)
	}
}
