package schema

import (
	"testing"
)

// FuzzParseDate checks that ParseDate never panics and that every date it
// accepts exists, lies in 1900–2100 and round-trips through String.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{
		"2021", "2021-02", "2024-02-29", "2021-02-29", "2021-13", "1899",
		"2100-12-31", "", "-", "2021--1", "2021-+1", " 2021-1-1 ", "٢٠٢١",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			if d != (Date{}) {
				t.Fatalf("ParseDate(%q) = %+v with error %v, want the zero Date", s, d, err)
			}
			return
		}
		if d.IsZero() || d.Y < 1900 || d.Y > 2100 {
			t.Fatalf("ParseDate(%q) = %+v: unknown or out of range", s, d)
		}
		if d.P >= Month && (d.M < 1 || d.M > 12) || d.P == Day && !validDay(d.Y, d.M, d.D) {
			t.Fatalf("ParseDate(%q) = %+v: no such date", s, d)
		}
		str := d.String()
		back, err := ParseDate(str)
		if err != nil || back != d {
			t.Fatalf("ParseDate(%q) = %+v; ParseDate(%q) = %+v, %v", s, d, str, back, err)
		}
		if back.String() != str {
			t.Fatalf("String not stable: %q then %q", str, back.String())
		}
	})
}
