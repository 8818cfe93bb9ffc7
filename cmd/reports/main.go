// Command reports is the analysts' side of the database that ingest
// builds: inspect a file, search in Chinese, run read-only SQL, export.
//
//	reports inspect [--json] FILE
//	reports search  [--db reports.db] [--year 2020] [--limit N] [--json|--csv] [--dict FILE] QUERY
//	reports sql     [--db reports.db] [--csv|--json] QUERY
//	reports export  [--db reports.db] -o FILE (VIEW | --query SQL)
//
// Exit status: 0 on success, 1 when the command failed, 2 for usage errors.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// command is one subcommand; each lives in a file of its own.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

func commands() []command {
	return []command{
		{"inspect", "print what a file yields, without a database", runInspect},
		{"search", "full-text search in Chinese", runSearch},
		{"sql", "run a read-only SQL query", runSQL},
		{"export", "export a view or query to .csv or .xlsx", runExport},
	}
}

// usageError marks errors in the command line (exit status 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, args[1:], stdout, stderr)
		var ue usageError
		switch {
		case err == nil:
			return 0
		case errors.As(err, &ue):
			fmt.Fprintf(stderr, "reports %s: %v\n", c.name, err)
			return 2
		default:
			fmt.Fprintf(stderr, "reports %s: %v\n", c.name, err)
			return 1
		}
	}
	fmt.Fprintf(stderr, "reports: unknown command %q\n", args[0])
	usage(stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: reports COMMAND [flags] ARGS\n\ncommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
}
