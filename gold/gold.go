// Package gold reads and writes gold annotations of articles (what a
// careful reader finds in them) and scores extractions against them.
package gold

import (
	"bytes"
	"fmt"
	"github.com/dipgraph/dipgraph/fact"
	"os"
	"path/filepath"
	"sort"

	"gopkg.in/yaml.v3"

	"github.com/dipgraph/dipgraph/gazetteer"
	"github.com/dipgraph/dipgraph/schema"
)

// File is a gold file: annotations of a set of articles.
type File struct {
	Articles []Article `yaml:"articles" json:"articles"`
}

// Article is what an article holds.
type Article struct {
	File          string     `yaml:"file" json:"file"`
	URL           string     `yaml:"url,omitempty" json:"url,omitempty"`     // the page's URL, when known
	Title         string     `yaml:"title,omitempty" json:"title,omitempty"` // the article's title, when known
	Published     string     `yaml:"published,omitempty" json:"published,omitempty"`
	PublishedAlso []string   `yaml:"published_also,omitempty" json:"published_also,omitempty"`
	Officials     []Official `yaml:"officials" json:"officials"`
	Holds         []Hold     `yaml:"holds" json:"holds"`
	Meetings      []Meeting  `yaml:"meetings" json:"meetings"`
}

// Official is an official named in an article.
type Official struct {
	Name        string   `yaml:"name" json:"name"`
	Country     string   `yaml:"country,omitempty" json:"country,omitempty"`
	Aliases     []string `yaml:"aliases,omitempty,flow" json:"aliases,omitempty"`
	Provisional bool     `yaml:"provisional,omitempty" json:"provisional,omitempty"`
}

// Hold is an official–holds–role fact.
type Hold struct {
	Official string `yaml:"official" json:"official"`
	Role     string `yaml:"role" json:"role"`
}

// Meeting is a meeting an article reports.
type Meeting struct {
	Participants []string `yaml:"participants,flow" json:"participants"`
	Status       string   `yaml:"status" json:"status"`
	Date         string   `yaml:"date,omitempty" json:"date,omitempty"`
	Kind         string   `yaml:"kind,omitempty" json:"kind,omitempty"`
	Location     string   `yaml:"location,omitempty" json:"location,omitempty"`
	LocationAlso []string `yaml:"location_also,omitempty,flow" json:"location_also,omitempty"`
	Topics       []string `yaml:"topics,flow" json:"topics"`
	Also         []string `yaml:"also,omitempty,flow" json:"also,omitempty"`
}

// Load reads a gold file; unknown fields are errors.
func Load(path string) (*File, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var f File
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("gold %s: %w", path, err)
	}
	for i, a := range f.Articles {
		if a.File == "" {
			return nil, fmt.Errorf("gold %s: article %d without file", path, i+1)
		}
		if a.Published != "" {
			if _, err := schema.ParseDate(a.Published); err != nil {
				return nil, fmt.Errorf("gold %s: article %s: published: %w", path, a.File, err)
			}
		}
		for _, m := range a.Meetings {
			if m.Status != schema.Held && m.Status != schema.Planned {
				return nil, fmt.Errorf("gold %s: article %s: meeting %v: status %q, want held or planned", path, a.File, m.Participants, m.Status)
			}
		}
	}
	return &f, nil
}

// FromResult writes an extraction in the gold format. file is the
// article's file name; the gazetteer gives names of roles' holders, places
// and aliases.
func FromResult(g *gazetteer.Gazetteer, file string, r *fact.Result) Article {
	a := Article{File: filepath.Base(file), Published: r.Published.String()}
	names := map[string]string{}
	for _, o := range r.Officials {
		names[o.ID] = o.Name
		of := Official{Name: o.Name, Country: o.Country, Provisional: o.Provisional}
		seen := map[string]bool{o.Name: true}
		add := func(s string) {
			if !seen[s] {
				seen[s] = true
				of.Aliases = append(of.Aliases, s)
			}
		}
		if go_ := g.Official(o.ID); go_ != nil && !o.Provisional {
			for _, al := range go_.Aliases {
				add(al)
			}
		}
		for _, f := range o.Forms {
			add(f)
		}
		a.Officials = append(a.Officials, of)
	}
	for _, h := range r.Holds {
		a.Holds = append(a.Holds, Hold{Official: names[h.Official], Role: h.Role})
	}
	for _, m := range r.Meetings {
		gm := Meeting{Status: m.Status, Date: m.Date.String(), Kind: m.Kind, Topics: []string{}}
		for _, p := range m.Participants {
			gm.Participants = append(gm.Participants, names[p])
		}
		if m.Place != "" {
			if p := g.Place(m.Place); p != nil {
				gm.Location = p.Name
			} else {
				gm.Location = m.Place
			}
		}
		for _, t := range m.Topics {
			gm.Topics = append(gm.Topics, t.Topic)
		}
		sort.Strings(gm.Topics)
		a.Meetings = append(a.Meetings, gm)
	}
	if a.Officials == nil {
		a.Officials = []Official{}
	}
	if a.Holds == nil {
		a.Holds = []Hold{}
	}
	if a.Meetings == nil {
		a.Meetings = []Meeting{}
	}
	return a
}
