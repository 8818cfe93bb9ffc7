package main

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/govreports/govreports/ingest"
)

// progress shows how a run goes: a bar on a terminal, plain lines
// elsewhere (CI, pipes, logs), where a bar would only be noise.
type progress struct {
	mu       sync.Mutex // events come from the writer, steps from the workers
	out      io.Writer
	bar      *progressbar.ProgressBar
	lastLine time.Time
	lastStep time.Time
	every    time.Duration
	done     int
	start    time.Time

	reading  map[string]time.Time // files being read, since when
	lastSlow time.Time            // when a slow file was last told
	slow     time.Duration        // how long a file is read before it is told
}

func newProgress(out io.Writer, terminal bool) *progress {
	p := &progress{out: out, every: 2 * time.Second, start: time.Now(),
		reading: map[string]time.Time{}, slow: 5 * time.Second}
	if terminal {
		p.bar = progressbar.NewOptions(-1,
			progressbar.OptionSetWriter(out),
			progressbar.OptionSetDescription("ingest"),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("files"),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
	}
	return p
}

func (p *progress) event(e ingest.Event) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done++
	delete(p.reading, e.Path)
	if p.bar != nil {
		if e.TotalDone && p.bar.GetMax() != e.Total {
			p.bar.ChangeMax(e.Total)
		}
		p.bar.Add(1)
		if line := fileLine(e); line != "" {
			p.bar.Clear()
			fmt.Fprintln(p.out, line)
		}
		return
	}
	if line := fileLine(e); line != "" {
		fmt.Fprintln(p.out, line)
	}
	if now := time.Now(); now.Sub(p.lastLine) >= p.every {
		p.lastLine = now
		total := "?"
		if e.TotalDone {
			total = fmt.Sprint(e.Total)
		}
		rate := float64(p.done) / now.Sub(p.start).Seconds()
		fmt.Fprintf(p.out, "ingest: %d/%s files, %.1f files/s\n", p.done, total, rate)
	}
}

// step says how far the reader of one long file is (the pages of a scan
// read by OCR), so that a run does not look stuck while one file takes
// minutes: on a terminal in the bar's description, elsewhere a line at
// most every two seconds, and at the last page.
func (p *progress) step(path string, done, total int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	what := fmt.Sprintf("%s: page %d/%d read by OCR", path, done, total)
	if p.bar != nil {
		p.bar.Describe("ingest " + what)
		return
	}
	if now := time.Now(); done == total || now.Sub(p.lastStep) >= p.every {
		p.lastStep = now
		fmt.Fprintln(p.out, "ingest: "+what)
	}
}

// started notes that a worker began reading path at now.
func (p *progress) started(path string, now time.Time) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.reading[path] = now
}

// tick says, at now, which file has been read for longer than p.slow (the
// one read longest), so that one large file that is not a scan, whose
// reader tells no steps, does not leave the run looking stuck: on a
// terminal in the bar's description, elsewhere a line at most every
// interval. main calls it every second.
func (p *progress) tick(now time.Time) {
	p.mu.Lock()
	defer p.mu.Unlock()
	path, since := "", now
	for f, t := range p.reading {
		if t.Before(since) || t.Equal(since) && f < path {
			path, since = f, t
		}
	}
	if path == "" || now.Sub(since) < p.slow {
		return
	}
	what := fmt.Sprintf("still reading %s (%s)", path, now.Sub(since).Round(time.Second))
	if n := len(p.reading); n > 1 {
		what += fmt.Sprintf(", %d files in all", n)
	}
	if p.bar != nil {
		p.bar.Describe("ingest " + what)
		return
	}
	if now.Sub(p.lastSlow) >= p.every && now.Sub(p.lastStep) >= p.every {
		p.lastSlow = now
		fmt.Fprintln(p.out, "ingest: "+what)
	}
}

// fileLine is what the progress says of one file: a failure and its
// reason, or a copy of another file; nothing for the rest.
func fileLine(e ingest.Event) string {
	switch e.Outcome {
	case ingest.Failed:
		return fmt.Sprintf("failed: %v", e.Err)
	case ingest.Duplicate:
		if e.SameAs == "" {
			return fmt.Sprintf("%s: same content as another file, stored once", e.Path)
		}
		return fmt.Sprintf("%s: same content as %s, stored once", e.Path, e.SameAs)
	}
	return ""
}

func (p *progress) finish() {
	if p.bar != nil {
		p.bar.Finish()
	}
}

// printSummary says what a run did. Rates are of the run itself; loading
// the dictionaries, once per process, is shown apart.
// reports, when not negative, is how many reports the database holds.
func printSummary(w io.Writer, s ingest.Summary, prune bool, loading time.Duration, db string, reports int) {
	secs := s.Elapsed.Seconds()
	if secs <= 0 {
		secs = 1e-9
	}
	fmt.Fprintf(w, "%d files seen: %d ingested (%s), %d same content as another file, %d unchanged, %d skipped, %d failed\n",
		s.Seen, s.Ingested, plural(s.Reports, "report"), s.Duplicates, s.Unchanged, s.Skipped, s.Failed)
	if line := byFormat(s.Formats); line != "" {
		fmt.Fprintln(w, line)
	}
	if s.Skipped > 0 {
		fmt.Fprintln(w, "skipped: not reports, or formats not read; SELECT path, error FROM v_documents WHERE status = 'skipped' says which")
	}
	if s.Moved > 0 {
		fmt.Fprintf(w, "moved: %s at the same place under a moved or renamed folder, stored paths updated\n", plural(s.Moved, "file"))
	}
	switch {
	case prune:
		fmt.Fprintf(w, "pruned %s (files gone)\n", plural(int(s.GonePruned), "document"))
	case s.Gone > 0:
		fmt.Fprintf(w, "gone from disk: %s under the given folders, kept in the database until ingest --prune\n", plural(s.Gone, "stored file"))
	}
	if earlier := s.Pruned - s.GonePruned; earlier > 0 {
		fmt.Fprintf(w, "%d earlier versions of changed files removed\n", earlier)
	}
	if s.Lost > 0 {
		fmt.Fprintf(w, "%s read but not stored: the batch holding them could not be committed; the next run reads them again\n", plural(s.Lost, "file"))
	}
	// What loads before the run (user dictionaries) is shown only when it
	// is worth a mention.
	fmt.Fprintf(w, "%.2fs", secs)
	if loading >= 50*time.Millisecond {
		fmt.Fprintf(w, " (and %.2fs loading the dictionary)", loading.Seconds())
	}
	fmt.Fprintf(w, ", %.1f files/s, %.2f MB/s, database %s", float64(s.Seen)/secs, float64(s.Bytes)/1e6/secs, db)
	if reports >= 0 {
		fmt.Fprintf(w, " (%s in all)", plural(reports, "report"))
	}
	fmt.Fprintln(w)
}

// byFormat says per format what was read, skipped and failed, e.g.
// "by format: docx 12 read; doc 3 skipped (engine not installed); pdf 1
// read, 1 failed", or "" when the run read one format and nothing else.
func byFormat(fs map[string]*ingest.FormatCount) string {
	names := slices.Sorted(maps.Keys(fs))
	if len(names) == 0 || len(names) == 1 && fs[names[0]].Read > 0 && *fs[names[0]] == (ingest.FormatCount{Read: fs[names[0]].Read}) {
		return ""
	}
	parts := make([]string, 0, len(names))
	for _, name := range names {
		c := fs[name]
		var what []string
		for _, n := range []struct {
			n    int
			what string
		}{{c.Read, "read"}, {c.Skipped, "skipped"}, {c.NoEngine, "skipped (engine not installed)"}, {c.Failed, "failed"}} {
			if n.n > 0 {
				what = append(what, fmt.Sprintf("%d %s", n.n, n.what))
			}
		}
		parts = append(parts, name+" "+strings.Join(what, ", "))
	}
	return "by format: " + strings.Join(parts, "; ")
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
