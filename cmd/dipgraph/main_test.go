package main

import (
	"os"
	"testing"

	"github.com/dipgraph/dipgraph/graph"
)

// TestMain lets this test binary serve as a Gizmo worker when the commands
// it runs start one (graph.GizmoIsolated re-executes the running binary).
func TestMain(m *testing.M) {
	graph.RunWorkerIfAsked()
	os.Exit(m.Run())
}
