package main

import (
	"fmt"
	"io"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/govreports/govreports/ingest"
)

// progress shows how a run goes: a bar on a terminal, plain lines
// elsewhere (CI, pipes, logs), where a bar would only be noise.
type progress struct {
	out      io.Writer
	bar      *progressbar.ProgressBar
	lastLine time.Time
	every    time.Duration
	done     int
	start    time.Time
}

func newProgress(out io.Writer, terminal bool) *progress {
	p := &progress{out: out, every: 2 * time.Second, start: time.Now()}
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
	p.done++
	if p.bar != nil {
		if e.TotalDone && p.bar.GetMax() != e.Total {
			p.bar.ChangeMax(e.Total)
		}
		p.bar.Add(1)
		if e.Outcome == ingest.Failed {
			p.bar.Clear()
			fmt.Fprintf(p.out, "failed: %v\n", e.Err)
		}
		return
	}
	if e.Outcome == ingest.Failed {
		fmt.Fprintf(p.out, "failed: %v\n", e.Err)
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

func (p *progress) finish() {
	if p.bar != nil {
		p.bar.Finish()
	}
}

// printSummary says what a run did. Rates are of the run itself; loading
// the dictionaries, once per process, is shown apart.
func printSummary(w io.Writer, s ingest.Summary, loading time.Duration, db string) {
	secs := s.Elapsed.Seconds()
	if secs <= 0 {
		secs = 1e-9
	}
	fmt.Fprintf(w, "%d files seen: %d ingested, %d unchanged, %d skipped (unsupported), %d failed\n",
		s.Seen, s.Ingested, s.Unchanged, s.Skipped, s.Failed)
	if s.Pruned > 0 {
		fmt.Fprintf(w, "%d earlier versions of changed files removed\n", s.Pruned)
	}
	fmt.Fprintf(w, "%.2fs (and %.2fs loading the dictionary), %.1f files/s, %.2f MB/s, database %s\n",
		secs, loading.Seconds(), float64(s.Seen)/secs, float64(s.Bytes)/1e6/secs, db)
}
