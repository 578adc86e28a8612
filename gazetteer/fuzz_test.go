package gazetteer_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/gazetteer"
	"github.com/dipgraph/dipgraph/vntext"
)

// FuzzParse feeds arbitrary YAML to the gazetteer loader: no panic, and
// either a gazetteer or Problems that each name the file and a position.
//
//	go test ./gazetteer -run='^$' -fuzz=FuzzParse -fuzztime=60s
func FuzzParse(f *testing.F) {
	for _, name := range []string{"base.yaml", "bad.yaml", "malformed.yaml", "conflict.yaml", "extra.yaml"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("countries:\n  - {code: VN, name: Việt Nam, names: [Việt Nam, VN]}\nofficials:\n  - {id: a, name: Nguyễn Văn A, country: VN, aliases: [A, '', 'Văn A'], roles: [{role: r, from: 2020-02-30}]}\n"))
	f.Add([]byte("roles: &x [*x]\nofficials: {}\n"))
	f.Add([]byte("kinds:\n  - {id: talks, triggers: ['', hội đàm, 'hội đàm'], direct: [gặp]}\n"))
	f.Add([]byte("\ufeff---\n...\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := gazetteer.Parse("f.yaml", data)
		if err != nil {
			ps, ok := gazetteer.IsProblems(err)
			if !ok || len(ps) == 0 {
				t.Fatalf("error %v is not Problems", err)
			}
			for _, p := range ps {
				if p.Pos.File != "f.yaml" || p.Pos.Line < 0 || p.Pos.Col < 0 || p.Msg == "" {
					t.Fatalf("problem without a place: %+v", p)
				}
			}
			return
		}
		// What loads can be matched against: its own names.
		for _, o := range g.Officials {
			g.Scan(vntext.Tokenize("Ông " + o.Name + " gặp " + strings.Join(o.Aliases, ", ")))
		}
	})
}

// FuzzScan runs the default gazetteer's matcher on arbitrary text: no
// panic, and every match lies within the tokens, in order.
//
//	go test ./gazetteer -run='^$' -fuzz=FuzzScan -fuzztime=60s
func FuzzScan(f *testing.F) {
	g, err := gazetteer.Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Add("Bộ trưởng Ngoại giao Hàn Quốc Cho Tae-yul đã hội đàm với Ngoại trưởng Mỹ Antony Blinken tại Seoul về vấn đề hạt nhân.")
	f.Add("Tổng thống Moon Jae In gặp Tổng thống Trump; ông Moon và ông Kim Jong-un")
	f.Add("Ngoại trưởng Hàn-Mỹ-Nhật điện đàm. Tổng thống")
	f.Add("Tổng Bí thư, Chủ tịch nước Tô Lâm")
	f.Add("Moon Jae-ln Trunp Kim Jong Uun") // one-letter slips
	f.Add("")
	f.Fuzz(func(t *testing.T, text string) {
		toks := vntext.Tokenize(text)
		sc := g.Scan(toks)
		in := func(what string, start, end int) {
			if start < 0 || start >= end || end > len(toks) {
				t.Fatalf("%s match %d-%d outside %d tokens", what, start, end, len(toks))
			}
		}
		last := -1
		for _, m := range sc.Names {
			in("name", m.Start, m.End)
			if len(m.Entities) == 0 {
				t.Fatalf("name match %d-%d denotes nothing", m.Start, m.End)
			}
			if m.Start < last {
				t.Fatalf("name matches out of order")
			}
			last = m.Start
		}
		for _, m := range sc.Titles {
			in("title", m.Start, m.End)
			for i := m.Start; i < m.End; i++ {
				g.TitleHead(toks, i)
			}
		}
		for _, m := range sc.Topics {
			in("topic", m.Start, m.End)
		}
		for _, m := range sc.Triggers {
			in("trigger", m.Start, m.End)
		}
	})
}
