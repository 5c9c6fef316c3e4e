package plan

import (
	"fmt"
	"time"
)

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
// working days of c (the n-th working day before d). Any counting other
// than WorkingDays counts calendar days. For n ≤ 0 it returns d. The result
// is the zero Date ("no date") when d is zero or the day would fall before
// 0001-01-01; DaysBeforeChecked reports those as errors.
//
// Working days are found a calendar year at a time (ClosedDays), so a long
// lead costs time linear in its days, not a calendar lookup per day.
func (c Calendar) DaysBefore(d Date, n int, counting DayCounting) Date {
	r, _ := c.daysBefore(d, n, counting == WorkingDays)
	return r
}

// DaysBeforeChecked is DaysBefore with an error instead of the zero Date: a
// Problem with CodeInvalidValue for a counting that is neither CalendarDays
// nor WorkingDays, CodeMissing for a zero d and CodeOutOfRange when the day
// falls before 0001-01-01. The Problem has no Field; the caller sets it.
func (c Calendar) DaysBeforeChecked(d Date, n int, counting DayCounting) (Date, error) {
	if !counting.Valid() {
		return Date{}, Problem{Code: CodeInvalidValue, Date: d,
			Message: fmt.Sprintf("day counting %q is not calendar or working", counting)}
	}
	if d.IsZero() {
		return Date{}, Problem{Code: CodeMissing, Message: fmt.Sprintf("no date to count %d days back from", n)}
	}
	return c.daysBefore(d, n, counting == WorkingDays)
}

func (c Calendar) daysBefore(d Date, n int, working bool) (Date, error) {
	if d.IsZero() {
		return Date{}, Problem{Code: CodeMissing, Message: fmt.Sprintf("no date to count %d days back from", n)}
	}
	if n <= 0 {
		return d, nil
	}
	// Each counted day takes at least one calendar day, and d has d.n-1 days
	// before it.
	tooFar := func() Problem { return outOfRange(d, fmt.Sprintf("%d days before %s falls before 0001-01-01", n, d)) }
	if int64(n) >= int64(d.n) {
		return Date{}, tooFar()
	}
	if !working {
		return d.AddDays(-n), nil
	}
	// Walk back a calendar year at a time (the part of d's own year before
	// d first), with the year's closed days from ClosedDays.
	k := 0 // working days counted
	for end := d.n - 1; end >= minDayNum; {
		first := dateOrZero(Date{n: end}.Year(), time.January, 1).n
		closed := c.ClosedDays(Period{Start: Date{n: first}, End: Date{n: end}})
		j := len(closed) // closed[:j] are the closed days up to day
		for day := end; day >= first; day-- {
			for j > 0 && closed[j-1].Date.n > day {
				j--
			}
			if j > 0 && closed[j-1].Date.n == day {
				continue
			}
			if wd := (Date{n: day}).Weekday(); wd == time.Saturday || wd == time.Sunday {
				continue
			}
			if k++; k == n {
				return Date{n: day}, nil
			}
		}
		end = first - 1
	}
	return Date{}, tooFar()
}
