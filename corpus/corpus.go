// Package corpus gives tests and benchmarks their inputs: the sample report
// the project ships (corpus/sample), the shared corpus that CI lays beside
// the checkout (../shared/corpus), and the fixtures the project generates.
package corpus

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// SampleName is the file name of the shipped sample report.
const SampleName = "2020-xihu-services.txt"

// Root returns the repository root, found from this source file.
func Root() string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return "."
	}
	return filepath.Dir(filepath.Dir(file))
}

// SamplePath is the path of the shipped sample report.
func SamplePath() string { return filepath.Join(Root(), "corpus", "sample", SampleName) }

// SharedDir returns the shared folder (../shared beside the checkout, or
// $SHARED_DIR). Tests that need it skip when it is missing, unless CI is set,
// where its absence is a failure.
func SharedDir(tb testing.TB) string {
	tb.Helper()
	candidates := []string{os.Getenv("SHARED_DIR"), filepath.Join(Root(), "..", "shared")}
	for _, c := range candidates {
		if c == "" {
			continue
		}
		if fi, err := os.Stat(filepath.Join(c, "corpus")); err == nil && fi.IsDir() {
			return c
		}
	}
	if os.Getenv("CI") != "" {
		tb.Fatalf("shared folder not found beside the checkout (%s); set SHARED_DIR", filepath.Join(Root(), "..", "shared"))
	}
	tb.Skip("shared folder not found; set SHARED_DIR to run this test")
	return ""
}

// SharedSample returns the paths of every rendering of the sample report in
// the shared corpus that the readers must read alike (.txt and .docx).
func SharedSample(tb testing.TB) []string {
	tb.Helper()
	dir := filepath.Join(SharedDir(tb), "corpus", "sample")
	var out []string
	for _, pat := range []string{"*.txt", "*.docx"} {
		m, _ := filepath.Glob(filepath.Join(dir, pat))
		out = append(out, m...)
	}
	if len(out) == 0 {
		tb.Fatalf("no sample renderings in %s", dir)
	}
	return out
}
