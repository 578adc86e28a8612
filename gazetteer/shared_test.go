package gazetteer_test

import (
	"os"
	"path/filepath"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/dipgraph/dipgraph/gazetteer"
)

// sharedRoles reads the role ids of ../shared/gold/roles.yaml (relative to
// the repository), or skips the test when the shared material is absent.
func sharedRoles(t *testing.T) []struct{ ID, Country string } {
	t.Helper()
	path := filepath.Join("..", "..", "shared", "gold", "roles.yaml")
	b, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		t.Skipf("%s absent", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Roles []struct{ ID, Country string }
	}
	if err := yaml.Unmarshal(b, &doc); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return doc.Roles
}

// TestSharedRoleIDs asserts that every role id of the shared gold exists
// in the default gazetteer, for the same country, with a title that
// reaches it.
func TestSharedRoleIDs(t *testing.T) {
	roles := sharedRoles(t)
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range roles {
		got := g.Role(r.ID)
		switch {
		case got == nil:
			t.Errorf("shared role %s (%s) is not in the default gazetteer", r.ID, r.Country)
		case got.ID != r.ID:
			t.Errorf("shared role %s stands for %s: give it its own entry", r.ID, got.ID)
		case got.Country != r.Country:
			t.Errorf("shared role %s: country %s, want %s", r.ID, got.Country, r.Country)
		case len(g.Titles(r.ID)) == 0:
			t.Errorf("shared role %s has no title", r.ID)
		}
	}
}
