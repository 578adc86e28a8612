package extract

import (
	"github.com/dipgraph/dipgraph/schema"
	"github.com/dipgraph/dipgraph/vntext"
)

// dateExpr is a date written in a text, tokens [start, end). An absolute
// expression carries what it says (y, m, d; 0 when not written); a relative
// one an offset in days from the reference date ("một ngày trước đó" = -1,
// "cùng ngày" = 0) or from the article's date (fromPub: "hôm qua").
type dateExpr struct {
	start, end int
	y, m, d    int
	relative   bool
	fromPub    bool
	offset     int
	// month marks a relative month ("tháng này" + monthOffset).
	month       bool
	monthOffset int
	// rangeEnd marks the end of a span ("từ ngày 22 đến 24/3"), which does
	// not become the reference day.
	rangeEnd bool
	// spanStart marks the first day of a span, completed from its end
	// ("ngày 19" of "từ ngày 19 đến 21-11"): a meeting's date only when
	// the sentence gives no other day (nearestDate), never the reference
	// day.
	spanStart bool
	// yearOffset is a year written relative to the article's ("năm
	// ngoái" = -1), when hasYearOffset.
	yearOffset    int
	hasYearOffset bool
	// subordinate is true when the date belongs to a clause about another
	// event ("trước khi về nước vào ngày 12/12", "kể từ năm 2018").
	subordinate bool
}

// numberWord returns the value of a number written as a word ("một" 1 …
// "mười" 10), or 0. "năm" (five, or year) is left out.
func numberWord(w string) int {
	switch w {
	case "một":
		return 1
	case "hai":
		return 2
	case "ba":
		return 3
	case "bốn":
		return 4
	case "sáu":
		return 6
	case "bảy":
		return 7
	case "tám":
		return 8
	case "chín":
		return 9
	case "mười":
		return 10
	}
	return 0
}

// dateStarter reports the words a date expression can start with (besides
// numbers): the first words of findDates' cases and the number words.
func dateStarter(w string) bool {
	switch w {
	case "ngày", "tháng", "năm", "cùng", "hôm", "sáng", "chiều", "tối", "trưa", "trước":
		return true
	}
	return numberWord(w) > 0
}

// findDates lists the date expressions in tokens [from, to).
func findDates(toks []vntext.Token, from, to int) []dateExpr {
	var out []dateExpr
	w := func(i int) string {
		if i < from || i >= to {
			return ""
		}
		return toks[i].Norm
	}
	num := func(i int) int {
		if i < from || i >= to || toks[i].Kind != vntext.Number {
			return -1
		}
		return atoi(toks[i].Norm)
	}
	// sep reports whether token i is a date separator ("/" or a hyphen
	// before token i+1, or ".").
	slash := func(i int) bool { return w(i) == "/" || w(i) == "." && !toks[i].Space }
	for i := from; i < to; i++ {
		if toks[i].Kind != vntext.Number && !dateStarter(toks[i].Norm) {
			continue
		}
		e := dateExpr{start: i, end: -1}
		switch {
		case num(i) >= 0:
			a := num(i)
			// d/m/y, d/m, m/y, and the same with hyphens (9-12-2020).
			var b, c int = -1, -1
			next := i + 1
			if slash(i+1) && num(i+2) >= 0 {
				b, next = num(i+2), i+3
			} else if num(i+1) >= 0 && toks[i+1].Hyphen && slash(i+2) && num(i+3) >= 1 && num(i+3) <= 12 && a <= 31 && num(i+1) <= 31 {
				// a range of days, "27-28/2": the first day
				b, next = num(i+3), i+4
			} else if num(i+1) >= 0 && toks[i+1].Hyphen && !toks[i+1].Space {
				b, next = num(i+1), i+2
			}
			if b >= 0 {
				if slash(next) && num(next+1) >= 0 && len(toks[next+1].Norm) == 4 {
					c, next = num(next+1), next+2
				} else if num(next) >= 0 && toks[next].Hyphen && len(toks[next].Norm) == 4 {
					c, next = num(next), next+1
				}
			}
			switch {
			case b >= 0 && c >= 0 && validDMY(a, b, c):
				e.y, e.m, e.d, e.end = c, b, a, next
			case b >= 0 && c < 0 && len(toks[next-1].Norm) == 4 && a >= 1 && a <= 12 && b >= 1900 && b <= 2100:
				e.y, e.m, e.end = b, a, next // m/yyyy
			case b >= 0 && c < 0 && a >= 1 && a <= 31 && b >= 1 && b <= 12 && len(toks[next-1].Norm) <= 2:
				e.m, e.d, e.end = b, a, next
			}
			if e.end > 0 && i > from && w(i-1) == "tháng" && e.d > 0 && e.y == 0 {
				// "tháng 12/2020" was read as d/m: "tháng N/YYYY" is handled above
				e.end = -1
			}
			if e.end > 0 && i > from && w(i-1) == "tháng" {
				e.start = i - 1
			}
		case w(i) == "ngày" && num(i+1) > 0 && w(i+2) == "tháng" && num(i+3) > 0:
			e.d, e.m, e.end = num(i+1), num(i+3), i+4
			if w(i+4) == "năm" && num(i+5) >= 1900 {
				e.y, e.end = num(i+5), i+6
			}
			if !validDMY(e.d, e.m, max(e.y, 2000)) {
				e.end = -1
			}
		case w(i) == "tháng" && num(i+1) >= 1 && num(i+1) <= 12 && !(slash(i+2) && num(i+3) >= 0 && len(toks[i+3].Norm) <= 2):
			e.m, e.end = num(i+1), i+2
			if w(i+2) == "năm" && num(i+3) >= 1900 && num(i+3) <= 2100 {
				e.y, e.end = num(i+3), i+4
			} else if slash(i+2) && num(i+3) >= 1900 && num(i+3) <= 2100 {
				e.y, e.end = num(i+3), i+4
			}
		case w(i) == "tháng" && (w(i+1) == "này" || w(i+1) == "tới" || w(i+1) == "sau" || w(i+1) == "trước") && num(i-1) < 0 && numberWord(w(i-1)) == 0:
			// "cuối tháng này", "tháng tới": a month relative to the article
			e.relative, e.fromPub, e.monthOffset, e.end = true, true, map[string]int{"này": 0, "tới": 1, "sau": 1, "trước": -1}[w(i+1)], i+2
			e.month = true
		case w(i) == "năm" && num(i+1) >= 1900 && num(i+1) <= 2100 && len(toks[i+1].Norm) == 4:
			e.y, e.end = num(i+1), i+2
		case w(i) == "cùng" && w(i+1) == "ngày":
			e.relative, e.end = true, i+2
		case w(i) == "hôm" && w(i+1) == "qua", w(i) == "ngày" && w(i+1) == "hôm" && w(i+2) == "qua":
			e.relative, e.fromPub, e.offset, e.end = true, true, -1, i+2
			if w(i) == "ngày" {
				e.end = i + 3
			}
		case w(i) == "hôm" && w(i+1) == "nay", (w(i) == "sáng" || w(i) == "chiều" || w(i) == "tối" || w(i) == "trưa") && w(i+1) == "nay":
			e.relative, e.fromPub, e.end = true, true, i+2
		case (w(i) == "ngày" || w(i) == "hôm") && w(i+1) == "hôm" && w(i+2) == "sau":
			e.relative, e.offset, e.end = true, 1, i+3
		case w(i) == "hôm" && w(i+1) == "sau", w(i) == "ngày" && w(i+1) == "sau" && w(i+2) == "đó":
			e.relative, e.offset, e.end = true, 1, i+2
		case w(i) == "hôm" && w(i+1) == "trước" && w(i+2) == "đó":
			e.relative, e.offset, e.end = true, -1, i+3
		case w(i) == "hôm" && w(i+1) == "trước":
			e.relative, e.offset, e.end = true, -1, i+2
		case w(i) == "hôm" && w(i+1) == "kia":
			e.relative, e.fromPub, e.offset, e.end = true, true, -2, i+2
		case w(i) == "ngày" && w(i+1) == "mai", w(i) == "sáng" && w(i+1) == "mai", w(i) == "chiều" && w(i+1) == "mai", w(i) == "tối" && w(i+1) == "mai":
			e.relative, e.fromPub, e.offset, e.end = true, true, 1, i+2
		default:
			// "một ngày trước đó", "2 ngày sau", "trước đó một ngày"
			n := num(i)
			if n < 0 {
				n = numberWord(w(i))
			}
			if n > 0 && n <= 31 && w(i+1) == "ngày" && (w(i+2) == "trước" || w(i+2) == "sau") &&
				(w(i+3) == "đó" || w(i+3) == "" || i+3 < len(toks) && toks[i+3].Kind == vntext.Punct) {
				// Only "một ngày trước đó" and "hai ngày sau," count from the
				// reference; "ba ngày sau khi nhậm chức", "ba ngày trước cuộc
				// gặp" count from another event.
				e.relative, e.offset, e.end = true, n, i+3
				if w(i+2) == "trước" {
					e.offset = -n
				}
				if w(i+3) == "đó" {
					e.end = i + 4
				}
			} else if w(i) == "trước" && w(i+1) == "đó" {
				k := num(i + 2)
				if k < 0 {
					k = numberWord(w(i + 2))
				}
				if k > 0 && w(i+3) == "ngày" {
					e.relative, e.offset, e.end = true, -k, i+4
				}
			}
		}
		if e.end <= e.start {
			continue
		}
		if !e.relative && e.y == 0 && e.m > 0 {
			switch {
			case w(e.end) == "năm" && (w(e.end+1) == "ngoái" || w(e.end+1) == "trước"):
				e.yearOffset, e.hasYearOffset, e.end = -1, true, e.end+2
			case w(e.end) == "năm" && w(e.end+1) == "nay":
				e.yearOffset, e.hasYearOffset, e.end = 0, true, e.end+2
			case w(e.end) == "năm" && (w(e.end+1) == "tới" || w(e.end+1) == "sau"):
				e.yearOffset, e.hasYearOffset, e.end = 1, true, e.end+2
			}
		}
		e.subordinate = subordinateBefore(toks, from, e.start)
		if w(e.start-1) == "đến" || w(e.start-1) == "tới" || w(e.start-2) == "đến" && w(e.start-1) == "ngày" {
			e.rangeEnd = true
			// "Từ ngày 19 đến 21-11": the first day of the span, which
			// the end's month (and year) completes.
			to := e.start - 1
			if w(to) == "ngày" {
				to--
			}
			n := num(to - 1)
			free := len(out) == 0 || out[len(out)-1].end <= to-1
			if e.d > 0 && e.m > 0 && n >= 1 && n < e.d && (w(to-2) == "ngày" || w(to-2) == "từ") && free {
				first := dateExpr{start: to - 1, end: to, y: e.y, m: e.m, d: n, spanStart: true}
				if w(to-2) == "ngày" {
					first.start = to - 2
				}
				first.subordinate = subordinateBefore(toks, from, first.start)
				out = append(out, first)
			}
		}
		out = append(out, e)
		i = e.end - 1
	}
	return out
}

// subordinateBefore reports a clause about another event in the few words
// before a date: "trước khi", "sau khi", "kể từ", "từ năm".
func subordinateBefore(toks []vntext.Token, from, i int) bool {
	for j := i - 1; j >= from && j >= i-6; j-- {
		w := toks[j].Norm
		if j+1 < i+1 && (w == "trước" || w == "sau") && j+1 < len(toks) && toks[j+1].Norm == "khi" {
			return true
		}
		if w == "kể" && j+1 < len(toks) && toks[j+1].Norm == "từ" {
			return true
		}
		if w == "," || w == "." || w == ";" {
			return false
		}
	}
	return false
}

func validDMY(d, m, y int) bool {
	_, err := schema.MakeDate(y, m, d)
	return err == nil
}

// resolver turns date expressions into dates against the article's date
// and the last day-precision date the text mentioned.
type resolver struct {
	published schema.Date
	year      int         // a year to fall back on when published is unknown
	ref       schema.Date // last day-precision date mentioned
}

// resolve returns the date an expression stands for, or a zero Date.
func (r *resolver) resolve(e dateExpr) schema.Date {
	if e.relative && e.month {
		if r.published.IsZero() {
			return schema.Date{}
		}
		y, m := r.published.Y, r.published.M+e.monthOffset
		if r.published.P == schema.Year {
			return schema.Date{}
		}
		if m > 12 {
			y, m = y+1, m-12
		} else if m < 1 {
			y, m = y-1, m+12
		}
		return schema.MonthDate(y, m)
	}
	if e.relative {
		base := r.ref
		if e.fromPub || base.P != schema.Day {
			if e.fromPub && r.published.P == schema.Day {
				base = r.published
			} else if base.P != schema.Day {
				return schema.Date{}
			}
		}
		return base.AddDays(e.offset)
	}
	y := e.y
	if y == 0 && e.hasYearOffset && !r.published.IsZero() {
		y = r.published.Y + e.yearOffset
	}
	if y == 0 {
		y = r.inferYear(e.m, e.d)
		if y == 0 {
			return schema.Date{}
		}
	}
	var d schema.Date
	var err error
	switch {
	case e.d > 0:
		d, err = schema.MakeDate(y, e.m, e.d)
	case e.m > 0:
		d, err = schema.MakeDate(y, e.m)
	default:
		d, err = schema.MakeDate(y)
	}
	if err != nil {
		return schema.Date{}
	}
	return d
}

// inferYear picks the year of a day or month written without one: the year
// among the article's, the one before and the one after that brings it
// closest to the article's date.
func (r *resolver) inferYear(m, d int) int {
	pub := r.published
	if pub.IsZero() {
		return r.year
	}
	if pub.P == schema.Year || m == 0 {
		return pub.Y
	}
	best, bestDist := pub.Y, 1<<30
	for _, y := range []int{pub.Y - 1, pub.Y, pub.Y + 1} {
		dd := max(d, 1)
		c, err := schema.MakeDate(y, m, dd)
		if err != nil {
			continue
		}
		dist := schema.DaysBetween(pub, c)
		if dist < 0 {
			dist = -dist
		} else {
			dist *= 2 // past dates are likelier than future ones
		}
		if dist < bestDist {
			best, bestDist = y, dist
		}
	}
	return best
}

// note records a resolved date as the new reference when it is a day
// written out: a relative date ("một ngày trước đó") or one in a clause
// about another event leaves the reference where it was.
//
// Dates well before the article's (a week or more: background events such
// as an earlier summit) do not become the reference either, so that "cùng
// ngày" after them still means the day of the news.
func (r *resolver) note(e dateExpr, d schema.Date) {
	if d.P != schema.Day || e.relative || e.subordinate || e.rangeEnd || e.spanStart {
		return
	}
	if !r.published.IsZero() && schema.DaysBetween(d, r.published.First()) > 7 {
		return
	}
	r.ref = d
}
