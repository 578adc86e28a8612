package extract

import (
	"testing"

	"github.com/dipgraph/dipgraph/gazetteer"
)

// TestEditionNumber reads the number or year written with a series name
// in the ways the press writes it.
func TestEditionNumber(t *testing.T) {
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		text    string
		n, year int
	}{
		{"bên lề Hội nghị Cấp cao ASEAN lần thứ 43 tại Jakarta", 43, 0},
		{"Hội nghị Ngoại trưởng ASEAN (AMM) lần thứ 52 ở Bangkok", 52, 0},
		{"Hội nghị Bộ trưởng Ngoại giao Hợp tác Mekong – Lan Thương lần thứ năm", 5, 0},
		{"Hội nghị Cấp cao ASEAN lần thứ hai mươi mốt", 21, 0},
		{"Hội nghị Cấp cao ASEAN lần thứ mười lăm", 15, 0},
		{"Hội nghị Cấp cao ASEAN 42 khai mạc", 42, 0},
		{"Khóa họp thứ 78 của Đại hội đồng Liên Hợp Quốc", 78, 0},
		{"Đại hội đồng Liên Hợp Quốc khóa 70", 70, 0},
		{"Tuần lễ Cấp cao APEC 2017 tại Đà Nẵng", 0, 2017},
		{"Hội nghị Thượng đỉnh G20 năm 2019", 0, 2019},
		{"Hội nghị Cấp cao ASEAN sắp tới", 0, 0},
	} {
		x := newDoc(g, "t", tt.text, Options{})
		x.run()
		if len(x.sc.Series) == 0 {
			t.Errorf("%q: no series found", tt.text)
			continue
		}
		sm := x.sc.Series[0]
		n, year := x.editionNumber(sm.Start, sm.End)
		if n != tt.n || year != tt.year {
			t.Errorf("%q: number %d year %d, want %d %d", tt.text, n, year, tt.n, tt.year)
		}
	}
}

// TestEditionRejects keeps another meeting whose name begins with a
// series' name from standing for it.
func TestEditionRejects(t *testing.T) {
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{
		"Hội nghị Bộ trưởng Ngoại giao ASEAN-Trung Quốc lần thứ 20",
		"Hội nghị Bộ trưởng Ngoại giao ASEAN+3 lần thứ 24",
	} {
		x := newDoc(g, "t", text, Options{})
		x.run()
		if len(x.editions) != 0 {
			t.Errorf("%q: editions %+v, want none", text, x.editions)
		}
	}
}
