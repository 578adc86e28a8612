package main

import (
	"bytes"
	"io"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestWritersGetIn: while 16 clients query a server in tight loops,
// `remove` and `build` of one article get the store within --lock-wait,
// 10 times out of 10, and no reader ever sees part of the article.
func TestWritersGetIn(t *testing.T) {
	if testing.Short() {
		t.Skip("20 writes under 16 busy clients; run without -short")
	}
	db := builtStore(t)
	const article = "a01_moon-trump-seoul-summit"
	file := "../../testdata/corpus/" + article + ".txt"
	label := []byte("<article/" + article + "> .")
	count := func(nq []byte) int { return bytes.Count(nq, label) }
	r := dipgraph(t, 2*time.Minute, "--db", db, "export", "--format", "nquads", "--base", "") // the store's own short IRIs, as the server exports them
	whole := count([]byte(r.stdout))
	if r.code != 0 || whole == 0 {
		t.Fatalf("export: exit %d, %d quads labelled %s\n%s", r.code, whole, label, r.stderr)
	}
	// A writer waits for the requests already in: its --lock-wait (5s)
	// must be longer than the server's --timeout (1s), with room for a
	// busy machine (other test packages run beside this one).
	base, _, exited, serverLog := serveProcess(t, "--db", db, "--quiet", "--lock-wait", "2s", "--timeout", "1s")
	cl := &http.Client{Timeout: 30 * time.Second}
	get := func(path string) (int, []byte, error) {
		resp, err := cl.Get(base + path)
		if err != nil {
			return 0, nil, err
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		return resp.StatusCode, b, err
	}

	stop := make(chan struct{})
	var wg sync.WaitGroup
	var reads, busy, slow, partial, failed atomic.Int64
	client := func(kind int) {
		defer wg.Done()
		for {
			select {
			case <-stop:
				return
			default:
			}
			var code int
			var body []byte
			var err error
			switch kind % 4 {
			case 0, 1: // the whole store, checked for a half-written article
				code, body, err = get("/api/v1/export?format=nquads")
				if err == nil && code == http.StatusOK {
					if n := count(body); n != 0 && n != whole {
						if partial.Add(1) == 1 {
							t.Errorf("a reader saw %d of the article's %d quads", n, whole)
						}
					}
				}
			case 2:
				code, body, err = get("/api/v1/met?name=Moon+Jae-in")
			case 3:
				var resp *http.Response
				resp, err = cl.Post(base+"/api/v1/query/gizmo", "text/plain", strings.NewReader(`g.V("<official/moon-jae-in>").Out("<met>").All()`))
				if err == nil {
					code = resp.StatusCode
					body, _ = io.ReadAll(resp.Body)
					resp.Body.Close()
				}
			}
			reads.Add(1)
			switch {
			case err != nil:
				failed.Add(1)
			case code == http.StatusServiceUnavailable:
				busy.Add(1)
			case code == http.StatusGatewayTimeout:
				slow.Add(1) // a busy machine: the request met its time limit
			case code >= 500:
				if failed.Add(1) <= 3 {
					t.Errorf("reader: %d %.200s", code, body)
				}
			}
		}
	}
	for i := 0; i < 16; i++ {
		wg.Add(1)
		go client(i)
	}
	time.Sleep(500 * time.Millisecond) // the clients are in their loops
	got := 0
	var slowest time.Duration
	for i := 0; i < 10; i++ {
		ok := true
		for _, args := range [][]string{
			{"--db", db, "remove", "--lock-wait", "5s", article},
			{"--db", db, "build", "--lock-wait", "5s", file},
		} {
			r := dipgraph(t, time.Minute, args...)
			slowest = max(slowest, r.took)
			if r.code != 0 {
				ok = false
				t.Errorf("try %d: %s: exit %d after %s: %s", i+1, args[2], r.code, r.took.Round(time.Millisecond), r.stderr)
			}
		}
		if ok {
			got++
		}
	}
	close(stop)
	wg.Wait()
	select {
	case <-exited:
		t.Fatalf("the server exited:\n%s", serverLog.String())
	default:
	}
	t.Logf("writers got in %d/10 times (slowest command %s); %d reads, %d answered 503 while a writer held the store, %d met their time limit, %d failed",
		got, slowest.Round(time.Millisecond), reads.Load(), busy.Load(), slow.Load(), failed.Load())
	if got != 10 {
		t.Errorf("writers got in %d/10 times, want 10", got)
	}
	if failed.Load() > 0 {
		t.Errorf("%d reads failed", failed.Load())
	}
}
