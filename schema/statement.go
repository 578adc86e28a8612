package schema

// Statement is one statement of the graph as plain text, as the store's
// reader gives it (graph's Store.Statements) to the packages that must
// not see Cayley's types (export): a quad's subject, predicate, object
// and label (the article or gazetteer that states it). IRIs are as
// stored, short ("official/x"); literals are their text, without quotes,
// language or type.
type Statement struct {
	Subject, Predicate, Object, Label string
	// ObjectIRI says whether Object is an IRI (a node), not a literal.
	ObjectIRI bool
}
