// Package vntext normalises and tokenises Vietnamese news text for exact,
// position-preserving matching against a gazetteer.
package vntext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// TokenKind tells words, numbers and punctuation apart.
type TokenKind uint8

// Token kinds.
const (
	Word TokenKind = iota
	Number
	Punct
)

// Token is one word, number or punctuation mark of a text.
type Token struct {
	// Start and End are byte offsets of the token in the original text.
	Start, End int
	// Norm is the normalised form: NFC, lower case, Vietnamese tone marks
	// in one placement. Punctuation is kept as itself (in NFC), except
	// that typographic quotes become ASCII quotes and "…" becomes "...".
	Norm string
	Kind TokenKind
	// Upper is true when the token's first letter is upper case.
	Upper bool
	// Space is true when white space separates the token from the one
	// before it; Newline when that white space holds a line break. The
	// first token of a text has both set.
	Space, Newline bool
	// Hyphen is true when a hyphen or dash stands between the token and the
	// one before it ("Yoon-joo": Hyphen without Space; "Hàn Quốc - ông":
	// both).
	Hyphen bool
}

// IsSpace reports whether r separates tokens without being one: white
// space, non-breaking and zero-width spaces, the byte order mark.
func IsSpace(r rune) bool {
	switch r {
	case '\u00a0', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff':
		return true
	}
	return unicode.IsSpace(r)
}

// isHyphen reports dashes that join or separate words.
func isHyphen(r rune) bool {
	switch r {
	case '-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212':
		return true
	}
	return false
}

func isWordRune(r rune) bool {
	switch {
	case r < 0x80:
		return 'a' <= r|0x20 && r|0x20 <= 'z'
	case r >= 0xC0 && r <= 0x24F && r != 0xD7 && r != 0xF7, r >= 0x300 && r <= 0x36F, r >= 0x1EA0 && r <= 0x1EFF:
		// Latin-1 letters, Latin Extended-A and -B, combining marks and
		// the Vietnamese block of Latin Extended Additional.
		return true
	}
	return unicode.IsLetter(r) || unicode.IsMark(r)
}

// lowerRune is unicode.ToLower, with fast paths for ASCII and the Latin
// letters Vietnamese is written in.
func lowerRune(r rune) rune {
	switch {
	case r < 0x80:
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	case r >= 0xC0 && r <= 0xDE && r != 0xD7:
		return r + 0x20
	case r >= 0x1EA0 && r <= 0x1EFF:
		return r | 1 // capitals at even code points, small letters after
	}
	return unicode.ToLower(r)
}

// isUpperRune is unicode.IsUpper with the same fast paths.
func isUpperRune(r rune) bool {
	switch {
	case r < 0x80:
		return 'A' <= r && r <= 'Z'
	case r >= 0xC0 && r <= 0xFF:
		return r <= 0xDE && r != 0xD7
	case r >= 0x1EA0 && r <= 0x1EFF:
		return r&1 == 0
	}
	return unicode.IsUpper(r)
}

// needsCompose reports a letter after which a word may not be in NFC once
// lower-cased: a combining mark, or a letter of another script than Latin
// ("Ό" U+1FF9 lower-cases to U+1F79, which NFC writes U+03CC). Precomposed
// Latin letters (Latin-1, Extended-A and -B, the Vietnamese block) stay NFC.
func needsCompose(r rune) bool {
	return r >= 0x250 && !(r >= 0x1E00 && r <= 0x1EFF)
}

// lowerString is strings.ToLower for a word with a capital in it.
func lowerString(w string) string {
	var b strings.Builder
	b.Grow(len(w))
	for _, r := range w {
		b.WriteRune(lowerRune(r))
	}
	return b.String()
}

// Tokenize splits text into tokens. Words are runs of letters (with their
// combining marks), numbers are runs of digits, a switch between letters
// and digits ends a token ("tháng10" is two tokens), white space and hyphens
// separate tokens and are dropped, every other character is a token of its
// own. Invalid UTF-8 bytes are treated as punctuation.
func Tokenize(text string) []Token {
	toks := make([]Token, 0, len(text)/5+1)
	// Words with a capital are lower-cased into one buffer, made one
	// string at the end, of which their forms are parts: one allocation
	// for all of them rather than one each.
	var lower []byte
	type lowered struct {
		tok, off, n int32
		ascii       bool
	}
	var pending []lowered
	space, newline, hyphen := true, true, false
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n' || r == '\r':
			space, newline = true, true
			i += size
			continue
		case IsSpace(r):
			space = true
			i += size
			continue
		case isHyphen(r):
			hyphen = true
			i += size
			continue
		}
		start := i
		kind := Punct
		var upper, mark, ascii bool
		switch {
		case isWordRune(r):
			kind = Word
			upper, mark, ascii = isUpperRune(r), needsCompose(r), r < utf8.RuneSelf
			i += size
			for i < len(text) {
				if c := text[i]; c < utf8.RuneSelf {
					// ASCII letters, most of a Vietnamese word's bytes,
					// without decoding.
					if lc := c | 0x20; 'a' <= lc && lc <= 'z' {
						upper = upper || c <= 'Z'
						i++
						continue
					}
					if c != '\'' {
						break
					}
				}
				r2, s2 := utf8.DecodeRuneInString(text[i:])
				if !isWordRune(r2) && !(r2 == '\'' && i+s2 < len(text) && isLetterAt(text, i+s2)) {
					break
				}
				if r2 >= utf8.RuneSelf {
					ascii = false
					mark = mark || needsCompose(r2)
				}
				upper = upper || isUpperRune(r2)
				i += s2
			}
		case unicode.IsDigit(r):
			kind = Number
			i += size
			for i < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[i:])
				if !unicode.IsDigit(r2) {
					break
				}
				i += s2
			}
		default:
			i += size
		}
		raw := text[start:i]
		t := Token{Start: start, End: i, Kind: kind, Space: space, Newline: newline, Hyphen: hyphen}
		switch kind {
		case Word:
			if upper && !mark {
				// normalizeWord's lower-casing, into the buffer; its
				// tone move once the buffer is a string.
				if lower == nil {
					lower = make([]byte, 0, len(text)/8+16)
				}
				off := len(lower)
				lower = appendLower(lower, raw)
				pending = append(pending, lowered{int32(len(toks)), int32(off), int32(len(lower) - off), ascii})
			} else {
				t.Norm = normalizeWord(raw, upper, mark, ascii)
			}
			t.Upper = isUpperRune(r)
		case Number:
			t.Norm = raw
		default:
			t.Norm = normalizePunct(r, raw)
		}
		toks = append(toks, t)
		space, newline, hyphen = false, false, false
	}
	if len(pending) > 0 {
		all := string(lower)
		for _, p := range pending {
			w := all[p.off : p.off+p.n]
			if !p.ascii {
				w = canonicalTone(w)
			}
			toks[p.tok].Norm = w
		}
	}
	return toks
}

// appendLower appends w lower-cased (lowerString's letters) to b.
func appendLower(b []byte, w string) []byte {
	for i := 0; i < len(w); {
		if c := w[i]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
		if lr := lowerRune(r); lr != r {
			b = utf8.AppendRune(b, lr)
		} else {
			b = append(b, w[i:i+size]...)
		}
		i += size
	}
	return b
}

func isLetterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

func normalizePunct(r rune, raw string) string {
	switch r {
	case '“', '”', '„', '«', '»', '″':
		return `"`
	case '‘', '’', '‚', '′':
		return "'"
	case '…':
		return "..."
	}
	if r == utf8.RuneError {
		return "\ufffd"
	}
	// A few marks have a canonical equivalent (U+037E GREEK QUESTION MARK
	// is ";"): keep Norm in NFC like every other token's.
	return norm.NFC.String(raw)
}

// NormalizeWord returns the normalised form of one word: NFC, lower case,
// and the tone mark of the syllable endings "oa", "oe" and "uy" on the first
// vowel ("hoá" → "hóa", "uỷ" → "ủy").
func NormalizeWord(w string) string {
	upper, mark, ascii := false, false, true
	for _, r := range w {
		if r >= utf8.RuneSelf {
			ascii = false
			mark = mark || needsCompose(r)
		}
		upper = upper || isUpperRune(r)
	}
	return normalizeWord(w, upper, mark, ascii)
}

// normalizeWord is NormalizeWord for a word whose letters are known: with
// a capital (upper), a letter that needs composing (mark, needsCompose),
// only ASCII (ascii). Most
// words are lower case, precomposed: they come back as they are.
func normalizeWord(w string, upper, mark, ascii bool) string {
	if ascii {
		if upper {
			return strings.ToLower(w)
		}
		return w
	}
	// Lower case first: a lower-case letter may compose with a mark where
	// its capital does not ("J̌" is J+U+030C, "ǰ" is one code point).
	s := w
	if upper {
		s = lowerString(w)
	}
	if mark {
		// Combining marks (NFD input) or another script: compose. Latin
		// text without marks is already NFC.
		s = norm.NFC.String(s)
	}
	return canonicalTone(s)
}

// Normalize returns the normalised form of a phrase: its tokens' forms
// joined by single spaces.
func Normalize(s string) string {
	toks := Tokenize(s)
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = t.Norm
	}
	return strings.Join(parts, " ")
}

// toneFamily maps a lower-case vowel with or without a tone mark (but no
// other mark) to its base letter, and anything else to 0.
func toneFamily(r rune) rune {
	switch r {
	case 'a', 'à', 'á', 'ả', 'ã', 'ạ':
		return 'a'
	case 'e', 'è', 'é', 'ẻ', 'ẽ', 'ẹ':
		return 'e'
	case 'o', 'ò', 'ó', 'ỏ', 'õ', 'ọ':
		return 'o'
	case 'u', 'ù', 'ú', 'ủ', 'ũ', 'ụ':
		return 'u'
	case 'y', 'ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ':
		return 'y'
	}
	return 0
}

// Tone marks as combining characters.
const (
	grave = '\u0300'
	acute = '\u0301'
	tilde = '\u0303'
	hook  = '\u0309'
	dot   = '\u0323'
)

func isTone(r rune) bool {
	return r == grave || r == acute || r == tilde || r == hook || r == dot
}

// canonicalTone moves the tone mark of a syllable that ends in the vowel
// pairs "oa", "oe" or "uy" (with no final consonant, and not "qu"+"y") onto
// the first vowel of the pair, the placement most Vietnamese news use.
func canonicalTone(s string) string {
	// Only words ending in o+a, o+e or u+y (either with a tone) can need a
	// move; look at the last two letters before the slow path. Most words
	// end in an ASCII letter that is none of a, e and y: the last byte
	// tells.
	if len(s) == 0 {
		return s
	}
	if c := s[len(s)-1]; c < utf8.RuneSelf && c != 'a' && c != 'e' && c != 'y' {
		return s
	}
	last, size := utf8.DecodeLastRuneInString(s)
	prev, _ := utf8.DecodeLastRuneInString(s[:len(s)-size])
	if !(toneFamily(prev) == 'o' && (toneFamily(last) == 'a' || toneFamily(last) == 'e') ||
		toneFamily(prev) == 'u' && toneFamily(last) == 'y') {
		return s
	}
	d := []rune(norm.NFD.String(s))
	// Find the tone mark and strip it.
	tonePos, tone := -1, rune(0)
	base := make([]rune, 0, len(d))
	for _, r := range d {
		if isTone(r) {
			tone = r
			tonePos = len(base)
			continue
		}
		base = append(base, r)
	}
	if tonePos < 0 {
		return s
	}
	// base is NFD without tone; the pair must be the last two letters with
	// no combining marks of their own (plain o/a, o/e, u/y).
	n := len(base)
	if n < 2 {
		return s
	}
	a, b := base[n-2], base[n-1]
	pair := (a == 'o' && (b == 'a' || b == 'e')) || (a == 'u' && b == 'y')
	if !pair || (a == 'u' && n >= 3 && base[n-3] == 'q') {
		return s
	}
	if n >= 3 && unicode.IsMark(base[n-3]) && base[n-3] != tone {
		// A vowel with its own mark before the pair (e.g. "ươ"): leave it.
		return s
	}
	out := make([]rune, 0, len(base)+1)
	out = append(out, base[:n-1]...)
	out = append(out, tone)
	out = append(out, base[n-1])
	_ = tonePos
	return norm.NFC.String(string(out))
}
