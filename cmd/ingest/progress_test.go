package main

import (
	"strings"
	"testing"
	"time"

	"github.com/govreports/govreports/ingest"
)

// TestByFormat: the summary's line per format, written by hand.
func TestByFormat(t *testing.T) {
	for _, c := range []struct {
		in   map[string]*ingest.FormatCount
		want string
	}{
		{nil, ""},
		{map[string]*ingest.FormatCount{"txt": {Read: 3}}, ""}, // one format, all read: the totals say it
		{map[string]*ingest.FormatCount{"txt": {Read: 1, Failed: 1}}, "by format: txt 1 read, 1 failed"},
		{map[string]*ingest.FormatCount{
			"docx": {Read: 12},
			"doc":  {NoEngine: 3},
			"pdf":  {Read: 1, Failed: 1},
			"rar":  {Skipped: 2},
		}, "by format: doc 3 skipped (engine not installed); docx 12 read; pdf 1 read, 1 failed; rar 2 skipped"},
	} {
		if got := byFormat(c.in); got != c.want {
			t.Errorf("byFormat(%v)\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}

// TestStepLines: without a terminal, a long file's pages are told at most
// every interval, and always at the last page.
func TestStepLines(t *testing.T) {
	var b strings.Builder
	p := newProgress(&b, false)
	p.every = time.Hour
	for done := 1; done <= 3; done++ {
		p.step("scan.pdf", done, 3)
	}
	want := "ingest: scan.pdf: page 1/3 read by OCR\ningest: scan.pdf: page 3/3 read by OCR\n"
	if b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}

// TestSlowFileLines: without a terminal, a file read for longer than the
// slow mark is named with how long it has been read, at most every
// interval, and no more once it is done.
func TestSlowFileLines(t *testing.T) {
	var b strings.Builder
	p := newProgress(&b, false)
	p.every, p.lastLine = time.Hour, time.Now() // no counts line
	t0 := time.Date(2026, 11, 30, 22, 0, 0, 0, time.UTC)
	p.started("big.docx", t0)
	p.started("small.txt", t0.Add(time.Second))
	p.tick(t0.Add(3 * time.Second)) // not slow yet
	p.event(ingest.Event{Path: "small.txt", Outcome: ingest.Ingested})
	p.tick(t0.Add(6 * time.Second))
	p.tick(t0.Add(9 * time.Second)) // within the interval
	p.event(ingest.Event{Path: "big.docx", Outcome: ingest.Ingested})
	p.tick(t0.Add(3 * time.Hour)) // nothing is being read
	want := "ingest: still reading big.docx (6s)\n"
	if b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}
