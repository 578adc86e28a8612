package export

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

// writeResearch writes the research formats; done is false for others.
func (m *exportModel) writeResearch(ctx context.Context, w io.Writer, src Source, sel *exportSelection, opt Options) (done bool, err error) {
	switch opt.Format {
	case FormatEvents, FormatDyads:
		return true, m.writeEvents(ctx, w, src, sel, opt)
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
