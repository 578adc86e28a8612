package graph

import (
	"os"
	"testing"
)

// TestMain lets this test binary serve as a Gizmo worker: GizmoIsolated
// re-executes the running binary.
func TestMain(m *testing.M) {
	RunWorkerIfAsked()
	os.Exit(m.Run())
}
