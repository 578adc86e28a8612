package gazetteer_test

import (
	"reflect"
	"slices"
	"testing"

	"github.com/dipgraph/dipgraph/gazetteer"
	"github.com/dipgraph/dipgraph/vntext"
)

// titleRoleIDs scans text and returns the role ids and countries of its
// first title.
func firstTitle(t *testing.T, g *gazetteer.Gazetteer, text string) ([]string, []string) {
	t.Helper()
	sc := g.Scan(vntext.Tokenize(text))
	if len(sc.Titles) == 0 {
		t.Fatalf("Scan(%q): no title", text)
	}
	var ids []string
	for _, r := range sc.Titles[0].Roles {
		ids = append(ids, r.Role.ID)
	}
	return ids, sc.Titles[0].Countries
}

func TestTemplates(t *testing.T) {
	g := loadTest(t)
	for _, tt := range []struct {
		text, role, country string
		not                 string
	}{
		{"Bộ trưởng Quốc phòng Campuchia Tea Seiha", "kh-defense-minister", "KH", ""},
		{"Ngoại trưởng Lào", "la-foreign-minister", "LA", ""},
		{"Bộ trưởng Bộ Ngoại giao của Na Uy", "no-foreign-minister", "NO", ""},
		{"Đại sứ Ấn Độ tại Việt Nam", "in-ambassador-to-vietnam", "IN", ""},
		{"Người phát ngôn Bộ Ngoại giao Indonesia", "id-foreign-ministry-spokesperson", "ID", ""},
		{"Quốc vương Campuchia", "kh-king", "KH", ""},
		{"Đại sứ Việt Nam tại Lào", "vn-ambassador-to-laos", "", ""},
		{"Thứ trưởng Ngoại giao Trung Quốc", "cn-vice-foreign-minister", "CN", "cn-deputy-foreign-minister"},
		{"Ngoại trưởng Mỹ", "us-secretary-of-state", "US", "us-foreign-minister"},
		{"Bí thư Tỉnh ủy Lào Cai", "vn-lao-cai-party-secretary", "", ""},
		{"Chủ tịch UBND tỉnh Lạng Sơn", "vn-lang-son-people-committee-chairman", "", ""},
		{"Phó Chủ tịch Thường trực UBND tỉnh Lạng Sơn", "vn-lang-son-people-committee-standing-vice-chairman", "", ""},
		{"Chủ tịch UBND TP.HCM", "vn-ho-chi-minh-city-people-committee-chairman", "", ""},
		{"Bí thư Khu ủy Khu tự trị dân tộc Choang Quảng Tây", "cn-guangxi-party-secretary", "", ""},
		{"Bí thư Tỉnh ủy Vân Nam", "cn-yunnan-party-secretary", "", ""},
		{"Thủ tướng Áo", "at-prime-minister", "AT", ""},
		{"Trưởng Ban Tổ chức Tỉnh ủy", "vn-lao-cai-party-organization-commission-head", "", ""},
	} {
		ids, countries := firstTitle(t, g, tt.text)
		if !slices.Contains(ids, tt.role) {
			t.Errorf("%q: roles %v, want %s among them", tt.text, ids, tt.role)
		}
		if tt.not != "" && slices.Contains(ids, tt.not) {
			t.Errorf("%q: roles %v include %s, which %s overrides", tt.text, ids, tt.not, tt.role)
		}
		if tt.country != "" {
			if len(countries) == 0 || countries[0] != tt.country {
				t.Errorf("%q: countries %v, want %s first", tt.text, countries, tt.country)
			}
		} else if len(countries) > 0 && tt.text != "Đại sứ Việt Nam tại Lào" {
			t.Errorf("%q: countries %v, want none (a province name is not a country)", tt.text, countries)
		}
	}
	if got := g.CanonicalRole("us-foreign-minister"); got != "us-secretary-of-state" {
		t.Errorf("CanonicalRole(us-foreign-minister) = %q, want us-secretary-of-state", got)
	}
	if got := g.CanonicalRole("kh-prime-minister"); got != "kh-prime-minister" {
		t.Errorf("CanonicalRole(kh-prime-minister) = %q", got)
	}
	if got := g.CanonicalRole("xx-nothing"); got != "" {
		t.Errorf("CanonicalRole(xx-nothing) = %q, want \"\"", got)
	}
	if r := g.Role("fr-president"); r == nil || r.Template != "{cc}-president" || r.Country != "FR" || len(r.Titles) == 0 {
		t.Errorf("Role(fr-president) = %+v, want one made by {cc}-president", r)
	}
}

func TestDataRules(t *testing.T) {
	g := loadTest(t)
	for id, want := range map[string]bool{
		"vn-general-secretary": true, "cn-general-secretary": true, "nk-leader": true, "kp-wpk-general-secretary": true,
		"cu-first-secretary": true, "la-general-secretary": true, "cn-premier": true, "kh-prime-minister": true,
		"th-king": true, "us-president": true, "us-vice-president": false, "kh-deputy-prime-minister": false,
		"cn-foreign-minister": false,
	} {
		if got := g.IsLeader(id); got != want {
			t.Errorf("IsLeader(%s) = %v, want %v", id, got, want)
		}
	}
	for id, want := range map[string]bool{"kh-defense-minister": true, "us-secretary-of-state": true, "kr-vice-foreign-minister": false} {
		if got := g.IsSingle(id); got != want {
			t.Errorf("IsSingle(%s) = %v, want %v", id, got, want)
		}
	}
	for _, tt := range []struct{ name, cc, want string }{
		{"Hun Manet", "KH", "Hun"}, {"Paetongtarn Shinawatra", "TH", "Paetongtarn"},
		{"Saleumxay Kommasith", "LA", "Saleumxay"}, {"Phạm Minh Chính", "VN", "Chính"},
		{"Wang Yi", "CN", "Wang"}, {"Anthony Albanese", "AU", "Albanese"},
	} {
		if got := g.SurnameOf(&gazetteer.Official{Name: tt.name, Country: tt.cc}); got != tt.want {
			t.Errorf("SurnameOf(%s, %s) = %q, want %q", tt.name, tt.cc, got, tt.want)
		}
	}
	for _, w := range []string{"Samdech", "Tan Sri", "dato' seri", "Đại tướng", "Giáo sư", "Ngài", "Sheikh"} {
		if g.Honorific(w) == nil {
			t.Errorf("Honorific(%q) = nil", w)
		}
	}
	if h := g.Honorific("Thượng tướng"); h == nil || h.Kind != "rank" {
		t.Errorf("Honorific(Thượng tướng) = %+v, want a rank", h)
	}
	if g.Honorific("Bộ trưởng") != nil {
		t.Error("Honorific(Bộ trưởng) is a title, not an honorific")
	}
	toks := vntext.Tokenize("Dato' Seri Anwar Ibrahim")
	if end := g.HonorificAt(toks, 0); end < 0 || vntext.Normalize(toks[end].Norm) != "anwar" {
		t.Errorf("HonorificAt(Dato' Seri Anwar) = %d, want the end before Anwar", end)
	}
	ranks := []int{g.KindRank("talks"), g.KindRank("phone-call"), g.KindRank("consultation"), g.KindRank("summit")}
	if !reflect.DeepEqual(ranks, []int{0, 1, 2, 3}) {
		t.Errorf("kind ranks talks, phone-call, consultation, summit = %v, want [0 1 2 3]", ranks)
	}
	for w, want := range map[string]string{"hàn": "KR", "mỹ": "US", "nhật": "JP", "trung": "CN", "triều": "KP", "việt": "VN", "nga": "RU"} {
		if got, ok := g.CompoundCountry(w); !ok || got != want {
			t.Errorf("CompoundCountry(%s) = %s, %v; want %s", w, got, ok, want)
		}
	}
	for _, tt := range []struct {
		cc, f string
		want  []string
	}{
		{"US", gazetteer.HeadOfGovernment, []string{"us-president"}},
		{"US", gazetteer.ForeignMinister, []string{"us-secretary-of-state"}},
		{"KH", gazetteer.HeadOfState, []string{"kh-king"}},
		{"FR", gazetteer.DefenseMinister, []string{"fr-defense-minister"}},
		{"EU", gazetteer.DefenseMinister, nil},
		{"GB", gazetteer.ForeignMinister, []string{"gb-foreign-secretary"}},
	} {
		if got := g.Offices(tt.cc, tt.f); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Offices(%s, %s) = %v, want %v", tt.cc, tt.f, got, tt.want)
		}
	}
	for _, cc := range []string{"KH", "LA", "TH", "ID", "PH", "MY", "SG", "MM", "BN", "AU", "NZ", "IT", "VA", "PS", "EU", "TL"} {
		if g.Country(cc) == nil {
			t.Errorf("no country %s", cc)
		}
	}
	if n := len(g.Countries); n < 197 {
		t.Errorf("%d countries, want every UN member and VA, PS, TW, EU (197)", n)
	}
	if p := g.Province("VN", "lao-cai"); p == nil || p.Name != "Lào Cai" {
		t.Errorf("Province(VN, lao-cai) = %+v", p)
	}
}
