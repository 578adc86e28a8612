package schema

import (
	"net/url"
	"testing"
)

func TestEscapeIRI(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"article/a01_moon", "article/a01_moon"},
		{"article/Hà Nội", "article/Hà%20Nội"},
		{"article/a>b<c", "article/a%3Eb%3Cc"},
		{`article/a"b\c`, "article/a%22b%5Cc"},
		{"article/a\nb\tc\x00", "article/a%0Ab%09c%00"},
		{"article/a\xffb\xc3", "article/a%FFb%C3"},
		{"article/{a}|^`", "article/%7Ba%7D%7C%5E%60"},
		{"article/100%", "article/100%25"},
		{"article/\x7f", "article/%7F"},
	} {
		got := EscapeIRI(tc.in)
		if got != tc.want {
			t.Errorf("EscapeIRI(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if back, err := url.PathUnescape(got); err != nil || back != tc.in {
			t.Errorf("EscapeIRI(%q) = %q decodes to %q, %v", tc.in, got, back, err)
		}
	}
}
