package main

// The command line on bad input and hostile queries, run as a real
// process: this test binary re-executed as dipgraph (TestHelperDipgraph).

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dipgraph/dipgraph/graph"
)

// TestHelperDipgraph is not a test: run with DIPGRAPH_HELPER_ARGS (a JSON
// list) it is the dipgraph command with those arguments.
func TestHelperDipgraph(t *testing.T) {
	js := os.Getenv("DIPGRAPH_HELPER_ARGS")
	if js == "" {
		t.Skip("the dipgraph command, for the tests that run it as a process")
	}
	var args []string
	if err := json.Unmarshal([]byte(js), &args); err != nil {
		os.Exit(3)
	}
	os.Args = append([]string{"dipgraph"}, args...)
	main()
	os.Exit(0)
}

// result is what a dipgraph process did.
type result struct {
	stdout, stderr string
	code           int
	took           time.Duration
	hung           bool
}

// dipgraph runs the command in a process, killed after limit.
func dipgraph(t *testing.T, limit time.Duration, args ...string) result {
	t.Helper()
	js, _ := json.Marshal(args)
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestHelperDipgraph$")
	cmd.Env = append(os.Environ(), "DIPGRAPH_HELPER_ARGS="+string(js))
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	start := time.Now()
	err := cmd.Run()
	r := result{stdout: out.String(), stderr: errb.String(), took: time.Since(start), hung: ctx.Err() != nil}
	var ee *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &ee):
		r.code = ee.ExitCode()
		if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			r.code = -1
		}
	default:
		t.Fatalf("run dipgraph %v: %v", args, err)
	}
	return r
}

// builtStore builds a store from the test articles.
// builtStore builds the test corpus into a new store of the default
// backend and returns its path.
func builtStore(t *testing.T) string {
	t.Helper()
	return builtStoreOf(t, graph.DefaultBackend)
}

// builtStoreOf builds the test corpus into a new store of the embedded
// backend and returns its path (no prefix: the backend is found on disk).
func builtStoreOf(t *testing.T, backend string) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "s.db")
	r := dipgraph(t, 2*time.Minute, "--db", backend+":"+db, "build", "../../testdata/corpus")
	if r.code != 0 {
		t.Fatalf("build: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	return db
}

func TestQueryStopsRunaways(t *testing.T) {
	if testing.Short() {
		t.Skip("runs queries for their 2s time limit; run without -short")
	}
	db := builtStore(t)
	tests := []struct {
		name    string
		args    []string
		code    int
		timeout bool // stopped at --timeout
		cut     bool // cut at --limit
	}{
		{"endless loop", []string{"--timeout", "2s", "while (true) {}"}, 1, true, false},
		{"endless emit", []string{"--timeout", "2s", "--limit", "0", "for (var i = 0; ; i++) { g.Emit(i) }"}, 1, true, false},
		{"growing memory", []string{"--timeout", "2s", "--query-memory", "64", "var a = []; while (true) { a.push(new Array(100000).join('x')) }"}, 1, false, false},
		{"deep traversal", []string{"--timeout", "2s", `g.V().Out().Out().Out().Out().Out().Out().Out().Out().Out().Out().Count()`}, 1, true, false},
		{"deep traversal listed", []string{"--timeout", "2s", "--limit", "0", `g.V().Out().Out().Out().Out().Out().Out().Out().Out().Out().Out().All()`}, 1, true, false},
		{"huge result", []string{"--timeout", "2s", "--limit", "100", `g.V().Out().Out().Out().All()`}, 0, false, true},
		{"syntax error", []string{"--timeout", "2s", `g.V(`}, 1, false, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := dipgraph(t, 30*time.Second, append([]string{"--db", db, "query"}, tc.args...)...)
			if r.hung {
				t.Fatalf("query still running %s after its 2s limit", r.took.Round(time.Second))
			}
			if r.code != tc.code {
				t.Errorf("exit %d, want %d\n%s", r.code, tc.code, r.stderr)
			}
			var out struct {
				Result    []any `json:"result"`
				Truncated bool  `json:"truncated"`
				TimedOut  bool  `json:"timed_out"`
			}
			if tc.timeout || tc.cut {
				if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
					t.Fatalf("output is not JSON: %v\n%.300s", err, r.stdout)
				}
			}
			if tc.name == "growing memory" && !strings.Contains(r.stderr, "query stopped: it ran out of its memory bound") && !strings.Contains(r.stderr, "stopped at --timeout 2s") {
				t.Errorf("not said to be out of memory nor stopped at the time limit: %s", r.stderr)
			}
			if tc.timeout && (!out.TimedOut || !strings.Contains(r.stderr, "stopped at --timeout 2s")) {
				t.Errorf("not said to be stopped at the time limit: %.200s / %s", r.stdout, r.stderr)
			}
			if tc.cut && (!out.Truncated || len(out.Result) != 100 || !strings.Contains(r.stderr, "results cut at --limit 100")) {
				t.Errorf("not said to be cut at the limit: %d results, %s", len(out.Result), r.stderr)
			}
		})
	}
}

func TestRemoveCommand(t *testing.T) {
	db := builtStore(t)
	path := "../../testdata/corpus/a01_moon-trump-seoul-summit.txt"
	r := dipgraph(t, time.Minute, "--db", db, "remove", path)
	if r.code != 0 || !strings.HasPrefix(r.stdout, "removed a01_moon-trump-seoul-summit (") {
		t.Fatalf("remove by path: %d %s%s", r.code, r.stdout, r.stderr)
	}
	r = dipgraph(t, time.Minute, "--db", db, "remove", "a01_moon-trump-seoul-summit")
	if r.code != 1 || !strings.Contains(r.stderr, `no article "a01_moon-trump-seoul-summit"`) {
		t.Errorf("removing it again: %d %s%s", r.code, r.stdout, r.stderr)
	}
	r = dipgraph(t, time.Minute, "--db", db, "remove", "a02_pompeo-seoul-trilateral")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "removed a02_pompeo-seoul-trilateral (") {
		t.Errorf("remove by id: %d %s%s", r.code, r.stdout, r.stderr)
	}
	r = dipgraph(t, time.Minute, "--db", db, "query", `g.V("<article/a01_moon-trump-seoul-summit>").Out().All()`)
	if r.code != 0 || !strings.Contains(r.stdout, `"result": []`) {
		t.Errorf("the removed article still has facts: %s", r.stdout)
	}
}

func TestBuildReportsBadFiles(t *testing.T) {
	dir := t.TempDir()
	good, err := os.ReadFile("../../testdata/corpus/a01_moon-trump-seoul-summit.txt")
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{
		"good.txt":   good,
		"empty.txt":  nil,
		"binary.txt": []byte("\x89PNG\r\n\x1a\n\x00\x00"),
		"broken.txt": append([]byte("Hai bên hội đàm.\nÔng \xff nói.\n"), good...),
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(t.TempDir(), "s.db")
	r := dipgraph(t, time.Minute, "--db", db, "build", dir)
	if r.code != 0 {
		t.Fatalf("build with bad files failed: %d\n%s", r.code, r.stderr)
	}
	for _, want := range []string{
		"skipped " + filepath.Join(dir, "empty.txt") + ": empty file",
		"skipped " + filepath.Join(dir, "binary.txt") + ": binary file (a PNG image)",
		"skipped " + filepath.Join(dir, "broken.txt") + ": not valid UTF-8 (byte 0xFF at offset 27, line 2, column 6",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	if !strings.Contains(r.stdout, "1 articles") || !strings.Contains(r.stdout, "skipped 3 files or records:") {
		t.Errorf("summary:\n%s", r.stdout)
	}

	r = dipgraph(t, time.Minute, "--db", db, "build", filepath.Join(dir, "missing"))
	if r.code != 1 || !strings.Contains(r.stderr, filepath.Join(dir, "missing")) {
		t.Errorf("build of a missing path: %d %s", r.code, r.stderr)
	}
}

func TestGazetteerCheckReportsAll(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	yaml := `countries:
  - {code: VN, name: Việt Nam}
officials:
  - id: nguyen-van-a
    name: Nguyễn Văn A
    country: VN
    nickname: A
    aliases: ["", "A"]
    roles:
      - {role: vn-minister, from: 2020-01-01, to: 2019-01-01}
  - id: nguyen-van-a
    name: Nguyễn Văn A
    country: VN
roles:
  - {id: vn-minister, name: Bộ trưởng, country: VN}
`
	if err := os.WriteFile(bad, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	broken := filepath.Join(dir, "broken.yaml")
	if err := os.WriteFile(broken, []byte("officials:\n  - id: x\n   name: [\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := dipgraph(t, time.Minute, "gazetteer", "check", bad, broken)
	if r.code != 1 {
		t.Fatalf("gazetteer check of bad files: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	for _, want := range []string{
		bad + `:7:5: unknown field "nickname"`,
		bad + `:8:15: official nguyen-van-a: empty alias`,
		bad + `:8:19: official nguyen-van-a: one-letter alias "A"`,
		bad + `:10:9: role tenure vn-minister ends (2019-01-01) before it starts (2020-01-01)`,
		bad + `:11:5: duplicate official id "nguyen-van-a" (first at line 4)`,
		broken + `:1:1: malformed YAML: `,
		"gazetteer problem(s)",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
}
