package corpus

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
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

// Every character nfcByRange lets through is in NFC beside any other such
// character (NFC quick check "yes", combining class 0): text made of them
// needs no normalising.
func TestNFCByRange(t *testing.T) {
	var safe []rune
	for r := rune(0); r <= 0x2FFF; r++ {
		if nfcSafe(r) && utf8.ValidRune(r) {
			safe = append(safe, r)
		}
	}
	for _, a := range safe {
		if p := norm.NFC.PropertiesString(string(a)); p.CCC() != 0 || !norm.NFC.IsNormalString(string(a)) {
			t.Fatalf("%U: combining class %d, normal %v", a, p.CCC(), norm.NFC.IsNormalString(string(a)))
		}
		for _, b := range safe {
			if s := string([]rune{a, b}); !norm.NFC.IsNormalString(s) {
				t.Fatalf("%U %U together are not NFC", a, b)
			}
		}
	}
	for _, s := range []string{"Hàn Quốc – “Mỹ”", "ho\u0300a", "\u2000", "한국", "x\ufffd"} {
		if nfcByRange(s) && !norm.NFC.IsNormalString(s) {
			t.Errorf("nfcByRange(%q) but not NFC", s)
		}
	}
	if !nfcByRange("Ngoại trưởng Hàn Quốc – “Mỹ”…") {
		t.Error("Vietnamese text not recognised")
	}
}
