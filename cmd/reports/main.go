// Command reports is the analysts' side of the database that ingest
// builds: inspect a file, search in Chinese, run read-only SQL, export.
//
//	reports inspect [--json] FILE
//	reports search  [--db reports.db] [--year 2020] [--limit N] [--json|--csv] [--dict FILE] [--timeout 1m] QUERY
//	reports sql     [--db reports.db] [--csv|--json] [--wide] [--timeout 1m] QUERY
//	reports export  [--db reports.db] -o FILE [--force] [--headers zh] [--unit wan] [--timeout 1m] (VIEW | --query SQL | --all)
//	reports datasette-metadata [--db reports.db] > metadata.json
//
// Flags may stand before or after the arguments; -- ends them.
//
// Exit status: 0 on success, 1 when the command failed, 2 for usage
// errors, 130 when interrupted.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/govreports/govreports/cmd/internal/cli"
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
		{"datasette-metadata", "print Datasette's metadata.json for the database", runDatasetteMetadata},
	}
}

// usageError marks errors in the command line (exit status 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// parseFlags parses a subcommand's command line: help, when asked for, is
// printed to stdout and ends the command (cli.ErrHelp); a bad flag is a
// usage error.
func parseFlags(fs *cli.FlagSet, args []string, stdout io.Writer) error {
	err := fs.Parse(args, stdout)
	if err == nil || errors.Is(err, cli.ErrHelp) {
		return err
	}
	return usageError{err.Error()}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return 2
	}
	switch args[0] {
	case "-h", "--help", "help":
		if args[0] == "help" && len(args) > 1 {
			return run(ctx, []string{args[1], "--help"}, stdout, stderr)
		}
		usage(stdout)
		return 0
	case "--version", "-version", "version":
		if err := cli.WriteVersion(stdout, "reports", cli.Build{Version: version, Commit: commit, Date: date}); err != nil {
			return 1
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
		case err == nil, errors.Is(err, cli.ErrHelp):
			return 0
		case errors.Is(err, errInterrupted):
			fmt.Fprintf(stderr, "reports %s: interrupted\n", c.name)
			return 130
		case errors.As(err, &ue):
			fmt.Fprintf(stderr, "reports %s: %v\n%s\n", c.name, err, cli.Hint("reports "+c.name))
			return 2
		default:
			fmt.Fprintf(stderr, "reports %s: %v\n", c.name, err)
			return 1
		}
	}
	msg := "unknown command " + args[0]
	if strings.HasPrefix(args[0], "-") {
		msg = "the command comes first, before flags such as " + args[0]
	} else if s := suggest(args[0]); s != "" {
		msg += "; did you mean " + s + "?"
	}
	fmt.Fprintf(stderr, "reports: %s\n%s\n", msg, cli.Hint("reports"))
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: reports COMMAND [flags] ARGS\n\ncommands:")
	width := 0
	for _, c := range commands() {
		width = max(width, len(c.name))
	}
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-*s %s\n", width, c.name, c.summary)
	}
	fmt.Fprintln(w, "\n'reports COMMAND --help' lists a command's flags; 'reports --version' the versions.")
}

// suggest returns the command whose name is nearest to name, when it is
// near enough to be a typing mistake: a prefix, or two edits away.
func suggest(name string) string {
	name = strings.ToLower(name)
	best, bestD := "", 3
	for _, c := range commands() {
		if len(name) >= 2 && strings.HasPrefix(c.name, name) {
			return c.name
		}
		if d := editDistance(name, c.name); d < bestD {
			best, bestD = c.name, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
