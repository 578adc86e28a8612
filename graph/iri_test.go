package graph

import (
	"bytes"
	"context"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/dipgraph/dipgraph/internal/pyrun"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/gazetteer"
)

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
	text := exportArticles(t)["xc"]
	for _, id := range hostileIDs {
		r := extract.Extract(g, id, text, extract.Options{})
		if _, _, err := st.Replace(ctx, ArticleLabel(id), ArticleQuads(g, "in dir/"+id+".txt", r)); err != nil {
			t.Fatal(err)
		}
	}
	var b bytes.Buffer
	if err := st.WriteRDF(ctx, &b, FormatNQuads, "", nil); err != nil {
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
	if err := st.WriteRDF(ctx, &b, FormatNQuads, "https://dipgraph.example/", nil); err != nil {
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
	for _, py := range pyrun.Pythons(t, "rdflib") {
		var n int
		pyrun.Run(t, py, script, &n, path)
		if n != len(qs) {
			t.Errorf("%s: rdflib reads %d quads, want %d", py, n, len(qs))
		}
	}
}
