package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/schema"
)

// derived is what the page keeps of one state of the store: the officials'
// names (for search) and, once read ahead (Warm) or the overview was asked
// for, every meeting in brief with the counts, every official's stated
// roles and tenures, and the officials' pages made from them.
type derived struct {
	names  []graph.NameEntry
	keys   [][]searchKey // by name, the keys search compares
	byID   map[string]int
	nameMu sync.Mutex
	once   sync.Once     // starts loading the overview's part
	ready  chan struct{} // closed when it is loaded (or failed: oerr)
	oerr   error

	stats      graph.Stats
	meetings   []graph.MeetingBrief
	byOfficial map[string][]int32 // official id → indexes of their meetings
	profiles   *graph.Profiles    // every official's stated roles and tenures
	complete   bool               // every meeting of the store has a card, so is in meetings
	countries  map[string]string  // code → name
	placeNames map[string]string  // place id → name
	warming    sync.Once          // an official's page started the reading

	viewMu sync.Mutex
	views  map[filter]*Overview // the overviews asked for, at most maxViews

	pageMu sync.Mutex
	pages  map[string]*OfficialPage // the officials' pages asked for, at most maxPages
}

// maxPages bounds the officials' pages a derived keeps (a busy official's
// is about 1 MB of JSON).
const maxPages = 32

// officialPage returns the official's page kept for this state of the
// store, or nil.
func (d *derived) officialPage(id string) *OfficialPage {
	d.pageMu.Lock()
	defer d.pageMu.Unlock()
	return d.pages[id]
}

// keepPage keeps an official's page for this state of the store; when
// maxPages are kept, the others go.
func (d *derived) keepPage(id string, out *OfficialPage) {
	d.pageMu.Lock()
	defer d.pageMu.Unlock()
	if d.pages == nil || len(d.pages) >= maxPages {
		d.pages = map[string]*OfficialPage{}
	}
	d.pages[id] = out
}

// maxViews bounds the overviews a derived keeps.
const maxViews = 64

// derived returns the cache of the store's current version, loading the
// names and, with meetings, the overview's data first.
func (p *Page) derived(ctx context.Context, st *graph.Store, meetings bool) (*derived, error) {
	v := p.srv.Version()
	p.mu.Lock()
	d := p.cache[v]
	if d == nil {
		d = &derived{ready: make(chan struct{})}
		p.cache = map[string]*derived{v: d} // the older versions go
	}
	p.mu.Unlock()
	d.nameMu.Lock()
	if d.names == nil {
		names, err := st.OfficialNames(ctx)
		if err != nil {
			d.nameMu.Unlock()
			return nil, fmt.Errorf("officials: %w", err)
		}
		d.byID = make(map[string]int, len(names))
		d.keys = make([][]searchKey, len(names))
		for i, n := range names {
			d.byID[n.ID] = i
			d.keys[i] = searchKeys(n)
		}
		d.names = names
	}
	d.nameMu.Unlock()
	if !meetings {
		return d, nil
	}
	// The meetings are read once per state of the store, in the
	// background with a time limit of their own (on a large store they
	// take longer than one request may); a request waits within its own.
	d.once.Do(func() {
		go func() {
			defer close(d.ready)
			lctx, cancel := context.WithTimeout(context.Background(), loadTimeout)
			defer cancel()
			d.oerr = p.srv.ReadStore(lctx, d.loadOverview)
		}()
	})
	select {
	case <-d.ready:
	case <-ctx.Done():
		return nil, errReading
	}
	if d.oerr != nil {
		err := d.oerr
		p.mu.Lock()
		if p.cache[v] == d {
			delete(p.cache, v) // try again next time
		}
		p.mu.Unlock()
		return nil, err
	}
	return d, nil
}

// loaded returns the cache of the store's current version when its
// meetings are read and complete (every meeting has a card), else nil
// after starting to read them in the background (once per version), so
// that an official's page never waits for the whole store.
func (p *Page) loaded() *derived {
	v := p.srv.Version()
	p.mu.Lock()
	d := p.cache[v]
	p.mu.Unlock()
	if d != nil {
		select {
		case <-d.ready:
			if d.oerr == nil && d.complete {
				return d
			}
			return nil
		default:
		}
	}
	if d == nil {
		p.mu.Lock()
		if d = p.cache[v]; d == nil {
			d = &derived{ready: make(chan struct{})}
			p.cache = map[string]*derived{v: d}
		}
		p.mu.Unlock()
	}
	d.warming.Do(func() {
		go func() {
			ctx, cancel := context.WithTimeout(context.Background(), loadTimeout)
			defer cancel()
			p.Warm(ctx) // its error comes again to the next overview
		}()
	})
	return nil
}

// loadTimeout bounds the reading of every meeting of the store.
const loadTimeout = 5 * time.Minute

// errReading answers a request that came while the page reads the store.
var errReading = errors.New("the page is still reading the store's meetings (once per change of the store); try again in a few seconds")

func (d *derived) loadOverview(ctx context.Context, st *graph.Store) error {
	var err error
	if d.stats, err = st.Stats(ctx); err != nil {
		return fmt.Errorf("counts: %w", err)
	}
	if d.meetings, err = st.Meetings(ctx); err != nil {
		return err
	}
	ids := make([]string, len(d.names))
	for i, n := range d.names {
		ids[i] = n.ID
	}
	if d.profiles, err = st.ReadProfiles(ctx, ids); err != nil {
		return fmt.Errorf("profiles: %w", err)
	}
	// Stores written before cards have meetings Meetings leaves out: an
	// official's page then reads them with graph.Met.
	d.complete = len(d.meetings) == d.stats.Meetings
	d.byOfficial = map[string][]int32{}
	for k, m := range d.meetings {
		for _, o := range m.Participants {
			d.byOfficial[o] = append(d.byOfficial[o], int32(k))
		}
	}
	var iris []string
	seen := map[string]bool{}
	for _, n := range d.names {
		if n.Country != "" && !seen["c"+n.Country] {
			seen["c"+n.Country] = true
			iris = append(iris, schema.CountryIRI(n.Country))
		}
	}
	for _, m := range d.meetings {
		if m.Place != "" && !seen["p"+m.Place] {
			seen["p"+m.Place] = true
			iris = append(iris, schema.PlaceIRI(m.Place))
		}
	}
	names, err := st.Names(ctx, iris)
	if err != nil {
		return fmt.Errorf("names: %w", err)
	}
	d.countries, d.placeNames = map[string]string{}, map[string]string{}
	for k, v := range names {
		if cc, ok := strings.CutPrefix(k, "country/"); ok {
			d.countries[cc] = v
		} else if pl, ok := strings.CutPrefix(k, "place/"); ok {
			d.placeNames[pl] = v
		}
	}
	return ctx.Err()
}

// Hit is one suggestion of the search: the official and the name that
// matched (a Vietnamese form or another alias, the surname).
type Hit struct {
	graph.Official
	Matched string `json:"matched"`
	Via     string `json:"via"` // name, alias, surname, part
}

// searchKey is a key search compares, with the text it comes from.
type searchKey struct{ key, text, via string }

// searchKeys lists an official's keys: the name's, the aliases', then the
// others (the surname's).
func searchKeys(e graph.NameEntry) []searchKey {
	out := []searchKey{{schema.NameKey(e.Name), e.Name, "name"}}
	seen := map[string]bool{out[0].key: true}
	for _, a := range e.Aliases {
		if k := schema.NameKey(a); !seen[k] {
			seen[k] = true
			out = append(out, searchKey{k, a, "alias"})
		}
	}
	for _, k := range e.Keys {
		if !seen[k] {
			seen[k] = true
			out = append(out, searchKey{k, e.Name, "surname"})
		}
	}
	return out
}

// search finds officials whose name, alias or surname key equals the
// query's key, starts with it, or holds it, in that order, then by name;
// at most limit, and whether there were more.
func (d *derived) search(q string, limit int) ([]Hit, bool) {
	key := schema.NameKey(q)
	hits := []Hit{}
	if key == "" {
		return hits, false
	}
	type scored struct {
		Hit
		rank int
	}
	var all []scored
	for i, e := range d.names {
		best, via, matched := 3, "", ""
		for _, k := range d.keys[i] {
			rank := 3
			switch {
			case k.key == key:
				rank = 0
			case strings.HasPrefix(k.key, key):
				rank = 1
			case strings.Contains(k.key, key):
				rank = 2
			}
			if rank < best {
				best, via, matched = rank, k.via, k.text
			}
		}
		if best < 3 {
			all = append(all, scored{Hit{Official: e.Official, Matched: matched, Via: via}, best})
		}
	}
	sort.SliceStable(all, func(i, j int) bool {
		if all[i].rank != all[j].rank {
			return all[i].rank < all[j].rank
		}
		if all[i].Provisional != all[j].Provisional {
			return !all[i].Provisional
		}
		return all[i].Name < all[j].Name
	})
	for i, s := range all {
		if i == limit {
			return hits, true
		}
		hits = append(hits, s.Hit)
	}
	return hits, false
}

// filter narrows the overview: a period, a country, how many officials the
// network shows at most.
type filter struct {
	From, To schema.Date
	Country  string
	Top      int
}

func overviewFilter(r *http.Request) (filter, error) {
	var f filter
	q := r.URL.Query()
	for _, d := range []struct {
		key string
		to  *schema.Date
	}{{"from", &f.From}, {"to", &f.To}} {
		if s := strings.TrimSpace(q.Get(d.key)); s != "" {
			v, err := schema.ParseDate(s)
			if err != nil {
				return f, fmt.Errorf("%s: %w", d.key, err)
			}
			*d.to = v
		}
	}
	f.Country = strings.ToUpper(strings.TrimSpace(q.Get("country")))
	if len(f.Country) > 3 {
		return f, fmt.Errorf("country %q: want an ISO code (VN, US …)", f.Country)
	}
	top, err := boundedInt(r, "top", defaultTop, 300)
	if err != nil {
		return f, err
	}
	f.Top = top
	return f, nil
}

// defaultTop is how many officials the overview's network shows at most.
const defaultTop = 80

// Node is an official in a network picture.
type Node struct {
	graph.Official
	Meetings int  `json:"meetings"`       // meetings in the picture
	Degree   int  `json:"degree"`         // counterparts in the picture
	Self     bool `json:"self,omitempty"` // the official the picture is about
}

// Edge is a pair of officials who met, with the number of meetings.
type Edge struct {
	A        string `json:"a"`
	B        string `json:"b"`
	Meetings int    `json:"meetings"`
}

// Network is a met network: held meetings only, as the <met> edges.
type Network struct {
	Nodes []Node `json:"nodes"`
	Edges []Edge `json:"edges"`
	// Officials is how many officials the selection has; Nodes may show
	// only the most connected.
	Officials int    `json:"officials"`
	Note      string `json:"note,omitempty"`
}

// Count is a number of things under a key.
type Count struct {
	Key   string `json:"key"`
	Name  string `json:"name,omitempty"`
	Count int    `json:"count"`
}

// Overview is the overview's data.
type Overview struct {
	Stats     graph.Stats `json:"stats"`
	Held      int         `json:"held"`
	Planned   int         `json:"planned"`
	ByYear    []Count     `json:"by_year"`
	ByCountry []Count     `json:"by_country"`
	Countries []Count     `json:"countries"` // every country with a meeting, for the filter
	Top       []Node      `json:"top"`
	Network   Network     `json:"network"`
	Filter    struct {
		From    string `json:"from,omitempty"`
		To      string `json:"to,omitempty"`
		Country string `json:"country,omitempty"`
	} `json:"filter"`
}

func (d *derived) official(id string) graph.Official {
	if i, ok := d.byID[id]; ok {
		return d.names[i].Official
	}
	return graph.Official{ID: id, Name: id}
}

// overview returns the overview for f, made once per state of the store.
func (d *derived) overview(f filter) *Overview {
	d.viewMu.Lock()
	defer d.viewMu.Unlock()
	if o := d.views[f]; o != nil {
		return o
	}
	if len(d.views) >= maxViews || d.views == nil {
		d.views = map[filter]*Overview{}
	}
	o := d.makeOverview(f)
	d.views[f] = o
	return o
}

func (d *derived) makeOverview(f filter) *Overview {
	o := &Overview{}
	o.Stats = d.stats
	if !f.From.IsZero() {
		o.Filter.From = f.From.String()
	}
	if !f.To.IsZero() {
		o.Filter.To = f.To.String()
	}
	o.Filter.Country = f.Country
	years, countries, all := map[string]int{}, map[string]int{}, map[string]int{}
	var picked []graph.MeetingBrief
	for _, m := range d.meetings {
		cs := map[string]bool{}
		for _, p := range m.Participants {
			if c := d.official(p).Country; c != "" {
				cs[c] = true
			}
		}
		for c := range cs {
			all[c]++
		}
		if !d.within(m, f) || (f.Country != "" && !cs[f.Country]) {
			continue
		}
		picked = append(picked, m)
		if m.Status == schema.Planned {
			o.Planned++
		} else {
			o.Held++
		}
		y := "unknown"
		if len(m.Date) >= 4 {
			y = m.Date[:4]
		}
		years[y]++
		for c := range cs {
			countries[c]++
		}
	}
	for _, y := range sortedKeys(years) {
		o.ByYear = append(o.ByYear, Count{Key: y, Count: years[y]})
	}
	o.ByCountry = d.counts(countries)
	o.Countries = d.counts(all)
	sort.Slice(o.Countries, func(i, j int) bool { return o.Countries[i].Key < o.Countries[j].Key })
	o.Network = network(picked, "", f.Top, d.official)
	o.Top = append([]Node(nil), o.Network.Nodes...)
	sort.SliceStable(o.Top, func(i, j int) bool {
		if o.Top[i].Degree != o.Top[j].Degree {
			return o.Top[i].Degree > o.Top[j].Degree
		}
		return o.Top[i].Meetings > o.Top[j].Meetings
	})
	if len(o.Top) > 15 {
		o.Top = o.Top[:15]
	}
	return o
}

// Warm reads ahead what the page keeps of the store (the names to search,
// the overview's meetings and counts, every official's stated roles and
// tenures for their pages), so that the first visitor does not wait for
// it: on a store of 20,000 articles, 18–26 s on this project's busy
// 2-core machine. dipgraph serve calls it once at start; an official's
// page asked for before it ends is read from the store (graph.Met).
func (p *Page) Warm(ctx context.Context) error {
	return p.srv.ReadStore(ctx, func(ctx context.Context, st *graph.Store) error {
		d, err := p.derived(ctx, st, true)
		if err == nil {
			d.overview(filter{Top: defaultTop})
		}
		return err
	})
}

func (d *derived) within(m graph.MeetingBrief, f filter) bool {
	if f.From.IsZero() && f.To.IsZero() {
		return true
	}
	if m.Date == "" {
		return false
	}
	dt, err := schema.ParseDate(m.Date)
	if err != nil {
		return false
	}
	if !f.From.IsZero() && dt.Last().Compare(f.From.First()) < 0 {
		return false
	}
	if !f.To.IsZero() && dt.First().Compare(f.To.Last()) > 0 {
		return false
	}
	return true
}

func (d *derived) counts(m map[string]int) []Count {
	out := make([]Count, 0, len(m))
	for k, n := range m {
		out = append(out, Count{Key: k, Name: d.countries[k], Count: n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Key < out[j].Key
	})
	return out
}

// network draws the held meetings as a network: one node per official,
// one edge per pair with the number of meetings; only the top most
// connected officials (and self) when there are more.
func network(ms []graph.MeetingBrief, self string, top int, official func(string) graph.Official) Network {
	type pair struct{ a, b string }
	pairs := map[pair]int{}
	meetings := map[string]int{}
	for _, m := range ms {
		if m.Status == schema.Planned {
			continue
		}
		for i, a := range m.Participants {
			meetings[a]++
			for _, b := range m.Participants[i+1:] {
				x, y := a, b
				if y < x {
					x, y = y, x
				}
				pairs[pair{x, y}]++
			}
		}
	}
	degree := map[string]int{}
	for p := range pairs {
		degree[p.a]++
		degree[p.b]++
	}
	ids := sortedKeys(meetings)
	net := Network{Officials: len(ids), Nodes: []Node{}, Edges: []Edge{}}
	sort.SliceStable(ids, func(i, j int) bool {
		if (ids[i] == self) != (ids[j] == self) {
			return ids[i] == self
		}
		if degree[ids[i]] != degree[ids[j]] {
			return degree[ids[i]] > degree[ids[j]]
		}
		return meetings[ids[i]] > meetings[ids[j]]
	})
	if top > 0 && len(ids) > top {
		net.Note = fmt.Sprintf("the %d most connected of %d officials", top, len(ids))
		ids = ids[:top]
	}
	keep := map[string]bool{}
	for _, id := range ids {
		keep[id] = true
		net.Nodes = append(net.Nodes, Node{Official: official(id), Meetings: meetings[id], Degree: degree[id], Self: id == self})
	}
	for p, n := range pairs {
		if keep[p.a] && keep[p.b] {
			net.Edges = append(net.Edges, Edge{A: p.a, B: p.b, Meetings: n})
		}
	}
	sort.Slice(net.Edges, func(i, j int) bool {
		if net.Edges[i].A != net.Edges[j].A {
			return net.Edges[i].A < net.Edges[j].A
		}
		return net.Edges[i].B < net.Edges[j].B
	})
	return net
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
