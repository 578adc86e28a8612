package gazetteer_test

import (
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/gazetteer"
	"github.com/dipgraph/dipgraph/vntext"
)

const seriesBase = `countries:
  - {code: XA, name: Xa, names: [Xa Lan]}
  - {code: XB, name: Xb, names: [Xa Bê]}
places:
  - {id: xa-city, name: Xa City, country: XA, aliases: [Thành phố Xa]}
`

// TestSeriesLoad checks that editions load, that the scanner finds a
// series by each of its names, and that bad editions are problems at their
// positions.
func TestSeriesLoad(t *testing.T) {
	g, err := gazetteer.Parse("s.yaml", []byte(seriesBase+`series:
  - id: xa-summit
    name: Xa Summit
    names: [Hội nghị Cấp cao Xa, Xa Summit]
    editions:
      - {n: 3, date: 2019-06, place: xa-city, country: XA}
      - {n: 4, date: 2020-11, country: XB, online: true}
`))
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Series) != 1 || len(g.Series[0].Editions) != 2 {
		t.Fatalf("series: %+v", g.Series)
	}
	e := g.Series[0].Editions
	if e[0].N != 3 || e[0].Date.String() != "2019-06" || e[0].Place != "xa-city" || e[1].Online != true || e[1].Country != "XB" {
		t.Errorf("editions: %+v", e)
	}
	for _, text := range []string{"bên lề Hội nghị cấp cao Xa lần thứ 3", "at the Xa Summit 2019"} {
		sc := g.Scan(vntext.Tokenize(text))
		if len(sc.Series) != 1 || sc.Series[0].Series.ID != "xa-summit" {
			t.Errorf("Scan(%q).Series = %+v", text, sc.Series)
		}
	}

	for _, tt := range []struct{ editions, want string }{
		{"      - {n: 1, date: 2019-06, place: nowhere, country: XA}\n", `s.yaml:11:9: edition of series xa-summit: unknown place "nowhere"`},
		{"      - {n: 1, date: 2019-06, place: xa-city, country: XB}\n", `s.yaml:11:9: edition of series xa-summit: place xa-city is in XA, not XB`},
		{"      - {n: 1, date: 2019-06, place: xa-city}\n", `s.yaml:11:9: edition of series xa-summit: place xa-city without the host country`},
		{"      - {n: 1, place: xa-city, country: XA}\n", `s.yaml:11:9: edition of series xa-summit without date`},
		{"      - {n: 1, date: 2019-13, country: XA}\n", `s.yaml:11:22: month 13 does not exist`},
	} {
		_, err := gazetteer.Parse("s.yaml", []byte(seriesBase+"series:\n  - id: xa-summit\n    name: Xa Summit\n    names: [Hội nghị Cấp cao Xa]\n    editions:\n"+tt.editions))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("edition %q: error %v, want %q", tt.editions, err, tt.want)
		}
	}
}

// TestDefaultSeries checks the default series: each edition inside the
// covered years, numbers rising with dates.
func TestDefaultSeries(t *testing.T) {
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Series) < 10 {
		t.Fatalf("%d series in the default gazetteer", len(g.Series))
	}
	for _, s := range g.Series {
		for k, e := range s.Editions {
			if e.Date.Y < 2015 || e.Date.Y > 2026 {
				t.Errorf("%s edition %d: date %s outside 2015-2026", s.ID, e.N, e.Date)
			}
			if k == 0 {
				continue
			}
			p := s.Editions[k-1]
			if e.Date.Compare(p.Date) < 0 || e.N != 0 && e.N < p.N {
				t.Errorf("%s: edition %d (%s) after %d (%s)", s.ID, e.N, e.Date, p.N, p.Date)
			}
		}
	}
}
