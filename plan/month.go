package plan

import (
	"cmp"
	"fmt"
	"time"
)

// Month is a calendar month such as 2026-03. The zero Month means "no
// month". Months are comparable and usable as map keys.
type Month struct {
	// n is year*12 + month-1, plus 1; 0 for "no month".
	n int32
}

// NewMonth returns the month year-month, or an error when the year is
// outside 1–9999 or the month outside 1–12.
func NewMonth(year int, month time.Month) (Month, error) {
	if year < 1 || year > 9999 || month < time.January || month > time.December {
		return Month{}, fmt.Errorf("plan: month %04d-%02d out of range: %w", year, int(month), CodeInvalidMonth)
	}
	return Month{n: int32(year*12+int(month)-1) + 1}, nil
}

// MustMonth is like NewMonth but panics for a month out of range. It is for
// literals in programs and tests; use NewMonth for data.
func MustMonth(year int, month time.Month) Month {
	m, err := NewMonth(year, month)
	if err != nil {
		panic(err.Error())
	}
	return m
}

// monthOrZero is NewMonth, with the zero Month out of range.
func monthOrZero(year int, month time.Month) Month {
	m, _ := NewMonth(year, month)
	return m
}

// ParseMonth parses YYYY-MM.
func ParseMonth(s string) (Month, error) {
	if len(s) != 7 || s[4] != '-' {
		return Month{}, fmt.Errorf("plan: month %q is not in the form YYYY-MM: %w", s, CodeInvalidMonth)
	}
	y, ok1 := atoi(s[:4])
	m, ok2 := atoi(s[5:])
	if !ok1 || !ok2 {
		return Month{}, fmt.Errorf("plan: month %q is not in the form YYYY-MM: %w", s, CodeInvalidMonth)
	}
	return NewMonth(y, time.Month(m))
}

// IsZero reports whether m is the zero Month.
func (m Month) IsZero() bool { return m.n == 0 }

// Year returns m's year (0 for the zero Month).
func (m Month) Year() int {
	if m.n == 0 {
		return 0
	}
	return int(m.n-1) / 12
}

// Month returns m's month of the year (0 for the zero Month).
func (m Month) Month() time.Month {
	if m.n == 0 {
		return 0
	}
	return time.Month(int(m.n-1)%12 + 1)
}

// First returns the first day of m.
func (m Month) First() Date { return m.day(1) }

// Last returns the last day of m.
func (m Month) Last() Date {
	if m.n == 0 {
		return Date{}
	}
	return m.day(daysIn(m.Year(), m.Month()))
}

// day returns day d (1 to the month's last) of m, the zero Date for the
// zero Month: a Month is always of 0001–9999, so no further check.
func (m Month) day(d int) Date {
	y := m.Year()
	if y < 1 || y > 9999 {
		return Date{}
	}
	return Date{n: int32(daysFromCivil(y, m.Month(), d) + unixOffset)}
}

// Days returns the period from the first to the last day of m.
func (m Month) Days() Period { return Period{Start: m.First(), End: m.Last()} }

// Add returns the month n months after m (before, for negative n); the zero
// Month when m is zero or the result is outside 0001–9999.
func (m Month) Add(n int) Month {
	if m.n == 0 {
		return Month{}
	}
	r := int64(m.n) + int64(n)
	if r < 12+1 || r > 9999*12+11+1 {
		return Month{}
	}
	return Month{n: int32(r)}
}

// Compare returns -1, 0 or +1 when m is before, equal to or after o.
func (m Month) Compare(o Month) int {
	return cmp.Compare(m.n, o.n)
}

// Equal reports whether m and o are the same month (the same as m == o; it
// lets go-cmp compare structs that hold Months).
func (m Month) Equal(o Month) bool { return m.n == o.n }

// String formats m as YYYY-MM ("" for the zero Month).
func (m Month) String() string {
	if m.n == 0 {
		return ""
	}
	b := appendInt(nil, m.Year(), 4)
	b = append(b, '-')
	return string(appendInt(b, int(m.Month()), 2))
}

// MarshalText implements encoding.TextMarshaler (YYYY-MM, or empty for the
// zero Month).
func (m Month) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler; it accepts what
// MarshalText produces.
func (m *Month) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*m = Month{}
		return nil
	}
	v, err := ParseMonth(string(b))
	if err != nil {
		return err
	}
	*m = v
	return nil
}
