package extract

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/corpus"
	"github.com/dipgraph/dipgraph/fact"
	"github.com/dipgraph/dipgraph/schema"
)

var update = flag.Bool("update", false, "rewrite the golden files of TestGolden")

// goldenDirs hold articles written for the project (never real ones):
// the extractor's own test articles, the examples and the test corpus.
var goldenDirs = []string{"testdata/articles", "../examples/articles", "../testdata/corpus"}

// TestGolden extracts every article of goldenDirs and compares the facts,
// rendered as text, with testdata/golden/NAME.golden, so that every change
// in the facts shows in a diff. Run `go test ./extract -run TestGolden
// -update` to accept a change.
func TestGolden(t *testing.T) {
	g := defaultGazetteer(t)
	n := 0
	for _, dir := range goldenDirs {
		files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			n++
			name := filepath.Base(f)
			t.Run(name, func(t *testing.T) {
				a, err := corpus.Read(f)
				if err != nil {
					t.Fatal(err)
				}
				got := renderFacts(Extract(g, name, a.Text, Options{Today: schema.DayDate(2026, 12, 3)}))
				golden := filepath.Join("testdata", "golden", strings.TrimSuffix(name, ".txt")+".golden")
				if *update {
					if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v (run with -update to create it)", err)
				}
				if got != string(want) {
					t.Errorf("facts of %s differ from %s (run with -update to accept):\n%s", f, golden, lineDiff(string(want), got))
				}
			})
		}
	}
	if n == 0 {
		t.Fatal("no golden articles found")
	}
}

// renderFacts writes a result as stable, diff-friendly lines.
func renderFacts(r *fact.Result) string {
	var b strings.Builder
	fmt.Fprintf(&b, "published %s\n", r.Published)
	for _, o := range r.Officials {
		prov := ""
		if o.Provisional {
			prov = " provisional"
		}
		fmt.Fprintf(&b, "official %s %q %s%s\n", o.ID, o.Name, o.Country, prov)
	}
	for _, h := range holdLines(r) {
		fmt.Fprintf(&b, "holds %s\n", h)
	}
	var ms []string
	for _, m := range r.Meetings {
		var topics []string
		for _, t := range m.Topics {
			topics = append(topics, t.Topic)
		}
		sort.Strings(topics)
		ms = append(ms, fmt.Sprintf("meeting %s topics=%s", meetingLine(m), strings.Join(topics, ",")))
	}
	sort.Strings(ms)
	for _, m := range ms {
		b.WriteString(m + "\n")
	}
	for _, w := range r.Warnings {
		fmt.Fprintf(&b, "warning %s\n", w)
	}
	return b.String()
}

// lineDiff lists the lines only in want (-) and only in got (+).
func lineDiff(want, got string) string {
	count := map[string]int{}
	for _, l := range strings.Split(want, "\n") {
		count[l]++
	}
	for _, l := range strings.Split(got, "\n") {
		count[l]--
	}
	var out []string
	for _, l := range strings.Split(want, "\n") {
		if count[l] > 0 {
			out = append(out, "- "+l)
			count[l]--
		}
	}
	for l, c := range count {
		for ; c < 0; c++ {
			out = append(out, "+ "+l)
		}
	}
	sort.Strings(out[len(out)-countPlus(out):])
	return strings.Join(out, "\n")
}

func countPlus(lines []string) int {
	n := 0
	for _, l := range lines {
		if strings.HasPrefix(l, "+ ") {
			n++
		}
	}
	return n
}
