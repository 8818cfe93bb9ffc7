package ingest

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/govreports/govreports/ingest/model"
	"github.com/govreports/govreports/ingest/sniff"
	"github.com/govreports/govreports/schema"
)

// MaxFileSize is the default largest file read (model.Limits.MaxFileBytes);
// a larger one is recorded as failed by its size, before it is read.
const MaxFileSize = 256 << 20

// Outcome of one file.
type Outcome int

const (
	Ingested Outcome = iota
	Unchanged
	Skipped
	Failed
	// Duplicate is a file whose content another path holds (a copy):
	// it is stored once, with both paths.
	Duplicate
)

func (o Outcome) String() string {
	return [...]string{"ingested", "unchanged", "skipped", "failed", "duplicate"}[o]
}

// Event reports one finished file, or a change of the total.
type Event struct {
	Path      string
	Outcome   Outcome
	Err       error  // the reason, when skipped or failed
	SameAs    string // for a Duplicate, a path that holds the same content ("" when unknown)
	Bytes     int64
	Total     int // files found so far by the counter; final once TotalDone
	TotalDone bool
}

// Summary counts what a run did.
type Summary struct {
	Seen, Ingested, Unchanged, Skipped, Failed int
	Duplicates                                 int      // files whose content another path holds
	Reports                                    int      // reports found in the files ingested
	Pruned                                     int64    // documents removed: no path holds them any more (earlier versions, files gone)
	Moved                                      int      // files found where the archive moved: their stored paths replaced
	Gone                                       int      // stored files under the roots gone from disk, kept (Config.Prune unset)
	GonePruned                                 int64    // documents removed because their files are gone (Config.Prune)
	NotPruned                                  []string // roots whose gone files were kept: the walk found no file there
	Bytes                                      int64
	Elapsed                                    time.Duration
	// Lost counts files read whose batch could not be committed (a full
	// disk, a lock): they are in no count above and not in the database,
	// so the next run reads them again.
	Lost int

	// Formats counts the files read, skipped and failed by their format
	// (txt, docx, doc, pdf …, as v_documents names it).
	Formats map[string]*FormatCount
}

// FormatCount is what a run did with the files of one format.
type FormatCount struct {
	Read     int // ingested
	Skipped  int // not read: the format is not read, or the file is no report
	NoEngine int // skipped because the program that reads the format is not installed
	Failed   int
}

// add adds the counts of o, files of a batch now committed, to s.
func (s *Summary) add(o Summary) {
	s.Seen += o.Seen
	s.Ingested += o.Ingested
	s.Unchanged += o.Unchanged
	s.Skipped += o.Skipped
	s.Failed += o.Failed
	s.Duplicates += o.Duplicates
	s.Reports += o.Reports
	s.Bytes += o.Bytes
	s.Moved += o.Moved
	for f, c := range o.Formats {
		if s.Formats == nil {
			s.Formats = map[string]*FormatCount{}
		}
		if s.Formats[f] == nil {
			s.Formats[f] = &FormatCount{}
		}
		t := s.Formats[f]
		t.Read += c.Read
		t.Skipped += c.Skipped
		t.NoEngine += c.NoEngine
		t.Failed += c.Failed
	}
}

// count adds a file's outcome to its format's counts.
func (s *Summary) count(format string, o Outcome, err error) {
	if o != Ingested && o != Skipped && o != Failed {
		return
	}
	if s.Formats == nil {
		s.Formats = map[string]*FormatCount{}
	}
	c := s.Formats[format]
	if c == nil {
		c = &FormatCount{}
		s.Formats[format] = c
	}
	switch {
	case o == Ingested:
		c.Read++
	case o == Skipped && errors.Is(err, ErrMissingEngine):
		c.NoEngine++
	case o == Skipped:
		c.Skipped++
	default:
		c.Failed++
	}
}

type result struct {
	entry     *schema.Entry // nil when nothing is to be written
	outcome   Outcome
	err       error
	bytes     int64
	sameAs    string // for a Duplicate
	path      string // the file's, when entry is nil
	cancelled bool   // the run stopped before the file was read: neither count nor record it
	queued    int64  // bytes counted against the queue's bound
}

// run ingests every file under roots through w; lookup, if not nil, is
// the read connection for the unchanged test. Files for which own is true
// (the database's) are passed over unseen.
func (p *Processor) run(ctx context.Context, roots []string, w *schema.Writer, lookup *sql.DB, own func(path string) bool) (Summary, error) {
	start := time.Now()
	if own == nil {
		own = func(string) bool { return false }
	}
	for _, r := range roots {
		if _, err := os.Stat(r); err != nil {
			return Summary{}, err
		}
	}
	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	guard := newMemoryGuard(p.cfg.MemoryLimit)
	go guard.watch(ctx, 100*time.Millisecond)
	ctx = withGuard(ctx, guard)
	queue := newByteGate(p.cfg.QueueBytes)

	files := make(chan File, p.cfg.Workers*4)
	results := make(chan result, p.cfg.Workers*4)
	totals := make(chan int, 1)

	// The counter walks ahead so progress can show a total and an ETA
	// without holding the file list in memory.
	go func() {
		n := 0
		Walk(ctx, roots, func(f File) error {
			if !own(f.Path) {
				n++
			}
			return nil
		}, nil)
		totals <- n
	}()

	// What the walk met, for the files gone under the roots: the folders
	// it could not read, and under which roots it found any file. Not the
	// paths it found: a set of them grows with the archive, and a path
	// stored and still on disk is told by a stat at the end.
	sc := pruneScopes(roots)
	failedDirs, foundIn := pathSet{}, make([]bool, len(sc))

	// results closes when the walker and every worker are done: the walker
	// sends unreadable folders there too, and its error is read after.
	var wg sync.WaitGroup
	var walkErr error
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(files)
		walkErr = Walk(ctx, roots, func(f File) error {
			if own(f.Path) {
				return nil
			}
			if i := sc.of(f.Abs()); i >= 0 {
				foundIn[i] = true
			}
			select {
			case files <- f:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		}, func(f File, err error) {
			if fi, serr := os.Stat(filepath.FromSlash(f.Path)); serr == nil && fi.IsDir() {
				failedDirs[f.Abs()] = true
			}
			select {
			case results <- unreadResult(f, err):
			case <-ctx.Done():
			}
		})
	}()

	// The worker that opens an archive hands its members to idle workers
	// through spare. A worker out of files helps so until no worker is
	// reading a file (busy), so that a lone large .zip is read by all.
	spare := make(chan func())
	var busy sync.WaitGroup
	busy.Add(p.cfg.Workers)
	drained := make(chan struct{})
	go func() { busy.Wait(); close(drained) }()
	for range p.cfg.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// send hands a result to the writer, false once the run
			// stops; an archive's members are sent one by one with it.
			send := func(r result) bool {
				if r.cancelled {
					return false
				}
				if r.entry != nil {
					// The rows are computed here, beside the other
					// workers, so that the single writer only inserts.
					r.entry.Prepare()
				}
				r.queued = resultBytes(r)
				if queue.acquire(ctx, r.queued) != nil {
					return false
				}
				select {
				case results <- r:
					return true
				case <-ctx.Done():
					return false
				}
			}
			out := &sink{send: send, spare: spare}
			func() {
				defer busy.Done()
				for {
					select {
					case job := <-spare:
						job()
					case f, ok := <-files:
						if !ok || ctx.Err() != nil {
							return
						}
						if p.cfg.Started != nil {
							p.cfg.Started(f.Path)
						}
						if !send(p.process(ctx, f, lookup, out)) {
							return
						}
					}
				}
			}()
			for {
				select {
				case job := <-spare:
					job()
				case <-drained:
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	// SQLite's memory comes from the C allocator, which gives each thread
	// that calls it an arena of its own and keeps what is freed there. A
	// writer that moved between threads left its page cache's worth in
	// each arena it met: 16 MB of C heap after 1,000 files, 25 MB after
	// 20,000, for 5-7 MB in use. On one thread it stays at 8-10 MB.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()

	// This goroutine is the only writer. A file written is counted in open
	// until its batch is committed, then in sum: a batch that is lost is
	// not counted as ingested.
	var sum, open Summary
	var fatal error
	settle := func() {
		if w.Pending() == 0 {
			sum.add(open)
			open = Summary{}
		}
	}
	total, totalDone := 0, false
	// A timer closes the batch when it is due even while no file
	// finishes (a slow one is being read): what was read is committed in
	// bounded time, and a kill loses at most the batch in flight.
	tick := time.NewTicker(max(w.MaxAge()/4, 10*time.Millisecond))
	defer tick.Stop()
	next := func() (result, bool) {
		for {
			select {
			case r, ok := <-results:
				return r, ok
			case <-tick.C:
				if fatal != nil {
					continue
				}
				if err := w.FlushDue(); err != nil {
					fatal = err
					cancel()
				} else {
					settle()
				}
			}
		}
	}
	for r, ok := next(); ok; r, ok = next() {
		queue.release(r.queued)
		select {
		case total = <-totals:
			totalDone = true
		default:
		}
		if fatal != nil {
			continue // drain
		}
		c := &sum
		if r.entry != nil {
			c = &open
		}
		if r.entry != nil {
			loaded, err := w.Put(ctx, r.entry)
			switch {
			case err == nil && r.outcome == Ingested && !loaded.Stored,
				err == nil && r.outcome == Failed && loaded.Status == schema.StatusOK:
				// Another file of this batch had the same content; or this
				// copy failed (a time limit, say), but the same content is
				// loaded from another: the path points at it. Committing
				// lets the read connection name that other file.
				if err = w.Flush(); err != nil {
					fatal = err
					cancel()
					open.Lost++
					continue
				}
				r.outcome, r.err = Duplicate, nil
				if lookup != nil {
					r.sameAs = samePath(ctx, lookup, r.entry.SHA256, r.entry.StoredPath())
				}
			case err == nil && r.outcome == Ingested && r.entry.Ext != nil:
				c.Reports += len(r.entry.Ext.Reports)
			case errors.Is(err, schema.ErrLocked), errors.Is(err, schema.ErrBatchLost), err != nil && ctx.Err() != nil:
				fatal = err
				cancel()
				open.Lost++
				continue
			case err != nil:
				// Record the file as failed rather than lose it.
				key := r.entry.Key
				r = failedResult(File{Path: r.entry.Path, Root: r.entry.Root, Rel: r.entry.Rel}, err)
				r.entry.SHA256, r.entry.Key = "unloadable:"+r.entry.StoredPath(), key
				if _, err2 := w.Put(ctx, r.entry); err2 != nil {
					fatal = err2
					cancel()
					open.Lost++
					continue
				}
			}
		}
		c.Seen++
		c.Bytes += r.bytes
		switch r.outcome {
		case Ingested:
			c.Ingested++
		case Unchanged:
			c.Unchanged++
		case Skipped:
			c.Skipped++
		case Failed:
			c.Failed++
		case Duplicate:
			c.Duplicates++
		}
		if r.entry != nil {
			c.count(r.entry.Format, r.outcome, r.err)
			if r.outcome == Unchanged && len(r.entry.Replaces) > 0 {
				c.Moved++
			}
		}
		settle()
		if p.cfg.Progress != nil {
			seen := sum.Seen + open.Seen
			p.cfg.Progress(Event{Path: pathOf(r), Outcome: r.outcome, Err: r.err, SameAs: r.sameAs, Bytes: r.bytes, Total: max(total, seen), TotalDone: totalDone})
		}
	}
	if fatal == nil && walkErr == nil && parent.Err() == nil && lookup != nil {
		fatal = forgetReadFolders(ctx, w, lookup, roots)
	}
	if fatal == nil && walkErr == nil && parent.Err() == nil && lookup != nil {
		fatal = p.gone(ctx, w, lookup, sc, failedDirs, foundIn, &sum)
	}
	if fatal == nil {
		sum.Pruned, fatal = w.Prune(ctx)
		if fatal == nil {
			settle()
		}
	}
	// What the open batch held was not committed: not ingested, read
	// again by the next run.
	sum.Lost += open.Seen + open.Lost
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

// forgetReadFolders removes the failure recorded for a folder under roots
// that could not be read before and can now: its files were walked this
// run, and the failure would otherwise stay for good.
func forgetReadFolders(ctx context.Context, w *schema.Writer, lookup *sql.DB, roots []string) error {
	paths, err := schema.UnreadPaths(ctx, lookup)
	if err != nil {
		return nil // a failure record the next run can clear
	}
	for _, p := range paths {
		// Stored absolute since paths have roots; as typed before.
		if pruneScopes(roots).of(p) < 0 && !underRoots(p, roots) {
			continue
		}
		if fi, err := os.Stat(p); err != nil || !fi.IsDir() {
			continue
		}
		f, err := os.Open(p)
		if err != nil {
			continue
		}
		_, err = f.ReadDir(1)
		f.Close()
		if err != nil && err != io.EOF {
			continue
		}
		if err := w.Forget(ctx, p); err != nil {
			return err
		}
	}
	return nil
}

// underRoots tells whether path, as the walk reports it, lies in one of
// roots (or is one).
func underRoots(path string, roots []string) bool {
	for _, r := range roots {
		r = strings.TrimSuffix(filepath.ToSlash(r), "/")
		if path == r || strings.HasPrefix(path, r+"/") {
			return true
		}
	}
	return false
}

func pathOf(r result) string {
	if r.entry != nil {
		return r.entry.Path
	}
	return r.path
}

// samePath returns another path at which the content sha is recorded,
// from the views (committed data), or "" when there is none yet.
func samePath(ctx context.Context, db *sql.DB, sha, path string) string {
	var p sql.NullString
	db.QueryRowContext(ctx, `SELECT min(p.path) FROM v_paths p JOIN v_documents d USING (document_id)
		WHERE d.sha256 = ? AND p.path <> ?`, sha, path).Scan(&p)
	return p.String
}

func failedResult(f File, err error) result {
	path := f.Path
	return result{
		entry: &schema.Entry{Path: path, Root: f.Root, Rel: f.Rel, SHA256: "unreadable:" + f.Abs(),
			Status: schema.StatusFailed, Err: err, Format: formatOf(path)},
		outcome: Failed,
		err:     err,
	}
}

// unreadResult records a file that was not read: skipped when it is not a
// regular file, failed otherwise.
func unreadResult(f File, err error) result {
	var nr *NotRegularError
	if !errors.As(err, &nr) {
		if !strings.HasPrefix(err.Error(), f.Path+":") {
			err = fmt.Errorf("%s: %w", f.Path, err)
		}
		return failedResult(f, err)
	}
	r := failedResult(f, err)
	r.entry.Status, r.entry.Format, r.outcome = schema.StatusSkipped, nr.Format(), Skipped
	return r
}

// process reads, checks and extracts one file. An archive's members go
// to members, each a result of its own, before the archive's result is
// returned (members nil: the archive is handed to its Reader, which says
// what it holds).
func (p *Processor) process(ctx context.Context, f File, lookup *sql.DB, members *sink) result {
	data, sum, err := p.readFile(f, p.limits().MaxFileBytes)
	if err != nil {
		r := unreadResult(f, err)
		r.entry.Key = p.key
		return r
	}
	kind := sniff.DetectBytes(f.Path, data)
	// A lock or temporary file that looks like a zip stays what it is.
	if u := p.readers.unpacker(kind); u != nil && members != nil && notReport(f.Path, data) == nil {
		return p.unpack(ctx, f, data, sum, kind, u, lookup, members)
	}
	return p.processData(ctx, f, data, sum, kind, lookup)
}

// processData checks and extracts the content of one file or archive
// member, whose hash is sum. The key recorded with it names the extractor
// and the reader of its kind, so that a new version of one reader reads
// again the files of its formats only.
func (p *Processor) processData(ctx context.Context, f File, data []byte, sum string, kind sniff.Kind, lookup *sql.DB) result {
	key := p.key + "; " + p.readers.key(kind)
	e := &schema.Entry{Path: f.Path, Root: f.Root, Rel: f.Rel, SHA256: sum, Key: key, Bytes: int64(len(data)), Format: formatOf(f.Path)}
	res := result{entry: e, bytes: int64(len(data))}
	if lookup != nil {
		loaded, pathKnown, status, err := schema.Lookup(ctx, lookup, sum, key, f.Abs())
		if err == nil && loaded && status != schema.StatusFailed {
			res.outcome = Unchanged
			if !pathKnown {
				e.Replaces = earlierPlaces(ctx, lookup, f, sum, key)
			}
			switch {
			case status == schema.StatusSkipped:
				res.outcome = Skipped
			case !pathKnown && len(e.Replaces) == 0:
				// A copy: its content is loaded from another path.
				res.outcome, res.sameAs = Duplicate, samePath(ctx, lookup, sum, f.Abs())
			}
			if pathKnown {
				res.entry, res.path = nil, f.Path
			} else {
				e.PathOnly, e.Status = true, status
			}
			return res
		}
	}
	if nr := notReport(f.Path, data); nr != nil {
		e.Status, e.Err, e.Format = schema.StatusSkipped, nr, nr.Format()
		res.outcome, res.err = Skipped, nr
		return res
	}
	doc, x, err := p.parse(ctx, f.Path, data, kind)
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
func (p *Processor) parse(ctx context.Context, path string, data []byte, kind sniff.Kind) (*model.Document, *model.Extraction, error) {
	type parsed struct {
		doc *model.Document
		x   *model.Extraction
		err error
	}
	// The reader gets its own context, cancelled when parse returns, the
	// file is abandoned or the memory guard trips, so that it stops (and
	// the engines it runs — pdftotext, tesseract … — with it) and its
	// memory is released.
	parent := ctx
	if steps := p.cfg.Steps; steps != nil {
		ctx = model.WithSteps(ctx, func(done, total int) { steps(path, done, total) })
	}
	ctx, cancel := guardOf(ctx).file(model.WithLimits(ctx, p.limits()))
	defer cancel()
	done := make(chan parsed, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- parsed{err: fmt.Errorf("%s: internal error while reading: %v", path, p)}
			}
		}()
		doc, err := p.readers.read(ctx, path, data, kind)
		if err == nil {
			err = model.CheckLimits(doc, p.limits())
			doc.Warnings = model.CapWarnings(doc.Warnings)
		}
		var x *model.Extraction
		if err == nil {
			x, err = p.extract(ctx, doc)
		}
		if err == nil {
			if n, max := figures(x), p.limits().MaxFigures; n > max {
				doc, x, err = nil, nil, model.FiguresError(path, max)
			}
		}
		done <- parsed{doc, x, err}
	}()
	var timeout <-chan time.Time
	if p.cfg.FileTimeout > 0 {
		t := time.NewTimer(p.cfg.FileTimeout)
		defer t.Stop()
		timeout = t.C
	}
	select {
	case p := <-done:
		if p.err != nil && ctx.Err() != nil && parent.Err() == nil {
			// The reader or extraction stopped for the memory guard: say why.
			return nil, nil, fmt.Errorf("%s: %w", path, context.Cause(ctx))
		}
		return p.doc, p.x, p.err
	case <-timeout:
		return nil, nil, fmt.Errorf("%s: reading took longer than %v and was abandoned", path, p.cfg.FileTimeout)
	case <-ctx.Done():
		if parent.Err() != nil {
			return nil, nil, parent.Err()
		}
		return nil, nil, fmt.Errorf("%s: %w", path, context.Cause(ctx))
	}
}

// limits returns the processor's limits, defaults filled in.
func (p *Processor) limits() model.Limits {
	return model.LimitsFrom(model.WithLimits(context.Background(), p.cfg.Limits))
}

// figures counts the figures of an extraction.
func figures(x *model.Extraction) int {
	n := 0
	for _, r := range x.Reports {
		n += len(r.Figures)
	}
	return n
}

// readLimited reads a whole file, refusing one larger than max by its
// size before reading it; the read stops past max all the same, for a
// file that grows while it is read.
func readLimited(path string, max int64) ([]byte, error) {
	fh, err := openRegular(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	tooBig := &model.LimitError{Path: path, What: "bytes in the file", Limit: max, Flag: "max-file-bytes"}
	var buf bytes.Buffer
	if fi, err := fh.Stat(); err == nil && fi.Mode().IsRegular() {
		if fi.Size() > max {
			return nil, tooBig
		}
		// One buffer of the file's size: growing by doubling would
		// hold up to twice a large file.
		buf.Grow(int(fi.Size()) + bytes.MinRead)
	}
	if _, err := buf.ReadFrom(io.LimitReader(fh, max+1)); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if int64(buf.Len()) > max {
		return nil, tooBig
	}
	return buf.Bytes(), nil
}
