package pipeline

import (
	"bytes"
	"context"
	"fmt"
	"github.com/dipgraph/dipgraph/fact"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/gazetteer"
)

// An article of our own naming an official the test removes from the
// gazetteer (Kenji Kanasugi, Japan's nuclear envoy in 2019).
const discoveryArticle = ` date 2019-05-09
Đặc phái viên Mỹ về Triều Tiên Stephen Biegun ngày 8/5 đã hội đàm với Cục trưởng Cục châu Á - Châu Đại Dương Bộ Ngoại giao Nhật Bản Kenji Kanasugi tại Tokyo.Ông Kanasugi khẳng định Nhật Bản ủng hộ việc phi hạt nhân hóa hoàn toàn bán đảo Triều Tiên.
`

// TestSuggestThenResolve: an official the gazetteer lacks is found as
// provisional by his title, `gazetteer suggest` writes him as YAML, and once
// that YAML is added the next extraction resolves him fully.
func TestSuggestThenResolve(t *testing.T) {
	ctx := context.Background()
	full, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	g, removed, err := WithoutOfficials(full, []string{"Kenji Kanasugi"})
	if err != nil || len(removed) != 1 {
		t.Fatalf("WithoutOfficials: %v %v", removed, err)
	}
	dir := t.TempDir()
	art := filepath.Join(dir, "kanasugi.txt")
	if err := os.WriteFile(art, []byte(discoveryArticle), 0o644); err != nil {
		t.Fatal(err)
	}

	// Without him: a provisional official who still takes part in the meeting.
	r := extract.Extract(g, "kanasugi", discoveryArticle, extract.Options{})
	var prov *fact.Official
	for i, o := range r.Officials {
		if o.ID == "kenji-kanasugi" {
			prov = &r.Officials[i]
		}
	}
	if prov == nil || !prov.Provisional || prov.Country != "JP" {
		t.Fatalf("want provisional kenji-kanasugi (JP), got %+v", r.Officials)
	}
	if len(r.Meetings) != 1 || strings.Join(r.Meetings[0].Participants, "+") != "kenji-kanasugi+stephen-biegun" {
		t.Fatalf("meetings: %+v", r.Meetings)
	}
	if closed := extract.Extract(g, "kanasugi", discoveryArticle, extract.Options{Closed: true}); len(closed.Meetings) != 0 {
		t.Errorf("--closed still found %d meetings", len(closed.Meetings))
	}

	// Suggest, paste into a gazetteer file, build again.
	sugs, err := Suggest(ctx, []string{art}, g)
	if err != nil || len(sugs) != 1 || sugs[0].ID != "kenji-kanasugi" {
		t.Fatalf("Suggest = %+v, %v", sugs, err)
	}
	var buf bytes.Buffer
	if err := WriteSuggestions(&buf, sugs); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "mine.yaml")
	if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	g2, err := g.With(file)
	if err != nil {
		t.Fatalf("the suggested YAML does not load: %v\n%s", err, buf.String())
	}
	r2 := extract.Extract(g2, "kanasugi", discoveryArticle, extract.Options{Closed: true})
	var o2 *fact.Official
	for i, o := range r2.Officials {
		if o.ID == "kenji-kanasugi" {
			o2 = &r2.Officials[i]
		}
	}
	if o2 == nil || o2.Provisional {
		t.Fatalf("after adding the suggestion: %+v", r2.Officials)
	}
	if len(r2.Meetings) != 1 {
		t.Errorf("after adding the suggestion: meetings %+v", r2.Meetings)
	}
	hold := false
	for _, h := range r2.Holds {
		if h.Official == "kenji-kanasugi" && h.Role == sugs[0].Roles[0] {
			hold = true
		}
	}
	if !hold {
		t.Errorf("after adding the suggestion: holds %+v, want kenji-kanasugi %v", r2.Holds, sugs[0].Roles)
	}
}

// TestDiscoveryKeepsMeetings: with the corpus's new officials taken out of
// the gazetteer, meeting F1 stays within 0.1 of the full figure.
func TestDiscoveryKeepsMeetings(t *testing.T) {
	ctx := context.Background()
	full, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join("..", "testdata", "corpus")
	b, err := os.ReadFile(filepath.Join(dir, "new-officials.txt"))
	if err != nil {
		t.Fatal(err)
	}
	g, _, err := WithoutOfficials(full, strings.Fields(strings.ReplaceAll(string(b), "\n", "\t")))
	if err == nil {
		t.Fatal("names split on spaces should not all match")
	}
	var names []string
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			names = append(names, l)
		}
	}
	g, removed, err := WithoutOfficials(full, names)
	if err != nil || len(removed) != len(names) {
		t.Fatalf("WithoutOfficials: %v, %v", removed, err)
	}
	golds := []string{filepath.Join(dir, "a.gold.yaml"), filepath.Join(dir, "b.gold.yaml")}
	cmp, err := EvaluateWithout(ctx, golds, []string{dir}, full, extract.Options{}, names)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(cmp.Removed, ",") != strings.Join(removed, ",") {
		t.Errorf("EvaluateWithout removed %v, want %v", cmp.Removed, removed)
	}
	var text strings.Builder
	cmp.Write(&text, false)
	for _, want := range []string{"== with the full gazetteer\n", fmt.Sprintf("\n== without %d officials (", len(removed)), "\nmeetings F1: "} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("comparison lacks %q:\n%s", want, text.String())
		}
	}
	with, without := cmp.Full, cmp.Without
	f1, f2 := with.Figure("meetings").F1, without.Figure("meetings").F1
	t.Logf("meetings F1 %.3f with the full gazetteer, %.3f without %d officials", f1, f2, len(removed))
	if f1-f2 > 0.1 {
		t.Errorf("discovery loses %.3f meeting F1 (%.3f → %.3f), want ≤ 0.1", f1-f2, f1, f2)
	}
	closed, err := Evaluate(ctx, golds, []string{dir}, g, extract.Options{Closed: true})
	if err != nil {
		t.Fatal(err)
	}
	if c := closed.Figure("meetings").F1; c >= f2 {
		t.Errorf("closed extraction (%.3f) should do worse than discovery (%.3f) without the officials", c, f2)
	}
}
