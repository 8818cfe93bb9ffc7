// Package sofficetest gives tests a LibreOffice converter.
package sofficetest

import (
	"os"
	"testing"

	"github.com/govreports/govreports/ingest/soffice"
)

// New returns a converter with default options, closed when the test
// ends. Without LibreOffice (or its module for target) the test is
// skipped, except under CI=true, where it fails: CI installs LibreOffice,
// so its absence there is a broken setup, not a choice.
func New(tb testing.TB, target string) *soffice.Converter {
	tb.Helper()
	conv := soffice.New(soffice.Options{})
	tb.Cleanup(func() { conv.Close() })
	if err := conv.Available("test", "test", target); err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("CI=true but %v", err)
		}
		tb.Skip(err)
	}
	return conv
}
