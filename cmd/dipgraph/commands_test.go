package main

// Commands run in this process, with buffers for their streams and a fake
// terminal: what they print depends on which stream is a terminal.

import (
	"bytes"
	"context"
	"encoding/json"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// terminals says which of a command's outputs to treat as a terminal, and
// how wide the output terminal is (0: unknown).
type terminals struct {
	out, err bool
	width    int
}

// inProcess is what a command run in-process did.
type inProcess struct {
	stdout, stderr string
	code           int
}

// runInProcess runs dipgraph with args in this process.
func runInProcess(t *testing.T, term terminals, args ...string) inProcess {
	t.Helper()
	var out, errb bytes.Buffer
	ios := &IO{In: strings.NewReader(""), Out: &out, Err: &errb, OutTerminal: term.out, ErrTerminal: term.err, OutWidth: term.width}
	code := run(context.Background(), ios, args)
	return inProcess{stdout: out.String(), stderr: errb.String(), code: code}
}

// A build draws its progress line on stderr only when stderr is a
// terminal; the summary goes to stdout either way, as text or JSON.
func TestBuildProgressOnTerminalOnly(t *testing.T) {
	for _, tc := range []struct {
		name     string
		term     terminals
		json     bool
		progress bool
	}{
		{"stderr a terminal", terminals{err: true}, false, true},
		{"stderr a pipe", terminals{}, false, false},
		{"stdout a terminal, stderr a pipe", terminals{out: true}, false, false},
		{"json, stderr a terminal", terminals{err: true}, true, true},
		{"json, stderr a pipe", terminals{}, true, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := []string{"--db", "memory", "build", "../../testdata/corpus"}
			if tc.json {
				args = append(args, "--json")
			}
			r := runInProcess(t, tc.term, args...)
			if r.code != 0 {
				t.Fatalf("exit %d\n%s", r.code, r.stderr)
			}
			drew := strings.Contains(r.stderr, "\r") || strings.Contains(r.stderr, " articles, ")
			if drew != tc.progress {
				t.Errorf("progress on stderr: %v, want %v: %q", drew, tc.progress, r.stderr)
			}
			if tc.progress && !strings.Contains(r.stderr, "\r\033[K") {
				t.Errorf("the progress line is not cleared at the end: %q", r.stderr)
			}
			if strings.Contains(r.stdout, "\r") {
				t.Errorf("progress on stdout: %q", r.stdout)
			}
			if tc.json {
				var sum struct{ Articles int }
				if err := json.Unmarshal([]byte(r.stdout), &sum); err != nil || sum.Articles == 0 {
					t.Errorf("summary is not JSON with articles (%v): %.300s", err, r.stdout)
				}
			} else if !strings.HasPrefix(r.stdout, "built memory: ") || !strings.Contains(r.stdout, "store now holds ") {
				t.Errorf("summary: %q", r.stdout)
			}
		})
	}
}

// An export refuses to write PNG bytes to a terminal and writes them to a
// pipe; text formats go to a terminal as well.
func TestExportBinaryNotToTerminal(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	if r := runInProcess(t, terminals{}, "--db", db, "build", "../../testdata/corpus"); r.code != 0 {
		t.Fatalf("build: %d\n%s", r.code, r.stderr)
	}
	for _, tc := range []struct {
		name   string
		term   terminals
		format string
		code   int
		prefix string // of stdout
		stderr string
	}{
		{"png to a terminal", terminals{out: true, err: true}, "png", 1, "", "--format png is binary: give --out FILE or redirect the output"},
		{"dot to a terminal", terminals{out: true, err: true}, "dot", 0, `graph "dipgraph-met"`, ""},
		{"png to a pipe", terminals{}, "png", 0, "\x89PNG", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.format == "png" && tc.code == 0 && !haveDot() {
				t.Skip("no Graphviz dot program")
			}
			r := runInProcess(t, tc.term, "--db", db, "export", "--format", tc.format, "--view", "met")
			if r.code != tc.code {
				t.Fatalf("exit %d, want %d\n%s", r.code, tc.code, r.stderr)
			}
			if !strings.HasPrefix(r.stdout, tc.prefix) {
				t.Errorf("stdout starts %.20q, want %q", r.stdout, tc.prefix)
			}
			if tc.code != 0 && r.stdout != "" {
				t.Errorf("wrote to a terminal: %.20q", r.stdout)
			}
			if tc.stderr != "" && !strings.Contains(r.stderr, tc.stderr) {
				t.Errorf("stderr %q lacks %q", r.stderr, tc.stderr)
			}
		})
	}
}

func haveDot() bool {
	_, err := exec.LookPath("dot")
	return err == nil
}
