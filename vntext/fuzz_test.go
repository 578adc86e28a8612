package vntext

import (
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// FuzzTokenize checks what Tokenize promises for any input: no panic,
// tokens in order and inside the text, offsets on the boundaries of the
// runes (or invalid bytes) the text decodes to, nothing but separators
// dropped, and every Norm in NFC.
func FuzzTokenize(f *testing.F) {
	for _, s := range []string{
		"",
		"Thứ trưởng Bộ Ngoại giao Hàn Quốc Park Yoon-joo",
		norm.NFD.String("hiện đại hoá, thuỷ lợi, sức khoẻ, quý vị"),
		"tháng10 năm2018 12/6/2018",
		"Hàn\u00a0Quốc\u200bMỹ\ufeff–—",
		"“Tốt…” ‘a’ N'Djamena Kim'",
		"a\xffb\xc3",
		"\u0301\u0323e\u0301\u0301",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		toks := Tokenize(text)
		bound := map[int]bool{len(text): true}
		for i := 0; i < len(text); {
			bound[i] = true
			_, n := utf8.DecodeRuneInString(text[i:])
			i += n
		}
		prev := 0
		for k, tok := range toks {
			if tok.Start < prev || tok.Start >= tok.End || tok.End > len(text) {
				t.Fatalf("token %d [%d,%d) out of order or bounds (previous end %d, text %d bytes)", k, tok.Start, tok.End, prev, len(text))
			}
			if !bound[tok.Start] || !bound[tok.End] {
				t.Fatalf("token %d [%d,%d) not on rune boundaries", k, tok.Start, tok.End)
			}
			for i := prev; i < tok.Start; {
				r, n := utf8.DecodeRuneInString(text[i:])
				if !IsSpace(r) && !isHyphen(r) {
					t.Fatalf("byte %d (%U) dropped between tokens %d and %d but is no separator", i, r, k-1, k)
				}
				i += n
			}
			if tok.Norm == "" {
				t.Fatalf("token %d [%d,%d) has empty Norm", k, tok.Start, tok.End)
			}
			if !norm.NFC.IsNormalString(tok.Norm) {
				t.Fatalf("token %d %q: Norm %q (%+q) is not NFC", k, text[tok.Start:tok.End], tok.Norm, tok.Norm)
			}
			if tok.Kind == Word {
				if w := NormalizeWord(text[tok.Start:tok.End]); w != tok.Norm {
					t.Fatalf("token %d: Norm %+q, NormalizeWord of its text %+q", k, tok.Norm, w)
				}
				if again := NormalizeWord(tok.Norm); again != tok.Norm {
					t.Fatalf("token %d: NormalizeWord(%+q) = %+q, Norm is not a fixed point", k, tok.Norm, again)
				}
			}
			if k == 0 && !(tok.Space && tok.Newline) {
				t.Fatalf("first token %q without Space and Newline", tok.Norm)
			}
			prev = tok.End
		}
		for i := prev; i < len(text); {
			r, n := utf8.DecodeRuneInString(text[i:])
			if !IsSpace(r) && !isHyphen(r) {
				t.Fatalf("byte %d (%U) dropped after the last token but is no separator", i, r)
			}
			i += n
		}
	})
}
