package pdf

import (
	"context"
	"errors"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// TestRunBounds: an engine that hangs is killed at the timeout, one that
// writes without end is killed at the output limit, and a cancelled
// context stops it.
func TestRunBounds(t *testing.T) {
	for _, p := range []string{"sleep", "yes"} {
		if _, err := exec.LookPath(p); err != nil {
			t.Skipf("%s not found", p)
		}
	}
	start := time.Now()
	_, err := run(context.Background(), 200*time.Millisecond, 1<<20, nil, "sleep", "10")
	if err == nil || !strings.Contains(err.Error(), "no result after") || time.Since(start) > 5*time.Second {
		t.Errorf("hanging engine: %v after %v", err, time.Since(start))
	}
	_, err = run(context.Background(), time.Minute, 1<<16, nil, "yes")
	if !errors.Is(err, errTooMuch) {
		t.Errorf("endless output: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	if _, err := run(ctx, time.Minute, 1<<20, nil, "sleep", "10"); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
	out, err := run(context.Background(), time.Minute, 1<<20, nil, "sh", "-c", "echo warning >&2; echo why >&2; exit 3")
	if err == nil || out != nil || !strings.HasSuffix(err.Error(), ": why") {
		t.Errorf("failing engine: %v", err)
	}
}
