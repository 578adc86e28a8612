package corpus

import (
	"bytes"
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"
)

// hasUTF16BOM reports a UTF-16 byte order mark at the start.
func hasUTF16BOM(b []byte) bool {
	return bytes.HasPrefix(b, []byte{0xff, 0xfe}) || bytes.HasPrefix(b, []byte{0xfe, 0xff})
}

// decodeUTF16 decodes UTF-16 text with a byte order mark.
func decodeUTF16(b []byte) (string, string, error) {
	enc, name := xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM), "UTF-16LE"
	if b[0] == 0xfe {
		enc, name = xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM), "UTF-16BE"
	}
	if len(b)%2 != 0 {
		return "", name, errors.New("odd number of bytes")
	}
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return "", name, err
	}
	if i := bytes.IndexRune(out, utf8.RuneError); i >= 0 {
		return "", name, errors.New("unpaired surrogate")
	}
	return string(out), name, nil
}

// utf16Hint suggests UTF-16 when most NUL bytes fall on one parity.
func utf16Hint(b []byte) string {
	var even, odd int
	n := min(len(b), 4096)
	for i := 0; i < n; i++ {
		if b[i] == 0 {
			if i%2 == 0 {
				even++
			} else {
				odd++
			}
		}
	}
	if max(even, odd) > n/4 && min(even, odd)*10 < max(even, odd) {
		return "; UTF-16 without a byte order mark?"
	}
	return ""
}

// mostlyUTF8 reports bytes that hold at least as many valid multi-byte
// UTF-8 sequences as invalid bytes: UTF-8 with errors, not a legacy
// encoding, and not to be decoded as one.
func mostlyUTF8(b []byte) bool {
	var multi, bad int
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			bad++
		case n > 1:
			multi++
		}
		i += n
	}
	return multi >= bad
}

// decodeWindows1258 decodes text in Windows-1258 when that is
// unambiguous: the bytes are not mostly UTF-8, every byte is defined in
// Windows-1258, and the words read as Vietnamese.
func decodeWindows1258(b []byte) (string, bool) {
	if mostlyUTF8(b) {
		return "", false
	}
	out, err := charmap.Windows1258.NewDecoder().Bytes(b)
	if err != nil {
		return "", false
	}
	s := string(out)
	for _, r := range s {
		if r == utf8.RuneError || (r >= 0x80 && r <= 0x9f) {
			return "", false
		}
	}
	if !plausibleVietnamese(s) {
		return "", false
	}
	return s, true
}

// looksVNI reports bytes that read as Vietnamese when taken as VNI (the
// VNI-Windows font encoding: ASCII letters followed by mark bytes).
func looksVNI(b []byte) bool {
	if mostlyUTF8(b) {
		return false
	}
	return plausibleVietnamese(decodeVNI(b))
}

// VNI mark bytes: what each adds to the letter before it, as combining
// marks; and the bytes that are letters of their own.
var (
	vniMarks = map[byte]string{
		0xf9: "\u0301", 0xf8: "\u0300", 0xfb: "\u0309", 0xf5: "\u0303", 0xef: "\u0323",
		0xe2: "\u0302", 0xe1: "\u0302\u0301", 0xe0: "\u0302\u0300", 0xe5: "\u0302\u0309", 0xe3: "\u0302\u0303", 0xe4: "\u0302\u0323",
		0xea: "\u0306", 0xe9: "\u0306\u0301", 0xe8: "\u0306\u0300", 0xfa: "\u0306\u0309", 0xfc: "\u0306\u0303", 0xeb: "\u0306\u0323",
	}
	vniLetters = map[byte]string{
		0xf4: "ơ", 0xf6: "ư", 0xf1: "đ", 0xed: "í", 0xec: "ì", 0xe6: "ỉ", 0xf3: "ĩ", 0xf2: "ị",
	}
)

// decodeVNI decodes VNI bytes (for detection only). Upper-case mark and
// letter bytes are the lower-case ones less 0x20.
func decodeVNI(b []byte) string {
	var sb strings.Builder
	for _, c := range b {
		if c < 0x80 {
			sb.WriteByte(c)
			continue
		}
		lc, upper := c, false
		if c >= 0xc0 && c < 0xe0 {
			lc, upper = c+0x20, true
		}
		if m, ok := vniMarks[lc]; ok {
			sb.WriteString(m)
			continue
		}
		if l, ok := vniLetters[lc]; ok {
			if upper {
				l = strings.ToUpper(l)
			}
			sb.WriteString(l)
			continue
		}
		sb.WriteRune(utf8.RuneError)
	}
	return norm.NFC.String(sb.String())
}

// plausibleVietnamese reports text whose words with non-ASCII letters are
// (nearly all) spelt with the Vietnamese alphabet: at most one tone mark,
// tone marks on vowels, circumflex on a, e, o, breve on a, horn on o, u,
// and no other accented letter than those and đ.
func plausibleVietnamese(s string) bool {
	if strings.ContainsRune(s, utf8.RuneError) {
		return false
	}
	good, bad := 0, 0
	d := norm.NFD.String(s)
	for i := 0; i < len(d); {
		r, n := utf8.DecodeRuneInString(d[i:])
		if !unicode.IsLetter(r) {
			i += n
			continue
		}
		j := i
		for j < len(d) {
			r2, n2 := utf8.DecodeRuneInString(d[j:])
			if !unicode.IsLetter(r2) && !unicode.IsMark(r2) {
				break
			}
			j += n2
		}
		switch w := d[i:j]; {
		case isASCII(w):
		case vietnameseWord(w):
			good++
		default:
			bad++
		}
		i = j
	}
	return good > 0 && bad*20 <= good+bad
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// vietnameseWord checks one NFD word.
func vietnameseWord(w string) bool {
	var base rune
	tones := 0
	for _, r := range w {
		lr := unicode.ToLower(r)
		switch {
		case lr < utf8.RuneSelf || lr == 'đ':
			base = lr
		case lr == '\u0300', lr == '\u0301', lr == '\u0303', lr == '\u0309', lr == '\u0323':
			tones++
			if tones > 1 || !strings.ContainsRune("aeiouy", base) {
				return false
			}
		case lr == '\u0302':
			if !strings.ContainsRune("aeo", base) {
				return false
			}
		case lr == '\u0306':
			if base != 'a' {
				return false
			}
		case lr == '\u031b':
			if base != 'o' && base != 'u' {
				return false
			}
		default:
			return false
		}
	}
	return true
}
