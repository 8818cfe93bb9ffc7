// Package sofficetest gives tests a LibreOffice converter.
package sofficetest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/govreports/govreports/corpus"
	"github.com/govreports/govreports/ingest/soffice"
)

// New returns a converter with default options, closed when the test
// ends. Without LibreOffice (or its module for target) the test is
// skipped, unless CI is set (as corpus.SharedDir does), where it fails:
// .ci/run installs LibreOffice, so its absence there is a broken setup.
func New(tb testing.TB, target string) *soffice.Converter {
	tb.Helper()
	return NewWith(tb, target, soffice.Options{})
}

// NewWith is New with options (a larger batch, for tests that read many
// files at once).
func NewWith(tb testing.TB, target string, opts soffice.Options) *soffice.Converter {
	tb.Helper()
	conv := soffice.New(opts)
	tb.Cleanup(func() { conv.Close() })
	if err := conv.Available("test", "test", target); err != nil {
		corpus.Missing(tb, "%v", err)
	}
	return conv
}

// Fake writes a stand-in for soffice into a temporary folder and returns
// its path, for tests of the converter's handling rather than of
// LibreOffice. It answers --version with "LibreOffice 0.0.0.0"; it
// converts each input file, in order, by copying the file at output to
// OUTDIR/NAME.TARGET and printing a line, unless the input holds HANG
// (it sleeps for ten minutes), CRASH (it dies of SIGSEGV) or BROKEN (it
// prints an error and writes nothing).
func Fake(tb testing.TB, output string) string {
	tb.Helper()
	script := `#!/bin/sh
if [ "$1" = --version ]; then echo "LibreOffice 0.0.0.0 fake"; exit 0; fi
prev=; out=; to=
for a; do
	case $prev in --outdir) out=$a ;; --convert-to) to=$a ;; esac
	prev=$a
done
prev=
for a; do
	case $prev in --outdir|--convert-to) prev=$a; continue ;; esac
	prev=$a
	case $a in -*) continue ;; esac
	if grep -q HANG "$a"; then sleep 600; fi
	if grep -q CRASH "$a"; then kill -SEGV $$; fi
	if grep -q BROKEN "$a"; then echo "Error: source file could not be loaded"; continue; fi
	name=$(basename "$a"); name=${name%.*}
	mkdir -p "$out"
	cp '` + output + `' "$out/$name.$to"
	echo "convert $a -> $out/$name.$to"
done
`
	path := filepath.Join(tb.TempDir(), "soffice")
	if err := os.WriteFile(path, []byte(script), 0o755); err != nil {
		tb.Fatal(err)
	}
	return path
}

// Convert converts the file at src to format to (an extension: "rtf",
// "xls" …) with LibreOffice, with a profile of its own, and returns the
// result; tests make their inputs in other formats with it.
func Convert(tb testing.TB, src, to string) []byte {
	tb.Helper()
	dir := ConvertAll(tb, []string{src}, to)[0]
	base := filepath.Base(src)
	data, err := os.ReadFile(filepath.Join(dir, strings.TrimSuffix(base, filepath.Ext(base))+"."+to))
	if err != nil {
		tb.Fatalf("soffice --convert-to %s %s: %v", to, src, err)
	}
	return data
}

// ConvertAll converts the files at srcs to each format of tos, one soffice
// call per format, the calls at once (each with a profile of its own), and
// returns for each format a temporary folder that holds the results (each
// named as its source, with the format's extension). A file LibreOffice
// cannot convert is missing from its folder; the caller checks.
func ConvertAll(tb testing.TB, srcs []string, tos ...string) []string {
	tb.Helper()
	dirs := make([]string, len(tos))
	errs := make([]error, len(tos))
	var wg sync.WaitGroup
	for i, to := range tos {
		dirs[i] = tb.TempDir()
		wg.Add(1)
		go func() {
			defer wg.Done()
			args := []string{"-env:UserInstallation=file://" + filepath.Join(dirs[i], "profile"),
				"--headless", "--convert-to", to, "--outdir", dirs[i]}
			if out, err := exec.Command("soffice", append(args, srcs...)...).CombinedOutput(); err != nil {
				errs[i] = fmt.Errorf("soffice --convert-to %s (%d files): %v\n%s", to, len(srcs), err, out)
			}
		}()
	}
	wg.Wait() // tb.Fatal only here, in the test's goroutine
	for _, err := range errs {
		if err != nil {
			tb.Fatal(err)
		}
	}
	return dirs
}
