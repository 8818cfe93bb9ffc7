// Package corpus gives tests and benchmarks their inputs: the sample report
// the project ships (corpus/sample) and every rendering of it
// (corpus/renderings), the external corpora that CI lays beside the
// checkout (../shared/corpus/external), and the fixtures the project
// generates.
package corpus

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
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

// RenderingsDir is the folder of the shipped renderings of the sample: the
// .txt in three encodings, the .docx from three producers and the legacy
// .doc, copies of ../shared/corpus/sample kept in the repository so that
// the tests that know the sample's answers run on any clone.
func RenderingsDir() string { return filepath.Join(Root(), "corpus", "renderings") }

// Rendering returns the path of one shipped rendering of the sample, by
// file name (e.g. "2020-xihu-services.docx").
func Rendering(name string) string { return filepath.Join(RenderingsDir(), name) }

// Renderings returns the paths of every shipped rendering of the sample
// that the readers must read alike (.txt and .docx; the .doc is not read).
func Renderings(tb testing.TB) []string {
	tb.Helper()
	var out []string
	for _, pat := range []string{"*.txt", "*.docx"} {
		m, _ := filepath.Glob(filepath.Join(RenderingsDir(), pat))
		out = append(out, m...)
	}
	if len(out) == 0 {
		tb.Fatalf("no sample renderings in %s", RenderingsDir())
	}
	return out
}

// SharedDir returns the shared folder (../shared beside the checkout, or
// $SHARED_DIR), which holds the external corpora. Tests that need it skip
// when it is missing, unless CI is set, where its absence is a failure.
func SharedDir(tb testing.TB) string {
	tb.Helper()
	if dir, ok := FindShared(); ok {
		return dir
	}
	Missing(tb, "shared folder not found beside the checkout (%s); set SHARED_DIR", filepath.Join(Root(), "..", "shared"))
	return ""
}

// Missing skips the test for want of something outside the checkout (a
// folder, an engine) — unless CI is set: .ci/run provides all of them,
// so there its absence is a broken setup and the test fails.
func Missing(tb testing.TB, format string, args ...any) {
	tb.Helper()
	if os.Getenv("CI") != "" {
		tb.Fatalf("CI is set, and "+format, args...)
	}
	tb.Skipf(format, args...)
}

// NeedPrograms skips the test (fails it under CI, see Missing) unless
// every program is on PATH.
func NeedPrograms(tb testing.TB, progs ...string) {
	tb.Helper()
	for _, p := range progs {
		if _, err := exec.LookPath(p); err != nil {
			Missing(tb, "%s is not installed (.ci/run installs it)", p)
		}
	}
}

// FindShared returns the shared folder and whether there is one.
func FindShared() (string, bool) {
	candidates := []string{os.Getenv("SHARED_DIR"), filepath.Join(Root(), "..", "shared")}
	for _, c := range candidates {
		if c == "" {
			continue
		}
		if fi, err := os.Stat(filepath.Join(c, "corpus")); err == nil && fi.IsDir() {
			return c, true
		}
	}
	return "", false
}

// SampleSections reads the section tree of each of the sample's reports
// from its hand-written expectation (extract/testdata/sample.tsv), by
// report number, each section as "LEVEL\tMARKER\tTITLE": what every
// rendering of the sample, in any format, must give.
func SampleSections(tb testing.TB) map[int][]string {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join(Root(), "extract", "testdata", "sample.tsv"))
	if err != nil {
		tb.Fatal(err)
	}
	out := map[int][]string{}
	for _, line := range strings.Split(string(data), "\n") {
		cols := strings.Split(line, "\t")
		if len(cols) == 5 && cols[1] == "section" {
			n, _ := strconv.Atoi(cols[0])
			out[n] = append(out[n], strings.Join(cols[2:], "\t"))
		}
	}
	if len(out) != 3 {
		tb.Fatalf("sample.tsv: sections of %d reports, want 3", len(out))
	}
	return out
}
