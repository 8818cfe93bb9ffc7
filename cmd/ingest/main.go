// Command ingest reads every .docx and .txt report under the given files
// and folders into a SQLite database.
//
//	ingest [--db reports.db] [--workers N] [--dict FILE] PATH...
//
// Exit status: 0 when every supported file was ingested (or was already,
// unchanged); 1 when some files failed (the rest are loaded, and the
// failures are listed in v_documents); 2 for usage or database errors,
// a lock that cannot be had in time included; 130 when interrupted.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"syscall"
	"time"

	"golang.org/x/term"

	"github.com/govreports/govreports/ingest"
)

const (
	exitOK          = 0
	exitSomeFailed  = 1
	exitUsage       = 2
	exitInterrupted = 130
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr, term.IsTerminal(int(os.Stderr.Fd())))
	stop()
	os.Exit(code)
}

type options struct {
	db      string
	workers int
	dict    string
	busy    time.Duration
	timeout time.Duration
	paths   []string
}

func parseFlags(args []string, stderr io.Writer) (*options, error) {
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	fs.SetOutput(stderr)
	o := &options{}
	fs.StringVar(&o.db, "db", "reports.db", "SQLite database to create or update")
	fs.IntVar(&o.workers, "workers", runtime.NumCPU(), "files read in parallel")
	fs.StringVar(&o.dict, "dict", "", "user dictionary for Chinese word segmentation (one word per line)")
	fs.DurationVar(&o.busy, "busy-timeout", 10*time.Second, "how long to wait for a database another process holds")
	fs.DurationVar(&o.timeout, "file-timeout", 5*time.Minute, "give up on a file whose reading takes longer (0: never)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: ingest [flags] PATH...\n\nReads every .docx and .txt report under PATH into a SQLite database.\n\nflags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	o.paths = fs.Args()
	if len(o.paths) == 0 {
		fs.Usage()
		return nil, errors.New("no PATH given")
	}
	if o.workers < 1 {
		return nil, fmt.Errorf("--workers must be at least 1, got %d", o.workers)
	}
	return o, nil
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer, terminal bool) int {
	o, err := parseFlags(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err != nil {
		fmt.Fprintf(stderr, "ingest: %v\n", err)
		return exitUsage
	}
	for _, p := range o.paths {
		if _, err := os.Stat(p); err != nil {
			fmt.Fprintf(stderr, "ingest: %v\n", err)
			return exitUsage
		}
	}
	// fail reports an error that stops the run before it starts.
	fail := func(err error) int {
		if ctx.Err() != nil {
			fmt.Fprintln(stderr, "ingest: interrupted")
			return exitInterrupted
		}
		fmt.Fprintf(stderr, "ingest: %v\n", err)
		return exitUsage
	}
	var dicts []string
	if o.dict != "" {
		dicts = append(dicts, o.dict)
	}
	// The progress display starts with the run, once the dictionary is
	// loaded, so that its rates are of reading files alone.
	var prog *progress
	loadStart := time.Now()
	proc, err := ingest.New(ingest.Config{
		Dicts:       dicts,
		Workers:     o.workers,
		FileTimeout: o.timeout,
		BusyTimeout: o.busy,
		Progress:    func(e ingest.Event) { prog.event(e) },
	})
	if err != nil {
		return fail(err)
	}
	defer proc.Close()
	loading := time.Since(loadStart)
	prog = newProgress(stderr, terminal)
	sum, err := proc.Run(ctx, o.db, o.paths...)
	prog.finish()
	if sum.Seen == 0 && err != nil {
		return fail(err)
	}
	printSummary(stdout, sum, loading, o.db)
	switch {
	case ctx.Err() != nil:
		fmt.Fprintln(stderr, "ingest: interrupted; what was loaded stays loaded")
		return exitInterrupted
	case err != nil:
		fmt.Fprintf(stderr, "ingest: %v\n", err)
		return exitUsage
	case sum.Failed > 0:
		fmt.Fprintf(stderr, "ingest: %d files failed; see: SELECT path, error FROM v_documents WHERE status = 'failed'\n", sum.Failed)
		return exitSomeFailed
	}
	return exitOK
}
