package main

import (
	"context"
	"math"
	"os"
	"runtime/debug"
	"runtime/metrics"
	"time"
)

// gcResident is the resident memory a run holds itself to while its live
// heap is small. A run's live heap is ~25 MB (the segmenter no longer
// holds the whole dictionary): at Go's default GOGC of 100 the collector
// ran every ~25 MB allocated, 60–70 times over 200 real-sized files, ~10%
// of the run's CPU; and with the goal a multiple of the live heap, the
// peak grew with the largest batch in flight a run met (a longer run
// meets a larger one). A fixed budget lets the heap fill what the rest of
// the process leaves of it before each collection. The rest is counted
// (SQLite's C heap, the program's pages: ~25 MB, a few MB more after
// 20,000 files than after 1,000) so that it is the process that stays
// flat, not only Go's part of it.
const gcResident = 184 << 20

// gcSettings are the collector's settings for a live heap of live bytes,
// outside resident bytes that are not Go's (0 where unknown), and the
// process held under limit bytes (0: no limit). While the live heap is
// under half of what gcResident leaves Go, GOGC is off and the runtime's
// memory limit is that part, so that a collection comes each time the
// heap fills it; past that (a huge file), Go's default GOGC and the
// limit, so that the collector neither runs back to back nor multiplies a
// large heap.
func gcSettings(live uint64, outside, limit int64) (percent int, memory int64) {
	// Go keeps at least half of a budget, however much the rest takes.
	goPart := func(budget int64) int64 {
		return max(budget-outside, budget/2)
	}
	memory = math.MaxInt64
	if limit > 0 {
		memory = goPart(limit)
	}
	if small := min(goPart(gcResident), memory); live < uint64(small/2) {
		return -1, small
	}
	return 100, memory
}

// tuneGC sets the collector from the live heap and the process's resident
// memory every 100 ms, until ctx is done, and then puts back the settings
// it found. A GOGC or GOMEMLIMIT given in the environment is left alone,
// and limit, when given, is then only the runtime's memory limit.
func tuneGC(ctx context.Context, limit int64) {
	_, gogc := os.LookupEnv("GOGC")
	_, gomem := os.LookupEnv("GOMEMLIMIT")
	sample := []metrics.Sample{
		{Name: "/gc/heap/live:bytes"},
		{Name: "/memory/classes/total:bytes"},
		{Name: "/memory/classes/heap/released:bytes"},
	}
	metrics.Read(sample)
	for _, s := range sample {
		if s.Value.Kind() != metrics.KindUint64 {
			gogc = true
		}
	}
	if gogc || gomem {
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
	currentPercent, currentMemory := 0, int64(-1)
	t := time.NewTicker(100 * time.Millisecond)
	defer t.Stop()
	for {
		// What Go's memory limit counts is Go's mapped memory less what it
		// gave back; the rest of the resident memory is the outside.
		var outside int64
		if rss, ok := residentBytes(); ok {
			goBytes := int64(sample[1].Value.Uint64() - sample[2].Value.Uint64())
			outside = max(rss-goBytes, 0)
		}
		p, m := gcSettings(sample[0].Value.Uint64(), outside, limit)
		// A limit that moves by less than a MB is left: the outside is
		// sampled, and its noise is not worth a change.
		if p != currentPercent || m > currentMemory+1<<20 || m < currentMemory-1<<20 {
			// The limit first when the collector goes off, last when it
			// comes back on: never off without a limit.
			if p < 0 {
				debug.SetMemoryLimit(m)
				debug.SetGCPercent(p)
			} else {
				debug.SetGCPercent(p)
				debug.SetMemoryLimit(m)
			}
			currentPercent, currentMemory = p, m
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		metrics.Read(sample)
	}
}
