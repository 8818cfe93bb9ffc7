package main

import (
	"math"
	"testing"
)

func TestGCSettings(t *testing.T) {
	const mb = 1 << 20
	for _, c := range []struct {
		live        uint64
		outside     int64
		limit       int64
		wantPercent int
		wantMemory  int64
	}{
		{0, 0, 2048 * mb, -1, 184 * mb},               // before the first collection, outside unknown
		{25 * mb, 0, 2048 * mb, -1, 184 * mb},         // a run of real-sized files
		{25 * mb, 25 * mb, 2048 * mb, -1, 159 * mb},   // SQLite and the program's pages take 25 MB
		{25 * mb, 30 * mb, 2048 * mb, -1, 154 * mb},   // a few more after 20,000 files
		{25 * mb, 150 * mb, 2048 * mb, -1, 92 * mb},   // Go keeps half of the budget
		{76 * mb, 30 * mb, 2048 * mb, -1, 154 * mb},   // under half of 154 MB
		{77 * mb, 31 * mb, 2048 * mb, 100, 2017 * mb}, // half: Go's default, the limit less the outside
		{700 * mb, 0, 2048 * mb, 100, 2048 * mb},
		{25 * mb, 0, 100 * mb, -1, 100 * mb},       // --memory-limit under the budget
		{25 * mb, 30 * mb, 100 * mb, -1, 70 * mb},  // ... which holds the whole process
		{20 * mb, 80 * mb, 100 * mb, -1, 50 * mb},  // Go keeps half of it
		{25 * mb, 30 * mb, 0, -1, 154 * mb},        // --memory-limit 0: none
		{500 * mb, 30 * mb, 0, 100, math.MaxInt64}, // none, a huge file
	} {
		p, m := gcSettings(c.live, c.outside, c.limit)
		if p != c.wantPercent || m != c.wantMemory {
			t.Errorf("gcSettings(%d MB, %d MB, %d MB) = %d, %d MB; want %d, %d MB", c.live/mb, c.outside/mb, c.limit/mb, p, m/mb, c.wantPercent, c.wantMemory/mb)
		}
	}
}
