package graph_test

import (
	"context"
	"testing"

	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/internal/graphtest"
)

// BenchmarkGizmoInProcess and BenchmarkGizmoIsolated run the same one-hop
// query on the test corpus's store, in this process and in a child
// process (GizmoIsolated): the difference is what isolation costs a query.
func BenchmarkGizmoInProcess(b *testing.B) {
	db := graphtest.CorpusBoltFile(b)
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		st, err := graph.OpenReadOnly(db, graph.Options{})
		if err != nil {
			b.Fatal(err)
		}
		res, err := st.Gizmo(ctx, benchGizmo, 100)
		if err != nil || len(res.Results) == 0 {
			b.Fatal(err, res)
		}
		st.Close()
	}
}

func BenchmarkGizmoIsolated(b *testing.B) {
	db := graphtest.CorpusBoltFile(b)
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		res, err := graph.GizmoIsolated(ctx, db, benchGizmo, 100, graph.IsolatedOptions{})
		if err != nil || len(res.Results) == 0 {
			b.Fatal(err, res)
		}
	}
}

const benchGizmo = `g.V("<official/moon-jae-in>").Out("<met>").Out("<name>").All()`
