package main

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/mattn/go-sqlite3"

	"github.com/govreports/govreports/corpus"
)

func copyFile(t *testing.T, from, to string, cut int) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if cut > 0 {
		data = data[:cut]
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestBadFilesAreRecordedAndTheRunGoesOn(t *testing.T) {
	dir := t.TempDir()
	copyFile(t, corpus.SamplePath(), filepath.Join(dir, "good.txt"), 0)
	docx := corpus.Rendering("2020-xihu-services.docx")
	copyFile(t, docx, filepath.Join(dir, "good.docx"), 0)
	copyFile(t, docx, filepath.Join(dir, "truncated.docx"), 5000)
	os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644)
	os.WriteFile(filepath.Join(dir, "archive.rar"), []byte("Rar!\x1a\x07\x00"), 0o644)
	db := filepath.Join(t.TempDir(), "reports.db")

	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"--db", db, "--workers", "2", dir}, &stdout, &stderr, false)
	if code != exitSomeFailed {
		t.Fatalf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, exitSomeFailed, &stdout, &stderr)
	}
	if !strings.Contains(stdout.String(), "5 files seen: 2 ingested, 0 unchanged, 1 skipped (unsupported), 2 failed") {
		t.Errorf("summary:\n%s", &stdout)
	}
	conn, err := sql.Open("sqlite3", db)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	want := map[string]string{
		"good.txt":       "ok",
		"good.docx":      "ok",
		"truncated.docx": "failed",
		"empty.txt":      "failed",
		"archive.rar":    "skipped",
	}
	rows, err := conn.Query(`SELECT name, status, coalesce(error, ''), format FROM v_documents`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var name, status, msg, format string
		rows.Scan(&name, &status, &msg, &format)
		if want[name] != status {
			t.Errorf("%s: status %q, want %q (error %q)", name, status, want[name], msg)
		}
		if status != "ok" && (!strings.Contains(msg, name) || len(msg) < len(name)+10) {
			t.Errorf("%s: error %q should name the file and the reason", name, msg)
		}
		if name == "archive.rar" && format != "rar" {
			t.Errorf("archive.rar recorded as format %q", format)
		}
		delete(want, name)
	}
	if len(want) > 0 {
		t.Errorf("not recorded: %v", want)
	}
	var reports int
	conn.QueryRow(`SELECT count(*) FROM v_reports`).Scan(&reports)
	if reports != 6 {
		t.Errorf("%d reports, want 3 from each good file", reports)
	}

	// Again: nothing new is read, the failures are tried (and fail) again.
	stdout.Reset()
	code = run(context.Background(), []string{"--db", db, dir}, &stdout, &stderr, false)
	if code != exitSomeFailed || !strings.Contains(stdout.String(), "0 ingested, 2 unchanged, 1 skipped (unsupported), 2 failed") {
		t.Errorf("second run: exit %d\n%s", code, &stdout)
	}
}

func TestExitStatus(t *testing.T) {
	db := filepath.Join(t.TempDir(), "reports.db")
	var out, errOut bytes.Buffer
	if code := run(context.Background(), nil, &out, &errOut, false); code != exitUsage {
		t.Errorf("no PATH: exit %d, want %d", code, exitUsage)
	}
	if code := run(context.Background(), []string{"--db", db, "/no/such/folder"}, &out, &errOut, false); code != exitUsage {
		t.Errorf("missing PATH: exit %d, want %d", code, exitUsage)
	}
	if code := run(context.Background(), []string{"--db", db, corpus.SamplePath()}, &out, &errOut, false); code != exitOK {
		t.Errorf("sample: exit %d, want %d\n%s", code, exitOK, &errOut)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if code := run(ctx, []string{"--db", db, corpus.SamplePath()}, &out, &errOut, false); code != exitInterrupted {
		t.Errorf("interrupted: exit %d, want %d", code, exitInterrupted)
	}
	if code := run(context.Background(), []string{"--db", filepath.Join(t.TempDir(), "no", "such", "dir.db"), corpus.SamplePath()}, &out, &errOut, false); code != exitUsage {
		t.Errorf("unopenable database: exit %d, want %d", code, exitUsage)
	}
}
