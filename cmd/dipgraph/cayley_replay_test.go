package main

// The same requests against `dipgraph serve` and against Cayley's own
// `cayley http` (built from the module cache as bench/run builds it) over
// the same quads: the status codes and the JSON shapes must agree.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// cayleyBinary returns Cayley's `cayley` command of the version in go.mod:
// $DIPGRAPH_CAYLEY, bench/out/cayley, or one built once into the user's
// cache. It skips the test when the command cannot be built, unless CI is
// set.
func cayleyBinary(t *testing.T) string {
	t.Helper()
	fail := func(format string, args ...any) {
		t.Helper()
		if os.Getenv("CI") != "" {
			t.Fatalf(format, args...)
		}
		t.Skipf(format+" (skipped; set CI to make this a failure)", args...)
	}
	if p := os.Getenv("DIPGRAPH_CAYLEY"); p != "" {
		return p
	}
	if p, err := filepath.Abs("../../bench/out/cayley"); err == nil {
		if fi, err := os.Stat(p); err == nil && fi.Mode()&0o111 != 0 {
			return p
		}
	}
	ver, err := exec.Command("go", "list", "-m", "-f", "{{.Version}}", "github.com/cayleygraph/cayley").Output()
	if err != nil {
		fail("go list the Cayley version: %v", err)
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	bin := filepath.Join(cache, "dipgraph-test", "cayley-"+strings.TrimSpace(string(ver)))
	if _, err := os.Stat(bin); err == nil {
		return bin
	}
	if testing.Short() {
		t.Skip("building Cayley's cayley command takes minutes; run without -short (or set DIPGRAPH_CAYLEY)")
	}
	src := t.TempDir()
	if err := os.WriteFile(filepath.Join(src, "go.mod"), []byte("module cayleybin\n\ngo 1.21\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Minute)
	defer cancel()
	for _, args := range [][]string{
		{"get", "github.com/cayleygraph/cayley/cmd/cayley@" + strings.TrimSpace(string(ver))},
		{"build", "-o", bin + ".tmp", "github.com/cayleygraph/cayley/cmd/cayley"},
	} {
		cmd := exec.CommandContext(ctx, "go", args...)
		cmd.Dir = src
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "CGO_ENABLED=0")
		if out, err := cmd.CombinedOutput(); err != nil {
			fail("build Cayley's cayley command: go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	if err := os.Rename(bin+".tmp", bin); err != nil {
		t.Fatal(err)
	}
	return bin
}

// cayleyHTTP starts `cayley http` over an in-memory store loaded with the
// N-Quads file nq, on a free loopback port; it returns the base URL.
func cayleyHTTP(t *testing.T, bin, nq string, timeout time.Duration) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	cmd := exec.Command(bin, "http", "-d", "memstore", "-i", nq, "--host", addr, "--timeout", timeout.String(), "--logtostderr=false")
	var stderr lockedBuffer
	cmd.Stdout, cmd.Stderr = &stderr, &stderr
	done := startProcess(t, cmd)
	base := "http://" + addr
	for deadline := time.Now().Add(time.Minute); ; {
		resp, err := http.Get(base + "/api/v2/formats")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return base
			}
		}
		select {
		case <-done:
			t.Fatalf("cayley http exited: %s", stderr.String())
		case <-time.After(100 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("cayley http did not answer within a minute: %v\n%s", err, stderr.String())
		}
	}
}

// replayRequest is one request sent to both servers.
//
// status is the status both answer, unless cayleyStatus says Cayley's.
// Cayley v0.7.7's handlers answer errors 400 {"error": …}, but its
// LogRequest wrapper (internal/http) drops WriteHeader, so the running
// `cayley http` answers them 200 with the same body: a Cayley client
// finds errors by the "error" key, which dipgraph's 400 answers carry too.
type replayRequest struct {
	name, method, path, body string
	status                   int // dipgraph's, and Cayley's unless cayleyStatus
	cayleyStatus             int
	differs                  bool // a documented difference: compare statuses only
	noJSON                   bool // Cayley's answer is not JSON (plain-text 404/405): compare statuses only
	// same, if set, compares the answers instead of sameResult.
	same func(cay, dip any) error
}

// dipgraphExtra tells the keys dipgraph adds to Cayley's answers.
func dipgraphExtra(key string) bool {
	switch key {
	case "truncated", "limit", "note", "timed_out", "killed":
		return true
	}
	return false
}

// jsonShape describes v's type: objects by their keys, arrays by the set
// of their elements' shapes, strings, numbers, booleans and null by name.
// In a dipgraph answer (dip) the keys dipgraph adds are left out.
func jsonShape(v any, dip bool) string {
	switch v := v.(type) {
	case map[string]any:
		var keys []string
		for k, e := range v {
			if dip && dipgraphExtra(k) {
				continue
			}
			keys = append(keys, k+":"+jsonShape(e, dip))
		}
		sort.Strings(keys)
		return "{" + strings.Join(keys, ",") + "}"
	case []any:
		set := map[string]bool{}
		for _, e := range v {
			set[jsonShape(e, dip)] = true
		}
		var s []string
		for k := range set {
			s = append(s, k)
		}
		sort.Strings(s)
		return "[" + strings.Join(s, "|") + "]"
	case string:
		return "string"
	case float64:
		return "number"
	case bool:
		return "bool"
	case nil:
		return "null"
	}
	return fmt.Sprintf("%T", v)
}

// sameResult compares two decoded answers: the same shape, and for a
// {"result": […]} the same number of results. Cayley answers no results
// as "result": null, dipgraph as "result": [].
func sameResult(cay, dip any) error {
	cs, ds := jsonShape(cay, false), jsonShape(dip, true)
	if cm, ok := cay.(map[string]any); ok {
		if dm, ok := dip.(map[string]any); ok {
			if _, has := cm["result"]; has && cm["result"] == nil {
				if r, ok := dm["result"].([]any); ok && len(r) == 0 {
					return nil
				}
			}
			cr, cok := cm["result"].([]any)
			dr, dok := dm["result"].([]any)
			if cok && dok && len(cr) != len(dr) {
				return fmt.Errorf("%d results from Cayley, %d from dipgraph", len(cr), len(dr))
			}
		}
	}
	if cs != ds {
		return fmt.Errorf("shapes differ:\n  cayley   %s\n  dipgraph %s", cs, ds)
	}
	return nil
}

// sameFormats compares two /api/v2/formats answers: arrays of objects
// with a string id, dipgraph's keys among Cayley's (the formats differ:
// Cayley lists its quad formats, dipgraph its exports).
func sameFormats(cay, dip any) error {
	keys := map[string]string{}
	ca, _ := cay.([]any)
	for _, e := range ca {
		for k, v := range e.(map[string]any) {
			keys[k] = jsonShape(v, false)
		}
	}
	da, ok := dip.([]any)
	if !ok || len(da) == 0 || len(ca) == 0 {
		return fmt.Errorf("want non-empty arrays")
	}
	for _, e := range da {
		m, ok := e.(map[string]any)
		if id, _ := m["id"].(string); !ok || id == "" {
			return fmt.Errorf("dipgraph format %v has no id", e)
		}
		for k, v := range m {
			if s, ok := keys[k]; !ok || s != jsonShape(v, false) {
				return fmt.Errorf("dipgraph format %v: key %s (%s) is not Cayley's (%q)", m["id"], k, jsonShape(v, false), s)
			}
		}
	}
	return nil
}

func TestServeReplaysCayleyHTTP(t *testing.T) {
	bin := cayleyBinary(t)
	const timeout = 2 * time.Second
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	if r := runInProcess(t, terminals{}, "--db", db, "build", "../../examples/articles"); r.code != 0 {
		t.Fatalf("build: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r := runInProcess(t, terminals{}, "--db", db, "export", "--format", "nquads", "--base", "")
	if r.code != 0 || !strings.Contains(r.stdout, "<official/christopher-landau>") {
		t.Fatalf("export: %d\n%.300s%s", r.code, r.stdout, r.stderr)
	}
	nq := filepath.Join(dir, "s.nq")
	if err := os.WriteFile(nq, []byte(r.stdout), 0o644); err != nil {
		t.Fatal(err)
	}
	cay := cayleyHTTP(t, bin, nq, timeout)
	dip, _, _, _ := serveProcess(t, "--db", db, "--timeout", timeout.String(), "--quiet")

	const (
		met       = `g.V("<official/christopher-landau>").Out("<met>").Unique().Out("<name>").All()`
		meetings  = `g.V("<official/christopher-landau>").In("<participant>").Save("<date>", "date").Save("<kind>", "kind").Save("<status>", "status").All()`
		everyNode = `g.V().All()`
		syntax    = `g.V(`
		runtime   = `g.V().Foo()`
		runaway   = `while (true) {}`
	)
	v2 := func(q string) string { return "/api/v2/query?lang=gizmo&qu=" + url.QueryEscape(q) }
	requests := []replayRequest{
		{name: "v1 success", method: "POST", path: "/api/v1/query/gizmo", body: met, status: 200},
		{name: "v1 success with saved tags", method: "POST", path: "/api/v1/query/gizmo", body: meetings, status: 200},
		{name: "v1 emit", method: "POST", path: "/api/v1/query/gizmo", body: `g.emit({n: 1, s: "x", b: true, a: [1, 2]})`, status: 200},
		{name: "v1 no results", method: "POST", path: "/api/v1/query/gizmo", body: `g.V("<official/nobody>").Out("<name>").All()`, status: 200},
		{name: "v1 default limit (100)", method: "POST", path: "/api/v1/query/gizmo", body: everyNode, status: 200},
		{name: "v1 limit", method: "POST", path: "/api/v1/query/gizmo?limit=3", body: everyNode, status: 200},
		{name: "v1 limit above the results", method: "POST", path: "/api/v1/query/gizmo?limit=500", body: met, status: 200},
		{name: "v1 syntax error", method: "POST", path: "/api/v1/query/gizmo", body: syntax, status: 400, cayleyStatus: 200},
		{name: "v1 runtime error", method: "POST", path: "/api/v1/query/gizmo", body: runtime, status: 400, cayleyStatus: 200},
		{name: "v1 timeout", method: "POST", path: "/api/v1/query/gizmo", body: runaway, status: 400, cayleyStatus: 200},
		{name: "v1 unknown language", method: "POST", path: "/api/v1/query/klingon", body: met, status: 400, cayleyStatus: 200},
		{name: "v1 GET", method: "GET", path: "/api/v1/query/gizmo", status: 405, noJSON: true},
		{name: "v2 GET success", method: "GET", path: v2(met), status: 200},
		{name: "v2 POST success", method: "POST", path: "/api/v2/query?lang=gizmo", body: meetings, status: 200},
		{name: "v2 limit (100)", method: "GET", path: v2(everyNode), status: 200},
		{name: "v2 syntax error", method: "GET", path: v2(syntax), status: 400, cayleyStatus: 200},
		{name: "v2 runtime error", method: "POST", path: "/api/v2/query?lang=gizmo", body: runtime, status: 400, cayleyStatus: 200},
		{name: "v2 timeout", method: "POST", path: "/api/v2/query?lang=gizmo", body: runaway, status: 400, cayleyStatus: 200},
		{name: "v2 empty query", method: "GET", path: "/api/v2/query?lang=gizmo", status: 400, cayleyStatus: 200},
		{name: "v2 no language", method: "GET", path: "/api/v2/query?qu=1", status: 400, cayleyStatus: 200},
		{name: "v2 unknown language", method: "GET", path: "/api/v2/query?lang=klingon&qu=1", status: 400, cayleyStatus: 200},
		{name: "v2 formats", method: "GET", path: "/api/v2/formats", status: 200, same: sameFormats},
		{name: "unknown API path", method: "GET", path: "/api/v1/nothing", status: 404, noJSON: true},
		// Cayley's shape API runs the script with no time limit; dipgraph
		// does not serve it.
		{name: "v1 shape", method: "POST", path: "/api/v1/shape/gizmo", body: met, status: 501, cayleyStatus: 200, differs: true},
	}
	cl := &http.Client{Timeout: 30 * time.Second}
	send := func(base string, rq replayRequest) (int, any, string, error) {
		req, err := http.NewRequest(rq.method, base+rq.path, strings.NewReader(rq.body))
		if err != nil {
			return 0, nil, "", err
		}
		resp, err := cl.Do(req)
		if err != nil {
			return 0, nil, "", err
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		if err != nil {
			return 0, nil, "", err
		}
		var v any
		if err := json.NewDecoder(bytes.NewReader(b)).Decode(&v); err != nil {
			return resp.StatusCode, nil, string(b), fmt.Errorf("not JSON: %w", err)
		}
		return resp.StatusCode, v, string(b), nil
	}
	for _, rq := range requests {
		t.Run(rq.name, func(t *testing.T) {
			cs, cv, cb, cerr := send(cay, rq)
			ds, dv, db, derr := send(dip, rq)
			if cerr != nil && !(rq.noJSON && cs != 0) {
				t.Fatalf("cayley: %d %v %.300s", cs, cerr, cb)
			}
			if derr != nil {
				t.Fatalf("dipgraph: %d %v %.300s", ds, derr, db)
			}
			want := rq.status
			if rq.cayleyStatus != 0 {
				want = rq.cayleyStatus
			}
			if cs != want || ds != rq.status {
				t.Fatalf("status: cayley %d (want %d), dipgraph %d (want %d)\n  cayley   %.300s\n  dipgraph %.300s", cs, want, ds, rq.status, cb, db)
			}
			if m, ok := dv.(map[string]any); ds >= 400 {
				if s, _ := m["error"].(string); !ok || s == "" {
					t.Errorf("dipgraph's %d answer has no error: %.300s", ds, db)
				}
			}
			if rq.noJSON || rq.differs {
				return
			}
			same := sameResult
			if rq.same != nil {
				same = rq.same
			}
			if err := same(cv, dv); err != nil {
				t.Errorf("%v\n  cayley   %.300s\n  dipgraph %.300s", err, cb, db)
			}
		})
	}
}
