package main

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/dipgraph/dipgraph/graph"
)

// TestQueryErrorsInJSON: a query that fails prints its error in the JSON
// on stdout (not only on stderr) and exits 1, so that a script reading the
// JSON does not take a failure for an empty answer.
func TestQueryErrorsInJSON(t *testing.T) {
	for _, tc := range []struct{ name, query, want string }{
		{"runtime TypeError", `g.V().Foo()`, "TypeError"},
		{"syntax error", `g.V(`, "SyntaxError"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := dipgraph(t, 30*time.Second, "--db", graph.Memory, "query", tc.query)
			if r.code != 1 {
				t.Errorf("exit %d, want 1\n%s", r.code, r.stderr)
			}
			var out struct {
				Result []any  `json:"result"`
				Error  string `json:"error"`
			}
			if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
				t.Fatalf("stdout is not JSON: %v\n%.300s", err, r.stdout)
			}
			if !strings.Contains(out.Error, tc.want) || out.Result == nil {
				t.Errorf("JSON %s: want \"result\" and an \"error\" with %s", r.stdout, tc.want)
			}
		})
	}
}
