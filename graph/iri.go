package graph

import (
	"strings"
	"unicode/utf8"

	"github.com/cayleygraph/quad"

	"github.com/dipgraph/dipgraph/schema"
)

// exportValue makes a quad value writable as N-Quads: IRIs escaped
// (EscapeIRI) and put after base, literals made valid UTF-8 (an invalid byte becomes U+FFFD;
// N-Quads is UTF-8 and cannot carry it).
func exportValue(v quad.Value, base string) quad.Value {
	switch t := v.(type) {
	case quad.IRI:
		if e := schema.EscapeIRI(string(t)); e != string(t) || base != "" {
			return quad.IRI(base + e)
		}
	case quad.String:
		if !utf8.ValidString(string(t)) {
			return quad.String(strings.ToValidUTF8(string(t), "\uFFFD"))
		}
	case quad.TypedString:
		if !utf8.ValidString(string(t.Value)) {
			t.Value = quad.String(strings.ToValidUTF8(string(t.Value), "\uFFFD"))
		}
		if !strings.Contains(string(t.Type), ":") {
			t.Type = quad.IRI(base + schema.EscapeIRI(string(t.Type)))
		}
		return t
	case quad.LangString:
		if !utf8.ValidString(string(t.Value)) {
			t.Value = quad.String(strings.ToValidUTF8(string(t.Value), "\uFFFD"))
			return t
		}
	}
	return v
}

// exportQuad applies exportValue to each part of q.
func exportQuad(q quad.Quad, base string) quad.Quad {
	q.Subject = exportValue(q.Subject, base)
	q.Predicate = exportValue(q.Predicate, base)
	q.Object = exportValue(q.Object, base)
	if q.Label != nil {
		q.Label = exportValue(q.Label, base)
	}
	return q
}
