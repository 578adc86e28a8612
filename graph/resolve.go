package graph

import (
	"context"
	"fmt"
	"strings"

	"github.com/dipgraph/dipgraph/schema"
)

// NotFoundError is ResolveOfficial's answer for a name no official of the
// store has.
type NotFoundError struct {
	Name string
}

func (e *NotFoundError) Error() string {
	return fmt.Sprintf("no official named %q in the store", e.Name)
}

// AmbiguousError is ResolveOfficial's answer for a name several officials
// share; Candidates are those officials, by id.
type AmbiguousError struct {
	Name       string
	Candidates []Official
}

func (e *AmbiguousError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%q names %d officials; give a fuller name or the id:", e.Name, len(e.Candidates))
	for i, o := range e.Candidates {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, " %s (%s, %s)", o.Name, o.Country, o.ID)
	}
	return b.String()
}

// ResolveOfficial finds the one official that name stands for: an id
// ("moon-jae-in" or "official/moon-jae-in"), or a name, alias or surname
// as FindOfficials matches them. No match is a *NotFoundError, several a
// *AmbiguousError with the candidates; the commands, the exports and the
// server all report these errors with the same text.
func (s *Store) ResolveOfficial(ctx context.Context, name string) (Official, error) {
	name = strings.TrimSpace(name)
	if id := strings.TrimPrefix(name, "official/"); id != "" && !strings.ContainsAny(id, " \t") {
		o, err := s.officialByID(ctx, id)
		if err != nil || o.ID != "" {
			return o, err
		}
	}
	offs, err := s.FindOfficials(ctx, name)
	if err != nil {
		return Official{}, err
	}
	switch len(offs) {
	case 0:
		return Official{}, &NotFoundError{Name: name}
	case 1:
		return offs[0], nil
	}
	return Official{}, &AmbiguousError{Name: name, Candidates: offs}
}

// officialByID reads the official with id; the zero Official when the
// store has no such node.
func (s *Store) officialByID(ctx context.Context, id string) (Official, error) {
	r := s.read()
	p, refs, err := s.predicates(ctx, iri(schema.OfficialIRI(id)))
	if err != nil || refs[0] == nil {
		return Official{}, err
	}
	var b scans
	offs := newOfficials(r, p, &b)
	offs.add(refs[0])
	if err := b.run(ctx, r); err != nil {
		return Official{}, err
	}
	n := newNames()
	offs.collect(n)
	if err := n.resolve(ctx, s.qs); err != nil {
		return Official{}, err
	}
	return offs.official(n, refs[0]), nil
}
