package schema_test

import (
	"fmt"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/dipgraph/dipgraph/schema"
)

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Park Yoon-joo", "park-yoon-joo"},
		{"Nguyễn Phú Trọng", "nguyen-phu-trong"},
		{norm.NFD.String("Nguyễn Phú Trọng"), "nguyen-phu-trong"},
		{"Đỗ Hùng Việt", "do-hung-viet"},
		{"Donald J. Trump", "donald-j-trump"},
		{"  Kim   Jong--Un  ", "kim-jong-un"},
		{"G7 summit", "g7-summit"},
		{"O'Brien", "o-brien"},
		{"박윤주", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := schema.Slug(tt.in); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNameKeyEqual(t *testing.T) {
	// Each group holds names that are the same (../shared/gold/README.md):
	// equal after NFC, case folding, removing diacritics, spaces, hyphens
	// and dots.
	groups := [][]string{
		{"Jeong Yeon Doo", "Jeong Yeon-doo", "jeongyeondoo", "JEONG YEON DOO"},
		{"Park Yoon-joo", "Park Yoon Joo", "Park Yoonjoo", "Park\u00a0Yoon\u2011joo", "park yoon‐joo"},
		{"Nguyễn Phú Trọng", norm.NFD.String("Nguyễn Phú Trọng"), "Nguyen Phu Trong", "NGUYỄN PHÚ TRỌNG"},
		{"Đỗ Hùng Việt", "Do Hung Viet", "đỗ hùng việt"},
		{"Donald J. Trump", "Donald J Trump", "donaldjtrump"},
	}
	for _, g := range groups {
		want := schema.NameKey(g[0])
		for _, n := range g[1:] {
			if got := schema.NameKey(n); got != want {
				t.Errorf("NameKey(%q) = %q, want %q (= NameKey(%q))", n, got, want, g[0])
			}
		}
	}
}

func TestNameKeyDiffer(t *testing.T) {
	pairs := [][2]string{
		{"Kim Jong Un", "Kim Jong Il"},
		{"Lee Jae-myung", "Lee Jae-in"},
		{"Donald Trump", "Donald Trump Jr"},
	}
	for _, p := range pairs {
		if schema.NameKey(p[0]) == schema.NameKey(p[1]) {
			t.Errorf("NameKey(%q) == NameKey(%q) = %q, want different", p[0], p[1], schema.NameKey(p[0]))
		}
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want schema.Date
		ok   bool
	}{
		{"2021", schema.YearDate(2021), true},
		{"2021-02", schema.MonthDate(2021, 2), true},
		{"2021-02-28", schema.DayDate(2021, 2, 28), true},
		{"2024-02-29", schema.DayDate(2024, 2, 29), true},
		{"2000-02-29", schema.DayDate(2000, 2, 29), true},
		{"1900", schema.YearDate(1900), true},
		{"2100-12-31", schema.DayDate(2100, 12, 31), true},
		{" 2018-06-12\n", schema.DayDate(2018, 6, 12), true},
		{"2021-02-29", schema.Date{}, false},
		{"1900-02-29", schema.Date{}, false},
		{"2021-02-31", schema.Date{}, false},
		{"2021-04-31", schema.Date{}, false},
		{"2021-13", schema.Date{}, false},
		{"2021-00", schema.Date{}, false},
		{"2021-01-00", schema.Date{}, false},
		{"2021-01-32", schema.Date{}, false},
		{"1899", schema.Date{}, false},
		{"2101", schema.Date{}, false},
		{"", schema.Date{}, false},
		{"21", schema.Date{}, false},
		{"02021", schema.Date{}, false},
		{"2021-", schema.Date{}, false},
		{"2021-02-", schema.Date{}, false},
		{"-2021", schema.Date{}, false},
		{"2021-01-02-03", schema.Date{}, false},
		{"2021-001", schema.Date{}, false},
		{"2021/02/03", schema.Date{}, false},
		{"2021-+1", schema.Date{}, false},
		{"2021-1 ", schema.MonthDate(2021, 1), true},
		{"2021- 1", schema.Date{}, false},
		{"+999", schema.Date{}, false},
		{"abcd", schema.Date{}, false},
		{"12 tháng 6", schema.Date{}, false},
	}
	for _, tt := range tests {
		got, err := schema.ParseDate(tt.in)
		if (err == nil) != tt.ok {
			t.Errorf("ParseDate(%q) error = %v, want ok=%v", tt.in, err, tt.ok)
			continue
		}
		if got != tt.want {
			t.Errorf("ParseDate(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}

func TestMakeDate(t *testing.T) {
	tests := []struct {
		ymd  []int
		want schema.Date
		ok   bool
	}{
		{[]int{2018}, schema.YearDate(2018), true},
		{[]int{2018, 6}, schema.MonthDate(2018, 6), true},
		{[]int{2018, 6, 12}, schema.DayDate(2018, 6, 12), true},
		{[]int{2024, 2, 29}, schema.DayDate(2024, 2, 29), true},
		{[]int{2021, 2, 29}, schema.Date{}, false},
		{[]int{2021, 13}, schema.Date{}, false},
		{[]int{2021, 0, 1}, schema.Date{}, false},
		{[]int{2021, 6, -1}, schema.Date{}, false},
		{[]int{1850, 1, 1}, schema.Date{}, false},
		{[]int{}, schema.Date{}, false},
		{[]int{2021, 1, 2, 3}, schema.Date{}, false},
	}
	for _, tt := range tests {
		got, err := schema.MakeDate(tt.ymd...)
		if (err == nil) != tt.ok {
			t.Errorf("MakeDate(%v) error = %v, want ok=%v", tt.ymd, err, tt.ok)
			continue
		}
		if got != tt.want {
			t.Errorf("MakeDate(%v) = %+v, want %+v", tt.ymd, got, tt.want)
		}
	}
}

func TestDateString(t *testing.T) {
	tests := []struct {
		d    schema.Date
		want string
		xsd  string
	}{
		{schema.Date{}, "", "http://www.w3.org/2001/XMLSchema#date"},
		{schema.YearDate(2018), "2018", "http://www.w3.org/2001/XMLSchema#gYear"},
		{schema.MonthDate(2018, 6), "2018-06", "http://www.w3.org/2001/XMLSchema#gYearMonth"},
		{schema.DayDate(2018, 6, 2), "2018-06-02", "http://www.w3.org/2001/XMLSchema#date"},
		{schema.DayDate(1905, 1, 1), "1905-01-01", "http://www.w3.org/2001/XMLSchema#date"},
	}
	for _, tt := range tests {
		if got := tt.d.String(); got != tt.want {
			t.Errorf("%+v.String() = %q, want %q", tt.d, got, tt.want)
		}
		if got := tt.d.XSDType(); got != tt.xsd {
			t.Errorf("%+v.XSDType() = %q, want %q", tt.d, got, tt.xsd)
		}
		if tt.d.IsZero() != (tt.want == "") {
			t.Errorf("%+v.IsZero() = %v", tt.d, tt.d.IsZero())
		}
	}
}

func TestFirstLast(t *testing.T) {
	tests := []struct {
		d           schema.Date
		first, last string
	}{
		{schema.YearDate(2018), "2018-01-01", "2018-12-31"},
		{schema.MonthDate(2024, 2), "2024-02-01", "2024-02-29"},
		{schema.MonthDate(2021, 2), "2021-02-01", "2021-02-28"},
		{schema.MonthDate(2021, 12), "2021-12-01", "2021-12-31"},
		{schema.DayDate(2021, 3, 5), "2021-03-05", "2021-03-05"},
	}
	for _, tt := range tests {
		if got := tt.d.First().String(); got != tt.first {
			t.Errorf("%s.First() = %s, want %s", tt.d, got, tt.first)
		}
		if got := tt.d.Last().String(); got != tt.last {
			t.Errorf("%s.Last() = %s, want %s", tt.d, got, tt.last)
		}
	}
}

func TestCompare(t *testing.T) {
	tests := []struct {
		a, b schema.Date
		want int
	}{
		{schema.DayDate(2018, 6, 12), schema.DayDate(2018, 6, 12), 0},
		{schema.DayDate(2018, 6, 11), schema.DayDate(2018, 6, 12), -1},
		{schema.DayDate(2018, 7, 1), schema.DayDate(2018, 6, 30), 1},
		{schema.DayDate(2017, 12, 31), schema.DayDate(2018, 1, 1), -1},
		// Partial dates compare by their first day.
		{schema.YearDate(2018), schema.DayDate(2018, 1, 1), 0},
		{schema.YearDate(2018), schema.DayDate(2018, 1, 2), -1},
		{schema.MonthDate(2018, 6), schema.DayDate(2018, 5, 31), 1},
		{schema.MonthDate(2018, 6), schema.YearDate(2018), 1},
		{schema.YearDate(2019), schema.MonthDate(2018, 12), 1},
	}
	for _, tt := range tests {
		if got := tt.a.Compare(tt.b); got != tt.want {
			t.Errorf("%s.Compare(%s) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		if got := tt.b.Compare(tt.a); got != -tt.want {
			t.Errorf("%s.Compare(%s) = %d, want %d", tt.b, tt.a, got, -tt.want)
		}
	}
}

func TestWithin(t *testing.T) {
	day := schema.DayDate
	none := schema.Date{}
	tests := []struct {
		d, from, to schema.Date
		want        bool
	}{
		{day(2020, 5, 1), day(2020, 1, 1), day(2020, 12, 31), true},
		{day(2020, 1, 1), day(2020, 1, 1), day(2020, 12, 31), true},
		{day(2020, 12, 31), day(2020, 1, 1), day(2020, 12, 31), true},
		{day(2019, 12, 31), day(2020, 1, 1), day(2020, 12, 31), false},
		{day(2021, 1, 1), day(2020, 1, 1), day(2020, 12, 31), false},
		// Open bounds.
		{day(1990, 1, 1), none, day(2020, 12, 31), true},
		{day(2090, 1, 1), day(2020, 1, 1), none, true},
		{day(2019, 1, 1), day(2020, 1, 1), none, false},
		{day(2019, 1, 1), none, none, true},
		// Partial bounds cover all their days: a tenure from 2025-03 covers
		// the whole of March, one to 2021-01 the whole of January.
		{day(2025, 3, 1), schema.MonthDate(2025, 3), none, true},
		{day(2025, 2, 28), schema.MonthDate(2025, 3), none, false},
		{day(2021, 1, 31), none, schema.MonthDate(2021, 1), true},
		{day(2021, 2, 1), none, schema.MonthDate(2021, 1), false},
		{day(2021, 12, 31), schema.YearDate(2021), schema.YearDate(2021), true},
		// Partial dates count when any of their days lies in the span.
		{schema.YearDate(2020), day(2020, 12, 31), none, true},
		{schema.YearDate(2020), none, day(2020, 1, 1), true},
		{schema.MonthDate(2020, 6), day(2020, 6, 30), day(2020, 7, 5), true},
		{schema.MonthDate(2020, 6), day(2020, 7, 1), day(2020, 7, 5), false},
		{schema.YearDate(2019), day(2020, 1, 1), none, false},
	}
	for _, tt := range tests {
		if got := tt.d.Within(tt.from, tt.to); got != tt.want {
			t.Errorf("%s.Within(%q, %q) = %v, want %v", tt.d, tt.from, tt.to, got, tt.want)
		}
	}
}

func TestAddDays(t *testing.T) {
	tests := []struct {
		d    schema.Date
		n    int
		want string
	}{
		{schema.DayDate(2024, 2, 28), 1, "2024-02-29"},
		{schema.DayDate(2021, 2, 28), 1, "2021-03-01"},
		{schema.DayDate(2021, 12, 31), 1, "2022-01-01"},
		{schema.DayDate(2021, 1, 1), -1, "2020-12-31"},
		{schema.DayDate(2018, 6, 12), 0, "2018-06-12"},
		{schema.DayDate(2018, 6, 12), 365, "2019-06-12"},
		{schema.DayDate(2020, 3, 1), -1, "2020-02-29"},
	}
	for _, tt := range tests {
		if got := tt.d.AddDays(tt.n).String(); got != tt.want {
			t.Errorf("%s.AddDays(%d) = %s, want %s", tt.d, tt.n, got, tt.want)
		}
		if back := tt.d.AddDays(tt.n).AddDays(-tt.n); back != tt.d {
			t.Errorf("%s.AddDays(%d).AddDays(%d) = %s", tt.d, tt.n, -tt.n, back)
		}
		if got := schema.DaysBetween(tt.d, tt.d.AddDays(tt.n)); got != tt.n {
			t.Errorf("DaysBetween(%s, %s) = %d, want %d", tt.d, tt.d.AddDays(tt.n), got, tt.n)
		}
	}
}

func TestMeetingID(t *testing.T) {
	day := schema.DayDate(2018, 6, 12)
	a := schema.MeetingID([]string{"donald-trump", "kim-jong-un"}, day, "a01", 0)
	tests := []struct {
		name string
		id   string
		same bool
	}{
		{"participants reordered", schema.MeetingID([]string{"kim-jong-un", "donald-trump"}, day, "a01", 0), true},
		{"other article, same day", schema.MeetingID([]string{"kim-jong-un", "donald-trump"}, day, "a02", 3), true},
		{"other day", schema.MeetingID([]string{"donald-trump", "kim-jong-un"}, schema.DayDate(2018, 6, 13), "a01", 0), false},
		{"other participants", schema.MeetingID([]string{"donald-trump", "moon-jae-in"}, day, "a01", 0), false},
		{"third participant", schema.MeetingID([]string{"donald-trump", "kim-jong-un", "moon-jae-in"}, day, "a01", 0), false},
		{"month only", schema.MeetingID([]string{"donald-trump", "kim-jong-un"}, schema.MonthDate(2018, 6), "a01", 0), false},
	}
	for _, tt := range tests {
		if (tt.id == a) != tt.same {
			t.Errorf("%s: MeetingID %s vs %s, want same=%v", tt.name, tt.id, a, tt.same)
		}
	}
	// Without a day the meeting belongs to its article and position.
	ps := []string{"b", "a"}
	m := schema.MonthDate(2019, 2)
	if schema.MeetingID(ps, m, "a01", 0) != schema.MeetingID([]string{"a", "b"}, m, "a01", 0) {
		t.Error("MeetingID without a day depends on participant order")
	}
	if schema.MeetingID(ps, m, "a01", 0) == schema.MeetingID(ps, m, "a02", 0) {
		t.Error("MeetingID without a day is the same in two articles")
	}
	if schema.MeetingID(ps, schema.Date{}, "a01", 0) == schema.MeetingID(ps, schema.Date{}, "a01", 1) {
		t.Error("MeetingID without a date is the same for two positions")
	}
	if ps[0] != "b" {
		t.Error("MeetingID sorted its argument in place")
	}
	if len(a) != 16 {
		t.Errorf("MeetingID = %q, want 16 hex digits", a)
	}
}

func TestIRIs(t *testing.T) {
	tests := []struct{ got, want string }{
		{schema.OfficialIRI("park-yoon-joo"), "official/park-yoon-joo"},
		{schema.MeetingIRI("5f0c"), "meeting/5f0c"},
		{schema.TopicIRI("alliance"), "topic/alliance"},
		{schema.RoleIRI("us-president"), "role/us-president"},
		{schema.PlaceIRI("seoul"), "place/seoul"},
		{schema.CountryIRI("KR"), "country/KR"},
		{schema.ArticleIRI("000_aa9c"), "article/000_aa9c"},
		{schema.FactIRI("ab12"), "fact/ab12"},
		{schema.SentenceIRI("000_aa9c", 120, 388), "sentence/000_aa9c/120-388"},
		{schema.ArticleID("/x/y/000_aa9c9012e0810d19.txt"), "000_aa9c9012e0810d19"},
		{schema.ArticleID("a01.v2.txt"), "a01.v2"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
	if schema.FactID("a", "bc") == schema.FactID("ab", "c") {
		t.Error("FactID(a, bc) == FactID(ab, c)")
	}
}

func TestSplitSentenceIRI(t *testing.T) {
	tests := []struct {
		iri, article, span string
		ok                 bool
	}{
		{schema.SentenceIRI("000_aa9c", 120, 388), "000_aa9c", "120-388", true},
		{schema.SentenceIRI("a-b.v2", 0, 7), "a-b.v2", "0-7", true},
		{"sentence/x/12", "", "", false},
		{"sentence//1-2", "", "", false},
		{"sentence/x/1-", "", "", false},
		{"sentence/x/a-2", "", "", false},
		{"article/x/1-2", "", "", false},
	}
	for _, tt := range tests {
		a, s, ok := schema.SplitSentenceIRI(tt.iri)
		if a != tt.article || s != tt.span || ok != tt.ok {
			t.Errorf("SplitSentenceIRI(%q) = %q, %q, %v; want %q, %q, %v", tt.iri, a, s, ok, tt.article, tt.span, tt.ok)
		}
	}
}

func ExampleSlug() {
	fmt.Println(schema.Slug("Park Yoon-joo"))
	fmt.Println(schema.Slug("Nguyễn Phú Trọng"))
	// Output:
	// park-yoon-joo
	// nguyen-phu-trong
}

func ExampleNameKey() {
	fmt.Println(schema.NameKey("Jeong Yeon Doo"))
	fmt.Println(schema.NameKey("Jeong Yeon Doo") == schema.NameKey("Jeong Yeon-doo"))
	// Output:
	// jeongyeondoo
	// true
}

func ExampleParseDate() {
	for _, s := range []string{"2018", "2018-06", "2024-02-29", "2021-02-29"} {
		d, err := schema.ParseDate(s)
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		fmt.Println(d, d.First(), d.Last())
	}
	// Output:
	// 2018 2018-01-01 2018-12-31
	// 2018-06 2018-06-01 2018-06-30
	// 2024-02-29 2024-02-29 2024-02-29
	// error: day 2021-02-29 does not exist
}

func ExampleDate_Within() {
	tenure := struct{ from, to schema.Date }{schema.MonthDate(2025, 3), schema.Date{}}
	fmt.Println(schema.DayDate(2025, 3, 1).Within(tenure.from, tenure.to))
	fmt.Println(schema.DayDate(2025, 2, 28).Within(tenure.from, tenure.to))
	// Output:
	// true
	// false
}
