package main

import (
	"context"
	"os"
	"runtime/debug"
	"runtime/metrics"
	"time"
)

// gcHeadroom is the heap the collector may let garbage fill while the live
// heap is small. Since the segmenter stopped loading the whole dictionary,
// a run's live heap is ~25 MB: at Go's default GOGC of 100 the collector
// ran every ~25 MB allocated, 60–70 times over 200 real-sized files, and
// cost ~10% of the run's CPU.
const gcHeadroom = 256 << 20

// gcPercent is the GOGC for a live heap of live bytes: as much as brings
// the heap's goal to gcHeadroom, between Go's default, 100, and 400. A
// large live heap (a huge file) gets the default, so its peak is not
// multiplied.
func gcPercent(live uint64) int {
	if live == 0 {
		return 400
	}
	p := int(100 * (float64(gcHeadroom)/float64(live) - 1))
	return min(max(p, 100), 400)
}

// tuneGC sets the collector's GOGC from the live heap after each
// collection, every 100 ms, until ctx is done. It leaves a GOGC given in
// the environment alone.
func tuneGC(ctx context.Context) {
	if _, set := os.LookupEnv("GOGC"); set {
		return
	}
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	current := -1
	t := time.NewTicker(100 * time.Millisecond)
	defer t.Stop()
	for {
		metrics.Read(sample)
		if sample[0].Value.Kind() != metrics.KindUint64 {
			return
		}
		if p := gcPercent(sample[0].Value.Uint64()); p != current {
			debug.SetGCPercent(p)
			current = p
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
