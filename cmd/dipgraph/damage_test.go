package main

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dipgraph/dipgraph/graph"
)

// TestDamagedPage writes a page of random bytes at a random offset of a
// built store, 50 times, and builds into each copy in a real process:
// every run ends in a clean build or a clear error, never a crash (a
// panic, a fault, a signal) or a hang; `dipgraph check` finds the damage
// that the build refuses. One run in five builds with --verify=false, so
// that the damage meets bolt itself (its panics and faults recovered).
func TestDamagedPage(t *testing.T) {
	if testing.Short() {
		t.Skip("50 builds into damaged stores; run without -short")
	}
	db := builtStoreOf(t, graph.BackendBolt)
	good, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	if r := dipgraph(t, time.Minute, "--db", db, "check"); r.code != 0 || !strings.Contains(r.stdout, ": ok (") {
		t.Fatalf("check of a sound store: %d %s%s", r.code, r.stdout, r.stderr)
	}
	article := "../../testdata/corpus/a02_pompeo-seoul-trilateral.txt"
	const runs, pageSize = 50, 4096
	rng := rand.New(rand.NewSource(17))
	type run struct {
		off  int
		page []byte
	}
	plan := make([]run, runs)
	for i := range plan {
		plan[i].off = rng.Intn(len(good) - pageSize)
		plan[i].page = make([]byte, pageSize)
		rng.Read(plan[i].page)
	}
	dir := t.TempDir()
	var mu sync.Mutex
	outcomes := map[string]int{}
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				p := plan[i]
				path := filepath.Join(dir, fmt.Sprintf("damaged%02d.db", i))
				b := append([]byte(nil), good...)
				copy(b[p.off:], p.page)
				if err := os.WriteFile(path, b, 0o644); err != nil {
					t.Error(err)
					return
				}
				var chk result
				if i%5 == 0 {
					chk = dipgraph(t, time.Minute, "--db", path, "check")
				}
				// One run in five writes without the check first: the
				// store's own reads and writes meet the damage, and must
				// turn what they meet into an error too.
				args := []string{"--db", path, "build", "--lock-wait", "2s", article}
				if i%5 == 2 {
					args = append(args, "--verify=false")
				}
				r := dipgraph(t, time.Minute, args...)
				mu.Lock()
				switch {
				case r.hung:
					t.Errorf("run %d (page at %d): build still running after a minute", i, p.off)
				case r.code == 0:
					outcomes["clean build"]++
				case r.code == 1 && (strings.HasPrefix(r.stderr, "dipgraph: store ") || strings.Contains(r.stderr, "store damaged: ")) && !crashed(r.stderr):
					reason := r.stderr
					switch {
					case strings.Contains(reason, "store damaged: "):
						reason = "store damaged"
					case strings.Contains(reason, "invalid database"), strings.Contains(reason, "not a bolt file"):
						reason = "not a bolt file"
					default:
						reason = strings.TrimSpace(reason)
					}
					outcomes[reason]++
					if i < 3 || i%10 == 0 {
						t.Logf("run %d (page at %d): %s", i, p.off, strings.TrimSpace(r.stderr))
					}
				default:
					t.Errorf("run %d (page at %d): exit %d, not a clear error:\n%.1500s", i, p.off, r.code, r.stderr)
				}
				if i%5 == 0 {
					if chk.code != 0 && chk.code != 1 || crashed(chk.stderr) {
						t.Errorf("run %d: check crashed: exit %d\n%.1000s", i, chk.code, chk.stderr)
					}
					if r.code == 1 && strings.Contains(r.stderr, "store damaged: ") && chk.code != 1 {
						t.Errorf("run %d: build found the store damaged, check did not: %s", i, chk.stdout)
					}
				}
				mu.Unlock()
			}
		}()
	}
	for i := range plan {
		next <- i
	}
	close(next)
	wg.Wait()
	t.Logf("%d runs: %v", runs, outcomes)
}

// crashed reports whether a process's stderr shows a Go crash.
func crashed(stderr string) bool {
	for _, s := range []string{"panic: ", "fatal error: ", "goroutine ", "unexpected fault address", "SIGSEGV", "SIGBUS"} {
		if strings.Contains(stderr, s) {
			return true
		}
	}
	return false
}

// TestDamagedLevelDBStore: a leveldb store with a table overwritten is
// refused by build, naming the store and what is wrong, with nothing
// written; check says it is damaged and exits 1.
func TestDamagedLevelDBStore(t *testing.T) {
	db := builtStoreOf(t, graph.BackendLevelDB)
	tables, err := filepath.Glob(filepath.Join(db, "*.ldb"))
	if err != nil || len(tables) == 0 {
		t.Fatalf("no tables in %s (%v)", db, err)
	}
	var biggest string
	var size int64
	for _, f := range tables {
		if fi, err := os.Stat(f); err == nil && fi.Size() > size {
			biggest, size = f, fi.Size()
		}
	}
	b, err := os.ReadFile(biggest)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewSource(5))
	rng.Read(b[len(b)/3 : len(b)/3+4096])
	if err := os.WriteFile(biggest, b, 0o644); err != nil {
		t.Fatal(err)
	}
	list := func() string {
		ents, _ := os.ReadDir(db)
		var out []string
		for _, e := range ents {
			fi, _ := e.Info()
			out = append(out, fmt.Sprintf("%s %d %s", e.Name(), fi.Size(), fi.ModTime()))
		}
		return strings.Join(out, "\n")
	}
	before := list()
	r := dipgraph(t, time.Minute, "--db", db, "build", "../../testdata/corpus/a02_pompeo-seoul-trilateral.txt")
	if r.code != 1 || !strings.Contains(r.stderr, db) || !strings.Contains(r.stderr, "damaged") || strings.Contains(r.stderr, "panic") {
		t.Errorf("build into a damaged leveldb store: exit %d\n%s", r.code, r.stderr)
	}
	if list() != before {
		t.Errorf("the refused build changed the store:\n%s\nwas\n%s", list(), before)
	}
	r = dipgraph(t, time.Minute, "--db", db, "check")
	if r.code != 1 || !strings.Contains(r.stdout, "damaged") || !strings.Contains(r.stdout, "checksum") {
		t.Errorf("check of a damaged leveldb store: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}
