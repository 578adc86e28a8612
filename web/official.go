package web

import (
	"context"
	"fmt"
	"net/http"
	"sort"

	"github.com/dipgraph/dipgraph/graph"
)

// OfficialPage is the official's page data: the profile, every meeting
// (held and planned, one row per meeting and counterpart, as dipgraph met
// --planned lists them) and the ego network of the held ones.
type OfficialPage struct {
	Profile   *graph.Profile `json:"official"`
	Meetings  []MeetingRow   `json:"meetings"`
	Network   Network        `json:"network"`
	Truncated bool           `json:"truncated,omitempty"`
	Note      string         `json:"note,omitempty"`
}

// MeetingRow is a row of the meetings table.
type MeetingRow struct {
	graph.MetRow
	Articles int `json:"articles"` // number of source articles
	// Sources hides MetRow's: the sentences are on the meeting's page.
	Sources []graph.Source `json:"sources,omitempty"`
}

// maxEgo is how many officials an ego network shows at most (the
// official and the most connected counterparts).
const maxEgo = 150

// officialPage reads an official's page. With d (what the page keeps
// per state of the store) the meetings come from its meetings in brief
// and the profile from its profiles, so the store is read only for the
// names and the few sentences the profile shows; without, from the store
// by graph.Met, which reads every meeting's cards (seconds for the
// busiest officials of a large store), and graph.Profile. Both give the
// same page.
func officialPage(ctx context.Context, st *graph.Store, id string, limit int, d *derived) (*OfficialPage, int, error) {
	var prof *graph.Profile
	var err error
	if d != nil {
		prof, err = st.ProfileFrom(ctx, id, d.profiles)
	} else {
		prof, err = st.Profile(ctx, id)
	}
	if err == nil && prof == nil {
		return nil, http.StatusNotFound, fmt.Errorf("no official %q", id)
	}
	if err != nil {
		return nil, http.StatusInternalServerError, fmt.Errorf("official %s: %w", id, err)
	}
	var rows []MeetingRow
	if d != nil {
		rows = d.meetingRows(id)
	} else {
		rows, err = metRows(ctx, st, id)
		if err != nil {
			return nil, http.StatusInternalServerError, fmt.Errorf("official %s: meetings: %w", id, err)
		}
	}
	out := &OfficialPage{Profile: prof, Meetings: []MeetingRow{}}
	// The ego network: the official and the counterparts of held
	// meetings; counterparts in the same meeting are linked too.
	byMeeting := map[string]*graph.MeetingBrief{}
	var order []string
	people := map[string]graph.Official{id: prof.Official}
	for _, row := range rows {
		r := row.MetRow
		out.Meetings = append(out.Meetings, row)
		people[r.Counterpart.ID] = r.Counterpart
		m := byMeeting[r.Meeting]
		if m == nil {
			m = &graph.MeetingBrief{ID: r.Meeting, Status: r.Status, Participants: []string{id}}
			byMeeting[r.Meeting] = m
			order = append(order, r.Meeting)
		}
		m.Participants = append(m.Participants, r.Counterpart.ID)
	}
	ms := make([]graph.MeetingBrief, 0, len(order))
	for _, k := range order {
		m := byMeeting[k]
		sort.Strings(m.Participants)
		ms = append(ms, *m)
	}
	out.Network = network(ms, id, maxEgo, func(c string) graph.Official {
		if o, ok := people[c]; ok {
			return o
		}
		return graph.Official{ID: c, Name: c}
	})
	if out.Network.Officials == 0 {
		out.Network.Nodes = []Node{{Official: prof.Official, Self: true}}
	}
	if len(out.Meetings) > limit {
		out.Note = fmt.Sprintf("%d rows cut at the server's limit of %d", len(out.Meetings), limit)
		out.Meetings, out.Truncated = out.Meetings[:limit], true
	}
	return out, http.StatusOK, nil
}

// metRows reads the official's meetings table from the store (graph.Met,
// held and planned), without the sentences.
func metRows(ctx context.Context, st *graph.Store, id string) ([]MeetingRow, error) {
	rows, err := st.Met(ctx, id, true)
	if err == nil && ctx.Err() != nil {
		err = ctx.Err()
	}
	if err != nil {
		return nil, err
	}
	out := make([]MeetingRow, 0, len(rows))
	for _, r := range rows {
		arts := map[string]bool{}
		for _, s := range r.Sources {
			arts[s.Article] = true
		}
		// The table needs the number of sources; the sentences are on
		// the meeting's page.
		r.Sources = nil
		out = append(out, MeetingRow{MetRow: r, Articles: len(arts)})
	}
	return out, nil
}

// meetingRows makes the official's meetings table from the meetings in
// brief, as graph.Met gives it: one row per meeting and counterpart, the
// place by the least of its names, ordered by date, counterpart's name
// and meeting.
func (d *derived) meetingRows(id string) []MeetingRow {
	var rows []MeetingRow
	for _, k := range d.byOfficial[id] {
		m := &d.meetings[k]
		base := MeetingRow{Articles: m.Sourced}
		base.Meeting, base.Date, base.Kind, base.Status = m.ID, m.Date, m.Kind, m.Status
		base.Topics, base.SourceCount = m.Topics, m.SourceCount
		base.Place = ""
		for _, pl := range m.Places {
			name := pl
			if n := d.placeNames[pl]; n != "" {
				name = n
			}
			if base.Place == "" || name < base.Place {
				base.Place = name
			}
		}
		for _, c := range m.Participants {
			if c == id {
				continue
			}
			row := base
			row.Counterpart = d.official(c)
			row.Roles = m.Roles[c]
			rows = append(rows, row)
		}
	}
	sort.SliceStable(rows, func(i, j int) bool {
		if rows[i].Date != rows[j].Date {
			return rows[i].Date < rows[j].Date
		}
		if rows[i].Counterpart.Name != rows[j].Counterpart.Name {
			return rows[i].Counterpart.Name < rows[j].Counterpart.Name
		}
		return rows[i].Meeting < rows[j].Meeting
	})
	return rows
}
