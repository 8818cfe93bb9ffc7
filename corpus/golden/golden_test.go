package golden

import (
	"path/filepath"
	"testing"
)

func TestDiff(t *testing.T) {
	got := Diff([]byte("a\nb\nc\n"), []byte("a\nB\nc\nd\n"))
	want := "line 2:\n  want b\n  got  B\nline 4:\n  want \n  got  d\n"
	if got != want {
		t.Errorf("Diff =\n%s\nwant\n%s", got, want)
	}
	if d := Diff([]byte("same"), []byte("same")); d != "" {
		t.Errorf("Diff of equal texts = %q", d)
	}
}

func TestCheck(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "x.golden")
	defer func(old bool) { *update = old }(*update)
	*update = true
	Check(t, path, []byte("one\n"))
	*update = false
	Check(t, path, []byte("one\n"))
}
