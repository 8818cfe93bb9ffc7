package main

import "testing"

func TestGCPercent(t *testing.T) {
	const mb = 1 << 20
	for _, c := range []struct {
		live uint64
		want int
	}{
		{0, 400},            // before the first collection
		{25 * mb, 400},      // a run of real-sized files: goal 125 MB
		{256 * mb / 5, 400}, // 256/51.2 - 1 = 4: goal 256 MB
		{64 * mb, 300},      // goal 256 MB
		{128 * mb, 100},     // goal 256 MB, Go's default
		{200 * mb, 100},     // a huge file: the default, goal 400 MB
		{4096 * mb, 100},    // never below the default
	} {
		if got := gcPercent(c.live); got != c.want {
			t.Errorf("gcPercent(%d MB) = %d, want %d", c.live/mb, got, c.want)
		}
	}
}
