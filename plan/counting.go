package plan

import "time"

// DayCounting says whether a lead of N days counts calendar days or
// working days. House rules that say "2 dagen op voorhand" leave it open;
// the library's default is calendar days.
type DayCounting string

// The ways to count days.
const (
	CalendarDays DayCounting = "calendar"
	// WorkingDays counts Monday to Friday on which the organiser is open.
	WorkingDays DayCounting = "working"
)

// Valid reports whether c is CalendarDays or WorkingDays.
func (c DayCounting) Valid() bool { return c == CalendarDays || c == WorkingDays }

// IsWorkingDay reports whether d is a Monday to Friday on which the
// organiser is open.
func (c Calendar) IsWorkingDay(d Date) bool {
	if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday || d.IsZero() {
		return false
	}
	_, closed := c.IsClosed(d)
	return !closed
}

// DaysBefore returns the day n days before d, counting calendar days, or
// working days of c (the n-th working day before d). For n ≤ 0 it returns
// d. The result is zero when it would fall before 0001-01-01.
func (c Calendar) DaysBefore(d Date, n int, counting DayCounting) Date {
	if counting != WorkingDays || n <= 0 {
		return d.AddDays(-max(n, 0))
	}
	for k := 0; k < n && !d.IsZero(); {
		d = d.AddDays(-1)
		if c.IsWorkingDay(d) {
			k++
		}
	}
	return d
}
