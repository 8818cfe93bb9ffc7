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
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"runtime/pprof"
	"syscall"
	"time"

	"golang.org/x/term"

	"github.com/govreports/govreports/cmd/internal/cli"
	"github.com/govreports/govreports/ingest"
	"github.com/govreports/govreports/schema"
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

const usage = `usage: ingest [flags] PATH...

Reads every .docx and .txt report under each PATH (files, and folders
walked recursively) into a SQLite database. Flags may stand anywhere
among the PATHs; -- ends them.`

type options struct {
	db      string
	workers int
	dict    string
	busy    time.Duration
	timeout time.Duration
	version bool
	paths   []string

	cpuprofile string // hidden: for the benchmarks (BENCHMARKS.md)
}

// parseFlags reads the command line; it returns cli.ErrHelp once it has
// printed the help that was asked for.
func parseFlags(args []string, stdout io.Writer) (*options, error) {
	fs := cli.NewFlagSet("ingest", usage)
	o := &options{}
	fs.StringVar(&o.db, "db", "reports.db", "SQLite database to create or update")
	fs.IntVar(&o.workers, "workers", runtime.NumCPU(), "files read in parallel")
	fs.StringVar(&o.dict, "dict", "", "user dictionary `FILE` for Chinese word segmentation (one word per line)")
	fs.DurationVar(&o.busy, "busy-timeout", 10*time.Second, "how long to wait for a database another process holds")
	fs.DurationVar(&o.timeout, "file-timeout", 5*time.Minute, "give up on a file whose reading takes longer (0: never)")
	fs.BoolVar(&o.version, "version", false, "print the version and exit")
	fs.StringVar(&o.cpuprofile, "cpuprofile", "", "write a CPU profile of the run to `FILE`")
	_ = fs.MarkHidden("cpuprofile")
	if err := fs.Parse(args, stdout); err != nil {
		return nil, err
	}
	o.paths = fs.Args()
	switch {
	case o.version:
		return o, nil
	case len(o.paths) == 0:
		return nil, errors.New("no PATH given")
	case o.workers < 1:
		return nil, fmt.Errorf("--workers must be at least 1, got %d", o.workers)
	}
	return o, nil
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer, terminal bool) int {
	o, err := parseFlags(args, stdout)
	if errors.Is(err, cli.ErrHelp) {
		return exitOK
	}
	if err != nil {
		fmt.Fprintf(stderr, "ingest: %v\n%s\n", err, cli.Hint("ingest"))
		return exitUsage
	}
	if o.version {
		if err := cli.WriteVersion(stdout, "ingest", cli.Build{Version: version, Commit: commit, Date: date}); err != nil {
			return exitUsage
		}
		return exitOK
	}
	for _, p := range o.paths {
		if _, err := os.Stat(p); err != nil {
			fmt.Fprintf(stderr, "ingest: %v\n", err)
			return exitUsage
		}
	}
	if o.cpuprofile != "" {
		// From the start, so that loading the dictionary shows too.
		f, err := os.Create(o.cpuprofile)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintf(stderr, "ingest: %v\n", err)
			return exitUsage
		}
		defer f.Close()
		defer pprof.StopCPUProfile()
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
	loading := time.Since(loadStart)
	prog = newProgress(stderr, terminal)
	sum, err := proc.Run(ctx, o.db, o.paths...)
	prog.finish()
	if sum.Seen == 0 && err != nil {
		return fail(err)
	}
	printSummary(stdout, sum, loading, o.db, countReports(o.db))
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

// countReports returns how many reports the database holds, or -1 when it
// cannot tell (the summary then leaves it out).
func countReports(db string) int {
	conn, err := schema.OpenReadOnly(db)
	if err != nil {
		return -1
	}
	defer conn.Close()
	n := -1
	if err := conn.QueryRow(`SELECT count(*) FROM v_reports`).Scan(&n); err != nil {
		return -1
	}
	return n
}
