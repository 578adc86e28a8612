package server

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand"
	"net"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dipgraph/dipgraph/internal/graphtest"
)

// loadRequest is one request of the load test; good ones must succeed.
type loadRequest struct {
	name   string
	method string
	path   string
	body   []byte
	good   bool
}

func loadRequests(rng *rand.Rand) []loadRequest {
	big := bytes.Repeat([]byte("g.V()."), 400000) // 2.4 MB, over the body limit
	junk := make([]byte, 512)
	rng.Read(junk)
	return []loadRequest{
		{"met by id", "POST", "/api/v1/query/gizmo", []byte(`g.V("<official/moon-jae-in>").Out("<met>").Unique().All()`), true},
		{"names", "POST", "/api/v1/query/gizmo?limit=50", []byte(`g.V().Has("<type>", "<Official>").Out("<name>").All()`), true},
		{"count", "POST", "/api/v1/query/gizmo", []byte(`g.V().Has("<type>", "<Meeting>").Count()`), true},
		{"met endpoint", "GET", "/api/v1/met?name=Trump", nil, true},
		{"index", "GET", "/", nil, true},
		{"syntax error", "POST", "/api/v1/query/gizmo", []byte(`g.V(`), false},
		{"random bytes", "POST", "/api/v1/query/gizmo", junk, false},
		{"empty body", "POST", "/api/v1/query/gizmo", nil, false},
		{"body too large", "POST", "/api/v1/query/gizmo", big, false},
		{"bad limit", "POST", "/api/v1/query/gizmo?limit=lots", []byte(`g.V().All()`), false},
		{"huge result", "POST", "/api/v1/query/gizmo?limit=100000", []byte(`g.V().Out().Out().All()`), false},
		{"require fs", "POST", "/api/v1/query/gizmo", []byte(`var fs = require("fs"); fs.readFileSync("/etc/passwd")`), false},
		{"network", "POST", "/api/v1/query/gizmo", []byte(`fetch("http://127.0.0.1:1/"); new XMLHttpRequest()`), false},
		{"write quad", "POST", "/api/v1/query/gizmo", []byte(`g.AddQuad("<a>", "<b>", "<c>"); graph.Write()`), false},
		{"write endpoint", "POST", "/api/v1/write", []byte(`[{"subject":"<a>","predicate":"<b>","object":"<c>"}]`), false},
		{"no name", "GET", "/api/v1/met", nil, false},
		{"unknown name", "GET", "/api/v1/met?name=%FF%FE", nil, false},
		{"unknown path", "GET", "/api/v9/everything", nil, false},
		{"wrong method", "DELETE", "/api/v1/query/gizmo", nil, false},
		{"long url", "GET", "/api/v1/met?name=" + strings.Repeat("a", 6000), nil, false},
	}
}

// TestServeLoad sends 10,000 requests of good and garbage queries from 8
// clients to a server on loopback: every good query succeeds, the server
// stays up, a few runaway queries stop at the time limit, and the heap and
// the goroutines come back to where they were.
func TestServeLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("10,000 requests; run without -short")
	}
	db := graphtest.CorpusBoltFile(t)
	srv, err := New(db, Options{Timeout: 2 * time.Second, Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + ln.Addr().String()
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ctx, ln) }()
	defer func() {
		cancel()
		if err := <-served; err != nil {
			t.Errorf("serve: %v", err)
		}
	}()
	tr := &http.Transport{MaxIdleConnsPerHost: 16}
	cl := &http.Client{Timeout: 30 * time.Second, Transport: tr}
	send := func(r loadRequest) (int, []byte, error) {
		req, err := http.NewRequest(r.method, base+r.path, bytes.NewReader(r.body))
		if err != nil {
			return 0, nil, err
		}
		resp, err := cl.Do(req)
		if err != nil {
			return 0, nil, err
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		return resp.StatusCode, b, err
	}

	rng := rand.New(rand.NewSource(1))
	reqs := loadRequests(rng)
	// Runaway queries, a few: each holds a client for the 2s limit.
	runaways := []loadRequest{
		{"endless loop", "POST", "/api/v1/query/gizmo", []byte(`while (true) {}`), false},
		{"deep traversal", "POST", "/api/v1/query/gizmo", []byte(`g.V().Out().Out().Out().Out().Out().Out().Out().Out().Out().Out().Count()`), false},
	}
	const total, workers, warmup = 10000, 8, 1000
	plan := make([]loadRequest, total)
	for i := range plan {
		plan[i] = reqs[rng.Intn(len(reqs))]
		if i%500 == 250 {
			plan[i] = runaways[(i/500)%len(runaways)]
		}
	}
	run := func(part []loadRequest) (goodFailed, transport int, statuses map[string]map[int]int) {
		statuses = map[string]map[int]int{}
		var mu sync.Mutex
		var wg sync.WaitGroup
		next := make(chan loadRequest)
		for w := 0; w < workers; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for r := range next {
					code, body, err := send(r)
					mu.Lock()
					if statuses[r.name] == nil {
						statuses[r.name] = map[int]int{}
					}
					statuses[r.name][code]++
					switch {
					case err != nil:
						transport++
						if transport <= 3 {
							t.Errorf("%s: %v", r.name, err)
						}
					// A good query that meets the time limit on a loaded
					// machine answers 400 timed_out, as Cayley answers it.
					case r.good && (code != http.StatusOK || bytes.Contains(body, []byte(`"error"`))) && !bytes.Contains(body, []byte(`"timed_out":true`)):
						goodFailed++
						if goodFailed <= 3 {
							t.Errorf("good query %s: %d %.200s", r.name, code, body)
						}
					case !r.good && code >= 500 && code != http.StatusServiceUnavailable && code != http.StatusGatewayTimeout:
						t.Errorf("%s: server error %d %.200s", r.name, code, body)
					}
					mu.Unlock()
				}
			}()
		}
		for _, r := range part {
			next <- r
		}
		close(next)
		wg.Wait()
		return goodFailed, transport, statuses
	}

	if g, tr, _ := run(plan[:warmup]); g+tr > 0 {
		t.Fatalf("warm-up: %d good queries failed, %d transport errors", g, tr)
	}
	tr.CloseIdleConnections()
	heap0, gor0 := settledHeap()
	start := time.Now()
	goodFailed, transport, statuses := run(plan[warmup:])
	took := time.Since(start)
	tr.CloseIdleConnections()
	heap1, gor1 := settledHeap()
	t.Logf("%d requests in %s (%d clients); heap %.1f → %.1f MB, goroutines %d → %d", total-warmup, took.Round(time.Millisecond), workers, float64(heap0)/(1<<20), float64(heap1)/(1<<20), gor0, gor1)
	var lines []string
	for name, codes := range statuses {
		lines = append(lines, fmt.Sprintf("%s %v", name, codes))
	}
	t.Logf("statuses:\n%s", strings.Join(lines, "\n"))
	if goodFailed > 0 || transport > 0 {
		t.Errorf("%d good queries failed, %d transport errors", goodFailed, transport)
	}
	for _, name := range []string{"endless loop", "deep traversal"} {
		if statuses[name][http.StatusBadRequest] == 0 {
			t.Errorf("runaway %s: %v, want 400 with timed_out, as Cayley answers", name, statuses[name])
		}
	}
	if statuses["body too large"][http.StatusRequestEntityTooLarge] == 0 {
		t.Errorf("body too large: %v, want 413", statuses["body too large"])
	}
	if statuses["write endpoint"][http.StatusForbidden] == 0 {
		t.Errorf("write endpoint: %v, want 403", statuses["write endpoint"])
	}
	if heap1 > heap0+16<<20 {
		t.Errorf("heap grew from %d to %d bytes over %d requests", heap0, heap1, total-warmup)
	}
	if gor1 > gor0+4 {
		t.Errorf("goroutines grew from %d to %d", gor0, gor1)
	}
	// The store is as it was: the hostile queries wrote nothing.
	code, body, err := send(loadRequest{method: "POST", path: "/api/v1/query/gizmo", body: []byte(`g.V("<a>").Out("<b>").All()`)})
	var out struct {
		Result []any `json:"result"`
	}
	if err != nil || code != http.StatusOK || json.Unmarshal(body, &out) != nil || len(out.Result) != 0 {
		t.Errorf("after the load: %d %s %v", code, body, err)
	}
}

// settledHeap returns the live heap and the goroutine count once stopped
// queries have ended and the garbage is collected.
func settledHeap() (uint64, int) {
	var ms runtime.MemStats
	var n int
	for i := 0; i < 20; i++ {
		runtime.GC()
		n = runtime.NumGoroutine()
		time.Sleep(100 * time.Millisecond)
		if runtime.NumGoroutine() == n && i >= 3 {
			break
		}
	}
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc, n
}
