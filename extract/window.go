// Tenure windows: when an article has no date line, the tenures of the
// officials whose titles it gives bound its date.

package extract

import (
	"github.com/dipgraph/dipgraph/schema"
	"github.com/dipgraph/dipgraph/vntext"
)

// window is the span of days that every titled official's tenures allow:
// a list of [from, to] spans (to zero: open), or unknown.
type window struct {
	known bool
	spans [][2]schema.Date
}

// tenureWindow intersects, over the mentions with a title, the tenures of
// the roles the title can name that the official held; officials the
// gazetteer does not know, former holders and titles that fit none of an
// official's tenures leave it as it is.
func (x *doc) tenureWindow() window {
	// The officials of the headline and lead: later sentences often name
	// officials of earlier events ("chuyến thăm tháng 9/2023 của Tổng Bí
	// thư …").
	lead := 0
	for si, s := range x.sent {
		if !s.furniture {
			lead++
		}
		if lead == 4 {
			lead = si
			break
		}
	}
	if lead < 4 {
		lead = len(x.sent)
	}
	w := window{}
	for _, m := range x.mentions {
		if m.sent > lead {
			break
		}
		if m.off == nil || m.off.Provisional || m.former && !m.elect || m.coref {
			continue
		}
		var roles []string
		if m.title != nil {
			for _, r := range m.title.Roles {
				roles = append(roles, r.Role.ID)
			}
		}
		for _, r := range m.headRoles {
			roles = append(roles, r.Role.ID)
		}
		elect := m.elect
		var spans [][2]schema.Date
		for _, t := range m.off.Roles {
			if !contains(roles, t.Role) {
				continue
			}
			if elect {
				// Elected, not yet in office: the months before the tenure.
				from := t.From.First()
				spans = append(spans, [2]schema.Date{from.AddDays(-100), from.AddDays(-1)})
				continue
			}
			spans = append(spans, [2]schema.Date{t.From.First(), t.To})
		}
		if len(spans) == 0 {
			continue
		}
		if !w.known {
			w = window{known: true, spans: spans}
			continue
		}
		w.spans = intersectSpans(w.spans, spans)
		if len(w.spans) == 0 {
			return window{} // the titles disagree: trust none of them
		}
	}
	return w
}

// fitsYear reports whether any day of year y lies in the window (always,
// when the window is unknown).
func (w window) fitsYear(y int) bool {
	if !w.known {
		return true
	}
	return w.fits(schema.YearDate(y))
}

// fits reports whether some day of d lies in the window.
func (w window) fits(d schema.Date) bool {
	for _, s := range w.spans {
		if d.Within(s[0], s[1]) {
			return true
		}
	}
	return false
}

// yearFromWindow dates the first day written without a year ("chiều
// 29/10") by the window: the one year in which that day fits it.
func (x *doc) yearFromWindow(w window) int {
	if !w.known {
		return 0
	}
	for si, ds := range x.dates {
		if x.sent[si].furniture {
			break
		}
		for _, e := range ds {
			if e.relative || e.subordinate || e.y != 0 || e.d == 0 {
				continue
			}
			var fit []int
			for y := 1990; y <= 2100; y++ {
				d, err := schema.MakeDate(y, e.m, e.d)
				if err == nil && w.fits(d) && (x.opt.Today.IsZero() || y <= x.opt.Today.Y) {
					fit = append(fit, y)
				}
			}
			if len(fit) == 1 {
				return fit[0]
			}
			if len(fit) > 1 && x.firstInOffice() {
				// "lần đầu thăm Trung Quốc trên cương vị Bộ trưởng": the
				// first of the years the tenures allow.
				return fit[0]
			}
			// Several years fit: the one year among them that the text
			// writes somewhere ("Chủ tịch ASEAN 2019").
			found := 0
			for _, y := range fit {
				if x.yearWritten(y) {
					if found != 0 {
						return 0
					}
					found = y
				}
			}
			return found
		}
	}
	return 0
}

// intersectSpans intersects two unions of day spans (a zero end is open).
func intersectSpans(a, b [][2]schema.Date) [][2]schema.Date {
	var out [][2]schema.Date
	for _, s := range a {
		for _, t := range b {
			from := s[0]
			if t[0].Compare(from) > 0 {
				from = t[0]
			}
			to := s[1]
			if to.IsZero() || !t[1].IsZero() && t[1].Last().Compare(to.Last()) < 0 {
				to = t[1]
			}
			if to.IsZero() || from.Compare(to.Last()) <= 0 {
				out = append(out, [2]schema.Date{from, to})
			}
		}
	}
	return out
}

// yearWritten reports whether the text writes the year y as a number of
// its own (not inside a longer number) outside page furniture.
func (x *doc) yearWritten(y int) bool {
	for i, t := range x.toks {
		if t.Kind == vntext.Number && len(t.Norm) == 4 && atoi(t.Norm) == y && !x.sent[x.sentOf[i]].furniture {
			return true
		}
	}
	return false
}

// firstInOffice reports a lead that tells an official's first act in a
// post: "lần đầu (tiên) … trên cương vị …", "lần đầu tiên kể từ khi nhậm
// chức".
func (x *doc) firstInOffice() bool {
	lead := 0
	for _, s := range x.sent {
		if s.furniture {
			continue
		}
		if lead++; lead > 4 {
			break
		}
		for i := s.start; i+1 < s.end; i++ {
			if !x.wordsAre(i, "lần", "đầu") {
				continue
			}
			for k := i + 2; k < s.end && k < i+16; k++ {
				if x.wordsAre(k, "trên", "cương", "vị") || x.wordsAre(k, "kể", "từ", "khi", "nhậm", "chức") {
					return true
				}
			}
		}
	}
	return false
}
