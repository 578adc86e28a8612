package extract

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dipgraph/dipgraph/schema"
	"github.com/dipgraph/dipgraph/vntext"
)

// validDate reports a date that exists at its precision (or the zero date).
func validDate(d schema.Date) bool {
	var err error
	switch d.P {
	case schema.Unknown:
		return d == schema.Date{}
	case schema.Year:
		_, err = schema.MakeDate(d.Y)
	case schema.Month:
		_, err = schema.MakeDate(d.Y, d.M)
	case schema.Day:
		_, err = schema.MakeDate(d.Y, d.M, d.D)
	default:
		return false
	}
	return err == nil
}

// TestDateLines reads date lines that do not exist, have two-digit years,
// lie far ahead, or come in other formats: each gives the right date or
// none (the article is then read without a publication date), never a
// wrong one.
func TestDateLines(t *testing.T) {
	tests := []struct {
		line string
		want string // the publication date, "" for none
		or   string // another acceptable reading ("none" for no date)
	}{
		{"date 2021-02-28", "2021-02-28", ""},
		{"Ngày đăng: 31/02/2021 10:15", "", ""},                      // no 31 February
		{"date 2021-02-29", "", ""},                                  // not a leap year
		{"date 2020-02-29", "2020-02-29", ""},                        // a leap year
		{"Ngày đăng: 30/13/2020", "", ""},                            // no month 13
		{"Ngày đăng: 00/12/2020", "", ""},                            // no day 0
		{"Ngày đăng: 09/12/20", "2020-12-09", ""},                    // two-digit year
		{"Cập nhật: 10:15 09.12.20", "2020-12-09", ""},               // two-digit year, dots
		{"date 2100-01-01", "2100-01-01", ""},                        // the last year a date may have
		{"date 2101-01-01", "", ""},                                  // past it: no date
		{"date 9999-12-31", "", ""},                                  // far ahead
		{"Ngày đăng: 01/01/99999", "", ""},                           // a five-digit year
		{"date 2020/12/09", "2020-12-09", "2020"},                    // slashes after a year: the year at least
		{"Thứ Ba, 09/12/2020 - 10:15 (GMT+7)", "2020-12-09", "none"}, // no label before the weekday
		{"December 9, 2020", "2020-12-09", "none"},
		{"9 tháng 12 năm 2020", "2020-12-09", "none"},
		{"Ngày 9 tháng 12 năm 2020", "2020-12-09", "none"},
		{"2020年12月9日", "2020-12-09", "none"},
		{"date 2020-12-09T10:15:00+07:00", "2020-12-09", ""},
		{"date", "", ""},
		{"Ngày đăng: ", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.line, func(t *testing.T) {
			text := tc.line + "\nHai bên đã hội đàm tại Seoul.\n"
			got := parseLayout(text).published
			ok := got.String() == tc.want || tc.or == "none" && got.IsZero() || tc.or != "" && got.String() == tc.or
			if !ok {
				t.Errorf("date line %q read as %q, want %q", tc.line, got, tc.want)
			}
			if !validDate(got) {
				t.Errorf("date line %q gave an invalid date %+v", tc.line, got)
			}
		})
	}
}

// TestTwoDigitYearPivot: a two-digit year in a date line is the nearest
// such year (POSIX: 69–99 are 1969–1999), not always 20xx.
func TestTwoDigitYearPivot(t *testing.T) {
	for line, want := range map[string]string{
		"Ngày đăng: 05/06/99": "1999-06-05",
		"Ngày đăng: 05/06/68": "2068-06-05",
		"Ngày đăng: 05/06/00": "2000-06-05",
	} {
		if got := parseLayout(line + "\nHai bên hội đàm.\n").published.String(); got != want {
			t.Errorf("date line %q read as %q, want %q", line, got, want)
		}
	}
}

// TestBadDatesInText: dates in the body that do not exist are not read as
// dates; those that do resolve to real days.
func TestBadDatesInText(t *testing.T) {
	pub := schema.DayDate(2021, 3, 10)
	tests := []struct {
		text string
		want []string // resolved dates, in order
	}{
		{"ngày 31/2 hai bên hội đàm", nil},
		{"ngày 30 tháng 2 năm 2020", []string{"2020-02"}}, // no such day: the month stands

		{"ngày 29/2 năm ngoái", []string{"2020-02-29"}}, // 2021 has none: the nearest year that has
		{"ngày 29/2/2021", []string{"2021-02"}},
		{"tháng 13/2020", nil},
		{"ngày 99/99/9999", nil},
		{"ngày 123456789/1/2020", []string{"2020-01"}},
		{"năm 2150 và năm 1850", nil},
		{"năm 2100", []string{"2100"}},
		{"ngày 12/12/20", []string{"2020-12-12"}}, // d/m, the year left out
		{"ngày 1/1/2099 và hôm sau", []string{"2099-01-01", "2099-01-02"}},
		{"một ngày trước đó", nil}, // no day yet to count from
		{"hôm qua", []string{"2021-03-09"}},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			toks := vntext.Tokenize(tc.text)
			r := resolver{published: pub, year: pub.Y}
			var got []string
			for _, e := range findDates(toks, 0, len(toks)) {
				d := r.resolve(e)
				if !validDate(d) {
					t.Fatalf("%q resolved to an invalid date %+v", tc.text, d)
				}
				if !d.IsZero() {
					got = append(got, d.String())
					r.note(e, d)
				}
			}
			if strings.Join(got, " ") != strings.Join(tc.want, " ") {
				t.Errorf("%q: dates %q, want %q", tc.text, got, tc.want)
			}
		})
	}
}

// FuzzDates runs the date finder, the resolver and the date line reader
// on arbitrary text: spans in range, and only dates that exist.
//
//	go test ./extract -run='^$' -fuzz=FuzzDates -fuzztime=60s
func FuzzDates(f *testing.F) {
	for _, s := range []string{
		"date 2020-02-29\nngày 31/2, ngày 29/2 và 3 ngày sau đó",
		"Ngày đăng: 09/12/20 10:15\nhôm qua, cùng ngày, hôm sau",
		"tháng 12/2020, tháng 13/2020, năm 2100, năm 99999999999",
		"ngày 9 tháng 12 năm 2020; 9-12-2020; 12.2020; trước đó hai ngày",
		"Cập nhật: 10:15 31.12.99 (GMT+7)",
		"0/0/0 00/00/0000 1/1 1-1-1",
	} {
		f.Add(s, 2021, 3, 10)
	}
	f.Fuzz(func(t *testing.T, text string, y, m, d int) {
		lay := parseLayout(text)
		if !validDate(lay.published) {
			t.Fatalf("date line gave %+v", lay.published)
		}
		if lay.body < 0 || lay.body > len(text) || lay.furniture < lay.body && lay.furniture != len(text) || lay.furniture > len(text) {
			t.Fatalf("layout out of the text: body %d furniture %d of %d", lay.body, lay.furniture, len(text))
		}
		pub, err := schema.MakeDate(y, m, d)
		if err != nil {
			pub = lay.published
		}
		toks := vntext.Tokenize(text)
		r := resolver{published: pub, year: pub.Y}
		for _, e := range findDates(toks, 0, len(toks)) {
			if e.start < 0 || e.start >= e.end || e.end > len(toks) {
				t.Fatalf("date expression %d-%d outside %d tokens", e.start, e.end, len(toks))
			}
			got := r.resolve(e)
			if !validDate(got) {
				t.Fatalf("%q resolved to %+v", text[toks[e.start].Start:toks[e.end-1].End], got)
			}
			r.note(e, got)
		}
	})
}

// FuzzExtract runs the whole extractor on arbitrary text with the default
// gazetteer: no panic, evidence inside the text, valid dates.
//
//	go test ./extract -run='^$' -fuzz=FuzzExtract -fuzztime=60s
func FuzzExtract(f *testing.F) {
	g := defaultGazetteer(f)
	for _, c := range cases {
		f.Add(c.text)
	}
	f.Add("Tổng thống")
	f.Add(" date 2019-02-26\nNgoại trưởng Hàn-Mỹ điện đàm. Hai nhà lãnh đạo đã gặp nhau hôm qua tại Hà Nội./.")
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return // the reader hands the extractor UTF-8 only
		}
		r := Extract(g, "f", text, Options{})
		if !validDate(r.Published) {
			t.Fatalf("published %+v", r.Published)
		}
		for _, s := range r.Sentences {
			if s.Start < 0 || s.Start > s.End || s.End > len(text) || text[s.Start:s.End] != s.Text {
				t.Fatalf("sentence %d-%d outside the text", s.Start, s.End)
			}
		}
		for _, m := range r.Meetings {
			if len(m.Participants) < 2 || !validDate(m.Date) {
				t.Fatalf("meeting %+v", m)
			}
			for _, si := range m.Sentences {
				if si < 0 || si >= len(r.Sentences) {
					t.Fatalf("meeting evidence %d of %d sentences", si, len(r.Sentences))
				}
			}
		}
	})
}

// TestOneLineArticle: an article that comes as one line (a scraper that
// dropped the line breaks) keeps its text after a photo credit on the date
// line: only a short credit is furniture.
func TestOneLineArticle(t *testing.T) {
	text := " date 2020-01-02 Photo : YONHAP News Bộ trưởng Ngoại giao hai nước đã hội đàm tại Seoul ngày 2/1. Hai bên nhất trí tăng cường hợp tác."
	lay := parseLayout(text)
	if lay.published.String() != "2020-01-02" {
		t.Errorf("published %q", lay.published)
	}
	if body := text[lay.body:lay.furniture]; !strings.Contains(body, "hội đàm tại Seoul") {
		t.Errorf("the body %q lost the article's text", body)
	}
}
