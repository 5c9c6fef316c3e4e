package plan

import (
	"sync"
	"time"

	// The IANA time-zone database is embedded so that Europe/Brussels loads on
	// a machine without one (a scratch container, Windows without Go): the
	// issue that founded this package requires it. It adds about 450 kB to a
	// binary that imports this package.
	_ "time/tzdata"
)

// BrusselsZone is the IANA name of the default location.
const BrusselsZone = "Europe/Brussels"

// brussels loads the location once. With time/tzdata embedded the load
// cannot fail: time.LoadLocation falls back to the embedded copy when the
// system database is missing or unreadable.
var brussels = sync.OnceValues(func() (*time.Location, error) {
	return time.LoadLocation(BrusselsZone)
})

// Brussels returns the Europe/Brussels location, the default for every
// conversion from an instant to a civil date or clock time in this library.
// It is the one place where that location is loaded. Safe for concurrent
// use; every call returns the same pointer.
func Brussels() *time.Location {
	loc, err := brussels()
	if err != nil {
		// Unreachable with time/tzdata embedded (see brussels); UTC would be
		// a silent guess, so callers get nil and a nil-location error from
		// every function that needs one.
		return nil
	}
	return loc
}

// locOrDefault returns loc, or Brussels when loc is nil.
func locOrDefault(loc *time.Location) *time.Location {
	if loc == nil {
		return Brussels()
	}
	return loc
}

// DayBounds returns the instants at which day d starts and ends in loc (nil
// means Brussels): [start, end). On the days of the daylight-saving switch
// the day lasts 23 or 25 hours; end.Sub(start) tells which. The day
// 9999-12-31 ends at 10000-01-01 00:00, an instant time.Time holds although
// no Date does. The zero Date has no bounds: both are the zero time.Time.
func DayBounds(d Date, loc *time.Location) (start, end time.Time) {
	loc = locOrDefault(loc)
	if d.IsZero() || loc == nil {
		return time.Time{}, time.Time{}
	}
	return d.In(loc), nextMidnight(d, loc)
}

// DayStart is the start of DayBounds alone: the instant day d starts in loc
// (nil means Brussels), the zero time.Time for the zero Date.
func DayStart(d Date, loc *time.Location) time.Time {
	return d.In(locOrDefault(loc))
}

// DayEnd is the end of DayBounds alone: the instant day d ends in loc (nil
// means Brussels), the zero time.Time for the zero Date.
func DayEnd(d Date, loc *time.Location) time.Time {
	loc = locOrDefault(loc)
	if d.IsZero() || loc == nil {
		return time.Time{}
	}
	return nextMidnight(d, loc)
}

// nextMidnight returns the instant at which day d ends in loc: the start of
// the next civil day, normalised by time.Date (so DST-safe, and defined for
// 9999-12-31 too, where d.AddDays(1) is no date).
func nextMidnight(d Date, loc *time.Location) time.Time {
	y, m, dd := d.Civil()
	return time.Date(y, m, dd+1, 0, 0, 0, 0, loc)
}
