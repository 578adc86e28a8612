package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// unicodeSpace is white space as the tokeniser sees it, with the
// non-breaking space.
func unicodeSpace(r rune) bool { return unicode.IsSpace(r) || r == '\u00a0' }

// isZeroWidth reports invisible characters that may sit inside a word:
// zero-width space, non-joiner and joiner, word joiner, byte order mark,
// soft hyphen.
func isZeroWidth(r rune) bool {
	switch r {
	case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad':
		return true
	}
	return false
}

// isWordRune is what the tokeniser puts in a word or number.
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r) }

// loneCR turns carriage returns that are not followed by a line feed
// (old Mac line ends) into line feeds: same length, same offsets.
func loneCR(s string) (string, int) {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '\r' && (i+1 == len(s) || s[i+1] != '\n') {
			n++
		}
	}
	if n == 0 {
		return s, 0
	}
	b := []byte(s)
	for i := range b {
		if b[i] == '\r' && (i+1 == len(b) || b[i+1] != '\n') {
			b[i] = '\n'
		}
	}
	return string(b), n
}

// hasZeroWidth reports whether s holds U+200B–U+200D, U+2060, U+FEFF or
// U+00AD, by their UTF-8 bytes (strings.ContainsAny walks s rune by rune
// for each of them).
func hasZeroWidth(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		switch s[i] {
		case 0xC2: // U+00AD
			if s[i+1] == 0xAD {
				return true
			}
		case 0xE2: // U+200B–U+200D, U+2060
			if i+2 < len(s) && (s[i+1] == 0x80 && s[i+2] >= 0x8B && s[i+2] <= 0x8D || s[i+1] == 0x81 && s[i+2] == 0xA0) {
				return true
			}
		case 0xEF: // U+FEFF
			if i+2 < len(s) && s[i+1] == 0xBB && s[i+2] == 0xBF {
				return true
			}
		}
	}
	return false
}

// blankZeroWidth takes zero-width characters (and byte order marks and
// soft hyphens) out of the text without moving any offset outside the
// words that held them. One between two letters of a word ("Mo\u200bon")
// leaves the word whole, and spaces of its length go next to the word, on
// the side where a space already is ("   Moon," or "-Moon   "), so that
// what follows keeps its spacing; any other becomes spaces where it stands.
func blankZeroWidth(s string) (string, int) {
	if !hasZeroWidth(s) {
		return s, 0
	}
	var out strings.Builder
	out.Grow(len(s))
	n := 0
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if isZeroWidth(r) {
			out.WriteString(strings.Repeat(" ", size))
			n++
			i += size
			continue
		}
		if !isWordRune(r) {
			out.WriteString(s[i : i+size])
			i += size
			continue
		}
		// A word: letters with zero-width characters between them.
		var word strings.Builder
		pad := 0
		j := i
		for j < len(s) {
			r2, n2 := utf8.DecodeRuneInString(s[j:])
			if isWordRune(r2) {
				word.WriteString(s[j : j+n2])
				j += n2
				continue
			}
			if !isZeroWidth(r2) {
				break
			}
			// A zero-width run is inside the word only if a letter follows.
			k, runes := j, 0
			for k < len(s) {
				r3, n3 := utf8.DecodeRuneInString(s[k:])
				if !isZeroWidth(r3) {
					break
				}
				k += n3
				runes++
			}
			if r3, _ := utf8.DecodeRuneInString(s[k:]); k >= len(s) || !isWordRune(r3) {
				break
			}
			pad += k - j
			n += runes
			j = k
		}
		spaces := strings.Repeat(" ", pad)
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[j:])
		if pad > 0 && (i == 0 || unicodeSpace(before) || !(j == len(s) || unicodeSpace(after))) {
			out.WriteString(spaces)
			spaces = ""
		}
		out.WriteString(word.String())
		out.WriteString(spaces)
		i = j
	}
	return out.String(), n
}
