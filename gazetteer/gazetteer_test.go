package gazetteer_test

import (
	"fmt"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/dipgraph/dipgraph/gazetteer"
	"github.com/dipgraph/dipgraph/schema"
	"github.com/dipgraph/dipgraph/vntext"
)

func td(name string) string { return filepath.Join("testdata", name) }

func loadTest(t *testing.T, files ...string) *gazetteer.Gazetteer {
	t.Helper()
	g, err := gazetteer.Load(files...)
	if err != nil {
		t.Fatalf("Load(%v): %v", files, err)
	}
	return g
}

func TestLoadDefault(t *testing.T) {
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatalf("Default(): %v", err)
	}
	if len(gazetteer.DefaultFiles()) == 0 {
		t.Fatal("DefaultFiles() is empty")
	}
	for name, n := range map[string]int{
		"countries": len(g.Countries), "places": len(g.Places), "roles": len(g.Roles),
		"officials": len(g.Officials), "topics": len(g.Topics), "kinds": len(g.Kinds),
	} {
		if n == 0 {
			t.Errorf("default gazetteer has no %s", name)
		}
	}
	for _, id := range []string{"donald-trump", "park-yoon-joo", "kim-jong-un"} {
		if g.Official(id) == nil {
			t.Errorf("default gazetteer lacks official %s", id)
		}
	}
	for _, cc := range []string{"KR", "KP", "US", "FR", "VN"} {
		if g.Country(cc) == nil {
			t.Errorf("default gazetteer lacks country %s", cc)
		}
	}
	if g.Role("kr-vice-foreign-minister") == nil {
		t.Error("default gazetteer lacks role kr-vice-foreign-minister")
	}
	// Load with no files and Load("default") are the default.
	for _, files := range [][]string{nil, {gazetteer.DefaultName}} {
		h := loadTest(t, files...)
		if len(h.Officials) != len(g.Officials) || len(h.Roles) != len(g.Roles) {
			t.Errorf("Load(%v): %d officials, %d roles; Default(): %d, %d", files, len(h.Officials), len(h.Roles), len(g.Officials), len(g.Roles))
		}
	}
}

func TestLoadMerge(t *testing.T) {
	base := loadTest(t, td("base.yaml"))
	g := loadTest(t, td("base.yaml"), td("extra.yaml"))
	if want := []string{td("base.yaml"), td("extra.yaml")}; !reflect.DeepEqual(g.Sources, want) {
		t.Errorf("Sources = %v, want %v", g.Sources, want)
	}
	if len(g.Officials) != len(base.Officials) {
		t.Errorf("merge made %d officials, want %d (entries merged by id)", len(g.Officials), len(base.Officials))
	}
	o := g.Official("lee-ha-na")
	if o == nil {
		t.Fatal("official lee-ha-na missing after merge")
	}
	if o.Name != "Lee Ha-na" || o.Country != "KR" {
		t.Errorf("merged official: name %q, country %q; want the first file's Lee Ha-na, KR", o.Name, o.Country)
	}
	if want := []string{"Hana Lee", "Ri Ha-na"}; !reflect.DeepEqual(o.Aliases, want) {
		t.Errorf("merged aliases = %v, want %v", o.Aliases, want)
	}
	if len(o.Roles) != 2 {
		t.Fatalf("merged tenures = %+v, want 2", o.Roles)
	}
	first, second := o.Roles[0], o.Roles[1]
	if first.Pos.File != td("base.yaml") || second.Pos.File != td("extra.yaml") || second.Pos.Line != 6 {
		t.Errorf("tenure positions %v, %v; want base.yaml then extra.yaml:6", first.Pos, second.Pos)
	}
	if second.From != schema.MonthDate(2023, 3) || !second.To.IsZero() {
		t.Errorf("second tenure %s–%s, want 2023-03 open-ended", second.From, second.To)
	}
	// The merged aliases match; without extra.yaml they do not.
	for _, text := range []string{"Hana Lee", "Ri Ha-na"} {
		if got := officialIDs(g, text); !reflect.DeepEqual(got, []string{"lee-ha-na"}) {
			t.Errorf("merged Scan(%q) officials = %v, want [lee-ha-na]", text, got)
		}
		if got := officialIDs(base, text); len(got) != 0 {
			t.Errorf("base Scan(%q) officials = %v, want none", text, got)
		}
	}
	// The original gazetteer is not changed by a later load.
	if n := len(base.Official("lee-ha-na").Aliases); n != 0 {
		t.Errorf("base lee-ha-na has %d aliases after another Load", n)
	}
}

func TestLoadMergeConflict(t *testing.T) {
	_, err := gazetteer.Load(td("base.yaml"), td("conflict.yaml"))
	want := []string{td("conflict.yaml") + `:3:5: country "US" disagrees with the earlier definition "KR"`}
	if got := problemStrings(t, err); !reflect.DeepEqual(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func problemStrings(t *testing.T, err error) []string {
	t.Helper()
	if err == nil {
		t.Fatal("Load succeeded, want problems")
	}
	ps, ok := gazetteer.IsProblems(err)
	if !ok {
		t.Fatalf("error %v (%T) is not Problems", err, err)
	}
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.String()
	}
	if err.Error() != strings.Join(out, "\n") {
		t.Errorf("Error() = %q, want the problems one a line", err.Error())
	}
	return out
}

// checkProblems are the problems of bad.yaml and malformed.yaml, each
// file in line order.
var checkProblems = []string{
	`testdata/bad.yaml:7:5: unknown field "flag" in country (known: code, compound, covered, name, name_order, names, offices, slug, vacant)`,
	`testdata/bad.yaml:13:5: duplicate role id "kr-vice-foreign-minister" (first at line 9)`,
	`testdata/bad.yaml:20:24: official kim-one: empty alias`,
	`testdata/bad.yaml:20:28: official kim-one: one-letter alias "K"`,
	`testdata/bad.yaml:22:9: role tenure kr-vice-foreign-minister ends (2020-01) before it starts (2021-05)`,
	`testdata/bad.yaml:24:9: official kim-one: tenure of kr-vice-foreign-minister from 2019-06 overlaps the one from 2018-01 (line 23)`,
	`testdata/bad.yaml:25:9: official kim-one: unknown role "kr-foreign-minister"`,
	`testdata/bad.yaml:26:5: official kim-two: unknown country "XX"`,
	`testdata/bad.yaml:29:15: alias "Kim Sam" of official kim-two is also a name of official kim-one (line 17)`,
	`testdata/malformed.yaml:2:1: malformed YAML: did not find expected ',' or ']'`,
}

// TestCheckProblems loads two broken files and expects every problem at
// once, each as file:line:col: message.
func TestCheckProblems(t *testing.T) {
	for _, files := range [][]string{
		{td("bad.yaml"), td("malformed.yaml")},
		{td("malformed.yaml"), td("bad.yaml")},
	} {
		_, err := gazetteer.Load(files...)
		got := problemStrings(t, err)
		sorted := append([]string(nil), got...)
		sort.Strings(sorted)
		want := append([]string(nil), checkProblems...)
		sort.Strings(want)
		if !reflect.DeepEqual(sorted, want) {
			t.Errorf("Load(%v) problems:\n%s\nwant (in any order):\n%s", files, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

// TestCheckProblemsOrder checks the promise of Problems: every problem
// "in file and line order", files in the order given.
func TestCheckProblemsOrder(t *testing.T) {
	_, err := gazetteer.Load(td("bad.yaml"), td("malformed.yaml"))
	if got := problemStrings(t, err); !reflect.DeepEqual(got, checkProblems) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(checkProblems, "\n"))
	}
}

func TestLoadMissingFile(t *testing.T) {
	_, err := gazetteer.Load(td("base.yaml"), td("no-such-file.yaml"))
	got := problemStrings(t, err)
	if len(got) != 1 || !strings.HasPrefix(got[0], td("no-such-file.yaml")+": ") {
		t.Errorf("problems %q, want one naming %s", got, td("no-such-file.yaml"))
	}
}

func TestParse(t *testing.T) {
	g, err := gazetteer.Parse("inline", []byte("countries:\n  - {code: KR, name: South Korea, names: [Hàn Quốc]}\n"))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if g.Country("KR") == nil {
		t.Error("Parse lost country KR")
	}
	_, err = gazetteer.Parse("inline", []byte("countries:\n  - {code: kr, name: x}\n"))
	want := []string{`inline:2:5: country code "kr": want two upper-case letters (ISO 3166-1 alpha-2)`}
	if got := problemStrings(t, err); !reflect.DeepEqual(got, want) {
		t.Errorf("problems %q, want %q", got, want)
	}
}

func TestSurnameOf(t *testing.T) {
	tests := []struct {
		o    gazetteer.Official
		want string
	}{
		{gazetteer.Official{Name: "Park Yoon-joo", Country: "KR"}, "Park"},
		{gazetteer.Official{Name: "Kim Jong Un", Country: "KP"}, "Kim"},
		{gazetteer.Official{Name: "Xi Jinping", Country: "CN"}, "Xi"},
		{gazetteer.Official{Name: "Christopher Landau", Country: "US"}, "Landau"},
		{gazetteer.Official{Name: "Nguyễn Phú Trọng", Country: "VN", Surname: "Trọng"}, "Trọng"},
		{gazetteer.Official{Name: "", Country: "US"}, ""},
		{gazetteer.Official{Name: "Saleumxay Kommasith", Country: "LA"}, "Saleumxay"},
		{gazetteer.Official{Name: "Don Pramudwinai", Country: "TH"}, "Don"},
	}
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		if got := g.SurnameOf(&tt.o); got != tt.want {
			t.Errorf("SurnameOf(%q, %s) = %q, want %q", tt.o.Name, tt.o.Country, got, tt.want)
		}
	}
}

func TestTenureCovers(t *testing.T) {
	march := gazetteer.Tenure{From: schema.MonthDate(2025, 3)}
	toJan := gazetteer.Tenure{From: schema.DayDate(2019, 8, 1), To: schema.MonthDate(2021, 1)}
	tests := []struct {
		t    gazetteer.Tenure
		d    schema.Date
		want bool
	}{
		{march, schema.DayDate(2025, 3, 1), true},
		{march, schema.DayDate(2025, 2, 28), false},
		{march, schema.DayDate(2030, 1, 1), true},
		{toJan, schema.DayDate(2021, 1, 31), true},
		{toJan, schema.DayDate(2021, 2, 1), false},
		{toJan, schema.YearDate(2019), true},
		{toJan, schema.MonthDate(2019, 7), false},
	}
	for _, tt := range tests {
		if got := tt.t.Covers(tt.d); got != tt.want {
			t.Errorf("tenure %s–%s Covers(%s) = %v, want %v", tt.t.From, tt.t.To, tt.d, got, tt.want)
		}
	}
}

// found is one name match, written for comparison: the matched text and
// what it denotes ("official:id", "country:CC", "place:id"), "~" when fuzzy.
func found(g *gazetteer.Gazetteer, text string) []string {
	toks := vntext.Tokenize(text)
	var out []string
	for _, m := range g.Scan(toks).Names {
		what := []string{}
		for _, e := range m.Entities {
			switch e.Kind {
			case gazetteer.OfficialEntity:
				what = append(what, "official:"+e.Official.ID)
			case gazetteer.CountryEntity:
				what = append(what, "country:"+e.Country.Code)
			case gazetteer.PlaceEntity:
				what = append(what, "place:"+e.Place.ID)
			}
		}
		fz := ""
		if m.Fuzzy {
			fz = "~"
		}
		out = append(out, fmt.Sprintf("%s%s=%s", fz, text[toks[m.Start].Start:toks[m.End-1].End], strings.Join(what, ",")))
	}
	return out
}

func officialIDs(g *gazetteer.Gazetteer, text string) []string {
	var ids []string
	for _, m := range g.Scan(vntext.Tokenize(text)).Names {
		if o := m.Official(); o != nil {
			ids = append(ids, o.ID)
		}
	}
	return ids
}

func TestScanNames(t *testing.T) {
	g := loadTest(t, td("base.yaml"), td("extra.yaml"))
	tests := []struct {
		name, text string
		want       []string
	}{
		{"longest match wins", "Mark Doe Smith", []string{"Mark Doe Smith=official:mark-doe-smith"}},
		{"shorter name alone", "Mark Doe và ông Doe", []string{"Mark Doe=official:mark-doe", "Doe=official:mark-doe"}},
		{"longest country name", "Đại Hàn Dân Quốc", []string{"Đại Hàn Dân Quốc=country:KR"}},
		{"alias inside a longer word", "Doetown Seoulite Markdoe Smith", nil},
		{"name followed by a longer word", "Mark Doesmith", nil},
		{"country name run into a word", "Hàn Quốca", nil},
		{"punctuation is a boundary", "(Doe), Seoul.", []string{"Doe=official:mark-doe", "Seoul=place:seoul"}},
		{"hyphenated place", "Xơ-un", []string{"Xơ-un=place:seoul"}},
		{"hyphen as space", "Lee Ha na", []string{"Lee Ha na=official:lee-ha-na"}},
		{"hyphenated name joined", "Lee Hana", []string{"Lee Hana=official:lee-ha-na"}},
		{"non-breaking space and hyphen", "Lee\u00a0Ha\u2011na", []string{"Lee\u00a0Ha\u2011na=official:lee-ha-na"}},
		{"zero-width space", "Mark\u200bDoe", []string{"Mark\u200bDoe=official:mark-doe"}},
		{"nfd input", norm.NFD.String("Hàn Quốc và Hoa Kỳ"), []string{norm.NFD.String("Hàn Quốc") + "=country:KR", norm.NFD.String("Hoa Kỳ") + "=country:US"}},
		{"case folded", "HÀN QUỐC", []string{"HÀN QUỐC=country:KR"}},
		{"one-word country capitalised", "Mỹ", []string{"Mỹ=country:US"}},
		{"one-word country in lower case is a word", "mỹ phẩm", nil},
		{"fuzzy name", "Marc Doe Smith", []string{"~Marc Doe Smith=official:mark-doe-smith"}},
		{"no fuzzy on a three-letter word", "Mark Dow Smith", nil},
		{"no fuzzy in lower case", "marc dow smith", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := found(g, tt.text); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Scan(%q) names = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestScanFuzzySameStart: addFuzzy's doc says a slip "may swallow shorter
// exact matches inside its span ..., never one that starts before it or runs
// past it"; an exact match that starts where the slip starts is inside.
func TestScanFuzzySameStart(t *testing.T) {
	g := loadTest(t, td("base.yaml"))
	want := []string{"~Mark Doe Smiht=official:mark-doe-smith"}
	if got := found(g, "Mark Doe Smiht"); !reflect.DeepEqual(got, want) {
		t.Errorf("names = %q, want %q", got, want)
	}
}

func TestScanDefault(t *testing.T) {
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text string
		want       []string
	}{
		{"exact", "Donald Trump", []string{"Donald Trump=official:donald-trump"}},
		{"fuzzy swap", "Donlad Trump", []string{"~Donlad Trump=official:donald-trump"}},
		{"fuzzy drop", "Donald Trum", []string{"~Donald Trum=official:donald-trump"}},
		{"two slips", "Donlad Trum", nil},
		{"lower case, one slip", "donald trum", nil},
		{"second word lower case", "Donald trum", nil},
		{"nbsp", "Tổng thống Donald\u00a0Trump", []string{"Donald\u00a0Trump=official:donald-trump"}},
		{"nfd", norm.NFD.String("Ngoại trưởng Pháp"), []string{norm.NFD.String("Pháp") + "=country:FR"}},
		{"one-word country capitalised", "Pháp", []string{"Pháp=country:FR"}},
		{"one-word country inside an ordinary phrase", "các biện pháp trừng phạt", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := found(g, tt.text); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Scan(%q) names = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func titleRoles(tm gazetteer.TitleMatch) map[string][]string {
	out := map[string][]string{}
	for _, r := range tm.Roles {
		out[r.Role.ID] = r.Countries
	}
	return out
}

func TestScanTitles(t *testing.T) {
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	text := "Thứ trưởng Bộ Ngoại giao Hàn Quốc Park Yoon-joo"
	toks := vntext.Tokenize(text)
	sc := g.Scan(toks)
	if len(sc.Titles) != 1 {
		t.Fatalf("Scan(%q): %d titles %+v, want 1", text, len(sc.Titles), sc.Titles)
	}
	tm := sc.Titles[0]
	if tm.Start != 0 {
		t.Errorf("title starts at token %d, want 0", tm.Start)
	}
	if got := titleRoles(tm)["kr-vice-foreign-minister"]; !reflect.DeepEqual(got, []string{"KR"}) {
		t.Errorf("title roles %v: want kr-vice-foreign-minister carrying [KR]", titleRoles(tm))
	}
	if got := officialIDs(g, text); !reflect.DeepEqual(got, []string{"park-yoon-joo"}) {
		t.Errorf("officials %v, want [park-yoon-joo]", got)
	}
	t.Run("country inside", func(t *testing.T) {
		if !reflect.DeepEqual(tm.Countries, []string{"KR"}) || tm.End != 7 {
			t.Errorf("title [%d,%d) Countries %v, want [0,7) [KR]", tm.Start, tm.End, tm.Countries)
		}
	})
	// A country in the middle of a title is inside its span.
	text = "Đại sứ Mỹ tại Hàn Quốc"
	sc = g.Scan(vntext.Tokenize(text))
	if len(sc.Titles) != 1 {
		t.Fatalf("Scan(%q): %d titles, want 1", text, len(sc.Titles))
	}
	if tm := sc.Titles[0]; len(tm.Countries) == 0 || tm.Countries[0] != "US" {
		t.Errorf("Scan(%q) title Countries %v, want US first", text, tm.Countries)
	}
	if _, ok := titleRoles(sc.Titles[0])["us-ambassador-to-korea"]; !ok {
		t.Errorf("Scan(%q) title roles %v, want us-ambassador-to-korea", text, titleRoles(sc.Titles[0]))
	}
}

func TestScanTopicsTriggers(t *testing.T) {
	g := loadTest(t, td("base.yaml"))
	text := "Hai bên hội đàm về hiệp định thương mại tự do và thương mại. Ông gặp Mark Doe."
	toks := vntext.Tokenize(text)
	sc := g.Scan(toks)
	phrase := func(s, e int) string { return text[toks[s].Start:toks[e-1].End] }
	var topics, triggers []string
	for _, m := range sc.Topics {
		topics = append(topics, m.Topic.ID+":"+phrase(m.Start, m.End))
	}
	for _, m := range sc.Triggers {
		triggers = append(triggers, fmt.Sprintf("%s:%s:%v", m.Kind.ID, phrase(m.Start, m.End), m.Direct))
	}
	if want := []string{"trade:hiệp định thương mại tự do", "trade:thương mại"}; !reflect.DeepEqual(topics, want) {
		t.Errorf("topics %q, want %q", topics, want)
	}
	if want := []string{"talks:hội đàm:false", "talks:gặp:true"}; !reflect.DeepEqual(triggers, want) {
		t.Errorf("triggers %q, want %q", triggers, want)
	}
}

func TestTitleHead(t *testing.T) {
	g := loadTest(t, td("base.yaml"))
	toks := vntext.Tokenize("Thứ trưởng Lee")
	end, roles := g.TitleHead(toks, 0)
	if end != 2 || len(roles) != 1 || roles[0].Role.ID != "kr-vice-foreign-minister" {
		t.Errorf("TitleHead = %d, %+v; want 2, [kr-vice-foreign-minister]", end, roles)
	}
	if end, _ := g.TitleHead(vntext.Tokenize("ông Lee"), 0); end != -1 {
		t.Errorf("TitleHead(ông Lee) = %d, want -1", end)
	}
	if got := g.OfficialsBySurname("lee"); len(got) != 1 || got[0].ID != "lee-ha-na" {
		t.Errorf("OfficialsBySurname(lee) = %v, want [lee-ha-na]", got)
	}
}

// concurrentText is made-up news text exercising every part of Scan.
const concurrentText = `Ngày 3/5, Thứ trưởng Bộ Ngoại giao Hàn Quốc Park Yoon-joo hội đàm với
Thứ trưởng Ngoại giao Mỹ tại Oa-sinh-tơn. Hai bên trao đổi về phi hạt nhân hóa
bán đảo Triều Tiên và thương mại. Tổng thống Donlad Trump gặp Chủ tịch Kim Jong Un;
Ngoại trưởng Pháp điện đàm với Bộ trưởng Ngoại giao Nhật Bản về các biện pháp mới.
`

// TestScanConcurrent scans one text from 8 goroutines; run it with -race.
func TestScanConcurrent(t *testing.T) {
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	toks := vntext.Tokenize(strings.Repeat(concurrentText, 20))
	want := g.Scan(toks)
	if len(want.Names) == 0 || len(want.Titles) == 0 || len(want.Topics) == 0 || len(want.Triggers) == 0 {
		t.Fatalf("sequential Scan found %d names, %d titles, %d topics, %d triggers; want some of each",
			len(want.Names), len(want.Titles), len(want.Topics), len(want.Triggers))
	}
	const workers, rounds = 8, 20
	results := make([][]gazetteer.Scan, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range rounds {
				results[w] = append(results[w], g.Scan(toks))
			}
		}()
	}
	wg.Wait()
	for w, rs := range results {
		for i, got := range rs {
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("goroutine %d round %d: Scan differs from the sequential result", w, i)
			}
		}
	}
}

func ExampleLoad() {
	g, err := gazetteer.Load("testdata/base.yaml", "testdata/extra.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	text := "Thứ trưởng Ngoại giao Hàn Quốc Ri Ha-na hội đàm với Ngoại trưởng Mark Doe Smith."
	toks := vntext.Tokenize(text)
	sc := g.Scan(toks)
	for _, m := range sc.Names {
		span := text[toks[m.Start].Start:toks[m.End-1].End]
		switch {
		case m.Official() != nil:
			fmt.Printf("%s: official %s\n", span, m.Official().ID)
		case m.Country() != nil:
			fmt.Printf("%s: country %s\n", span, m.Country().Code)
		}
	}
	for _, tm := range sc.Titles {
		for _, r := range tm.Roles {
			fmt.Printf("title %q: %s %v\n", text[toks[tm.Start].Start:toks[tm.End-1].End], r.Role.ID, r.Countries)
		}
	}
	for _, tr := range sc.Triggers {
		fmt.Printf("trigger %q: %s\n", text[toks[tr.Start].Start:toks[tr.End-1].End], tr.Kind.ID)
	}
	// Output:
	// Hàn Quốc: country KR
	// Ri Ha-na: official lee-ha-na
	// Mark Doe Smith: official mark-doe-smith
	// title "Thứ trưởng Ngoại giao Hàn Quốc": kr-vice-foreign-minister [KR]
	// title "Ngoại trưởng": us-secretary-of-state [US]
	// title "Ngoại trưởng": us-secretary-of-state []
	// trigger "hội đàm": talks
}
