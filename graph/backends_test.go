package graph

import (
	"path/filepath"
	"testing"
)

type backend struct {
	name string
	open func(t *testing.T) *Store
}

// backends is the one table of backends the store conformance tests run
// on (stores, TestBackendsAgree and its friends): memory first, the
// reference; then every embedded backend, each named by its --db prefix;
// then PostgreSQL (skipped without DIPGRAPH_TEST_POSTGRES).
func backends() []backend {
	out := []backend{{"memory", func(t *testing.T) *Store { return openT(t, Memory) }}}
	for _, b := range Backends() {
		out = append(out, backend{b, func(t *testing.T) *Store { return openT(t, b+":"+filepath.Join(t.TempDir(), "t.db")) }})
	}
	return append(out, backend{"postgres", func(t *testing.T) *Store { return openT(t, postgresDSN(t)) }})
}
