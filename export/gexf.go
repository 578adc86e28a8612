package export

import (
	"bufio"
	"encoding/csv"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/dipgraph/dipgraph/schema"
)

// Graph formats for Gephi and Neo4j.
const (
	FormatGEXF  = "gexf"  // GEXF 1.2 with start/end for Gephi's timeline
	FormatNeo4j = "neo4j" // nodes.csv and relationships.csv for neo4j-admin database import
)

// Date precision columns: every date column of the graph formats has its
// precision ("day", "month", "year" or empty) beside it.
var (
	nodeDateColumns = []exportColumn{{"date_precision", "string"}}
	edgeDateColumns = map[string][]exportColumn{
		ViewFull: {{"date_precision", "string"}},
		ViewMet:  {{"first_precision", "string"}, {"last_precision", "string"}},
	}
)

func exportNodeCols() []exportColumn {
	return append(append([]exportColumn(nil), exportNodeColumns...), nodeDateColumns...)
}

func edgeColumns(view string) []exportColumn {
	return append(append([]exportColumn(nil), exportEdgeColumns[view]...), edgeDateColumns[view]...)
}

func precisionOf(date string) string {
	d, _ := schema.ParseDate(date)
	return precisionName(d)
}

func (n gNode) dateAttrs() []exportAttr {
	return []exportAttr{{"date_precision", "string", precisionOf(n.Date)}}
}

func (e gEdge) dateAttrs(view string) []exportAttr {
	if view == ViewMet {
		return []exportAttr{{"first_precision", "string", precisionOf(e.First)}, {"last_precision", "string", precisionOf(e.Last)}}
	}
	return []exportAttr{{"date_precision", "string", precisionOf(e.Date)}}
}

// spanOf is the first and last day of a date, "" when unknown.
func spanOf(date string) (string, string) {
	d, _ := schema.ParseDate(date)
	return dateSpan(d)
}

// ---------------------------------------------------------------------
// GEXF

var gexfTypes = map[string]string{"string": "string", "int": "integer", "boolean": "boolean"}

// writeGEXF writes GEXF 1.2 as a dynamic graph: meetings and their edges
// carry start and end (the first and last day of their date, so a month
// spans the month), and in the met view each edge has one spell per
// meeting, so that Gephi's timeline shows when pairs met.
func writeGEXF(w io.Writer, g *exportGraph) error {
	bw := bufio.NewWriter(w)
	esc := func(s string) string {
		var b strings.Builder
		xml.EscapeText(&b, []byte(s))
		return strings.ReplaceAll(b.String(), `"`, "&quot;")
	}
	dir := "undirected"
	if g.Directed {
		dir = "directed"
	}
	fmt.Fprintln(bw, `<?xml version="1.0" encoding="UTF-8"?>`)
	fmt.Fprintln(bw, `<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">`)
	fmt.Fprintln(bw, `  <meta><creator>dipgraph</creator><description>`+esc("dipgraph "+g.View+" view")+`</description></meta>`)
	fmt.Fprintf(bw, "  <graph mode=\"dynamic\" defaultedgetype=\"%s\" timeformat=\"date\">\n", dir)
	attrs := func(class string, cols []exportColumn) {
		fmt.Fprintf(bw, "    <attributes class=\"%s\" mode=\"static\">\n", class)
		for _, c := range cols {
			fmt.Fprintf(bw, "      <attribute id=\"%s\" title=\"%s\" type=\"%s\"/>\n", c.key, c.key, gexfTypes[c.typ])
		}
		fmt.Fprintln(bw, "    </attributes>")
	}
	attrs("node", exportNodeCols())
	attrs("edge", edgeColumns(g.View))
	values := func(as []exportAttr) {
		fmt.Fprintln(bw, "        <attvalues>")
		for _, a := range as {
			if !a.empty() {
				fmt.Fprintf(bw, "          <attvalue for=\"%s\" value=\"%s\"/>\n", a.key, esc(a.formatted()))
			}
		}
		fmt.Fprintln(bw, "        </attvalues>")
	}
	span := func(date string) string {
		if f, l := spanOf(date); f != "" {
			return fmt.Sprintf(" start=\"%s\" end=\"%s\"", f, l)
		}
		return ""
	}
	fmt.Fprintln(bw, "    <nodes>")
	for _, n := range g.Nodes {
		fmt.Fprintf(bw, "      <node id=\"%s\" label=\"%s\"%s>\n", esc(n.ID), esc(n.Name), span(n.Date))
		values(n.attrs())
		fmt.Fprintln(bw, "      </node>")
	}
	fmt.Fprintln(bw, "    </nodes>")
	fmt.Fprintln(bw, "    <edges>")
	for _, e := range g.Edges {
		if g.View == ViewMet {
			fmt.Fprintf(bw, "      <edge id=\"%s\" source=\"%s\" target=\"%s\" label=\"%s\" weight=\"%d\">\n", e.ID, esc(e.Source), esc(e.Target), esc(meetingsLabel(e, ", ")), e.Meetings)
		} else {
			fmt.Fprintf(bw, "      <edge id=\"%s\" source=\"%s\" target=\"%s\" label=\"%s\"%s>\n", e.ID, esc(e.Source), esc(e.Target), esc(e.Predicate), span(e.Date))
		}
		values(e.attrs(g.View))
		if g.View == ViewMet && len(e.spells) > 0 {
			fmt.Fprintln(bw, "        <spells>")
			for _, d := range e.spells {
				f, l := spanOf(d)
				fmt.Fprintf(bw, "          <spell start=\"%s\" end=\"%s\"/>\n", f, l)
			}
			fmt.Fprintln(bw, "        </spells>")
		}
		fmt.Fprintln(bw, "      </edge>")
	}
	fmt.Fprintln(bw, "    </edges>")
	fmt.Fprintln(bw, "  </graph>")
	fmt.Fprintln(bw, "</gexf>")
	return bw.Flush()
}

// metSpells gives each met-view edge the dates of its meetings.
func (m *exportModel) metSpells(g *exportGraph) {
	for i := range g.Edges {
		e := &g.Edges[i]
		seen := map[string]bool{}
		for _, id := range e.MeetingIDs {
			if mi := m.meetings[schema.MeetingIRI(id)]; mi != nil && !mi.date.IsZero() && !seen[mi.date.String()] {
				seen[mi.date.String()] = true
				e.spells = append(e.spells, mi.date.String())
			}
		}
	}
}

// ---------------------------------------------------------------------
// Neo4j

// neo4jTypes are neo4j-admin import's header types of the columns.
var neo4jTypes = map[string]string{"string": "", "int": ":int", "boolean": ":boolean"}

// neo4jLists are columns written as neo4j string arrays (";" between
// items, neo4j-admin's default array delimiter), not JSON text.
var neo4jLists = map[string]bool{"aliases": true, "articles": true, "meeting_ids": true}

func neo4jLabel(kind string) string {
	if kind == "" {
		return ""
	}
	return strings.ToUpper(kind[:1]) + kind[1:]
}

func neo4jHeader(c exportColumn) string {
	if neo4jLists[c.key] {
		return c.key + ":string[]"
	}
	return c.key + neo4jTypes[c.typ]
}

func neo4jValue(a exportAttr) string {
	if s, ok := a.val.(string); ok && neo4jLists[a.key] && s != "" {
		var l []string
		if err := jsonUnmarshalList(s, &l); err == nil {
			return strings.Join(l, ";")
		}
	}
	if a.val == nil {
		return ""
	}
	return a.formatted()
}

// writeNeo4jNodes writes nodes.csv: id:ID, the attributes, date_first:date
// and date_last:date (the days a partial date covers), :LABEL.
func writeNeo4jNodes(w io.Writer, g *exportGraph) error {
	cw := csv.NewWriter(w)
	head := []string{"id:ID"}
	for _, c := range exportNodeCols() {
		head = append(head, neo4jHeader(c))
	}
	cw.Write(append(head, "date_first:date", "date_last:date", ":LABEL"))
	for _, n := range g.Nodes {
		row := []string{n.ID}
		for _, a := range n.attrs() {
			row = append(row, neo4jValue(a))
		}
		f, l := spanOf(n.Date)
		cw.Write(append(row, f, l, neo4jLabel(n.Kind)))
	}
	cw.Flush()
	return cw.Error()
}

// writeNeo4jRelationships writes relationships.csv: :START_ID, :END_ID,
// :TYPE (the predicate in capitals: PARTICIPANT, MET …), the attributes.
func writeNeo4jRelationships(w io.Writer, g *exportGraph) error {
	cw := csv.NewWriter(w)
	head := []string{":START_ID", ":END_ID", ":TYPE", "id"}
	for _, c := range edgeColumns(g.View) {
		head = append(head, neo4jHeader(c))
	}
	cw.Write(head)
	for _, e := range g.Edges {
		row := []string{e.Source, e.Target, strings.ToUpper(e.Predicate), e.ID}
		for _, a := range e.attrs(g.View) {
			row = append(row, neo4jValue(a))
		}
		cw.Write(row)
	}
	cw.Flush()
	return cw.Error()
}
