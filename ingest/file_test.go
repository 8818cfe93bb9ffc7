package ingest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/govreports/govreports/schema"
)

// TestPipesAreRefusedUnread: a named pipe among the paths, given as a root
// and inside a folder, and a device, are recorded as skipped without being
// opened (an open of a pipe for reading waits for a writer forever) and
// the good file beside them is loaded.
func TestPipesAreRefusedUnread(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.txt", "一、项目概况")
	for _, name := range []string{"inside.txt", "root.txt"} {
		if err := syscall.Mkfifo(filepath.Join(dir, name), 0o644); err != nil {
			t.Skipf("mkfifo: %v", err)
		}
	}
	roots := []string{dir, filepath.Join(dir, "root.txt")}
	const device = "/dev/null"
	if fi, err := os.Stat(device); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
		roots = append(roots, device)
	}
	db := filepath.Join(t.TempDir(), "reports.db")
	type ran struct {
		sum Summary
		err error
	}
	done := make(chan ran, 1)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	go func() {
		sum, err := testProcessor(Config{Workers: 2}).Run(ctx, db, roots...)
		done <- ran{sum, err}
	}()
	var r ran
	select {
	case r = <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("ingest hangs on a named pipe")
	}
	if r.err != nil {
		t.Fatal(r.err)
	}
	// The pipe given as a root is also inside the folder: seen twice.
	if r.sum.Ingested != 1 || r.sum.Skipped != len(roots)+1 || r.sum.Failed != 0 {
		t.Errorf("summary %+v, want 1 ingested and %d skipped", r.sum, len(roots)+1)
	}
	conn, err := schema.OpenReadOnly(db)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	rows, err := conn.Query(`SELECT path, status, error FROM v_documents WHERE status <> 'ok' ORDER BY path`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var path, status, msg string
		if err := rows.Scan(&path, &status, &msg); err != nil {
			t.Fatal(err)
		}
		n++
		want := "a named pipe"
		if path == device {
			want = "a character device"
		}
		if status != "skipped" || !strings.Contains(msg, want) || !strings.HasPrefix(msg, path+":") {
			t.Errorf("%s: %s, %q; want skipped, naming the file and %s", path, status, msg, want)
		}
	}
	if n != len(roots) {
		t.Errorf("%d special files recorded, want %d", n, len(roots))
	}
}

// TestFileChangedWhileRead: a file written while it is read is read again
// once it is still; one that changes again is failed rather than stored
// with two versions mixed.
func TestFileChangedWhileRead(t *testing.T) {
	for _, tc := range []struct {
		name    string
		changes int // how many reads see the file change under them
		want    Outcome
	}{
		{"once", 1, Ingested},
		{"always", 1000, Failed},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "a.txt")
			write(t, dir, "a.txt", "一、旧版本")
			p := testProcessor(Config{})
			reads := 0
			p.afterRead = func(string) {
				reads++
				if reads <= tc.changes {
					os.WriteFile(path, []byte(strings.Repeat("二、新版本\n", reads+1)), 0o644)
				}
			}
			e, err := p.Entry(context.Background(), filepath.ToSlash(path))
			if err != nil {
				t.Fatal(err)
			}
			switch tc.want {
			case Ingested:
				if e.Status != schema.StatusOK || len(e.Doc.Body) != 2 || e.Doc.Body[0].Para.Text != "二、新版本" {
					t.Errorf("status %s (%v), want the second version read whole", e.Status, e.Err)
				}
			case Failed:
				if e.Status != schema.StatusFailed || e.Err == nil || !strings.Contains(e.Err.Error(), "changed while it was read") {
					t.Errorf("status %s, error %v; want failed, changed while read", e.Status, e.Err)
				}
			}
			if want := min(tc.changes+1, 2); reads != want {
				t.Errorf("%d reads, want %d", reads, want)
			}
		})
	}
}
