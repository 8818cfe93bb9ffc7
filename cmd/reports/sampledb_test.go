package main

import (
	"context"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/govreports/govreports/corpus"
	"github.com/govreports/govreports/ingest"
)

// processors are loaded once per test binary per dictionary set: the
// dictionary takes seconds to load.
var (
	processorsMu sync.Mutex
	processors   = map[string]*ingest.Processor{}
)

func testProcessor(t testing.TB, dicts ...string) *ingest.Processor {
	t.Helper()
	key := filepath.Join(dicts...)
	processorsMu.Lock()
	defer processorsMu.Unlock()
	if p := processors[key]; p != nil {
		return p
	}
	p, err := ingest.New(ingest.Config{Dicts: dicts, Workers: 2, BusyTimeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	processors[key] = p
	return p
}

// ingestInto runs the ingest pipeline over roots into the database at
// dbPath, as the ingest command does.
func ingestInto(t testing.TB, dbPath string, p *ingest.Processor, roots ...string) ingest.Summary {
	t.Helper()
	sum, err := p.Run(context.Background(), dbPath, roots...)
	if err != nil {
		t.Fatal(err)
	}
	return sum
}

// sampleDB is a database of the shipped sample report.
func sampleDB(t testing.TB) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "reports.db")
	sum := ingestInto(t, path, testProcessor(t), corpus.SamplePath())
	if sum.Ingested != 1 {
		t.Fatalf("sample not ingested: %+v", sum)
	}
	return path
}
