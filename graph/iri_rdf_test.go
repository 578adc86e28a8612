package graph

import (
	"bytes"
	"context"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/gazetteer"
	"github.com/dipgraph/dipgraph/internal/pyrun"
)

// hostileStore holds one short article under each of hostileIDs (file
// names with a space, ">", a quote, a backslash, a newline, invalid
// UTF-8, control bytes …), each read from a folder whose name has a space.
func hostileStore(t *testing.T) *Store {
	t.Helper()
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	st, err := Open(Memory, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	text := exportArticles(t)["xc"]
	for _, id := range hostileIDs {
		r := extract.Extract(g, id, text, extract.Options{})
		if _, _, err := st.Replace(context.Background(), ArticleLabel(id), ArticleQuads(g, "in dir/"+id+".txt", r)); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

// TestExportHostileFileNamesRDF: the Turtle and TriG exports of articles
// whose file names IRIs exclude hold every triple (Turtle) or quad (TriG)
// of the N-Quads export, as read back by Cayley's N-Quads parser (Cayley
// has no Turtle or TriG reader: readTurtleTerms splits the statements and
// every term goes through Cayley's parser) and by rdflib; each article's
// named graph decodes to its id.
func TestExportHostileFileNamesRDF(t *testing.T) {
	st := hostileStore(t)
	ctx := context.Background()
	const base = "https://dipgraph.example/"
	export := func(format string) string {
		var b bytes.Buffer
		if err := st.WriteRDF(ctx, &b, format, base, nil); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	nq := export(FormatNQuads)
	want := readNQuads(t, nq)
	if len(want) == 0 {
		t.Fatal("empty N-Quads export")
	}
	wantQuads, wantTriples := map[string]bool{}, map[string]bool{}
	for _, q := range want {
		wantQuads[q.NQuad()] = true
		wantTriples[quad.Quad{Subject: q.Subject, Predicate: q.Predicate, Object: q.Object}.NQuad()] = true
	}
	dir := t.TempDir()
	files := map[string]string{"nquads": filepath.Join(dir, "hostile.nq")}
	if err := os.WriteFile(files["nquads"], []byte(nq), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		format string
		want   map[string]bool
	}{
		{FormatTurtle, wantTriples},
		{FormatTriG, wantQuads},
	} {
		out := export(tc.format)
		files[tc.format] = filepath.Join(dir, "hostile."+tc.format)
		if err := os.WriteFile(files[tc.format], []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
		lines, err := turtleToNQuads(out, tc.format == FormatTriG)
		if err != nil {
			t.Fatalf("%s: %v\n%.400s", tc.format, err, out)
		}
		got := map[string]bool{}
		labels := map[string]bool{}
		for _, q := range readNQuads(t, strings.Join(lines, "")) { // fails on a term Cayley rejects
			got[q.NQuad()] = true
			if q.Label != nil {
				l, err := url.PathUnescape(strings.TrimPrefix(valueText(q.Label), base))
				if err != nil {
					t.Errorf("%s: graph %s: %v", tc.format, q.Label, err)
				}
				labels[l] = true
			}
		}
		if missing, extra := setDiff(tc.want, got), setDiff(got, tc.want); len(missing)+len(extra) > 0 {
			t.Errorf("%s: %d statements missing, %d extra; first missing %v, first extra %v", tc.format, len(missing), len(extra), first(missing), first(extra))
		}
		if tc.format == FormatTriG {
			for _, id := range hostileIDs {
				if !labels[ArticleLabel(id)] {
					t.Errorf("trig: no graph decoding to %q", ArticleLabel(id))
				}
			}
		}
	}
	// rdflib, where installed (CI installs python3-rdflib and sets CI: the
	// test then fails without it). A warning (a bad IRI, say) fails it.
	script := `import sys, json, logging, warnings, rdflib
from urllib.parse import unquote_to_bytes
warnings.simplefilter("error")
class Fail(logging.Handler):
    def emit(self, rec):
        raise SystemExit("rdflib: " + rec.getMessage())
logging.getLogger("rdflib").addHandler(Fail())
base = sys.argv[4]
out = {}
nq = rdflib.Dataset(); nq.parse(sys.argv[1], format="nquads")
out["nquads"] = sum(len(g) for g in nq.contexts())
tg = rdflib.Dataset(); tg.parse(sys.argv[2], format="trig")
out["trig"] = sum(len(g) for g in tg.contexts())
out["graphs"] = sorted(unquote_to_bytes(str(g.identifier)[len(base):]).hex()
                       for g in tg.contexts() if len(g) and str(g.identifier).startswith(base + "article/"))
tt = rdflib.Graph(); tt.parse(sys.argv[3], format="turtle")
out["turtle"] = len(tt)
lits = lambda ts: sorted({str(t[2]) for t in ts if isinstance(t[2], rdflib.Literal)})
out["turtleLiterals"] = lits(tt)
out["trigLiterals"] = lits(tg.quads((None, None, None, None)))
out["same"] = set(tt) == {(s, p, o) for s, p, o, _ in tg.quads((None, None, None, None))}
print(json.dumps(out))`
	var wantGraphs []string
	for _, id := range hostileIDs {
		// The label's bytes in hex: JSON cannot carry invalid UTF-8.
		wantGraphs = append(wantGraphs, hex.EncodeToString([]byte(ArticleLabel(id))))
	}
	sort.Strings(wantGraphs)
	// Every literal as Cayley read it (file names inside the cards' JSON,
	// invalid UTF-8 as U+FFFD).
	lits := map[string]bool{}
	for _, q := range want {
		switch q.Object.(type) {
		case quad.String, quad.TypedString, quad.LangString:
			lits[valueText(q.Object)] = true
		}
	}
	wantLits := setDiff(lits, nil)
	for _, py := range pyrun.Pythons(t, "rdflib") {
		var got struct {
			NQuads, TriG, Turtle         int
			Graphs                       []string
			TurtleLiterals, TriGLiterals []string
			Same                         bool
		}
		pyrun.Run(t, py, script, &got, files["nquads"], files[FormatTriG], files[FormatTurtle], base)
		if got.NQuads != len(want) || got.TriG != len(want) || got.Turtle != len(wantTriples) || !got.Same {
			t.Errorf("%s: rdflib reads %d N-Quads, %d TriG quads, %d Turtle triples (the TriG's triples: %v); want %d, %d, %d",
				py, got.NQuads, got.TriG, got.Turtle, got.Same, len(want), len(want), len(wantTriples))
		}
		if fmt.Sprint(got.Graphs) != fmt.Sprint(wantGraphs) {
			t.Errorf("%s: rdflib's TriG graphs decode to %q, want %q", py, got.Graphs, wantGraphs)
		}
		for name, l := range map[string][]string{"turtle": got.TurtleLiterals, "trig": got.TriGLiterals} {
			if missing, extra := setDiff(set(wantLits), set(l)), setDiff(set(l), set(wantLits)); len(missing)+len(extra) > 0 {
				t.Errorf("%s: rdflib's %s literals: %d missing, %d extra; first missing %q, first extra %q", py, name, len(missing), len(extra), first(missing), first(extra))
			}
		}
	}
}

func set(l []string) map[string]bool {
	out := map[string]bool{}
	for _, s := range l {
		out[s] = true
	}
	return out
}

func setDiff(a, b map[string]bool) []string {
	var out []string
	for k := range a {
		if !b[k] {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

func first(l []string) string {
	if len(l) == 0 {
		return ""
	}
	return l[0]
}

// turtleToNQuads rewrites the Turtle or TriG that writeTriG writes (full
// IRIs, blank nodes, literals; ";" between a subject's predicates; graphs
// in braces) as N-Quads lines, keeping each term's text as written, so
// that Cayley's N-Quads parser can judge the terms. Any other syntax is an
// error.
func turtleToNQuads(s string, trig bool) ([]string, error) {
	var out []string
	var terms []string
	graph := ""
	inGraph := false
	emit := func() error {
		if len(terms) != 3 {
			return fmt.Errorf("statement of %d terms: %q", len(terms), terms)
		}
		line := strings.Join(terms, " ")
		if graph != "" {
			line += " " + graph
		}
		out = append(out, line+" .\n")
		return nil
	}
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '#' || strings.HasPrefix(s[i:], "@prefix"):
			// A comment or the prefix line (its IRI is not a term).
			if j := strings.IndexByte(s[i:], '\n'); j >= 0 {
				i += j + 1
			} else {
				i = len(s)
			}
		case c == '<':
			j := strings.IndexByte(s[i:], '>')
			if j < 0 {
				return nil, fmt.Errorf("unclosed IRI at %d", i)
			}
			terms = append(terms, s[i:i+j+1])
			i += j + 1
		case c == '_' && strings.HasPrefix(s[i:], "_:"):
			j := i + 2
			for j < len(s) && !strings.ContainsRune(" \t\n;.{}", rune(s[j])) {
				j++
			}
			terms = append(terms, s[i:j])
			i = j
		case c == '"':
			j := i + 1
			for j < len(s) && s[j] != '"' {
				if s[j] == '\\' {
					j++
				}
				if j < len(s) && s[j] == '\n' {
					return nil, fmt.Errorf("raw line break in the literal at %d", i)
				}
				j++
			}
			if j >= len(s) {
				return nil, fmt.Errorf("unclosed literal at %d", i)
			}
			j++
			switch {
			case strings.HasPrefix(s[j:], "^^<"):
				k := strings.IndexByte(s[j:], '>')
				if k < 0 {
					return nil, fmt.Errorf("unclosed datatype at %d", j)
				}
				j += k + 1
			case strings.HasPrefix(s[j:], "@"):
				k := j + 1
				for k < len(s) && (s[k] == '-' || s[k] >= 'a' && s[k] <= 'z' || s[k] >= 'A' && s[k] <= 'Z' || s[k] >= '0' && s[k] <= '9') {
					k++
				}
				j = k
			}
			terms = append(terms, s[i:j])
			i = j
		case c == ';':
			if err := emit(); err != nil {
				return nil, err
			}
			terms = terms[:1]
			i++
		case c == '.':
			if err := emit(); err != nil {
				return nil, err
			}
			terms = terms[:0]
			i++
		case c == '{' && trig:
			if inGraph || len(terms) > 1 {
				return nil, fmt.Errorf("unexpected { at %d", i)
			}
			graph = ""
			if len(terms) == 1 {
				graph = terms[0]
			}
			terms, inGraph = terms[:0], true
			i++
		case c == '}' && trig:
			if !inGraph || len(terms) > 0 {
				return nil, fmt.Errorf("unexpected } at %d", i)
			}
			graph, inGraph = "", false
			i++
		default:
			return nil, fmt.Errorf("unexpected %q at %d", s[i:min(len(s), i+20)], i)
		}
	}
	if len(terms) > 0 || inGraph {
		return nil, fmt.Errorf("the text ends inside a statement")
	}
	return out, nil
}
