package graph

import (
	"bytes"
	"context"
	"io"
	"sort"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"github.com/dipgraph/dipgraph/export"
	"github.com/dipgraph/dipgraph/schema"
)

// rdfString is an export of the store in an RDF format, through package
// export as the command line makes it (the filter's selection, then
// WriteRDF).
func rdfString(t *testing.T, st *Store, opt export.Options) string {
	t.Helper()
	var b bytes.Buffer
	if err := export.Write(context.Background(), &b, st, opt); err != nil {
		t.Fatalf("export %+v: %v", opt, err)
	}
	return b.String()
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
	out := rdfString(t, st, export.Options{Format: export.FormatNQuads})
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
	out = rdfString(t, st, export.Options{Format: export.FormatNQuads, Filter: export.Filter{Country: "VN", From: schema.MonthDate(2025, 11), To: schema.MonthDate(2025, 12)}})
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

// TestWriteRDFBase reads the N-Quads written under a base IRI with
// Cayley's parser: every quad, every IRI under the base; and refuses a
// format that is not one of the store's.
func TestWriteRDFBase(t *testing.T) {
	st := exportMem(t)
	ctx := context.Background()
	const base = "https://example.org/dg/"
	var b bytes.Buffer
	if err := st.WriteRDF(ctx, &b, FormatNQuads, base, nil); err != nil {
		t.Fatal(err)
	}
	qs := readNQuads(t, b.String())
	if want := len(allNQuads(t, st)); len(qs) != want {
		t.Errorf("cayley's nquads parser read %d quads, want %d", len(qs), want)
	}
	for _, q := range qs {
		for _, v := range []quad.Value{q.Subject, q.Predicate, q.Object, q.Label} {
			if i, ok := v.(quad.IRI); ok && !strings.HasPrefix(string(i), base) {
				t.Fatalf("quad %v: IRI %s not under the base", q, i)
			}
		}
	}
	// keep sees every statement and decides alone.
	b.Reset()
	keep := func(s schema.Statement) bool { return s.Label == "article/xc" }
	if err := st.WriteRDF(ctx, &b, FormatNQuads, "", keep); err != nil {
		t.Fatal(err)
	}
	kept := readNQuads(t, b.String())
	if len(kept) == 0 {
		t.Fatal("keep of article/xc kept nothing")
	}
	for _, q := range kept {
		if valueText(q.Label) != "article/xc" {
			t.Errorf("kept %v", q)
		}
	}
	if err := st.WriteRDF(ctx, io.Discard, "json", "", nil); err == nil {
		t.Error("WriteRDF json: no error")
	}
}

// The store is what package export reads, and takes its RDF format names.
var _ export.Source = (*Store)(nil)

func TestWriteRDFFormatsAreExports(t *testing.T) {
	st := exportMem(t)
	keep := func(s schema.Statement) bool { return s.Label == "article/xd" }
	for _, f := range []string{export.FormatNQuads, export.FormatTriG, export.FormatTurtle} {
		var b bytes.Buffer
		if err := st.WriteRDF(context.Background(), &b, f, DefaultBase, keep); err != nil || !strings.Contains(b.String(), "to-lam") {
			t.Errorf("WriteRDF %s: %v, %d bytes without to-lam", f, err, b.Len())
		}
	}
}
