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
			cc, ok := x.g.CompoundCountry(x.word(i))
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
			// "Thủ tướng Nguyễn Xuân Phúc hội kiến … Cùng ngày, Thủ tướng
			// cũng tiếp …": a bare title stands for the one official named
			// before with that role.
			if o := x.titledBefore(t); o != nil {
				added = append(added, &mention{off: o, start: t.Start, end: t.End, tstart: t.Start,
					sent: x.sentOf[t.Start], coref: true})
			}
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
	added = append(added, x.counterpartReferences(attached)...)
	if len(added) > 0 {
		x.mentions = append(x.mentions, added...)
		sortMentions(x.mentions)
	}
}

// titledBefore returns the one official that a mention before title t
// gave one of its roles, or nil (none, several, or a name right after the
// title: then it is that name's title).
func (x *doc) titledBefore(t *gazetteer.TitleMatch) *gazetteer.Official {
	if t.End < len(x.toks) && x.toks[t.End].Upper && x.toks[t.End].Kind == vntext.Word {
		return nil
	}
	// Only as the subject of a meeting: near the start of its sentence,
	// with a meeting word a few words after ("Cùng ngày, Thủ tướng cũng
	// tiếp …").
	si := x.sentOf[t.Start]
	if t.Start-x.sent[si].start > 5 {
		return nil
	}
	trig := false
	for k := t.End; k < t.End+4 && k < x.sent[si].end; k++ {
		if x.triggerStarts(k) {
			trig = true
		}
	}
	if !trig {
		return nil
	}
	return x.roleHolderBefore(t)
}

// triggerStarts reports whether a meeting word starts at token i (before
// findMeetings has indexed them).
func (x *doc) triggerStarts(i int) bool {
	return len(x.triggersBetween(i, i+1)) > 0
}

// counterpartAt reports "người đồng cấp" (or its synonyms "người tương
// nhiệm", "người đồng nhiệm": the counterpart) at token i.
func (x *doc) counterpartAt(i int) bool {
	return x.word(i) == "người" && x.counterpartWordsAt(i+1)
}

// counterpartWordsAt reports "đồng cấp", "tương nhiệm" or "đồng nhiệm" at
// token i.
func (x *doc) counterpartWordsAt(i int) bool {
	return x.wordsAre(i, "đồng", "cấp") || x.wordsAre(i, "tương", "nhiệm") || x.wordsAre(i, "đồng", "nhiệm")
}

// counterpartReferences reads "người đồng cấp Nhật Bản" (the Japanese
// counterpart) with no name after it: the one official of that country
// the article names, or, of several, the one who holds a role of the same
// kind as an official named before in the sentence ("ông Park và người
// đồng cấp Nhật Bản": Japan's foreign minister).
func (x *doc) counterpartReferences(attached map[int]bool) []*mention {
	var out []*mention
	for i := 0; i+3 < len(x.toks); i++ {
		if !x.counterpartAt(i) || attached[i] {
			continue
		}
		k := x.nameAt[i+3]
		if k < 0 {
			continue
		}
		nm := x.sc.Names[k]
		c := nm.Country()
		if c == nil || nm.Official() != nil || nm.End < len(x.toks) && x.toks[nm.End].Upper && x.toks[nm.End].Kind == vntext.Word {
			continue // a name follows: discovery's or the gazetteer's
		}
		var cands []*gazetteer.Official
		for _, o := range x.offs {
			if o.Country == c.Code {
				cands = append(cands, o)
			}
		}
		if len(cands) > 1 {
			cands = x.sameFunction(cands, i)
		}
		if len(cands) != 1 {
			continue
		}
		out = append(out, &mention{off: cands[0], start: i, end: nm.End, tstart: i, sent: x.sentOf[i], coref: true, counterpart: true})
	}
	return out
}

// sameFunction keeps the candidates who held, at the article's date, a
// role whose id ends like the role of an official named before token i in
// its sentence (the foreign minister's counterpart is a foreign minister).
func (x *doc) sameFunction(cands []*gazetteer.Official, i int) []*gazetteer.Official {
	si := x.sentOf[i]
	var suffixes []string
	for _, m := range x.mentionsOf(si) {
		if m.sent != si || m.end > i {
			continue
		}
		for _, t := range m.off.Roles {
			if x.res.published.IsZero() || t.Covers(x.res.published) {
				if j := strings.IndexByte(t.Role, '-'); j > 0 {
					suffixes = append(suffixes, t.Role[j:])
				}
			}
		}
	}
	var out []*gazetteer.Official
	for _, o := range cands {
		for _, t := range o.Roles {
			if j := strings.IndexByte(t.Role, '-'); j > 0 && contains(suffixes, t.Role[j:]) && (x.res.published.IsZero() || t.Covers(x.res.published)) {
				out = append(out, o)
				break
			}
		}
	}
	return out
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
	end, words := i, 0
	for end < len(x.toks) && words < 5 {
		t := x.toks[end]
		if x.initialAt(end) {
			end += 2 // "S. Jaishankar", "A. K. Abdul Momen"
			continue
		}
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
		words++
	}
	if words < 1 || words > 4 || words == 1 && end-i < 3 {
		return nil
	}
	name := strings.TrimSpace(x.text[x.toks[i].Start:x.toks[end-1].End])
	if !looksLikeName(name) || !x.personName(i, end) {
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
		if !(unicode.IsLetter(r) || unicode.IsMark(r) || r == ' ' || r == '-' || r == '\u00a0' || r == '\'' || r == '.') {
			return false
		}
	}
	return utf8.RuneCountInString(s) >= 4
}

// initialAt reports an initial at token i: one capital letter and a dot.
func (x *doc) initialAt(i int) bool {
	if i+1 >= len(x.toks) || x.word(i+1) != "." || !x.toks[i].Upper {
		return false
	}
	return utf8.RuneCountInString(x.toks[i].Norm) == 1 && i+2 < len(x.toks) && x.toks[i+2].Upper
}

// personName tests whether the capitalised words [i, end) are a person's
// name: no word is an institution, place or country word; no word is an
// acronym; a name in Vietnamese letters starts with a Vietnamese or
// Sino-Vietnamese family name and has one syllable a word.
func (x *doc) personName(i, end int) bool {
	var words []string
	for k := i; k < end; k++ {
		if x.toks[k].Kind != vntext.Word {
			continue
		}
		w := x.word(k)
		raw := x.text[x.toks[k].Start:x.toks[k].End]
		if _, compound := x.g.CompoundCountry(w); x.g.NameWordKind(w) == gazetteer.NameWordNever || compound && k == i {
			return false
		}
		if n := utf8.RuneCountInString(raw); n >= 2 && strings.ToUpper(raw) == raw {
			return false // "AMM", "ASEAN": an acronym
		}
		words = append(words, w)
	}
	if len(words) == 0 {
		return false
	}
	name := x.text[x.toks[i].Start:x.toks[end-1].End]
	if vietnameseName(name) {
		if x.g.NameWordKind(words[0]) != gazetteer.NameWordFamily {
			return false
		}
		for _, w := range words {
			if strings.ContainsAny(w, "-") {
				return false
			}
		}
	}
	return true
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
