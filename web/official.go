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
}

// maxEgo is how many officials an ego network shows at most (the
// official and the most connected counterparts).
const maxEgo = 150

func officialPage(ctx context.Context, st *graph.Store, id string, limit int) (*OfficialPage, int, error) {
	prof, err := st.Profile(ctx, id)
	if err == nil && prof == nil {
		return nil, http.StatusNotFound, fmt.Errorf("no official %q", id)
	}
	if err != nil {
		return nil, http.StatusInternalServerError, fmt.Errorf("official %s: %w", id, err)
	}
	rows, err := st.Met(ctx, id, true)
	if err == nil && ctx.Err() != nil {
		err = ctx.Err()
	}
	if err != nil {
		return nil, http.StatusInternalServerError, fmt.Errorf("official %s: meetings: %w", id, err)
	}
	out := &OfficialPage{Profile: prof, Meetings: []MeetingRow{}}
	// The ego network: the official and the counterparts of held
	// meetings; counterparts in the same meeting are linked too.
	byMeeting := map[string]*graph.MeetingBrief{}
	var order []string
	people := map[string]graph.Official{id: prof.Official}
	for _, r := range rows {
		arts := map[string]bool{}
		for _, s := range r.Sources {
			arts[s.Article] = true
		}
		// The table needs the number of sources; the sentences are on
		// the meeting's page.
		row := MeetingRow{MetRow: r, Articles: len(arts)}
		row.Sources = nil
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
