//go:build linux

package graph

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/quad"
)

// mappedRSS sums the resident kB of this process's mappings of the file.
func mappedRSS(t *testing.T, path string) int {
	abs, _ := filepath.Abs(path)
	b, err := os.ReadFile("/proc/self/smaps")
	if err != nil {
		t.Skip(err)
	}
	total, in := 0, false
	for _, l := range strings.Split(string(b), "\n") {
		f := strings.Fields(l)
		if len(f) >= 5 && strings.Contains(f[0], "-") && !strings.HasSuffix(f[0], ":") {
			in = len(f) >= 6 && strings.Join(f[5:], " ") == abs
			continue
		}
		if in && len(f) >= 2 && f[0] == "Rss:" {
			n, _ := strconv.Atoi(f[1])
			total += n
		}
	}
	return total
}

// gazetteerStore is a bolt store holding the test gazetteer's quads,
// closed when the test ends.
func gazetteerStore(t *testing.T) *Store {
	t.Helper()
	st, err := Open(BackendBolt+":"+filepath.Join(t.TempDir(), "m.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := st.ReplaceBatch(context.Background(), []Change{{Label: "gazetteer", Quads: GazetteerQuads(testGazetteer(t))}}); err != nil {
		t.Fatal(err)
	}
	return st
}

// After a batch, the store's mapped pages no longer count in the
// process's resident set.
func TestReleaseMapped(t *testing.T) {
	st := gazetteerStore(t)
	ctx := context.Background()
	fi, _ := os.Stat(st.path)
	// Read every quad: the whole file is mapped in.
	n := 0
	if err := st.eachQuad(ctx, func(q quad.Quad) error { n++; return nil }); err != nil {
		t.Fatal(err)
	}
	before := mappedRSS(t, st.path)
	releaseMapped(st.path)
	after := mappedRSS(t, st.path)
	t.Logf("store %d kB, %d quads; its mapped pages resident: %d kB → %d kB", fi.Size()/1024, n, before, after)
	if before == 0 || after != 0 {
		t.Errorf("mapped pages resident: %d kB → %d kB, want some → 0", before, after)
	}
}

// During a write, the store lets go of its mapped pages once the process
// holds more of them than its budget.
func TestWatchMapped(t *testing.T) {
	st := gazetteerStore(t)
	ctx := context.Background()
	read := func() {
		if err := st.eachQuad(ctx, func(q quad.Quad) error { return nil }); err != nil {
			t.Fatal(err)
		}
	}
	// Over budget: the watcher releases the pages a read mapped.
	st.rss = rssBudget{}
	stop := st.watchMapped()
	read()
	released := false
	for i := 0; i < 200 && !released; i++ {
		time.Sleep(5 * time.Millisecond)
		released = mappedRSS(t, st.path) == 0
	}
	stop()
	if !released {
		t.Errorf("with a budget of 0, the store's pages stayed mapped: %d kB", mappedRSS(t, st.path))
	}
	// Within budget: they stay.
	st.rss = rssBudget{total: 1 << 40}
	stop = st.watchMapped()
	read()
	time.Sleep(50 * time.Millisecond)
	stop()
	if kb := mappedRSS(t, st.path); kb == 0 {
		t.Error("within budget, the watcher released the store's pages")
	}
}
