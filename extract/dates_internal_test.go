package extract

import "testing"

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
