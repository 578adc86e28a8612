package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestReadOnlyCommandsNeverCreate: query, met, export, serve and check on
// a mistyped --db fail with a clear message and leave no file behind.
func TestReadOnlyCommandsNeverCreate(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "typo.db")
	for _, args := range [][]string{
		{"query", `g.V().All()`},
		{"met", "Landau"},
		{"export", "--format", "nquads"},
		{"serve", "--addr", "127.0.0.1:0"},
		{"check"},
	} {
		t.Run(args[0], func(t *testing.T) {
			r := dipgraph(t, 30*time.Second, append([]string{"--db", db}, args...)...)
			if r.code != 1 || !strings.Contains(r.stderr, db) || !strings.Contains(r.stderr, "no such file") {
				t.Errorf("%s on a missing store: exit %d, stderr %q; want exit 1 naming the file", args[0], r.code, r.stderr)
			}
			if _, err := os.Stat(db); err == nil {
				t.Fatalf("%s created %s", args[0], db)
			}
		})
	}
}
