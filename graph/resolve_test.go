package graph

import (
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/fact"
	"github.com/dipgraph/dipgraph/schema"
)

// The candidates of an ambiguous name: those the articles mention, most
// mentioned first, then by name; the others apart, unless none is
// mentioned.
func TestAmbiguity(t *testing.T) {
	offs := []Official{
		{ID: "kim-a", Name: "Kim A", Country: "KR"},
		{ID: "kim-b", Name: "Kim B", Country: "KR"},
		{ID: "kim-c", Name: "Kim C", Country: "KP"},
		{ID: "kim-d", Name: "Kim D", Country: "KR", Provisional: true},
	}
	for _, tc := range []struct {
		name        string
		counts      []int
		candidates  string
		unmentioned string
		text        string
	}{
		{"some mentioned", []int{0, 2, 0, 5}, "kim-d kim-b", "kim-a kim-c",
			`"Kim" names 4 officials, 2 of them in the store's articles; give a fuller name or the id: Kim D (KR, kim-d, 5 articles, provisional), Kim B (KR, kim-b, 2 articles); and 2 in the gazetteer that no article mentions`},
		{"ties by name", []int{1, 0, 1, 1}, "kim-a kim-c kim-d", "kim-b",
			`"Kim" names 4 officials, 3 of them in the store's articles; give a fuller name or the id: Kim A (KR, kim-a, 1 article), Kim C (KP, kim-c, 1 article), Kim D (KR, kim-d, 1 article, provisional); and 1 in the gazetteer that no article mentions`},
		{"none mentioned", []int{0, 0, 0, 0}, "kim-a kim-b kim-c kim-d", "",
			`"Kim" names 4 officials, none of them in the store's articles; give a fuller name or the id: Kim A (KR, kim-a), Kim B (KR, kim-b), Kim C (KP, kim-c), Kim D (KR, kim-d, provisional)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := ambiguity("Kim", offs, tc.counts)
			ids := func(os []Official) string {
				var s []string
				for _, o := range os {
					s = append(s, o.ID)
				}
				return strings.Join(s, " ")
			}
			if got := ids(e.Candidates); got != tc.candidates {
				t.Errorf("candidates %q, want %q", got, tc.candidates)
			}
			if got := ids(e.Unmentioned); got != tc.unmentioned {
				t.Errorf("unmentioned %q, want %q", got, tc.unmentioned)
			}
			if len(e.Articles) != len(e.Candidates) {
				t.Errorf("%d counts for %d candidates", len(e.Articles), len(e.Candidates))
			}
			if e.Error() != tc.text {
				t.Errorf("text\n%s\nwant\n%s", e.Error(), tc.text)
			}
		})
	}
}

// A provisional official's quads give the surname a key, as the name
// order of the official's country says, so FindOfficials finds them by it.
func TestProvisionalSurnameKey(t *testing.T) {
	g := testGazetteer(t)
	for _, tc := range []struct {
		name, country string
		want          []string
	}{
		{"Haruki Shimazaki", "JP", []string{"harukishimazaki", "shimazaki"}},
		{"Pak Song-chol", "KP", []string{"paksongchol", "pak"}},
		{"Nguyễn Văn Hùng", "VN", []string{"nguyenvanhung", "hung"}},
		{"Shimazaki", "JP", []string{"shimazaki"}},
	} {
		r := &fact.Result{Article: "a", Officials: []fact.Official{{ID: schema.Slug(tc.name), Name: tc.name, Country: tc.country, Provisional: true}}}
		var keys []string
		for _, q := range ArticleQuads(g, "a.txt", r) {
			if q.Predicate == iri(schema.PredKey) {
				keys = append(keys, lit(q.Object))
			}
		}
		if strings.Join(keys, " ") != strings.Join(tc.want, " ") {
			t.Errorf("%s (%s): keys %v, want %v", tc.name, tc.country, keys, tc.want)
		}
	}
}

// MetMeetings puts the rows of a meeting together, in the rows' order.
func TestMetMeetings(t *testing.T) {
	row := func(meeting, date, who string) MetRow {
		return MetRow{Meeting: meeting, Date: date, Counterpart: Official{ID: strings.ToLower(who), Name: who}, SourceCount: 1}
	}
	rows := []MetRow{row("m1", "2020", "Cho"), row("m2", "2021", "Park"), row("m3", "2021", "Park"), row("m2", "2021", "Funakoshi")}
	got := MetMeetings(rows)
	var s []string
	for _, m := range got {
		var who []string
		for _, c := range m.Counterparts {
			who = append(who, c.Name)
		}
		s = append(s, m.Meeting+":"+strings.Join(who, "+"))
	}
	if want := "m1:Cho m2:Funakoshi+Park m3:Park"; strings.Join(s, " ") != want {
		t.Errorf("MetMeetings = %v, want %s", s, want)
	}
}
