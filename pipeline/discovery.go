package pipeline

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/gazetteer"
	"github.com/dipgraph/dipgraph/schema"
)

// Suggestion is an official the gazetteer does not know, found by a title
// beside the name in some articles.
type Suggestion struct {
	ID       string
	Name     string
	Country  string
	Roles    []string // role ids the titles named
	Forms    []string // how the articles wrote the name
	Count    int      // articles that name the official
	From     schema.Date
	Examples []string // "article: sentence"
}

// Suggest extracts the articles under paths and lists the provisional
// officials found, most often named first.
func Suggest(ctx context.Context, paths []string, g *gazetteer.Gazetteer) ([]Suggestion, error) {
	by := map[string]*Suggestion{}
	err := ExtractAll(ctx, paths, g, extract.Options{}, 0, func(e Extracted) error {
		if e.Err != nil {
			return nil // unreadable files are reported by build and extract
		}
		r := e.Result
		for _, o := range r.Officials {
			if !o.Provisional {
				continue
			}
			s := by[o.ID]
			if s == nil {
				s = &Suggestion{ID: o.ID, Name: o.Name, Country: o.Country}
				by[o.ID] = s
			}
			s.Count++
			if s.Country == "" {
				s.Country = o.Country
			}
			for _, t := range o.Titles {
				if !containsStr(s.Roles, t) {
					s.Roles = append(s.Roles, t)
				}
			}
			for _, f := range o.Forms {
				if !containsStr(s.Forms, f) && f != s.Name {
					s.Forms = append(s.Forms, f)
				}
			}
			if !r.Published.IsZero() && (s.From.IsZero() || r.Published.Compare(s.From) < 0) {
				s.From = r.Published
			}
			if len(s.Examples) < 3 && len(o.Sentences) > 0 {
				s.Examples = append(s.Examples, r.Article+": "+r.Sentences[o.Sentences[0]].Text)
			}
		}
		return nil
	})
	var out []Suggestion
	for _, s := range by {
		out = append(out, *s)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].ID < out[j].ID
	})
	return out, err
}

func containsStr(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// WriteSuggestions prints suggestions as a gazetteer file: an `officials:`
// list ready to paste, with counts and example sentences as comments. A
// role tenure starts at the month of the earliest article that states it.
func WriteSuggestions(w io.Writer, sugs []Suggestion) error {
	root := &yaml.Node{Kind: yaml.MappingNode}
	list := &yaml.Node{Kind: yaml.SequenceNode}
	key := &yaml.Node{Kind: yaml.ScalarNode, Value: "officials",
		HeadComment: fmt.Sprintf("Officials found by their titles but not in the gazetteer (%d).\nCheck names, countries and dates before adding them.", len(sugs))}
	root.Content = append(root.Content, key, list)
	str := func(v string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Value: v} }
	for _, s := range sugs {
		m := &yaml.Node{Kind: yaml.MappingNode}
		var comment []string
		comment = append(comment, fmt.Sprintf("named in %d article(s)", s.Count))
		for _, e := range s.Examples {
			comment = append(comment, "e.g. "+truncate(e, 200))
		}
		m.HeadComment = strings.Join(comment, "\n")
		m.Content = append(m.Content, str("id"), str(s.ID), str("name"), str(s.Name))
		if s.Country != "" {
			m.Content = append(m.Content, str("country"), str(s.Country))
		}
		if len(s.Forms) > 0 {
			al := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
			for _, f := range s.Forms {
				al.Content = append(al.Content, str(f))
			}
			m.Content = append(m.Content, str("aliases"), al)
		}
		if len(s.Roles) > 0 && !s.From.IsZero() {
			rl := &yaml.Node{Kind: yaml.SequenceNode}
			from := s.From
			if from.P == schema.Day {
				from = schema.MonthDate(from.Y, from.M)
			}
			for _, r := range s.Roles {
				t := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
				t.Content = append(t.Content, str("role"), str(r), str("from"), str(from.String()))
				rl.Content = append(rl.Content, t)
			}
			m.Content = append(m.Content, str("roles"), rl)
		}
		list.Content = append(list.Content, m)
	}
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(root); err != nil {
		return err
	}
	return enc.Close()
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// Unused lists the gazetteer's names, aliases and topic keywords that no
// article under paths matched.
func Unused(ctx context.Context, paths []string, g *gazetteer.Gazetteer) ([]gazetteer.Phrase, error) {
	seen := map[string]bool{}
	err := ExtractAll(ctx, paths, g, extract.Options{Closed: true, Matched: true}, 0, func(e Extracted) error {
		if e.Result != nil {
			for _, m := range e.Result.Matched {
				seen[m] = true
			}
		}
		return nil
	})
	var out []gazetteer.Phrase
	for _, p := range g.Phrases() {
		if !seen[p.Norm] {
			out = append(out, p)
		}
	}
	return out, err
}

// WithoutOfficials returns g without the officials any of the names (a
// name or alias, compared as name keys) stands for, and the ids removed.
// A name that matches no official is an error.
func WithoutOfficials(g *gazetteer.Gazetteer, names []string) (*gazetteer.Gazetteer, []string, error) {
	keys := map[string]bool{}
	for _, n := range names {
		keys[schema.NameKey(n)] = false
	}
	var removed []string
	g2, err := g.Without(func(o *gazetteer.Official) bool {
		hit := false
		for _, a := range append([]string{o.Name}, o.Aliases...) {
			if _, ok := keys[schema.NameKey(a)]; ok {
				keys[schema.NameKey(a)] = true
				hit = true
			}
		}
		if hit {
			removed = append(removed, o.ID)
		}
		return hit
	})
	if err != nil {
		return nil, nil, err
	}
	for _, n := range names {
		if !keys[schema.NameKey(n)] {
			return nil, nil, fmt.Errorf("no official named %q in the gazetteer", n)
		}
	}
	sort.Strings(removed)
	return g2, removed, nil
}
