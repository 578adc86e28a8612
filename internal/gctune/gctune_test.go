package gctune

import (
	"math"
	"runtime/debug"
	"testing"
)

// The GC settings apply unless the environment sets GOGC or GOMEMLIMIT.
func TestGCSettings(t *testing.T) {
	for _, tc := range []struct {
		name           string
		set            func()
		gogc, memlimit string
		percent        int
		limit          int64
	}{
		{"build", Build, "", "", 200, 512 << 20},
		{"extract", Extract, "", "", -1, 256 << 20},
		{"extract, GOGC set", Extract, "150", "", 77, 256 << 20},
		{"build, GOMEMLIMIT set", Build, "", "1GiB", 200, math.MaxInt64},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("GOGC", tc.gogc)
			t.Setenv("GOMEMLIMIT", tc.memlimit)
			oldPercent := debug.SetGCPercent(77)
			oldLimit := debug.SetMemoryLimit(math.MaxInt64)
			defer func() {
				debug.SetGCPercent(oldPercent)
				debug.SetMemoryLimit(oldLimit)
			}()
			tc.set()
			if got := debug.SetGCPercent(77); got != tc.percent {
				t.Errorf("GC percent %d, want %d", got, tc.percent)
			}
			if got := debug.SetMemoryLimit(-1); got != tc.limit {
				t.Errorf("memory limit %d, want %d", got, tc.limit)
			}
		})
	}
}
