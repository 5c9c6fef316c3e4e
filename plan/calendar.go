package plan

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/be"
)

// Calendar is an organiser's closing-day calendar (sluitingsdagen): the
// Belgian public holidays it closes on, plus its own closing days and
// periods. The zero Calendar closes on all ten Belgian public holidays and
// nothing else.
//
// Weekends are not closing days: whether a Saturday is cared for is a
// matter of the care plan, not of the calendar. Replacement days for a
// public holiday on a weekend (vervangingsdagen), 11 July, 26 December and
// bridge days are the organiser's own closures: add them as Closures.
type Calendar struct {
	// NoPublicHolidays makes the organiser open on every public holiday
	// (flexible or weekend care); set OpenOnHolidays instead to stay open on
	// some only.
	NoPublicHolidays bool `json:"no_public_holidays,omitempty"`
	// OpenOnHolidays lists the Dutch names (as in PublicHolidays, e.g.
	// "Wapenstilstand") of public holidays on which the organiser is open.
	OpenOnHolidays []string `json:"open_on_holidays,omitempty"`
	// Closures are the organiser's own closing days and periods.
	Closures []Closure `json:"closures,omitempty"`
}

// Closure is one closing day or period of the organiser, with the reason a
// family reads and, for the announcement check, when and how it was
// announced.
type Closure struct {
	Period Period `json:"period"`
	// Reason is the reason shown to families, e.g. "zomersluiting".
	Reason string `json:"reason"`
	// InYearlyOverview is true when the closure was in the yearly overview of
	// closing days (due by the end of January); false for an extra closure.
	InYearlyOverview bool `json:"in_yearly_overview,omitempty"`
	// Announced is the day families were told; zero when unknown.
	Announced Date `json:"announced,omitzero"`
}

// ClosedKind says why a day is closed.
type ClosedKind string

// The kinds of closed day.
const (
	ClosedPublicHoliday ClosedKind = "public_holiday" // a Belgian public holiday
	ClosedByOrganiser   ClosedKind = "closure"        // one of the organiser's own closures
)

// ClosedDay is a day on which the organiser is closed, and why.
type ClosedDay struct {
	Date   Date       `json:"date"`
	Kind   ClosedKind `json:"kind"`
	Reason string     `json:"reason"`
}

// Holiday is a Belgian public holiday in a given year.
type Holiday struct {
	Date Date   `json:"date"`
	Name string `json:"name"`
}

// PublicHolidays returns the ten Belgian public holidays of year, in date
// order, with their Dutch names (Nieuwjaarsdag, Paasmaandag, Dag van de
// Arbeid, Onze Lieve Heer Hemelvaart, Pinkstermaandag, Nationale Feestdag,
// Onze Lieve Vrouw Hemelvaart, Allerheiligen, Wapenstilstand, Kerstmis). A
// holiday on a weekend stays on its day: no replacement day is added.
func PublicHolidays(year int) []Holiday {
	// Source: github.com/rickar/cal/v2/be, the Belgian national holidays.
	if year < 1 || year > 9999 {
		return nil
	}
	out := make([]Holiday, 0, len(be.Holidays))
	for _, h := range be.Holidays {
		if d, ok := holidayIn(h, year); ok {
			out = append(out, Holiday{Date: d, Name: h.Name})
		}
	}
	// Stable: when two holidays fall on one day (Hemelvaart on 1 May, as in
	// 2008) the order of be.Holidays decides which name IsClosed gives.
	slices.SortStableFunc(out, func(a, b Holiday) int { return a.Date.Compare(b.Date) })
	return out
}

// holidayIn returns the day of holiday h in year, and false when h does not
// fall in that year. It asks h's own year limits rather than testing
// Calc's result for the zero time.Time: Nieuwjaarsdag of year 1,
// 0001-01-01 00:00 UTC, is the zero time.Time, and is a holiday all the
// same. A StartYear or EndYear of 0 is no limit, as in rickar/cal.
func holidayIn(h *cal.Holiday, year int) (Date, bool) {
	if h.Func == nil || h.StartYear != 0 && year < h.StartYear || h.EndYear != 0 && year > h.EndYear || slices.Contains(h.Except, year) {
		return Date{}, false
	}
	actual, _ := h.Calc(year)
	return DateOf(actual), true
}

// isHolidayName reports whether name is one of the Belgian public holidays.
func isHolidayName(name string) bool {
	for _, h := range be.Holidays {
		if h.Name == name {
			return true
		}
	}
	return false
}

// Validate checks the calendar and returns every problem at once: unknown
// holiday names, closures with an invalid period or without a reason, and
// closures that overlap an earlier one. A closure that overlaps earlier
// closures of the list gets one Problem (CodeOverlap, Field "closures[i]")
// naming the first of them and how many there are; it runs in O(n log n),
// so a calendar of 10^5 closures is checked in well under a second.
func (c Calendar) Validate() error {
	var ps Problems
	for i, name := range c.OpenOnHolidays {
		if !isHolidayName(name) {
			ps = append(ps, Problem{Code: CodeInvalidValue, Field: fmt.Sprintf("open_on_holidays[%d]", i),
				Message: fmt.Sprintf("%q is not the Dutch name of a Belgian public holiday", name)})
		}
	}
	first, count := closureOverlaps(c.Closures)
	for i, cl := range c.Closures {
		f := func() string { return fmt.Sprintf("closures[%d]", i) } // formatted only for a problem
		if err := cl.Period.Validate(); err != nil {
			p := err.(Problem)
			p.Field = f() + ".period"
			ps = append(ps, p)
			continue
		}
		if cl.Reason == "" {
			ps = append(ps, Problem{Code: CodeMissing, Field: f() + ".reason", Date: cl.Period.Start,
				Message: "a closure needs a reason that families can read"})
		}
		if j := first[i]; j >= 0 {
			msg := fmt.Sprintf("closure %s overlaps closure %d (%s)", cl.Period, j, c.Closures[j].Period)
			if n := count[i]; n > 1 {
				msg += fmt.Sprintf(" and %d more earlier closure(s)", n-1)
			}
			ps = append(ps, Problem{Code: CodeOverlap, Field: f(), Date: cl.Period.Start, Message: msg})
		}
	}
	return ps.Err()
}

// closureOverlaps returns, for each closure i with a valid period, the
// lowest index j < i of a closure it overlaps (first[i], -1 when none) and
// how many closures before it in the list it overlaps (count[i]). Closures
// with an invalid period overlap nothing. Time O(n log n): two Fenwick trees
// over the closures' ends and starts, instead of comparing every pair.
func closureOverlaps(cls []Closure) (first, count []int) {
	n := len(cls)
	first, count = make([]int, n), make([]int, n)
	for i := range first {
		first[i] = -1
	}
	var valid []int // indexes of the closures with a valid period
	for i, cl := range cls {
		if !cl.Period.IsEmpty() {
			valid = append(valid, i)
		}
	}
	if len(valid) < 2 {
		return first, count
	}
	starts, ends := make([]int32, 0, len(valid)), make([]int32, 0, len(valid))
	for _, i := range valid {
		starts, ends = append(starts, cls[i].Period.Start.n), append(ends, cls[i].Period.End.n)
	}
	slices.Sort(starts)
	slices.Sort(ends)
	// rank returns how many of the sorted values are below v.
	rank := func(sorted []int32, v int32) int { r, _ := slices.BinarySearch(sorted, v); return r }

	// Closures i and j overlap when s_j <= e_i and e_j >= s_i. In list order,
	// the earlier closures overlapping i are all earlier ones except those
	// ending before s_i and those starting after e_i (never both).
	endsBefore, startsAfter := newFenwick(len(valid)), newFenwick(len(valid))
	for k, i := range valid {
		p := cls[i].Period
		before := endsBefore.sum(rank(ends, p.Start.n))       // earlier ends < s_i
		after := k - startsAfter.sum(rank(starts, p.End.n+1)) // earlier starts > e_i
		count[i] = k - before - after
		endsBefore.add(rank(ends, p.End.n), 1)
		startsAfter.add(rank(starts, p.Start.n), 1)
	}

	// The lowest index overlapping i, i itself included: visit the closures
	// by end; insert those starting by that end; ask for the lowest index
	// among the inserted ending on or after s_i. It is below i exactly when
	// an earlier closure overlaps i.
	byStart, byEnd := slices.Clone(valid), slices.Clone(valid)
	slices.SortFunc(byStart, func(a, b int) int { return cls[a].Period.Start.Compare(cls[b].Period.Start) })
	slices.SortFunc(byEnd, func(a, b int) int { return cls[a].Period.End.Compare(cls[b].Period.End) })
	lowest := newMinFenwick(len(valid)) // over ends, reversed: a prefix is "ends >= x"
	rev := func(r int) int { return len(valid) - 1 - r }
	next := 0
	for _, i := range byEnd {
		p := cls[i].Period
		for ; next < len(byStart) && !cls[byStart[next]].Period.Start.After(p.End); next++ {
			j := byStart[next]
			lowest.lower(rev(rank(ends, cls[j].Period.End.n)), j)
		}
		if j := lowest.min(rev(rank(ends, p.Start.n))); j < i {
			first[i] = j
		}
	}
	return first, count
}

// IsClosed reports whether the organiser is closed on d, and why. An
// organiser closure wins over a public holiday on the same day (its reason
// is the more specific one).
func (c Calendar) IsClosed(d Date) (ClosedDay, bool) {
	for _, cl := range c.Closures {
		if cl.Period.Contains(d) {
			return ClosedDay{Date: d, Kind: ClosedByOrganiser, Reason: cl.Reason}, true
		}
	}
	if c.NoPublicHolidays || d.IsZero() {
		return ClosedDay{}, false
	}
	if !mayBeHoliday(d) {
		return ClosedDay{}, false
	}
	// The first holiday of be.Holidays on d, as in PublicHolidays' stable
	// order, without building the year's list.
	for _, h := range be.Holidays {
		if hd, ok := holidayIn(h, d.Year()); ok && hd == d && !slices.Contains(c.OpenOnHolidays, h.Name) {
			return ClosedDay{Date: d, Kind: ClosedPublicHoliday, Reason: h.Name}, true
		}
	}
	return ClosedDay{}, false
}

// ClosedDays returns every closed day in p, in date order, each once: an
// organiser closure wins over a public holiday on the same day, and of two
// closures on one day the first in Closures gives the reason (as in
// IsClosed). Public holidays are computed once per year, not once per day.
// It takes time linear in the closed days plus n log n in the closures.
func (c Calendar) ClosedDays(p Period) []ClosedDay {
	if p.IsEmpty() {
		return nil
	}
	own := c.closureDays(p)
	if c.NoPublicHolidays {
		return own
	}
	out := make([]ClosedDay, 0, len(own)+10) // a year's holidays; append grows it for more
	var buf [16]string                       // room for every public holiday
	open := c.openOn(buf[:0])
	k := 0 // own[:k] are in out
	for y := p.Start.Year(); y <= p.End.Year(); y++ {
		// A year's part of p without any holiday candidate needs no list.
		candidates := holidayCandidates(y)
		if !slices.ContainsFunc(candidates[:], p.Contains) {
			continue
		}
		for _, h := range PublicHolidays(y) {
			if !p.Contains(h.Date) || slices.Contains(open, h.Name) {
				continue
			}
			for k < len(own) && own[k].Date.Before(h.Date) {
				out = append(out, own[k])
				k++
			}
			if k < len(own) && own[k].Date == h.Date {
				continue // the organiser's closure wins
			}
			if n := len(out); n > 0 && out[n-1].Date == h.Date {
				continue // a second holiday on the same day: the first wins
			}
			out = append(out, ClosedDay{Date: h.Date, Kind: ClosedPublicHoliday, Reason: h.Name})
		}
	}
	if out = append(out, own[k:]...); len(out) == 0 {
		return nil // as when nothing is closed: no empty non-nil slice
	}
	return out
}

// openOn appends to buf the public holidays that OpenOnHolidays names, each
// once: at most ten, so that a long list costs its length once, not once
// per holiday of every year.
func (c Calendar) openOn(buf []string) []string {
	for _, h := range be.Holidays {
		if slices.Contains(c.OpenOnHolidays, h.Name) {
			buf = append(buf, h.Name)
		}
	}
	return buf
}

// closureDays returns the days in p covered by an organiser closure, in
// date order, each with the reason of the first closure in Closures that
// covers it. A sweep over the days in the closures: the active closures sit
// in a heap ordered by their index in Closures.
func (c Calendar) closureDays(p Period) []ClosedDay {
	type clip struct {
		start, end int32 // day numbers, clipped to p
		i          int   // index in c.Closures
	}
	var buf [8]clip // an organiser's closures meeting one month fit here
	cls := buf[:0]
	total := 0
	for i, cl := range c.Closures {
		if in, ok := cl.Period.Intersect(p); ok {
			cls = append(cls, clip{in.Start.n, in.End.n, i})
			total += in.Len()
		}
	}
	if len(cls) == 0 {
		return nil
	}
	slices.SortFunc(cls, func(a, b clip) int { return cmp.Compare(a.start, b.start) })
	out := make([]ClosedDay, 0, min(total, p.Len()))
	var active indexHeap // positions in cls, lowest c.Closures index on top
	next := 0
	for day := cls[0].start; next < len(cls) || active.len() > 0; day++ {
		if active.len() == 0 {
			day = max(day, cls[next].start) // skip the gap to the next closure
		}
		for ; next < len(cls) && cls[next].start <= day; next++ {
			active.push(next, cls[next].i)
		}
		for active.len() > 0 && cls[active.top()].end < day {
			active.pop()
		}
		if active.len() == 0 {
			continue
		}
		out = append(out, ClosedDay{Date: Date{n: day}, Kind: ClosedByOrganiser, Reason: c.Closures[cls[active.top()].i].Reason})
	}
	return out
}
