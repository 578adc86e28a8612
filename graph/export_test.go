package graph

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
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/gazetteer"
	"github.com/dipgraph/dipgraph/schema"
)

var updateExport = flag.Bool("update-export", false, "rewrite graph/testdata/export golden files")

// exportArticles are short articles of our own: one phone call reported
// by two articles (xa, xb), talks in Hanoi with a Vietnamese name (xc), a
// Vietnam–US call in July (xd) and a planned meeting (xe).
var exportArticles = map[string]string{
	"xa": " date 2025-04-02\nThứ trưởng Ngoại giao Mỹ Christopher Landau ngày 1/4 đã điện đàm với Thứ trưởng thứ nhất Bộ Ngoại giao Hàn Quốc Kim Hong-kyun, thảo luận về hợp tác ba bên Hàn-Mỹ-Nhật.\n",
	"xb": " date 2025-04-03\nNgày 1/4, Thứ trưởng thứ nhất Bộ Ngoại giao Hàn Quốc Kim Hong-kyun đã có cuộc điện đàm với Thứ trưởng Ngoại giao Mỹ Christopher Landau.\n",
	"xc": " date 2025-11-21\nThứ trưởng Ngoại giao Mỹ Christopher Landau ngày 20/11 đã hội đàm với Thứ trưởng Ngoại giao Việt Nam Đặng Hoàng Giang tại Hà Nội.\n",
	"xd": " date 2025-07-20\nTổng Bí thư Tô Lâm ngày 19/7 đã điện đàm với Tổng thống Mỹ Donald Trump về thương mại.\n",
	"xe": " date 2026-01-16\nThứ trưởng Ngoại giao Hàn Quốc Park Yoon-joo dự kiến sẽ hội đàm với Thứ trưởng Ngoại giao Mỹ Christopher Landau tại Washington vào tháng 3 tới.\n",
}

var (
	exportQuadsOnce sync.Once
	exportChanges   []Change
	exportQuadsErr  error
)

// exportFixtureChanges extracts the articles once per test binary.
func exportFixtureChanges(t testing.TB) []Change {
	t.Helper()
	exportQuadsOnce.Do(func() {
		g, err := gazetteer.Default()
		if err != nil {
			exportQuadsErr = err
			return
		}
		exportChanges = append(exportChanges, Change{Label: schema.GazetteerLabel, Quads: GazetteerQuads(g)})
		for _, id := range sortedMapKeys(exportArticles) {
			r := extract.Extract(g, id, exportArticles[id], extract.Options{})
			exportChanges = append(exportChanges, Change{Label: ArticleLabel(id), Quads: ArticleQuads(g, "articles/"+id+".txt", r)})
		}
	})
	if exportQuadsErr != nil {
		t.Fatal(exportQuadsErr)
	}
	return exportChanges
}

// exportStore opens a store at dsn and writes the fixture into it.
func exportStore(t testing.TB, dsn string) *Store {
	t.Helper()
	st, err := Open(dsn, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range exportFixtureChanges(t) {
		if _, _, err := st.Replace(context.Background(), c.Label, c.Quads); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

// exportBoltFile writes the fixture to a bolt file and closes it.
func exportBoltFile(t testing.TB) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "export.db")
	st := exportStore(t, path)
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

var (
	memExportOnce  sync.Once
	memExportStore *Store
)

// exportMem is a shared in-memory store with the fixture (read only).
func exportMem(t testing.TB) *Store {
	t.Helper()
	exportFixtureChanges(t)
	memExportOnce.Do(func() { memExportStore = exportStore(t, Memory) })
	return memExportStore
}

func exportString(t *testing.T, st *Store, opt ExportOptions) string {
	t.Helper()
	var b bytes.Buffer
	if err := st.Export(context.Background(), &b, opt); err != nil {
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

func exportJSON(t *testing.T, st *Store, opt ExportOptions) nodeLink {
	t.Helper()
	opt.Format = FormatJSON
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
	d := exportJSON(t, exportMem(t), ExportOptions{View: ViewMet})
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
	if got := nodeIDs(d, ""); len(got) != 5 || !contains(got, "official/dang-hoang-giang") {
		t.Errorf("met view nodes = %v, want the 5 officials who met someone", got)
	}
}

func TestExportFullViewKeepsProvenance(t *testing.T) {
	d := exportJSON(t, exportMem(t), ExportOptions{})
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
		filter    Filter
		officials []string
		pairs     int
	}{
		// Hops follow meetings held: Park, whom Landau is only to meet, is
		// not in his network.
		{"ego 1 hop", Filter{Official: "Landau", Hops: 1}, []string{"christopher-landau", "dang-hoang-giang", "kim-hong-kyun"}, 2},
		{"ego by id, 0 hops", Filter{Official: "christopher-landau"}, []string{"christopher-landau"}, 0},
		{"ego with diacritics-free name", Filter{Official: "to lam", Hops: 2}, []string{"donald-trump", "to-lam"}, 1},
		{"date span", Filter{From: date("2025-07"), To: date("2025-07")}, []string{"donald-trump", "to-lam"}, 1},
		{"from only", Filter{From: date("2025-11-01")}, []string{"christopher-landau", "dang-hoang-giang", "park-yoon-joo"}, 1},
		{"topic", Filter{Topic: "trilateral-cooperation"}, []string{"christopher-landau", "kim-hong-kyun"}, 1},
		{"country", Filter{Country: "vn"}, []string{"christopher-landau", "dang-hoang-giang", "donald-trump", "to-lam"}, 2},
		{"country and date", Filter{Country: "VN", To: date("2025-10")}, []string{"donald-trump", "to-lam"}, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := exportJSON(t, st, ExportOptions{Filter: c.filter})
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
				if e["predicate"] == schema.PredHolds && !contains(c.officials, shortID(e["source"].(string))) {
					t.Errorf("holds edge of %v, who is not in the selection", e["source"])
				}
			}
			m := exportJSON(t, st, ExportOptions{View: ViewMet, Filter: c.filter})
			if n := len(m.Links); n != c.pairs {
				t.Errorf("met view edges = %d, want %d", n, c.pairs)
			}
		})
	}
}

func TestExportErrors(t *testing.T) {
	st := exportMem(t)
	cases := []struct {
		opt  ExportOptions
		want string
	}{
		{ExportOptions{Format: "xlsx"}, `format "xlsx"`},
		{ExportOptions{Format: FormatNQuads, View: ViewMet}, "nquads exports quads"},
		{ExportOptions{Format: FormatJSON, View: "ego"}, `view "ego"`},
		{ExportOptions{Format: FormatJSON, Filter: Filter{Official: "Nobody Atall"}}, "no official named"},
		{ExportOptions{Format: FormatJSON, Filter: Filter{Official: "Kim"}}, "names"},
		{ExportOptions{Format: FormatJSON, Filter: Filter{Topic: "no-such-topic"}}, "no topic"},
		{ExportOptions{Format: FormatJSON, Filter: Filter{Country: "XX"}}, "no country"},
		{ExportOptions{Format: FormatJSON, Filter: Filter{From: schema.DayDate(2025, 5, 1), To: schema.DayDate(2025, 4, 1)}}, "after"},
		{ExportOptions{Format: FormatCSV}, "pick the table"},
		{ExportOptions{Format: FormatSVG, Dot: "/nonexistent/bin/dot"}, `"dot" program`},
	}
	for _, c := range cases {
		err := st.Export(context.Background(), io.Discard, c.opt)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: error %v, want one containing %q", c.opt, err, c.want)
		}
	}
	err := st.Export(context.Background(), io.Discard, ExportOptions{Format: FormatPNG, Dot: "/nonexistent/bin/dot"})
	if !errors.Is(err, ErrNoGraphviz) || !strings.Contains(err.Error(), "apt-get install graphviz") {
		t.Errorf("png without dot: %v, want ErrNoGraphviz naming the package", err)
	}
}

func allNQuads(t *testing.T, st *Store) []string {
	t.Helper()
	var out []string
	if err := st.eachQuad(context.Background(), func(q quad.Quad) error {
		out = append(out, q.NQuad())
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}

func readNQuads(t *testing.T, s string) []quad.Quad {
	t.Helper()
	r := nquads.NewReader(strings.NewReader(s), false)
	var out []quad.Quad
	for {
		q, err := r.ReadQuad()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, q)
	}
}

// TestExportNQuadsRoundTrip loads the export into a new store, as cayley
// load does (the N-Quads reader, then the quad writer), and finds the
// same quads, labels included.
func TestExportNQuadsRoundTrip(t *testing.T) {
	st := exportMem(t)
	out := exportString(t, st, ExportOptions{Format: FormatNQuads})
	qs := readNQuads(t, out)
	labels := map[string]bool{}
	for _, q := range qs {
		if q.Label == nil {
			t.Fatalf("quad without label: %v", q)
		}
		labels[valueText(q.Label)] = true
	}
	if !labels["article/xa"] || !labels["gazetteer"] {
		t.Errorf("labels %v, want article/xa and gazetteer among them", sortedMapKeys(labels))
	}
	back, err := Open(Memory, Options{})
	if err != nil {
		t.Fatal(err)
	}
	w, err := back.qs.NewQuadWriter()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := quad.CopyBatch(w, quad.NewReader(qs), 1000); err != nil {
		t.Fatal(err)
	}
	w.Close()
	got, want := allNQuads(t, back), allNQuads(t, st)
	if len(got) != len(want) || strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("reloaded store has %d quads, the original %d", len(got), len(want))
	}

	// Filtered: only what the filter keeps, with its sources.
	out = exportString(t, st, ExportOptions{Format: FormatNQuads, Filter: Filter{Country: "VN", From: schema.MonthDate(2025, 11), To: schema.MonthDate(2025, 12)}})
	text := out
	for _, must := range []string{"<official/dang-hoang-giang> <name> \"Đặng Hoàng Giang\"", "<article/xc>", "<sentence/xc/"} {
		if !strings.Contains(text, must) {
			t.Errorf("filtered nquads lack %s", must)
		}
	}
	for _, q := range readNQuads(t, out) {
		l := valueText(q.Label)
		if strings.HasPrefix(l, "article/") && l != "article/xc" {
			t.Errorf("filtered nquads keep %v from another article", q)
		}
		if strings.Contains(q.NQuad(), "to-lam") || strings.Contains(q.NQuad(), "kim-hong-kyun") {
			t.Errorf("filtered nquads keep %v", q)
		}
	}
}

func TestExportDOT(t *testing.T) {
	st := exportMem(t)
	full := exportString(t, st, ExportOptions{Format: FormatDOT})
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
	met := exportString(t, st, ExportOptions{Format: FormatDOT, View: ViewMet})
	golden := filepath.Join("testdata", "export", "met.dot")
	if *updateExport {
		if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(met), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./graph -run TestExportDOT -update-export)", err)
	}
	if met != string(want) {
		t.Errorf("met DOT differs from %s (rerun with -update-export if the change is meant):\n%s", golden, met)
	}
}

func TestDotID(t *testing.T) {
	for in, want := range map[string]string{
		`Tô Lâm`:       `"Tô Lâm"`,
		`say "hi"`:     `"say \"hi\""`,
		`back\slash`:   `"back\\slash"`,
		"two\nlines":   `"two\nlines"`,
		`node -> x; ]`: `"node -> x; ]"`,
	} {
		if got := dotID(in); got != want {
			t.Errorf("dotID(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestExportGraphMLAndCSV(t *testing.T) {
	st := exportMem(t)
	for _, view := range []string{ViewFull, ViewMet} {
		d := exportJSON(t, st, ExportOptions{View: view})
		gml := exportString(t, st, ExportOptions{Format: FormatGraphML, View: view})
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
		if err := st.ExportCSV(context.Background(), dir, ExportOptions{View: view}); err != nil {
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
	edges := exportString(t, st, ExportOptions{Format: FormatCSV, Table: "edges"})
	head := strings.SplitN(edges, "\n", 2)[0]
	if head != "id,source,target,predicate,meeting,date,article,file,url,title,position,sentence,text,date_precision" {
		t.Errorf("edges.csv header = %s", head)
	}
}
