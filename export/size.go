package export

import "fmt"

// Sizes past which a picture stops being readable.
const (
	// FullDrawMax is the most nodes the full view draws as svg or png:
	// past it the strip Graphviz lays out is too long to read, and the
	// export refuses with advice.
	FullDrawMax = 400
	// MetNeatoMax is the most officials the met view lays out with neato
	// (spline edges); past it the view is laid out with sfdp, which
	// finishes on thousands of nodes, with straight edges.
	MetNeatoMax = 300
)

// metLayout gives the Graphviz layout attributes of the met view, and a
// note for its title when the layout is the one for large graphs.
func metLayout(g *exportGraph) (attrs, note string) {
	if len(g.Nodes) <= MetNeatoMax {
		return "layout=neato, overlap=false, splines=true", ""
	}
	return "layout=sfdp, overlap=prism, splines=false",
		fmt.Sprintf(" — %d officials, %d pairs: laid out by sfdp; narrow with --official, --country, --from/--to for a clearer picture", len(g.Nodes), len(g.Edges))
}

// checkDrawable refuses a full-view picture too large to read.
func checkDrawable(g *exportGraph, format string) error {
	if g.View == ViewMet || len(g.Nodes) <= FullDrawMax {
		return nil
	}
	return fmt.Errorf("--format %s of the full view: %d nodes, more than %d, would be a picture too large to read (and slow to lay out); "+
		"narrow it with --official NAME --hops 1, --country CC, --topic or --from/--to, draw --view met, or write --format dot/graphml/gexf for another tool",
		format, len(g.Nodes), FullDrawMax)
}
