package schema

import (
	"strings"
	"unicode/utf8"
)

// EscapeIRI makes s a valid N-Quads IRIREF (and RFC 3987 IRI) body: the
// bytes the grammar excludes — controls and space (0x00–0x20), DEL, and
// <>"{}|^`\ — and every byte of invalid UTF-8 are percent-encoded, and so
// is '%' itself, so that the encoding is one-to-one (percent-decoding it
// gives s back). Article ids come from file names and may hold any byte
// but '/' and NUL.
func EscapeIRI(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c <= 0x20 || c >= 0x7f || strings.IndexByte(iriExcluded, c) >= 0 {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(s[i:])
			if r != utf8.RuneError || n > 1 {
				b.WriteString(s[i : i+n])
				i += n
				continue
			}
			percent(&b, c)
			i++
			continue
		}
		if c <= 0x20 || c == 0x7f || strings.IndexByte(iriExcluded, c) >= 0 {
			percent(&b, c)
		} else {
			b.WriteByte(c)
		}
		i++
	}
	return b.String()
}

// iriExcluded are the printable ASCII bytes an IRIREF may not hold, and
// '%' (escaped to keep the encoding one-to-one).
const iriExcluded = "<>\"{}|^`\\%"

func percent(b *strings.Builder, c byte) {
	const hex = "0123456789ABCDEF"
	b.WriteByte('%')
	b.WriteByte(hex[c>>4])
	b.WriteByte(hex[c&15])
}
