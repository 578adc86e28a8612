package graph

import (
	"context"
	"errors"
	"sort"
	"strings"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/query"
	"github.com/cayleygraph/cayley/query/gizmo"
	"github.com/cayleygraph/quad"

	"github.com/dipgraph/dipgraph/schema"
)

// ErrTimeout is returned when a query runs past its time limit.
var ErrTimeout = errors.New("query stopped at the time limit")

// QueryResult is what a Gizmo query gives: the results in Cayley's JSON
// form, and whether the limit cut them.
type QueryResult struct {
	Results   []any `json:"result"`
	Truncated bool  `json:"truncated,omitempty"`
	Limit     int   `json:"limit,omitempty"`
}

// Gizmo runs a Gizmo query with a new session. At most limit results are
// returned (limit ≤ 0: no limit); Truncated tells whether there were more.
// The context's deadline stops a query that runs away.
func (s *Store) Gizmo(ctx context.Context, q string, limit int) (*QueryResult, error) {
	ses := gizmo.NewSession(s.qs)
	opt := query.Options{Collation: query.JSON}
	if limit > 0 {
		opt.Limit = limit + 1
	}
	it, err := ses.Execute(ctx, q, opt)
	if err != nil {
		return nil, err
	}
	defer func() {
		// Stop the script and wait (briefly) for its goroutine to leave
		// the store: closing a bolt store under a running read deadlocks.
		// A scan that does not look at its context may outlast the wait;
		// CloseWithin covers that case.
		it.Close()
		done := make(chan struct{})
		go func() {
			for it.Next(context.Background()) {
			}
			close(done)
		}()
		select {
		case <-done:
		case <-time.After(2 * time.Second):
		}
	}()
	res := &QueryResult{Results: []any{}, Limit: limit}
	for it.Next(ctx) {
		v := it.Result()
		if v == nil {
			continue
		}
		if limit > 0 && len(res.Results) == limit {
			res.Truncated = true
			break
		}
		res.Results = append(res.Results, v)
	}
	if err := it.Err(); err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			return res, ErrTimeout
		}
		return res, err
	}
	if ctx.Err() != nil && errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return res, ErrTimeout
	}
	return res, nil
}

// Official is an official as the store knows it.
type Official struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Country     string `json:"country,omitempty"`
	Provisional bool   `json:"provisional,omitempty"`
}

// FindOfficials returns the officials whose name, alias or surname has the
// same key as name (case, diacritics, spaces and hyphens aside).
func (s *Store) FindOfficials(ctx context.Context, name string) ([]Official, error) {
	ref := s.qs.ValueOf(quad.String(schema.NameKey(name)))
	if ref == nil {
		return nil, nil
	}
	seen := map[string]bool{}
	var out []Official
	for _, q := range s.quadsOf(ctx, quad.Object, ref) {
		if q.Predicate != iri(schema.PredKey) {
			continue
		}
		id := strings.TrimPrefix(iriText(q.Subject), "official/")
		if seen[id] {
			continue
		}
		seen[id] = true
		out = append(out, s.official(ctx, id))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

func iriText(v quad.Value) string {
	if i, ok := v.(quad.IRI); ok {
		return string(i)
	}
	return lit(v)
}

// lit returns the text of a literal (or IRI) without quotes or type.
func lit(v quad.Value) string {
	switch t := v.(type) {
	case quad.String:
		return string(t)
	case quad.TypedString:
		return string(t.Value)
	case quad.LangString:
		return string(t.Value)
	case quad.IRI:
		return string(t)
	case nil:
		return ""
	}
	return quad.StringOf(v)
}

// quadsOf returns the quads with v in direction d.
func (s *Store) quadsOf(ctx context.Context, d quad.Direction, ref cgraph.Ref) []quad.Quad {
	it := s.qs.QuadIterator(d, ref)
	defer it.Close()
	var out []quad.Quad
	for it.Next(ctx) {
		out = append(out, s.qs.Quad(it.Result()))
	}
	return out
}

// outOf returns the quads whose subject is the IRI id.
func (s *Store) outOf(ctx context.Context, id string) []quad.Quad {
	ref := s.qs.ValueOf(iri(id))
	if ref == nil {
		return nil
	}
	return s.quadsOf(ctx, quad.Subject, ref)
}

func (s *Store) official(ctx context.Context, id string) Official {
	o := Official{ID: id}
	for _, q := range s.outOf(ctx, schema.OfficialIRI(id)) {
		switch iriText(q.Predicate) {
		case schema.PredName:
			o.Name = lit(q.Object)
		case schema.PredCountry:
			o.Country = strings.TrimPrefix(iriText(q.Object), "country/")
		case schema.PredProvisional:
			o.Provisional = true
		}
	}
	if o.Name == "" {
		o.Name = id
	}
	return o
}

// MetRow is one meeting of an official with a counterpart.
type MetRow struct {
	Counterpart Official `json:"counterpart"`
	Roles       []string `json:"counterpart_roles,omitempty"`
	Meeting     string   `json:"meeting"`
	Date        string   `json:"date,omitempty"`
	Place       string   `json:"place,omitempty"`
	Kind        string   `json:"kind,omitempty"`
	Status      string   `json:"status"`
	Topics      []string `json:"topics,omitempty"`
	Sources     []Source `json:"sources"`
}

// Source is an article and sentence that report a fact.
type Source struct {
	Article  string `json:"article"`
	File     string `json:"file,omitempty"`
	Sentence string `json:"sentence,omitempty"`
	Span     string `json:"span,omitempty"`
}

// Met lists who the official with id has met (with planned meetings too
// when planned is true): one row per meeting and counterpart, by date.
func (s *Store) Met(ctx context.Context, id string, planned bool) ([]MetRow, error) {
	ref := s.qs.ValueOf(iri(schema.OfficialIRI(id)))
	if ref == nil {
		return nil, nil
	}
	var meetings []string
	seen := map[string]bool{}
	for _, q := range s.quadsOf(ctx, quad.Object, ref) {
		if iriText(q.Predicate) == schema.PredParticipant {
			m := iriText(q.Subject)
			if !seen[m] {
				seen[m] = true
				meetings = append(meetings, m)
			}
		}
	}
	var rows []MetRow
	officials := map[string]Official{}
	for _, mid := range meetings {
		var base MetRow
		base.Meeting = strings.TrimPrefix(mid, "meeting/")
		var parts []string
		labels := map[string]bool{}
		var sentences []string
		topics := map[string]bool{}
		for _, q := range s.outOf(ctx, mid) {
			if q.Label != nil {
				labels[iriText(q.Label)] = true
			}
			switch iriText(q.Predicate) {
			case schema.PredParticipant:
				p := strings.TrimPrefix(iriText(q.Object), "official/")
				if p != id && !contains(parts, p) {
					parts = append(parts, p)
				}
			case schema.PredDate:
				base.Date = lit(q.Object)
			case schema.PredPlace:
				base.Place = s.nameOf(ctx, iriText(q.Object))
			case schema.PredMeetingKind:
				base.Kind = lit(q.Object)
			case schema.PredStatus:
				base.Status = lit(q.Object)
			case schema.PredDiscussed:
				topics[strings.TrimPrefix(iriText(q.Object), "topic/")] = true
			case schema.PredReportedIn:
				sentences = append(sentences, iriText(q.Object))
			}
		}
		if base.Status == schema.Planned && !planned {
			continue
		}
		for t := range topics {
			base.Topics = append(base.Topics, t)
		}
		sort.Strings(base.Topics)
		base.Sources = s.sources(ctx, sentences)
		for _, p := range parts {
			row := base
			o, ok := officials[p]
			if !ok {
				o = s.official(ctx, p)
				officials[p] = o
			}
			row.Counterpart = o
			row.Roles = s.rolesIn(ctx, p, labels)
			rows = append(rows, row)
		}
	}
	sort.SliceStable(rows, func(i, j int) bool {
		if rows[i].Date != rows[j].Date {
			return rows[i].Date < rows[j].Date
		}
		return rows[i].Counterpart.Name < rows[j].Counterpart.Name
	})
	return rows, nil
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// nameOf returns the <name> of a node, or its id.
func (s *Store) nameOf(ctx context.Context, id string) string {
	for _, q := range s.outOf(ctx, id) {
		if iriText(q.Predicate) == schema.PredName {
			return lit(q.Object)
		}
	}
	return id[strings.IndexByte(id, '/')+1:]
}

// rolesIn lists the roles an official holds as stated in the given articles.
func (s *Store) rolesIn(ctx context.Context, official string, labels map[string]bool) []string {
	var out []string
	for _, q := range s.outOf(ctx, schema.OfficialIRI(official)) {
		if iriText(q.Predicate) != schema.PredHolds || q.Label == nil || !labels[iriText(q.Label)] {
			continue
		}
		r := strings.TrimPrefix(iriText(q.Object), "role/")
		if !contains(out, r) {
			out = append(out, r)
		}
	}
	sort.Strings(out)
	return out
}

// sources describes the sentences that report a fact.
func (s *Store) sources(ctx context.Context, sentences []string) []Source {
	var out []Source
	for _, sid := range sentences {
		src := Source{}
		for _, q := range s.outOf(ctx, sid) {
			switch iriText(q.Predicate) {
			case schema.PredText:
				src.Sentence = lit(q.Object)
			case schema.PredSpan:
				src.Span = lit(q.Object)
			case schema.PredInArticle:
				src.Article = strings.TrimPrefix(iriText(q.Object), "article/")
			}
		}
		if src.Article != "" {
			for _, q := range s.outOf(ctx, schema.ArticleIRI(src.Article)) {
				if iriText(q.Predicate) == schema.PredFile {
					src.File = lit(q.Object)
				}
			}
		}
		out = append(out, src)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Article < out[j].Article })
	return out
}

// FormatDate strips Cayley's typed-literal wrapping from a date value.
func FormatDate(v string) string {
	if i := strings.Index(v, `"^^`); i > 0 && strings.HasPrefix(v, `"`) {
		return v[1:i]
	}
	return v
}
