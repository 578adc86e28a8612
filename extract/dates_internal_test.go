package extract

import (
	"testing"

	"github.com/dipgraph/dipgraph/vntext"
)

// Every number word starts a date expression ("một ngày trước đó").
func TestDateStartersCoverNumberWords(t *testing.T) {
	for _, w := range []string{"một", "hai", "ba", "bốn", "sáu", "bảy", "tám", "chín", "mười"} {
		if numberWord(w) == 0 {
			t.Errorf("%q is not a number word", w)
		}
		if !dateStarter(w) {
			t.Errorf("number word %q is not a date starter", w)
		}
	}
}

// A span's first day takes the month of its end and is marked as a span
// start; a lone day with no span stays unread.
func TestSpanStart(t *testing.T) {
	for _, tc := range []struct {
		text      string
		wantDay   int // the span start's day, 0 for none
		wantMonth int
	}{
		{"Từ ngày 22 đến 23-4, hai bộ trưởng đồng chủ trì", 22, 4},
		{"từ 3 đến 5/11/2024 tại Hà Nội", 3, 11},
		{"từ ngày 9 đến ngày 12/6", 9, 6},
		{"ngày 23 đến 22-4", 0, 0}, // the start after the end: not a span
		{"đến 23-4 mới xong", 0, 0},
	} {
		toks := vntext.Tokenize(tc.text)
		var got *dateExpr
		for _, e := range findDates(toks, 0, len(toks)) {
			if e.spanStart {
				e := e
				got = &e
			}
		}
		switch {
		case tc.wantDay == 0 && got != nil:
			t.Errorf("%q: span start %d/%d, want none", tc.text, got.d, got.m)
		case tc.wantDay != 0 && got == nil:
			t.Errorf("%q: no span start, want %d/%d", tc.text, tc.wantDay, tc.wantMonth)
		case got != nil && (got.d != tc.wantDay || got.m != tc.wantMonth):
			t.Errorf("%q: span start %d/%d, want %d/%d", tc.text, got.d, got.m, tc.wantDay, tc.wantMonth)
		}
	}
}
