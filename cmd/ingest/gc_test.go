package main

import (
	"math"
	"testing"
)

func TestGCSettings(t *testing.T) {
	const mb = 1 << 20
	for _, c := range []struct {
		live        uint64
		limit       int64
		wantPercent int
		wantMemory  int64
	}{
		{0, 2048 * mb, -1, 160 * mb},         // before the first collection
		{25 * mb, 2048 * mb, -1, 160 * mb},   // a run of real-sized files
		{79 * mb, 2048 * mb, -1, 160 * mb},   // under half of 160 MB
		{80 * mb, 2048 * mb, 100, 2048 * mb}, // half: Go's default, the limit
		{700 * mb, 2048 * mb, 100, 2048 * mb},
		{25 * mb, 100 * mb, -1, 100 * mb}, // --memory-limit under 192 MB
		{25 * mb, 0, -1, 160 * mb},        // --memory-limit 0: none
		{500 * mb, 0, 100, math.MaxInt64}, // none, a huge file
	} {
		p, m := gcSettings(c.live, c.limit)
		if p != c.wantPercent || m != c.wantMemory {
			t.Errorf("gcSettings(%d MB, %d MB) = %d, %d MB; want %d, %d MB", c.live/mb, c.limit/mb, p, m/mb, c.wantPercent, c.wantMemory/mb)
		}
	}
}
