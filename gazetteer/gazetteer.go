// Package gazetteer loads, validates and compiles what dipgraph knows before
// reading an article: countries, places, roles, officials, topics and
// meeting kinds, with the Vietnamese words that name them.
package gazetteer

import (
	"strings"

	"github.com/dipgraph/dipgraph/schema"
)

// Pos is where an entry was written: file, line and column.
type Pos struct {
	File      string
	Line, Col int
}

// Country is a state and the names that denote it in articles.
type Country struct {
	Code  string
	Name  string
	Names []string
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
	Pos    Pos
}

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
	Pos      Pos
}

// Data is the content of one or more gazetteer files, merged.
type Data struct {
	Countries []*Country
	Places    []*Place
	Roles     []*Role
	Officials []*Official
	Topics    []*Topic
	Kinds     []*Kind
}

// Gazetteer is loaded, validated and compiled gazetteer data, ready for
// matching. It is safe for concurrent use.
type Gazetteer struct {
	Data
	// Sources are the files it was loaded from.
	Sources []string

	countries map[string]*Country
	roles     map[string]*Role
	officials map[string]*Official
	topics    map[string]*Topic
	places    map[string]*Place
	kinds     map[string]*Kind

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

// Place returns the place with the id, or nil.
func (g *Gazetteer) Place(id string) *Place { return g.places[id] }

// Kind returns the meeting kind with the id, or nil.
func (g *Gazetteer) Kind(id string) *Kind { return g.kinds[id] }

// SurnameOf returns the word an official is called by alone: the Surname
// field, else the first word of the name for Korean and Chinese officials
// and the last word otherwise.
func SurnameOf(o *Official) string {
	if o.Surname != "" {
		return o.Surname
	}
	words := splitWords(o.Name)
	if len(words) == 0 {
		return ""
	}
	switch o.Country {
	case "KR", "KP", "CN":
		return words[0]
	}
	return words[len(words)-1]
}

func splitWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' || r == '\u00a0' })
}
