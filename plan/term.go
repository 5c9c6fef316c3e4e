package plan

import (
	"fmt"
	"time"
)

// AddMonths returns the same day of the month n months after d (before, for
// negative n). When that day does not exist in the target month (31 January
// plus one month), the result is the last day of the target month (28 or 29
// February): a date is never pushed into the next month.
//
// The result is the zero Date ("no date") when d is zero or the result falls
// outside 0001–9999. A caller that must not mistake that for a real answer
// uses AddMonthsChecked, which says so with an error.
//
// Ages use it: a child born on 31 August 2021 is 42 months old on
// 28 February 2025 (see MonthsOld).
func AddMonths(d Date, n int) Date {
	r, _ := AddMonthsChecked(d, n)
	return r
}

// AddMonthsChecked is AddMonths with an error instead of the zero Date: a
// Problem with CodeMissing when d is zero, and with CodeOutOfRange when the
// result falls outside 0001-01-01–9999-12-31. The Problem has no Field; the
// caller knows which value d was and sets it.
func AddMonthsChecked(d Date, n int) (Date, error) {
	if d.IsZero() {
		return Date{}, Problem{Code: CodeMissing, Message: fmt.Sprintf("no date to add %d months to", n)}
	}
	y, m, dd := d.Civil()
	t := monthOrZero(y, m).Add(n)
	if t.IsZero() {
		return Date{}, outOfRange(d, fmt.Sprintf("%s plus %d months falls outside the years 0001–9999", d, n))
	}
	// The corresponding day, or the last day of a shorter month.
	return dateOrZero(t.Year(), t.Month(), min(dd, daysIn(t.Year(), t.Month()))), nil
}

// TermEnd returns the last day of a term of n months (n ≥ 1) that starts on
// start. A term of two months starting on 10 March runs up to and including
// 9 May: the day before the corresponding day ("de zoveelste").
//
// When the target month has no corresponding day, the term ends on that
// month's last day: one month from 31 January (or from 29 or 30 January)
// ends on 28 February, or 29 in a leap year. A term from the 1st ends on the
// last day of the month before the corresponding month (1 March, two months:
// 30 April). TermEnd never moves backwards as start moves forwards.
//
// It returns the zero Date ("no date") for n < 1, a zero start or a term
// that ends after 9999-12-31. A rule must never read that zero as a
// deadline (it sorts before every date): use TermEndChecked, which reports
// it as an error.
func TermEnd(start Date, n int) Date {
	e, _ := TermEndChecked(start, n)
	return e
}

// TermEndChecked is TermEnd with an error instead of the zero Date: a
// Problem with CodeInvalidValue for n < 1, CodeMissing for a zero start and
// CodeOutOfRange when the term ends after 9999-12-31. The Problem has no
// Field; the caller sets it to the value that start or n came from.
func TermEndChecked(start Date, n int) (Date, error) {
	// Source: Belgian Judicial Code (Gerechtelijk Wetboek) art. 54 — a term
	// in months runs "van de zoveelste tot de dag vóór de zoveelste".
	if n < 1 {
		return Date{}, Problem{Code: CodeInvalidValue, Date: start,
			Message: fmt.Sprintf("a term of %d months is not a term", n)}
	}
	if start.IsZero() {
		return Date{}, Problem{Code: CodeMissing, Message: fmt.Sprintf("a term of %d months needs a start date", n)}
	}
	y, m, dd := start.Civil()
	tooLate := outOfRange(start, fmt.Sprintf("a term of %d months from %s ends after 9999-12-31", n, start))
	// The corresponding month, as year*12 + month-1; n is capped so that
	// the sum cannot overflow (10000 years take any start past 9999).
	months := y*12 + int(m) - 1 + min(n, 10000*12)
	ty, tm := months/12, time.Month(months%12+1)
	if ty == 10000 && tm == time.January && dd == 1 {
		// The corresponding day is 10000-01-01: the term ends the day before.
		return Date{n: maxDayNum}, nil
	}
	if ty > 9999 {
		return Date{}, tooLate
	}
	if dd > daysIn(ty, tm) {
		// No corresponding day: the term ends on the month's last day.
		return dateOrZero(ty, tm, daysIn(ty, tm)), nil
	}
	// The day before the corresponding day. It exists: the corresponding day
	// is at least 0001-02-01 (a month or more after start).
	return dateOrZero(ty, tm, dd).AddDays(-1), nil
}

// Term returns the whole term of n months starting on start as a period
// (see TermEnd), and the zero Period when the term has no end (n < 1, a
// zero start, or an end after 9999-12-31; TermEndChecked says which).
func Term(start Date, n int) Period {
	end := TermEnd(start, n)
	if end.IsZero() {
		return Period{}
	}
	return Period{Start: start, End: end}
}

// outOfRange is the Problem of a date computation that leaves 0001–9999.
func outOfRange(d Date, msg string) Problem {
	return Problem{Code: CodeOutOfRange, Date: d, Message: msg}
}

// withField returns err's Problem with its Field set to field (for the
// Problems of the checked date functions, which carry none).
func withField(err error, field string) Problem {
	p, ok := err.(Problem)
	if !ok {
		p = Problem{Code: CodeInvalidValue, Message: err.Error()}
	}
	p.Field = field
	return p
}
