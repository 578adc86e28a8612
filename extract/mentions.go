package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dipgraph/dipgraph/gazetteer"
	"github.com/dipgraph/dipgraph/schema"
	"github.com/dipgraph/dipgraph/vntext"
)

// honorifics stand before a name or a surname.
var honorifics = map[string]bool{"ông": true, "bà": true, "ngài": true}

// gapWords may stand between a title and the name it belongs to:
// "Đặc phái viên hạt nhân hàng đầu của Hàn Quốc - ông Lee Do-hun",
// "Điều phối viên … thuộc Bộ Ngoại giao Lee Seong-ho".
var gapWords = map[string]bool{
	"ông": true, "bà": true, "ngài": true, "của": true, "thuộc": true, "hàng": true, "đầu": true,
	"cấp": true, "cao": true, "mới": true, "đương": true, "nhiệm": true, "bộ": true, "ngoại": true,
	"giao": true, ",": true, "là": true, "sắp": true, "mãn": true, "tân": true,
	"khi": true, "đó": true, "lúc": true,
}

// findMentions finds the officials named in the text: full names and
// aliases, surnames after an honorific or a title, and (unless closed)
// unknown names after a known title.
func (x *doc) findMentions() {
	n := len(x.toks)
	x.nameAt = make([]int, n)
	for i := range x.nameAt {
		x.nameAt[i] = -1
	}
	for k, m := range x.sc.Names {
		for i := m.Start; i < m.End; i++ {
			x.nameAt[i] = k
		}
	}
	x.titleEnd = map[int]*gazetteer.TitleMatch{}
	x.inTitle = make([]bool, n)
	for k := range x.sc.Titles {
		t := &x.sc.Titles[k]
		x.titleEnd[t.End] = t
		for i := t.Start; i < t.End; i++ {
			x.inTitle[i] = true
		}
	}
	var found []*mention
	for _, m := range x.sc.Names {
		o := m.Official()
		if o == nil {
			continue
		}
		found = append(found, x.newMention(o, m.Start, m.End))
	}
	// Surnames and unknown names, once the full names are known.
	byPos := map[int]bool{}
	for _, m := range found {
		byPos[m.start] = true
	}
	for i := 0; i < n; i++ {
		t := x.toks[i]
		if t.Kind != vntext.Word || !t.Upper || x.nameAt[i] >= 0 || x.inTitle[i] || byPos[i] {
			continue
		}
		if !x.titleOrHonorificBefore(i) || t.Hyphen && !t.Space {
			// "Ngoại trưởng Hàn-Trung": a word joined by a hyphen is part
			// of a compound, not a surname.
			continue
		}
		if next := i + 1; next < n && x.sentOf[next] == x.sentOf[i] && x.toks[next].Kind == vntext.Word &&
			(x.toks[next].Upper || x.toks[next].Hyphen && !x.toks[next].Space) && x.nameAt[next] < 0 && !x.inTitle[next] {
			// "Lee Tae-ho" that the gazetteer does not know: a full name,
			// not the surname of someone else.
			if !x.opt.Closed {
				if m := x.provisional(i); m != nil {
					found = append(found, m)
					i = m.end - 1
				}
			}
			continue
		}
		if o := x.resolveSurname(t.Norm, i, found); o != nil {
			found = append(found, x.newMention(o, i, i+1))
			continue
		}
		if x.opt.Closed {
			continue
		}
		if m := x.provisional(i); m != nil {
			found = append(found, m)
			i = m.end - 1
		}
	}
	// Order by position; record first mentions.
	sortMentions(found)
	x.mentions = found
	for _, m := range found {
		info := x.offSeen[m.off]
		if info == nil {
			info = &offInfo{}
			x.offSeen[m.off] = info
			x.offs = append(x.offs, m.off)
		}
		form := strings.TrimSpace(x.text[x.toks[m.start].Start:x.toks[m.end-1].End])
		if !contains(info.forms, form) {
			info.forms = append(info.forms, form)
		}
		if len(info.sentences) == 0 || info.sentences[len(info.sentences)-1] != m.sent {
			info.sentences = append(info.sentences, m.sent)
		}
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func sortMentions(ms []*mention) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].start < ms[j-1].start; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

// newMention builds a mention of o at tokens [start, end) and reads the
// title, honorific or "người đồng cấp" before it.
func (x *doc) newMention(o *gazetteer.Official, start, end int) *mention {
	m := &mention{off: o, start: start, end: end, tstart: start, sent: x.sentOf[start]}
	x.readTitle(m)
	return m
}

// readTitle walks back from a name over countries and gap words to a title.
func (x *doc) readTitle(m *mention) {
	s0 := x.sent[m.sent].start
	j := m.start - 1
	for gap := 0; j >= s0 && gap <= 8; gap++ {
		if t := x.titleEnd[j+1]; t != nil {
			m.title = t
			m.tstart = t.Start
			m.countries = append(m.countries, t.Countries...)
			m.former = x.word(t.Start-1) == "cựu"
			// "Tổng Bí thư, Chủ tịch nước Tô Lâm", "Phó Thủ tướng kiêm Bộ
			// trưởng Ngoại giao": earlier titles joined by a comma or kiêm.
			for k := t.Start - 1; k > s0; {
				if w := x.word(k); w != "," && w != "kiêm" {
					break
				}
				prev := x.titleEnd[k]
				if prev == nil || !holdsAnyEver(m.off, prev.Roles) {
					// "… gặp nhà lãnh đạo Triều Tiên, Tổng thống Trump": a
					// title of someone else before a comma ends the chain.
					break
				}
				m.more = append(m.more, prev)
				m.tstart = prev.Start
				k = prev.Start - 1
			}
			return
		}
		if k := x.nameAt[j]; k >= 0 {
			nm := x.sc.Names[k]
			if c := nm.Country(); c != nil && nm.Official() == nil && nm.End == j+1 {
				m.countries = append(m.countries, c.Code)
				j = nm.Start - 1
				continue
			}
			break
		}
		if x.word(j) == ")" && j-2 >= s0 && x.word(j-2) == "(" && x.toks[j-1].Upper {
			j -= 3 // "(USTR)"
			continue
		}
		if j-2 >= s0 && x.wordsAre(j-2, "người", "đồng", "cấp") {
			m.counterpart = true
			m.tstart = j - 2
			return
		}
		w := x.word(j)
		if honorifics[w] {
			m.tstart = j
		}
		if !gapWords[w] {
			break
		}
		j--
	}
	// A bare generic title right before the name ("Thứ trưởng Kim").
	for k := max(s0, m.tstart-5); k < m.tstart; k++ {
		if end, roles := x.g.TitleHead(x.toks, k); end == m.tstart && len(roles) > 0 {
			m.headRoles = roles
			m.tstart = k
			m.former = x.word(k-1) == "cựu"
			return
		}
	}
}

// titleOrHonorificBefore reports whether token i follows an honorific, a
// title (possibly with its country) or a bare generic title.
func (x *doc) titleOrHonorificBefore(i int) bool {
	if i == 0 {
		return false
	}
	if honorifics[x.word(i-1)] || x.titleEnd[i] != nil || x.wordsAre(i-2, "đồng", "cấp") {
		return true
	}
	if k := x.nameAt[i-1]; k >= 0 {
		nm := x.sc.Names[k]
		if nm.Country() != nil && x.titleEnd[nm.Start] != nil {
			return true
		}
	}
	for k := max(0, i-5); k < i; k++ {
		if end, roles := x.g.TitleHead(x.toks, k); end == i && len(roles) > 0 {
			return true
		}
	}
	return false
}

// resolveSurname finds who a surname written alone at token i stands for:
// an official of this article with that surname (the last one named before
// it, else the first after), else the one official of the gazetteer with
// that surname in office at the article's date.
func (x *doc) resolveSurname(w string, i int, found []*mention) *gazetteer.Official {
	var before, after *gazetteer.Official
	for _, m := range found {
		if !contains(x.g.SurnameForms(m.off), w) {
			continue
		}
		if m.start < i {
			before = m.off
		} else if after == nil {
			after = m.off
		}
	}
	if before != nil {
		return before
	}
	if after != nil {
		return after
	}
	// From the gazetteer alone, only when the title before the surname
	// names a role the official held at the article's date (or, with an
	// honorific only, any role then).
	roles := x.rolesBefore(i)
	var inOffice []*gazetteer.Official
	for _, o := range x.g.OfficialsBySurname(w) {
		for _, t := range o.Roles {
			if !(x.lay.published.IsZero() || t.Covers(x.lay.published)) {
				continue
			}
			if roles != nil && !roles[t.Role] {
				continue
			}
			inOffice = append(inOffice, o)
			break
		}
	}
	if len(inOffice) == 1 {
		return inOffice[0]
	}
	return nil
}

// compoundCountries are the short country forms of hyphenated compounds
// ("Ngoại trưởng Hàn-Mỹ", "hợp tác Hàn-Mỹ-Nhật").
var compoundCountries = map[string]string{"hàn": "KR", "mỹ": "US", "nhật": "JP", "trung": "CN", "triều": "KP", "việt": "VN", "nga": "RU"}

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

// holdsAnyEver reports whether o ever held one of the roles (per the
// gazetteer).
func holdsAnyEver(o *gazetteer.Official, roles []gazetteer.TitleRole) bool {
	for _, t := range o.Roles {
		for _, r := range roles {
			if r.Role.ID == t.Role {
				return true
			}
		}
	}
	return false
}

// isLeader reports whether o was a head of state or a country's leader at
// the date (or the article's date): presidents, general secretaries,
// North Korea's leader, Japan's prime minister.
func (x *doc) isLeader(o *gazetteer.Official, d schema.Date) bool {
	if d.IsZero() {
		d = x.res.published
	}
	for _, t := range o.Roles {
		if !d.IsZero() && !t.Covers(d) {
			continue
		}
		if leaderRole(t.Role) {
			return true
		}
	}
	return false
}

func leaderRole(id string) bool {
	switch {
	case strings.HasSuffix(id, "-vice-president"), strings.Contains(id, "acting"):
		return false
	case strings.HasSuffix(id, "-president"), strings.HasSuffix(id, "-general-secretary"),
		id == "nk-leader", id == "jp-prime-minister", id == "cn-president":
		return true
	}
	return false
}

// heldAny reports whether o held one of the roles at the article's date, or
// a mention of o in the article stated one of them.
func (x *doc) heldAny(o *gazetteer.Official, roles []gazetteer.TitleRole) bool {
	for _, m := range x.mentions {
		if m.off == o && m.role != nil {
			for _, r := range roles {
				if r.Role == m.role {
					return true
				}
			}
		}
	}
	for _, t := range o.Roles {
		if !x.res.published.IsZero() && !t.Covers(x.res.published) {
			continue
		}
		for _, r := range roles {
			if r.Role.ID == t.Role {
				return true
			}
		}
	}
	return false
}

// former reports "cựu" (former) before token i.
func (x *doc) former(i int) bool { return x.word(i-1) == "cựu" }

// rolesBefore returns the roles the title right before token i can name,
// or nil when an honorific (no title) stands there.
func (x *doc) rolesBefore(i int) map[string]bool {
	probe := &mention{start: i, end: i + 1, tstart: i, sent: x.sentOf[i]}
	x.readTitle(probe)
	var cands []gazetteer.TitleRole
	switch {
	case probe.title != nil:
		cands = probe.title.Roles
	case probe.headRoles != nil:
		cands = probe.headRoles
	default:
		return nil
	}
	out := map[string]bool{}
	for _, c := range cands {
		out[c.Role.ID] = true
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

// resolveRoles settles the role each titled mention states and records the
// holds.
func (x *doc) resolveRoles() {
	date := x.res.published
	for k, m := range x.mentions {
		var cands []gazetteer.TitleRole
		switch {
		case m.title != nil:
			cands = m.title.Roles
		case m.headRoles != nil:
			cands = m.headRoles
		case m.counterpart:
			if other := x.counterpartOf(k); other != nil {
				cands = other
			}
		}
		if len(cands) == 0 {
			continue
		}
		for _, t := range m.more {
			if r := pickRole(t.Roles, append(append([]string{}, t.Countries...), m.countries...), m.off, date); r != nil && !m.former {
				x.addHold(m.off, r, m.sent)
			}
		}
		r := pickRole(cands, m.countries, m.off, date)
		if r == nil {
			continue
		}
		m.role = r
		if m.off.Provisional {
			if info := x.offSeen[m.off]; !contains(info.titles, r.ID) {
				info.titles = append(info.titles, r.ID)
			}
			if m.off.Country == "" {
				m.off.Country = r.Country
			}
		}
		if !m.former {
			x.addHold(m.off, r, m.sent)
		}
	}
}

// addHold records that an official holds a role, stated in sentence si
// (the first sentence that states it).
func (x *doc) addHold(o *gazetteer.Official, r *gazetteer.Role, si int) {
	key := [2]string{o.ID, r.ID}
	if _, ok := x.holds[key]; !ok {
		x.holds[key] = si
	}
}

// counterpartOf returns the title candidates of the official whose
// counterpart mention k is: the titled official named last before it in the
// same sentence, else in the article.
func (x *doc) counterpartOf(k int) []gazetteer.TitleRole {
	m := x.mentions[k]
	for j := k - 1; j >= 0; j-- {
		o := x.mentions[j]
		if o.off == m.off || o.counterpart {
			continue
		}
		if o.title != nil {
			return o.title.Roles
		}
		if o.headRoles != nil {
			return o.headRoles
		}
	}
	return nil
}

// pickRole chooses among the roles a title can name: those of the
// countries written in or beside the title (else of the official's
// country), then the one the official held at the date, else the only or
// first one left.
func pickRole(cands []gazetteer.TitleRole, countries []string, o *gazetteer.Official, date schema.Date) *gazetteer.Role {
	filter := func(keep func(gazetteer.TitleRole) bool) {
		var out []gazetteer.TitleRole
		for _, c := range cands {
			if keep(c) {
				out = append(out, c)
			}
		}
		if len(out) > 0 {
			cands = out
		}
	}
	if len(countries) > 0 {
		filter(func(c gazetteer.TitleRole) bool { return contains(countries, c.Role.Country) })
	} else if o.Country != "" {
		filter(func(c gazetteer.TitleRole) bool { return c.Role.Country == o.Country })
	}
	if o.Country != "" {
		// A role is only ever one of the official's own country: a title
		// that names no role of it states nothing (no borrowed roles).
		var own []gazetteer.TitleRole
		for _, c := range cands {
			if c.Role.Country == o.Country {
				own = append(own, c)
			}
		}
		if len(own) == 0 {
			return nil
		}
		cands = own
	}
	held := func(c gazetteer.TitleRole, at schema.Date) bool {
		for _, t := range o.Roles {
			if t.Role == c.Role.ID && (at.IsZero() || t.Covers(at)) {
				return true
			}
		}
		return false
	}
	for _, c := range cands {
		if held(c, date) {
			return c.Role
		}
	}
	if len(countries) == 0 && o.Country == "" && len(cands) > 1 {
		return nil
	}
	for _, c := range cands {
		if held(c, schema.Date{}) {
			return c.Role
		}
	}
	if len(o.Roles) > 0 && len(cands) > 1 {
		// A known official, a title that fits none of their tenures and
		// several readings: do not guess.
		return nil
	}
	return cands[0].Role
}
