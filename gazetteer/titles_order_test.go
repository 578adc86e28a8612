package gazetteer_test

import (
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/gazetteer"
	"github.com/dipgraph/dipgraph/vntext"
)

// TestTitleHeadStable: the roles a bare title can name come out in the
// same order from every compile of the same files (they were gathered
// from a map, so two runs of one binary could give a bare "Thứ trưởng" a
// different role).
func TestTitleHeadStable(t *testing.T) {
	titles := []string{"Thứ trưởng", "Bộ trưởng", "Đại sứ", "Thủ tướng", "Phó Chủ tịch", "Người phát ngôn", "Bí thư"}
	roles := func() [][]string {
		g, err := gazetteer.Default()
		if err != nil {
			t.Fatal(err)
		}
		var out [][]string
		for _, title := range titles {
			_, rs := g.TitleHead(vntext.Tokenize(title), 0)
			var ids []string
			for _, r := range rs {
				ids = append(ids, r.Role.ID)
			}
			out = append(out, ids)
		}
		return out
	}
	first := roles()
	for run := 0; run < 3; run++ {
		again := roles()
		for k := range titles {
			if strings.Join(first[k], " ") != strings.Join(again[k], " ") {
				t.Fatalf("%q: roles differ between compiles:\n%v\n%v", titles[k], first[k], again[k])
			}
		}
	}
}
