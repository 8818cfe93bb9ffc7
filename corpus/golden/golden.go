// Package golden compares test output with golden files and rewrites them
// when the test binary runs with -update.
//
// Golden files are change detectors: they hold whatever the code produced
// when they were last written, right or wrong, so that a change shows up
// as a diff to review. What the output should be is asserted by tests with
// expectations written by hand.
package golden

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// update is the -update flag, registered once per test binary: every test
// package that compares golden files imports this one.
var update = flag.Bool("update", false, "rewrite the golden files with the current output")

// Update reports whether the test binary runs with -update.
func Update() bool { return *update }

// Check compares got with the golden file at path. Under -update it writes
// got to path instead, creating its folder.
func Check(tb testing.TB, path string, got []byte) {
	tb.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			tb.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("%v (run the test with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		tb.Errorf("output differs from %s (review with -update and git diff):\n%s", path, Diff(want, got))
	}
}

// Diff shows the first ten lines where want and got differ.
func Diff(want, got []byte) string {
	w, g := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl == gl {
			continue
		}
		if shown == 10 {
			b.WriteString("…\n")
			break
		}
		fmt.Fprintf(&b, "line %d:\n  want %s\n  got  %s\n", i+1, wl, gl)
		shown++
	}
	return b.String()
}
