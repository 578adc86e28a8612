package extract

import "testing"

// Every number word starts a date expression ("một ngày trước đó").
func TestDateStartersCoverNumberWords(t *testing.T) {
	for w := range numberWords {
		if !dateStarter(w) {
			t.Errorf("number word %q is not a date starter", w)
		}
	}
}
