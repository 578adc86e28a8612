package gazetteer_test

import (
	"slices"
	"testing"

	"github.com/dipgraph/dipgraph/gazetteer"
	"github.com/dipgraph/dipgraph/vntext"
)

// TestRolesOfCountry: for the long role lists generic titles give, the
// index returns the roles of a country in the list's order (the same as
// reading the list); a copy of a list is not indexed.
func TestRolesOfCountry(t *testing.T) {
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, title := range []string{"Bộ trưởng", "Thứ trưởng", "Đại sứ", "Ngoại trưởng"} {
		toks := vntext.Tokenize(title + " X")
		_, list := g.TitleHead(toks, 0)
		if len(list) < 16 {
			t.Errorf("%s: %d roles below the title, want a long list", title, len(list))
			continue
		}
		for _, cc := range []string{"VN", "KR", "US", "", "ZZ"} {
			var want []gazetteer.TitleRole
			for _, tr := range list {
				if tr.Role.Country == cc {
					if tr.Country != cc {
						t.Fatalf("%s: role %s has Country %q, its role %q", title, tr.Role.ID, tr.Country, cc)
					}
					want = append(want, tr)
				}
			}
			got, ok := g.RolesOfCountry(list, cc)
			if !ok {
				t.Errorf("%s: list of %d roles not indexed", title, len(list))
				continue
			}
			if !slices.EqualFunc(got, want, func(a, b gazetteer.TitleRole) bool { return a.Role == b.Role }) {
				t.Errorf("%s, %q: %d roles from the index, want %d", title, cc, len(got), len(want))
			}
		}
		if _, ok := g.RolesOfCountry(slices.Clone(list), "VN"); ok {
			t.Errorf("%s: a copy of the list is indexed", title)
		}
		if _, ok := g.RolesOfCountry(list[1:], "VN"); ok {
			t.Errorf("%s: a part of the list is indexed", title)
		}
	}
}
