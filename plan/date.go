package plan

import (
	"cmp"
	"fmt"
	"time"
)

// Date is a civil date (a day in the proleptic Gregorian calendar) with no
// time zone, from 0001-01-01 to 9999-12-31.
//
// The zero Date means "no date" (for example an open-ended plan's end). It is
// not year 0: IsZero reports it, String prints "", and it marshals to the
// empty string. Dates are comparable with == and usable as map keys; use
// Compare, Before and After to order them.
type Date struct {
	// n is the day number: 1 for 0001-01-01, 0 for "no date".
	n int32
}

const (
	// unixOffset converts a day count since 1970-01-01 to a Date day number.
	unixOffset = 719163
	minDayNum  = 1
	maxDayNum  = 3652059 // 9999-12-31
)

// NewDate returns the date year-month-day. It reports an error when the
// year is outside 1–9999 or the day does not exist in that month; it never
// normalises 31 April into 1 May.
func NewDate(year int, month time.Month, day int) (Date, error) {
	if year < 1 || year > 9999 {
		return Date{}, fmt.Errorf("plan: year %d out of range 1-9999: %w", year, CodeInvalidDate)
	}
	if month < time.January || month > time.December {
		return Date{}, fmt.Errorf("plan: month %d out of range 1-12: %w", int(month), CodeInvalidDate)
	}
	if day < 1 || day > daysIn(year, month) {
		return Date{}, fmt.Errorf("plan: day %d does not exist in %04d-%02d: %w", day, year, int(month), CodeInvalidDate)
	}
	return Date{n: int32(daysFromCivil(year, month, day) + unixOffset)}, nil
}

// MustDate is like NewDate but panics when the date does not exist. It is
// for literals in programs and tests, like netip.MustParseAddr; use NewDate
// for data.
func MustDate(year int, month time.Month, day int) Date {
	d, err := NewDate(year, month, day)
	if err != nil {
		panic(err.Error())
	}
	return d
}

// dateOrZero is NewDate, with the zero Date for a date that does not exist:
// for callers that check IsZero.
func dateOrZero(year int, month time.Month, day int) Date {
	d, _ := NewDate(year, month, day)
	return d
}

// DateOf returns the civil date of t in t's own location: the wall-clock
// day a person at that place would name. Convert t with t.In(loc) first to
// get the date somewhere else; see Brussels.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return dateOrZero(y, m, d)
}

// IsZero reports whether d is the zero Date ("no date").
func (d Date) IsZero() bool { return d.n == 0 }

// Civil returns the year, month and day of d. The zero Date returns 0, 0, 0.
func (d Date) Civil() (year int, month time.Month, day int) {
	if d.n == 0 {
		return 0, 0, 0
	}
	return civilFromDays(int(d.n) - unixOffset)
}

// Year returns d's year (0 for the zero Date).
func (d Date) Year() int { y, _, _ := d.Civil(); return y }

// Month returns d's month of the year (0 for the zero Date).
func (d Date) Month() time.Month { _, m, _ := d.Civil(); return m }

// Day returns d's day of the month (0 for the zero Date).
func (d Date) Day() int { _, _, dd := d.Civil(); return dd }

// Weekday returns the day of the week of d. The zero Date has no weekday and
// returns time.Sunday: check IsZero first when d may be unset.
func (d Date) Weekday() time.Weekday {
	if d.n == 0 {
		return time.Sunday
	}
	// 1970-01-01 was a Thursday.
	return time.Weekday(((int(d.n)-unixOffset)%7 + 7 + 4) % 7)
}

// AddDays returns d plus n days (n may be negative). The result is the zero
// Date when d is zero or when the result falls outside 0001–9999.
func (d Date) AddDays(n int) Date {
	if d.n == 0 {
		return Date{}
	}
	r := int64(d.n) + int64(n)
	if r < minDayNum || r > maxDayNum {
		return Date{}
	}
	return Date{n: int32(r)}
}

// DaysUntil returns the number of days from d to e: positive when e is after
// d, negative when e is before d, 0 when they are equal. A zero Date counts
// as the day before 0001-01-01, so check IsZero first when either may be
// unset.
func (d Date) DaysUntil(e Date) int { return int(e.n) - int(d.n) }

// Compare returns -1, 0 or +1 when d is before, equal to or after e. The
// zero Date sorts before every real date.
func (d Date) Compare(e Date) int {
	return cmp.Compare(d.n, e.n)
}

// Equal reports whether d and e are the same date (the same as d == e; it
// lets go-cmp compare structs that hold Dates).
func (d Date) Equal(e Date) bool { return d.n == e.n }

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.n < e.n }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.n > e.n }

// In returns the instant at which d starts (00:00) in loc. On a day whose
// midnight does not exist in loc, time.Date's normalisation applies. The
// zero Date returns the zero time.Time.
func (d Date) In(loc *time.Location) time.Time {
	if d.n == 0 || loc == nil {
		return time.Time{}
	}
	y, m, dd := d.Civil()
	return time.Date(y, m, dd, 0, 0, 0, 0, loc)
}

// MonthOf returns the calendar month d falls in (the zero Month for the zero
// Date).
func (d Date) MonthOf() Month {
	y, m, _ := d.Civil()
	return monthOrZero(y, m)
}

// String formats d as YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d.n == 0 {
		return ""
	}
	return string(d.AppendText(nil))
}

// AppendText appends the YYYY-MM-DD form of d to b (nothing for the zero
// Date).
func (d Date) AppendText(b []byte) []byte {
	if d.n == 0 {
		return b
	}
	// A Date's year has four digits (0001–9999): the ten bytes at once, two
	// digits at a time.
	y, m, dd := d.Civil()
	hi, lo, mm := 2*(y/100), 2*(y%100), 2*int(m)
	return append(b, twoDigits[hi], twoDigits[hi+1], twoDigits[lo], twoDigits[lo+1], '-',
		twoDigits[mm], twoDigits[mm+1], '-', twoDigits[2*dd], twoDigits[2*dd+1])
}

// twoDigits holds 00 to 99.
const twoDigits = "00010203040506070809101112131415161718192021222324252627282930313233343536373839" +
	"40414243444546474849505152535455565758596061626364656667686970717273747576777879" +
	"8081828384858687888990919293949596979899"

// MarshalText implements encoding.TextMarshaler: YYYY-MM-DD, or an empty
// text for the zero Date. JSON uses it, so a Date is a JSON string.
func (d Date) MarshalText() ([]byte, error) { return d.AppendText(nil), nil }

// UnmarshalText implements encoding.TextUnmarshaler. It accepts exactly what
// MarshalText produces: YYYY-MM-DD, or an empty text for the zero Date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// ParseDate parses a date in the form YYYY-MM-DD (exactly four, two and two
// digits). It rejects anything else, including dates that do not exist.
func ParseDate(s string) (Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, fmt.Errorf("plan: date %q is not in the form YYYY-MM-DD: %w", s, CodeInvalidDate)
	}
	y, ok1 := atoi(s[0:4])
	m, ok2 := atoi(s[5:7])
	dd, ok3 := atoi(s[8:10])
	if !ok1 || !ok2 || !ok3 {
		return Date{}, fmt.Errorf("plan: date %q is not in the form YYYY-MM-DD: %w", s, CodeInvalidDate)
	}
	d, err := NewDate(y, time.Month(m), dd)
	if err != nil {
		return Date{}, fmt.Errorf("plan: date %q: %w", s, err)
	}
	return d, nil
}

// MustParseDate is like ParseDate but panics when s is not a date: it is
// for literals in programs and tests, like netip.MustParseAddr
// (MustParseDate("2026-11-31") panics); use ParseDate for data.
func MustParseDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err.Error())
	}
	return d
}

// daysFromCivil returns the number of days from 1970-01-01 to y-m-d
// (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms").
func daysFromCivil(y int, m time.Month, d int) int {
	if m <= time.February {
		y--
	}
	era := y / 400 // y >= 0 here since year >= 1
	yoe := y - era*400
	mp := (int(m) + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// civilFromDays is the inverse of daysFromCivil for the days of
// 0001-01-01 to 9999-12-31 (z from -719162 to 2932896), by the Euclidean
// affine functions of Neri and Schneider ("Euclidean affine functions and
// their application to calendar algorithms", Software: Practice and
// Experience 53(4), 2023): unsigned 32-bit arithmetic on days shifted 82
// eras (400 years each) forward, with no branch but the last. Every day of
// the range is checked against the time package (TestCivilFromDaysEveryDay).
func civilFromDays(z int) (int, time.Month, int) {
	const eras = 82 // shift: 82 × 400 years keep every day of 0001–9999 positive
	n := uint32(z + 719468 + 146097*eras)
	// The century and the day in it.
	n1 := 4*n + 3
	c := n1 / 146097
	nc := n1 % 146097 / 4
	// The year of the century (from 1 March) and the day in it.
	p := uint64(2939745) * uint64(4*nc+3)
	y := 100*c + uint32(p>>32)
	ny := uint32(p) / 2939745 / 4
	// The month (March = 3) and day.
	n3 := 2141*ny + 197913
	m, d := n3>>16, n3&0xffff/2141
	if ny >= 306 { // January and February: of the next year
		y, m = y+1, m-12
	}
	return int(y) - 400*eras, time.Month(m), int(d) + 1
}

// daysIn returns the number of days in the given month.
func daysIn(year int, m time.Month) int {
	switch m {
	case time.February:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// atoi parses a string of ASCII digits only (no sign, no spaces).
func atoi(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// appendInt appends n (>= 0) zero-padded to width digits.
func appendInt(b []byte, n, width int) []byte {
	var buf [20]byte
	i := len(buf)
	for n >= 10 || width > 1 {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
		width--
	}
	i--
	buf[i] = byte('0' + n)
	return append(b, buf[i:]...)
}
