// Package gazetteer loads, validates and compiles what dipgraph knows before
// reading an article: countries, places, roles, officials, topics and
// meeting kinds, with the Vietnamese words that name them.
package gazetteer

import (
	"strings"

	"github.com/dipgraph/dipgraph/schema"
	"github.com/dipgraph/dipgraph/vntext"
)

// Pos is where an entry was written: file, line and column.
type Pos struct {
	File      string
	Line, Col int
}

// Country is a state (or an entity such as the EU) and the names that
// denote it in articles.
type Country struct {
	Code  string
	Name  string
	Names []string
	// Slug is the English slug role templates use for the country as a
	// destination ("vn-ambassador-to-{slug}": korea, us); default: the
	// slug of Name.
	Slug string
	// NameOrder tells which word of an official's name is used alone:
	// "first" (KR, CN: the family name; TH, LA: the given name) or "last"
	// (the default).
	NameOrder string
	// Compound are short forms used in hyphenated compounds ("Hàn" of
	// "Hàn-Mỹ").
	Compound []string
	// Offices maps a function (head-of-state, head-of-government,
	// foreign-minister, defense-minister) to the role ids that fill it; an
	// empty list means the country has no such office. Functions not
	// listed take the default role ids (see DefaultOffices).
	Offices map[string][]string
	// Covered marks a country whose offices the coverage checks require
	// to be filled from 2015 on.
	Covered bool
	// Vacant lists the stretches a role or an office of the country has no
	// holder in the data on purpose; lint and the coverage test count them
	// as filled.
	Vacant []Vacancy
	Pos    Pos
}

// Vacancy is a stretch of days a role (or every role of an office) of a
// country has no holder in the data on purpose: the office was vacant, it
// was exercised jointly by others, or its acting holders are not listed.
// Note says which.
type Vacancy struct {
	Role     string      // a role id; "" when Office is set
	Office   string      // an office function (head-of-state, …); "" when Role is set
	From, To schema.Date // To zero: still vacant
	Note     string
	Pos      Pos
}

// Province is a first-level division of a country (a Vietnamese province
// or centrally-run city, a Chinese province or autonomous region); role
// templates with a {province} slot give its offices.
type Province struct {
	ID      string // slug, part of role ids: vn-lao-cai-party-secretary
	Country string
	Name    string // Vietnamese name
	Names   []string
	// Unit is the kind of division as Vietnamese titles write it: "tỉnh",
	// "thành phố", "khu tự trị".
	Unit string
	// Until is set for a province merged into another (2025 reform).
	Until schema.Date
	Pos   Pos
}

// Place is a city or venue where meetings happen.
type Place struct {
	ID      string
	Name    string
	Country string
	Aliases []string
	Pos     Pos
}

// Role is a position in one country's government.
type Role struct {
	ID      string
	Name    string
	Country string
	// Titles are the Vietnamese titles written before a holder's name.
	Titles []string
	// Leader marks a head of state or government, or a ruling party's
	// leader.
	Leader bool
	// Single marks a role one person holds at a time.
	Single bool
	// Unnamed, when set, says why the role names no holder: the office
	// speaks through a spokesperson it does not name (a ministry's press
	// office). No official may hold it, and lint and the coverage test do
	// not ask for a holder.
	Unnamed string
	// Template is the id pattern of the role template the role was made
	// from, or "" for a role written out.
	Template string
	Pos      Pos
}

// RoleTemplate is a role every country (or every province) has, with
// titles that name the country or province in a slot: {country}
// ("Bộ trưởng Ngoại giao {country}"), {province}, {unit} and {committee}.
type RoleTemplate struct {
	// ID is the pattern of the ids made: "{cc}-foreign-minister" (cc: the
	// country code in lower case), "vn-ambassador-to-{slug}",
	// "vn-{province}-party-secretary".
	ID   string
	Name string // English name, with {country} or {province}
	// Country is the country the roles belong to when it is not the slot's
	// country ("vn-ambassador-to-{slug}": VN), and the provinces' country
	// for province templates.
	Country string
	Titles  []string
	Leader  bool
	Single  bool
	// Except lists countries that have no such role.
	Except []string
	Pos    Pos
}

// Honorific is a word written before a name that is neither a name nor a
// role title: a courtesy ("Ngài", "Samdech", "Tan Sri"), a military rank
// ("Đại tướng") or an academic title ("Giáo sư").
type Honorific struct {
	Text string
	// Kind is "courtesy", "rank" or "academic".
	Kind string
	Pos  Pos
}

// NameWord is a word that tells whether capitalised words are a person's
// name, for the discovery of officials the gazetteer does not know.
type NameWord struct {
	Text string
	// Kind is NameWordFamily (a Vietnamese or Sino-Vietnamese family name,
	// which a name in Vietnamese letters starts with) or NameWordNever (a
	// word of institutions, places and groups, never of a person) or
	// NameWordCompound (two or three words of a common noun whose first
	// word, written with the others, is never a surname standing alone:
	// "Trung ương" is not Lê Hoài Trung).
	Kind string
	Pos  Pos
}

// The kinds of NameWord.
const (
	NameWordFamily = "family"
	NameWordNever  = "never"
	// NameWordCompound marks a phrase, not a word (see NameWord.Kind).
	NameWordCompound = "compound"
)

// Tenure is a period during which an official held a role. To is zero for
// a tenure still running.
type Tenure struct {
	Role     string
	From, To schema.Date
	Pos      Pos
}

// Covers reports whether the tenure includes any day of d.
func (t Tenure) Covers(d schema.Date) bool {
	return d.Within(t.From, t.To)
}

// Official is a person who holds or held a role.
type Official struct {
	ID      string
	Name    string
	Country string
	// Surname is the word used alone after an honorific or a title.
	Surname string
	Aliases []string
	Roles   []Tenure
	Pos     Pos
	// Provisional marks an official found in an article by a title only,
	// not from the gazetteer.
	Provisional bool
	// Disambiguate is a note saying how articles tell this official from
	// another of the same country with the same alias or surname key.
	Disambiguate string

	aliasPos []Pos
}

// Topic is a subject that meetings discuss.
type Topic struct {
	ID       string
	Name     string
	Keywords []string
	Pos      Pos
}

// Kind is a kind of meeting (talks, phone-call, consultation, summit) and
// the words that report one.
type Kind struct {
	ID   string
	Name string
	// Triggers report a meeting wherever they stand; Direct words only when
	// an official is named right after them.
	Triggers []string
	Direct   []string
	// Rank orders kinds when several words report one meeting: the higher
	// rank wins (summit 3 > consultation 2 > phone-call 1 > talks 0).
	Rank int
	// Use is what the extractor uses the kind for (KindDefault, KindCall,
	// KindMechanism, KindLeaders), so that a gazetteer may name its kinds
	// as it likes.
	Use string
	Pos Pos
}

// The uses of meeting kinds: the kind of every other meeting, of phone and
// video calls, of consultation and dialogue mechanisms, and of in-person
// meetings of heads of state or government.
const (
	KindDefault   = "default"
	KindCall      = "call"
	KindMechanism = "mechanism"
	KindLeaders   = "leaders"
)

// KindFor returns the id of the kind with the use, or "" when no kind has
// it.
func (g *Gazetteer) KindFor(use string) string {
	for _, k := range g.Kinds {
		if k.Use == use {
			return k.ID
		}
	}
	return ""
}

// Series is a recurring meeting that news names by its edition: "Hội
// nghị Cấp cao ASEAN lần thứ 43", "Thượng đỉnh G20 ở Brazil", "APEC
// 2017". An edition the text names dates the article when it writes a
// day without a year, and places the meetings held on its sidelines.
type Series struct {
	ID   string
	Name string
	// Names are the forms the press writes, in Vietnamese and English.
	Names    []string
	Editions []Edition
	Pos      Pos
}

// Edition is one meeting of a series: its number (0 when the series is
// not numbered), when it opened, and where: a place id (or "" when the
// gazetteer has none) in the host country.
type Edition struct {
	N       int
	Date    schema.Date
	Place   string
	Country string
	// Online marks an edition held by video: it places no meeting.
	Online bool
	Pos    Pos
}

// Data is the content of one or more gazetteer files, merged.
type Data struct {
	Countries  []*Country
	Places     []*Place
	Roles      []*Role
	Officials  []*Official
	Topics     []*Topic
	Kinds      []*Kind
	Provinces  []*Province
	Templates  []*RoleTemplate
	Honorifics []*Honorific
	NameWords  []*NameWord
	Series     []*Series
}

// Gazetteer is loaded, validated and compiled gazetteer data, ready for
// matching. It is safe for concurrent use.
type Gazetteer struct {
	Data
	// Sources are the files it was loaded from.
	Sources []string
	// Generated are the roles the role templates made (Roles are the
	// written-out ones); see AllRoles.
	Generated []*Role

	countries map[string]*Country
	roles     map[string]*Role
	officials map[string]*Official
	topics    map[string]*Topic
	places    map[string]*Place
	// countryPlaces are the places that stand for a whole country, where
	// an article names no city ("thăm chính thức Việt Nam").
	countryPlaces map[string]*Place
	kinds         map[string]*Kind
	provinces     map[string]*Province
	// roleAlias maps the id a template would have made to the written-out
	// role of the same country that overrides it.
	roleAlias map[string]string
	honorific map[string]*Honorific
	nameWord  map[string]string
	// extraTitles are the template titles added to written-out roles.
	extraTitles map[string][]string
	compound    map[string]string

	m *matcher
}

// Country returns the country with the code, or nil.
func (g *Gazetteer) Country(code string) *Country { return g.countries[code] }

// Role returns the role with the id, or nil.
func (g *Gazetteer) Role(id string) *Role { return g.roles[id] }

// Official returns the official with the id, or nil.
func (g *Gazetteer) Official(id string) *Official { return g.officials[id] }

// Topic returns the topic with the id, or nil.
func (g *Gazetteer) Topic(id string) *Topic { return g.topics[id] }

// Place returns the place with the id (a city, a venue, or a country's
// place, CountryPlaceID), or nil.
func (g *Gazetteer) Place(id string) *Place { return g.places[id] }

// CountryPlace returns the place that stands for the whole country, for a
// meeting whose article names the country but no city; nil for an unknown
// code. It is not in Places, and its names are matched as the country's.
func (g *Gazetteer) CountryPlace(code string) *Place { return g.countryPlaces[code] }

// CountryPlaceID is the place id of a whole country: "country-" and the
// lower-case code.
func CountryPlaceID(code string) string { return "country-" + strings.ToLower(code) }

// Kind returns the meeting kind with the id, or nil.
func (g *Gazetteer) Kind(id string) *Kind { return g.kinds[id] }

// Province returns the province of the country with the id, or nil.
func (g *Gazetteer) Province(cc, id string) *Province { return g.provinces[cc+"/"+id] }

// CanonicalRole returns the id of the role id stands for: id itself, or,
// for an id a role template would make for a country whose written-out
// role overrides it ("us-foreign-minister"), that role's id
// ("us-secretary-of-state"). It returns "" for an unknown id.
func (g *Gazetteer) CanonicalRole(id string) string {
	if a, ok := g.roleAlias[id]; ok {
		return a
	}
	if g.roles[id] != nil {
		return id
	}
	return ""
}

// IsLeader reports whether the role is a head of state or government or a
// ruling party's leader (the role's leader flag, set in the data).
func (g *Gazetteer) IsLeader(roleID string) bool {
	r := g.roles[g.CanonicalRole(roleID)]
	return r != nil && r.Leader
}

// IsSingle reports whether one person holds the role at a time.
func (g *Gazetteer) IsSingle(roleID string) bool {
	r := g.roles[g.CanonicalRole(roleID)]
	return r != nil && r.Single
}

// Honorific returns the honorific or rank written as text (compared on the
// normalised form: "dato'" = "Dato'"), or nil.
func (g *Gazetteer) Honorific(text string) *Honorific {
	return g.honorific[vntext.Normalize(text)]
}

// NameWordKind returns the kind of name word (NameWordFamily,
// NameWordNever) that the normalised word is, or "".
func (g *Gazetteer) NameWordKind(norm string) string { return g.nameWord[norm] }

// CompoundAt reports whether a compound name word (NameWordCompound) starts
// at token i: "Trung ương" in "Ủy viên Trung ương Đảng".
func (g *Gazetteer) CompoundAt(toks []vntext.Token, i int) bool {
	phrase := ""
	for k := i; k < len(toks) && k < i+3; k++ {
		if k > i {
			phrase += " "
		}
		phrase += toks[k].Norm
		if k > i && g.nameWord[phrase] == NameWordCompound {
			return true
		}
	}
	return false
}

// HonorificAt returns the end (exclusive) of the longest honorific or rank
// that starts at token i ("Dato' Seri", "Đại tướng"), or -1.
func (g *Gazetteer) HonorificAt(toks []vntext.Token, i int) int {
	if i < 0 || i >= len(toks) {
		return -1
	}
	// The longest honorific of at most four words at i, looking words up
	// only as far as the trie goes.
	t, end := g.m.honorifics, -1
	s := int32(0)
	for j := i; j < min(len(toks), i+4); j++ {
		id := g.m.id(toks[j].Norm, false)
		if id < 0 {
			break
		}
		if j == i {
			if int(id) >= len(t.root) || t.root[id] == 0 {
				break
			}
			s = t.root[id]
		} else {
			n, ok := t.step(s, id)
			if !ok {
				break
			}
			s = n
		}
		if t.payload[s] >= 0 {
			end = j + 1
		}
	}
	return end
}

// KindRank returns the rank of the meeting kind (higher wins when several
// words report one meeting), or -1 for an unknown kind.
func (g *Gazetteer) KindRank(id string) int {
	if k := g.kinds[id]; k != nil {
		return k.Rank
	}
	return -1
}

// CompoundCountry returns the country whose short form is the normalised
// word in a hyphenated compound ("hàn" of "Hàn-Mỹ": KR).
func (g *Gazetteer) CompoundCountry(word string) (string, bool) {
	cc, ok := g.compound[word]
	return cc, ok
}

// Office functions that coverage checks and the default offices use.
const (
	HeadOfState      = "head-of-state"
	HeadOfGovernment = "head-of-government"
	ForeignMinister  = "foreign-minister"
	DefenseMinister  = "defense-minister"
)

// OfficeFunctions are the functions of Country.Offices, in order.
var OfficeFunctions = []string{HeadOfState, HeadOfGovernment, ForeignMinister, DefenseMinister}

// DefaultOffices returns the role ids of a function for a country that
// does not list it: {cc}-president, {cc}-prime-minister,
// {cc}-foreign-minister, {cc}-defense-minister.
func DefaultOffices(cc, function string) []string {
	suffix := map[string]string{HeadOfState: "president", HeadOfGovernment: "prime-minister",
		ForeignMinister: "foreign-minister", DefenseMinister: "defense-minister"}[function]
	if suffix == "" {
		return nil
	}
	return []string{strings.ToLower(cc) + "-" + suffix}
}

// Offices returns the canonical role ids that fill a function in a
// country (the country's offices field, else DefaultOffices); none when
// the country has no such office.
func (g *Gazetteer) Offices(cc, function string) []string {
	ids, ok := []string(nil), false
	if c := g.countries[cc]; c != nil {
		ids, ok = c.Offices[function]
	}
	if !ok {
		ids = DefaultOffices(cc, function)
	}
	var out []string
	for _, id := range ids {
		if c := g.CanonicalRole(id); c != "" {
			out = append(out, c)
		} else {
			out = append(out, id)
		}
	}
	return out
}

// NameOrder returns "first" when officials of the country are called by
// the first word of their name alone, else "last".
func (g *Gazetteer) NameOrder(cc string) string {
	if c := g.countries[cc]; c != nil && c.NameOrder != "" {
		return c.NameOrder
	}
	return "last"
}

// SurnameOf returns the word an official is called by alone: the Surname
// field, else the first or last word of the name as the country's name
// order says.
func (g *Gazetteer) SurnameOf(o *Official) string {
	return surnameOf(o, g.NameOrder(o.Country))
}

func surnameOf(o *Official, order string) string {
	if o.Surname != "" {
		return o.Surname
	}
	words := splitWords(o.Name)
	if len(words) == 0 {
		return ""
	}
	if order == "first" {
		return words[0]
	}
	return words[len(words)-1]
}

func splitWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' || r == '\u00a0' })
}
