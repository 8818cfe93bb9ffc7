package ingest

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/govreports/govreports/schema"
)

// TestUnder: the scope test of --prune compares whole path elements, on
// the forward-slash paths the database stores, Windows drive paths
// included.
func TestUnder(t *testing.T) {
	for _, tt := range []struct {
		path, dir string
		want      bool
	}{
		{"/data/报告/2020/a.docx", "/data/报告", true},
		{"/data/报告", "/data/报告", true},
		{"/data/报告2/a.docx", "/data/报告", false},
		{"/data/a.docx", "/data/报告", false},
		{"/a.txt", "/", true},
		{"C:/报告/2020/a.docx", "C:/报告", true},
		{"C:/报告备份/a.docx", "C:/报告", false},
		{"C:/a.docx", "C:/", true},
		{"D:/报告/a.docx", "C:/报告", false},
		{"/data/报告/a.docx", "", false},
	} {
		if got := under(tt.path, tt.dir); got != tt.want {
			t.Errorf("under(%q, %q) = %v, want %v", tt.path, tt.dir, got, tt.want)
		}
	}
}

// TestSameFolderAnotherWay: the archive ingested through a link to its
// folder is the same files, not copies: their paths are replaced, not
// added (and --prune on the folder's own name would not find them gone).
func TestSameFolderAnotherWay(t *testing.T) {
	dir := t.TempDir()
	archive := filepath.Join(dir, "archive")
	write(t, archive, "2020/one.txt", "一\n")
	write(t, archive, "two.txt", "二\n")
	link := filepath.Join(dir, "link")
	if err := os.Symlink(archive, link); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "reports.db")
	ctx := context.Background()
	if sum, err := testProcessor(Config{}).Run(ctx, db, archive); err != nil || sum.Ingested != 2 {
		t.Fatalf("first run: %+v, %v", sum, err)
	}
	sum, err := testProcessor(Config{}).Run(ctx, db, link)
	if err != nil || sum.Unchanged != 2 || sum.Moved != 2 || sum.Duplicates != 0 {
		t.Errorf("through the link: %+v, %v; want 2 unchanged, their paths replaced", sum, err)
	}
	conn, err := schema.OpenReadOnly(db)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var n int
	if err := conn.QueryRow(`SELECT count(*) FROM v_paths WHERE root = ?`, filepath.ToSlash(link)).Scan(&n); err != nil || n != 2 {
		t.Errorf("%d paths under the link (%v), want 2 and no other", n, err)
	}
	if err := conn.QueryRow(`SELECT count(*) FROM v_paths`).Scan(&n); err != nil || n != 2 {
		t.Errorf("%d paths (%v), want 2", n, err)
	}
}
