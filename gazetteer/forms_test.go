package gazetteer_test

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/gazetteer"
	"github.com/dipgraph/dipgraph/vntext"
)

// denoted lists what the default gazetteer reads in a text, one entry per
// name: "place:id" when the name is a place (a city-state's name is also
// its country's), else "country:CC", else "province:CC/id".
func denoted(g *gazetteer.Gazetteer, text string) []string {
	var out []string
	for _, m := range g.Scan(vntext.Tokenize(text)).Names {
		if p := m.Place(); p != nil {
			out = append(out, "place:"+p.ID)
		} else if c := m.Country(); c != nil {
			out = append(out, "country:"+c.Code)
		} else {
			for _, e := range m.Entities {
				if e.Kind == gazetteer.ProvinceEntity {
					out = append(out, "province:"+e.Province.Country+"/"+e.Province.ID)
				}
			}
		}
	}
	return out
}

// The ways Vietnamese news writes foreign countries and cities: the
// modern (romanised) form, the Sino-Vietnamese one, and the older
// phonetic transliterations, hyphenated (Nhân Dân) or joined (VNA). Each
// sentence is written for this test; every spelling of one country or
// city must give the same id.
func TestDefaultVietnameseForms(t *testing.T) {
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		want  string
		forms []string // each is put in the sentence in turn
		text  string   // %s: the form
	}{
		{"country:AR", []string{"Argentina", "Achentina", "Ác-hen-ti-na"}, "Hội nghị diễn ra ở %s."},
		{"country:BR", []string{"Brazil", "Braxin", "Bra-xin"}, "Đoàn đại biểu đã tới %s hôm qua."},
		{"country:MX", []string{"Mexico", "Mêhicô", "Mê-hi-cô"}, "Tổng thống %s phát biểu."},
		{"country:AU", []string{"Australia", "Úc", "Ôxtrâylia", "Ô-xtrây-li-a"}, "Thủ tướng %s phát biểu."},
		{"country:NZ", []string{"New Zealand", "Niu Dilân", "Niu Di-lân"}, "Hai bên ký kết tại %s."},
		{"country:CA", []string{"Canada", "Canađa", "Ca-na-đa"}, "Đại sứ %s trình quốc thư."},
		{"country:MM", []string{"Myanmar", "Mianma", "Mi-an-ma", "Miến Điện"}, "Tình hình %s được thảo luận."},
		{"country:PH", []string{"Philippines", "Philippin", "Philíppin", "Phi-líp-pin", "Phi-li-pin"}, "Tổng thống %s phát biểu."},
		{"country:IL", []string{"Israel", "Ixraen", "I-xra-en"}, "Ngoại trưởng %s cho biết."},
		{"country:PS", []string{"Palestine", "Palextin", "Pa-le-xtin"}, "Vấn đề %s được nêu ra."},
		{"country:SY", []string{"Syria", "Xiri", "Xi-ri", "Xyri"}, "Hai bên bàn về %s."},
		{"country:SA", []string{"Ả Rập Xê-út", "A-rập Xê-út", "Arập Xêút", "Saudi Arabia"}, "Quốc vương %s tiếp đoàn."},
		{"country:QA", []string{"Qatar", "Cata", "Ca-ta"}, "Các cuộc đàm phán ở %s kết thúc."},
		{"country:AE", []string{"UAE", "Các Tiểu vương quốc Arập Thống nhất", "Các Tiểu vương quốc A-rập Thống nhất"}, "Tổng thống %s phát biểu."},
		{"country:TR", []string{"Thổ Nhĩ Kỳ", "Thổ Nhĩ Kì"}, "Ngoại trưởng %s cho biết."},
		{"country:TZ", []string{"Tanzania", "Tandania", "Tan-da-ni-a"}, "Tổng thống %s phát biểu."},
		{"country:KZ", []string{"Kazakhstan", "Cadắcxtan", "Ca-dắc-xtan"}, "Tổng thống %s phát biểu."},
		{"country:UA", []string{"Ukraine", "Ucraina", "U-crai-na"}, "Xung đột ở %s kéo dài."},
		{"country:SI", []string{"Slovenia", "Xlôvenia", "Xlô-ve-ni-a"}, "Thủ tướng %s phát biểu."},
		// A country's name inside a longer one is not that country.
		{"country:GN", []string{"Guinea", "Ghinê", "Ghi-nê"}, "Tổng thống %s phát biểu."},
		{"country:GQ", []string{"Guinea Xích đạo", "Ghinê Xích đạo", "Ghi-nê Xích đạo"}, "Tổng thống %s phát biểu."},
		{"country:GW", []string{"Guinea-Bissau", "Ghinê Bítxao", "Ghi-nê Bít-xao"}, "Tổng thống %s phát biểu."},
		{"country:DO", []string{"Cộng hòa Dominica", "Cộng hòa Đôminica"}, "Tổng thống %s phát biểu."},
		{"country:DM", []string{"Dominica", "Đôminica"}, "Thủ tướng %s phát biểu."},
		{"place:washington", []string{"Washington", "Oasinhtơn", "Oa-sinh-tơn"}, "Hai bên hội đàm tại %s."},
		{"place:moscow", []string{"Moskva", "Mátxcơva", "Matxcơva", "Mát-xcơ-va"}, "Cuộc gặp diễn ra ở %s."},
		{"place:tokyo", []string{"Tokyo", "Tôkyô", "Tô-ky-ô"}, "Hai bên hội đàm tại %s."},
		{"place:seoul", []string{"Seoul", "Xơun", "Xơ-un"}, "Hai bên hội đàm tại %s."},
		{"place:jakarta", []string{"Jakarta", "Giacácta", "Giắc-các-ta", "Gia-các-ta"}, "Hội nghị diễn ra tại %s."},
		{"place:kuala-lumpur", []string{"Kuala Lumpur", "Cuala Lămpơ", "Cu-a-la Lăm-pơ"}, "Hội nghị diễn ra tại %s."},
		{"place:new-delhi", []string{"New Delhi", "Niu Đêli", "Niu Đê-li"}, "Hội nghị diễn ra tại %s."},
		{"place:rio-de-janeiro", []string{"Rio de Janeiro", "Ri-ô đê Gia-nê-rô", "Ri-ô đơ Gia-nê-rô"}, "Hội nghị G20 ở %s."},
		{"place:buenos-aires", []string{"Buenos Aires", "Buênốt Airét", "Bu-ê-nốt Ai-rét"}, "Hội nghị G20 ở %s."},
		{"place:vladivostok", []string{"Vladivostok", "Vlađivôxtốc", "Vla-đi-vô-xtốc"}, "Diễn đàn tổ chức tại %s."},
		{"place:paris", []string{"Paris", "Pari", "Pa-ri"}, "Hai bên hội đàm tại %s."},
		{"place:brussels", []string{"Brussels", "Brúcxen", "Brúc-xen"}, "Hai bên hội đàm tại %s."},
		{"place:geneva", []string{"Geneva", "Giơnevơ", "Giơ-ne-vơ"}, "Hai bên hội đàm tại %s."},
		{"place:singapore", []string{"Singapore", "Xingapo", "Xin-ga-po"}, "Hội nghị thượng đỉnh tại %s."},
		{"place:tehran", []string{"Tehran", "Têhêran", "Tê-hê-ran"}, "Hai bên hội đàm tại %s."},
		{"place:dakar", []string{"Dakar", "Đa-ca"}, "Hai bên hội đàm tại %s."},
		{"place:dhaka", []string{"Dhaka", "Đắc-ca"}, "Hai bên hội đàm tại %s."},
		{"place:shijiazhuang", []string{"Shijiazhuang", "Thạch Gia Trang"}, "Đoàn làm việc tại %s."},
		{"place:hefei", []string{"Hefei", "Hợp Phì"}, "Đoàn làm việc tại %s."},
		{"place:tbilisi", []string{"Tbilisi", "Tbi-li-xi"}, "Hai bên hội đàm tại %s."},
		{"place:viet-tri", []string{"Việt Trì"}, "Đoàn làm việc tại %s."},
		{"place:vinh", []string{"thành phố Vinh", "TP Vinh"}, "Đoàn làm việc tại %s."},
		{"place:washington", []string{"Đại học Georgetown"}, "Ông phát biểu tại %s."},
		// Vietnamese places whose Chinese namesakes are not read for them.
		{"place:thai-nguyen", []string{"Thái Nguyên"}, "Đoàn làm việc tại %s."},
		{"place:tay-ninh", []string{"Tây Ninh"}, "Đoàn làm việc tại %s."},
	}
	for _, tt := range tests {
		for _, f := range tt.forms {
			text := fmt.Sprintf(tt.text, f)
			got := denoted(g, text)
			if len(got) != 1 || !strings.HasPrefix(got[0], tt.want) {
				t.Errorf("%q: %q, want one %s", text, got, tt.want)
			}
		}
	}
	// Given names and ordinary words are not places.
	for _, text := range []string{
		"Ông Vinh cho biết.", // a given name, not the city of Vinh
		"Quân đội đã bảo vệ quần đảo Trường Sa.",     // not Changsha
		"Hai bên nhất trí thúc đẩy hợp tác kinh tế.", // nothing
	} {
		for _, d := range denoted(g, text) {
			if strings.HasPrefix(d, "place:") || strings.HasPrefix(d, "country:") {
				t.Errorf("%q: %s, want no place or country", text, d)
			}
		}
	}
}

// homonymProvinces are province names two countries' provinces share, and
// why that stays: titles name such a province with its unit and country.
var homonymProvinces = map[string]string{
	"hà nam": "Henan (CN) and Hà Nam (VN, until 2025-07) are both Hà Nam in Vietnamese",
}

// TestDefaultNamesUnambiguous: no name, as the matcher reads it (case,
// tone placement, hyphens as spaces) or joined ("Xin-ga-po" as
// "Xingapo"), stands for two places, or for entities of two countries: a
// country's name, a place's name or alias, and a province's name that
// coincide must be of one country (Singapore the city and the state;
// Bắc Kinh the city and the municipality).
func TestDefaultNamesUnambiguous(t *testing.T) {
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	type owner struct{ kind, id, country string }
	owners := map[string][]owner{}
	add := func(name string, o owner) {
		forms := []string{name}
		if strings.Contains(name, "-") {
			forms = append(forms, strings.ReplaceAll(name, "-", ""))
		}
		for _, f := range forms {
			k := vntext.Normalize(f)
			if k == "" {
				t.Errorf("%s %s: name %q normalises to nothing", o.kind, o.id, name)
				continue
			}
			dup := false
			for _, old := range owners[k] {
				dup = dup || old == o
			}
			if !dup {
				owners[k] = append(owners[k], o)
			}
		}
	}
	for _, c := range g.Countries {
		for _, n := range append([]string{c.Name}, c.Names...) {
			add(n, owner{"country", c.Code, c.Code})
		}
	}
	for _, p := range g.Places {
		for _, n := range append([]string{p.Name}, p.Aliases...) {
			add(n, owner{"place", p.ID, p.Country})
		}
	}
	for _, p := range g.Provinces {
		for _, n := range append([]string{p.Name}, p.Names...) {
			add(n, owner{"province", p.Country + "/" + p.ID, p.Country})
		}
	}
	keys := make([]string, 0, len(owners))
	for k := range owners {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		own := owners[k]
		places, countries := map[string]bool{}, map[string]bool{}
		for _, o := range own {
			countries[o.country] = true
			if o.kind == "place" {
				places[o.id] = true
			}
		}
		if len(places) > 1 {
			t.Errorf("name %q stands for %d places: %v", k, len(places), own)
		}
		if len(countries) > 1 && homonymProvinces[k] == "" {
			t.Errorf("name %q stands for entities of %d countries: %v", k, len(countries), own)
		}
	}
	for k := range homonymProvinces {
		if len(owners[k]) < 2 {
			t.Errorf("homonymProvinces lists %q, which is no longer shared: drop it", k)
		}
	}
}
