package export_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/internal/pyrun"

	"github.com/dipgraph/dipgraph/export"
	"github.com/dipgraph/dipgraph/graph"

	"github.com/parquet-go/parquet-go"
)

func writeExportOpt(t *testing.T, st *graph.Store, opt export.Options, name string) string {
	t.Helper()
	var b bytes.Buffer
	if err := export.Write(context.Background(), &b, st, opt); err != nil {
		t.Fatalf("export %+v: %v", opt, err)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// eventRow and dyadRow are the columns of the events and dyads tables
// the test reads back (parquet-go matches them by name).
type eventRow struct {
	Date          string `parquet:"date"`
	DatePrecision string `parquet:"date_precision"`
	Year          *int32 `parquet:"year,optional"`
	Day           *int32 `parquet:"day,optional"`
	Cameo         string `parquet:"cameo"`
	NSources      int32  `parquet:"n_sources"`
}

type dyadRow struct {
	Cameo         string `parquet:"cameo"`
	Source        string `parquet:"source"`
	Target        string `parquet:"target"`
	SourceCountry string `parquet:"source_country"`
	TargetCountry string `parquet:"target_country"`
	SourceRole    string `parquet:"source_role"`
	Place         string `parquet:"place"`
	PlaceCountry  string `parquet:"place_country"`
}

// TestExportEventsParquetGo reads the Parquet tables back with parquet-go
// and compares them with the rows the CSV is written from.
func TestExportEventsParquetGo(t *testing.T) {
	st := exportMem(t)
	path := writeExportOpt(t, st, export.Options{Format: export.FormatEvents, Parquet: true}, "events.parquet")
	rows, err := parquet.ReadFile[eventRow](path)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 {
		t.Fatalf("%d events, want 4 (the call reported twice is one)", len(rows))
	}
	byKind := map[string]eventRow{}
	for _, r := range rows {
		byKind[r.Cameo] = r
	}
	call := rows[0]
	if call.Date != "2025-04-01" || call.DatePrecision != "day" || call.NSources != 2 || call.Cameo != export.CameoPhone || *call.Year != 2025 || *call.Day != 1 {
		t.Errorf("first event = %+v, want the 2025-04-01 phone call from 2 sources", call)
	}
	if _, ok := byKind[export.CameoIntentToMeet]; !ok {
		t.Errorf("no planned meeting (036) among %v", byKind)
	}
	dy := writeExportOpt(t, st, export.Options{Format: export.FormatDyads, Parquet: true}, "dyads.parquet")
	drows, err := parquet.ReadFile[dyadRow](dy)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range drows {
		if r.Source == "official/christopher-landau" && r.Target == "official/dang-hoang-giang" {
			found = true
			if r.Cameo != export.CameoVisit || r.SourceCountry != "US" || r.TargetCountry != "VN" || r.Place != "Hà Nội" && r.PlaceCountry != "VN" {
				t.Errorf("Landau in Hanoi: %+v, want 042 (the source visits), US → VN", r)
			}
			if !strings.Contains(r.SourceRole, "role/us-deputy-secretary-of-state") {
				t.Errorf("source_role %q", r.SourceRole)
			}
		}
	}
	if !found || len(drows) != 4 {
		t.Errorf("%d dyads (Landau–Giang found: %v), want 4", len(drows), found)
	}
}

const eventsPandasScript = `
import json, sys, pandas as pd
ev = pd.read_csv(sys.argv[1], dtype={"cameo": str})
dy = pd.read_csv(sys.argv[2], dtype={"cameo": str})
out = {"events": len(ev), "dyads": len(dy), "columns": list(ev.columns), "dyad_columns": list(dy.columns),
       "cameo": sorted(ev.cameo.tolist()), "sources": int(ev.n_sources.sum()),
       "precision": sorted(ev.date_precision.fillna("").tolist()),
       "first": pd.to_datetime(ev.date_first).min().strftime("%Y-%m-%d"),
       "roles": json.loads(ev.roles_at_date.iloc[0]),
       "parquet": None}
try:
    pq = pd.read_parquet(sys.argv[3])
    out["parquet"] = [len(pq), list(pq.columns)]
except ImportError as e:
    out["parquet_error"] = str(e)
print(json.dumps(out))
`

// TestExportEventsPandas reads the event and dyad tables with pandas, and
// the Parquet file too when pandas has a Parquet engine (pyarrow or
// fastparquet: Debian 12 packages neither).
func TestExportEventsPandas(t *testing.T) {
	st := exportMem(t)
	ev := writeExportOpt(t, st, export.Options{Format: export.FormatEvents}, "events.csv")
	dy := writeExportOpt(t, st, export.Options{Format: export.FormatDyads}, "dyads.csv")
	pq := writeExportOpt(t, st, export.Options{Format: export.FormatEvents, Parquet: true}, "events.parquet")
	for _, py := range pyrun.Pythons(t, "pandas") {
		var got struct {
			Events, Dyads int
			Columns       []string
			DyadColumns   []string `json:"dyad_columns"`
			Cameo         []string
			Sources       int
			Precision     []string
			First         string
			Roles         map[string][]string
			Parquet       []any
			ParquetError  string `json:"parquet_error"`
		}
		pyrun.Run(t, py, eventsPandasScript, &got, ev, dy, pq)
		if got.Events != 4 || got.Dyads != 4 || got.Sources != 5 {
			t.Errorf("pandas: %d events %d dyads %d sources, want 4 4 5", got.Events, got.Dyads, got.Sources)
		}
		if strings.Join(got.Cameo, " ") != "036 040 041 041" {
			t.Errorf("cameo codes %v", got.Cameo)
		}
		if strings.Join(got.Columns, ",") != strings.Join(export.EventColumns(export.FormatEvents), ",") ||
			strings.Join(got.DyadColumns, ",") != strings.Join(export.EventColumns(export.FormatDyads), ",") {
			t.Errorf("columns %v / %v", got.Columns, got.DyadColumns)
		}
		for _, c := range []string{"meeting_id", "date", "date_precision", "year", "month", "day", "kind", "cameo", "participants", "countries", "roles_at_date", "place", "status", "topics", "n_sources", "articles", "urls", "first_sentence"} {
			if !slices.Contains(got.Columns, c) {
				t.Errorf("events lack column %s", c)
			}
		}
		for _, c := range []string{"source", "target", "source_country", "target_country", "source_role", "target_role"} {
			if !slices.Contains(got.DyadColumns, c) {
				t.Errorf("dyads lack column %s", c)
			}
		}
		if got.First != "2025-04-01" || len(got.Roles) != 2 {
			t.Errorf("first date %q, roles of the first event %v", got.First, got.Roles)
		}
		if got.Parquet != nil {
			if got.Parquet[0] != float64(4) {
				t.Errorf("pandas.read_parquet: %v", got.Parquet)
			}
		} else {
			t.Logf("%s: pandas has no Parquet engine (%s); the Parquet file is read back by parquet-go only", py, got.ParquetError)
		}
	}
}

const rdflibScript = `
import json, sys, rdflib
out = {}
ds = rdflib.Dataset()
ds.parse(sys.argv[1], format="nquads")
out["nquads"] = sum(len(g) for g in ds.contexts())
out["graphs"] = len([g for g in ds.contexts() if len(g)])
tg = rdflib.Dataset()
tg.parse(sys.argv[2], format="trig")
out["trig"] = sum(len(g) for g in tg.contexts())
tt = rdflib.Graph()
tt.parse(sys.argv[3], format="turtle")
out["turtle"] = len(tt)
base = sys.argv[4]
out["landau"] = str(tt.value(rdflib.URIRef(base + "official/christopher-landau"), rdflib.URIRef(base + "name")))
print(json.dumps(out))
`

// TestExportRDF loads the N-Quads, TriG and Turtle of a filter with
// rdflib (graph's TestWriteRDFBase reads the whole N-Quads with Cayley's
// parser).
func TestExportRDF(t *testing.T) {
	st := exportMem(t)
	base := "https://example.org/dg/"
	// rdflib is slow on the gazetteer's 38,000 quads: it reads the part
	// about Vietnam's meetings.
	vn := export.Filter{Country: "VN"}
	nqVN := writeExportOpt(t, st, export.Options{Format: export.FormatNQuads, Base: base, Filter: vn}, "vn.nq")
	trig := writeExportOpt(t, st, export.Options{Format: export.FormatTriG, Base: base, Filter: vn}, "vn.trig")
	ttl := writeExportOpt(t, st, export.Options{Format: export.FormatTurtle, Base: base, Filter: vn}, "vn.ttl")
	nVN := strings.Count(exportString(t, st, export.Options{Format: export.FormatNQuads, Filter: vn}), "\n")
	for _, py := range pyrun.Pythons(t, "rdflib") {
		var got struct {
			NQuads, Graphs, TriG, Turtle int
			Landau                       string
		}
		pyrun.Run(t, py, rdflibScript, &got, nqVN, trig, ttl, base)
		if got.NQuads != nVN || got.TriG != nVN || got.Turtle == 0 || got.Turtle > nVN || got.Graphs < 3 {
			t.Errorf("rdflib: %+v, want %d quads in nquads and trig, labels as graphs", got, nVN)
		}
		if got.Landau != "Christopher Landau" {
			t.Errorf("rdflib: Landau's name %q", got.Landau)
		}
	}
}

const gexfScript = `
import json, sys, networkx as nx
out = {}
for name, path in (("full", sys.argv[1]), ("met", sys.argv[2])):
    G = nx.read_gexf(path)
    meeting = next((d for _, d in G.nodes(data=True) if d.get("kind") == "meeting"), None)
    edge = next(d for _, _, d in G.edges(data=True))
    out[name] = {"nodes": G.number_of_nodes(), "edges": G.number_of_edges(),
                 "meeting": {k: str(meeting.get(k)) for k in ("start", "end", "date", "date_precision")} if meeting else None,
                 "edge_keys": sorted(edge.keys())}
M = nx.read_graphml(sys.argv[3])
out["graphml_precision"] = sorted({d.get("date_precision", "") for _, d in M.nodes(data=True) if d.get("kind") == "meeting"})
print(json.dumps(out))
`

// TestExportGEXF reads the GEXF with networkx: the nodes and edges of the
// JSON export, meetings with start and end days, met edges with spells;
// and the GraphML's date precision.
func TestExportGEXF(t *testing.T) {
	st := exportMem(t)
	full := writeExportOpt(t, st, export.Options{Format: export.FormatGEXF}, "full.gexf")
	met := writeExportOpt(t, st, export.Options{Format: export.FormatGEXF, View: export.ViewMet}, "met.gexf")
	gml := writeExportOpt(t, st, export.Options{Format: export.FormatGraphML}, "full.graphml")
	if s, _ := os.ReadFile(met); !strings.Contains(string(s), `<spell start="2025-04-01" end="2025-04-01"/>`) {
		t.Errorf("met GEXF lacks the spell of the 2025-04-01 call")
	}
	dFull, dMet := exportJSON(t, st, export.Options{}), exportJSON(t, st, export.Options{View: export.ViewMet})
	for _, py := range pyrun.Pythons(t, "networkx") {
		type view struct {
			Nodes, Edges int
			Meeting      map[string]string
			EdgeKeys     []string `json:"edge_keys"`
		}
		var got struct {
			Full, Met        view
			GraphMLPrecision []string `json:"graphml_precision"`
		}
		pyrun.Run(t, py, gexfScript, &got, full, met, gml)
		if got.Full.Nodes != len(dFull.Nodes) || got.Full.Edges != len(dFull.Links) || got.Met.Nodes != len(dMet.Nodes) || got.Met.Edges != len(dMet.Links) {
			t.Errorf("networkx read_gexf: %+v, want %d/%d and %d/%d", got, len(dFull.Nodes), len(dFull.Links), len(dMet.Nodes), len(dMet.Links))
		}
		if m := got.Full.Meeting; m == nil || m["start"] == "" || m["start"] == "None" || m["end"] == "None" || m["date_precision"] == "None" {
			t.Errorf("GEXF meeting node %v: want start, end and date_precision", m)
		}
		if !slices.Contains(got.Met.EdgeKeys, "spells") && !slices.Contains(got.Met.EdgeKeys, "start") {
			t.Errorf("met GEXF edge keys %v: want spells", got.Met.EdgeKeys)
		}
		if strings.Join(got.GraphMLPrecision, " ") != "day month" {
			t.Errorf("GraphML meetings' date_precision = %v, want day and month", got.GraphMLPrecision)
		}
	}
}

// TestExportNeo4j checks the import headers neo4j-admin database import
// reads: :ID, :LABEL, :START_ID, :END_ID, :TYPE and typed columns, and that
// every relationship's ends are node ids.
func TestExportNeo4j(t *testing.T) {
	st := exportMem(t)
	dir := t.TempDir()
	if err := export.WriteNeo4j(context.Background(), dir, st, export.Options{}); err != nil {
		t.Fatal(err)
	}
	read := func(name string) [][]string {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		rows, err := csv.NewReader(f).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return rows
	}
	nodes, rels := read("nodes.csv"), read("relationships.csv")
	head := strings.Join(nodes[0], ",")
	for _, want := range []string{"id:ID,", ",provisional:boolean,", ",aliases:string[],", ",date_first:date,date_last:date,:LABEL"} {
		if !strings.Contains(head, want) {
			t.Errorf("nodes.csv header %q lacks %q", head, want)
		}
	}
	if h := strings.Join(rels[0][:3], ","); h != ":START_ID,:END_ID,:TYPE" {
		t.Errorf("relationships.csv starts %q", h)
	}
	ids := map[string]bool{}
	labels := map[string]bool{}
	for _, r := range nodes[1:] {
		ids[r[0]] = true
		labels[r[len(r)-1]] = true
	}
	for _, l := range []string{"Official", "Meeting", "Topic", "Role", "Place"} {
		if !labels[l] {
			t.Errorf("no node labelled %s (labels %v)", l, labels)
		}
	}
	types := map[string]bool{}
	for _, r := range rels[1:] {
		if !ids[r[0]] || !ids[r[1]] {
			t.Errorf("relationship %v: an end is not a node id", r[:3])
		}
		types[r[2]] = true
	}
	for _, ty := range []string{"PARTICIPANT", "MET", "DISCUSSED", "HOLDS"} {
		if !types[ty] {
			t.Errorf("no relationship of type %s (%v)", ty, types)
		}
	}
}

// TestFolderExportsResolveOfficial: the folder exports take the filter's
// official by name, as the stream exports do (neo4j took the name for an
// id before, and answered "no official named").
func TestFolderExportsResolveOfficial(t *testing.T) {
	st := exportMem(t)
	for name, write := range map[string]func(context.Context, string, export.Source, export.Options) error{
		"csv": export.WriteCSV, "neo4j": export.WriteNeo4j,
	} {
		dir := t.TempDir()
		if err := write(context.Background(), dir, st, export.Options{Filter: export.Filter{Official: "Landau", Hops: 1}}); err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		nodes, err := os.ReadFile(filepath.Join(dir, "nodes.csv"))
		if err != nil || !strings.Contains(string(nodes), "official/dang-hoang-giang") || strings.Contains(string(nodes), "official/to-lam") {
			t.Errorf("%s: nodes of Landau's network (%v):\n%s", name, err, nodes)
		}
	}
}
