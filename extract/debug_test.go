package extract

import (
	"fmt"
	"os"
	"testing"

	"github.com/dipgraph/dipgraph/gazetteer"
)

// TestDebugDump prints the extraction of the file in DIPGRAPH_DEBUG.
func TestDebugDump(t *testing.T) {
	path := os.Getenv("DIPGRAPH_DEBUG")
	if path == "" {
		t.Skip("set DIPGRAPH_DEBUG to a file")
	}
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	x := newDoc(g, "debug", string(b), Options{})
	x.run()
	fmt.Println("published", x.res.published)
	for si, s := range x.sent {
		fmt.Printf("S%d%s: %s\n", si, map[bool]string{true: " [F]"}[s.furniture], x.text[x.toks[s.start].Start:x.toks[s.end-1].End])
		if os.Getenv("DIPGRAPH_DEBUG_TOKENS") != "" {
			// Each token with its index; titles marked with *.
			var line string
			for k := s.start; k < s.end; k++ {
				mark := ""
				if x.inTitle[k] {
					mark = "*"
				}
				line += fmt.Sprintf(" %d:%s%s", k, x.word(k), mark)
			}
			fmt.Println("  ", line)
		}
		for _, m := range x.mentions {
			if m.sent == si {
				r := ""
				if m.role != nil {
					r = m.role.ID
				}
				fmt.Printf("   M %s [%d,%d) t%d role=%s cp=%v c=%v\n", m.off.ID, m.start, m.end, m.tstart, r, m.counterpart, m.countries)
			}
		}
		for _, e := range x.dates[si] {
			fmt.Printf("   D %q y=%d m=%d d=%d rel=%v sub=%v rangeEnd=%v\n", x.phrase(e.start, e.end), e.y, e.m, e.d, e.relative, e.subordinate, e.rangeEnd)
		}
		for _, tr := range x.sc.Triggers {
			if tr.Start >= s.start && tr.Start < s.end {
				fmt.Printf("   T %s %q direct=%v\n", tr.Kind.ID, x.phrase(tr.Start, tr.End), tr.Direct)
			}
		}
		for _, tm := range x.sc.Topics {
			if tm.Start >= s.start && tm.Start < s.end {
				fmt.Printf("   K %s %q\n", tm.Topic.ID, x.phrase(tm.Start, tm.End))
			}
		}
	}
	for _, m := range x.meets {
		var ps []string
		for _, p := range m.parts {
			ps = append(ps, p.ID)
		}
		fmt.Printf("MEETING %v %s %s %s %s pending=%v absorbed=%v sents=%v topics=%v\n", ps, m.status, m.kind, m.date, m.place, m.pending, m.absorbed, m.sents, m.topics)
	}
}
