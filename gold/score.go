package gold

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/dipgraph/dipgraph/schema"
)

// Figure is precision, recall and F1 of one relation.
type Figure struct {
	Name      string  `json:"name"`
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	FN        int     `json:"fn"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// Accuracy is the share of matched items an attribute is right for.
type Accuracy struct {
	Name  string  `json:"name"`
	Right int     `json:"right"`
	Total int     `json:"total"`
	Share float64 `json:"share"`
}

// Item is one miss, false fact or wrong attribute, for a reader.
type Item struct {
	Figure  string `json:"figure"`
	Article string `json:"article,omitempty"`
	Fact    string `json:"fact"`
}

// Report is the score of an extraction against gold.
type Report struct {
	Figures    []Figure   `json:"figures"`
	Accuracies []Accuracy `json:"accuracies"`
	Misses     []Item     `json:"misses"`
	False      []Item     `json:"false"`
	Wrong      []Item     `json:"wrong"`
	// Unscored counts predicted topics outside the gold's taxonomy.
	Unscored int `json:"unscored_topics,omitempty"`
}

// Figure returns the figure named name (zero if absent).
func (r *Report) Figure(name string) Figure {
	for _, f := range r.Figures {
		if f.Name == name {
			return f
		}
	}
	return Figure{Name: name}
}

// Accuracy returns the accuracy named name (zero if absent).
func (r *Report) Accuracy(name string) Accuracy {
	for _, a := range r.Accuracies {
		if a.Name == name {
			return a
		}
	}
	return Accuracy{Name: name}
}

// NameKey is the form two names are compared in; see schema.NameKey.
func NameKey(s string) string { return schema.NameKey(s) }

type set map[string]string // key → description

func (s set) add(k, desc string) { s[k] = desc }

// Score compares predicted annotations with gold ones, article by article
// (matched by file name), as ../shared/gold/README.md defines.
func Score(gold, pred *File) *Report { return ScoreTopics(gold, pred, nil) }

// ScoreTopics is Score where only the topic ids in taxonomy are scored (nil:
// all). A predicted topic outside the taxonomy cannot be in the gold; it is
// counted in Report.Unscored instead of as a false fact.
func ScoreTopics(gold, pred *File, taxonomy map[string]bool) *Report {
	r := &Report{}
	predBy := map[string]*Article{}
	for i := range pred.Articles {
		predBy[filepath.Base(pred.Articles[i].File)] = &pred.Articles[i]
	}
	gs := map[string]set{}
	ps := map[string]set{}
	for _, n := range []string{"officials", "met", "meetings", "planned", "holds", "topics"} {
		gs[n], ps[n] = set{}, set{}
	}
	var pubRight, pubTotal int
	acc := map[string]*Accuracy{"date": {Name: "date"}, "kind": {Name: "kind"}, "location": {Name: "location"}}
	for gi := range gold.Articles {
		ga := &gold.Articles[gi]
		file := filepath.Base(ga.File)
		pa := predBy[file]
		if pa == nil {
			pa = &Article{File: file}
		}
		// Officials: a gold name matches a predicted official when its key
		// is the key of the official's name or of one of its aliases.
		ident := map[string]string{} // gold name key → identity
		predKeys := make([]map[string]bool, len(pa.Officials))
		for i, o := range pa.Officials {
			predKeys[i] = map[string]bool{NameKey(o.Name): true}
			for _, a := range o.Aliases {
				predKeys[i][NameKey(a)] = true
			}
			ps["officials"].add(file+"|"+NameKey(o.Name), o.Name)
		}
		for _, o := range ga.Officials {
			k := NameKey(o.Name)
			id := k
			for i, pk := range predKeys {
				if pk[k] {
					id = NameKey(pa.Officials[i].Name)
					break
				}
			}
			ident[k] = id
			gs["officials"].add(file+"|"+id, o.Name)
		}
		gid := func(name string) string {
			k := NameKey(name)
			if id, ok := ident[k]; ok {
				return id
			}
			for i, pk := range predKeys {
				if pk[k] {
					return NameKey(pa.Officials[i].Name)
				}
			}
			return k
		}
		pid := func(name string) string { return NameKey(name) }
		for _, h := range ga.Holds {
			gs["holds"].add(gid(h.Official)+"|"+h.Role, h.Official+" holds "+h.Role)
		}
		for _, h := range pa.Holds {
			ps["holds"].add(pid(h.Official)+"|"+h.Role, h.Official+" holds "+h.Role)
		}
		// Meetings by participant set; with the date when the gold article
		// has several meetings of one set.
		setKey := func(parts []string, id func(string) string) (string, []string) {
			ids := make([]string, len(parts))
			for i, p := range parts {
				ids[i] = id(p)
			}
			sort.Strings(ids)
			ids = dedupe(ids)
			return strings.Join(ids, "+"), ids
		}
		count := map[string]int{}
		for _, m := range ga.Meetings {
			k, _ := setKey(m.Participants, gid)
			count[m.Status+k]++
		}
		type side struct {
			m   *Meeting
			key string
		}
		// Each side's meetings as keyed facts: the meeting (held or
		// planned) and, for a held one, each pair of participants once.
		index := func(ms []Meeting, id func(string) string, figs map[string]set) map[string]side {
			out := map[string]side{}
			for i := range ms {
				m := &ms[i]
				k, ids := setKey(m.Participants, id)
				full := file + "|" + k
				if count[m.Status+k] > 1 {
					full += "@" + m.Date
				}
				fig := figureOf(m.Status)
				figs[fig].add(full, fmt.Sprintf("%s %v %s", m.Status, m.Participants, m.Date))
				out[fig+full] = side{m, full}
				if m.Status != "held" {
					continue
				}
				names := map[string]string{}
				for _, p := range m.Participants {
					if _, ok := names[id(p)]; !ok {
						names[id(p)] = p
					}
				}
				for a := 0; a < len(ids); a++ {
					for b := a + 1; b < len(ids); b++ {
						figs["met"].add(ids[a]+"~"+ids[b], names[ids[a]]+" met "+names[ids[b]])
					}
				}
			}
			return out
		}
		gm := index(ga.Meetings, gid, gs)
		pm := index(pa.Meetings, pid, ps)
		// Topics and attributes on the meetings that match.
		for k, g := range gm {
			p, ok := pm[k]
			if !ok {
				continue
			}
			also := map[string]bool{}
			for _, t := range g.m.Also {
				also[t] = true
			}
			for _, t := range g.m.Topics {
				gs["topics"].add(g.key+"#"+t, fmt.Sprintf("%v: %s", g.m.Participants, t))
			}
			for _, t := range p.m.Topics {
				if taxonomy != nil && !taxonomy[t] {
					r.Unscored++
					continue
				}
				if !also[t] {
					ps["topics"].add(p.key+"#"+t, fmt.Sprintf("%v: %s", p.m.Participants, t))
				}
			}
			desc := fmt.Sprintf("%v", g.m.Participants)
			check := func(name string, right bool, got, want string) {
				a := acc[name]
				a.Total++
				if right {
					a.Right++
				} else {
					r.Wrong = append(r.Wrong, Item{name, file, fmt.Sprintf("%s: %s %q, want %q", desc, name, got, want)})
				}
			}
			check("date", dateRight(p.m.Date, g.m.Date), p.m.Date, g.m.Date)
			check("kind", p.m.Kind == g.m.Kind, p.m.Kind, g.m.Kind)
			want := g.m.Location
			if want == "" && len(g.m.LocationAlso) > 0 {
				want = "none or " + strings.Join(g.m.LocationAlso, "/")
			}
			check("location", locationRight(p.m.Location, g.m), p.m.Location, want)
		}
		if ga.Published != "" {
			pubTotal++
			ok := false
			for _, want := range append([]string{ga.Published}, ga.PublishedAlso...) {
				if pa.Published != "" && dateRight(pa.Published, want) {
					ok = true
				}
			}
			if ok {
				pubRight++
			} else {
				r.Wrong = append(r.Wrong, Item{"published", file, fmt.Sprintf("published %q, want %q", pa.Published, ga.Published)})
			}
		}
	}
	for _, n := range []string{"officials", "met", "meetings", "planned", "holds", "topics"} {
		f := Figure{Name: n}
		for k, d := range gs[n] {
			if _, ok := ps[n][k]; ok {
				f.TP++
			} else {
				f.FN++
				r.Misses = append(r.Misses, Item{n, articleOf(k), d})
			}
		}
		for k, d := range ps[n] {
			if _, ok := gs[n][k]; !ok {
				f.FP++
				r.False = append(r.False, Item{n, articleOf(k), d})
			}
		}
		f.Precision, f.Recall, f.F1 = prf(f.TP, f.FP, f.FN)
		r.Figures = append(r.Figures, f)
	}
	for _, n := range []string{"date", "kind", "location"} {
		a := acc[n]
		a.Share = share(a.Right, a.Total)
		r.Accuracies = append(r.Accuracies, *a)
	}
	r.Accuracies = append(r.Accuracies, Accuracy{Name: "published", Right: pubRight, Total: pubTotal, Share: share(pubRight, pubTotal)})
	sortItems(r.Misses)
	sortItems(r.False)
	sortItems(r.Wrong)
	return r
}

func figureOf(status string) string {
	if status == "planned" {
		return "planned"
	}
	return "meetings"
}

func articleOf(key string) string {
	if i := strings.IndexByte(key, '|'); i > 0 && strings.Contains(key[:i], ".") {
		return key[:i]
	}
	return ""
}

func dedupe(s []string) []string {
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}

func sortItems(items []Item) {
	sort.Slice(items, func(i, j int) bool {
		a, b := items[i], items[j]
		if a.Figure != b.Figure {
			return a.Figure < b.Figure
		}
		if a.Article != b.Article {
			return a.Article < b.Article
		}
		return a.Fact < b.Fact
	})
}

// dateRight: equal, or the prediction begins with a less precise gold
// date; with no gold date, right when none was predicted. Dates are
// compared in their canonical form, so that a gold "2018-1" is January
// ("2018-01-05" is right for it, "2018-12-01" is not).
func dateRight(got, want string) bool {
	if want == "" {
		return got == ""
	}
	got, want = canonDate(got), canonDate(want)
	return got == want || strings.HasPrefix(got, want+"-")
}

// canonDate writes a date as schema.Date does ("2018-6" → "2018-06");
// anything that is not a date is kept as it is.
func canonDate(s string) string {
	if d, err := schema.ParseDate(s); err == nil {
		return d.String()
	}
	return s
}

func locationRight(got string, g *Meeting) bool {
	if g.Location != "" && NameKey(got) == NameKey(g.Location) {
		return true
	}
	if got == "" {
		return g.Location == "" // without a location, no answer counts too
	}
	for _, l := range g.LocationAlso {
		if NameKey(l) == NameKey(got) {
			return true
		}
	}
	return false
}

func prf(tp, fp, fn int) (p, r, f float64) {
	p, r = share(tp, tp+fp), share(tp, tp+fn)
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

func share(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// Write prints the report for a reader: with details, every miss, false
// fact and wrong attribute first; then the figures and accuracies, last so
// that the end of the output is the summary.
func (r *Report) Write(w io.Writer, details bool) {
	if details {
		list := func(title string, items []Item) {
			if len(items) == 0 {
				return
			}
			fmt.Fprintf(w, "%s:\n", title)
			for _, it := range items {
				art := ""
				if it.Article != "" {
					art = it.Article + ": "
				}
				fmt.Fprintf(w, "  %-9s %s%s\n", it.Figure, art, it.Fact)
			}
			fmt.Fprintln(w)
		}
		list("missed (in gold, not found)", r.Misses)
		list("false (found, not in gold)", r.False)
		list("wrong attributes", r.Wrong)
	}
	fmt.Fprintf(w, "%-10s %9s %7s %7s %5s %5s %5s\n", "figure", "precision", "recall", "F1", "tp", "fp", "fn")
	for _, f := range r.Figures {
		fmt.Fprintf(w, "%-10s %9.3f %7.3f %7.3f %5d %5d %5d\n", f.Name, f.Precision, f.Recall, f.F1, f.TP, f.FP, f.FN)
	}
	if r.Unscored > 0 {
		fmt.Fprintf(w, "(%d topics outside the gold's taxonomy, not scored)\n", r.Unscored)
	}
	fmt.Fprintf(w, "%-10s %9s %7s\n", "accuracy", "share", "right")
	for _, a := range r.Accuracies {
		fmt.Fprintf(w, "%-10s %9.3f %7s\n", a.Name, a.Share, fmt.Sprintf("%d/%d", a.Right, a.Total))
	}
}

// LoadTaxonomy reads the topic ids of a topics file (`topics: [{id: …}]`).
func LoadTaxonomy(path string) (map[string]bool, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var f struct {
		Topics []struct {
			ID string `yaml:"id"`
		} `yaml:"topics"`
	}
	if err := yaml.Unmarshal(b, &f); err != nil {
		return nil, fmt.Errorf("topics %s: %w", path, err)
	}
	ids := map[string]bool{}
	for _, t := range f.Topics {
		ids[t.ID] = true
	}
	if len(ids) == 0 {
		return nil, fmt.Errorf("topics %s: no topic ids", path)
	}
	return ids, nil
}
