// Command ingest reads every .docx and .txt report under the given files
// and folders into a SQLite database.
//
//	ingest [--db reports.db] [--workers N] [--dict FILE|none] [--prune] [--commit-every 1s] [--journal wal|delete] PATH...
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
	"runtime/trace"
	"syscall"
	"time"

	"golang.org/x/term"

	"github.com/govreports/govreports/cmd/internal/cli"
	"github.com/govreports/govreports/extract/segment"
	"github.com/govreports/govreports/ingest"
	"github.com/govreports/govreports/ingest/model"
	"github.com/govreports/govreports/schema"
)

const (
	exitOK          = 0
	exitSomeFailed  = 1
	exitUsage       = 2
	exitInterrupted = 130
)

func main() {
	ctx, stop := interruptible()
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr, term.IsTerminal(int(os.Stderr.Fd())))
	stop()
	os.Exit(code)
}

// interruptible returns a context that the first SIGINT or SIGTERM
// cancels: the run stops at the next file and keeps what it committed.
// The handler is then removed, so that a second signal ends the process
// at once should anything fail to heed the first.
func interruptible() (context.Context, context.CancelFunc) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		<-ctx.Done()
		stop()
	}()
	return ctx, stop
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
	commit  time.Duration
	journal string
	version bool
	prune   bool
	paths   []string
	limits  model.Limits
	memory  int64 // MiB: the Go runtime's soft limit, and the heap past which files being read fail; 0 for none
	queue   int64 // MiB of read documents waiting for the writer

	cpuprofile string // hidden: for the benchmarks (BENCHMARKS.md)
	trace      string // hidden: an execution trace, to see where goroutines wait
}

// parseFlags reads the command line; it returns cli.ErrHelp once it has
// printed the help that was asked for.
func parseFlags(args []string, stdout io.Writer) (*options, error) {
	fs := cli.NewFlagSet("ingest", usage)
	o := &options{}
	fs.StringVar(&o.db, "db", "reports.db", "SQLite database to create or update")
	fs.IntVar(&o.workers, "workers", runtime.NumCPU(), "files read in parallel")
	fs.StringVar(&o.dict, "dict", "", "user dictionary `FILE` for Chinese word segmentation (one word per line); the database keeps its words for later runs and searches, which use them without --dict; none drops them")
	fs.DurationVar(&o.busy, "busy-timeout", 10*time.Second, "how long to wait for a database another process holds")
	fs.DurationVar(&o.timeout, "file-timeout", 5*time.Minute, "give up on a file whose reading takes longer (0: never)")
	fs.DurationVar(&o.commit, "commit-every", time.Second, "commit what was read at least this often, also while a slow file is read: what a crash can lose")
	fs.StringVar(&o.journal, "journal", "", "journal `MODE` of the database: wal, or delete for a network filesystem (default: wal, delete where the database lies on one)")
	fs.BoolVar(&o.prune, "prune", false, "remove the stored files under the PATHs that are gone from disk (deleted, or moved out of them), with their documents")
	fs.BoolVar(&o.version, "version", false, "print the version and exit")
	// What one file may cost: a file past a limit fails alone, with a
	// sentence naming the flag.
	d := model.DefaultLimits()
	fs.Int64Var(&o.limits.MaxFileBytes, "max-file-bytes", d.MaxFileBytes, "refuse a file larger than this, by its size, before reading it")
	fs.Int64Var(&o.limits.MaxTextBytes, "max-text-bytes", d.MaxTextBytes, "fail a file that yields more bytes of text")
	fs.IntVar(&o.limits.MaxBlocks, "max-blocks", d.MaxBlocks, "fail a file of more paragraphs (and tables)")
	fs.IntVar(&o.limits.MaxCells, "max-cells", d.MaxCells, "fail a file of more table cells")
	fs.IntVar(&o.limits.MaxLineBytes, "max-line-bytes", d.MaxLineBytes, "cut a longer .txt line into blocks of this size; fail a longer .docx paragraph")
	fs.IntVar(&o.limits.MaxParts, "max-parts", d.MaxParts, "fail a file that imports more documents (w:altChunk)")
	fs.IntVar(&o.limits.MaxElements, "max-elements", d.MaxElements, "fail a file of more XML or HTML elements, imported documents included")
	fs.IntVar(&o.limits.MaxDepth, "max-depth", d.MaxDepth, "fail a file whose XML nests deeper")
	fs.Int64Var(&o.limits.MaxInflated, "max-inflated", d.MaxInflated, "fail a package that inflates to more bytes, imported packages included")
	fs.IntVar(&o.limits.MaxFigures, "max-figures", d.MaxFigures, "fail a file in which extraction finds more figures")
	fs.IntVar(&o.limits.MaxMembers, "max-members", d.MaxMembers, "fail a .zip archive of more files (each member is a file of its own to the other limits)")
	fs.Int64Var(&o.memory, "memory-limit", 2048, "MiB the process stays under: the collector works harder near it, and past it the files being read fail (0: no limit)")
	fs.Int64Var(&o.queue, "queue-mb", ingest.DefaultQueueBytes>>20, "MiB of read documents that may wait for the database writer")
	fs.StringVar(&o.cpuprofile, "cpuprofile", "", "write a CPU profile of the run to `FILE`")
	_ = fs.MarkHidden("cpuprofile")
	fs.StringVar(&o.trace, "trace", "", "write an execution trace of the run to `FILE`")
	_ = fs.MarkHidden("trace")
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
	case o.commit <= 0:
		return nil, fmt.Errorf("--commit-every must be more than 0, got %v", o.commit)
	case o.limits.MaxFileBytes < 1 || o.limits.MaxTextBytes < 1 || o.limits.MaxBlocks < 1 || o.limits.MaxCells < 1 ||
		o.limits.MaxLineBytes < 1 || o.limits.MaxParts < 1 || o.limits.MaxElements < 1 || o.limits.MaxDepth < 1 ||
		o.limits.MaxInflated < 1 || o.limits.MaxFigures < 1 || o.limits.MaxMembers < 1:
		return nil, errors.New("the --max-* limits must be at least 1")
	case o.queue < 1:
		return nil, fmt.Errorf("--queue-mb must be at least 1, got %d", o.queue)
	case o.memory < 0:
		return nil, fmt.Errorf("--memory-limit must be 0 or more, got %d", o.memory)
	case o.journal != "" && o.journal != schema.JournalWAL && o.journal != schema.JournalDelete:
		return nil, fmt.Errorf("--journal %s: want %s or %s", o.journal, schema.JournalWAL, schema.JournalDelete)
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
	if o.trace != "" {
		f, err := os.Create(o.trace)
		if err == nil {
			err = trace.Start(f)
		}
		if err != nil {
			fmt.Fprintf(stderr, "ingest: %v\n", err)
			return exitUsage
		}
		defer f.Close()
		defer trace.Stop()
	}
	// fail reports an error that stops the run before it starts.
	fail := func(err error) int {
		if ctx.Err() != nil {
			fmt.Fprintln(stderr, "ingest: interrupted")
			return exitInterrupted
		}
		if schema.IsReadOnly(err) {
			err = fmt.Errorf("%s cannot be written (the file or its folder is read-only), and files need loading: %w", o.db, err)
		}
		fmt.Fprintf(stderr, "ingest: %v\n", err)
		return exitUsage
	}
	journal := journalMode(o.journal, schema.NetworkFS(o.db), stderr)
	// A database that is not ours is refused before the dictionary takes
	// seconds to load.
	conn, err := schema.OpenWith(ctx, o.db, schema.Options{BusyTimeout: o.busy, Journal: journal})
	if err != nil {
		return fail(err)
	}
	// The database remembers the user dictionary it was built with: a run
	// without --dict uses it, rather than read every file again with none.
	var dicts []string
	var words []segment.Word
	switch o.dict {
	case "none":
	case "":
		words, err = ingest.StoredWords(ctx, conn)
		if err != nil {
			conn.Close()
			return fail(fmt.Errorf("%s: %w", o.db, err))
		}
		if len(words) > 0 {
			fmt.Fprintf(stderr, "ingest: using the dictionary stored in %s (%s); --dict FILE to change it, --dict none to drop it\n", o.db, plural(len(words), "word"))
		}
	default:
		dicts = append(dicts, o.dict)
	}
	conn.Close()
	// o.memory is a second line behind the per-file limits: the collector
	// works harder as the heap nears it, before the machine runs out.
	gcCtx, stopGC := context.WithCancel(ctx)
	defer stopGC()
	go tuneGC(gcCtx, o.memory<<20)
	// The progress display starts with the run, once the dictionaries are
	// read, so that its rates are of reading files alone.
	var prog *progress
	loadStart := time.Now()
	proc, err := ingest.New(ingest.Config{
		Dicts:       dicts,
		UserWords:   words,
		Workers:     o.workers,
		FileTimeout: o.timeout,
		BatchAge:    o.commit,
		BusyTimeout: o.busy,
		Journal:     journal,
		Limits:      o.limits,
		QueueBytes:  o.queue << 20,
		MemoryLimit: o.memory << 20,
		Prune:       o.prune,
		Progress:    func(e ingest.Event) { prog.event(e) },
		Steps:       func(path string, done, total int) { prog.step(path, done, total) },
		Started:     func(path string) { prog.started(path, time.Now()) },
	})
	if err != nil {
		return fail(err)
	}
	defer proc.Close()
	loading := time.Since(loadStart)
	prog = newProgress(stderr, terminal)
	stopTicks, ticksDone := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(ticksDone)
		t := time.NewTicker(time.Second)
		defer t.Stop()
		for {
			select {
			case now := <-t.C:
				prog.tick(now)
			case <-stopTicks:
				return
			}
		}
	}()
	sum, err := proc.Run(ctx, o.db, o.paths...)
	close(stopTicks)
	<-ticksDone
	prog.finish()
	if sum.Seen == 0 && sum.Lost == 0 && err != nil {
		return fail(err)
	}
	printSummary(stdout, sum, o.prune, loading, o.db, countReports(o.db))
	for _, root := range sum.NotPruned {
		fmt.Fprintf(stderr, "ingest: warning: the walk found no file under %s, though the database holds some: nothing under it was counted or pruned as gone (an unmounted share looks like an empty folder)\n", root)
	}
	switch {
	case ctx.Err() != nil:
		fmt.Fprintln(stderr, "ingest: interrupted; what was loaded stays loaded")
		return exitInterrupted
	case err != nil:
		return fail(err)
	case sum.Failed > 0:
		fmt.Fprintf(stderr, "ingest: %d files failed; see: SELECT path, error FROM v_documents WHERE status = 'failed'\n", sum.Failed)
		return exitSomeFailed
	}
	return exitOK
}

// journalMode picks the journal mode: the one asked for, else WAL, unless
// the database lies on a network filesystem (netfs names it), where WAL's
// shared memory is unsafe and a rollback journal is used instead.
func journalMode(asked, netfs string, stderr io.Writer) string {
	switch {
	case netfs == "":
		return asked
	case asked == "":
		fmt.Fprintf(stderr, "ingest: warning: the database lies on a network filesystem (%s), where SQLite's WAL mode is unsafe: using --journal delete (readers wait while a batch is written)\n", netfs)
		return schema.JournalDelete
	case asked == schema.JournalWAL:
		fmt.Fprintf(stderr, "ingest: warning: the database lies on a network filesystem (%s), where SQLite's WAL mode is unsafe; --journal delete is safer\n", netfs)
	}
	return asked
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
