package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govreports/govreports/cmd/internal/unprivileged"
	"github.com/govreports/govreports/corpus"
)

// archive makes an archive of two files under dir/name, the sample as
// 2020/sample.txt and its .docx rendering as 2021/b.docx (the same
// reports, another content), and returns its folder.
func archive(t *testing.T, dir, name string) string {
	t.Helper()
	root := filepath.Join(dir, name)
	for _, sub := range []string{"2020", "2021"} {
		if err := os.MkdirAll(filepath.Join(root, sub), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	copyFile(t, corpus.SamplePath(), filepath.Join(root, "2020", "sample.txt"), 0)
	copyFile(t, corpus.Rendering("2020-xihu-services.docx"), filepath.Join(root, "2021", "b.docx"), 0)
	return root
}

// ingestOK runs ingest and fails the test unless it exits 0.
func ingestOK(t *testing.T, args ...string) (stdout, stderr string) {
	t.Helper()
	code, out, errs := ingestRun(args...)
	if code != exitOK {
		t.Fatalf("ingest %q: exit %d\n%s%s", args, code, out, errs)
	}
	return out, errs
}

// slashed is p as the database stores it.
func slashed(p string) string { return filepath.ToSlash(p) }

// TestMovedArchiveIsNotDuplicated (issue 12, trap 9): the archive folder
// moved and renamed, then ingested at its new place, is the same two
// documents at the same two paths, now under the new folder; nothing is
// read again.
func TestMovedArchiveIsNotDuplicated(t *testing.T) {
	dir := t.TempDir()
	old := archive(t, dir, "档案")
	db := filepath.Join(dir, "reports.db")
	out, _ := ingestOK(t, "--db", db, old)
	if !strings.Contains(out, "2 files seen: 2 ingested (6 reports)") {
		t.Fatalf("first run:\n%s", out)
	}
	if n := count(t, db, `SELECT count(*) FROM v_documents WHERE name = 'sample.txt'
		AND root = '`+slashed(old)+`' AND rel = '2020/sample.txt' AND path = '`+slashed(old)+`/2020/sample.txt'`); n != 1 {
		t.Errorf("sample.txt is not stored under root %s as 2020/sample.txt", old)
	}

	moved := filepath.Join(dir, "elsewhere", "archive 2020")
	os.Mkdir(filepath.Dir(moved), 0o755)
	if err := os.Rename(old, moved); err != nil {
		t.Fatal(err)
	}
	out, _ = ingestOK(t, "--db", db, moved)
	if !strings.Contains(out, "2 files seen: 0 ingested (0 reports), 0 same content as another file, 2 unchanged") ||
		!strings.Contains(out, "moved: 2 files at the same place under a moved or renamed folder") {
		t.Errorf("after the move:\n%s", out)
	}
	for q, want := range map[string]int{
		`SELECT count(*) FROM documents`:                                     2,
		`SELECT count(*) FROM v_paths`:                                       2,
		`SELECT count(*) FROM v_reports`:                                     6,
		`SELECT count(*) FROM v_paths WHERE root = '` + slashed(moved) + `'`: 2,
		`SELECT count(*) FROM v_paths WHERE path = '` + slashed(moved) + `/2021/b.docx' AND rel = '2021/b.docx'`: 1,
	} {
		if n := count(t, db, q); n != want {
			t.Errorf("after the move: %s = %d, want %d", q, n, want)
		}
	}
	// And again: nothing to do.
	out, _ = ingestOK(t, "--db", db, moved)
	if !strings.Contains(out, "2 unchanged") || strings.Contains(out, "moved:") || count(t, db, `SELECT count(*) FROM v_paths`) != 2 {
		t.Errorf("the run after the move:\n%s", out)
	}
}

// TestRenamedAndDeletedFilesWithPrune (issue 12, trap 9): a file renamed
// is one document at its new path once --prune drops the old one; a file
// deleted stays, and is counted, without --prune, and goes with its rows
// with it. Files gone outside the given roots are never touched.
func TestRenamedAndDeletedFilesWithPrune(t *testing.T) {
	dir := t.TempDir()
	root := archive(t, dir, "archive")
	other := filepath.Join(dir, "other")
	os.Mkdir(other, 0o755)
	copyFile(t, corpus.Rendering("2020-xihu-services.gbk.txt"), filepath.Join(other, "gbk.txt"), 0)
	db := filepath.Join(dir, "reports.db")
	ingestOK(t, "--db", db, root, other)
	if n := count(t, db, `SELECT count(*) FROM documents`); n != 3 {
		t.Fatalf("%d documents, want 3", n)
	}

	// Renamed: the new name is a copy of stored content, the old one gone.
	if err := os.Rename(filepath.Join(root, "2020", "sample.txt"), filepath.Join(root, "2020", "样本.txt")); err != nil {
		t.Fatal(err)
	}
	// And a file outside the root given below, deleted.
	if err := os.Remove(filepath.Join(other, "gbk.txt")); err != nil {
		t.Fatal(err)
	}
	out, _ := ingestOK(t, "--db", db, root)
	if !strings.Contains(out, "1 same content as another file, 1 unchanged") ||
		!strings.Contains(out, "gone from disk: 1 stored file under the given folders, kept in the database until ingest --prune") {
		t.Errorf("after the rename, without --prune:\n%s", out)
	}
	if n := count(t, db, `SELECT count(*) FROM v_paths`); n != 4 {
		t.Errorf("after the rename, without --prune: %d paths, want 4 (the old name kept)", n)
	}
	out, _ = ingestOK(t, "--db", db, "--prune", root)
	if !strings.Contains(out, "pruned 0 documents (files gone)") {
		t.Errorf("after the rename, with --prune:\n%s", out)
	}
	for q, want := range map[string]int{
		`SELECT count(*) FROM documents`: 3, // gbk.txt is outside the root
		`SELECT count(*) FROM v_paths`:   3,
		`SELECT count(*) FROM v_documents WHERE name = '样本.txt' AND rel = '2020/样本.txt'`: 1,
		`SELECT count(*) FROM v_paths WHERE rel = '2020/sample.txt'`:                     0,
		`SELECT count(*) FROM v_paths WHERE rel = 'gbk.txt'`:                             1,
	} {
		if n := count(t, db, q); n != want {
			t.Errorf("after the rename, with --prune: %s = %d, want %d", q, n, want)
		}
	}

	// Deleted: kept and counted without --prune, gone with it.
	if err := os.Remove(filepath.Join(root, "2021", "b.docx")); err != nil {
		t.Fatal(err)
	}
	out, _ = ingestOK(t, "--db", db, root)
	if !strings.Contains(out, "gone from disk: 1 stored file under the given folders") || count(t, db, `SELECT count(*) FROM documents`) != 3 {
		t.Errorf("after the deletion, without --prune:\n%s", out)
	}
	out, _ = ingestOK(t, "--db", db, "--prune", root)
	if !strings.Contains(out, "pruned 1 document (files gone)") {
		t.Errorf("after the deletion, with --prune:\n%s", out)
	}
	for q, want := range map[string]int{
		`SELECT count(*) FROM documents`:                                                                 2,
		`SELECT count(*) FROM v_documents WHERE format = 'docx'`:                                         0,
		`SELECT count(*) FROM v_reports`:                                                                 6, // the .txt's 3 and gbk.txt's 3
		`SELECT count(*) FROM v_blocks WHERE document_id NOT IN (SELECT document_id FROM documents)`:     0,
		`SELECT count(*) FROM search_units WHERE document_id NOT IN (SELECT document_id FROM documents)`: 0,
	} {
		if n := count(t, db, q); n != want {
			t.Errorf("after the deletion, with --prune: %s = %d, want %d", q, n, want)
		}
	}
	out, _ = ingestOK(t, "--db", db, "--prune", root)
	if !strings.Contains(out, "pruned 0 documents (files gone)") || strings.Contains(out, "gone from disk") {
		t.Errorf("the run after pruning:\n%s", out)
	}
}

// TestPruneKeepsWhatItCannotSee (issue 12, trap 9): a root the walk cannot
// read, and one under which it finds no file at all (an unmounted share),
// keep their documents under --prune.
func TestPruneKeepsWhatItCannotSee(t *testing.T) {
	dir := unprivileged.Dir(t)
	root := archive(t, dir, "archive")
	db := filepath.Join(dir, "reports.db")
	if code, out, errs := unprivileged.Run(t, "--db", db, root); code != exitOK {
		t.Fatalf("first run: exit %d\n%s%s", code, out, errs)
	}

	// Unreadable: a folder under the root, and the root itself.
	for _, locked := range []string{filepath.Join(root, "2021"), root} {
		if err := os.Chmod(locked, 0); err != nil {
			t.Fatal(err)
		}
		code, out, errs := unprivileged.Run(t, "--db", db, "--prune", root)
		os.Chmod(locked, 0o755)
		if code != exitSomeFailed || !strings.Contains(out, "pruned 0 documents (files gone)") {
			t.Errorf("--prune with %s unreadable: exit %d, want %d and nothing pruned\n%s%s", locked, code, exitSomeFailed, out, errs)
		}
		if n := count(t, db, `SELECT count(*) FROM documents WHERE status = 'ok'`); n != 2 {
			t.Errorf("--prune with %s unreadable: %d documents read, want the 2", locked, n)
		}
	}

	// Empty, as an unmounted share's mount point is: the files are
	// elsewhere, the folder is there.
	away := filepath.Join(dir, "away")
	if err := os.Rename(root, away); err != nil {
		t.Fatal(err)
	}
	os.Mkdir(root, 0o755)
	code, out, errs := ingestRun("--db", db, "--prune", root)
	if code != exitOK || !strings.Contains(out, "pruned 0 documents (files gone)") ||
		!strings.Contains(errs, "the walk found no file under "+slashed(root)+", though the database holds some") {
		t.Errorf("--prune of an empty root: exit %d\n%s%s", code, out, errs)
	}
	// (The folder that could not be read is stored too, as failed.)
	if n := count(t, db, `SELECT count(*) FROM v_paths JOIN v_documents d USING (document_id)
		WHERE v_paths.root = '`+slashed(root)+`' AND d.status = 'ok'`); n != 2 {
		t.Errorf("--prune of an empty root: %d paths of documents read under it, want the 2", n)
	}
}
