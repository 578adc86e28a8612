package pipeline

import (
	"os"
	"testing"

	"github.com/dipgraph/dipgraph/graph"
)

// TestMain lets this test binary serve as the store's worker process
// (graph.Open checks an existing store in a child of the running binary).
func TestMain(m *testing.M) {
	graph.RunWorkerIfAsked()
	os.Exit(m.Run())
}
