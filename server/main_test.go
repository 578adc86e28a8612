package server

import (
	"os"
	"testing"

	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/internal/graphtest"
)

// TestMain lets this test binary serve as a Gizmo worker: the server's
// isolated queries (graph.GizmoIsolated) re-execute the running binary.
func TestMain(m *testing.M) {
	graph.RunWorkerIfAsked()
	os.Exit(m.Run())
}

// exportMem is a new in-memory store with graphtest's fixture.
func exportMem(t testing.TB) *graph.Store {
	t.Helper()
	return graphtest.Store(t, graph.Memory, graphtest.Changes(t))
}
