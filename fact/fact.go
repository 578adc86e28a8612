// Package fact holds the fact model: what the extractor finds in one
// article (officials, the roles their titles state, meetings with their
// participants, date, kind, place, status and topics) and the sentences
// that evidence each fact. The extractor produces it; the store, the
// scorer and the pipeline consume it.
package fact

import "github.com/dipgraph/dipgraph/schema"

// Sentence is a sentence of the article that evidences a fact: its byte
// span in the article text and its text.
type Sentence struct {
	Start, End int
	Text       string
}

// Official is an official named in the article.
type Official struct {
	ID      string
	Name    string
	Country string
	// Provisional officials are not in the gazetteer: found by a title.
	Provisional bool
	// Role and country a provisional official's title gave.
	Titles []string
	// Forms are the ways the article wrote the name.
	Forms []string
	// Sentences (indices into Result.Sentences) that name the official.
	Sentences []int
}

// Hold is an official–holds–role fact stated by a title beside a name.
type Hold struct {
	Official string
	Role     string
	Sentence int
}

// TopicRef is a topic a meeting discussed and the sentence that says so.
type TopicRef struct {
	Topic    string
	Sentence int
}

// Meeting is a meeting between named officials that the article reports.
type Meeting struct {
	Participants []string // official ids, sorted
	Status       string   // schema.Held or schema.Planned
	Date         schema.Date
	Kind         string // meeting kind id
	Place        string // place id, or ""
	Topics       []TopicRef
	// Sentences that report the meeting.
	Sentences []int
}

// Result is what one article yields.
type Result struct {
	Article   string
	Published schema.Date
	Officials []Official
	Holds     []Hold
	Meetings  []Meeting
	Sentences []Sentence
	// Warnings say what was odd but usable ("date line 2099-01-02 is in
	// the future; ignored").
	Warnings []string
	// Matched are the normalised forms of the gazetteer names and topic
	// keywords the article matched, for curation ("unused" aliases); only
	// with extract.Options.Matched.
	Matched []string
}
