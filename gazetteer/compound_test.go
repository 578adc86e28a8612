package gazetteer_test

import (
	"testing"

	"github.com/dipgraph/dipgraph/gazetteer"
	"github.com/dipgraph/dipgraph/vntext"
)

// A compound name word starts at the first word of its phrase only, and
// only when the whole phrase is written.
func TestCompoundAt(t *testing.T) {
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		text string
		at   int
		want bool
	}{
		{"Ủy viên Trung ương Đảng", 2, true},
		{"Chủ tịch Tập đoàn Dầu khí", 2, true},
		{"Thủ tướng Vương quốc Campuchia", 2, true},
		{"Bộ trưởng Trung cho biết", 2, false}, // a surname, then a verb
		{"Ủy viên Trung ương Đảng", 3, false},  // inside the phrase
		{"Chủ tịch Tập Cận Bình", 2, false},    // a name, not "Tập đoàn"
		{"Ủy viên Trung", 2, false},            // the phrase cut short
	} {
		toks := vntext.Tokenize(tc.text)
		if got := g.CompoundAt(toks, tc.at); got != tc.want {
			t.Errorf("CompoundAt(%q, %d) = %v, want %v", tc.text, tc.at, got, tc.want)
		}
	}
}
