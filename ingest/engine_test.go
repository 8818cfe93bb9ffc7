package ingest

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/govreports/govreports/corpus"
	"github.com/govreports/govreports/ingest/office"
	"github.com/govreports/govreports/ingest/soffice"
	"github.com/govreports/govreports/ingest/soffice/sofficetest"
	"github.com/govreports/govreports/ingest/txt"
)

// TestMissingEngineSkipsThenReads runs over a .doc without LibreOffice: it
// is skipped, its error names the package to install, and it is read once
// LibreOffice is there (a stand-in here), since the reader's version names
// the engine.
func TestMissingEngineSkipsThenReads(t *testing.T) {
	dir := t.TempDir()
	doc, err := readLimited(corpus.Rendering("2020-xihu-services.doc"), MaxFileSize)
	if err != nil {
		t.Fatal(err)
	}
	write(t, dir, "old/report.doc", string(doc))
	write(t, dir, "one.txt", "一、项目概况\n正文")
	dbPath := filepath.Join(t.TempDir(), "r.db")
	run := func(bin string) Summary {
		t.Helper()
		conv := soffice.New(soffice.Options{Path: bin})
		defer conv.Close()
		p := testProcessor(Config{Workers: 2, BusyTimeout: time.Second, Readers: NewRegistry(txt.Reader{}, office.New(conv))})
		sum, err := p.Run(context.Background(), dbPath, dir)
		if err != nil {
			t.Fatal(err)
		}
		return sum
	}

	missing := filepath.Join(t.TempDir(), "soffice")
	if sum := run(missing); sum.Skipped != 1 || sum.Ingested != 1 || sum.Failed != 0 {
		t.Fatalf("without LibreOffice: %+v, want the .doc skipped", sum)
	}
	db, err := sql.Open("sqlite3", dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var status, format, msg string
	if err := db.QueryRow(`SELECT status, format, coalesce(error, '') FROM v_documents WHERE name = 'report.doc'`).Scan(&status, &format, &msg); err != nil {
		t.Fatal(err)
	}
	if status != "skipped" || format != "doc" || !strings.Contains(msg, "report.doc: skipped: reading .doc needs LibreOffice: apt-get install libreoffice-writer-nogui") {
		t.Errorf("report.doc: %s, %s, %q", status, format, msg)
	}
	if sum := run(missing); sum.Skipped != 1 || sum.Unchanged != 1 {
		t.Errorf("again without LibreOffice: %+v, want nothing read again", sum)
	}

	fake := sofficetest.Fake(t, corpus.Rendering("2020-xihu-services.docx"))
	if sum := run(fake); sum.Ingested != 1 || sum.Unchanged != 1 || sum.Skipped != 0 {
		t.Errorf("with LibreOffice: %+v, want the .doc read", sum)
	}
	if err := db.QueryRow(`SELECT status, format FROM v_documents WHERE name = 'report.doc'`).Scan(&status, &format); err != nil || status != "ok" || format != "doc" {
		t.Errorf("report.doc after installing: %s, %s, %v", status, format, err)
	}
}
