package plan

import (
	"slices"
	"testing"
	"time"
)

// Every Belgian public holiday rickar/cal gives, in every year a Date
// holds, is a candidate, and mayBeHoliday says so; Easter is the Sunday
// before Paasmaandag.
func TestHolidayCandidates(t *testing.T) {
	for y := 1; y <= 9999; y++ {
		candidates := holidayCandidates(y)
		for _, h := range PublicHolidays(y) {
			if !slices.Contains(candidates[:], h.Date) || !mayBeHoliday(h.Date) {
				t.Fatalf("%d: %s on %s is not a candidate (%v)", y, h.Name, h.Date, candidates)
			}
			if h.Name == "Paasmaandag" && (easterSunday(y).AddDays(1) != h.Date || easterSunday(y).Weekday() != time.Sunday) {
				t.Fatalf("%d: Easter Sunday %s, Paasmaandag %s", y, easterSunday(y), h.Date)
			}
		}
	}
}

// Published Easter Sundays (Gregorian).
func TestEasterSunday(t *testing.T) {
	for _, tc := range []struct {
		year int
		want string
	}{{2008, "2008-03-23"}, {2011, "2011-04-24"}, {2024, "2024-03-31"}, {2025, "2025-04-20"}, {2026, "2026-04-05"}, {2038, "2038-04-25"}} {
		if got := easterSunday(tc.year); got != MustParseDate(tc.want) {
			t.Errorf("Easter %d: %s, want %s", tc.year, got, tc.want)
		}
	}
}

// A day that is not a candidate is closed by no holiday: IsClosed agrees
// with the year's list of public holidays on every day of 1990–2040.
func TestIsClosedMatchesPublicHolidays(t *testing.T) {
	var c Calendar
	for y := 1990; y <= 2040; y++ {
		hs := PublicHolidays(y)
		start, _ := NewDate(y, time.January, 1)
		for d := start; d.Year() == y; d = d.AddDays(1) {
			k := slices.IndexFunc(hs, func(h Holiday) bool { return h.Date == d })
			cd, closed := c.IsClosed(d)
			if closed != (k >= 0) || closed && cd.Reason != hs[k].Name {
				t.Fatalf("%s: IsClosed %v %q, holidays %v", d, closed, cd.Reason, hs)
			}
		}
	}
}
