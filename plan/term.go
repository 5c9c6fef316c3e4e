package plan

// AddMonths returns the same day of the month n months after d (before, for
// negative n). When that day does not exist in the target month (31 January
// plus one month), the result is the last day of the target month (28 or 29
// February): a date is never pushed into the next month. The result is the
// zero Date when d is zero or the result falls outside 0001–9999.
//
// Ages use it: a child born on 31 August 2021 is 42 months old on
// 28 February 2025 (see MonthsOld).
func AddMonths(d Date, n int) Date {
	if d.IsZero() {
		return Date{}
	}
	y, m, dd := d.Civil()
	t := monthOrZero(y, m).Add(n)
	if t.IsZero() {
		return Date{}
	}
	if last := daysIn(t.Year(), t.Month()); dd > last {
		dd = last
	}
	return dateOrZero(t.Year(), t.Month(), dd)
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
// It returns the zero Date for n < 1, a zero start or a result outside
// 0001–9999.
func TermEnd(start Date, n int) Date {
	// Source: Belgian Judicial Code art. 54 — a term in months runs "van de
	// zoveelste tot de dag vóór de zoveelste".
	if n < 1 || start.IsZero() {
		return Date{}
	}
	y, m, dd := start.Civil()
	t := monthOrZero(y, m).Add(n)
	if t.IsZero() {
		return Date{}
	}
	if dd > daysIn(t.Year(), t.Month()) {
		return t.Last()
	}
	return dateOrZero(t.Year(), t.Month(), dd).AddDays(-1)
}

// Term returns the whole term of n months starting on start as a period
// (see TermEnd), and the zero Period when the term has no end.
func Term(start Date, n int) Period {
	end := TermEnd(start, n)
	if end.IsZero() {
		return Period{}
	}
	return Period{Start: start, End: end}
}
