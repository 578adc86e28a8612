package export

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/dipgraph/dipgraph/schema"
)

// exportAttr is one attribute of a node or an edge. Values are strings, ints
// or bools; lists are written as JSON text, since GraphML and networkx's
// GraphML writer take no list attributes.
type exportAttr struct {
	key string
	typ string // "string", "int" or "boolean"
	val any
}

func (a exportAttr) empty() bool {
	switch v := a.val.(type) {
	case string:
		return v == ""
	case int:
		return false
	case bool:
		return false
	}
	return a.val == nil
}

// formatted formats the value for CSV and GraphML.
func (a exportAttr) formatted() string {
	switch v := a.val.(type) {
	case string:
		return v
	case int:
		return strconv.Itoa(v)
	case bool:
		return strconv.FormatBool(v)
	}
	return ""
}

func jsonList(l []string) string {
	if len(l) == 0 {
		return ""
	}
	b, _ := json.Marshal(l)
	return string(b)
}

type exportColumn struct{ key, typ string }

var exportNodeColumns = []exportColumn{
	{"kind", "string"}, {"name", "string"}, {"country", "string"}, {"provisional", "boolean"},
	{"aliases", "string"}, {"date", "string"}, {"status", "string"}, {"meeting_kind", "string"},
	{"place", "string"}, {"articles", "string"},
}

var exportEdgeColumns = map[string][]exportColumn{
	ViewFull: {{"predicate", "string"}, {"meeting", "string"}, {"date", "string"}, {"article", "string"},
		{"file", "string"}, {"url", "string"}, {"title", "string"}, {"position", "string"},
		{"sentence", "string"}, {"text", "string"}},
	ViewMet: {{"predicate", "string"}, {"meetings", "int"}, {"first", "string"}, {"last", "string"},
		{"meeting_ids", "string"}, {"articles", "string"}},
}

// attrs lists a node's attributes in exportNodeColumns order; the boolean
// "provisional" is given for officials only (nil elsewhere).
func (n gNode) attrs() []exportAttr {
	var prov any
	if n.Kind == "official" {
		prov = n.Provisional
	}
	vals := []any{n.Kind, n.Name, n.Country, prov, jsonList(n.Aliases), n.Date, n.Status, n.MeetingKind, n.Place, jsonList(n.Articles)}
	out := make([]exportAttr, len(exportNodeColumns))
	for i, c := range exportNodeColumns {
		out[i] = exportAttr{c.key, c.typ, vals[i]}
	}
	return append(out, n.dateAttrs()...)
}

func (e gEdge) attrs(view string) []exportAttr {
	var vals []any
	if view == ViewMet {
		vals = []any{e.Predicate, e.Meetings, e.First, e.Last, jsonList(e.MeetingIDs), jsonList(e.ArticleIDs)}
	} else {
		vals = []any{e.Predicate, e.Meeting, e.Date, e.Article, e.File, e.URL, e.Title, e.Position, e.Sentence, e.Text}
	}
	cols := exportEdgeColumns[view]
	out := make([]exportAttr, len(cols))
	for i, c := range cols {
		out[i] = exportAttr{c.key, c.typ, vals[i]}
	}
	return append(out, e.dateAttrs(view)...)
}

// ---------------------------------------------------------------------
// node-link JSON

// writeNodeLink writes networkx node-link data. The edge list is given
// twice, under "links" (the key networkx 2.8–3.5 read by default) and
// "edges" (the default from 3.6), so that nx.node_link_graph(data) works
// on every version and nx.node_link_graph(data, edges="links") on 3.4+.
func writeNodeLink(w io.Writer, g *exportGraph) error {
	type obj = map[string]any
	nodes := make([]obj, 0, len(g.Nodes))
	for _, n := range g.Nodes {
		o := obj{"id": n.ID}
		for _, a := range n.attrs() {
			if !a.empty() {
				o[a.key] = a.val
			}
		}
		nodes = append(nodes, o)
	}
	edges := make([]obj, 0, len(g.Edges))
	for _, e := range g.Edges {
		o := obj{"source": e.Source, "target": e.Target}
		if g.Multi {
			o["key"] = e.ID
		} else {
			o["id"] = e.ID
		}
		for _, a := range e.attrs(g.View) {
			if !a.empty() {
				o[a.key] = a.val
			}
		}
		edges = append(edges, o)
	}
	data := struct {
		Directed   bool  `json:"directed"`
		Multigraph bool  `json:"multigraph"`
		Graph      obj   `json:"graph"`
		Nodes      []obj `json:"nodes"`
		Links      []obj `json:"links"`
		Edges      []obj `json:"edges"`
	}{g.Directed, g.Multi, obj{"name": "dipgraph", "view": g.View}, nodes, edges, edges}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	return enc.Encode(data)
}

// ---------------------------------------------------------------------
// GraphML

// writeGraphML writes GraphML that networkx.read_graphml and Gephi read:
// typed keys, "label" attributes for Gephi, "weight" on met edges.
func writeGraphML(w io.Writer, g *exportGraph) error {
	bw := bufio.NewWriter(w)
	esc := func(s string) string {
		var b strings.Builder
		xml.EscapeText(&b, []byte(s))
		return b.String()
	}
	fmt.Fprintln(bw, `<?xml version="1.0" encoding="UTF-8"?>`)
	fmt.Fprintln(bw, `<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">`)
	fmt.Fprintln(bw, `  <key id="n_label" for="node" attr.name="label" attr.type="string"/>`)
	for _, c := range exportNodeCols() {
		fmt.Fprintf(bw, "  <key id=\"n_%s\" for=\"node\" attr.name=\"%s\" attr.type=\"%s\"/>\n", c.key, c.key, c.typ)
	}
	fmt.Fprintln(bw, `  <key id="e_label" for="edge" attr.name="label" attr.type="string"/>`)
	if g.View == ViewMet {
		fmt.Fprintln(bw, `  <key id="e_weight" for="edge" attr.name="weight" attr.type="double"/>`)
	}
	for _, c := range edgeColumns(g.View) {
		fmt.Fprintf(bw, "  <key id=\"e_%s\" for=\"edge\" attr.name=\"%s\" attr.type=\"%s\"/>\n", c.key, c.key, c.typ)
	}
	dir := "undirected"
	if g.Directed {
		dir = "directed"
	}
	fmt.Fprintf(bw, "  <graph id=\"dipgraph-%s\" edgedefault=\"%s\">\n", g.View, dir)
	data := func(prefix string, a exportAttr) {
		if !a.empty() {
			fmt.Fprintf(bw, "      <data key=\"%s_%s\">%s</data>\n", prefix, a.key, esc(a.formatted()))
		}
	}
	for _, n := range g.Nodes {
		fmt.Fprintf(bw, "    <node id=\"%s\">\n", esc(n.ID))
		data("n", exportAttr{"label", "string", n.Name})
		for _, a := range n.attrs() {
			data("n", a)
		}
		fmt.Fprintln(bw, "    </node>")
	}
	for _, e := range g.Edges {
		fmt.Fprintf(bw, "    <edge id=\"%s\" source=\"%s\" target=\"%s\">\n", e.ID, esc(e.Source), esc(e.Target))
		label := e.Predicate
		if e.Date != "" {
			label += " " + e.Date
		}
		if g.View == ViewMet {
			label = meetingsLabel(e, ", ")
			data("e", exportAttr{"weight", "double", strconv.Itoa(e.Meetings)})
		}
		data("e", exportAttr{"label", "string", label})
		for _, a := range e.attrs(g.View) {
			data("e", a)
		}
		fmt.Fprintln(bw, "    </edge>")
	}
	fmt.Fprintln(bw, "  </graph>")
	fmt.Fprintln(bw, "</graphml>")
	return bw.Flush()
}

// meetingsLabel says how often a pair met and when: "3 meetings" sep
// "2025-07-18 – 2025-12-01".
func meetingsLabel(e gEdge, sep string) string {
	s := "1 meeting"
	if e.Meetings != 1 {
		s = strconv.Itoa(e.Meetings) + " meetings"
	}
	switch {
	case e.First == "":
	case e.First == e.Last:
		s += sep + e.First
	default:
		s += sep + e.First + " – " + e.Last
	}
	return s
}

// ---------------------------------------------------------------------
// CSV

func writeNodesCSV(w io.Writer, g *exportGraph) error {
	cw := csv.NewWriter(w)
	head := []string{"id"}
	for _, c := range exportNodeCols() {
		head = append(head, c.key)
	}
	cw.Write(head)
	for _, n := range g.Nodes {
		row := []string{n.ID}
		for _, a := range n.attrs() {
			row = append(row, a.formatted())
		}
		cw.Write(row)
	}
	cw.Flush()
	return cw.Error()
}

func writeEdgesCSV(w io.Writer, g *exportGraph) error {
	cw := csv.NewWriter(w)
	head := []string{"id", "source", "target"}
	for _, c := range edgeColumns(g.View) {
		head = append(head, c.key)
	}
	cw.Write(head)
	for _, e := range g.Edges {
		row := []string{e.ID, e.Source, e.Target}
		for _, a := range e.attrs(g.View) {
			row = append(row, a.formatted())
		}
		cw.Write(row)
	}
	cw.Flush()
	return cw.Error()
}

// WriteFileAtomic writes path through fill: to a temporary file beside it,
// renamed over path only when fill succeeds, so that a failed export never
// leaves half a file.
func WriteFileAtomic(path string, fill func(io.Writer) error) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	tmp := f.Name()
	bw := bufio.NewWriter(f)
	err = fill(bw)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, 0o644)
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// ---------------------------------------------------------------------
// N-Quads

// entityPrefixes are the kinds of IRIs a filter can leave out.
var entityPrefixes = []string{"official/", "meeting/", "topic/", "role/", "place/", "country/", "article/", "sentence/", "fact/"}

func isEntity(st schema.Statement) bool {
	if !st.ObjectIRI {
		return false
	}
	for _, p := range entityPrefixes {
		if strings.HasPrefix(st.Object, p) {
			return true
		}
	}
	return false
}

// keep says which statements a filtered RDF export keeps: those about
// what the selection keeps (keepSet), with their labels; nil (all) when
// nothing is filtered.
func (m *exportModel) keep(sel *exportSelection) func(schema.Statement) bool {
	if sel.all {
		return nil
	}
	keep := m.keepSet(sel)
	return func(st schema.Statement) bool {
		if !keep[st.Subject] || (isEntity(st) && !keep[st.Object]) {
			return false
		}
		if l := st.Label; strings.HasPrefix(l, "article/") && !keep[l] {
			return false
		}
		return true
	}
}

// keepSet lists the IRIs a filtered nquads export keeps: the nodes of the
// filtered graph, their countries, the articles and sentences that state
// its facts, and the fact nodes about them.
func (m *exportModel) keepSet(sel *exportSelection) map[string]bool {
	g := m.graph(sel, ViewFull)
	keep := map[string]bool{}
	for _, n := range g.Nodes {
		keep[n.ID] = true
		if n.Country != "" {
			keep["country/"+n.Country] = true
		}
	}
	for _, e := range g.Edges {
		keep["article/"+e.Article] = true
		if e.Sentence != "" {
			keep[e.Sentence] = true
		}
		if mi := m.meetings[e.Source]; mi != nil {
			if r := mi.reports["article/"+e.Article]; r != nil {
				for _, s := range r.sentences {
					keep[s] = true
				}
			}
		}
	}
	for f, k := range m.factParts {
		if keep[k.s] && keep[k.o] {
			keep[f] = true
			for _, s := range m.factSentences[f] {
				if keep[s.label] || !strings.HasPrefix(s.label, "article/") {
					keep[s.s] = true
				}
			}
		}
	}
	return keep
}
