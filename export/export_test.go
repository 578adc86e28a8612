package export_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/dipgraph/dipgraph/export"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/internal/graphtest"
	"github.com/dipgraph/dipgraph/schema"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/")

var (
	memExportOnce  sync.Once
	memExportStore *graph.Store
)

// exportMem is a shared in-memory store with the fixture of graphtest
// (read only).
func exportMem(t testing.TB) *graph.Store {
	t.Helper()
	changes := graphtest.Changes(t)
	memExportOnce.Do(func() { memExportStore = graphtest.Store(t, graph.Memory, changes) })
	return memExportStore
}

// shortID drops the kind from an IRI: "official/to-lam" → "to-lam".
func shortID(iri string) string { return iri[strings.IndexByte(iri, '/')+1:] }

func sortedMapKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func exportString(t *testing.T, st *graph.Store, opt export.Options) string {
	t.Helper()
	var b bytes.Buffer
	if err := export.Write(context.Background(), &b, st, opt); err != nil {
		t.Fatalf("export %+v: %v", opt, err)
	}
	return b.String()
}

type nodeLink struct {
	Directed   bool             `json:"directed"`
	Multigraph bool             `json:"multigraph"`
	Graph      map[string]any   `json:"graph"`
	Nodes      []map[string]any `json:"nodes"`
	Links      []map[string]any `json:"links"`
	Edges      []map[string]any `json:"edges"`
}

func exportJSON(t *testing.T, st *graph.Store, opt export.Options) nodeLink {
	t.Helper()
	opt.Format = export.FormatJSON
	var d nodeLink
	if err := json.Unmarshal([]byte(exportString(t, st, opt)), &d); err != nil {
		t.Fatal(err)
	}
	return d
}

func nodeIDs(d nodeLink, kind string) []string {
	var out []string
	for _, n := range d.Nodes {
		if kind == "" || n["kind"] == kind {
			out = append(out, n["id"].(string))
		}
	}
	sort.Strings(out)
	return out
}

func metPairsOf(d nodeLink) map[string]map[string]any {
	out := map[string]map[string]any{}
	for _, e := range d.Links {
		if e["predicate"] == schema.PredMet {
			out[shortID(e["source"].(string))+"—"+shortID(e["target"].(string))] = e
		}
	}
	return out
}

func TestExportMetView(t *testing.T) {
	d := exportJSON(t, exportMem(t), export.Options{View: export.ViewMet})
	if d.Directed || d.Multigraph {
		t.Errorf("met view: directed=%v multigraph=%v, want an undirected simple graph", d.Directed, d.Multigraph)
	}
	pairs := metPairsOf(d)
	want := []string{"christopher-landau—dang-hoang-giang", "christopher-landau—kim-hong-kyun", "donald-trump—to-lam"}
	if got := sortedMapKeys(pairs); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("met pairs = %v, want %v (the planned Park–Landau talks are not a meeting held)", got, want)
	}
	call := pairs["christopher-landau—kim-hong-kyun"]
	if call["meetings"] != float64(1) || call["first"] != "2025-04-01" || call["last"] != "2025-04-01" {
		t.Errorf("Landau–Kim: %v; want one meeting on 2025-04-01 (two articles, one call)", call)
	}
	var arts []string
	if err := json.Unmarshal([]byte(call["articles"].(string)), &arts); err != nil || strings.Join(arts, ",") != "xa,xb" {
		t.Errorf("Landau–Kim articles = %v (%v), want the JSON list [xa xb]", call["articles"], err)
	}
	if got := nodeIDs(d, ""); len(got) != 5 || !slices.Contains(got, "official/dang-hoang-giang") {
		t.Errorf("met view nodes = %v, want the 5 officials who met someone", got)
	}
}

func TestExportFullViewKeepsProvenance(t *testing.T) {
	d := exportJSON(t, exportMem(t), export.Options{})
	if !d.Directed || !d.Multigraph {
		t.Errorf("full view: directed=%v multigraph=%v, want a directed multigraph", d.Directed, d.Multigraph)
	}
	if len(d.Links) == 0 || len(d.Links) != len(d.Edges) {
		t.Fatalf("links %d, edges %d: want the same edge list under both keys", len(d.Links), len(d.Edges))
	}
	kinds := map[string]int{}
	for _, n := range d.Nodes {
		kinds[n["kind"].(string)]++
	}
	for _, k := range []string{"official", "meeting", "topic", "role", "place"} {
		if kinds[k] == 0 {
			t.Errorf("no %s node in the full view: %v", k, kinds)
		}
	}
	// The call reported by xa and xb gives one participant edge per article
	// and official, each with its own sentence.
	byArticle := map[string]map[string]any{}
	for _, e := range d.Links {
		if e["predicate"] == schema.PredParticipant && e["target"] == "official/kim-hong-kyun" {
			byArticle[e["article"].(string)] = e
		}
	}
	if len(byArticle) != 2 {
		t.Fatalf("Kim's participation edges by article: %v, want xa and xb", sortedMapKeys(byArticle))
	}
	for art, e := range byArticle {
		if e["date"] != "2025-04-01" || e["file"] != "articles/"+art+".txt" ||
			!strings.HasPrefix(e["sentence"].(string), "sentence/"+art+"/") || !strings.Contains(e["text"].(string), "Kim Hong-kyun") {
			t.Errorf("edge from %s lacks its provenance: %v", art, e)
		}
	}
	if byArticle["xa"]["meeting"] != byArticle["xb"]["meeting"] {
		t.Errorf("xa and xb report one call, got meetings %v and %v", byArticle["xa"]["meeting"], byArticle["xb"]["meeting"])
	}
	for _, n := range d.Nodes {
		if n["id"] == "official/dang-hoang-giang" && n["name"] != "Đặng Hoàng Giang" {
			t.Errorf("name = %q, want the diacritics kept", n["name"])
		}
		if v, ok := n["aliases"]; ok {
			if _, isString := v.(string); !isString {
				t.Errorf("%v: aliases %T, want JSON text", n["id"], v)
			}
		}
	}
}

func TestExportFilters(t *testing.T) {
	st := exportMem(t)
	date := func(s string) schema.Date {
		d, err := schema.ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	cases := []struct {
		name      string
		filter    export.Filter
		officials []string
		pairs     int
	}{
		// Hops follow meetings held: Park, whom Landau is only to meet, is
		// not in his network.
		{"ego 1 hop", export.Filter{Official: "Landau", Hops: 1}, []string{"christopher-landau", "dang-hoang-giang", "kim-hong-kyun"}, 2},
		{"ego by id, 0 hops", export.Filter{Official: "christopher-landau"}, []string{"christopher-landau"}, 0},
		{"ego with diacritics-free name", export.Filter{Official: "to lam", Hops: 2}, []string{"donald-trump", "to-lam"}, 1},
		{"date span", export.Filter{From: date("2025-07"), To: date("2025-07")}, []string{"donald-trump", "to-lam"}, 1},
		{"from only", export.Filter{From: date("2025-11-01")}, []string{"christopher-landau", "dang-hoang-giang", "park-yoon-joo"}, 1},
		{"topic", export.Filter{Topic: "trilateral-cooperation"}, []string{"christopher-landau", "kim-hong-kyun"}, 1},
		{"country", export.Filter{Country: "vn"}, []string{"christopher-landau", "dang-hoang-giang", "donald-trump", "to-lam"}, 2},
		{"country and date", export.Filter{Country: "VN", To: date("2025-10")}, []string{"donald-trump", "to-lam"}, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := exportJSON(t, st, export.Options{Filter: c.filter})
			var got []string
			for _, id := range nodeIDs(d, "official") {
				got = append(got, shortID(id))
			}
			if strings.Join(got, " ") != strings.Join(c.officials, " ") {
				t.Errorf("officials = %v, want %v", got, c.officials)
			}
			if n := len(metPairsOf(d)); n != c.pairs {
				t.Errorf("met edges = %d, want %d", n, c.pairs)
			}
			for _, e := range d.Links {
				if e["predicate"] == schema.PredHolds && !slices.Contains(c.officials, shortID(e["source"].(string))) {
					t.Errorf("holds edge of %v, who is not in the selection", e["source"])
				}
			}
			m := exportJSON(t, st, export.Options{View: export.ViewMet, Filter: c.filter})
			if n := len(m.Links); n != c.pairs {
				t.Errorf("met view edges = %d, want %d", n, c.pairs)
			}
		})
	}
}

func TestExportErrors(t *testing.T) {
	st := exportMem(t)
	cases := []struct {
		opt  export.Options
		want string
	}{
		{export.Options{Format: "xlsx"}, `format "xlsx"`},
		{export.Options{Format: export.FormatNQuads, View: export.ViewMet}, "nquads exports quads"},
		{export.Options{Format: export.FormatJSON, View: "ego"}, `view "ego"`},
		{export.Options{Format: export.FormatJSON, Filter: export.Filter{Official: "Nobody Atall"}}, "no official named"},
		{export.Options{Format: export.FormatJSON, Filter: export.Filter{Official: "Kim"}}, "names"},
		{export.Options{Format: export.FormatJSON, Filter: export.Filter{Topic: "no-such-topic"}}, "no topic"},
		{export.Options{Format: export.FormatJSON, Filter: export.Filter{Country: "XX"}}, "no country"},
		{export.Options{Format: export.FormatJSON, Filter: export.Filter{From: schema.DayDate(2025, 5, 1), To: schema.DayDate(2025, 4, 1)}}, "after"},
		{export.Options{Format: export.FormatCSV}, "pick the table"},
		{export.Options{Format: export.FormatSVG, Dot: "/nonexistent/bin/dot"}, `"dot" program`},
	}
	for _, c := range cases {
		err := export.Write(context.Background(), io.Discard, st, c.opt)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: error %v, want one containing %q", c.opt, err, c.want)
		}
	}
	err := export.Write(context.Background(), io.Discard, st, export.Options{Format: export.FormatPNG, Dot: "/nonexistent/bin/dot"})
	if !errors.Is(err, export.ErrNoGraphviz) || !strings.Contains(err.Error(), "apt-get install graphviz") {
		t.Errorf("png without dot: %v, want export.ErrNoGraphviz naming the package", err)
	}
}

func TestExportDOT(t *testing.T) {
	st := exportMem(t)
	full := exportString(t, st, export.Options{Format: export.FormatDOT})
	for _, must := range []string{`digraph "dipgraph" {`, `charset="UTF-8"`, `"official/dang-hoang-giang" [shape=ellipse`,
		`label="Đặng Hoàng Giang"`, `shape=box`, `shape=hexagon`, `shape=house`, `shape=note`, `fillcolor="#a1d99b"`,
		`-> "official/kim-hong-kyun" [label="participant\n2025-04-01", tooltip="xa: `} {
		if !strings.Contains(full, must) {
			t.Errorf("full DOT lacks %s", must)
		}
	}
	if strings.Contains(full, `"official/christopher-landau" -> "official/kim-hong-kyun"`) {
		t.Errorf("full DOT draws met edges; the meeting nodes link the participants")
	}
	met := exportString(t, st, export.Options{Format: export.FormatDOT, View: export.ViewMet})
	golden := filepath.Join("testdata", "met.dot")
	if *update {
		if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(met), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./export -run TestExportDOT -update)", err)
	}
	if met != string(want) {
		t.Errorf("met DOT differs from %s (rerun with -update if the change is meant):\n%s", golden, met)
	}
}

func TestExportGraphMLAndCSV(t *testing.T) {
	st := exportMem(t)
	for _, view := range []string{export.ViewFull, export.ViewMet} {
		d := exportJSON(t, st, export.Options{View: view})
		gml := exportString(t, st, export.Options{Format: export.FormatGraphML, View: view})
		var doc struct {
			Keys []struct {
				ID   string `xml:"id,attr"`
				Name string `xml:"attr.name,attr"`
				Type string `xml:"attr.type,attr"`
			} `xml:"key"`
			Graph struct {
				Nodes []struct {
					ID string `xml:"id,attr"`
				} `xml:"node"`
				Edges []struct {
					Source string `xml:"source,attr"`
				} `xml:"edge"`
			} `xml:"graph"`
		}
		if err := xml.Unmarshal([]byte(gml), &doc); err != nil {
			t.Fatalf("%s graphml: %v", view, err)
		}
		if len(doc.Graph.Nodes) != len(d.Nodes) || len(doc.Graph.Edges) != len(d.Links) {
			t.Errorf("%s graphml: %d nodes %d edges, json %d %d", view, len(doc.Graph.Nodes), len(doc.Graph.Edges), len(d.Nodes), len(d.Links))
		}
		for _, k := range doc.Keys {
			if k.Name == "" || k.Type == "" {
				t.Errorf("%s graphml key %s lacks attr.name or attr.type", view, k.ID)
			}
		}
		dir := t.TempDir()
		if err := export.WriteCSV(context.Background(), dir, st, export.Options{View: view}); err != nil {
			t.Fatal(err)
		}
		for file, n := range map[string]int{"nodes.csv": len(d.Nodes), "edges.csv": len(d.Links)} {
			f, err := os.Open(filepath.Join(dir, file))
			if err != nil {
				t.Fatal(err)
			}
			rows, err := csv.NewReader(f).ReadAll()
			f.Close()
			if err != nil {
				t.Fatalf("%s %s: %v", view, file, err)
			}
			if len(rows)-1 != n {
				t.Errorf("%s %s: %d rows, want %d", view, file, len(rows)-1, n)
			}
		}
	}
	edges := exportString(t, st, export.Options{Format: export.FormatCSV, Table: "edges"})
	head := strings.SplitN(edges, "\n", 2)[0]
	if head != "id,source,target,predicate,meeting,date,article,file,url,title,position,sentence,text,date_precision" {
		t.Errorf("edges.csv header = %s", head)
	}
}
