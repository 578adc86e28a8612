package export_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/export"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/internal/pyrun"
)

// These tests hand the exports to the programs people read them with:
// Graphviz's dot, networkx and pandas in a real Python process. Each skips
// when its program or module is missing (CI installs graphviz,
// python3-networkx and python3-pandas).

func writeExport(t *testing.T, st *graph.Store, opt export.Options, name string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(exportString(t, st, opt)), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestExportRenderWithDot(t *testing.T) {
	if _, err := exec.LookPath("dot"); err != nil {
		t.Skip("Graphviz's dot is not installed (apt-get install graphviz)")
	}
	st := exportMem(t)
	for _, view := range []string{export.ViewFull, export.ViewMet} {
		svg := exportString(t, st, export.Options{Format: export.FormatSVG, View: view})
		var doc struct {
			XMLName xml.Name
			Titles  []string `xml:"g>g>title"`
		}
		if err := xml.Unmarshal([]byte(svg), &doc); err != nil || doc.XMLName.Local != "svg" {
			t.Fatalf("%s: dot's output is not SVG: %v\n%.300s", view, err, svg)
		}
		if !strings.Contains(svg, "Đặng Hoàng Giang") || !strings.Contains(svg, "Tô Lâm") {
			t.Errorf("%s SVG lacks the Vietnamese names with their diacritics", view)
		}
		if !slices.Contains(doc.Titles, "official/dang-hoang-giang") {
			t.Errorf("%s SVG: node titles %v lack official/dang-hoang-giang", view, doc.Titles)
		}
		png := exportString(t, st, export.Options{Format: export.FormatPNG, View: view})
		if !strings.HasPrefix(png, "\x89PNG\r\n") || len(png) < 1000 {
			t.Errorf("%s png: %d bytes, not a PNG picture", view, len(png))
		}
	}
	// A Graphviz program that fails is reported with its name.
	if f, err := exec.LookPath("false"); err == nil {
		err := export.Write(context.Background(), &bytes.Buffer{}, st, export.Options{Format: export.FormatSVG, Dot: f})
		if err == nil || !strings.Contains(err.Error(), "render svg with "+f) {
			t.Errorf("a failing dot program: error %v", err)
		}
	}
}

const networkxScript = `
import json, sys, networkx as nx
out = {"version": nx.__version__}
with open(sys.argv[1], encoding="utf-8") as f:
    data = json.load(f)
G = nx.node_link_graph(data)
out["plain"] = [G.number_of_nodes(), G.number_of_edges(), G.is_directed(), G.is_multigraph()]
try:
    H = nx.node_link_graph(data, edges="links")
    out["edges_links"] = [H.number_of_nodes(), H.number_of_edges()]
except TypeError:
    H = nx.node_link_graph(data, link="links")  # networkx < 3.4 names it link
    out["edges_links"] = [H.number_of_nodes(), H.number_of_edges()]
out["giang"] = G.nodes["official/dang-hoang-giang"]["name"]
out["aliases"] = json.loads(G.nodes["official/christopher-landau"]["aliases"])
M = nx.read_graphml(sys.argv[2])
out["graphml"] = [M.number_of_nodes(), M.number_of_edges()]
out["graphml_giang"] = M.nodes["official/dang-hoang-giang"]["name"]
edge = next(d for _, _, d in M.edges(data=True) if d.get("predicate") == "participant")
out["graphml_edge"] = {k: edge.get(k) for k in ("article", "date", "sentence", "text")}
nx.write_graphml(M, sys.argv[3])
print(json.dumps(out))
`

// TestExportNetworkx loads the node-link JSON and the GraphML with each
// networkx found (Debian's 2.8 and a 3.x on PATH, when both are there).
func TestExportNetworkx(t *testing.T) {
	st := exportMem(t)
	for _, view := range []string{export.ViewFull, export.ViewMet} {
		d := exportJSON(t, st, export.Options{View: view})
		jsonPath := writeExport(t, st, export.Options{Format: export.FormatJSON, View: view}, view+".json")
		gmlPath := writeExport(t, st, export.Options{Format: export.FormatGraphML, View: view}, view+".graphml")
		for _, py := range pyrun.Pythons(t, "networkx") {
			var got struct {
				Version     string
				Plain       []any
				EdgesLinks  []int `json:"edges_links"`
				Giang       string
				Aliases     []string
				GraphML     []int             `json:"graphml"`
				GraphMLName string            `json:"graphml_giang"`
				GraphMLEdge map[string]string `json:"graphml_edge"`
			}
			if view == export.ViewMet {
				// No participant edges in the met view: ask for a met one.
				pyrun.Run(t, py, strings.Replace(networkxScript, `== "participant"`, `== "met"`, 1), &got, jsonPath, gmlPath, filepath.Join(t.TempDir(), "rt.graphml"))
			} else {
				pyrun.Run(t, py, networkxScript, &got, jsonPath, gmlPath, filepath.Join(t.TempDir(), "rt.graphml"))
			}
			t.Logf("%s: networkx %s, %s view: %v", py, got.Version, view, got.Plain)
			n, e := float64(len(d.Nodes)), float64(len(d.Links))
			if len(got.Plain) != 4 || got.Plain[0] != n || got.Plain[1] != e || got.Plain[2] != d.Directed || got.Plain[3] != d.Multigraph {
				t.Errorf("networkx %s %s: node_link_graph gave %v, want %v nodes %v edges", got.Version, view, got.Plain, n, e)
			}
			if len(got.EdgesLinks) != 2 || got.EdgesLinks[1] != len(d.Links) {
				t.Errorf("networkx %s %s: edges=\"links\" gave %v", got.Version, view, got.EdgesLinks)
			}
			if got.Giang != "Đặng Hoàng Giang" || got.GraphMLName != "Đặng Hoàng Giang" {
				t.Errorf("networkx %s: names %q, %q", got.Version, got.Giang, got.GraphMLName)
			}
			if !slices.Contains(got.Aliases, "Landau") {
				t.Errorf("networkx %s: aliases %v, want the JSON list decoded", got.Version, got.Aliases)
			}
			if len(got.GraphML) != 2 || got.GraphML[0] != len(d.Nodes) || got.GraphML[1] != len(d.Links) {
				t.Errorf("networkx %s %s: read_graphml gave %v", got.Version, view, got.GraphML)
			}
			if view == export.ViewFull && (got.GraphMLEdge["article"] == "" || got.GraphMLEdge["date"] == "" ||
				!strings.HasPrefix(got.GraphMLEdge["sentence"], "sentence/") || got.GraphMLEdge["text"] == "") {
				t.Errorf("networkx %s: GraphML edge lost its provenance: %v", got.Version, got.GraphMLEdge)
			}
		}
	}
}

const pandasScript = `
import json, sys, pandas as pd
nodes = pd.read_csv(sys.argv[1] + "/nodes.csv")
edges = pd.read_csv(sys.argv[1] + "/edges.csv")
part = edges[edges.predicate == "participant"]
print(json.dumps({
    "nodes": len(nodes), "edges": len(edges),
    "node_columns": list(nodes.columns), "edge_columns": list(edges.columns),
    "kinds": nodes.kind.value_counts().to_dict(),
    "articles": sorted(part.article.unique().tolist()),
    "giang": nodes.loc[nodes.id == "official/dang-hoang-giang", "name"].iloc[0],
    "call_texts": int(part[part.date == "2025-04-01"].text.str.contains("Kim Hong-kyun").sum()),
    "provisional": str(nodes.provisional.dtype),
}))
`

func TestExportPandas(t *testing.T) {
	st := exportMem(t)
	d := exportJSON(t, st, export.Options{})
	dir := t.TempDir()
	if err := export.WriteCSV(context.Background(), dir, st, export.Options{}); err != nil {
		t.Fatal(err)
	}
	for _, py := range pyrun.Pythons(t, "pandas") {
		var got struct {
			Nodes, Edges int
			NodeColumns  []string `json:"node_columns"`
			EdgeColumns  []string `json:"edge_columns"`
			Kinds        map[string]int
			Articles     []string
			Giang        string
			CallTexts    int `json:"call_texts"`
			Provisional  string
		}
		pyrun.Run(t, py, pandasScript, &got, dir)
		if got.Nodes != len(d.Nodes) || got.Edges != len(d.Links) {
			t.Errorf("pandas: %d nodes %d edges, want %d %d", got.Nodes, got.Edges, len(d.Nodes), len(d.Links))
		}
		for _, c := range []string{"article", "sentence", "date", "text", "source", "target", "predicate"} {
			if !slices.Contains(got.EdgeColumns, c) {
				t.Errorf("edges.csv columns %v lack %s", got.EdgeColumns, c)
			}
		}
		if strings.Join(got.Articles, " ") != "xa xb xc xd xe" {
			t.Errorf("articles of participant rows = %v", got.Articles)
		}
		if got.Giang != "Đặng Hoàng Giang" || got.CallTexts != 4 {
			t.Errorf("pandas: name %q, %d call rows citing Kim (want 4: two officials × two articles)", got.Giang, got.CallTexts)
		}
		if got.Kinds["official"] == 0 || got.Kinds["meeting"] != 4 {
			t.Errorf("pandas kinds = %v, want officials and 4 meetings", got.Kinds)
		}
	}
}
