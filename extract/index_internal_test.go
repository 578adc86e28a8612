package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/gazetteer"
)

// indexTexts are the test corpus's articles, their concatenation (many
// officials, titles and meetings in one text) and a long article of our
// own in which surnames stand far from the full names.
func indexTexts(t *testing.T) map[string]string {
	t.Helper()
	files, err := filepath.Glob("../testdata/corpus/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("test corpus: %v %v", files, err)
	}
	out := map[string]string{}
	var all []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(f)] = string(b)
		all = append(all, string(b))
	}
	out["all"] = strings.Join(all, "\n\n")
	out["surnames"] = surnameArticle(200)
	return out
}

// surnameArticle: Wang Yi named in full, then n paragraphs that call him
// by his surname, then Wang Huning named in full and called by the same
// surname, a surname before any full name and one after both.
func surnameArticle(n int) string {
	var b strings.Builder
	b.WriteString("date 2024-05-10\n\nÔng Vương phát biểu khai mạc hội nghị.\n\n")
	b.WriteString("Bộ trưởng Ngoại giao Trung Quốc Vương Nghị hội đàm với Ngoại trưởng Nga Sergei Lavrov tại Bắc Kinh.\n\n")
	for i := 0; i < n; i++ {
		b.WriteString("Ông Vương nói hai nước sẽ tăng cường hợp tác kinh tế. Ông Lavrov đồng ý.\n\n")
	}
	b.WriteString("Chiều cùng ngày, Chủ tịch Chính Hiệp Trung Quốc Vương Hộ Ninh tiếp ông Lavrov.\n\n")
	b.WriteString("Ông Vương cảm ơn ông Lavrov.\n")
	return b.String()
}

// TestIndexesSorted: the lists index.go searches are in order of position,
// and each index gives what a pass over the whole list would.
func TestIndexesSorted(t *testing.T) {
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range indexTexts(t) {
		x := newDoc(g, name, text, Options{})
		x.run()
		for k := 1; k < len(x.sc.Names); k++ {
			if a, b := x.sc.Names[k-1], x.sc.Names[k]; b.Start < a.End {
				t.Fatalf("%s: names %d-%d and %d-%d overlap or are out of order", name, a.Start, a.End, b.Start, b.End)
			}
		}
		for k := 1; k < len(x.sc.Triggers); k++ {
			if x.sc.Triggers[k].Start < x.sc.Triggers[k-1].Start {
				t.Fatalf("%s: trigger %d out of order", name, k)
			}
		}
		for k := 1; k < len(x.mentions); k++ {
			if a, b := x.mentions[k-1], x.mentions[k]; b.start < a.start || b.sent < a.sent {
				t.Fatalf("%s: mention %d out of order", name, k)
			}
		}
		for si, s := range x.sent {
			var names []gazetteer.Match
			for _, n := range x.sc.Names {
				if n.Start >= s.start && n.Start < s.end {
					names = append(names, n)
				}
			}
			var trigs []gazetteer.TriggerMatch
			for _, tr := range x.sc.Triggers {
				if tr.Start >= s.start && tr.Start < s.end {
					trigs = append(trigs, tr)
				}
			}
			var ms []*mention
			first := len(x.mentions)
			for k, m := range x.mentions {
				if m.sent == si {
					ms = append(ms, m)
				}
				if m.sent >= si && first == len(x.mentions) {
					first = k
				}
			}
			if got := x.namesIn(s); len(got) != len(names) || len(got) > 0 && got[0].Start != names[0].Start {
				t.Errorf("%s: sentence %d: namesIn gives %d names, want %d", name, si, len(got), len(names))
			}
			if got := x.triggersIn(s); len(got) != len(trigs) || len(got) > 0 && got[0].Start != trigs[0].Start {
				t.Errorf("%s: sentence %d: triggersIn gives %d triggers, want %d", name, si, len(got), len(trigs))
			}
			if got := x.mentionsOf(si); len(got) != len(ms) || len(got) > 0 && got[0] != ms[0] {
				t.Errorf("%s: sentence %d: mentionsOf gives %d mentions, want %d", name, si, len(got), len(ms))
			}
			if got := x.firstMentionOf(si); got != first {
				t.Errorf("%s: sentence %d: firstMentionOf = %d, want %d", name, si, got, first)
			}
		}
	}
}

// TestSurnameResolution: a surname alone before any full name stands for
// the official of that surname named first after it, and later ones for
// the one named before, however far.
//
// The last "Ông Vương", after Wang Huning is named in full, resolves to
// Wang Yi too: mentions found by their surname count as later than every
// full name (findMentions adds them after the full names, and the last
// match in that order wins), as before the index; TestSurnameIndex holds
// the index to that order.
func TestSurnameResolution(t *testing.T) {
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	const n = 200
	x := newDoc(g, "surnames", surnameArticle(n), Options{})
	x.run()
	who := map[int]string{} // sentence → official of its "Ông Vương"
	huning := false
	for _, m := range x.mentions {
		if m.end-m.start == 1 && x.word(m.start) == "vương" {
			who[m.sent] = m.off.ID
		}
		huning = huning || m.off.ID == "wang-huning"
	}
	var order []string
	for si := range x.sent {
		if id, ok := who[si]; ok {
			order = append(order, id)
		}
	}
	if len(order) != n+2 || !huning {
		t.Fatalf("%d surname mentions, want %d (Wang Huning named: %v): %v", len(order), n+2, huning, order)
	}
	for k, id := range order[:n+1] {
		if id != "wang-yi" {
			t.Errorf("surname mention %d of %d: %s, want wang-yi", k+1, len(order), id)
		}
	}
}

// TestSurnameIndex: every mention found by its surname alone names the
// official that a pass over the mentions found before it gives (the last
// with that surname among them, in the order findMentions found them:
// full names first, then the others; else the first full name after).
func TestSurnameIndex(t *testing.T) {
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for name, text := range indexTexts(t) {
		x := newDoc(g, name, text, Options{})
		x.run()
		fullAt := map[[2]int]bool{}
		for _, nm := range x.sc.Names {
			if nm.Official() != nil {
				fullAt[[2]int{nm.Start, nm.End}] = true
			}
		}
		var full, later []*mention
		for _, m := range x.mentions {
			switch {
			case m.coref:
			case fullAt[[2]int{m.start, m.end}]:
				full = append(full, m)
			default:
				later = append(later, m)
			}
		}
		for k, m := range later {
			if m.end-m.start != 1 || m.off.Provisional {
				continue
			}
			w := x.toks[m.start].Norm
			var before, after *gazetteer.Official
			for _, f := range append(append([]*mention{}, full...), later[:k]...) {
				if !contains(g.SurnameForms(f.off), w) {
					continue
				}
				if f.start < m.start {
					before = f.off
				} else if after == nil {
					after = f.off
				}
			}
			want := before
			if want == nil {
				want = after
			}
			if want == nil {
				continue // from the gazetteer alone
			}
			checked++
			if m.off != want {
				t.Errorf("%s: %q at token %d names %s, the mentions before it give %s", name, w, m.start, m.off.ID, want.ID)
			}
		}
	}
	if checked < 100 {
		t.Errorf("only %d surname mentions checked", checked)
	}
}
