package main

import (
	"bytes"
	"context"
	"database/sql"
	"io"
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
	if !strings.Contains(stdout.String(), "5 files seen: 2 ingested (6 reports), 0 same content as another file, 0 unchanged, 1 skipped, 2 failed") {
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
	if code != exitSomeFailed || !strings.Contains(stdout.String(), "0 ingested (0 reports), 0 same content as another file, 2 unchanged, 1 skipped, 2 failed") {
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

// TestCommandLine: flags after the PATHs are read (ingest DIR --db x used
// to fail with "stat --db"), -- ends them, help goes to stdout, and a bad
// flag is one line and a hint.
func TestCommandLine(t *testing.T) {
	o, err := parseFlags([]string{"dir", "--db", "x.db", "--workers", "3"}, io.Discard)
	if err != nil || o.db != "x.db" || o.workers != 3 || len(o.paths) != 1 || o.paths[0] != "dir" {
		t.Errorf("flags after PATH: %+v, %v", o, err)
	}
	o, err = parseFlags([]string{"-db", "x.db", "--", "--odd-name"}, io.Discard)
	if err != nil || o.db != "x.db" || len(o.paths) != 1 || o.paths[0] != "--odd-name" {
		t.Errorf("-- ends flags: %+v, %v", o, err)
	}

	var out, errOut bytes.Buffer
	if code := run(context.Background(), []string{"--help"}, &out, &errOut, false); code != exitOK {
		t.Errorf("--help: exit %d", code)
	}
	for _, want := range []string{"usage: ingest [flags] PATH...", `(default "reports.db")`, "--busy-timeout duration", "(default 10s)", "--version"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("--help on stdout lacks %q:\n%s", want, &out)
		}
	}
	if errOut.Len() > 0 {
		t.Errorf("--help wrote to stderr: %s", &errOut)
	}

	out.Reset()
	if code := run(context.Background(), []string{"dir", "--nope"}, &out, &errOut, false); code != exitUsage {
		t.Errorf("--nope: exit %d", code)
	}
	if want := "ingest: unknown flag: --nope\nRun 'ingest --help' for usage.\n"; errOut.String() != want || out.Len() > 0 {
		t.Errorf("--nope: stderr %q, stdout %q; want stderr %q", &errOut, &out, want)
	}

	out.Reset()
	errOut.Reset()
	if code := run(context.Background(), []string{"--version"}, &out, &errOut, false); code != exitOK {
		t.Errorf("--version: exit %d: %s", code, &errOut)
	}
	for _, want := range []string{"ingest devel\n", "sqlite:", "extract:", "schema:"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("--version lacks %q:\n%s", want, &out)
		}
	}
}

// TestIngestInsideTheArchive: `ingest .` in the archive folder meets its
// own reports.db and its -wal and -shm; from the second run on, the empty
// -wal was recorded as failed and every run exited 1. Word's lock files
// did the same. They are passed over (the database's own files) or
// skipped as not reports, and every run exits 0.
func TestIngestInsideTheArchive(t *testing.T) {
	dir := t.TempDir()
	copyFile(t, corpus.SamplePath(), filepath.Join(dir, "报告.txt"), 0)
	os.WriteFile(filepath.Join(dir, "~$报告.docx"), []byte("\x06张三\x00\x00\x00"), 0o644)
	os.WriteFile(filepath.Join(dir, "~WRL0001.tmp"), []byte("PK\x03\x04 half a docx"), 0o644)
	t.Chdir(dir)
	for n := 1; n <= 3; n++ {
		var stdout, stderr bytes.Buffer
		code := run(context.Background(), []string{"."}, &stdout, &stderr, false)
		if code != exitOK {
			t.Fatalf("run %d: exit %d\n%s%s", n, code, &stdout, &stderr)
		}
		if !strings.Contains(stdout.String(), "3 files seen:") || !strings.Contains(stdout.String(), "0 failed") {
			t.Errorf("run %d:\n%s", n, &stdout)
		}
	}
	conn, err := sql.Open("sqlite3", filepath.Join(dir, "reports.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var n int
	conn.QueryRow(`SELECT count(*) FROM v_paths WHERE path LIKE '%reports.db%'`).Scan(&n)
	if n != 0 {
		t.Errorf("the database recorded %d of its own files", n)
	}
	conn.QueryRow(`SELECT count(*) FROM v_documents WHERE status = 'skipped' AND error LIKE '%not a report: Office%'`).Scan(&n)
	if n != 2 {
		t.Errorf("%d office files skipped as not reports, want 2", n)
	}
}

// TestSummaryNamesCopiesAndCountsReports: on a fresh database a copy of a
// file was called "unchanged", and no line said how many reports were
// found.
func TestSummaryNamesCopiesAndCountsReports(t *testing.T) {
	dir := t.TempDir()
	copyFile(t, corpus.SamplePath(), filepath.Join(dir, "a.txt"), 0)
	os.Mkdir(filepath.Join(dir, "b"), 0o755)
	copyFile(t, corpus.SamplePath(), filepath.Join(dir, "b", "copy.txt"), 0)
	db := filepath.Join(t.TempDir(), "reports.db")
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{dir, "--db", db}, &stdout, &stderr, false); code != exitOK {
		t.Fatalf("exit %d\n%s%s", code, &stdout, &stderr)
	}
	for _, want := range []string{
		"2 files seen: 1 ingested (3 reports), 1 same content as another file, 0 unchanged, 0 skipped, 0 failed\n",
		"database " + db + " (3 reports in all)\n",
	} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("summary lacks %q:\n%s", want, &stdout)
		}
	}
	a, copied := filepath.ToSlash(filepath.Join(dir, "a.txt")), filepath.ToSlash(filepath.Join(dir, "b", "copy.txt"))
	// Workers finish in any order: the first to finish is stored.
	one, other := copied+": same content as "+a+", stored once\n", a+": same content as "+copied+", stored once\n"
	if !strings.Contains(stderr.String(), one) && !strings.Contains(stderr.String(), other) {
		t.Errorf("progress lacks %q:\n%s", one, &stderr)
	}

	// A copy made since is named too; the files seen before are unchanged.
	copyFile(t, corpus.SamplePath(), filepath.Join(dir, "c.txt"), 0)
	stdout.Reset()
	stderr.Reset()
	if code := run(context.Background(), []string{"--db", db, dir}, &stdout, &stderr, false); code != exitOK {
		t.Fatalf("again: exit %d\n%s%s", code, &stdout, &stderr)
	}
	if want := "3 files seen: 0 ingested (0 reports), 1 same content as another file, 2 unchanged"; !strings.Contains(stdout.String(), want) {
		t.Errorf("again: summary lacks %q:\n%s", want, &stdout)
	}
	if want := "/c.txt: same content as " + a + ", stored once\n"; !strings.Contains(stderr.String(), want) { // a.txt sorts first
		t.Errorf("again: progress lacks %q:\n%s", want, &stderr)
	}
}
