package schema

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Precision is how much of a Date is known.
type Precision uint8

// Date precisions, from unknown to a day.
const (
	Unknown Precision = iota
	Year
	Month
	Day
)

// Date is a calendar date known to a year, a month or a day. The zero Date
// is unknown.
type Date struct {
	Y, M, D int
	P       Precision
}

// YearDate, MonthDate and DayDate build dates of each precision.
func YearDate(y int) Date      { return Date{Y: y, P: Year} }
func MonthDate(y, m int) Date  { return Date{Y: y, M: m, P: Month} }
func DayDate(y, m, d int) Date { return Date{Y: y, M: m, D: d, P: Day} }

// IsZero reports whether the date is unknown.
func (d Date) IsZero() bool { return d.P == Unknown }
func (d Date) time() time.Time {
	return time.Date(d.Y, time.Month(max(d.M, 1)), max(d.D, 1), 0, 0, 0, 0, time.UTC)
}
func fromTime(t time.Time) Date { return DayDate(t.Year(), int(t.Month()), t.Day()) }
func validDay(y, m, d int) bool {
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t.Day() == d && int(t.Month()) == m
}

// AddDays returns the day n days after the date's first day (before it
// when n is negative).
func (d Date) AddDays(n int) Date { return fromTime(d.time().AddDate(0, 0, n)) }

// ParseDate reads YYYY, YYYY-MM or YYYY-MM-DD. It rejects dates that do not
// exist (2021-02-31) and years outside 1900–2100.
func ParseDate(s string) (Date, error) {
	parts := strings.Split(strings.TrimSpace(s), "-")
	if len(parts) > 3 || parts[0] == "" {
		return Date{}, fmt.Errorf("date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
	}
	nums := make([]int, len(parts))
	for i, p := range parts {
		if (i == 0 && len(p) != 4) || (i > 0 && (len(p) < 1 || len(p) > 2)) {
			return Date{}, fmt.Errorf("date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
		}
		n, err := strconv.Atoi(p)
		if err != nil || strings.Trim(p, "0123456789") != "" { // Atoi takes "+1"
			return Date{}, fmt.Errorf("date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
		}
		nums[i] = n
	}
	return MakeDate(nums...)
}

// MakeDate builds a date from a year and optionally a month and a day,
// checking that it exists.
func MakeDate(ymd ...int) (Date, error) {
	if len(ymd) == 0 || len(ymd) > 3 {
		return Date{}, fmt.Errorf("date of %d numbers: want a year, a month and a day at most", len(ymd))
	}
	y := ymd[0]
	if y < 1900 || y > 2100 {
		return Date{}, fmt.Errorf("year %d out of range 1900–2100", y)
	}
	switch len(ymd) {
	case 1:
		return YearDate(y), nil
	case 2:
		if ymd[1] < 1 || ymd[1] > 12 {
			return Date{}, fmt.Errorf("month %d does not exist", ymd[1])
		}
		return MonthDate(y, ymd[1]), nil
	default:
		m, d := ymd[1], ymd[2]
		if m < 1 || m > 12 || d < 1 || !validDay(y, m, d) {
			return Date{}, fmt.Errorf("day %04d-%02d-%02d does not exist", y, m, d)
		}
		return DayDate(y, m, d), nil
	}
}

// String formats the date at its precision: "2025", "2025-12", "2025-12-02",
// or "" when unknown.
func (d Date) String() string {
	switch d.P {
	case Year:
		return fmt.Sprintf("%04d", d.Y)
	case Month:
		return fmt.Sprintf("%04d-%02d", d.Y, d.M)
	case Day:
		return fmt.Sprintf("%04d-%02d-%02d", d.Y, d.M, d.D)
	}
	return ""
}

// XSDType is the XML Schema datatype of the date at its precision.
func (d Date) XSDType() string {
	switch d.P {
	case Year:
		return "http://www.w3.org/2001/XMLSchema#gYear"
	case Month:
		return "http://www.w3.org/2001/XMLSchema#gYearMonth"
	}
	return "http://www.w3.org/2001/XMLSchema#date"
}

// First and Last are the first and last days the date covers.
func (d Date) First() Date {
	switch d.P {
	case Year:
		return DayDate(d.Y, 1, 1)
	case Month:
		return DayDate(d.Y, d.M, 1)
	}
	return d
}

// Last is the last day the date covers.
func (d Date) Last() Date {
	switch d.P {
	case Year:
		return DayDate(d.Y, 12, 31)
	case Month:
		return fromTime(time.Date(d.Y, time.Month(d.M)+1, 0, 0, 0, 0, 0, time.UTC))
	}
	return d
}

// Compare orders two dates by their first day: -1, 0 or +1.
func (d Date) Compare(o Date) int {
	a, b := d.First(), o.First()
	switch {
	case a.Y != b.Y:
		return cmpInt(a.Y, b.Y)
	case a.M != b.M:
		return cmpInt(a.M, b.M)
	}
	return cmpInt(a.D, b.D)
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Within reports whether the date lies in the span [from, to]; an unknown
// bound is open. Partial dates count when any day of them lies in the span.
func (d Date) Within(from, to Date) bool {
	if !from.IsZero() && d.Last().Compare(from.First()) < 0 {
		return false
	}
	if !to.IsZero() && d.First().Compare(to.Last()) > 0 {
		return false
	}
	return true
}

// DaysBetween is the number of days from a's first day to b's first day.
func DaysBetween(a, b Date) int {
	return int(b.First().time().Sub(a.First().time()).Hours() / 24)
}
