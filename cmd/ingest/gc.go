package main

import (
	"context"
	"math"
	"os"
	"runtime/debug"
	"runtime/metrics"
	"time"
)

// gcHeap is the heap a run lets the collector fill before it collects,
// while the live heap is small. A run's live heap is ~25 MB (the segmenter
// no longer holds the whole dictionary): at Go's default GOGC of 100 the
// collector ran every ~25 MB allocated, 60–70 times over 200 real-sized
// files, ~10% of the run's CPU; and with the goal a multiple of the live
// heap, the peak grew with the largest batch in flight a run met (a
// longer run meets a larger one). A fixed heap holds Go's part of the peak
// at gcHeap however long the run (BENCHMARKS.md: 185 MB at 1,000 files,
// 199 MB at 20,000, the rest outside Go).
const gcHeap = 160 << 20

// gcSettings are the collector's settings for a live heap of live bytes,
// the process held under limit bytes (0: no limit): GOGC off and the
// runtime's memory limit at gcHeap while the live heap is under half of
// it, so that a collection comes each time the heap reaches gcHeap; past
// that (a huge file), Go's default GOGC and the limit, so that the
// collector neither runs back to back nor multiplies a large heap.
func gcSettings(live uint64, limit int64) (percent int, memory int64) {
	if limit <= 0 {
		limit = math.MaxInt64
	}
	if live < gcHeap/2 {
		return -1, min(gcHeap, limit)
	}
	return 100, limit
}

// tuneGC sets the collector from the live heap after each collection,
// every 100 ms, until ctx is done, and then puts back the settings it
// found. A GOGC or GOMEMLIMIT given in the environment is left alone, and
// limit, when given, is then only the runtime's memory limit.
func tuneGC(ctx context.Context, limit int64) {
	_, gogc := os.LookupEnv("GOGC")
	_, gomem := os.LookupEnv("GOMEMLIMIT")
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(sample)
	if gogc || gomem || sample[0].Value.Kind() != metrics.KindUint64 {
		if limit > 0 && !gomem {
			debug.SetMemoryLimit(limit)
		}
		return
	}
	oldPercent := debug.SetGCPercent(100)
	oldMemory := debug.SetMemoryLimit(-1)
	defer func() {
		debug.SetGCPercent(oldPercent)
		debug.SetMemoryLimit(oldMemory)
	}()
	current := 0
	t := time.NewTicker(100 * time.Millisecond)
	defer t.Stop()
	for {
		if p, m := gcSettings(sample[0].Value.Uint64(), limit); p != current {
			// The limit first when the collector goes off, last when it
			// comes back on: never off without a limit.
			if p < 0 {
				debug.SetMemoryLimit(m)
				debug.SetGCPercent(p)
			} else {
				debug.SetGCPercent(p)
				debug.SetMemoryLimit(m)
			}
			current = p
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		metrics.Read(sample)
	}
}
