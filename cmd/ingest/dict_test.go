package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govreports/govreports/corpus"
)

// TestDatabaseRemembersItsDictionary (issue 12, trap 5): the words of
// --dict FILE are kept in the database; a run without --dict uses them,
// says so, and reads nothing again; --dict none drops them, and other
// words replace them, each reading the files again.
func TestDatabaseRemembersItsDictionary(t *testing.T) {
	dir := t.TempDir()
	archive := filepath.Join(dir, "archive")
	os.Mkdir(archive, 0o755)
	copyFile(t, corpus.SamplePath(), filepath.Join(archive, "sample.txt"), 0)
	words := filepath.Join(dir, "words.txt")
	if err := os.WriteFile(words, []byte("# 本地词\n楼宇画像 500 nz\n西湖服务通\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "reports.db")
	const stored = "using the dictionary stored in "

	code, out, errs := ingestRun("--db", db, "--dict", words, archive)
	if code != exitOK || !strings.Contains(out, "1 ingested") || strings.Contains(errs, stored) {
		t.Fatalf("with --dict: exit %d\n%s%s", code, out, errs)
	}
	if n := count(t, db, `SELECT count(*) FROM v_user_words WHERE seq = 1 AND word = '楼宇画像' AND freq = 500 AND pos = 'nz'`) +
		count(t, db, `SELECT count(*) FROM v_user_words WHERE seq = 2 AND word = '西湖服务通' AND freq IS NULL AND pos IS NULL`); n != 2 {
		t.Errorf("v_user_words does not hold the file's two words as given")
	}

	// --dict forgotten: the stored words, nothing read again.
	code, out, errs = ingestRun("--db", db, archive)
	if code != exitOK || !strings.Contains(out, "0 ingested") || !strings.Contains(out, "1 unchanged") {
		t.Errorf("without --dict: exit %d, want the file unchanged\n%s%s", code, out, errs)
	}
	if want := stored + db + " (2 words); --dict FILE to change it, --dict none to drop it"; !strings.Contains(errs, want) {
		t.Errorf("without --dict, stderr does not say %q:\n%s", want, errs)
	}

	// Other words replace the stored ones and read the file again.
	if err := os.WriteFile(words, []byte("楼宇画像 500 nz\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs = ingestRun("--db", db, "--dict", words, archive)
	if code != exitOK || !strings.Contains(out, "1 ingested") {
		t.Errorf("with other words: exit %d, want the file read again\n%s%s", code, out, errs)
	}
	if n := count(t, db, `SELECT count(*) FROM v_user_words`); n != 1 {
		t.Errorf("after other words, v_user_words has %d rows, want 1", n)
	}

	// --dict none drops them: read again, and later runs use none.
	code, out, errs = ingestRun("--db", db, "--dict", "none", archive)
	if code != exitOK || !strings.Contains(out, "1 ingested") {
		t.Errorf("--dict none: exit %d, want the file read again\n%s%s", code, out, errs)
	}
	if n := count(t, db, `SELECT count(*) FROM v_user_words`); n != 0 {
		t.Errorf("after --dict none, v_user_words has %d rows, want 0", n)
	}
	code, out, errs = ingestRun("--db", db, archive)
	if code != exitOK || !strings.Contains(out, "1 unchanged") || strings.Contains(errs, stored) {
		t.Errorf("after --dict none, a run without --dict: exit %d, want the file unchanged and no stored dictionary\n%s%s", code, out, errs)
	}
	if n := count(t, db, `SELECT count(*) FROM documents`); n != 1 {
		t.Errorf("%d documents, want 1: the earlier versions are pruned", n)
	}
}
