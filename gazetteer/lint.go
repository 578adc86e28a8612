package gazetteer

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/dipgraph/dipgraph/schema"
	"github.com/dipgraph/dipgraph/vntext"
)

// CoverageFrom is the first day the coverage of covered countries' offices
// is checked from.
var CoverageFrom = schema.DayDate(2015, 1, 1)

// maxGap is the longest gap between consecutive holders of a single-holder
// role that lint accepts, in days.
const maxGap = 31

// Check reads, merges and validates gazetteer files like Load and lints
// the result: it returns every load problem (which makes Load fail) and
// every lint problem (which does not), together in file and line order.
// Lint problems start with "lint: ".
func Check(files ...string) Problems {
	d, sources, probs := read(files)
	g, probs := assemble(d, sources, probs)
	probs = append(probs, g.lint(time.Now())...)
	sortProblems(probs)
	return probs
}

// Lint returns the problems of a loaded gazetteer that do not stop it
// loading: single-holder roles held by two officials on one day or left
// without a holder for more than a month since 2015, covered countries'
// offices without a holder since 2015, vacancies a holder overlaps, a
// holder of a role marked unnamed, a surname or alias key shared by two
// officials of one country in office together without a disambiguate
// note, and roles no title reaches. A country's vacancies count as
// holders.
func (g *Gazetteer) Lint() Problems {
	ps := g.lint(time.Now())
	sortProblems(ps)
	return ps
}

// read loads files' data (the name "default" stands for the embedded
// files), with the problems found reading them.
func read(files []string) (Data, []string, Problems) {
	if len(files) == 0 {
		files = []string{DefaultName}
	}
	var l loader
	var probs Problems
	for _, f := range files {
		if f == DefaultName {
			for _, e := range DefaultFiles() {
				b, err := defaultFS.ReadFile(e)
				if err != nil {
					probs = append(probs, Problem{Pos{File: e}, err.Error()})
					continue
				}
				l.parse("default:"+e[strings.LastIndexByte(e, '/')+1:], b)
			}
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			probs = append(probs, Problem{Pos{File: f}, err.Error()})
			continue
		}
		l.parse(f, b)
	}
	return l.data, files, append(probs, l.probs...)
}

// holding is one tenure of one official.
type holding struct {
	o *Official
	t Tenure
}

// overlapSurely reports whether two tenures certainly share a day: each
// starts before the other certainly ends (partial dates read in favour of
// the data; a tenure ending on the day the other starts does not count).
func overlapSurely(a, b Tenure) bool {
	// a ends at the earliest on a.To.First(), b starts at the latest on
	// b.From.Last() (and the other way round).
	if !a.To.IsZero() && a.To.First().Compare(b.From.Last()) <= 0 {
		return false
	}
	if !b.To.IsZero() && b.To.First().Compare(a.From.Last()) <= 0 {
		return false
	}
	return true
}

func (g *Gazetteer) lint(now time.Time) Problems {
	var ps Problems
	add := func(p Pos, format string, args ...any) {
		ps = append(ps, Problem{p, "lint: " + fmt.Sprintf(format, args...)})
	}
	today := schema.DayDate(now.Year(), int(now.Month()), now.Day())
	byRole := map[string][]holding{}
	for _, o := range g.Officials {
		for _, t := range o.Roles {
			byRole[t.Role] = append(byRole[t.Role], holding{o, t})
		}
	}
	// A vacancy counts as a holding without an official.
	for _, c := range g.Countries {
		for _, v := range c.Vacant {
			for _, id := range g.vacantRoles(c.Code, v) {
				byRole[id] = append(byRole[id], holding{nil, Tenure{Role: id, From: v.From, To: v.To, Pos: v.Pos}})
			}
		}
	}
	for _, hs := range byRole {
		sort.SliceStable(hs, func(i, j int) bool { return hs[i].t.From.Compare(hs[j].t.From) < 0 })
	}
	// Roles that fill an office of a covered country are checked as a
	// whole from CoverageFrom (an acting president fills a gap); so are
	// the roles an office of another country lists, over their holders'
	// span.
	inOffice := map[string]bool{}
	for _, c := range g.Countries {
		for _, f := range OfficeFunctions {
			ids := g.Offices(c.Code, f)
			if len(ids) == 0 || !c.Covered && len(c.Offices[f]) < 2 {
				continue
			}
			var hs []holding
			for _, id := range ids {
				inOffice[id] = true
				hs = append(hs, byRole[id]...)
			}
			from, to := CoverageFrom, today
			if !c.Covered {
				var ok bool
				if from, to, ok = span(hs, today); !ok {
					continue
				}
			}
			for _, gap := range gaps(hs, from, to) {
				add(c.Pos, "country %s: %s (%s) has no holder %s", c.Code, f, strings.Join(ids, ", "), gap)
			}
		}
	}
	for _, r := range g.AllRoles() {
		hs := byRole[r.ID]
		for i := range hs {
			for j := range hs {
				a, b := hs[i], hs[j]
				if a.o == nil && b.o != nil && overlapSurely(a.t, b.t) {
					add(a.t.Pos, "role %s marked vacant from %s to %s, but %s holds it from %s (line %d)",
						r.ID, a.t.From, a.t.To, b.o.ID, b.t.From, b.t.Pos.Line)
				}
			}
		}
		if r.Unnamed != "" {
			for _, h := range hs {
				if h.o != nil {
					add(h.t.Pos, "role %s names no holder (unnamed: %s), but %s holds it from %s",
						r.ID, r.Unnamed, h.o.ID, h.t.From)
				}
			}
		}
		if r.Single {
			for i := range hs {
				for j := i + 1; j < len(hs); j++ {
					a, b := hs[i], hs[j]
					if a.o != nil && b.o != nil && a.o != b.o && overlapSurely(a.t, b.t) {
						add(b.t.Pos, "single-holder role %s held by %s (from %s, line %d) and %s (from %s) at once",
							r.ID, a.o.ID, a.t.From, a.t.Pos.Line, b.o.ID, b.t.From)
					}
				}
			}
			if !inOffice[r.ID] && len(hs) > 1 {
				if from, to, ok := span(hs, today); ok {
					for _, gap := range gaps(hs, from, to) {
						add(r.Pos, "single-holder role %s has no holder %s", r.ID, gap)
					}
				}
			}
		}
		if r.Template == "" && len(g.Titles(r.ID)) == 0 {
			add(r.Pos, "role %s: no title reaches it", r.ID)
		}
	}
	ps = append(ps, g.lintKeys()...)
	return ps
}

// span returns the stretch of the covered period (CoverageFrom to today)
// from the earliest holding's start to the latest one's end (today when
// one is open-ended), and false when it is empty.
func span(hs []holding, today schema.Date) (from, to schema.Date, ok bool) {
	if len(hs) == 0 {
		return from, to, false
	}
	from = hs[0].t.From
	for _, h := range hs {
		if h.t.From.Compare(from) < 0 {
			from = h.t.From
		}
		switch {
		case h.t.To.IsZero():
			to = today
		case to != today && (to.IsZero() || h.t.To.Compare(to) > 0):
			to = h.t.To
		}
	}
	if from.Compare(CoverageFrom) < 0 {
		from = CoverageFrom
	}
	return from, to, to.Compare(from) >= 0
}

// gaps lists the stretches of more than maxGap days in [from, to] that no
// holding covers, as "from A to B".
func gaps(hs []holding, from, to schema.Date) []string {
	sorted := append([]holding(nil), hs...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].t.From.Compare(sorted[j].t.From) < 0 })
	var out []string
	covered := from.First() // every day before covered is covered
	for _, h := range sorted {
		if !h.t.To.IsZero() && h.t.To.Last().Compare(covered) < 0 {
			continue
		}
		if start := h.t.From.First(); schema.DaysBetween(covered, start) > maxGap {
			out = append(out, fmt.Sprintf("from %s to %s", covered, start))
		}
		if h.t.To.IsZero() {
			return out
		}
		if end := h.t.To.Last(); end.Compare(covered) > 0 {
			covered = end
		}
	}
	if schema.DaysBetween(covered, to.Last()) > maxGap {
		out = append(out, fmt.Sprintf("from %s to %s", covered, to.Last()))
	}
	return out
}

// lintKeys reports a surname or alias key of two officials of one country
// in office at the same time, neither with a disambiguate note.
func (g *Gazetteer) lintKeys() Problems {
	var ps Problems
	byKey := map[string][]*Official{} // country + key
	for _, o := range g.Officials {
		keys := map[string]bool{}
		for _, k := range g.SurnameForms(o) {
			keys[k] = true
		}
		for _, a := range append([]string{o.Name}, o.Aliases...) {
			keys[vntext.Normalize(a)] = true
		}
		for k := range keys {
			if k == "" {
				continue
			}
			byKey[o.Country+"\x00"+k] = append(byKey[o.Country+"\x00"+k], o)
		}
	}
	reported := map[[2]*Official]bool{}
	keys := make([]string, 0, len(byKey))
	for k := range byKey {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		offs := byKey[k]
		for i := range offs {
			for j := i + 1; j < len(offs); j++ {
				a, b := offs[i], offs[j]
				if a == b || a.Disambiguate != "" || b.Disambiguate != "" || reported[[2]*Official{a, b}] {
					continue
				}
				if d, ok := together(a, b); ok {
					reported[[2]*Official{a, b}] = true
					ps = append(ps, Problem{b.Pos, fmt.Sprintf(
						"lint: official %s shares the key %q with official %s (line %d), both in office on %s: add a disambiguate note",
						b.ID, k[strings.IndexByte(k, 0)+1:], a.ID, a.Pos.Line, d)})
				}
			}
		}
	}
	return ps
}

// together returns a day both officials held some role, if any.
func together(a, b *Official) (schema.Date, bool) {
	for _, ta := range a.Roles {
		for _, tb := range b.Roles {
			if overlapSurely(ta, tb) {
				d := ta.From.Last()
				if tb.From.Last().Compare(d) > 0 {
					d = tb.From.Last()
				}
				return d, true
			}
		}
	}
	return schema.Date{}, false
}

// vacantRoles returns the role ids a vacancy of country cc is about.
func (g *Gazetteer) vacantRoles(cc string, v Vacancy) []string {
	if v.Office != "" {
		return g.Offices(cc, v.Office)
	}
	return []string{v.Role}
}

// VacantOn returns the vacancies (the countries' vacant entries) of one of
// the roles that include day d.
func (g *Gazetteer) VacantOn(roleIDs []string, d schema.Date) []Vacancy {
	var out []Vacancy
	for _, c := range g.Countries {
		for _, v := range c.Vacant {
			if !d.Within(v.From, v.To) {
				continue
			}
			for _, id := range g.vacantRoles(c.Code, v) {
				if containsString(roleIDs, id) {
					out = append(out, v)
					break
				}
			}
		}
	}
	return out
}

// HoldersOn returns the officials who held one of the roles on day d.
func (g *Gazetteer) HoldersOn(roleIDs []string, d schema.Date) []*Official {
	var out []*Official
	for _, o := range g.Officials {
		for _, t := range o.Roles {
			if t.Covers(d) && containsString(roleIDs, t.Role) {
				out = append(out, o)
				break
			}
		}
	}
	return out
}

func containsString(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
