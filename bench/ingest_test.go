// Package bench measures whole ingest runs over a synthetic corpus
// (corpus/synth). Run it with
//
//	go test -tags sqlite_fts5 -run '^$' -bench . -benchtime 3x ./bench/
//
// The processor (its segmentation dictionary takes seconds and hundreds of
// MB to load) is built once per process, outside every timed loop, as the
// ingest command builds it once per run.
package bench

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/govreports/govreports/corpus/synth"
	"github.com/govreports/govreports/ingest"
	"github.com/govreports/govreports/schema"
)

// corpusFiles is the size of the corpus a run reads: large enough that the
// workers and the writer reach a steady state, small enough for -benchtime 3x.
const corpusFiles = 300

var scratch string // folder for the corpus, removed by TestMain

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "govreports-bench-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	scratch = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// The corpus and the processor are made once and shared by the benchmarks.
var (
	corpusOnce = sync.OnceValues(func() (synth.Manifest, error) {
		return synth.Write(filepath.Join(scratch, "corpus"), corpusFiles, 1)
	})
	processorOnce = sync.OnceValues(func() (*ingest.Processor, error) {
		return ingest.New(ingest.Config{Workers: runtime.NumCPU(), BusyTimeout: 10 * time.Second})
	})
)

func setup(b *testing.B) (synth.Manifest, *ingest.Processor) {
	b.Helper()
	m, err := corpusOnce()
	if err != nil {
		b.Fatal(err)
	}
	p, err := processorOnce()
	if err != nil {
		b.Fatal(err)
	}
	return m, p
}

// run ingests the corpus into the database at dbPath as the ingest command
// does.
func run(b *testing.B, p *ingest.Processor, m synth.Manifest, dbPath string) ingest.Summary {
	b.Helper()
	sum, err := p.Run(context.Background(), dbPath, m.Root)
	if err != nil {
		b.Fatal(err)
	}
	if sum.Seen != m.Files || sum.Failed != 0 {
		b.Fatalf("run: %+v; want %d files seen and none failed", sum, m.Files)
	}
	return sum
}

func countReports(b *testing.B, dbPath string) int {
	b.Helper()
	db, err := schema.OpenReadOnly(dbPath)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM v_reports`).Scan(&n); err != nil {
		b.Fatal(err)
	}
	return n
}

func removeDB(path string) {
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		os.Remove(path + suffix)
	}
}

// report adds throughput metrics for files, reports and bytes done per
// iteration.
func report(b *testing.B, m synth.Manifest) {
	s := b.Elapsed().Seconds()
	if s == 0 {
		return
	}
	n := float64(b.N)
	b.ReportMetric(n*float64(m.Files)/s, "files/s")
	b.ReportMetric(n*float64(m.Reports)/s, "reports/s")
	b.ReportMetric(n*float64(m.Bytes)/1e6/s, "MB/s")
}

// BenchmarkIngest runs the whole pipeline over the corpus into a fresh
// database each iteration.
func BenchmarkIngest(b *testing.B) {
	m, p := setup(b)
	freshRuns(b, m, m.Files, func(dbPath string) ingest.Summary { return run(b, p, m, dbPath) })
}

// freshRuns ingests into a fresh database each iteration with ingestInto,
// checks that want files were ingested and that the database holds the
// manifest's reports (outside the timer), and reports the rates.
func freshRuns(b *testing.B, m synth.Manifest, want int, ingestInto func(dbPath string) ingest.Summary) {
	dir := b.TempDir()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		dbPath := filepath.Join(dir, fmt.Sprintf("run%d.db", i))
		if sum := ingestInto(dbPath); sum.Ingested != want {
			b.Fatalf("ingested %d files, want %d", sum.Ingested, want)
		}
		b.StopTimer()
		if got := countReports(b, dbPath); got != m.Reports {
			b.Errorf("database holds %d reports, the manifest %d", got, m.Reports)
		}
		removeDB(dbPath)
		b.StartTimer()
		i++
	}
	report(b, m)
}

// BenchmarkIngestUnchanged runs the pipeline again over a corpus already
// loaded: every file is hashed and looked up, none is read again.
func BenchmarkIngestUnchanged(b *testing.B) {
	m, p := setup(b)
	dbPath := filepath.Join(b.TempDir(), "reports.db")
	run(b, p, m, dbPath)
	b.ReportAllocs()
	for b.Loop() {
		sum := run(b, p, m, dbPath)
		if sum.Unchanged != m.Files {
			b.Fatalf("%d files unchanged, want %d", sum.Unchanged, m.Files)
		}
	}
	report(b, m)
}

// BenchmarkProcess reads, extracts and segments the corpus's files one at a
// time on one goroutine, without a database, per format: what a worker
// does with a file (its bytes come from the page cache, and are hashed).
func BenchmarkProcess(b *testing.B) {
	m, p := setup(b)
	type input struct {
		path    string
		bytes   int64
		reports int
	}
	byFormat := map[string][]input{}
	err := synth.ReadManifest(m.Dir, func(f synth.File) error {
		path := filepath.Join(m.Root, filepath.FromSlash(f.Path))
		fi, err := os.Stat(path)
		if err != nil {
			return err
		}
		byFormat[f.Format] = append(byFormat[f.Format], input{path, fi.Size(), len(f.Reports)})
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	for _, format := range []string{"txt", "docx"} {
		files := byFormat[format]
		b.Run(format, func(b *testing.B) {
			b.ReportAllocs()
			var reports int
			var bytes int64
			for _, in := range files {
				reports += in.reports
				bytes += in.bytes
			}
			// An iteration reads every file of the format, so that a few
			// iterations (-benchtime 3x) still see them all.
			for b.Loop() {
				for _, in := range files {
					_, x, err := p.Process(context.Background(), in.path)
					if err != nil {
						b.Fatal(err)
					}
					if len(x.Reports) != in.reports {
						b.Fatalf("%s: %d reports, want %d", in.path, len(x.Reports), in.reports)
					}
				}
			}
			s, n := b.Elapsed().Seconds(), float64(b.N)
			b.ReportMetric(n*float64(len(files))/s, "files/s")
			b.ReportMetric(n*float64(reports)/s, "reports/s")
			b.ReportMetric(n*float64(bytes)/1e6/s, "MB/s")
		})
	}
}

// BenchmarkWriter loads documents read and extracted beforehand into a
// fresh database each iteration: the single writer's share of a run.
func BenchmarkWriter(b *testing.B) {
	m, p := setup(b)
	var entries []*schema.Entry
	err := synth.ReadManifest(m.Dir, func(f synth.File) error {
		path := filepath.Join(m.Root, filepath.FromSlash(f.Path))
		e, err := p.Entry(context.Background(), path)
		if err != nil {
			return err
		}
		if e.Err != nil {
			return e.Err
		}
		entries = append(entries, e)
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	dir := b.TempDir()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		dbPath := filepath.Join(dir, fmt.Sprintf("w%d.db", i))
		db, err := schema.Open(ctx, dbPath, 10*time.Second)
		if err != nil {
			b.Fatal(err)
		}
		w := schema.NewWriter(db, 200, time.Second)
		for _, e := range entries {
			if _, err := w.Put(ctx, e); err != nil {
				b.Fatal(err)
			}
		}
		if err := w.Flush(); err != nil {
			b.Fatal(err)
		}
		db.Close()
		b.StopTimer()
		removeDB(dbPath)
		b.StartTimer()
		i++
	}
	report(b, m)
}
