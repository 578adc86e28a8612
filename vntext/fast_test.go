package vntext

import (
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// The fast paths agree with package unicode on every code point.
func TestRuneFastPaths(t *testing.T) {
	for r := rune(0); r <= 0x2FFFF; r++ {
		if got, want := lowerRune(r), unicode.ToLower(r); got != want {
			t.Fatalf("lowerRune(%U) = %U, want %U", r, got, want)
		}
		if got, want := isUpperRune(r), unicode.IsUpper(r); got != want {
			t.Fatalf("isUpperRune(%U) = %v, want %v", r, got, want)
		}
		// A letter needsCompose lets by stays NFC, in lower case too.
		if !needsCompose(r) && unicode.IsLetter(r) && !norm.NFC.IsNormalString(string(lowerRune(r))) {
			t.Fatalf("needsCompose(%U) is false, but its lower case %U is not NFC", r, lowerRune(r))
		}
		if unicode.Is(unicode.Mn, r) && !needsCompose(r) {
			t.Fatalf("needsCompose(%U), a combining mark, is false", r)
		}
		if got, want := isWordRune(r), unicode.IsLetter(r) || unicode.IsMark(r); got != want {
			t.Fatalf("isWordRune(%U) = %v, want %v", r, got, want)
		}
	}
	for _, w := range []string{"Hàn", "QUỐC", "Đặng", "ÀÉỲ", "İstanbul", "straße", "ǅemal", "HOÁ"} {
		if got, want := lowerString(w), strings.ToLower(w); got != want {
			t.Errorf("lowerString(%q) = %q, want %q", w, got, want)
		}
	}
}
