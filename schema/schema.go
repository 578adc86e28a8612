// Package schema holds dipgraph's graph vocabulary: node kinds, predicates,
// the minting of node ids, and the partial dates that facts carry.
//
// Every node is an IRI written short, <kind/id>: <official/christopher-landau>,
// <meeting/5f0c…>, <topic/alliance>, <role/us-deputy-secretary-of-state>,
// <place/washington>, <country/US>, <article/000_aa9c9012e0810d19>,
// <sentence/000_aa9c9012e0810d19/120-388>, <fact/…>. Predicates are short
// IRIs too (<met>, <discussed>, <holds> …). See docs/schema.md.
package schema

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/cases"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Node kinds: the object of a <type> quad.
const (
	KindOfficial = "Official"
	KindMeeting  = "Meeting"
	KindTopic    = "Topic"
	KindRole     = "Role"
	KindPlace    = "Place"
	KindCountry  = "Country"
	KindArticle  = "Article"
	KindSentence = "Sentence" // not written since session 6 (stores before it have it)
	KindFact     = "Fact"     // not written since session 6 (stores before it have it)
)

// Predicates, each the text of a short IRI.
const (
	PredType        = "type"        // node → kind (<Official>, <Meeting> …)
	PredName        = "name"        // node → its canonical name (string)
	PredAlias       = "alias"       // official, place, country → another name (string)
	PredCountry     = "country"     // official, role, place → <country/CC>
	PredProvisional = "provisional" // official → "true" when found by title only, not in the gazetteer
	PredMet         = "met"         // official → official (both directions, held meetings only)
	PredParticipant = "participant" // meeting → official
	PredDate        = "date"        // meeting, article → typed date
	PredPlace       = "place"       // meeting → <place/…>
	PredMeetingKind = "kind"        // meeting → "talks" | "phone-call" | "consultation" | "summit"
	PredStatus      = "status"      // meeting → "held" | "planned"
	PredDiscussed   = "discussed"   // meeting → topic
	PredHolds       = "holds"       // official → role
	PredRoleFrom    = "from"        // fact (a gazetteer tenure) → typed date
	PredRoleTo      = "to"          // fact (a gazetteer tenure) → typed date
	PredReportedIn  = "reported_in" // meeting → sentence that reports it
	PredMentions    = "mentions"    // article → official named in it
	PredInArticle   = "article"     // sentence → article
	PredText        = "text"        // sentence → its text (string)
	PredSpan        = "span"        // sentence → "start-end" (before session 6; the IRI holds it)
	PredSubject     = "subject"     // fact → official: of a stated <holds>, of a gazetteer tenure
	PredPredicate   = "predicate"   // fact → predicate IRI (before session 6; a tenure is <holds>, a stated fact's node is StatedFactIRI)
	PredObject      = "object"      // fact → role of a gazetteer tenure (stated facts: before session 6)
	PredStatedIn    = "stated_in"   // fact (StatedFactIRI) → sentence that states it
	PredFile        = "file"        // article → file path (string)
	PredURL         = "url"         // article → the page's URL (string)
	PredTitle       = "title"       // article → its title (string)
	PredPosition    = "position"    // article → where its record starts in its file ("line 3", "offset 1234")
	PredLanguage    = "language"    // article → detected language ("vi", or "und" when too short to tell)
	PredTextDigest  = "text_digest" // article → digest of its normalised text (equal for syndicated copies)
	PredKey         = "key"         // official → NameKey of a name, alias or surname (string)
	PredCard        = "card"        // meeting → what one article says of it, as JSON (derived, for fast reads)
	PredDigest      = "digest"      // label → digest of the quads under it (the gazetteer's), so an unchanged one is not rewritten
)

// Meeting kinds and statuses.
const (
	Held    = "held"
	Planned = "planned"
)

// GazetteerLabel is the quad label of facts taken from the gazetteer.
const GazetteerLabel = "gazetteer"

// IRI helpers: each returns the short IRI text without angle brackets.
func OfficialIRI(id string) string { return "official/" + id }
func MeetingIRI(id string) string  { return "meeting/" + id }
func TopicIRI(id string) string    { return "topic/" + id }
func RoleIRI(id string) string     { return "role/" + id }
func PlaceIRI(id string) string    { return "place/" + id }
func CountryIRI(cc string) string  { return "country/" + cc }
func ArticleIRI(id string) string  { return "article/" + id }
func FactIRI(id string) string     { return "fact/" + id }

// SentenceIRI names a sentence by its article and byte span.
func SentenceIRI(article string, start, end int) string {
	return fmt.Sprintf("sentence/%s/%d-%d", article, start, end)
}

// SplitSentenceIRI returns the article and the "start-end" span of a
// sentence IRI made by SentenceIRI; ok is false for anything else.
func SplitSentenceIRI(iri string) (article, span string, ok bool) {
	rest, ok := strings.CutPrefix(iri, "sentence/")
	i := strings.LastIndexByte(rest, '/')
	if !ok || i <= 0 {
		return "", "", false
	}
	article, span = rest[:i], rest[i+1:]
	a, b, ok := strings.Cut(span, "-")
	if !ok || a == "" || b == "" || strings.Trim(a+b, "0123456789") != "" {
		return "", "", false
	}
	return article, span, true
}

// ArticleID is the id of an article file: its base name without extension.
func ArticleID(path string) string {
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// Slug turns a romanised name into an id: diacritics removed, lower case,
// runs of other characters turned into single hyphens ("Park Yoon-joo" →
// "park-yoon-joo", "Nguyễn Phú Trọng" → "nguyen-phu-trong").
func Slug(name string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	s, _, err := transform.String(t, name)
	if err != nil {
		s = name
	}
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r == 'đ':
			r = 'd'
		case r > unicode.MaxASCII || !(unicode.IsLetter(r) || unicode.IsDigit(r)):
			if b.Len() > 0 {
				dash = true
			}
			continue
		}
		if dash {
			b.WriteByte('-')
			dash = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// MeetingID mints the id of a meeting. A held or planned meeting with a
// known date is identified by its participants and date, so that two
// articles reporting it make one node; without a date the meeting is
// specific to its article (scope) and its position there (n).
func MeetingID(participants []string, date Date, scope string, n int) string {
	ids := append([]string(nil), participants...)
	sort.Strings(ids)
	key := strings.Join(ids, "+")
	if date.P == Day {
		key += "@" + date.String()
	} else {
		key += fmt.Sprintf("@%s#%s#%d", date.String(), scope, n)
	}
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:8])
}

// FactID mints the id of a stated fact from its parts.
func FactID(parts ...string) string {
	sum := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	return hex.EncodeToString(sum[:8])
}

// StatedFactIRI names the node of a fact an article states, from the
// triple (subject, predicate and object IRIs, as <holds> and <discussed>
// quads hold them) and the article's id: a reader that has the triple's
// quad and its label finds the fact's <stated_in> sentence without
// reading <predicate>/<object> quads (the store keeps none for them).
func StatedFactIRI(subject, predicate, object, article string) string {
	return FactIRI(FactID(subject, predicate, object, article))
}

// NameKey is the form names are looked up and compared in: NFC, case
// folded, without diacritics, spaces, hyphens and dots ("Jeong Yeon Doo" =
// "Jeong Yeon-doo" = "jeongyeondoo").
func NameKey(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC, cases.Fold())
	out, _, err := transform.String(t, s)
	if err != nil {
		out = strings.ToLower(s)
	}
	var b strings.Builder
	for _, r := range out {
		switch {
		case r == ' ' || r == '-' || r == '.' || r == '\u00a0' || r == '‐' || r == '‑' || r == '\'':
		case r == 'đ':
			b.WriteRune('d')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
