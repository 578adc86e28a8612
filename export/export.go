// Package export writes the graph for other tools: Graphviz (DOT, SVG,
// PNG), networkx node-link JSON, GraphML, GEXF, CSV tables, Neo4j import
// files, the event-data tables (events, dyads; CSV or Parquet), and, by
// the store's own writer, N-Quads, TriG and Turtle.
//
// It holds the export model (what the exports need, read from the
// store's statements in one pass), the selection a Filter makes, the
// projections (the full property graph and the met view) and the
// writers. It reads the store only through Source, whose statements are
// plain text (schema.Statement): it never imports Cayley; *graph.Store is
// a Source.
package export

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/dipgraph/dipgraph/schema"
)

// Source is what an export reads: a store. *graph.Store is one.
type Source interface {
	// Statements calls fn with every statement of the store, in store
	// order; an error of fn stops it and is returned.
	Statements(ctx context.Context, fn func(schema.Statement) error) error
	// ResolveOfficialID gives the id of the one official a name (a
	// name, alias, surname or id) stands for, or the store's
	// not-found or ambiguity error.
	ResolveOfficialID(ctx context.Context, name string) (string, error)
	// WriteRDF writes the statements keep keeps (all when keep is nil)
	// as nquads, trig or turtle, IRIs put after base.
	WriteRDF(ctx context.Context, w io.Writer, format, base string, keep func(schema.Statement) bool) error
}

// Export formats (Options.Format).
const (
	FormatDOT     = "dot"     // Graphviz source
	FormatSVG     = "svg"     // the DOT drawn by Graphviz's dot program
	FormatPNG     = "png"     // the DOT drawn by Graphviz's dot program
	FormatNQuads  = "nquads"  // the store's quads, labels included (Source.WriteRDF)
	FormatTriG    = "trig"    // the quads as TriG, labels as named graphs (Source.WriteRDF)
	FormatTurtle  = "turtle"  // the triples as Turtle, labels dropped (Source.WriteRDF)
	FormatJSON    = "json"    // networkx node-link data
	FormatGraphML = "graphml" // GraphML for networkx and Gephi
	FormatCSV     = "csv"     // nodes.csv and edges.csv
)

// Formats lists the export formats.
func Formats() []string {
	return append([]string{FormatDOT, FormatSVG, FormatPNG, FormatNQuads, FormatJSON, FormatGraphML, FormatCSV}, researchFormats...)
}

// Export views (Options.View).
const (
	// ViewFull is the property graph: officials, meetings, topics, roles
	// and places, one edge per fact and article.
	ViewFull = "full"
	// ViewMet projects the graph on officials: one edge per pair that met,
	// with the number of meetings and the date range.
	ViewMet = "met"
)

// Filter selects part of the graph. Every filter selects meetings; the
// export then holds those meetings with the officials, topics and places
// they involve, and the roles the articles say those officials hold.
type Filter struct {
	// Official (a name, alias, surname or id) centres an ego network:
	// the officials within Hops meetings of them, and the meetings among
	// those officials only.
	Official string
	// Hops is the radius of the ego network (0: the official alone).
	Hops int
	// From and To keep meetings dated within the span (both ends
	// included; a partial date counts when any day of it is inside).
	// Undated meetings go when either is set.
	From, To schema.Date
	// Topic keeps meetings that discussed the topic (its id: "alliance").
	Topic string
	// Country keeps meetings with at least one official of the country
	// (its code: "VN"), with all their participants.
	Country string
}

// active reports whether the filter selects anything less than all.
func (f Filter) active() bool {
	return f.Official != "" || !f.From.IsZero() || !f.To.IsZero() || f.Topic != "" || f.Country != ""
}

// Options say what to export and how.
type Options struct {
	Format string
	// View is ViewFull (the default when empty) or ViewMet; nquads has
	// no views.
	View   string
	Filter Filter
	// Table picks one CSV table ("nodes" or "edges") to write to a
	// stream; WriteCSV writes both files.
	Table string
	// Parquet writes the events and dyads tables as Parquet, not CSV.
	Parquet bool
	// Dot is the Graphviz program used for svg and png (default "dot",
	// looked up on PATH).
	Dot string
	// Base, for nquads, is put before every IRI, which the store keeps
	// relative ("article/x"): N-Quads parsers other than Cayley's (rdflib)
	// want absolute IRIs ("https://example.org/dipgraph/article/x"). It
	// must be an absolute IRI itself. Empty: the IRIs as stored, as
	// cayley load takes them.
	Base string
}

// Check tells whether the options ask for an export there is: a known
// format, a view it has, a base IRI where one is used.
func (o Options) Check() error {
	ok := false
	for _, f := range Formats() {
		ok = ok || f == o.Format
	}
	if !ok {
		return fmt.Errorf("export format %q: want one of %s", o.Format, strings.Join(Formats(), ", "))
	}
	switch o.View {
	case "", ViewFull:
	case ViewMet:
		if o.Format == FormatNQuads || viewless(o.Format) {
			return fmt.Errorf("view %q: %s exports %s, not a view; drop --view or pick another format", o.View, o.Format, viewlessWhat(o.Format))
		}
	default:
		return fmt.Errorf("export view %q: want %s or %s", o.View, ViewFull, ViewMet)
	}
	if o.Base != "" {
		if o.Format != FormatNQuads && o.Format != FormatTriG && o.Format != FormatTurtle {
			return fmt.Errorf("base IRI: only for nquads, trig and turtle")
		}
		if i := strings.IndexByte(o.Base, ':'); i <= 0 || schema.EscapeIRI(o.Base) != o.Base {
			return fmt.Errorf("base IRI %q: want an absolute IRI such as https://example.org/dipgraph/", o.Base)
		}
	}
	if o.Filter.Hops < 0 {
		return fmt.Errorf("hops %d: want 0 or more", o.Filter.Hops)
	}
	return nil
}

// prepare checks the options, resolves the filter's official, reads the
// model and selects what the filter keeps.
func prepare(ctx context.Context, src Source, opt *Options) (*exportModel, *exportSelection, error) {
	if err := opt.Check(); err != nil {
		return nil, nil, err
	}
	if opt.Filter.Official != "" {
		id, err := src.ResolveOfficialID(ctx, opt.Filter.Official)
		if err != nil {
			return nil, nil, err
		}
		opt.Filter.Official = "official/" + id
	}
	m, err := loadModel(ctx, src)
	if err != nil {
		return nil, nil, err
	}
	sel, err := m.selectMeetings(opt.Filter)
	if err != nil {
		return nil, nil, err
	}
	return m, sel, nil
}

// Write writes the store, or the part the filter selects, to w in the
// given format. CSV and neo4j need Table here; WriteCSV and WriteNeo4j
// write both tables.
func Write(ctx context.Context, w io.Writer, src Source, opt Options) error {
	if err := opt.Check(); err != nil {
		return err
	}
	if opt.Format == FormatCSV && opt.Table != "nodes" && opt.Table != "edges" {
		return fmt.Errorf("csv export to a stream: pick the table (nodes or edges)")
	}
	m, sel, err := prepare(ctx, src, &opt)
	if err != nil {
		return err
	}
	switch opt.Format {
	case FormatNQuads, FormatTriG, FormatTurtle:
		return src.WriteRDF(ctx, w, opt.Format, opt.Base, m.keep(sel))
	}
	if done, err := m.writeResearch(ctx, w, src, sel, opt); done {
		return err
	}
	g := m.graph(sel, opt.View)
	switch opt.Format {
	case FormatDOT:
		return writeDOT(w, g)
	case FormatSVG, FormatPNG:
		return renderDOT(ctx, w, g, opt.Format, opt.Dot)
	case FormatJSON:
		return writeNodeLink(w, g)
	case FormatGraphML:
		return writeGraphML(w, g)
	default:
		if opt.Table == "nodes" {
			return writeNodesCSV(w, g)
		}
		return writeEdgesCSV(w, g)
	}
}

// WriteCSV writes nodes.csv and edges.csv into dir (made if needed). Each
// file is written under a temporary name and renamed when complete.
func WriteCSV(ctx context.Context, dir string, src Source, opt Options) error {
	opt.Format = FormatCSV
	m, sel, err := prepare(ctx, src, &opt)
	if err != nil {
		return err
	}
	g := m.graph(sel, opt.View)
	return writeDir(dir, "csv", g, dirFile{"nodes.csv", writeNodesCSV}, dirFile{"edges.csv", writeEdgesCSV})
}

// WriteNeo4j writes nodes.csv and relationships.csv into dir for
// neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv.
func WriteNeo4j(ctx context.Context, dir string, src Source, opt Options) error {
	opt.Format = FormatNeo4j
	m, sel, err := prepare(ctx, src, &opt)
	if err != nil {
		return err
	}
	g := m.graph(sel, opt.View)
	return writeDir(dir, "neo4j", g, dirFile{"nodes.csv", writeNeo4jNodes}, dirFile{"relationships.csv", writeNeo4jRelationships})
}

// dirFile is one file of a folder export and its writer.
type dirFile struct {
	name  string
	write func(io.Writer, *exportGraph) error
}

// writeDir writes the files of a folder export into dir (made if
// needed), in order, each atomically (WriteFileAtomic).
func writeDir(dir, what string, g *exportGraph, files ...dirFile) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("%s export: %w", what, err)
	}
	for _, f := range files {
		if err := WriteFileAtomic(filepath.Join(dir, f.name), func(w io.Writer) error { return f.write(w, g) }); err != nil {
			return err
		}
	}
	return nil
}
