package gold_test

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/gold"
)

// goldFile is a hand-made gold annotation of one article: two held
// meetings, one planned, one topic that must be found and one that may.
func goldFile() *gold.File {
	return &gold.File{Articles: []gold.Article{{
		File:      "x01.txt",
		Published: "2018-06-12",
		Officials: []gold.Official{
			{Name: "Donald Trump", Country: "US"},
			{Name: "Kim Jong Un", Country: "KP"},
			{Name: "Moon Jae-in", Country: "KR"},
		},
		Holds: []gold.Hold{
			{Official: "Donald Trump", Role: "us-president"},
			{Official: "Moon Jae-in", Role: "kr-president"},
		},
		Meetings: []gold.Meeting{
			{Participants: []string{"Donald Trump", "Kim Jong Un"}, Status: "held", Date: "2018-06-12", Kind: "summit",
				Location: "Singapore", Topics: []string{"denuclearization"}, Also: []string{"peninsula-peace"}},
			{Participants: []string{"Moon Jae-in", "Donald Trump"}, Status: "held", Date: "2018-05-22", Kind: "summit",
				Location: "Washington", Topics: []string{}},
			{Participants: []string{"Moon Jae-in", "Kim Jong Un"}, Status: "planned", Kind: "summit", Topics: []string{}},
		},
	}}}
}

// clone deep-copies a file so that a test can change the prediction only.
func clone(f *gold.File) *gold.File {
	out := &gold.File{}
	for _, a := range f.Articles {
		b := a
		b.PublishedAlso = append([]string(nil), a.PublishedAlso...)
		b.Officials = nil
		for _, o := range a.Officials {
			o.Aliases = append([]string(nil), o.Aliases...)
			b.Officials = append(b.Officials, o)
		}
		b.Holds = append([]gold.Hold(nil), a.Holds...)
		b.Meetings = nil
		for _, m := range a.Meetings {
			m.Participants = append([]string(nil), m.Participants...)
			m.LocationAlso = append([]string(nil), m.LocationAlso...)
			m.Topics = append([]string(nil), m.Topics...)
			m.Also = nil // a prediction has no "also"
			b.Meetings = append(b.Meetings, m)
		}
		out.Articles = append(out.Articles, b)
	}
	return out
}

type counts struct{ TP, FP, FN int }

func figureCounts(r *gold.Report, name string) counts {
	f := r.Figure(name)
	return counts{f.TP, f.FP, f.FN}
}

func TestScorePerfect(t *testing.T) {
	g := goldFile()
	r := gold.Score(g, clone(g))
	want := map[string]counts{
		"officials": {3, 0, 0}, "met": {2, 0, 0}, "meetings": {2, 0, 0},
		"planned": {1, 0, 0}, "holds": {2, 0, 0}, "topics": {1, 0, 0},
	}
	if len(r.Figures) != len(want) {
		t.Errorf("%d figures, want %d", len(r.Figures), len(want))
	}
	for _, f := range r.Figures {
		if got := (counts{f.TP, f.FP, f.FN}); got != want[f.Name] {
			t.Errorf("%s: %+v, want %+v", f.Name, got, want[f.Name])
		}
		if f.Precision != 1 || f.Recall != 1 || f.F1 != 1 {
			t.Errorf("%s: P %.3f R %.3f F1 %.3f, want all 1", f.Name, f.Precision, f.Recall, f.F1)
		}
	}
	// Attributes are scored on every matched meeting, planned ones too.
	wantAcc := map[string][2]int{"date": {3, 3}, "kind": {3, 3}, "location": {3, 3}, "published": {1, 1}}
	for _, a := range r.Accuracies {
		if got := [2]int{a.Right, a.Total}; got != wantAcc[a.Name] || a.Share != 1 {
			t.Errorf("accuracy %s: %d/%d (%.3f), want %v and 1", a.Name, a.Right, a.Total, a.Share, wantAcc[a.Name])
		}
	}
	if len(r.Misses)+len(r.False)+len(r.Wrong) != 0 {
		t.Errorf("perfect prediction: misses %v, false %v, wrong %v", r.Misses, r.False, r.Wrong)
	}
}

func TestScoreMissedMeeting(t *testing.T) {
	g := goldFile()
	p := clone(g)
	p.Articles[0].Meetings = append(p.Articles[0].Meetings[:1], p.Articles[0].Meetings[2:]...) // drop Moon–Trump
	r := gold.Score(g, p)
	for name, want := range map[string]counts{
		"meetings": {1, 0, 1}, "met": {1, 0, 1}, "planned": {1, 0, 0}, "officials": {3, 0, 0},
	} {
		if got := figureCounts(r, name); got != want {
			t.Errorf("%s: %+v, want %+v", name, got, want)
		}
	}
	for _, name := range []string{"meetings", "met"} {
		f := r.Figure(name)
		if f.Precision != 1 || f.Recall != 0.5 {
			t.Errorf("%s: precision %.3f recall %.3f, want 1 and 0.5", name, f.Precision, f.Recall)
		}
		if f.F1 < 0.666 || f.F1 > 0.667 {
			t.Errorf("%s: F1 %.4f, want 2/3", name, f.F1)
		}
	}
	var missed []string
	for _, m := range r.Misses {
		missed = append(missed, m.Figure+"|"+m.Article)
	}
	if want := []string{"meetings|x01.txt", "met|"}; !reflect.DeepEqual(missed, want) {
		t.Errorf("misses %v, want %v", missed, want)
	}
	// The dropped meeting's attributes are not scored.
	if a := r.Accuracy("date"); a.Total != 2 {
		t.Errorf("date accuracy over %d meetings, want 2 (held and planned)", a.Total)
	}
}

func TestScoreExtraMeeting(t *testing.T) {
	g := goldFile()
	p := clone(g)
	p.Articles[0].Meetings[2].Status = "held" // the planned meeting reported as held
	r := gold.Score(g, p)
	for name, want := range map[string]counts{
		"meetings": {2, 1, 0}, "met": {2, 1, 0}, "planned": {0, 0, 1},
	} {
		if got := figureCounts(r, name); got != want {
			t.Errorf("%s: %+v, want %+v", name, got, want)
		}
	}
}

func TestScoreTopics(t *testing.T) {
	tests := []struct {
		name   string
		topics []string
		want   counts
	}{
		{"exact", []string{"denuclearization"}, counts{1, 0, 0}},
		{"also is neither right nor wrong", []string{"denuclearization", "peninsula-peace"}, counts{1, 0, 0}},
		{"only also", []string{"peninsula-peace"}, counts{0, 0, 1}},
		{"extra topic", []string{"denuclearization", "sanctions"}, counts{1, 1, 0}},
		{"none", nil, counts{0, 0, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := goldFile()
			p := clone(g)
			p.Articles[0].Meetings[0].Topics = tt.topics
			if got := figureCounts(gold.Score(g, p), "topics"); got != tt.want {
				t.Errorf("topics %v: %+v, want %+v", tt.topics, got, tt.want)
			}
		})
	}
}

func TestScoreDate(t *testing.T) {
	tests := []struct {
		gold, pred string
		right      bool
	}{
		{"2018-06-12", "2018-06-12", true},
		{"2018", "2018-06-12", true},
		{"2018-06", "2018-06-12", true},
		{"2018", "2018-06", true},
		{"2018", "2018", true},
		{"2018-06-12", "2018-06", false},
		{"2018-06-12", "2018", false},
		{"2018", "2019-06-12", false},
		{"2018-06", "2018-07-01", false},
		{"2018-1", "2018-10-01", false},
		{"2018-1", "2018-01-05", true},
		{"2018-6-12", "2018-06-12", true},
		{"", "", true},
		{"", "2018", false},
		{"2018", "", false},
	}
	for _, tt := range tests {
		g := goldFile()
		g.Articles[0].Meetings[0].Date = tt.gold
		g.Articles[0].Meetings = g.Articles[0].Meetings[:1]
		p := clone(g)
		p.Articles[0].Meetings[0].Date = tt.pred
		a := gold.Score(g, p).Accuracy("date")
		if a.Total != 1 || (a.Right == 1) != tt.right {
			t.Errorf("gold date %q, predicted %q: %d/%d right, want right=%v", tt.gold, tt.pred, a.Right, a.Total, tt.right)
		}
	}
}

func TestScoreLocation(t *testing.T) {
	tests := []struct {
		name     string
		location string
		also     []string
		pred     string
		right    bool
	}{
		{"equal", "Singapore", nil, "Singapore", true},
		{"name key", "Washington D.C.", nil, "washington dc", true},
		{"missing", "Singapore", nil, "", false},
		{"other", "Singapore", nil, "Hanoi", false},
		{"also: none is right", "", []string{"Seoul"}, "", true},
		{"also: one of them is right", "", []string{"Seoul", "Panmunjom"}, "Panmunjom", true},
		{"also: by name key", "", []string{"Seoul"}, "SEOUL", true},
		{"also: another place is wrong", "", []string{"Seoul"}, "Tokyo", false},
		{"no location: none is right", "", nil, "", true},
		{"no location: a place is wrong", "", nil, "Seoul", false},
		{"location and also: also counts beside it", "Cao Bang", []string{"Cao Bằng", "Vietnam"}, "Vietnam", true},
		{"location and also: none is wrong", "Cao Bang", []string{"Vietnam"}, "", false},
		{"location and also: another place is wrong", "Cao Bang", []string{"Vietnam"}, "Hanoi", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := goldFile()
			g.Articles[0].Meetings = g.Articles[0].Meetings[:1]
			g.Articles[0].Meetings[0].Location = tt.location
			g.Articles[0].Meetings[0].LocationAlso = tt.also
			p := clone(g)
			p.Articles[0].Meetings[0].Location = tt.pred
			p.Articles[0].Meetings[0].LocationAlso = nil
			a := gold.Score(g, p).Accuracy("location")
			if a.Total != 1 || (a.Right == 1) != tt.right {
				t.Errorf("location %q also %v, predicted %q: %d/%d, want right=%v", tt.location, tt.also, tt.pred, a.Right, a.Total, tt.right)
			}
		})
	}
}

func TestScorePublished(t *testing.T) {
	tests := []struct {
		gold string
		also []string
		pred string
		want bool
	}{
		{"2025-12-01", nil, "2025-12-01", true},
		{"2025-12", nil, "2025-12-01", true},
		{"2025", nil, "2025-12-01", true},
		{"2025-12-01", nil, "2025-12", false},
		{"2025-12-01", nil, "", false},
		{"2025-12-01", []string{"2020-12"}, "2020-12-05", true},
		{"2025-12-01", []string{"2020-12"}, "2020-12", true},
		{"2025-12-01", []string{"2020-12", "2021"}, "2021-03-04", true},
		{"2025-12-01", []string{"2020-12"}, "2020-11-30", false},
		{"2018-1", nil, "2018-12-01", false},
		{"2018-1", nil, "2018-01-05", true},
	}
	for _, tt := range tests {
		g := goldFile()
		g.Articles[0].Published = tt.gold
		g.Articles[0].PublishedAlso = tt.also
		p := clone(g)
		p.Articles[0].Published = tt.pred
		p.Articles[0].PublishedAlso = nil
		r := gold.Score(g, p)
		a := r.Accuracy("published")
		if a.Total != 1 || (a.Right == 1) != tt.want {
			t.Errorf("published %q also %v, predicted %q: %d/%d, want right=%v", tt.gold, tt.also, tt.pred, a.Right, a.Total, tt.want)
		}
	}
}

func TestScoreAliases(t *testing.T) {
	g := goldFile()
	// The system calls Moon Jae-in "Mun Jae-in" and knows the gold spelling
	// only as an alias.
	rename := func(f *gold.File, aliases []string) {
		a := &f.Articles[0]
		a.Officials[2] = gold.Official{Name: "Mun Jae-in", Country: "KR", Aliases: aliases}
		a.Holds[1].Official = "Mun Jae-in"
		a.Meetings[1].Participants[0] = "Mun Jae-in"
		a.Meetings[2].Participants[0] = "Mun Jae-in"
	}
	p := clone(g)
	rename(p, []string{"Moon Jae In"})
	r := gold.Score(g, p)
	for _, name := range []string{"officials", "met", "meetings", "planned", "holds"} {
		if f := r.Figure(name); f.FP != 0 || f.FN != 0 {
			t.Errorf("with the alias, %s: %+v, want no FP or FN", name, counts{f.TP, f.FP, f.FN})
		}
	}
	p = clone(g)
	rename(p, nil)
	r = gold.Score(g, p)
	for name, want := range map[string]counts{
		"officials": {2, 1, 1}, "met": {1, 1, 1}, "meetings": {1, 1, 1}, "planned": {0, 1, 1}, "holds": {1, 1, 1},
	} {
		if got := figureCounts(r, name); got != want {
			t.Errorf("without the alias, %s: %+v, want %+v", name, got, want)
		}
	}
	// Names equal after case folding and without spaces, hyphens and dots
	// need no alias.
	p = clone(g)
	p.Articles[0].Officials[2].Name = "MOON JAE IN"
	p.Articles[0].Meetings[1].Participants[0] = "Moon Jaein"
	if f := gold.Score(g, p).Figure("officials"); f.FP+f.FN != 0 {
		t.Errorf("Moon Jae-in written MOON JAE IN: officials %+v", counts{f.TP, f.FP, f.FN})
	}
	if f := gold.Score(g, p).Figure("meetings"); f.FP+f.FN != 0 {
		t.Errorf("Moon Jae-in written Moon Jaein: meetings %+v", counts{f.TP, f.FP, f.FN})
	}
}

func TestScoreSameSetTwice(t *testing.T) {
	g := goldFile()
	a := &g.Articles[0]
	a.Meetings = []gold.Meeting{
		{Participants: []string{"Donald Trump", "Kim Jong Un"}, Status: "held", Date: "2018-06-12", Kind: "summit", Topics: []string{}},
		{Participants: []string{"Kim Jong Un", "Donald Trump"}, Status: "held", Date: "2019-02-27", Kind: "summit", Topics: []string{}},
	}
	tests := []struct {
		name     string
		dates    []string
		meetings counts
	}{
		{"both", []string{"2018-06-12", "2019-02-27"}, counts{2, 0, 0}},
		{"one", []string{"2019-02-27"}, counts{1, 0, 1}},
		{"wrong date", []string{"2019-02-28"}, counts{0, 1, 2}},
	}
	for _, tt := range tests {
		p := clone(g)
		p.Articles[0].Meetings = nil
		for _, d := range tt.dates {
			p.Articles[0].Meetings = append(p.Articles[0].Meetings, gold.Meeting{
				Participants: []string{"Donald Trump", "Kim Jong Un"}, Status: "held", Date: d, Kind: "summit"})
		}
		r := gold.Score(g, p)
		if got := figureCounts(r, "meetings"); got != tt.meetings {
			t.Errorf("%s: meetings %+v, want %+v", tt.name, got, tt.meetings)
		}
		// met counts the pair once, whatever the meetings.
		if got := figureCounts(r, "met"); got != (counts{1, 0, 0}) {
			t.Errorf("%s: met %+v, want {1 0 0}", tt.name, got)
		}
	}
}

func TestScoreMissingArticle(t *testing.T) {
	g := goldFile()
	r := gold.Score(g, &gold.File{})
	for _, f := range r.Figures {
		if f.TP != 0 || f.FP != 0 {
			t.Errorf("%s: %+v with no prediction", f.Name, f)
		}
	}
	if f := r.Figure("officials"); f.FN != 3 || f.Recall != 0 {
		t.Errorf("officials %+v, want 3 missed, recall 0", f)
	}
	if a := r.Accuracy("published"); a.Right != 0 || a.Total != 1 {
		t.Errorf("published %d/%d, want 0/1", a.Right, a.Total)
	}
	// Articles are matched by base name.
	p := clone(g)
	p.Articles[0].File = "some/dir/x01.txt"
	if f := gold.Score(g, p).Figure("officials"); f.TP != 3 {
		t.Errorf("prediction for some/dir/x01.txt: officials %+v, want 3 TP", f)
	}
}

func TestReportWrite(t *testing.T) {
	g := goldFile()
	p := clone(g)
	p.Articles[0].Meetings = p.Articles[0].Meetings[1:]
	r := gold.Score(g, p)
	var short, long bytes.Buffer
	r.Write(&short, false)
	r.Write(&long, true)
	lines := strings.Split(strings.TrimSpace(short.String()), "\n")
	if want := 1 + len(r.Figures) + 1 + len(r.Accuracies); len(lines) != want {
		t.Errorf("summary has %d lines, want %d:\n%s", len(lines), want, short.String())
	}
	if !strings.HasSuffix(long.String(), short.String()) {
		t.Error("detailed report does not end with the summary")
	}
	if !strings.Contains(long.String(), "missed (in gold, not found):") || !strings.Contains(long.String(), "x01.txt: held [Donald Trump Kim Jong Un] 2018-06-12") {
		t.Errorf("detailed report lacks the missed meeting:\n%s", long.String())
	}
}

func TestLoad(t *testing.T) {
	f, err := gold.Load(filepath.Join("testdata", "small.gold.yaml"))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if len(f.Articles) != 2 {
		t.Fatalf("%d articles, want 2", len(f.Articles))
	}
	a := f.Articles[0]
	if a.File != "x01.txt" || a.Published != "2018-06-12" || !reflect.DeepEqual(a.PublishedAlso, []string{"2018-06-11"}) {
		t.Errorf("article: file %q, published %q also %v", a.File, a.Published, a.PublishedAlso)
	}
	if len(a.Officials) != 3 || len(a.Holds) != 1 || len(a.Meetings) != 2 {
		t.Errorf("article has %d officials, %d holds, %d meetings; want 3, 1, 2", len(a.Officials), len(a.Holds), len(a.Meetings))
	}
	m := a.Meetings[1]
	if m.Status != "planned" || m.Date != "2018-09" || !reflect.DeepEqual(m.LocationAlso, []string{"Pyongyang"}) {
		t.Errorf("planned meeting %+v", m)
	}
	if f.Articles[1].Published != "2019" {
		t.Errorf("second article published %q, want 2019", f.Articles[1].Published)
	}
	// A file scores perfectly against itself.
	r := gold.Score(f, f)
	for _, fig := range r.Figures {
		if fig.F1 != 1 {
			t.Errorf("self-score %s: %+v", fig.Name, fig)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		file, want string
	}{
		{"unknown-field.gold.yaml", "field party not found"},
		{"bad-status.gold.yaml", `status "done", want held or planned`},
		{"bad-published.gold.yaml", "published: day 2018-02-30 does not exist"},
		{"no-file.gold.yaml", "article 1 without file"},
		{"no-such.gold.yaml", "no such file"},
	}
	for _, tt := range tests {
		path := filepath.Join("testdata", tt.file)
		_, err := gold.Load(path)
		if err == nil {
			t.Errorf("Load(%s) succeeded, want an error", tt.file)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), path) {
			t.Errorf("Load(%s) = %q, want it to name %s and say %q", tt.file, err, path, tt.want)
		}
	}
}

// A missed trilateral meeting is reported as three met misses, each naming
// its own pair once (not the whole participant list per pair).
func TestScoreMetMissesNamePairs(t *testing.T) {
	g := goldFile()
	g.Articles[0].Meetings = append(g.Articles[0].Meetings, gold.Meeting{
		Participants: []string{"Moon Jae-in", "Donald Trump", "Kim Jong Un"}, Status: "held", Date: "2019-06-30", Kind: "summit"})
	p := clone(g)
	p.Articles[0].Meetings = p.Articles[0].Meetings[:0]
	r := gold.Score(g, p)
	var met []string
	for _, m := range r.Misses {
		if m.Figure == "met" {
			met = append(met, m.Fact)
		}
	}
	want := []string{"Donald Trump met Kim Jong Un", "Donald Trump met Moon Jae-in", "Kim Jong Un met Moon Jae-in"}
	if !reflect.DeepEqual(met, want) {
		t.Errorf("met misses %q, want %q", met, want)
	}
}

func TestLoadURLAndTitle(t *testing.T) {
	p := filepath.Join(t.TempDir(), "g.yaml")
	text := `articles:
  - file: stories.jsonl#2
    url: https://tin.example.vn/the-gioi/a.html
    title: Hai ngoại trưởng điện đàm
    published: "2025-03-20"
    officials: []
    holds: []
    meetings: []
`
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := gold.Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if a := f.Articles[0]; a.URL != "https://tin.example.vn/the-gioi/a.html" || a.Title != "Hai ngoại trưởng điện đàm" {
		t.Errorf("url %q, title %q", a.URL, a.Title)
	}
}
