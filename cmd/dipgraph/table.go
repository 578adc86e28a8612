package main

import (
	"bufio"
	"io"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// column is a column of a text table.
type column struct {
	head string
	// cut gives the cell cut to w columns (nil: cutText).
	cut func(cell string, w int) string
}

// fitStep is a step of fitting a table to a terminal: column col cut to
// at most to columns (as little as the table needs), or left out (to < 0).
type fitStep struct{ col, to int }

// tableGap is the space between two columns.
const tableGap = 2

// writeTable writes a table with aligned columns, each as wide as its
// widest cell, the last one not padded. With limit > 0 (a terminal's
// width) no line is wider than limit: the steps are taken in order until
// the table fits, and a line still too wide is cut at the end. A cut cell
// ends in "…". With limit 0 every cell is whole.
func writeTable(w io.Writer, cols []column, rows [][]string, limit int, steps []fitStep) error {
	widths := make([]int, len(cols))
	for i, c := range cols {
		widths[i] = textWidth(c.head)
	}
	for _, r := range rows {
		for i, cell := range r {
			widths[i] = max(widths[i], textWidth(cell))
		}
	}
	if limit > 0 {
		total := tableGap * (len(cols) - 1)
		for _, wd := range widths {
			total += wd
		}
		for _, st := range steps {
			if total <= limit {
				break
			}
			switch i := st.col; {
			case widths[i] < 0:
			case st.to < 0:
				total -= widths[i] + tableGap
				widths[i] = -1
			case widths[i] > st.to:
				keep := max(st.to, widths[i]-(total-limit))
				total -= widths[i] - keep
				widths[i] = keep
			}
		}
	}
	bw := bufio.NewWriter(w)
	last := -1
	for i, wd := range widths {
		if wd >= 0 {
			last = i
		}
	}
	line := func(cells []string) {
		var b strings.Builder
		for i, cell := range cells {
			if widths[i] < 0 {
				continue
			}
			if textWidth(cell) > widths[i] {
				cut := cols[i].cut
				if cut == nil {
					cut = cutText
				}
				cell = cut(cell, widths[i])
			}
			b.WriteString(cell)
			if i < last {
				b.WriteString(strings.Repeat(" ", widths[i]-textWidth(cell)+tableGap))
			}
		}
		s := strings.TrimRight(b.String(), " ")
		if limit > 0 {
			s = cutText(s, limit)
		}
		bw.WriteString(s)
		bw.WriteByte('\n')
	}
	heads := make([]string, len(cols))
	for i, c := range cols {
		heads[i] = c.head
	}
	line(heads)
	for _, r := range rows {
		line(r)
	}
	return bw.Flush()
}

// textWidth is the number of terminal columns s takes: East Asian wide
// and full-width characters take two, combining marks and controls none.
func textWidth(s string) int {
	n := 0
	for _, r := range s {
		n += runeWidth(r)
	}
	return n
}

func runeWidth(r rune) int {
	switch {
	case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf) || unicode.IsControl(r):
		return 0
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}

// cutText cuts s to at most w columns, ending in "…" when it cut.
func cutText(s string, w int) string {
	if textWidth(s) <= w {
		return s
	}
	if w <= 0 {
		return ""
	}
	var b strings.Builder
	n := 0
	for _, r := range s {
		rw := runeWidth(r)
		if n+rw > w-1 {
			break
		}
		b.WriteRune(r)
		n += rw
	}
	return strings.TrimRight(b.String(), " ,;+") + "…"
}

// listSep joins the items of a list cell.
const listSep = " + "

// cutList cuts a cell of items joined by listSep to w columns, keeping
// the number of items it leaves out ("A (KR) +2"), so that a cell of
// several items stays one of several.
func cutList(cell string, w int) string {
	items := strings.Split(cell, listSep)
	if len(items) < 2 || textWidth(cell) <= w {
		return cutText(cell, w)
	}
	for k := len(items) - 1; k >= 1; k-- {
		s := strings.Join(items[:k], listSep) + " +" + strconv.Itoa(len(items)-k)
		if textWidth(s) <= w {
			return s
		}
	}
	more := " +" + strconv.Itoa(len(items)-1)
	if w-textWidth(more) < 2 {
		return cutText(cell, w)
	}
	return cutText(items[0], w-textWidth(more)) + more
}

// wrapLine breaks s at spaces into lines of at most limit columns (a word
// wider than that is cut); limit 0: s as it is.
func wrapLine(s string, limit int) string {
	if limit <= 0 || textWidth(s) <= limit {
		return s
	}
	var lines []string
	cur := ""
	for _, w := range strings.Fields(s) {
		w = cutText(w, limit)
		switch {
		case cur == "":
			cur = w
		case textWidth(cur)+1+textWidth(w) <= limit:
			cur += " " + w
		default:
			lines = append(lines, cur)
			cur = w
		}
	}
	return strings.Join(append(lines, cur), "\n")
}
