// Discovery: officials the gazetteer does not know, found by a title
// beside a name, and titles standing for officials named elsewhere.

package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dipgraph/dipgraph/gazetteer"
	"github.com/dipgraph/dipgraph/schema"
	"github.com/dipgraph/dipgraph/vntext"
)

// titleOnlyMentions reads titles that stand for officials named elsewhere
// in the article: "nhà lãnh đạo Trung Quốc" (Xi, named before), "Ngoại
// trưởng Hàn-Mỹ" (the two foreign ministers), "Trợ lý Ngoại trưởng Mỹ".
// Only officials the article names are resolved this way.
func (x *doc) titleOnlyMentions() {
	attached := map[int]bool{}
	for _, m := range x.mentions {
		attached[m.tstart] = true
	}
	var added []*mention
	for k := range x.sc.Titles {
		t := &x.sc.Titles[k]
		if attached[t.Start] || x.former(t.Start) {
			continue
		}
		// Countries in, right after, or compounded after the title.
		countries := append([]string{}, t.Countries...)
		end := t.End
		if end >= len(x.toks) {
			continue // a title ending the text stands for no one
		}
		if k := x.nameAt[end]; k >= 0 {
			nm := x.sc.Names[k]
			if c := nm.Country(); c != nil && nm.Official() == nil {
				countries = append(countries, c.Code)
				end = nm.End
			} else {
				continue // a name follows: not a title on its own
			}
		}
		for i := end; i < len(x.toks); i++ {
			cc, ok := compoundCountries[x.word(i)]
			if !ok || (i > end && !x.toks[i].Hyphen) {
				break
			}
			if i == end && len(countries) > 0 && !(x.toks[i].Hyphen && !x.toks[i].Space) {
				break
			}
			countries = append(countries, cc)
			end = i + 1
		}
		if len(countries) == 0 {
			continue
		}
		leader := strings.HasSuffix(x.phrase(t.Start, t.End), "lãnh đạo")
		for _, cc := range countries {
			var found *gazetteer.Official
			n := 0
			for _, o := range x.offs {
				if o.Country != cc {
					continue
				}
				if leader && x.isLeader(o, schema.Date{}) || !leader && x.heldAny(o, t.Roles) {
					if found != o {
						n++
					}
					found = o
				}
			}
			if n == 1 {
				added = append(added, &mention{off: found, start: t.Start, end: end, tstart: t.Start,
					sent: x.sentOf[t.Start], coref: true})
			}
		}
	}
	if len(added) > 0 {
		x.mentions = append(x.mentions, added...)
		sortMentions(x.mentions)
	}
}

// provisional reads an unknown name of two to four capitalised words right
// after a known title ("Ngoại trưởng Mỹ X Y") or "người đồng cấp … X Y".
func (x *doc) provisional(i int) *mention {
	// The title must end right before i (or before a country, honorific).
	probe := &mention{start: i, end: i + 1, tstart: i, sent: x.sentOf[i]}
	x.readTitle(probe)
	if probe.title == nil && !probe.counterpart {
		return nil
	}
	end := i
	for end < len(x.toks) && end-i < 5 {
		t := x.toks[end]
		if t.Kind != vntext.Word || x.nameAt[end] >= 0 || x.inTitle[end] || x.sentOf[end] != probe.sent {
			break
		}
		if !t.Upper && !(t.Hyphen && !t.Space && end > i) {
			break
		}
		if end > i && t.Newline {
			break
		}
		end++
	}
	words := end - i
	if words < 2 || words > 4 {
		return nil
	}
	name := strings.TrimSpace(x.text[x.toks[i].Start:x.toks[end-1].End])
	if !looksLikeName(name) {
		return nil
	}
	country := ""
	if len(probe.countries) > 0 {
		country = probe.countries[0]
	} else if probe.title != nil && len(probe.title.Roles) == 1 {
		country = probe.title.Roles[0].Role.Country
	} else if vietnameseName(name) {
		country = "VN" // "Thứ trưởng Ngoại giao Nguyễn Minh Vũ": a Vietnamese name
	}
	// "Tôn Vệ Đông (Sun Weidong)": the romanised name in brackets is the
	// canonical one, the Vietnamese reading an alias.
	var alias string
	if x.word(end) == "(" {
		k := end + 1
		for k < len(x.toks) && x.toks[k].Kind == vntext.Word && (x.toks[k].Upper || x.toks[k].Hyphen) && k-end <= 4 {
			k++
		}
		if x.word(k) == ")" && k-end >= 3 {
			alias = name
			name = strings.TrimSpace(x.text[x.toks[end+1].Start:x.toks[k-1].End])
		}
	}
	o := x.provisionalOfficial(name, country)
	if alias != "" && !contains(o.Aliases, alias) {
		o.Aliases = append(o.Aliases, alias)
	}
	m := &mention{off: o, start: i, end: end, tstart: probe.tstart, sent: probe.sent,
		title: probe.title, countries: probe.countries, counterpart: probe.counterpart}
	return m
}

// vietnameseName reports a name written with Vietnamese letters (ư, ơ, đ,
// ă, â, ê, ô or tone marks on them) and no country given.
func vietnameseName(s string) bool {
	return strings.ContainsAny(strings.ToLower(s), "ươđăâêôừứửữựờớởỡợằắẳẵặầấẩẫậềếểễệồốổỗộ")
}

// looksLikeName rejects capitalised runs that are not a person's name.
func looksLikeName(s string) bool {
	if strings.ContainsAny(s, "0123456789") {
		return false
	}
	for _, r := range s {
		if !(unicode.IsLetter(r) || unicode.IsMark(r) || r == ' ' || r == '-' || r == '\u00a0' || r == '\'') {
			return false
		}
	}
	return utf8.RuneCountInString(s) >= 4
}

// provisionalOfficial returns the provisional official for a name, one per
// article and name.
func (x *doc) provisionalOfficial(name, country string) *gazetteer.Official {
	id := schema.Slug(name)
	for _, o := range x.offs {
		if o.ID == id {
			return o
		}
	}
	if x.prov == nil {
		x.prov = map[string]*gazetteer.Official{}
	}
	if o := x.prov[id]; o != nil {
		return o
	}
	o := &gazetteer.Official{ID: id, Name: name, Country: country, Provisional: true}
	x.prov[id] = o
	return o
}
