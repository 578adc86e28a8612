package server

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/internal/graphtest"
)

// testServer serves srv on a free loopback port until the test ends.
func testServer(t *testing.T, srv *Server) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	})
	return "http://" + ln.Addr().String()
}

// client is a real HTTP client; its timeout turns a hung request (say, a
// deadlock in the server) into a failure instead of a stuck test.
var client = &http.Client{Timeout: 60 * time.Second}

type reply struct {
	status int
	header http.Header
	body   []byte
}

func (r reply) json(t *testing.T, v any) {
	t.Helper()
	if err := json.Unmarshal(r.body, v); err != nil {
		t.Fatalf("status %d, body %q: %v", r.status, r.body, err)
	}
}

func do(t *testing.T, method, u, body string) reply {
	t.Helper()
	req, err := http.NewRequest(method, u, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, u, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return reply{resp.StatusCode, resp.Header, b}
}

type gizmoReply struct {
	Result    []map[string]any `json:"result"`
	Error     string           `json:"error"`
	Truncated bool             `json:"truncated"`
	TimedOut  bool             `json:"timed_out"`
	Note      string           `json:"note"`
}

func ids(r gizmoReply) []string {
	var out []string
	for _, v := range r.Result {
		out = append(out, v["id"].(string))
	}
	return out
}

const landauMet = `g.V("<official/christopher-landau>").Out("<met>").Unique().Out("<name>").All()`

func TestServeOverLoopback(t *testing.T) {
	path := graphtest.BoltFile(t, graphtest.Changes(t))
	srv, err := New(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	base := testServer(t, srv)

	var idx map[string]any
	do(t, "GET", base+"/", "").json(t, &idx)
	if idx["read_only"] != true {
		t.Errorf("index = %v", idx)
	}

	t.Run("gizmo", func(t *testing.T) {
		var g gizmoReply
		r := do(t, "POST", base+"/api/v1/query/gizmo", landauMet)
		r.json(t, &g)
		if got := strings.Join(ids(g), ","); r.status != 200 || got != "Kim Hong-kyun,Đặng Hoàng Giang" || g.Truncated {
			t.Errorf("status %d, result %s, truncated %v", r.status, got, g.Truncated)
		}
		r = do(t, "POST", base+"/api/v1/query/gizmo?limit=1", landauMet)
		g = gizmoReply{}
		r.json(t, &g)
		if len(g.Result) != 1 || !g.Truncated || !strings.Contains(g.Note, "cut at 1") || r.header.Get("X-Dipgraph-Cut") != "limit" {
			t.Errorf("limit 1: %s", r.body)
		}
		r = do(t, "POST", base+"/api/v1/query/gizmo", `g.V(`)
		g = gizmoReply{}
		r.json(t, &g)
		if r.status != http.StatusBadRequest || g.Error == "" {
			t.Errorf("syntax error: status %d %s", r.status, r.body)
		}
		if r := do(t, "GET", base+"/api/v1/query/gizmo", ""); r.status != http.StatusMethodNotAllowed {
			t.Errorf("GET gizmo: %d", r.status)
		}
		if r := do(t, "POST", base+"/api/v1/write", `[]`); r.status != http.StatusForbidden {
			t.Errorf("write: %d", r.status)
		}
	})

	t.Run("met", func(t *testing.T) {
		var m struct {
			Official graph.Official
			Met      []graph.MetRow
		}
		r := do(t, "GET", base+"/api/v1/met?name="+url.QueryEscape("Landau"), "")
		r.json(t, &m)
		var who []string
		for _, row := range m.Met {
			who = append(who, row.Counterpart.ID)
		}
		if r.status != 200 || m.Official.ID != "christopher-landau" || strings.Join(who, ",") != "kim-hong-kyun,dang-hoang-giang" {
			t.Errorf("met Landau: %d %v %v", r.status, m.Official, who)
		}
		r = do(t, "GET", base+"/api/v1/met?name=Landau&planned=true", "")
		m.Met = nil
		r.json(t, &m)
		if len(m.Met) != 3 {
			t.Errorf("met Landau with planned: %d rows, want 3", len(m.Met))
		}
		for q, want := range map[string]int{"name=Nobody+Atall": 404, "name=Kim": 409, "": 400} {
			if r := do(t, "GET", base+"/api/v1/met?"+q, ""); r.status != want || !strings.Contains(string(r.body), `"error"`) {
				t.Errorf("met?%s: %d %s, want %d with an error", q, r.status, r.body, want)
			}
		}
	})

	t.Run("export", func(t *testing.T) {
		r := do(t, "GET", base+"/api/v1/export?format=json&view=met", "")
		var d struct {
			Links []map[string]any `json:"links"`
		}
		r.json(t, &d)
		if r.status != 200 || len(d.Links) != 3 || !strings.HasPrefix(r.header.Get("Content-Type"), "application/json") {
			t.Errorf("json met: %d, %d links, %s", r.status, len(d.Links), r.header.Get("Content-Type"))
		}
		r = do(t, "GET", base+"/api/v1/export?format=csv&table=nodes&official=Landau&hops=1", "")
		lines := strings.Split(strings.TrimSpace(string(r.body)), "\n")
		if r.status != 200 || !strings.HasPrefix(lines[0], "id,kind,name") || !strings.Contains(string(r.body), "Đặng Hoàng Giang") || strings.Contains(string(r.body), "Tô Lâm") {
			t.Errorf("csv nodes of Landau's network: %d\n%s", r.status, r.body)
		}
		r = do(t, "GET", base+"/api/v1/export?format=nquads&country=VN", "")
		if r.status != 200 || !strings.Contains(string(r.body), "<official/to-lam>") || strings.Contains(string(r.body), "kim-hong-kyun") {
			t.Errorf("nquads VN: %d, %d bytes", r.status, len(r.body))
		}
		for q, want := range map[string]int{"": 400, "format=xlsx": 400, "format=json&hops=x": 400, "format=json&from=2025-13": 400, "format=json&official=Nobody": 404, "format=json&official=Kim": 409} {
			if r := do(t, "GET", base+"/api/v1/export?"+q, ""); r.status != want {
				t.Errorf("export?%s: %d %s, want %d", q, r.status, r.body, want)
			}
		}
		if _, err := exec.LookPath("dot"); err == nil {
			r := do(t, "GET", base+"/api/v1/export?format=svg&view=met", "")
			if r.status != 200 || r.header.Get("Content-Type") != "image/svg+xml" || !strings.Contains(string(r.body), "Tô Lâm") {
				t.Errorf("svg: %d %s", r.status, r.header.Get("Content-Type"))
			}
		}
	})

	// A build runs while the server serves: the server holds the store only
	// while it answers, so a writer gets it, and the next request sees what
	// it wrote.
	t.Run("build while serving", func(t *testing.T) {
		w, err := graph.Open(path, graph.Options{LockTimeout: 5 * time.Second})
		if err != nil {
			t.Fatalf("a build could not open the store the server serves: %v", err)
		}
		if n, err := w.Remove(context.Background(), graph.ArticleLabel("xc")); err != nil || n == 0 {
			t.Fatalf("remove xc: %d %v", n, err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		var g gizmoReply
		do(t, "POST", base+"/api/v1/query/gizmo", landauMet).json(t, &g)
		if got := strings.Join(ids(g), ","); got != "Kim Hong-kyun" {
			t.Errorf("after the build: %s, want only Kim Hong-kyun", got)
		}
	})
}

// TestServeWhileWriterHoldsStore: a request that comes while a build
// holds the store gets 503 "in use" after the lock wait, and the next one
// after the build is answered.
func TestServeWhileWriterHoldsStore(t *testing.T) {
	path := graphtest.BoltFile(t, graphtest.Changes(t))
	srv, err := New(path, Options{LockTimeout: 100 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	base := testServer(t, srv)
	w, err := graph.Open(path, graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, req := range [][2]string{{"POST", "/api/v1/query/gizmo"}, {"GET", "/api/v1/met?name=Landau"}, {"GET", "/api/v1/export?format=json"}} {
		r := do(t, req[0], base+req[1], landauMet)
		if r.status != http.StatusServiceUnavailable || !strings.Contains(string(r.body), graph.ErrInUse.Error()) || r.header.Get("Retry-After") == "" {
			t.Errorf("%s %s during a build: %d %s", req[0], req[1], r.status, r.body)
		}
	}
	if _, err := New(path, Options{LockTimeout: 100 * time.Millisecond}); !errors.Is(err, graph.ErrInUse) {
		t.Errorf("starting a server during a build: %v, want graph.ErrInUse", err)
	}
	w.Close()
	if r := do(t, "POST", base+"/api/v1/query/gizmo", landauMet); r.status != 200 {
		t.Errorf("after the build: %d %s", r.status, r.body)
	}
}

func TestGizmoCutThenClose(t *testing.T) {
	path := graphtest.BoltFile(t, graphtest.Changes(t))
	// Each query runs in its own process: the limit leaves room for its
	// start on a busy machine.
	srv, err := New(path, Options{Timeout: 1500 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	base := testServer(t, srv)
	queries := map[string]string{
		"limit":   `g.V().Has("<type>","<Meeting>").Tag("m").Out("<participant>").Out("<name>").All()`,
		"timeout": `g.V().ForEach(function(d) { while (true) {} })`,
	}
	for cut, q := range queries {
		for i := 0; i < 3; i++ {
			var g gizmoReply
			r := do(t, "POST", base+"/api/v1/query/gizmo?limit=1", q)
			r.json(t, &g)
			want := map[string]int{"limit": 200, "timeout": 400}[cut]
			if r.status != want || r.header.Get("X-Dipgraph-Cut") != cut || (cut == "timeout") != g.TimedOut || (g.Note == "") == (cut == "limit") {
				t.Errorf("cut by %s: %d %s %s", cut, r.status, r.header.Get("X-Dipgraph-Cut"), r.body)
			}
		}
	}
}

// TestServeMemoryStoreTimeout runs a runaway script against an in-memory
// store: the answer comes at the time limit, a 400 error marked as timed
// out (as Cayley answers a timeout).
func TestServeMemoryStoreTimeout(t *testing.T) {
	srv := NewForStore(exportMem(t), Options{Timeout: 200 * time.Millisecond, Limit: 2})
	base := testServer(t, srv)
	var g gizmoReply
	r := do(t, "POST", base+"/api/v1/query/gizmo", `while (true) {}`)
	r.json(t, &g)
	if r.status != http.StatusBadRequest || !g.TimedOut || !strings.Contains(g.Error, "time limit") {
		t.Errorf("runaway query: %d %s", r.status, r.body)
	}
	g = gizmoReply{}
	r = do(t, "POST", base+"/api/v1/query/gizmo?limit=50", `g.V().All()`)
	r.json(t, &g)
	if len(g.Result) != 2 || !g.Truncated || !strings.Contains(g.Note, "capped at the server's 2") {
		t.Errorf("limit above the server's: %d results, %s", len(g.Result), r.body)
	}
}

// TestServeExportBounds: an export larger than the limit is refused (413)
// and one out of time answers 504, each with a message saying what to do.
func TestServeExportBounds(t *testing.T) {
	small := testServer(t, NewForStore(exportMem(t), Options{MaxBytes: 1000}))
	r := do(t, "GET", small+"/api/v1/export?format=json", "")
	if r.status != http.StatusRequestEntityTooLarge || !strings.Contains(string(r.body), "narrow it") {
		t.Errorf("export over the size limit: %d %s", r.status, r.body)
	}
	if r := do(t, "GET", small+"/api/v1/export?format=csv&table=edges&official=Nobody+Atall", ""); r.status != http.StatusNotFound {
		t.Errorf("unknown official: %d %s", r.status, r.body)
	}
	hasty := testServer(t, NewForStore(exportMem(t), Options{Timeout: time.Nanosecond}))
	r = do(t, "GET", hasty+"/api/v1/export?format=json", "")
	if r.status != http.StatusGatewayTimeout || !strings.Contains(string(r.body), "time limit") {
		t.Errorf("export out of time: %d %s", r.status, r.body)
	}
}
