package graph

import (
	"context"
	"errors"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/dipgraph/dipgraph/schema"
)

// Statements gives every quad of the store as text: IRIs short, literals
// without quotes, the object's kind kept in ObjectIRI; an error of fn
// stops the walk.
func TestStatements(t *testing.T) {
	st := exportMem(t)
	ctx := context.Background()
	var quads int
	if err := st.eachQuad(ctx, func(quad.Quad) error { quads++; return nil }); err != nil {
		t.Fatal(err)
	}
	var got []schema.Statement
	if err := st.Statements(ctx, func(s schema.Statement) error { got = append(got, s); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(got) != quads || quads == 0 {
		t.Fatalf("%d statements for %d quads", len(got), quads)
	}
	want := []schema.Statement{
		{Subject: "official/christopher-landau", Predicate: schema.PredName, Object: "Christopher Landau", Label: schema.GazetteerLabel},
		{Subject: "official/christopher-landau", Predicate: schema.PredType, Object: schema.KindOfficial, Label: schema.GazetteerLabel, ObjectIRI: true},
	}
	for _, w := range want {
		found := false
		for _, s := range got {
			found = found || s == w
		}
		if !found {
			t.Errorf("no statement %+v", w)
		}
	}
	stop := errors.New("stop")
	n := 0
	err := st.Statements(ctx, func(schema.Statement) error { n++; return stop })
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("fn's error: got %v after %d statements, want stop after 1", err, n)
	}
}
