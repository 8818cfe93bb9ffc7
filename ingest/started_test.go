package ingest

import (
	"context"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"
)

// Started is told of every file a worker begins reading, before its
// Progress event, so that a display can name a file that takes long.
func TestStartedBeforeEachFile(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.txt", "一\n二")
	write(t, dir, "b.txt", "三\n四")
	var mu sync.Mutex
	var started, missing []string
	seen := map[string]bool{}
	cfg := Config{Workers: 2, BusyTimeout: time.Second,
		Started: func(path string) {
			mu.Lock()
			defer mu.Unlock()
			started = append(started, filepath.Base(path))
			seen[path] = true
		},
		Progress: func(e Event) {
			mu.Lock()
			defer mu.Unlock()
			if !seen[e.Path] {
				missing = append(missing, e.Path)
			}
		}}
	if _, err := testProcessor(cfg).Run(context.Background(), filepath.Join(t.TempDir(), "r.db"), dir); err != nil {
		t.Fatal(err)
	}
	slices.Sort(started)
	if !slices.Equal(started, []string{"a.txt", "b.txt"}) || len(missing) > 0 {
		t.Errorf("started %q, events before their start %q; want a.txt and b.txt, none", started, missing)
	}
}
