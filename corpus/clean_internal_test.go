package corpus

import (
	"strings"
	"testing"
)

func TestHasZeroWidth(t *testing.T) {
	chars := "\u200b\u200c\u200d\u2060\ufeff\u00ad"
	for _, s := range []string{"", "Moon", "Hàn Quốc “x” — y", "a\u200bb", "\ufeffx", "x\u00ad", "\u2060", "\u200a\u200e\u2061\ufefe", "\xe2\x80", "\xef\xbb"} {
		if got, want := hasZeroWidth(s), strings.ContainsAny(s, chars); got != want {
			t.Errorf("hasZeroWidth(%q) = %v, want %v", s, got, want)
		}
	}
}

func FuzzHasZeroWidth(f *testing.F) {
	f.Add("a\u200bb")
	f.Add("Hàn Quốc")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := hasZeroWidth(s), strings.ContainsAny(s, "\u200b\u200c\u200d\u2060\ufeff\u00ad"); got != want {
			t.Errorf("hasZeroWidth(%q) = %v, want %v", s, got, want)
		}
	})
}
