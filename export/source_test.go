package export_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/export"
	"github.com/dipgraph/dipgraph/schema"
)

// statements is a Source without a store: the exports need nothing but
// statements as plain text (and a resolver, and an RDF writer).
type statements []schema.Statement

func (s statements) Statements(ctx context.Context, fn func(schema.Statement) error) error {
	for _, st := range s {
		if err := fn(st); err != nil {
			return err
		}
	}
	return nil
}

func (s statements) ResolveOfficialID(ctx context.Context, name string) (string, error) {
	return "", errors.New("no resolver")
}

func (s statements) WriteRDF(ctx context.Context, w io.Writer, format, base string, keep func(schema.Statement) bool) error {
	for _, st := range s {
		if keep == nil || keep(st) {
			if _, err := io.WriteString(w, st.Subject+" "+st.Predicate+" "+st.Object+"\n"); err != nil {
				return err
			}
		}
	}
	return nil
}

func TestWriteFromStatements(t *testing.T) {
	iri := func(s, p, o, l string) schema.Statement {
		return schema.Statement{Subject: s, Predicate: p, Object: o, Label: l, ObjectIRI: true}
	}
	lit := func(s, p, o, l string) schema.Statement {
		return schema.Statement{Subject: s, Predicate: p, Object: o, Label: l}
	}
	src := statements{
		iri("official/a", schema.PredType, schema.KindOfficial, schema.GazetteerLabel),
		lit("official/a", schema.PredName, "An A", schema.GazetteerLabel),
		iri("official/b", schema.PredType, schema.KindOfficial, schema.GazetteerLabel),
		lit("official/b", schema.PredName, "Bo B", schema.GazetteerLabel),
		iri("meeting/m1", schema.PredType, schema.KindMeeting, "article/x"),
		lit("meeting/m1", schema.PredStatus, schema.Held, "article/x"),
		lit("meeting/m1", schema.PredDate, "2025-04-01", "article/x"),
		iri("meeting/m1", schema.PredParticipant, "official/a", "article/x"),
		iri("meeting/m1", schema.PredParticipant, "official/b", "article/x"),
		iri("official/a", schema.PredMet, "official/b", "article/x"),
	}
	var b bytes.Buffer
	if err := export.Write(context.Background(), &b, src, export.Options{Format: export.FormatCSV, View: export.ViewMet, Table: "edges"}); err != nil {
		t.Fatal(err)
	}
	want := "id,source,target,predicate,meetings,first,last,meeting_ids,articles,first_precision,last_precision\n" +
		`e0,official/a,official/b,met,1,2025-04-01,2025-04-01,"[""m1""]","[""x""]",day,day` + "\n"
	if b.String() != want {
		t.Errorf("met edges:\n%s\nwant\n%s", b.String(), want)
	}
	// The RDF formats go back to the source, with the filter's keep.
	b.Reset()
	if err := export.Write(context.Background(), &b, src, export.Options{Format: export.FormatNQuads, Filter: export.Filter{From: schema.MonthDate(2025, 4)}}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "meeting/m1 participant official/a") {
		t.Errorf("nquads through the source:\n%s", b.String())
	}
	// The official of a filter goes through the source's resolver.
	err := export.Write(context.Background(), io.Discard, src, export.Options{Format: export.FormatJSON, Filter: export.Filter{Official: "An"}})
	if err == nil || err.Error() != "no resolver" {
		t.Errorf("filter by official: %v, want the resolver's error", err)
	}
}
