package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestTextWidth(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want int
	}{
		{"Park", 4},
		{"Đặng Hoàng Giang", 16},
		{"Ha\u0300 No\u0302\u0323i", 6}, // decomposed: the marks take no column
		{"文在寅", 6},
		{"a…", 2},
		{"", 0},
	} {
		if got := textWidth(tc.s); got != tc.want {
			t.Errorf("textWidth(%q) = %d, want %d", tc.s, got, tc.want)
		}
	}
}

func TestCut(t *testing.T) {
	for _, tc := range []struct {
		name string
		cut  func(string, int) string
		cell string
		w    int
		want string
	}{
		{"text whole", cutText, "alliance, energy", 16, "alliance, energy"},
		{"text cut", cutText, "alliance, energy", 12, "alliance, e…"},
		{"text wide chars", cutText, "文在寅 대통령", 5, "文在…"},
		{"text zero", cutText, "abc", 0, ""},
		{"list whole", cutList, "A (KR) + B (JP)", 15, "A (KR) + B (JP)"},
		{"list keeps first", cutList, "Park Yoon-joo (KR) + Takehiro Funakoshi (JP)", 24, "Park Yoon-joo (KR) +1"},
		{"list cuts first", cutList, "Park Yoon-joo (KR) + Takehiro Funakoshi (JP)", 14, "Park Yoon-… +1"},
		{"list of three", cutList, "A (KR) + B (JP) + C (US)", 20, "A (KR) + B (JP) +1"},
		{"list one item", cutList, "Takehiro Funakoshi (JP)", 10, "Takehiro…"},
	} {
		got := tc.cut(tc.cell, tc.w)
		if got != tc.want || textWidth(got) > tc.w {
			t.Errorf("%s: cut(%q, %d) = %q (%d columns), want %q", tc.name, tc.cell, tc.w, got, textWidth(got), tc.want)
		}
	}
}

func TestWriteTableFits(t *testing.T) {
	cols := []column{{head: "DATE"}, {head: "WHO", cut: cutList}, {head: "NOTE"}}
	rows := [][]string{
		{"2025-07-18", "Park Yoon-joo (KR) + Takehiro Funakoshi (JP)", "a long note about what they discussed"},
		{"2025-09-14", "Cho Hyun (KR)", "-"},
	}
	steps := []fitStep{{2, 8}, {2, -1}, {1, 12}}
	for _, tc := range []struct {
		limit      int
		note, plus bool
	}{
		{0, true, false}, {200, true, false}, {70, true, false}, {40, false, true}, {12, false, false},
	} {
		var buf bytes.Buffer
		if err := writeTable(&buf, cols, rows, tc.limit, steps); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		for _, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
			if tc.limit > 0 && textWidth(l) > tc.limit {
				t.Errorf("limit %d: line of %d columns %q", tc.limit, textWidth(l), l)
			}
			if strings.HasSuffix(l, " ") {
				t.Errorf("limit %d: trailing space %q", tc.limit, l)
			}
		}
		if got := strings.Contains(out, "NOTE"); got != tc.note {
			t.Errorf("limit %d: NOTE column shown %v, want %v:\n%s", tc.limit, got, tc.note, out)
		}
		if got := strings.Contains(out, " +1"); got != tc.plus {
			t.Errorf("limit %d: counterparts cut to +1: %v, want %v:\n%s", tc.limit, got, tc.plus, out)
		}
		if tc.limit == 0 && strings.Contains(out, "…") {
			t.Errorf("no limit, yet cut:\n%s", out)
		}
	}
}

func TestWrapLine(t *testing.T) {
	s := "Christopher Landau (US) met 10 time(s), 6 official(s)"
	for _, limit := range []int{0, 80, 30, 12, 5} {
		got := wrapLine(s, limit)
		if strings.Join(strings.Fields(got), " ") != s && limit >= 12 {
			t.Errorf("limit %d: words lost: %q", limit, got)
		}
		for _, l := range strings.Split(got, "\n") {
			if limit > 0 && textWidth(l) > limit {
				t.Errorf("limit %d: line %q", limit, l)
			}
		}
	}
}
