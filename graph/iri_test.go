package graph

import (
	"bytes"
	"context"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/gazetteer"
)

func TestEscapeIRI(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"article/a01_moon", "article/a01_moon"},
		{"article/Hà Nội", "article/Hà%20Nội"},
		{"article/a>b<c", "article/a%3Eb%3Cc"},
		{`article/a"b\c`, "article/a%22b%5Cc"},
		{"article/a\nb\tc\x00", "article/a%0Ab%09c%00"},
		{"article/a\xffb\xc3", "article/a%FFb%C3"},
		{"article/{a}|^`", "article/%7Ba%7D%7C%5E%60"},
		{"article/100%", "article/100%25"},
		{"article/\x7f", "article/%7F"},
	} {
		got := EscapeIRI(tc.in)
		if got != tc.want {
			t.Errorf("EscapeIRI(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if back, err := url.PathUnescape(got); err != nil || back != tc.in {
			t.Errorf("EscapeIRI(%q) = %q decodes to %q, %v", tc.in, got, back, err)
		}
	}
}

// hostileIDs are article ids (file names without .txt) that an N-Quads
// IRI cannot hold as they are.
var hostileIDs = []string{
	"with space", "a>b", `quote"d`, `back\slash`, "new\nline", "bad\xffutf8", "tab\tand\x01control",
	"{braces}|pipe^caret`tick", "per%20cent", "Hà Nội <2025>",
}

// TestExportHostileFileNames: articles whose file names hold characters
// IRIs exclude export as N-Quads that Cayley's parser and rdflib read,
// every quad kept, each article's label decoding to its id.
func TestExportHostileFileNames(t *testing.T) {
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	st, err := Open(Memory, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	text := exportArticles["xc"]
	for _, id := range hostileIDs {
		r := extract.Extract(g, id, text, extract.Options{})
		if _, _, err := st.Replace(ctx, ArticleLabel(id), ArticleQuads(g, "in dir/"+id+".txt", r)); err != nil {
			t.Fatal(err)
		}
	}
	var b bytes.Buffer
	if err := st.Export(ctx, &b, ExportOptions{Format: FormatNQuads}); err != nil {
		t.Fatal(err)
	}
	qs := readNQuads(t, b.String()) // fails on a line Cayley's parser rejects
	if want := len(allNQuads(t, st)); len(qs) != want {
		t.Errorf("the export parses to %d quads, the store holds %d", len(qs), want)
	}
	labels := map[string]bool{}
	for _, q := range qs {
		l, err := url.PathUnescape(valueText(q.Label))
		if err != nil {
			t.Errorf("label %s: %v", q.Label, err)
		}
		labels[l] = true
	}
	for _, id := range hostileIDs {
		if !labels[ArticleLabel(id)] {
			t.Errorf("no label decoding to %q", ArticleLabel(id))
		}
	}
	// The same export through rdflib, where installed (CI installs
	// python3-rdflib), with a base IRI (rdflib wants absolute IRIs). A
	// warning (a bad IRI, say) fails the test.
	b.Reset()
	if err := st.Export(ctx, &b, ExportOptions{Format: FormatNQuads, Base: "https://dipgraph.example/"}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b.Bytes(), []byte("<https://dipgraph.example/article/with%20space> .")) {
		t.Errorf("no absolute, escaped article label in\n%.300s", b.String())
	}
	path := filepath.Join(t.TempDir(), "hostile.nq")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	script := `import sys, json, logging, warnings, rdflib
warnings.simplefilter("error")
logging.basicConfig(level=logging.WARNING)
class Fail(logging.Handler):
    def emit(self, rec):
        raise SystemExit("rdflib: " + rec.getMessage())
logging.getLogger("rdflib").addHandler(Fail())
ds = rdflib.Dataset()
ds.parse(sys.argv[1], format="nquads")
print(json.dumps(sum(1 for _ in ds.quads((None, None, None, None)))))`
	for _, py := range pythons(t, "rdflib") {
		var n int
		runPython(t, py, script, &n, path)
		if n != len(qs) {
			t.Errorf("%s: rdflib reads %d quads, want %d", py, n, len(qs))
		}
	}
}
