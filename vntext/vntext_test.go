package vntext_test

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/dipgraph/dipgraph/vntext"
)

func nfd(s string) string { return norm.NFD.String(s) }

func TestNormalizeWord(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"ascii unchanged", "summit", "summit"},
		{"ascii folded", "SUMMIT", "summit"},
		{"nfc kept", "trưởng", "trưởng"},
		{"nfd composed", nfd("trưởng"), "trưởng"},
		{"upper case folded", "TRƯỞNG", "trưởng"},
		{"title case folded", "Đại", "đại"},
		{"oa tone moved", "hoá", "hóa"},
		{"oa tone kept", "hóa", "hóa"},
		{"oa tone moved nfd", nfd("hoá"), "hóa"},
		{"oa tone moved upper", "HOÁ", "hóa"},
		{"oa grave", "hoà", "hòa"},
		{"uy hook", "uỷ", "ủy"},
		{"uy hook kept", "ủy", "ủy"},
		{"thuy hook", "thuỷ", "thủy"},
		{"thuy hook nfd", nfd("thuỷ"), "thủy"},
		{"thuy acute", "thuý", "thúy"},
		{"oe hook", "khoẻ", "khỏe"},
		{"oe hook kept", "khỏe", "khỏe"},
		{"qu+y keeps tone on y", "quý", "quý"},
		{"qu+y keeps tone on y upper", "Quỳ", "quỳ"},
		{"final consonant keeps tone", "toán", "toán"},
		{"uơ not moved", "thuở", "thuở"},
		{"no tone", "hoa", "hoa"},
		{"one letter", "Á", "á"},
		{"lower case composes", "J\u030c", "\u01f0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := vntext.NormalizeWord(tt.in); got != tt.want {
				t.Errorf("NormalizeWord(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestNormalizeNFCEqualsNFD(t *testing.T) {
	phrases := []string{
		"Thứ trưởng Bộ Ngoại giao Hàn Quốc",
		"Chủ tịch Uỷ ban Thường vụ Quốc hội",
		"hiện đại hoá quốc phòng, thuỷ sản, sức khoẻ",
		"Đại Hàn Dân Quốc",
		"Nguyễn Phú Trọng tiếp Ngoại trưởng Mỹ",
	}
	for _, p := range phrases {
		a, b := vntext.Normalize(norm.NFC.String(p)), vntext.Normalize(nfd(p))
		if a != b {
			t.Errorf("Normalize(NFC %q) = %q, Normalize(NFD) = %q", p, a, b)
		}
		if !norm.NFC.IsNormalString(a) {
			t.Errorf("Normalize(%q) = %q is not NFC", p, a)
		}
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"Hàn  Quốc", "hàn quốc"},
		{"Hàn\u00a0Quốc", "hàn quốc"},
		{"Hàn\u200bQuốc", "hàn quốc"},
		{"Hàn\ufeffQuốc", "hàn quốc"},
		{"Yoon-joo", "yoon joo"},
		{"Yoon\u2011joo", "yoon joo"},
		{"Yoon joo", "yoon joo"},
		{"Hoá học", "hóa học"},
		{"Uỷ ban", "ủy ban"},
		{"ngày 12/6", "ngày 12 / 6"},
		{"tháng10", "tháng 10"},
		{"", ""},
		{" \t\n", ""},
	}
	for _, tt := range tests {
		if got := vntext.Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestIsSpace(t *testing.T) {
	for _, r := range []rune{' ', '\t', '\n', '\r', '\u00a0', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u3000'} {
		if !vntext.IsSpace(r) {
			t.Errorf("IsSpace(%U) = false, want true", r)
		}
	}
	for _, r := range []rune{'a', 'đ', '1', '-', '.', '\u0301'} {
		if vntext.IsSpace(r) {
			t.Errorf("IsSpace(%U) = true, want false", r)
		}
	}
}

// tok is the part of a Token a test states; Raw is text[Start:End].
type tok struct {
	Raw, Norm string
	Kind      vntext.TokenKind
	Upper     bool
	Space     bool
	Newline   bool
	Hyphen    bool
}

func TestTokenize(t *testing.T) {
	W, N, P := vntext.Word, vntext.Number, vntext.Punct
	tests := []struct {
		name string
		in   string
		want []tok
	}{
		{"empty", "", nil},
		{"only spaces", " \u00a0\u200b\n", nil},
		{"words", "Thứ trưởng", []tok{
			{"Thứ", "thứ", W, true, true, true, false},
			{"trưởng", "trưởng", W, false, true, false, false},
		}},
		{"nbsp separates", "Park\u00a0Yoon", []tok{
			{"Park", "park", W, true, true, true, false},
			{"Yoon", "yoon", W, true, true, false, false},
		}},
		{"zero-width space separates", "Hàn\u200bQuốc", []tok{
			{"Hàn", "hàn", W, true, true, true, false},
			{"Quốc", "quốc", W, true, true, false, false},
		}},
		{"hyphen separates", "Yoon-joo", []tok{
			{"Yoon", "yoon", W, true, true, true, false},
			{"joo", "joo", W, false, false, false, true},
		}},
		{"spaced en dash", "2018 – 2019", []tok{
			{"2018", "2018", N, false, true, true, false},
			{"2019", "2019", N, false, true, false, true},
		}},
		{"non-breaking hyphen", "Ha\u2011na", []tok{
			{"Ha", "ha", W, true, true, true, false},
			{"na", "na", W, false, false, false, true},
		}},
		{"letters then digits", "tháng10", []tok{
			{"tháng", "tháng", W, false, true, true, false},
			{"10", "10", N, false, false, false, false},
		}},
		{"digits then letters", "10km", []tok{
			{"10", "10", N, false, true, true, false},
			{"km", "km", W, false, false, false, false},
		}},
		{"newline", "Seoul\nHà Nội", []tok{
			{"Seoul", "seoul", W, true, true, true, false},
			{"Hà", "hà", W, true, true, true, false},
			{"Nội", "nội", W, true, true, false, false},
		}},
		{"crlf", "a\r\nb", []tok{
			{"a", "a", W, false, true, true, false},
			{"b", "b", W, false, true, true, false},
		}},
		{"punctuation", "Ông Kim nói: “Tốt…”.", []tok{
			{"Ông", "ông", W, true, true, true, false},
			{"Kim", "kim", W, true, true, false, false},
			{"nói", "nói", W, false, true, false, false},
			{":", ":", P, false, false, false, false},
			{"“", `"`, P, false, true, false, false},
			{"Tốt", "tốt", W, true, false, false, false},
			{"…", "...", P, false, false, false, false},
			{"”", `"`, P, false, false, false, false},
			{".", ".", P, false, false, false, false},
		}},
		{"single quotes", "‘a’", []tok{
			{"‘", "'", P, false, true, true, false},
			{"a", "a", W, false, false, false, false},
			{"’", "'", P, false, false, false, false},
		}},
		{"date with slashes", "12/6/2018", []tok{
			{"12", "12", N, false, true, true, false},
			{"/", "/", P, false, false, false, false},
			{"6", "6", N, false, false, false, false},
			{"/", "/", P, false, false, false, false},
			{"2018", "2018", N, false, false, false, false},
		}},
		{"apostrophe inside a word", "N'Djamena", []tok{
			{"N'Djamena", "n'djamena", W, true, true, true, false},
		}},
		{"apostrophe after a word", "Kim' ", []tok{
			{"Kim", "kim", W, true, true, true, false},
			{"'", "'", P, false, false, false, false},
		}},
		{"tone placement", "Hoá Uỷ", []tok{
			{"Hoá", "hóa", W, true, true, true, false},
			{"Uỷ", "ủy", W, true, true, false, false},
		}},
		{"nfd word", nfd("Thuỷ sản"), []tok{
			{nfd("Thuỷ"), "thủy", W, true, true, true, false},
			{nfd("sản"), "sản", W, false, true, false, false},
		}},
		{"punctuation in nfc", "a\u037eb", []tok{
			{"a", "a", W, false, true, true, false},
			{"\u037e", ";", P, false, false, false, false},
			{"b", "b", W, false, false, false, false},
		}},
		{"invalid utf-8", "a\xffb", []tok{
			{"a", "a", W, false, true, true, false},
			{"\xff", "\ufffd", P, false, false, false, false},
			{"b", "b", W, false, false, false, false},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := vntext.Tokenize(tt.in)
			got := make([]tok, len(toks))
			for i, x := range toks {
				if x.Start < 0 || x.End > len(tt.in) || x.Start >= x.End {
					t.Fatalf("token %d: offsets [%d,%d) out of range for %d bytes", i, x.Start, x.End, len(tt.in))
				}
				got[i] = tok{tt.in[x.Start:x.End], x.Norm, x.Kind, x.Upper, x.Space, x.Newline, x.Hyphen}
			}
			if len(got) != len(tt.want) {
				t.Fatalf("Tokenize(%q): %d tokens %+v, want %d %+v", tt.in, len(got), got, len(tt.want), tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("Tokenize(%q) token %d = %+v, want %+v", tt.in, i, got[i], tt.want[i])
				}
			}
		})
	}
}

// TestTokenizeOffsetsNFD checks that offsets point into the original text,
// whatever its normal form, and that NFC and NFD input give the same Norms.
func TestTokenizeOffsetsNFD(t *testing.T) {
	texts := []string{
		"Thứ trưởng Bộ Ngoại giao Hàn Quốc Park Yoon-joo hội đàm với Phó Ngoại trưởng Mỹ.",
		"Ngày 12/6/2018, ông Kim Jong Un và Tổng thống Donald Trump gặp nhau tại Singapore.",
		"hiện đại hoá, thuỷ lợi, sức khoẻ, quý vị",
	}
	for _, text := range texts {
		c, d := norm.NFC.String(text), nfd(text)
		tc, td := vntext.Tokenize(c), vntext.Tokenize(d)
		if len(tc) != len(td) {
			t.Fatalf("%q: %d tokens in NFC, %d in NFD", text, len(tc), len(td))
		}
		for i := range tc {
			if tc[i].Norm != td[i].Norm {
				t.Errorf("%q token %d: Norm %q (NFC) != %q (NFD)", text, i, tc[i].Norm, td[i].Norm)
			}
			for _, side := range []struct {
				text string
				tok  vntext.Token
			}{{c, tc[i]}, {d, td[i]}} {
				raw := side.text[side.tok.Start:side.tok.End]
				if side.tok.Kind == vntext.Word && vntext.NormalizeWord(raw) != side.tok.Norm {
					t.Errorf("text[%d:%d] = %q normalises to %q, token Norm is %q",
						side.tok.Start, side.tok.End, raw, vntext.NormalizeWord(raw), side.tok.Norm)
				}
				if side.tok.Kind == vntext.Number && raw != side.tok.Norm {
					t.Errorf("number text[%d:%d] = %q, Norm %q", side.tok.Start, side.tok.End, raw, side.tok.Norm)
				}
			}
		}
		// In NFD the text is longer, so the offsets must differ where marks are.
		if c != d && tc[len(tc)-1].End == td[len(td)-1].End {
			t.Errorf("%q: last token ends at %d in both forms; NFD offsets are not into the NFD text", text, tc[len(tc)-1].End)
		}
	}
}

func ExampleTokenize() {
	text := "Thứ trưởng Park Yoon-joo gặp ông Landau tháng10."
	for _, t := range vntext.Tokenize(text) {
		fmt.Printf("%-8q %-9q hyphen=%v\n", text[t.Start:t.End], t.Norm, t.Hyphen)
	}
	// Output:
	// "Thứ"    "thứ"     hyphen=false
	// "trưởng" "trưởng"  hyphen=false
	// "Park"   "park"    hyphen=false
	// "Yoon"   "yoon"    hyphen=false
	// "joo"    "joo"     hyphen=true
	// "gặp"    "gặp"     hyphen=false
	// "ông"    "ông"     hyphen=false
	// "Landau" "landau"  hyphen=false
	// "tháng"  "tháng"   hyphen=false
	// "10"     "10"      hyphen=false
	// "."      "."       hyphen=false
}

func ExampleNormalize() {
	fmt.Println(vntext.Normalize("Chủ tịch Uỷ ban Hoà bình"))
	fmt.Println(strings.EqualFold(vntext.Normalize("hoá"), vntext.Normalize("HÓA")))
	// Output:
	// chủ tịch ủy ban hòa bình
	// true
}

// TestTokenizeNormIsNormalizeWord: a word's Norm is NormalizeWord of its
// text, for the words Tokenize lower-cases into one buffer (capitals,
// ASCII or not, with tone moves) as for the others.
func TestTokenizeNormIsNormalizeWord(t *testing.T) {
	text := "HOÀ Bình THUỶ Lợi, NGUYỄN Văn A gặp KIM Jong-un; hoá UỶ ban Đà Nẵng ĐẢNG N'Djamena O'BRIEN " + nfd("KHOẺ Hoá") + " Ωμέγα ÀÝ"
	words := 0
	for _, tok := range vntext.Tokenize(text) {
		if tok.Kind != vntext.Word {
			continue
		}
		words++
		if w := vntext.NormalizeWord(text[tok.Start:tok.End]); tok.Norm != w {
			t.Errorf("%q: Norm %q, NormalizeWord %q", text[tok.Start:tok.End], tok.Norm, w)
		}
	}
	if words < 20 {
		t.Errorf("%d words, want 20 or more", words)
	}
}
