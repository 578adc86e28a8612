package pipeline

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/gazetteer"
	"github.com/dipgraph/dipgraph/gold"
)

// Comparison is one evaluation run twice: with the full gazetteer and with
// some officials taken out of it (the discovery of officials the gazetteer
// does not know, measured).
type Comparison struct {
	Full    *gold.Report `json:"full"`
	Without *gold.Report `json:"without"`
	Removed []string     `json:"removed"` // the ids taken out
}

// EvaluateWithout evaluates the articles under paths against the gold
// files with g, and again with the officials that names stand for removed
// from g (see WithoutOfficials).
func EvaluateWithout(ctx context.Context, goldPaths, paths []string, g *gazetteer.Gazetteer, eo extract.Options, names []string) (*Comparison, error) {
	full, err := Evaluate(ctx, goldPaths, paths, g, eo)
	if err != nil {
		return nil, err
	}
	g2, removed, err := WithoutOfficials(g, names)
	if err != nil {
		return nil, err
	}
	without, err := Evaluate(ctx, goldPaths, paths, g2, eo)
	if err != nil {
		return nil, err
	}
	return &Comparison{Full: full, Without: without, Removed: removed}, nil
}

// Write prints the two reports (the full one as figures only; the other
// with its misses and false facts when details is true) and the difference
// in meetings F1.
func (c *Comparison) Write(w io.Writer, details bool) {
	fmt.Fprintf(w, "== with the full gazetteer\n")
	c.Full.Write(w, false)
	fmt.Fprintf(w, "\n== without %d officials (%s)\n", len(c.Removed), strings.Join(c.Removed, ", "))
	c.Without.Write(w, details)
	f1, f2 := c.Full.Figure("meetings").F1, c.Without.Figure("meetings").F1
	fmt.Fprintf(w, "\nmeetings F1: %.3f with, %.3f without (difference %.3f)\n", f1, f2, f1-f2)
}
