package main

import (
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/dipgraph/dipgraph/server"
)

// TestLockWaitOutlastsServerTimeout: the writers' default --lock-wait is
// longer than a request of a server at its default --timeout may hold the
// store, so a build or remove with the defaults is not refused behind a
// long query or export; serve warns when its --timeout is too long for it.
func TestLockWaitOutlastsServerTimeout(t *testing.T) {
	gl := &globals{}
	ios := &IO{In: strings.NewReader(""), Out: io.Discard, Err: io.Discard}
	serveTimeout, err := time.ParseDuration(newServe(gl, ios).Flags().Lookup("timeout").DefValue)
	if err != nil {
		t.Fatal(err)
	}
	if serveTimeout != server.DefaultServeTimeout {
		t.Errorf("serve --timeout defaults to %s, the server's default is %s", serveTimeout, server.DefaultServeTimeout)
	}
	for _, c := range []struct {
		name string
		def  string
	}{
		{"build", newBuild(gl, ios).Flags().Lookup("lock-wait").DefValue},
		{"remove", newRemove(gl, ios).Flags().Lookup("lock-wait").DefValue},
	} {
		wait, err := time.ParseDuration(c.def)
		if err != nil {
			t.Fatal(err)
		}
		if need := writerWaitNeeded(serveTimeout); wait < need {
			t.Errorf("%s --lock-wait defaults to %s, less than the %s a request of serve (--timeout %s) may hold the store", c.name, wait, need, serveTimeout)
		}
	}
	for _, tc := range []struct {
		timeout time.Duration
		warn    bool
	}{
		{server.DefaultServeTimeout, false},
		{defaultLockWait - 2*time.Second, false},
		{defaultLockWait, true},
		{time.Minute, true},
	} {
		if got := writerWaitNeeded(tc.timeout) > defaultLockWait; got != tc.warn {
			t.Errorf("serve --timeout %s: warning %v, want %v", tc.timeout, got, tc.warn)
		}
	}
}

// TestWriterOutwaitsRunawayQuery: a query that runs until the server
// stops it holds the store for the server's whole --timeout (default
// 10s); `remove` with its default --lock-wait gets in behind it, where the
// old default (5s) was refused.
func TestWriterOutwaitsRunawayQuery(t *testing.T) {
	if testing.Short() {
		t.Skip("runs two queries for the server's default 10s time limit; run without -short")
	}
	db := builtStore(t)
	base, _, exited, serverLog := serveProcess(t, "--db", db, "--quiet")
	runaway := func() <-chan string {
		done := make(chan string, 1)
		go func() {
			resp, err := http.Post(base+"/api/v1/query/gizmo", "text/plain", strings.NewReader(`while (true) {}`))
			if err != nil {
				done <- err.Error()
				return
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			done <- resp.Status + " " + string(b)
		}()
		time.Sleep(time.Second) // the query's process holds the store
		return done
	}
	// The old default: refused while the query runs.
	q := runaway()
	r := dipgraph(t, time.Minute, "--db", db, "remove", "--lock-wait", "5s", "a01_moon-trump-seoul-summit")
	if r.code != 1 || !strings.Contains(r.stderr, "in use") {
		t.Errorf("remove --lock-wait 5s behind a 10s query: exit %d after %s: %s", r.code, r.took.Round(time.Millisecond), r.stderr)
	}
	t.Logf("the query: %.120s", <-q)
	// The default: it waits the query out.
	q = runaway()
	r = dipgraph(t, time.Minute, "--db", db, "remove", "a01_moon-trump-seoul-summit")
	if r.code != 0 {
		t.Errorf("remove with the default --lock-wait (%s) behind a 10s query: exit %d after %s: %s", defaultLockWait, r.code, r.took.Round(time.Millisecond), r.stderr)
	}
	if r.took < 5*time.Second {
		t.Errorf("remove took %s: it did not wait for the query (did the query hold the store?)", r.took.Round(time.Millisecond))
	}
	t.Logf("remove got in after %s; the query: %.120s", r.took.Round(time.Millisecond), <-q)
	select {
	case <-exited:
		t.Fatalf("the server exited:\n%s", serverLog.String())
	default:
	}
}
