package graph

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"sort"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"github.com/dipgraph/dipgraph/schema"
)

// The store's reader for the exports (package export) and its writer of
// the RDF formats, which are Cayley's own: export reads statements as
// plain text and never sees a Cayley type.

// RDF formats the store writes (WriteRDF): N-Quads with the labels, TriG
// with each quad's label as its named graph, Turtle without labels (each
// triple once). The names are export's format names.
const (
	FormatNQuads = "nquads"
	FormatTriG   = "trig"
	FormatTurtle = "turtle"
)

// DefaultBase is the base IRI the command line puts before the store's
// short IRIs in nquads, and trig and turtle's when the base given is
// empty. The .example top-level domain is reserved (RFC 2606), so the
// IRIs name nothing on the web; pass --base for a namespace of your own.
const DefaultBase = "https://dipgraph.example/"

// valueText returns the text of an IRI or a literal without quoting.
func valueText(v quad.Value) string {
	switch v := v.(type) {
	case nil:
		return ""
	case quad.IRI:
		return string(v)
	case quad.String:
		return string(v)
	case quad.TypedString:
		return string(v.Value)
	case quad.LangString:
		return string(v.Value)
	case quad.BNode:
		return "_:" + string(v)
	}
	return v.String()
}

// statementOf is a quad as plain text.
func statementOf(q quad.Quad) schema.Statement {
	_, iri := q.Object.(quad.IRI)
	return schema.Statement{
		Subject: valueText(q.Subject), Predicate: valueText(q.Predicate),
		Object: valueText(q.Object), Label: valueText(q.Label), ObjectIRI: iri,
	}
}

// eachQuad calls fn with every quad of the store.
func (s *Store) eachQuad(ctx context.Context, fn func(quad.Quad) error) error {
	it := s.qs.QuadsAllIterator()
	defer it.Close()
	for n := 0; it.Next(ctx); n++ {
		if n%4096 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		if err := fn(s.qs.Quad(it.Result())); err != nil {
			return err
		}
	}
	if err := it.Err(); err != nil {
		return err
	}
	return ctx.Err()
}

// Statements calls fn with every statement of the store, in store order,
// as plain text; an error of fn stops the walk and is returned as is. It
// is the reader the exports are fed by.
func (s *Store) Statements(ctx context.Context, fn func(schema.Statement) error) (err error) {
	defer s.guard(&err)()
	return s.eachQuad(ctx, func(q quad.Quad) error { return fn(statementOf(q)) })
}

// ResolveOfficialID is ResolveOfficial giving the official's id only
// ("christopher-landau"), with ResolveOfficial's errors.
func (s *Store) ResolveOfficialID(ctx context.Context, name string) (string, error) {
	o, err := s.ResolveOfficial(ctx, name)
	if err != nil {
		return "", err
	}
	return o.ID, nil
}

// WriteRDF writes the store's quads in one of its RDF formats
// (FormatNQuads, FormatTriG, FormatTurtle), in store order: all of them,
// or those keep keeps when keep is not nil. IRIs are escaped (schema.EscapeIRI)
// and put after base; trig and turtle take DefaultBase when base is empty.
func (s *Store) WriteRDF(ctx context.Context, w io.Writer, format, base string, keep func(schema.Statement) bool) (err error) {
	defer s.guard(&err)()
	switch format {
	case FormatNQuads:
		return s.writeNQuads(ctx, w, base, keep)
	case FormatTriG, FormatTurtle:
		return s.writeTriG(ctx, w, format, base, keep)
	}
	return fmt.Errorf("rdf format %q: want %s, %s or %s", format, FormatNQuads, FormatTriG, FormatTurtle)
}

// eachKeptQuad calls fn with the store's quads that keep keeps (all when
// keep is nil).
func (s *Store) eachKeptQuad(ctx context.Context, keep func(schema.Statement) bool, fn func(quad.Quad) error) error {
	return s.eachQuad(ctx, func(q quad.Quad) error {
		if keep != nil && !keep(statementOf(q)) {
			return nil
		}
		return fn(q)
	})
}

// writeNQuads writes the quads with their labels.
func (s *Store) writeNQuads(ctx context.Context, w io.Writer, base string, keep func(schema.Statement) bool) error {
	nw := nquads.NewWriter(w)
	err := s.eachKeptQuad(ctx, keep, func(q quad.Quad) error { return nw.WriteQuad(exportQuad(q, base)) })
	if cerr := nw.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("nquads export: %w", err)
	}
	return nil
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
func (s *Store) writeTriG(ctx context.Context, w io.Writer, format, base string, keep func(schema.Statement) bool) error {
	if base == "" {
		base = DefaultBase
	}
	trig := format == FormatTriG
	type triple struct{ s, p, o string }
	graphs := map[string][]triple{}
	seen := map[triple]bool{}
	err := s.eachKeptQuad(ctx, keep, func(q quad.Quad) error {
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
		return fmt.Errorf("%s export: %w", format, err)
	}
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# dipgraph %s export; IRIs resolved against <%s>\n", format, base)
	fmt.Fprintf(bw, "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n\n")
	names := make([]string, 0, len(graphs))
	for g := range graphs {
		names = append(names, g)
	}
	sort.Strings(names)
	for _, g := range names {
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
