package ingest

import (
	"context"
	"fmt"
	"runtime"
	"runtime/metrics"
	"sync"
	"time"

	"github.com/govreports/govreports/ingest/model"
)

// DefaultQueueBytes bounds what read documents may hold while they wait
// for the writer, whatever their number.
const DefaultQueueBytes = 256 << 20

// byteGate bounds the bytes of the documents between the workers and the
// writer. A document larger than the whole bound passes when the queue is
// empty, so that it is never stuck.
type byteGate struct {
	max  int64
	mu   sync.Mutex
	used int64
	free chan struct{} // closed and replaced whenever bytes are released
}

func newByteGate(max int64) *byteGate {
	if max <= 0 {
		max = DefaultQueueBytes
	}
	return &byteGate{max: max, free: make(chan struct{})}
}

// acquire waits until n more bytes fit, or ctx is done.
func (g *byteGate) acquire(ctx context.Context, n int64) error {
	for {
		g.mu.Lock()
		if g.used == 0 || g.used+n <= g.max {
			g.used += n
			g.mu.Unlock()
			return nil
		}
		free := g.free
		g.mu.Unlock()
		select {
		case <-free:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

func (g *byteGate) release(n int64) {
	g.mu.Lock()
	g.used -= n
	close(g.free)
	g.free = make(chan struct{})
	g.mu.Unlock()
}

// resultBytes estimates what a result holds in memory: its file's bytes
// and the text read from it.
func resultBytes(r result) int64 {
	n := r.bytes
	if r.entry == nil || r.entry.Doc == nil {
		return n
	}
	doc := r.entry.Doc
	for _, b := range doc.Body {
		n += int64(len(b.Para.Text))
	}
	for _, t := range doc.Tables {
		for _, c := range t.Cells {
			n += 2 * int64(len(c.Text)) // Text and its Paras
		}
	}
	return n
}

// memoryGuard is the second line behind the per-file limits: when the
// heap passes max, every file being read is failed and its reader
// cancelled, before the machine runs out.
type memoryGuard struct {
	max     uint64
	mu      sync.Mutex
	cancels map[*int]context.CancelCauseFunc
}

func newMemoryGuard(max int64) *memoryGuard {
	return &memoryGuard{max: uint64(max), cancels: map[*int]context.CancelCauseFunc{}}
}

// file returns a context for reading one file, cancelled when the guard
// trips, and the function that ends it.
func (g *memoryGuard) file(ctx context.Context) (context.Context, func()) {
	ctx, cancel := context.WithCancelCause(ctx)
	if g == nil || g.max == 0 {
		return ctx, func() { cancel(nil) }
	}
	key := new(int)
	g.mu.Lock()
	g.cancels[key] = cancel
	g.mu.Unlock()
	return ctx, func() {
		g.mu.Lock()
		delete(g.cancels, key)
		g.mu.Unlock()
		cancel(nil)
	}
}

// watch samples the heap until ctx is done.
func (g *memoryGuard) watch(ctx context.Context, every time.Duration) {
	if g == nil || g.max == 0 {
		return
	}
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		metrics.Read(sample)
		if sample[0].Value.Kind() != metrics.KindUint64 {
			return
		}
		if sample[0].Value.Uint64() <= g.max {
			continue
		}
		// Garbage counts until it is collected: only a live heap over the
		// limit fails files.
		runtime.GC()
		metrics.Read(sample)
		if heap := sample[0].Value.Uint64(); heap > g.max {
			err := &model.LimitError{What: fmt.Sprintf("bytes of memory in use (%d MiB) while it was read", heap>>20), Limit: int64(g.max), Flag: "memory-limit"}
			g.mu.Lock()
			for k, cancel := range g.cancels {
				cancel(err)
				delete(g.cancels, k)
			}
			g.mu.Unlock()
		}
	}
}

type guardKey struct{}

// withGuard returns a context that carries g to parse.
func withGuard(ctx context.Context, g *memoryGuard) context.Context {
	return context.WithValue(ctx, guardKey{}, g)
}

// guardOf returns the guard ctx carries, or nil (no guard: Entry).
func guardOf(ctx context.Context) *memoryGuard {
	g, _ := ctx.Value(guardKey{}).(*memoryGuard)
	return g
}
