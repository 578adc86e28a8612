package graph

import (
	"context"
	"fmt"
	"sort"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

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
// share.
type AmbiguousError struct {
	Name string
	// Candidates are the officials of that name the store's articles
	// mention, most mentioned first (then by name and id), or, when no
	// article mentions any of them, all of them by id.
	Candidates []Official
	// Articles[i] is the number of articles that mention Candidates[i].
	Articles []int
	// Unmentioned are the officials of that name that no article
	// mentions (gazetteer entries only), by id, when some other one is
	// mentioned; they are not in Candidates.
	Unmentioned []Official
}

func (e *AmbiguousError) Error() string {
	var b strings.Builder
	total := len(e.Candidates) + len(e.Unmentioned)
	switch {
	case len(e.Articles) > 0 && e.Articles[0] > 0:
		fmt.Fprintf(&b, "%q names %d officials, %d of them in the store's articles; give a fuller name or the id:", e.Name, total, len(e.Candidates))
	default:
		fmt.Fprintf(&b, "%q names %d officials, none of them in the store's articles; give a fuller name or the id:", e.Name, total)
	}
	for i, o := range e.Candidates {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, " %s (%s, %s", o.Name, o.Country, o.ID)
		if i < len(e.Articles) && e.Articles[i] > 0 {
			fmt.Fprintf(&b, ", %d article%s", e.Articles[i], plural(e.Articles[i]))
		}
		if o.Provisional {
			b.WriteString(", provisional")
		}
		b.WriteByte(')')
	}
	if n := len(e.Unmentioned); n > 0 {
		fmt.Fprintf(&b, "; and %d in the gazetteer that no article mentions", n)
	}
	return b.String()
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// ResolveOfficial finds the one official that name stands for: an id
// ("moon-jae-in" or "official/moon-jae-in"), or a name, alias or surname
// as FindOfficials matches them (a provisional official, found in articles
// by a title, by the surname its article's quads give it a key for, as
// gazetteer officials). No match is a *NotFoundError,
// several a *AmbiguousError with the candidates, those the articles
// mention first; the commands, the exports and the server all report
// these errors with the same text.
func (s *Store) ResolveOfficial(ctx context.Context, name string) (_ Official, err error) {
	defer s.guard(&err)()
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
	counts, err := s.mentionCounts(ctx, offs)
	if err != nil {
		return Official{}, err
	}
	return Official{}, ambiguity(name, offs, counts)
}

// ambiguity sorts the candidates: those mentioned in articles, most
// mentioned first; the others apart, unless no candidate is mentioned.
func ambiguity(name string, offs []Official, counts []int) *AmbiguousError {
	e := &AmbiguousError{Name: name}
	idx := make([]int, len(offs))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		i, j := idx[a], idx[b]
		if counts[i] != counts[j] {
			return counts[i] > counts[j]
		}
		if counts[i] == 0 {
			return offs[i].ID < offs[j].ID
		}
		if offs[i].Name != offs[j].Name {
			return offs[i].Name < offs[j].Name
		}
		return offs[i].ID < offs[j].ID
	})
	anyMentioned := counts[idx[0]] > 0
	for _, i := range idx {
		if anyMentioned && counts[i] == 0 {
			e.Unmentioned = append(e.Unmentioned, offs[i])
			continue
		}
		e.Candidates = append(e.Candidates, offs[i])
		e.Articles = append(e.Articles, counts[i])
	}
	return e
}

// mentionCounts gives, for each official, the number of articles that
// mention it (<mentions> quads).
func (s *Store) mentionCounts(ctx context.Context, offs []Official) ([]int, error) {
	r := s.read()
	vals := []quad.Value{iri(schema.PredMentions)}
	for _, o := range offs {
		vals = append(vals, iri(schema.OfficialIRI(o.ID)))
	}
	refs, err := r.refs(ctx, vals...)
	if err != nil {
		return nil, fmt.Errorf("articles that mention %d officials: %w", len(offs), err)
	}
	counts := make([]int, len(offs))
	if refs[0] == nil {
		return counts, nil
	}
	err = parallel(len(offs), 8, func(i int) error {
		seen := map[any]bool{}
		return r.each(ctx, quad.Object, refs[i+1], refs[0], r.ops, func(q cgraph.Ref) {
			if a := r.dir(q, quad.Subject); a != nil && !seen[a.Key()] {
				seen[a.Key()] = true
				counts[i]++
			}
		})
	})
	if err != nil {
		return nil, fmt.Errorf("articles that mention %d officials: %w", len(offs), err)
	}
	return counts, nil
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
