package corpus

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// Test helpers that write text in the legacy encodings, to make fixtures.

// isTone reports the five Vietnamese tone marks as combining characters.
func isTone(r rune) bool {
	switch r {
	case '\u0300', '\u0301', '\u0303', '\u0309', '\u0323':
		return true
	}
	return false
}

// syllables splits NFD text into base letters with their marks.
func clusters(s string) [][]rune {
	var out [][]rune
	for _, r := range norm.NFD.String(s) {
		if len(out) > 0 && (r >= 0x300 && r <= 0x36f) {
			out[len(out)-1] = append(out[len(out)-1], r)
			continue
		}
		out = append(out, []rune{r})
	}
	return out
}

// toWindows1258 writes UTF-8 text in Windows-1258: letters with their
// shape marks precomposed, tone marks as combining characters.
func toWindows1258(t testing.TB, s string) []byte {
	t.Helper()
	var b strings.Builder
	for _, c := range clusters(s) {
		var tone []rune
		shape := []rune{c[0]}
		for _, r := range c[1:] {
			if isTone(r) {
				tone = append(tone, r)
			} else {
				shape = append(shape, r)
			}
		}
		b.WriteString(norm.NFC.String(string(shape)))
		b.WriteString(string(tone))
	}
	out, err := charmap.Windows1258.NewEncoder().Bytes([]byte(b.String()))
	if err != nil {
		t.Fatalf("encode Windows-1258: %v", err)
	}
	return out
}

// toVNI writes UTF-8 Vietnamese in VNI (VNI-Windows): each letter as its
// ASCII base, then a byte for its marks.
func toVNI(t testing.TB, s string) []byte {
	t.Helper()
	tones := map[rune]int{'\u0301': 0, '\u0300': 1, '\u0309': 2, '\u0303': 3, '\u0323': 4}
	plain := []byte{0xf9, 0xf8, 0xfb, 0xf5, 0xef}
	circ := []byte{0xe1, 0xe0, 0xe5, 0xe3, 0xe4}
	breve := []byte{0xe9, 0xe8, 0xfa, 0xfc, 0xeb}
	iTone := []byte{0xed, 0xec, 0xe6, 0xf3, 0xf2}
	var out []byte
	for _, c := range clusters(s) {
		base := c[0]
		if base >= utf8.RuneSelf && base != 'đ' && base != 'Đ' {
			t.Fatalf("toVNI: cannot write %q", string(c))
		}
		upper := base >= 'A' && base <= 'Z' || base == 'Đ'
		shift := func(b byte) byte {
			if upper {
				return b - 0x20
			}
			return b
		}
		tone, hasTone := -1, false
		var circumflex, brv, horn bool
		for _, r := range c[1:] {
			switch {
			case isTone(r):
				tone, hasTone = tones[r], true
			case r == '\u0302':
				circumflex = true
			case r == '\u0306':
				brv = true
			case r == '\u031b':
				horn = true
			}
		}
		switch {
		case base == 'đ' || base == 'Đ':
			out = append(out, shift(0xf1))
			continue
		case horn && (base == 'o' || base == 'O'):
			out = append(out, shift(0xf4))
		case horn && (base == 'u' || base == 'U'):
			out = append(out, shift(0xf6))
		case hasTone && !circumflex && !brv && (base == 'i' || base == 'I'):
			out = append(out, shift(iTone[tone]))
			continue
		default:
			out = append(out, byte(base))
		}
		switch {
		case circumflex && hasTone:
			out = append(out, shift(circ[tone]))
		case circumflex:
			out = append(out, shift(0xe2))
		case brv && hasTone:
			out = append(out, shift(breve[tone]))
		case brv:
			out = append(out, shift(0xea))
		case hasTone:
			out = append(out, shift(plain[tone]))
		}
	}
	return out
}

// A short text of our own in Vietnamese, for the encoders.
const sampleVN = "Bộ trưởng Ngoại giao hai nước đã hội đàm tại Hà Nội về hợp tác kinh tế, " +
	"an ninh và đầu tư; Đại sứ quán cho biết cuộc gặp diễn ra trong không khí thẳng thắn.\n"

func TestVNIRoundTrip(t *testing.T) {
	got := decodeVNI(toVNI(t, sampleVN))
	if got != norm.NFC.String(sampleVN) {
		t.Fatalf("VNI round trip:\n got %q\nwant %q", got, sampleVN)
	}
}

func TestLegacyDetection(t *testing.T) {
	cp := toWindows1258(t, sampleVN)
	vni := toVNI(t, sampleVN)
	latin1, _ := charmap.Windows1252.NewEncoder().Bytes([]byte("Le ministre français a reçu ses homologues à Genève; ça s'est bien passé.\n"))
	brokenUTF8 := []byte(strings.Replace(sampleVN, "tại", "t\xffi", 1))
	tests := []struct {
		name     string
		b        []byte
		cp1258   bool
		vni      bool
		mostUTF8 bool
	}{
		{"windows-1258", cp, true, false, false},
		{"vni", vni, false, true, false},
		{"latin-1 french", latin1, false, false, false},
		{"utf-8 with one bad byte", brokenUTF8, false, false, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if utf8.Valid(tc.b) {
				t.Fatal("fixture is valid UTF-8")
			}
			s, ok := decodeWindows1258(tc.b)
			if ok != tc.cp1258 {
				t.Errorf("decodeWindows1258 ok = %v, want %v (%q)", ok, tc.cp1258, s)
			}
			if ok && norm.NFC.String(s) != norm.NFC.String(sampleVN) {
				t.Errorf("decoded %q", s)
			}
			if got := looksVNI(tc.b); got != tc.vni {
				t.Errorf("looksVNI = %v, want %v", got, tc.vni)
			}
			if got := mostlyUTF8(tc.b); got != tc.mostUTF8 {
				t.Errorf("mostlyUTF8 = %v, want %v", got, tc.mostUTF8)
			}
		})
	}
}

func TestVietnameseWord(t *testing.T) {
	tests := []struct {
		w    string
		want bool
	}{
		{"việt", true}, {"người", true}, {"Đại", true}, {"thẳng", true}, {"hoá", true},
		{"café", true},                                                // é is e with an acute, a Vietnamese letter
		{"ça", false}, {"über", false}, {"Ærø", false}, {"ẽẽ", false}, // two tones
		{"bĕ", false}, {"n̂", false},
	}
	for _, tc := range tests {
		if got := vietnameseWord(norm.NFD.String(tc.w)); got != tc.want {
			t.Errorf("vietnameseWord(%q) = %v, want %v", tc.w, got, tc.want)
		}
	}
}

func TestBlankZeroWidth(t *testing.T) {
	tests := []struct {
		in, want string
		n        int
	}{
		{"Mo\u200bon Jae-in", "   Moon Jae-in", 1},
		{"ông Mo\u200bon,", "ông    Moon,", 1},         // spaces on the side of the space
		{"Hàn-Tr\u200bung nói", "Hàn-Trung    nói", 1}, // here after the word
		{"(Tr\u00adump)", "(  Trump)", 1},              // no space either side: before
		{"Tr\u00adump", "  Trump", 1},
		{"a\u200b b", "a    b", 1},                  // between words: spaces
		{"\ufeffdate 2020", "   date 2020", 1},      // BOM
		{"Hà\u200b\u200cNội x", "      HàNội x", 2}, // a run
		{"20\u200b20.", "   2020.", 1},
		{"Mỹ\u00ad-Trung", "Mỹ  -Trung", 1},
		{"end\u200b", "end   ", 1},
		{"no change", "no change", 0},
	}
	for _, tc := range tests {
		got, n := blankZeroWidth(tc.in)
		if got != tc.want || n != tc.n {
			t.Errorf("blankZeroWidth(%q) = %q, %d; want %q, %d", tc.in, got, n, tc.want, tc.n)
		}
		if len(got) != len(tc.in) {
			t.Errorf("blankZeroWidth(%q) changed the length", tc.in)
		}
	}
}
