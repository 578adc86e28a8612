package main

// Hostile Gizmo queries against `dipgraph serve` and `dipgraph query`, run
// as real processes: nothing a query does may take the server down, outlive
// its time limit or leave the server holding memory.

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// hostileQuery is a query that tries to break its caller; want lists the
// outcomes it may have ("stack", "memory", "cpu": killed for that cause;
// "time": stopped at the time limit; "error": refused by the engine; "cut":
// results cut by a limit; "ok").
type hostileQuery struct {
	name  string
	query string
	want  []string
}

func hostileQueries() []hostileQuery {
	as := strings.Repeat("a", 40)
	return []hostileQuery{
		{"cyclic array to string", `var a = []; a[0] = a; g.emit("" + a)`, []string{"stack"}},
		{"cyclic array joined", `var a = [1]; a.push(a); g.emit(a.join(","))`, []string{"stack"}},
		{"cyclic array through String", `var a = [1]; a[1] = a; g.emit(String(a))`, []string{"stack"}},
		{"cyclic toString", `var o = {toString: function () { return "" + o }}; g.emit("" + o)`, []string{"stack", "memory", "time"}},
		{"cyclic object emitted", `var a = {}; a.self = a; g.emit(a)`, []string{"stack", "error"}},
		{"cyclic array emitted", `var a = []; a[0] = a; g.emit(a)`, []string{"stack", "error"}},
		{"cyclic object as the script's value", `var a = {}; a.self = a; a`, []string{"stack", "error", "ok"}},
		{"cyclic object stringified", `var a = {}; a.self = a; g.emit(JSON.stringify(a))`, []string{"stack", "error"}},
		{"cyclic object emitted per node", `var a = {}; a.self = a; g.V().ForEach(function (d) { g.emit(a) })`, []string{"stack", "error"}},
		{"1 MB of nested parentheses", strings.Repeat("(", 500000) + "1" + strings.Repeat(")", 500000), []string{"stack", "error", "memory"}},
		// goja keeps the script's own calls on the heap: a deep recursion
		// fills memory (or meets the time limit on a busy machine).
		{"deep recursion", `function f(n) { return f(n + 1) + 1 }; g.emit(f(0))`, []string{"stack", "memory", "error", "time"}},
		{"deep recursion through arrays", `function f() { return [f()] }; g.emit(f())`, []string{"stack", "memory", "error", "time"}},
		{"huge join", `g.emit(new Array(4294967295).join("aaaaaaaaaa"))`, []string{"memory", "error", "time"}},
		{"huge repeat", `g.emit("x".repeat(1 << 30))`, []string{"memory", "error", "time"}},
		{"doubling string", `var s = "x"; while (1) s += s;`, []string{"memory", "error"}},
		{"growing array", `var a = []; while (true) { a.push(new Array(1000).join("x")) }`, []string{"memory", "time"}},
		{"regex backtracking", `g.emit(/^(?=a)(a+)+$/.test("` + as + `!"))`, []string{"time", "cpu"}},
		{"endless loop", `while (true) {}`, []string{"time"}},
		{"10M-row emit", `for (var i = 0; i < 10000000; i++) g.emit(i)`, []string{"cut", "time"}},
		{"1 MiB body", `g.emit("` + strings.Repeat("x", 1<<20-len(`g.emit("")`)) + `")`, []string{"ok"}},
	}
}

// serveProcess starts `dipgraph serve` on a free loopback port; it returns
// the base URL, the process id, a channel closed when the process exits and
// its stderr. The test's end kills it.
func serveProcess(t *testing.T, args ...string) (base string, pid int, exited <-chan struct{}, log *lockedBuffer) {
	t.Helper()
	js, _ := json.Marshal(append([]string{"serve", "--addr", "127.0.0.1:0"}, args...))
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperDipgraph$")
	cmd.Env = append(os.Environ(), "DIPGRAPH_HELPER_ARGS="+string(js))
	stderr := &lockedBuffer{}
	cmd.Stderr = stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	done := startProcess(t, cmd)
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatalf("serve did not start: %v\n%s", err, stderr.String())
	}
	i := strings.Index(line, "http://")
	if i < 0 {
		t.Fatalf("serve said %q", line)
	}
	go io.Copy(io.Discard, out)
	return strings.TrimSpace(line[i:]), cmd.Process.Pid, done, stderr
}

// startProcess starts cmd and kills it when the test ends; the channel
// closes when the process has exited.
func startProcess(t *testing.T, cmd *exec.Cmd) <-chan struct{} {
	t.Helper()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() {
		cmd.Wait()
		close(done)
	}()
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-done
	})
	return done
}

// lockedBuffer is a buffer a process writes while the test reads it.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// outcome reads the server's answer to a Gizmo query.
func outcome(code int, body []byte) string {
	var r struct {
		Error     string `json:"error"`
		Killed    string `json:"killed"`
		TimedOut  bool   `json:"timed_out"`
		Truncated bool   `json:"truncated"`
	}
	json.Unmarshal(body, &r)
	switch {
	case r.Killed != "":
		return r.Killed
	case r.TimedOut:
		return "time"
	case r.Truncated:
		return "cut"
	case code == http.StatusOK:
		return "ok"
	case code == http.StatusBadRequest:
		return "error"
	}
	return fmt.Sprintf("status %d", code)
}

func vmRSS(t *testing.T, pid int) int64 {
	t.Helper()
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		t.Fatalf("server process: %v", err)
	}
	for _, l := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(l, "VmRSS:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			return kb << 10
		}
	}
	t.Fatal("no VmRSS")
	return 0
}

// TestHostileQueries sends the hostile queries to one server three times:
// the server never dies, each query answers within its 2s limit plus a
// second with its cause, no query's process passes its memory bound, and
// the server's resident set is under 200 MB 10 s after the last query.
// The same queries through `dipgraph query` exit non-zero with the reason.
func TestHostileQueries(t *testing.T) {
	if testing.Short() {
		t.Skip("about a minute of hostile queries, each up to its 2s limit; run without -short")
	}
	const timeout = 2 * time.Second
	const bound = 512 << 20
	db := builtStore(t)
	base, pid, exited, serverLog := serveProcess(t, "--db", db, "--timeout", timeout.String(), "--quiet")
	cl := &http.Client{Timeout: 30 * time.Second}
	post := func(body string) (int, []byte, http.Header, time.Duration, error) {
		start := time.Now()
		resp, err := cl.Post(base+"/api/v1/query/gizmo", "text/plain", strings.NewReader(body))
		if err != nil {
			return 0, nil, nil, time.Since(start), err
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		return resp.StatusCode, b, resp.Header, time.Since(start), err
	}
	good := `g.V("<official/moon-jae-in>").Out("<name>").All()`
	checkAlive := func(when string) {
		code, body, _, _, err := post(good)
		if err != nil || code != http.StatusOK || !bytes.Contains(body, []byte(`"result"`)) {
			t.Fatalf("%s: the server does not answer a good query: %d %v %.200s\n%s", when, code, err, body, serverLog.String())
		}
	}
	checkAlive("at the start")
	var last time.Time
	causes := map[string]int{}
	for round := 1; round <= 3; round++ {
		for _, q := range hostileQueries() {
			code, body, hdr, took, err := post(q.query)
			last = time.Now()
			if err != nil {
				t.Fatalf("round %d, %s: %v (after %s)\n%s", round, q.name, err, took, serverLog.String())
			}
			got := outcome(code, body)
			rss, _ := strconv.ParseInt(hdr.Get("X-Dipgraph-Query-Max-Rss"), 10, 64)
			if round == 1 {
				t.Logf("%-38s %s in %s, query process max RSS %d MiB", q.name, got, took.Round(time.Millisecond), rss>>20)
			}
			if took > timeout+time.Second {
				t.Errorf("round %d, %s: answered after %s, over its %s limit + 1s", round, q.name, took.Round(time.Millisecond), timeout)
			}
			causes[got]++
			// On a busy machine a query may meet its time limit before
			// its stack or memory runs out: "time" is a right answer for
			// every query that is to be killed (that causes are named is
			// checked over the whole run below).
			killable := containsStr(q.want, "stack") || containsStr(q.want, "memory")
			if !containsStr(q.want, got) && !(killable && got == "time") {
				t.Errorf("round %d, %s: %s (%d %.200s), want one of %v", round, q.name, got, code, body, q.want)
			}
			if rss > bound+64<<20 {
				t.Errorf("round %d, %s: the query's process held %d MiB, over its %d MiB bound", round, q.name, rss>>20, bound>>20)
			}
			select {
			case <-exited:
				t.Fatalf("round %d, %s: the server exited\n%s", round, q.name, serverLog.String())
			default:
			}
		}
		checkAlive(fmt.Sprintf("after round %d", round))
	}

	t.Logf("outcomes over 3 rounds: %v", causes)
	if causes["stack"] == 0 || causes["memory"] == 0 {
		t.Errorf("no query killed for its stack or its memory (%v): causes are not named", causes)
	}

	// The same queries through dipgraph query, while the server rests.
	for _, q := range hostileQueries() {
		r := dipgraphIn(t, q.query, 30*time.Second, "--db", db, "query", "--timeout", timeout.String(), "--limit", "0", "-")
		if r.hung || r.took > timeout+2*time.Second {
			t.Errorf("query %s: still running after %s", q.name, r.took.Round(time.Millisecond))
		}
		switch {
		case len(q.want) == 1 && q.want[0] == "ok":
			if r.code != 0 {
				t.Errorf("query %s: exit %d: %s", q.name, r.code, r.stderr)
			}
		case q.name == "10M-row emit":
			// A limit is not a failure: cut at the JSON bound or the time.
			if !strings.Contains(r.stderr, "results cut at") && !strings.Contains(r.stderr, "stopped at --timeout") {
				t.Errorf("query %s: exit %d, %s", q.name, r.code, r.stderr)
			}
		case r.code != 1 || !strings.Contains(r.stderr, "dipgraph: ") && !strings.Contains(r.stderr, "note: query stopped at --timeout"):
			// The reason: an error, or the one note of a timeout.
			t.Errorf("query %s: exit %d, stderr %q; want exit 1 with the reason", q.name, r.code, r.stderr)
		default:
			t.Logf("query %-38s exit %d: %s", q.name, r.code, lastLine(r.stderr))
		}
	}

	if wait := time.Until(last.Add(10 * time.Second)); wait > 0 {
		time.Sleep(wait)
	}
	rss := vmRSS(t, pid)
	t.Logf("server RSS %d MiB, %s after the last query", rss>>20, time.Since(last).Round(time.Second))
	if rss > 200<<20 {
		t.Errorf("server RSS %d MiB 10s after the attack, want < 200 MB", rss>>20)
	}
	checkAlive("at the end")
}

func containsStr(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}

// dipgraphIn runs the command with stdin, as dipgraph does.
func dipgraphIn(t *testing.T, stdin string, limit time.Duration, args ...string) result {
	t.Helper()
	js, _ := json.Marshal(args)
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestHelperDipgraph$")
	cmd.Env = append(os.Environ(), "DIPGRAPH_HELPER_ARGS="+string(js))
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	start := time.Now()
	err := cmd.Run()
	r := result{stdout: out.String(), stderr: errb.String(), took: time.Since(start), hung: ctx.Err() != nil}
	if ee, ok := err.(*exec.ExitError); ok {
		r.code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("run dipgraph %v: %v", args, err)
	}
	return r
}
