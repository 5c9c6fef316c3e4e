package plan

import (
	"iter"
	"slices"
	"time"

	"github.com/shopspring/decimal"
)

// Kind is the kind of care a plan is for.
type Kind string

// The kinds of plan (seed 004 §3.4).
const (
	// KindRegular is ordinary care of a baby or toddler.
	KindRegular Kind = "regular"
	// KindTemporary is a temporary place for urgent need (dringende opvangnood):
	// at most 6 months, one extension of at most 6 months.
	KindTemporary Kind = "temporary"
	// KindAfterSchool is after-school care (buitenschoolse opvang): one plan per
	// school year, school holidays excluded.
	KindAfterSchool Kind = "after_school"
	// KindHolidayCare is care in the school holidays (vakantieopvang).
	KindHolidayCare Kind = "holiday"
)

// Plan is a care plan (opvangplan): the annex to the written agreement that
// lists the reserved days and hours, the settling-in and start dates and the
// expected end date. "Bestellen is betalen": every reserved day is paid
// unless the absence is justified (seed 004 §3.4).
//
// Irregular care records the average need in the schedule (seed 004 §3.4);
// days that differ from the pattern go in Overrides.
type Plan struct {
	Kind Kind `json:"kind"`
	// Start is the first day of care under this plan (startdatum).
	Start Date `json:"start"`
	// End is the expected last day (vermoedelijke einddatum); zero for an
	// open-ended plan. An after-school plan without one ends with its
	// school year (31 August).
	End Date `json:"end,omitzero"`
	// SettlingIn lists the settling-in days (wendagen).
	SettlingIn []Date `json:"settling_in,omitempty"`
	// Schedule is the weekly pattern of reserved slots.
	Schedule Schedule `json:"schedule"`
	// Overrides replace the schedule on single dates; an override without
	// slots removes a day. A holiday-care plan may consist of overrides only.
	Overrides []Override `json:"overrides,omitempty"`
	// Exclusions are periods in which the schedule does not apply: the
	// school holidays of an after-school plan, a family holiday agreed in
	// the plan. Overrides still apply inside them.
	Exclusions []Exclusion `json:"exclusions,omitempty"`
	// Extensions lists, for a temporary plan, the new end date of each
	// extension in order. At most one is allowed (seed 004 §3.4).
	Extensions []Date `json:"extensions,omitempty"`
}

// Override sets the reserved slots of one date, replacing the schedule.
type Override struct {
	Date  Date   `json:"date"`
	Slots []Slot `json:"slots"`
}

// Exclusion is a period in which a plan's weekly schedule does not apply.
type Exclusion struct {
	Period Period `json:"period"`
	Reason string `json:"reason"`
}

// LastDay returns the plan's effective last day: the last extension's end,
// else End; for an after-school plan without an end, the last day of its
// school year. Zero means open-ended.
func (p Plan) LastDay() Date { return p.lastDay() }

func (p *Plan) lastDay() Date {
	if n := len(p.Extensions); n > 0 && !p.Extensions[n-1].IsZero() {
		return p.Extensions[n-1]
	}
	if p.End.IsZero() && p.Kind == KindAfterSchool && !p.Start.IsZero() {
		return SchoolYearOf(p.Start).End
	}
	return p.End
}

// Period returns the days the plan runs, from Start to LastDay. For an
// open-ended plan the end is 9999-12-31.
func (p Plan) Period() Period {
	return Period{Start: p.Start, End: p.lastDayOrMax()}
}

// lastDayOrMax is the end of Period: LastDay, 9999-12-31 for an open end.
func (p *Plan) lastDayOrMax() Date {
	if end := p.lastDay(); !end.IsZero() {
		return end
	}
	return Date{n: maxDayNum}
}

// PlannedDay is one day of a plan: the slots reserved on it, and when the
// organiser is closed that day, why. A closed day is never billed and uses
// up no justified absence day (seed 004 §3.4.2).
type PlannedDay struct {
	Date  Date   `json:"date"`
	Slots []Slot `json:"slots"`
	// Closed is set when the organiser is closed on a day the plan would
	// otherwise reserve.
	Closed *ClosedDay `json:"closed,omitempty"`
}

// IsReserved reports whether the day is reserved and the organiser open.
func (d PlannedDay) IsReserved() bool { return len(d.Slots) > 0 && d.Closed == nil }

// Minutes returns the reserved wall-clock minutes of the day (see
// Slot.Minutes).
func (d PlannedDay) Minutes() int {
	n := 0
	for _, s := range d.Slots {
		n += s.Minutes()
	}
	return n
}

// Sessions returns the day's slots as sessions of real instants in loc (nil
// means Brussels).
func (d PlannedDay) Sessions(loc *time.Location) []Session {
	return d.AppendSessions(make([]Session, 0, len(d.Slots)), loc)
}

// AppendSessions appends the day's slots as sessions to dst and returns the
// extended slice; with a dst of enough capacity it does not allocate.
func (d PlannedDay) AppendSessions(dst []Session, loc *time.Location) []Session {
	for _, s := range d.Slots {
		dst = append(dst, s.Session(d.Date, loc))
	}
	return dst
}

// slotsOn returns what the plan itself (before closing days) reserves on d:
// the first override of d, else nothing inside an exclusion, else the
// schedule's slots. It scans the overrides and exclusions; Days walks a
// period with a dayWalker instead.
func (p *Plan) slotsOn(d Date) []Slot {
	if d.Before(p.Start) || d.After(p.lastDayOrMax()) {
		return nil
	}
	for _, o := range p.Overrides {
		if o.Date == d {
			return o.Slots
		}
	}
	for _, e := range p.Exclusions {
		if e.Period.Contains(d) {
			return nil
		}
	}
	return p.scheduled(d)
}

// scheduled returns the schedule's slots on d (no override, no exclusion).
func (p *Plan) scheduled(d Date) []Slot {
	anchor := p.Schedule.Anchor
	if anchor.IsZero() {
		anchor = p.Start
	}
	w := p.Schedule.weekFor(d, anchor)
	if w == nil {
		return nil
	}
	return w.Slots(d.Weekday())
}

// dayWalker answers slotsOn for the days of one period asked in date order,
// in time linear in the days plus n log n in the overrides and exclusions
// that meet the period: a plan of irregular care may list hundreds of
// overrides, and slotsOn would scan them all for every day.
type dayWalker struct {
	p          Plan
	overrides  []Override // those in the period, by date; the first of a date first
	exclusions []Period   // those meeting the period, by start
	oi, ei     int
	// cycle is the schedule's slots by day of its cycle of len(Weeks)
	// weeks from base, the Monday of the anchor's week; the day's index
	// replaces a look-up of its week and weekday.
	cycle [14][]Slot
	n     int // days in cycle: 7 or 14; 0 asks Plan.scheduled
	base  int32
	// excludedTo is the latest end of the exclusions that start on or
	// before the current day: the day is excluded when it is not after it.
	excludedTo Date
}

// newDayWalker prepares a walk over the days of in, which lies within the
// plan's period.
func (p Plan) newDayWalker(in Period) dayWalker {
	w := dayWalker{p: p}
	for _, o := range p.Overrides {
		if in.Contains(o.Date) {
			w.overrides = append(w.overrides, o)
		}
	}
	// Stable: of two overrides of one date the first in the plan wins, as
	// in slotsOn.
	slices.SortStableFunc(w.overrides, func(a, b Override) int { return a.Date.Compare(b.Date) })
	for _, e := range p.Exclusions {
		if e.Period.Overlaps(in) {
			w.exclusions = append(w.exclusions, e.Period)
		}
	}
	slices.SortFunc(w.exclusions, func(a, b Period) int { return a.Start.Compare(b.Start) })
	anchor := p.Schedule.Anchor
	if anchor.IsZero() {
		anchor = p.Start
	}
	if base := mondayOf(anchor); !base.IsZero() && (len(p.Schedule.Weeks) == 1 || len(p.Schedule.Weeks) == 2) {
		// Week A runs from the anchor's Monday, week B the week after
		// (Schedule.weekFor).
		w.base, w.n = base.n, 7*len(p.Schedule.Weeks)
		for i := range w.n {
			// base is a Monday; its days past 9999-12-31 are weekdays
			// all the same.
			w.cycle[i] = p.Schedule.Weeks[i/7].Slots(time.Weekday((int(time.Monday) + i) % 7))
		}
	}
	return w
}

// slotsOn returns p.slotsOn(d); successive calls must ask for later days.
func (w *dayWalker) slotsOn(d Date) []Slot {
	for w.oi < len(w.overrides) && w.overrides[w.oi].Date.Before(d) {
		w.oi++
	}
	if w.oi < len(w.overrides) && w.overrides[w.oi].Date == d {
		return w.overrides[w.oi].Slots
	}
	for w.ei < len(w.exclusions) && !w.exclusions[w.ei].Start.After(d) {
		if w.exclusions[w.ei].End.After(w.excludedTo) {
			w.excludedTo = w.exclusions[w.ei].End
		}
		w.ei++
	}
	if !d.After(w.excludedTo) {
		return nil
	}
	if w.n == 0 {
		return w.p.scheduled(d)
	}
	k := (d.n - w.base) % int32(w.n)
	if k < 0 {
		k += int32(w.n)
	}
	return w.cycle[k]
}

// Day returns what the plan says about d under calendar c. The zero
// PlannedDay's Slots are empty when d is not reserved.
func (p Plan) Day(d Date, c Calendar) PlannedDay {
	pd := PlannedDay{Date: d, Slots: p.slotsOn(d)}
	if len(pd.Slots) > 0 {
		if cd, closed := c.IsClosed(d); closed {
			kept := cd // on the heap only when closed
			pd.Closed = &kept
		}
	}
	return pd
}

// Slots yields every day in period that the plan would reserve, with its
// slots, in date order, before any calendar: closing days and public
// holidays included. It allocates nothing for a plan without overrides or
// exclusions in period; the slots are the plan's own, not to be modified.
func (p Plan) Slots(period Period) iter.Seq2[Date, []Slot] {
	return func(yield func(Date, []Slot) bool) {
		in, ok := period.Intersect(p.Period())
		if !ok {
			return
		}
		w := p.newDayWalker(in)
		for d := range in.Days() { // ends at 9999-12-31, where AddDays does not go on
			if slots := w.slotsOn(d); len(slots) > 0 && !yield(d, slots) {
				return
			}
		}
	}
}

// SlotsInto sets out[i] to the slots the plan reserves on the i-th day of
// period (period.Start plus i days), as Slots yields them, for each day it
// reserves, leaves the other entries alone and returns how many it set: a
// day's slots per index, for a caller that walks the period itself. Days
// past len(out) are not asked. Like Slots, it allocates nothing for a plan
// without overrides or exclusions in period.
func (p Plan) SlotsInto(period Period, out [][]Slot) int {
	in, ok := period.Intersect(p.Period())
	if !ok {
		return 0
	}
	w := p.newDayWalker(in)
	n := 0
	for i, d := period.Start.DaysUntil(in.Start), in.Start; i < len(out); i++ {
		if slots := w.slotsOn(d); len(slots) > 0 {
			out[i] = slots
			n++
		}
		if d == in.End {
			break // 9999-12-31 has no next day
		}
		d = d.AddDays(1)
	}
	return n
}

// Days returns every day in period that the plan would reserve, in date
// order, including those on which the organiser is closed (Closed set).
// Use ReservedDays for the days that are really reserved.
func (p Plan) Days(period Period, c Calendar) []PlannedDay {
	in, ok := period.Intersect(p.Period())
	if !ok {
		return nil
	}
	closed := c.ClosedDays(in) // in date order: walked alongside the days
	out := make([]PlannedDay, 0, min(in.Len(), 62))
	w := p.newDayWalker(in)
	k := 0
	for d := range in.Days() {
		for k < len(closed) && closed[k].Date.Before(d) {
			k++
		}
		slots := w.slotsOn(d)
		if len(slots) == 0 {
			continue
		}
		pd := PlannedDay{Date: d, Slots: slots}
		if k < len(closed) && closed[k].Date == d {
			pd.Closed = &closed[k]
		}
		out = append(out, pd)
	}
	return out
}

// ReservedDays returns the days in period that are reserved and on which
// the organiser is open, in date order.
func (p Plan) ReservedDays(period Period, c Calendar) []PlannedDay {
	return slices.DeleteFunc(p.Days(period, c), func(d PlannedDay) bool { return !d.IsReserved() })
}

// FullTimeRatio returns the plan's reserved days per week divided by 5, the
// basis for prorating justified absence days (respijtdagen): 3 days a week
// gives 0.6. For an alternating schedule it is the average of weeks A and B
// (3 and 2 days give 0.5). A day counts when it has any reserved slot, half
// days included: Opgroeien prorates "in verhouding tot het aantal dagen dat
// een kind is ingeschreven". Weekend days count like others, so the ratio
// can exceed 1; the absence rules decide how to cap it. Overrides do not
// change the ratio: the schedule records the average need.
func (p Plan) FullTimeRatio() decimal.Decimal {
	// Source: Opgroeien FAQ for organisers, "Hoe ga ik om met
	// gerechtvaardigde afwezigheden of respijtdagen?" (18 × 3/5 = 10.8).
	switch n := len(p.Schedule.Weeks); n {
	case 1:
		return decimal.New(int64(p.Schedule.Weeks[0].ReservedDays())*2, -1) // days/5, exact
	case 2:
		return decimal.New(int64(p.Schedule.Weeks[0].ReservedDays()+p.Schedule.Weeks[1].ReservedDays()), -1) // days/10, exact
	}
	return decimal.Zero
}

// SchoolYearOf returns the school year (1 September to 31 August) that d
// falls in. At the edges of the range the school year does not fit: for a
// day of 0001 before September its Start, and for a day of 9999 from
// September its End, is the zero Date, so the period is empty (IsEmpty);
// Plan.Validate reports an after-school plan there as CodeOutOfRange.
func SchoolYearOf(d Date) Period {
	if d.IsZero() {
		return Period{}
	}
	y := d.Year()
	if d.Month() < time.September {
		y--
	}
	return Period{Start: dateOrZero(y, time.September, 1), End: dateOrZero(y+1, time.August, 31)}
}
