package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/govreports/govreports/cmd/internal/cli"
)

// defaultTimeout bounds a query: one that runs longer (a recursive CTE
// that never ends, a join of everything with everything) is stopped.
const defaultTimeout = time.Minute

// timeoutFlag adds --timeout to fs.
func timeoutFlag(fs *cli.FlagSet) *time.Duration {
	return fs.Duration("timeout", defaultTimeout, "stop a query that runs longer (0: never)")
}

// withTimeout bounds ctx by d, unless d is 0. SQLite stops a statement
// whose context ends (the driver calls sqlite3_interrupt), so Ctrl-C,
// which cancels ctx, stops a query too.
func withTimeout(ctx context.Context, d time.Duration) (context.Context, context.CancelFunc) {
	if d <= 0 {
		return context.WithCancel(ctx)
	}
	return context.WithTimeoutCause(ctx, d, errTimeLimit)
}

// errTimeLimit is the cause of a context ended by --timeout, told apart
// from the caller's own ending (an interrupt).
var errTimeLimit = errors.New("--timeout passed")

// errInterrupted marks a command stopped by Ctrl-C (exit status 130).
var errInterrupted = errors.New("interrupted")

// timeoutError says why a query stopped when its context ended: the time
// limit, or an interrupt.
func timeoutError(ctx context.Context, d time.Duration, err error) error {
	switch {
	case err == nil:
		return nil
	case context.Cause(ctx) == errTimeLimit:
		return fmt.Errorf("the query ran longer than --timeout %v and was stopped (give a longer --timeout, or 0 for none)", d)
	case ctx.Err() != nil:
		return errInterrupted
	}
	return err
}
