package graph

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"
)

// RDF formats beside nquads: TriG keeps each quad's label as its named
// graph; Turtle drops the labels (each triple once).
const (
	FormatTriG   = "trig"
	FormatTurtle = "turtle"
)

// DefaultBase is the base IRI the command line puts before the store's
// short IRIs (Base of ExportOptions), and trig and turtle's when Base is
// empty. The .example top-level domain is reserved (RFC 2606), so
// the IRIs name nothing on the web; pass --base for a namespace of your own.
const DefaultBase = "https://dipgraph.example/"

// eachSelectedQuad calls fn with the store's quads, in store order: all of
// them, or with a filter the quads about what it keeps.
func (s *Store) eachSelectedQuad(ctx context.Context, m *exportModel, sel *exportSelection, fn func(quad.Quad) error) error {
	keep := map[string]bool{}
	if !sel.all {
		keep = m.keepSet(sel)
	}
	return s.eachQuad(ctx, func(q quad.Quad) error {
		if !sel.all {
			if !keep[valueText(q.Subject)] || (isEntity(q.Object) && !keep[valueText(q.Object)]) {
				return nil
			}
			if l := valueText(q.Label); strings.HasPrefix(l, "article/") && !keep[l] {
				return nil
			}
		}
		return fn(q)
	})
}

// rdfTerm writes a value in Turtle syntax (N-Triples' terms are Turtle's).
func rdfTerm(v quad.Value) string {
	switch v := v.(type) {
	case quad.IRI:
		return "<" + string(v) + ">"
	case quad.BNode:
		return "_:" + string(v)
	case quad.String, quad.TypedString, quad.LangString:
		return v.String()
	}
	return quad.String(valueText(v)).String()
}

// writeTriG writes the quads as TriG (labels as named graphs) or Turtle
// (labels dropped, each triple once), triples grouped by subject.
func (s *Store) writeTriG(ctx context.Context, w io.Writer, m *exportModel, sel *exportSelection, opt ExportOptions) error {
	base := opt.Base
	if base == "" {
		base = DefaultBase
	}
	trig := opt.Format == FormatTriG
	type triple struct{ s, p, o string }
	graphs := map[string][]triple{}
	seen := map[triple]bool{}
	err := s.eachSelectedQuad(ctx, m, sel, func(q quad.Quad) error {
		q = exportQuad(q, base)
		t := triple{rdfTerm(q.Subject), rdfTerm(q.Predicate), rdfTerm(q.Object)}
		g := ""
		if trig && q.Label != nil {
			g = rdfTerm(q.Label)
		}
		if !trig {
			if seen[t] {
				return nil
			}
			seen[t] = true
		}
		graphs[g] = append(graphs[g], t)
		return nil
	})
	if err != nil {
		return fmt.Errorf("%s export: %w", opt.Format, err)
	}
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# dipgraph %s export; IRIs resolved against <%s>\n", opt.Format, base)
	fmt.Fprintf(bw, "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n\n")
	for _, g := range sortedMapKeys(graphs) {
		ts := graphs[g]
		sort.SliceStable(ts, func(i, j int) bool { return ts[i].s < ts[j].s })
		indent := ""
		if trig {
			if g == "" {
				fmt.Fprintln(bw, "{")
			} else {
				fmt.Fprintf(bw, "%s {\n", g)
			}
			indent = "  "
		}
		for i, t := range ts {
			if i == 0 || ts[i-1].s != t.s {
				fmt.Fprintf(bw, "%s%s %s %s", indent, t.s, t.p, t.o)
			} else {
				fmt.Fprintf(bw, " ;\n%s    %s %s", indent, t.p, t.o)
			}
			if i == len(ts)-1 || ts[i+1].s != t.s {
				fmt.Fprintln(bw, " .")
			}
		}
		if trig {
			fmt.Fprintln(bw, "}")
		}
		fmt.Fprintln(bw)
	}
	return bw.Flush()
}
