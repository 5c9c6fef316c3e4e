package plan

import (
	"cmp"
	"fmt"
	"slices"
	"time"
)

// Slot is a reserved stretch of care within one day, [Start, End) in wall
// clock time: 07:30–17:30. A slot never crosses midnight; night care from
// 20:00 to 07:00 is two slots, 20:00–24:00 and 00:00–07:00 the next day.
type Slot struct {
	Start Clock `json:"start"`
	End   Clock `json:"end"`
}

// Minutes returns the slot's length in wall-clock minutes (0 when invalid).
// On the two days of the daylight-saving switch a slot across 02:00–03:00
// lasts an hour less or more in real time; Session gives the real instants.
func (s Slot) Minutes() int {
	if !s.valid() {
		return 0
	}
	return int(s.End - s.Start)
}

func (s Slot) valid() bool { return s.Start.Valid() && s.End.Valid() && s.Start < s.End }

// Session returns the slot on day d as a session of real instants in loc
// (nil means Brussels).
func (s Slot) Session(d Date, loc *time.Location) Session {
	loc = locOrDefault(loc)
	y, m, dd := d.Civil()
	return Session{
		In:  time.Date(y, m, dd, s.Start.Hour(), s.Start.Minute(), 0, 0, loc),
		Out: time.Date(y, m, dd, s.End.Hour(), s.End.Minute(), 0, 0, loc),
	}
}

// String formats the slot as "07:30–17:30".
func (s Slot) String() string { return s.Start.String() + "–" + s.End.String() }

// Week is the reserved slots of each day of one week. A day without slots is
// not reserved.
type Week struct {
	Monday    []Slot `json:"monday,omitempty"`
	Tuesday   []Slot `json:"tuesday,omitempty"`
	Wednesday []Slot `json:"wednesday,omitempty"`
	Thursday  []Slot `json:"thursday,omitempty"`
	Friday    []Slot `json:"friday,omitempty"`
	Saturday  []Slot `json:"saturday,omitempty"`
	Sunday    []Slot `json:"sunday,omitempty"`
}

// Slots returns the slots reserved on weekday wd.
func (w Week) Slots(wd time.Weekday) []Slot {
	switch wd {
	case time.Monday:
		return w.Monday
	case time.Tuesday:
		return w.Tuesday
	case time.Wednesday:
		return w.Wednesday
	case time.Thursday:
		return w.Thursday
	case time.Friday:
		return w.Friday
	case time.Saturday:
		return w.Saturday
	case time.Sunday:
		return w.Sunday
	}
	return nil
}

// ReservedDays returns how many days of the week have at least one slot.
func (w Week) ReservedDays() int {
	n := 0
	for wd := time.Sunday; wd <= time.Saturday; wd++ {
		if len(w.Slots(wd)) > 0 {
			n++
		}
	}
	return n
}

// weekdayOrder lists the days Monday first, as families read a week.
func weekdayOrder() [7]time.Weekday {
	return [7]time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday}
}

// slotsOK reports whether a day's slots are all valid and do not overlap,
// without allocating for an ordinary day: validateSlots says what is wrong
// only when needed.
func slotsOK(slots []Slot) bool {
	for _, s := range slots {
		if !s.valid() { // a valid slot starts before 24:00, since it ends after its start
			return false
		}
	}
	// Sorted by start, some pair overlaps exactly when two neighbours do.
	// Slots are usually listed in order: sort (a copy) only when not.
	byStart := func(a, b Slot) int { return cmp.Compare(a.Start, b.Start) }
	if !slices.IsSortedFunc(slots, byStart) {
		slots = slices.Clone(slots)
		slices.SortFunc(slots, byStart)
	}
	for i := 1; i < len(slots); i++ {
		if slots[i].Start < slots[i-1].End {
			return false
		}
	}
	return true
}

// validateSlots checks one day's slots: each valid, none overlapping. Each
// valid slot that overlaps one starting earlier gets a Problem naming the
// one that reaches furthest; invalid slots do not hide an overlap.
func validateSlots(slots []Slot, field string, d Date) Problems {
	var ps Problems
	valid := make([]Slot, 0, len(slots))
	for i, s := range slots {
		f := func() string { return fmt.Sprintf("%s[%d]", field, i) } // formatted only for a problem
		if !s.Start.Valid() || !s.End.Valid() || s.Start == EndOfDay {
			ps = append(ps, Problem{Code: CodeInvalidClock, Field: f(), Date: d,
				Message: fmt.Sprintf("slot %s is not within 00:00–24:00", s)})
		} else if s.End <= s.Start {
			ps = append(ps, Problem{Code: CodeEndBeforeStart, Field: f(), Date: d,
				Message: fmt.Sprintf("slot ends at %s, not after its start %s", s.End, s.Start)})
		} else {
			valid = append(valid, s)
		}
	}
	slices.SortStableFunc(valid, func(a, b Slot) int { return cmp.Compare(a.Start, b.Start) })
	// After sorting by start, a slot overlaps an earlier one exactly when it
	// starts before the latest end seen so far.
	latest := 0
	for i := 1; i < len(valid); i++ {
		if valid[i].Start < valid[latest].End {
			ps = append(ps, Problem{Code: CodeOverlap, Field: field, Date: d,
				Message: fmt.Sprintf("slots %s and %s overlap", valid[latest], valid[i])})
		}
		if valid[i].End > valid[latest].End {
			latest = i
		}
	}
	return ps
}

// Schedule is the weekly pattern of a care plan: one week repeated, or two
// weeks A and B alternating (co-parenting plans, "week-om-week").
type Schedule struct {
	// Weeks holds one week, or two for an alternating schedule.
	Weeks []Week `json:"weeks"`
	// Anchor is a day in a week A. Zero means the plan's start date. Weeks
	// run Monday to Sunday.
	Anchor Date `json:"anchor,omitzero"`
}

// weekFor returns the week that applies on d, given the anchor of week A.
func (s *Schedule) weekFor(d, anchor Date) *Week {
	switch len(s.Weeks) {
	case 0:
		return nil
	case 1:
		return &s.Weeks[0]
	}
	// Mondays an even number of weeks from week A's are in week A.
	if mondayOf(anchor).DaysUntil(mondayOf(d))%14 == 0 {
		return &s.Weeks[0]
	}
	return &s.Weeks[1]
}

// mondayOf returns the Monday on or before d.
func mondayOf(d Date) Date {
	return d.AddDays(-((int(d.Weekday()) + 6) % 7))
}
