package graph

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
)

// researchFormats are the formats for other tools' users: event tables,
// RDF with absolute IRIs, GEXF and Neo4j import files.
var researchFormats = []string{FormatEvents, FormatDyads, FormatTriG, FormatTurtle, FormatGEXF, FormatNeo4j}

// viewless reports whether a format has no full or met view.
func viewless(format string) bool {
	switch format {
	case FormatEvents, FormatDyads, FormatTriG, FormatTurtle:
		return true
	}
	return false
}

func viewlessWhat(format string) string {
	switch format {
	case FormatEvents:
		return "one row per meeting"
	case FormatDyads:
		return "one row per pair and meeting"
	}
	return "quads"
}

// exportResearch writes the research formats; done is false for others.
func (s *Store) exportResearch(ctx context.Context, w io.Writer, m *exportModel, sel *exportSelection, opt ExportOptions) (done bool, err error) {
	switch opt.Format {
	case FormatEvents, FormatDyads:
		return true, s.writeEvents(ctx, w, m, sel, opt)
	case FormatTriG, FormatTurtle:
		return true, s.WriteRDF(ctx, w, opt.Format, opt.Base, m.keep(sel))
	case FormatGEXF:
		g := m.graph(sel, opt.View)
		if g.View == ViewMet {
			m.metSpells(g)
		}
		return true, writeGEXF(w, g)
	case FormatNeo4j:
		g := m.graph(sel, opt.View)
		switch opt.Table {
		case "nodes":
			return true, writeNeo4jNodes(w, g)
		case "relationships", "edges":
			return true, writeNeo4jRelationships(w, g)
		}
		return true, fmt.Errorf("neo4j export to a stream: pick the table (nodes or relationships); a folder gets both")
	}
	return false, nil
}

func jsonUnmarshalList(s string, l *[]string) error { return json.Unmarshal([]byte(s), l) }
