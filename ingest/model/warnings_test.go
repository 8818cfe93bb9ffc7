package model

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestCapWarnings(t *testing.T) {
	few := []string{"a", "b"}
	if got := CapWarnings(few); strings.Join(got, "|") != "a|b" {
		t.Errorf("few warnings: %q, want them as they are", got)
	}

	many := make([]string, 250)
	for i := range many {
		many[i] = "table 3 row 9: cells beyond 64 grid columns dropped"
	}
	got := CapWarnings(many)
	if len(got) != 101 || got[100] != "… and 150 more warnings" || got[99] != many[99] {
		t.Errorf("250 warnings: %d kept, last %q; want 100 and \"… and 150 more warnings\"", len(got), got[len(got)-1])
	}

	// 40 warnings of 2 KiB (cut from 3 KiB of Chinese): the byte cap
	// keeps 31 (64 KiB / 2,049 bytes).
	long := make([]string, 40)
	for i := range long {
		long[i] = strings.Repeat("表", 1024)
	}
	got = CapWarnings(long)
	if len(got) != 32 || got[31] != "… and 9 more warnings" {
		t.Fatalf("40 long warnings: %d kept, last %q; want 31 and \"… and 9 more warnings\"", len(got)-1, got[len(got)-1])
	}
	size := 0
	for _, w := range got[:31] {
		size += len(w)
		if len(w) > MaxWarningLength+len("…") || !utf8.ValidString(w) || !strings.HasSuffix(w, "表…") {
			t.Errorf("a warning of %d bytes (valid %v), want it cut at a character to 2 KiB", len(w), utf8.ValidString(w))
		}
	}
	if size > MaxWarningBytes {
		t.Errorf("%d bytes kept, over %d", size, MaxWarningBytes)
	}

	if got := CapWarnings(append(make([]string, 100), "x")); got[100] != "… and 1 more warning" {
		t.Errorf("one over: %q", got[100])
	}
}
