package ingest

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/govreports/govreports/ingest/model"
	"github.com/govreports/govreports/schema"
)

// MaxFileSize is the largest file read; a larger one is recorded as failed
// rather than read into memory.
const MaxFileSize = 256 << 20

// Config says how to run the pipeline.
type Config struct {
	Roots   []string
	Workers int
	Key     string // extractor key recorded with every document (extractor version, dictionary hash)

	// Read turns a file's bytes into a document. It returns ErrUnsupported
	// (wrapped, with the format named) for a file it does not read.
	Read func(path string, data []byte) (*model.Document, error)
	// Extract builds the reports of a document.
	Extract func(doc *model.Document) *model.Extraction

	Writer *schema.Writer
	Lookup *sql.DB // read connection for the unchanged test; nil reads everything anew

	// FileTimeout bounds parsing and extracting one file (Read and
	// Extract; not reading its bytes from disk); 0 means no bound.
	FileTimeout time.Duration

	// Progress, if set, is called from one goroutine after every file.
	Progress func(Event)
}

// ErrUnsupported marks a file whose format is not read (yet).
var ErrUnsupported = errors.New("unsupported format")

// Outcome of one file.
type Outcome int

const (
	Ingested Outcome = iota
	Unchanged
	Skipped
	Failed
)

func (o Outcome) String() string {
	return [...]string{"ingested", "unchanged", "skipped", "failed"}[o]
}

// Event reports one finished file, or a change of the total.
type Event struct {
	Path      string
	Outcome   Outcome
	Err       error // the reason, when skipped or failed
	Bytes     int64
	Total     int // files found so far by the counter; final once TotalDone
	TotalDone bool
}

// Summary counts what a run did.
type Summary struct {
	Seen, Ingested, Unchanged, Skipped, Failed int
	Pruned                                     int64 // earlier versions removed: no path holds them any more
	Bytes                                      int64
	Elapsed                                    time.Duration
}

type result struct {
	entry     *schema.Entry // nil when nothing is to be written
	outcome   Outcome
	err       error
	bytes     int64
	cancelled bool // the run stopped before the file was read: neither count nor record it
}

// Run ingests every file under cfg.Roots. It returns the summary and an
// error only for what stops the whole run: a database error (the lock
// included) or cancellation; files that fail are counted and recorded.
func Run(ctx context.Context, cfg Config) (Summary, error) {
	start := time.Now()
	if cfg.Workers < 1 {
		cfg.Workers = 1
	}
	for _, r := range cfg.Roots {
		if _, err := os.Stat(r); err != nil {
			return Summary{}, err
		}
	}
	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	files := make(chan File, cfg.Workers*4)
	results := make(chan result, cfg.Workers*4)
	totals := make(chan int, 1)

	// The counter walks ahead so progress can show a total and an ETA
	// without holding the file list in memory.
	go func() {
		n := 0
		Walk(ctx, cfg.Roots, func(File) error { n++; return nil }, nil)
		totals <- n
	}()

	// results closes when the walker and every worker are done: the walker
	// sends unreadable folders there too, and its error is read after.
	var wg sync.WaitGroup
	var walkErr error
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(files)
		walkErr = Walk(ctx, cfg.Roots, func(f File) error {
			select {
			case files <- f:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		}, func(path string, err error) {
			select {
			case results <- failedResult(path, fmt.Errorf("%s: %w", path, err)):
			case <-ctx.Done():
			}
		})
	}()

	for range cfg.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range files {
				if ctx.Err() != nil {
					return
				}
				r := cfg.process(ctx, f)
				if r.cancelled {
					return
				}
				select {
				case results <- r:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	// This goroutine is the only writer.
	var sum Summary
	var fatal error
	total, totalDone := 0, false
	for r := range results {
		select {
		case total = <-totals:
			totalDone = true
		default:
		}
		if fatal != nil {
			continue // drain
		}
		if r.entry != nil {
			loaded, err := cfg.Writer.Put(ctx, r.entry)
			switch {
			case err == nil && r.outcome == Ingested && !loaded.Stored:
				// Another file of this batch had the same content.
				r.outcome = Unchanged
			case err == nil && r.outcome == Failed && loaded.Status == schema.StatusOK:
				// This copy failed (a time limit, say), but the same content
				// is loaded from another: the path points at it.
				r.outcome, r.err = Unchanged, nil
			case errors.Is(err, schema.ErrLocked), errors.Is(err, schema.ErrBatchLost), err != nil && ctx.Err() != nil:
				fatal = err
				cancel()
				continue
			case err != nil:
				// Record the file as failed rather than lose it.
				r = failedResult(r.entry.Path, err)
				r.entry.SHA256, r.entry.Key = "unloadable:"+r.entry.Path, cfg.Key
				if _, err2 := cfg.Writer.Put(ctx, r.entry); err2 != nil {
					fatal = err2
					cancel()
					continue
				}
			}
		}
		sum.Seen++
		sum.Bytes += r.bytes
		switch r.outcome {
		case Ingested:
			sum.Ingested++
		case Unchanged:
			sum.Unchanged++
		case Skipped:
			sum.Skipped++
		case Failed:
			sum.Failed++
		}
		if cfg.Progress != nil {
			cfg.Progress(Event{Path: pathOf(r), Outcome: r.outcome, Err: r.err, Bytes: r.bytes, Total: max(total, sum.Seen), TotalDone: totalDone})
		}
	}
	if fatal == nil {
		sum.Pruned, fatal = cfg.Writer.Prune(ctx)
	}
	sum.Elapsed = time.Since(start)
	if fatal != nil {
		return sum, fatal
	}
	if err := parent.Err(); err != nil {
		return sum, err
	}
	if walkErr != nil {
		return sum, walkErr
	}
	return sum, nil
}

func pathOf(r result) string {
	if r.entry != nil {
		return r.entry.Path
	}
	return ""
}

func failedResult(path string, err error) result {
	return result{
		entry:   &schema.Entry{Path: path, SHA256: "unreadable:" + path, Status: schema.StatusFailed, Err: err, Format: formatOf(path)},
		outcome: Failed,
		err:     err,
	}
}

// process reads, checks and extracts one file.
func (cfg *Config) process(ctx context.Context, f File) result {
	data, sum, err := readFile(f)
	if err != nil {
		r := failedResult(f.Path, err)
		r.entry.Key = cfg.Key
		return r
	}
	e := &schema.Entry{Path: f.Path, SHA256: sum, Key: cfg.Key, Bytes: int64(len(data)), Format: formatOf(f.Path)}
	res := result{entry: e, bytes: int64(len(data))}
	if cfg.Lookup != nil {
		loaded, pathKnown, status, err := schema.Lookup(ctx, cfg.Lookup, sum, cfg.Key, f.Path)
		if err == nil && loaded && status != schema.StatusFailed {
			res.outcome = Unchanged
			if status == schema.StatusSkipped {
				res.outcome = Skipped
			}
			if pathKnown {
				res.entry = nil
			} else {
				e.PathOnly, e.Status = true, status
			}
			return res
		}
	}
	doc, x, err := cfg.parse(ctx, f.Path, data)
	switch {
	case err != nil && ctx.Err() != nil && errors.Is(err, ctx.Err()):
		return result{cancelled: true}
	case errors.Is(err, ErrUnsupported):
		e.Status, e.Err = schema.StatusSkipped, err
		res.outcome, res.err = Skipped, err
		if k, ok := err.(interface{ Format() string }); ok {
			e.Format = k.Format()
		}
	case err != nil:
		e.Status, e.Err = schema.StatusFailed, err
		res.outcome, res.err = Failed, err
	default:
		e.Status, e.Doc, e.Ext, e.Format = schema.StatusOK, doc, x, doc.Format
		res.outcome = Ingested
	}
	return res
}

// parse reads and extracts a file's content. A reader that panics on a
// hostile file, or runs past cfg.FileTimeout, fails that file only: the
// run goes on (a goroutine that never returns is left behind; Go cannot
// stop it).
func (cfg *Config) parse(ctx context.Context, path string, data []byte) (*model.Document, *model.Extraction, error) {
	type parsed struct {
		doc *model.Document
		x   *model.Extraction
		err error
	}
	done := make(chan parsed, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- parsed{err: fmt.Errorf("%s: internal error while reading: %v", path, p)}
			}
		}()
		doc, err := cfg.Read(path, data)
		var x *model.Extraction
		if err == nil && cfg.Extract != nil {
			x = cfg.Extract(doc)
		}
		done <- parsed{doc, x, err}
	}()
	var timeout <-chan time.Time
	if cfg.FileTimeout > 0 {
		t := time.NewTimer(cfg.FileTimeout)
		defer t.Stop()
		timeout = t.C
	}
	select {
	case p := <-done:
		return p.doc, p.x, p.err
	case <-timeout:
		return nil, nil, fmt.Errorf("%s: reading took longer than %v and was abandoned", path, cfg.FileTimeout)
	case <-ctx.Done():
		return nil, nil, ctx.Err()
	}
}

// readFile reads a whole file, at most MaxFileSize, and hashes it.
func readFile(f File) ([]byte, string, error) {
	data, err := readLimited(f.Path)
	if err != nil {
		return nil, "", err
	}
	h := sha256.Sum256(data)
	return data, hex.EncodeToString(h[:]), nil
}

// readLimited reads a whole file, refusing one larger than MaxFileSize
// before reading it into memory.
func readLimited(path string) ([]byte, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	data, err := io.ReadAll(io.LimitReader(fh, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("%s: file larger than %d MiB, not read", path, MaxFileSize>>20)
	}
	return data, nil
}

// RunInto runs the pipeline into the SQLite database at dbPath: it opens
// (creating) the database, waiting up to busy for another process's lock,
// gives cfg its writer and read connection, runs, and reweighs keywords
// when reports came or went.
func RunInto(ctx context.Context, dbPath string, busy time.Duration, cfg Config) (Summary, error) {
	db, err := schema.Open(ctx, dbPath, busy)
	if err != nil {
		return Summary{}, err
	}
	defer db.Close()
	lookup, err := schema.OpenReadOnly(dbPath)
	if err != nil {
		return Summary{}, err
	}
	defer lookup.Close()
	cfg.Writer = schema.NewWriter(db, 200, time.Second)
	cfg.Lookup = lookup
	sum, err := Run(ctx, cfg)
	if err == nil && (sum.Ingested > 0 || sum.Pruned > 0) {
		err = schema.RefreshKeywords(ctx, db)
	}
	return sum, err
}
