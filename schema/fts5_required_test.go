package schema

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// A build without -tags sqlite_fts5 must stop, naming the tag, rather
// than make programs that fail later with "no such module: fts5".
func TestBuildWithoutTagFails(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("go not on PATH: %v", err)
	}
	cmd := exec.Command(gobin, "build", "./cmd/...")
	cmd.Dir = ".."
	// GOFLAGS could carry the tag. The build is the one a user would run,
	// cgo and all: go-sqlite3 without the tag is compiled once, then cached.
	cmd.Env = append(os.Environ(), "GOFLAGS=")
	out, err := cmd.CombinedOutput()
	if err == nil {
		t.Fatalf("go build ./cmd/... without -tags sqlite_fts5 succeeded; want it to stop\n%s", out)
	}
	if !strings.Contains(string(out), "build_with_tags_sqlite_fts5__see_README") {
		t.Fatalf("go build failed without naming the tag:\n%s", out)
	}
}
