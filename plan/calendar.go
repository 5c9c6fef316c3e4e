package plan

import (
	"fmt"
	"slices"

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
		actual, _ := h.Calc(year)
		if actual.IsZero() {
			continue
		}
		out = append(out, Holiday{Date: DateOf(actual), Name: h.Name})
	}
	slices.SortFunc(out, func(a, b Holiday) int { return a.Date.Compare(b.Date) })
	return out
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
// closures that overlap each other.
func (c Calendar) Validate() error {
	var ps Problems
	for i, name := range c.OpenOnHolidays {
		if !isHolidayName(name) {
			ps = append(ps, Problem{Code: CodeInvalidValue, Field: fmt.Sprintf("open_on_holidays[%d]", i),
				Message: fmt.Sprintf("%q is not the Dutch name of a Belgian public holiday", name)})
		}
	}
	for i, cl := range c.Closures {
		f := fmt.Sprintf("closures[%d]", i)
		if err := cl.Period.Validate(); err != nil {
			p := err.(Problem)
			p.Field = f + ".period"
			ps = append(ps, p)
			continue
		}
		if cl.Reason == "" {
			ps = append(ps, Problem{Code: CodeMissing, Field: f + ".reason", Date: cl.Period.Start,
				Message: "a closure needs a reason that families can read"})
		}
		for j := 0; j < i; j++ {
			if c.Closures[j].Period.Overlaps(cl.Period) {
				ps = append(ps, Problem{Code: CodeOverlap, Field: f, Date: cl.Period.Start,
					Message: fmt.Sprintf("closure %s overlaps closure %d (%s)", cl.Period, j, c.Closures[j].Period)})
			}
		}
	}
	return ps.Err()
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
	for _, h := range PublicHolidays(d.Year()) {
		if h.Date == d && !slices.Contains(c.OpenOnHolidays, h.Name) {
			return ClosedDay{Date: d, Kind: ClosedPublicHoliday, Reason: h.Name}, true
		}
	}
	return ClosedDay{}, false
}

// ClosedDays returns every closed day in p, in date order, each once: an
// organiser closure wins over a public holiday on the same day (as in
// IsClosed). Public holidays are computed once per year, not once per day.
func (c Calendar) ClosedDays(p Period) []ClosedDay {
	if p.IsEmpty() {
		return nil
	}
	var out []ClosedDay
	for _, cl := range c.Closures {
		in, ok := cl.Period.Intersect(p)
		if !ok {
			continue
		}
		for d := range in.Days() {
			if !slices.ContainsFunc(out, func(x ClosedDay) bool { return x.Date == d }) {
				out = append(out, ClosedDay{Date: d, Kind: ClosedByOrganiser, Reason: cl.Reason})
			}
		}
	}
	if !c.NoPublicHolidays {
		for y := p.Start.Year(); y <= p.End.Year(); y++ {
			for _, h := range PublicHolidays(y) {
				if p.Contains(h.Date) && !slices.Contains(c.OpenOnHolidays, h.Name) &&
					!slices.ContainsFunc(out, func(x ClosedDay) bool { return x.Date == h.Date }) {
					out = append(out, ClosedDay{Date: h.Date, Kind: ClosedPublicHoliday, Reason: h.Name})
				}
			}
		}
	}
	slices.SortFunc(out, func(a, b ClosedDay) int { return a.Date.Compare(b.Date) })
	return out
}
