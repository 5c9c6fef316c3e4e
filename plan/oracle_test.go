package plan

import (
	"errors"
	"slices"
	"time"
)

// Slow, obviously correct versions of the fast paths, for the property and
// fuzz tests to compare against. They are the implementations the fast ones
// replaced (pairwise comparisons, a lookup per day).

// naiveClosureOverlaps compares every pair of closures.
func naiveClosureOverlaps(cls []Closure) (first, count []int) {
	first, count = make([]int, len(cls)), make([]int, len(cls))
	for i := range cls {
		first[i] = -1
		for j := 0; j < i; j++ {
			if cls[j].Period.Overlaps(cls[i].Period) {
				if first[i] < 0 {
					first[i] = j
				}
				count[i]++
			}
		}
	}
	return first, count
}

// naiveClosedDays asks IsClosed for every day of p.
func naiveClosedDays(c Calendar, p Period) []ClosedDay {
	var out []ClosedDay
	for d := range p.Days() {
		if cd, ok := c.IsClosed(d); ok {
			out = append(out, cd)
		}
	}
	return out
}

// naiveIsClosed is IsClosed through PublicHolidays, as it was written
// before it stopped building the year's list.
func naiveIsClosed(c Calendar, d Date) (ClosedDay, bool) {
	for _, cl := range c.Closures {
		if cl.Period.Contains(d) {
			return ClosedDay{Date: d, Kind: ClosedByOrganiser, Reason: cl.Reason}, true
		}
	}
	if c.NoPublicHolidays || d.IsZero() {
		return ClosedDay{}, false
	}
	for _, h := range PublicHolidays(d.Year()) {
		if h.Date == d && !slices.Contains(c.OpenOnHolidays, h.Name) {
			return ClosedDay{Date: d, Kind: ClosedPublicHoliday, Reason: h.Name}, true
		}
	}
	return ClosedDay{}, false
}

// naiveDaysBefore steps back one day at a time.
func naiveDaysBefore(c Calendar, d Date, n int, counting DayCounting) Date {
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

// naiveSlotsOverlap compares every pair of valid slots.
func naiveSlotsOverlap(slots []Slot) bool {
	for i, s := range slots {
		for _, o := range slots[:i] {
			if s.valid() && o.valid() && s.Start < o.End && o.Start < s.End {
				return true
			}
		}
	}
	return false
}

// naiveSessionOverlaps counts the well-formed sessions that overlap one
// checked in earlier (or at the same instant and listed earlier).
func naiveSessionOverlaps(ss []Session) int {
	n := 0
	for i, s := range ss {
		if !s.Out.After(s.In) || s.In.IsZero() {
			continue
		}
		for j, o := range ss {
			if j == i || !o.Out.After(o.In) || o.In.IsZero() {
				continue
			}
			if (o.In.Before(s.In) || o.In.Equal(s.In) && j < i) && o.Overlaps(s) {
				n++
				break
			}
		}
	}
	return n
}

// naiveAgeInMonths counts months up from birth one at a time.
func naiveAgeInMonths(birth, on Date) int {
	n := 0
	for !AddMonths(birth, n+1).IsZero() && !AddMonths(birth, n+1).After(on) {
		n++
	}
	for n > -120000 && (AddMonths(birth, n).IsZero() || AddMonths(birth, n).After(on)) {
		n--
	}
	return n
}

// timeAddMonths is AddMonths through the standard library for days up to
// the 28th, where time.Date does not normalise into the next month.
func timeAddMonths(d Date, n int) Date {
	y, m, dd := d.Civil()
	return DateOf(time.Date(y, m+time.Month(n), dd, 0, 0, 0, 0, time.UTC))
}

// errorsIs is errors.Is, short for the tables.
func errorsIs(err error, c Code) bool { return errors.Is(err, c) }
