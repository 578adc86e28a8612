package main

// The two bugs of issue 11: a query timeout reported twice and matched with
// ==, and extract's exit status depending on the output format.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/dipgraph/dipgraph/graph"
)

// A query stopped at its time limit prints its partial results with
// "timed_out", says so once on stderr and exits 1, also when the store
// wraps the timeout in an error of its own.
func TestQueryTimeoutReportedOnce(t *testing.T) {
	for _, tc := range []struct {
		name string
		err  error
	}{
		{"the timeout", graph.ErrTimeout},
		{"the timeout wrapped", fmt.Errorf("query worker: %w", graph.ErrTimeout)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			ios := &IO{Out: &out, Err: &errb}
			o := &queryOptions{io: ios, query: "g.V().All()", limit: 10, timeout: 5e9,
				gizmo: func(context.Context, string, int) (*graph.QueryResult, error) {
					return &graph.QueryResult{Results: []any{"a"}, Limit: 10}, tc.err
				}}
			code := exitCode(ios, runQuery(context.Background(), o))
			if code != 1 {
				t.Errorf("exit %d, want 1", code)
			}
			var res struct {
				Result   []any `json:"result"`
				TimedOut bool  `json:"timed_out"`
			}
			if err := json.Unmarshal(out.Bytes(), &res); err != nil {
				t.Fatalf("stdout is not JSON: %v\n%s", err, out.String())
			}
			if !res.TimedOut || len(res.Result) != 1 {
				t.Errorf("stdout: %s", out.String())
			}
			lines := strings.Split(strings.TrimSpace(errb.String()), "\n")
			if len(lines) != 1 || !strings.Contains(lines[0], "stopped at --timeout 5s") {
				t.Errorf("stderr should say it once, with the limit:\n%s", errb.String())
			}
		})
	}
}

// extract skips a file it cannot read with the same message and the same
// exit status (0) whatever the output format, and the output holds the
// articles it read.
func TestExtractSkipSameForBothFormats(t *testing.T) {
	dir := t.TempDir()
	good, err := os.ReadFile("../../testdata/corpus/a01_moon-trump-seoul-summit.txt")
	if err != nil {
		t.Fatal(err)
	}
	for name, b := range map[string][]byte{"good.txt": good, "empty.txt": nil} {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, format := range []string{"yaml", "json"} {
		t.Run(format, func(t *testing.T) {
			r := runInProcess(t, terminals{}, "extract", "--format", format, dir)
			if r.code != 0 {
				t.Errorf("exit %d, want 0\n%s", r.code, r.stderr)
			}
			if want := "skipped " + filepath.Join(dir, "empty.txt") + ": empty file\n"; r.stderr != want {
				t.Errorf("stderr %q, want %q", r.stderr, want)
			}
			var f struct {
				Articles []struct {
					File string `yaml:"file" json:"file"`
				} `yaml:"articles" json:"articles"`
			}
			if format == "json" {
				err = json.Unmarshal([]byte(r.stdout), &f)
			} else {
				err = yaml.Unmarshal([]byte(r.stdout), &f)
			}
			if err != nil || len(f.Articles) != 1 {
				t.Errorf("output (%v): %d articles\n%.300s", err, len(f.Articles), r.stdout)
			}
		})
	}
}
