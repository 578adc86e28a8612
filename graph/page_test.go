package graph

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
)

func TestPageReads(t *testing.T) {
	st := exportMem(t)
	ctx := context.Background()

	names, err := st.OfficialNames(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var landau *NameEntry
	for i := range names {
		if names[i].ID == "christopher-landau" {
			landau = &names[i]
		}
	}
	if landau == nil || landau.Name != "Christopher Landau" || landau.Country != "US" || !contains(landau.Keys, "landau") || !contains(landau.Aliases, "Landau") {
		t.Fatalf("christopher-landau in OfficialNames: %+v", landau)
	}

	p, err := st.Profile(ctx, "christopher-landau")
	if err != nil {
		t.Fatal(err)
	}
	if p == nil || p.CountryName != "United States" || len(p.Tenures) == 0 || p.Tenures[0].RoleName == "" {
		t.Fatalf("profile: %+v", p)
	}
	if len(p.Stated) != 1 || p.Stated[0].Role != "us-deputy-secretary-of-state" || p.Stated[0].Articles != 4 ||
		!strings.Contains(p.Stated[0].Sentences[0].Sentence, "Landau") {
		t.Errorf("stated roles: %+v", p.Stated)
	}
	if p, err := st.Profile(ctx, "nobody"); p != nil || err != nil {
		t.Errorf("Profile(nobody) = %+v, %v; want nil, nil", p, err)
	}

	// Read ahead for every official, the profiles are the same.
	ids := make([]string, len(names))
	for i, n := range names {
		ids[i] = n.ID
	}
	ix, err := st.ReadProfiles(ctx, ids)
	if err != nil || ix == nil {
		t.Fatalf("ReadProfiles: %v, %v", ix, err)
	}
	tenured := 0
	for _, id := range ids {
		want, err := st.Profile(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		got, err := st.ProfileFrom(ctx, id, ix)
		if err != nil {
			t.Fatal(err)
		}
		a, _ := json.Marshal(want)
		b, _ := json.Marshal(got)
		if string(a) != string(b) {
			t.Errorf("ProfileFrom(%s) = %s\nProfile gives %s", id, b, a)
		}
		if len(want.Tenures) > 0 && len(want.Stated) > 0 {
			tenured++
		}
	}
	if tenured < 5 {
		t.Errorf("only %d officials with tenures and stated roles compared", tenured)
	}

	// The phone call that xa and xb both report.
	rows, err := st.Met(ctx, "kim-hong-kyun", false)
	if err != nil || len(rows) != 1 {
		t.Fatalf("Met(kim-hong-kyun) = %+v, %v", rows, err)
	}
	m, err := st.Meeting(ctx, rows[0].Meeting)
	if err != nil || m == nil {
		t.Fatalf("Meeting: %+v, %v", m, err)
	}
	if m.Date != "2025-04-01" || m.Kind != "phone-call" || m.Status != "held" || len(m.Participants) != 2 || len(m.Evidence) != 2 {
		t.Fatalf("meeting: %+v", m)
	}
	for _, ev := range m.Evidence {
		found := map[string]string{}
		for _, s := range ev.Sentences {
			if s.End-s.Start != len(s.Text) {
				t.Errorf("%s: span %s for a sentence of %d bytes", ev.Article, s.Span, len(s.Text))
			}
			for _, n := range s.Names {
				found[n.Official] = s.Text[n.Start:n.End]
			}
		}
		if found["christopher-landau"] != "Christopher Landau" || found["kim-hong-kyun"] != "Kim Hong-kyun" {
			t.Errorf("%s: names found %q", ev.Article, found)
		}
	}
	if m, err := st.Meeting(ctx, "nothing"); m != nil || err != nil {
		t.Errorf("Meeting(nothing) = %+v, %v; want nil, nil", m, err)
	}

	briefs, err := st.Meetings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	stats, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(briefs) != stats.Meetings {
		t.Errorf("Meetings: %d, the store counts %d", len(briefs), stats.Meetings)
	}
	for _, b := range briefs {
		if b.ID == m.ID && (b.Articles != 2 || b.Sourced != 2 || b.SourceCount != 2 || b.Date != m.Date || strings.Join(b.Participants, ",") != "christopher-landau,kim-hong-kyun" ||
			len(b.Roles["kim-hong-kyun"]) == 0) {
			t.Errorf("brief of %s: %+v", m.ID, b)
		}
	}
	got, err := st.Names(ctx, []string{"country/VN", "place/hanoi", "topic/none-such"})
	if err != nil || got["country/VN"] == "" || got["place/hanoi"] == "" || len(got) != 2 {
		t.Errorf("Names = %v, %v", got, err)
	}
}
