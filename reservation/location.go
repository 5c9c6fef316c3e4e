package reservation

import (
	"fmt"
	"slices"
	"time"

	"github.com/kinderopvang/regels/plan"
)

// Season says in which weeks a care moment is offered.
type Season string

// The seasons.
const (
	SchoolWeeks  Season = "school"   // outside the school holidays (before and after school, Wednesday afternoon)
	HolidayWeeks Season = "holiday"  // only in the school holidays (holiday care)
	AllYear      Season = "all_year" // any week
)

// Moment is a care moment a location offers (opvangmoment): before school,
// after school, Wednesday afternoon, a school-free day.
type Moment struct {
	ID string `json:"id"`
	// Name is the Dutch name a family reads, e.g. "naschools".
	Name string `json:"name"`
	// Weekdays are the days of the week the moment is offered.
	Weekdays []time.Weekday `json:"weekdays,omitempty"`
	// Dates are single days the moment is offered on whatever the weekday
	// (school-free days: pedagogische studiedagen).
	Dates []plan.Date `json:"dates,omitempty"`
	// Season limits the moment to school weeks or holidays.
	Season Season `json:"season"`
	// Start and End bound the hours that can be reserved.
	Start plan.Clock `json:"start"`
	End   plan.Clock `json:"end"`
	// Capacity is the number of places.
	Capacity int `json:"capacity"`
}

// Location is a care location with its moments and calendar.
type Location struct {
	ID       string        `json:"id"`
	Name     string        `json:"name"`
	Moments  []Moment      `json:"moments"`
	Calendar plan.Calendar `json:"calendar"`
	// SchoolHolidays are the school holidays, for the moments' seasons.
	SchoolHolidays []plan.Period `json:"school_holidays,omitempty"`
}

// Enrolment says a child is enrolled at a location for a period; only an
// enrolled child can reserve there (after-school portal manual (seed 000),
// "Online reserveren").
type Enrolment struct {
	Child    string      `json:"child"`
	Location string      `json:"location"`
	Period   plan.Period `json:"period"`
}

// Availability says whether a moment is offered on a day and, when not,
// why: a Refusal code, the Dutch text the family reads and the English one
// for developers.
type Availability struct {
	Offered   bool    `json:"offered"`
	Reason    Refusal `json:"reason,omitempty"`
	MessageNL string  `json:"message_nl,omitempty"`
	MessageEN string  `json:"message_en,omitempty"`
}

// moment returns the moment with id.
func (l Location) moment(id string) (Moment, bool) {
	for _, m := range l.Moments {
		if m.ID == id {
			return m, true
		}
	}
	return Moment{}, false
}

// Offers reports whether moment m is offered on d at l, and when not, why:
// not on that weekday (nor one of its single dates), the location closed
// (its calendar), or the wrong season (school holidays).
func (l Location) Offers(m Moment, d plan.Date) Availability {
	return l.offers(m, d, l.Calendar.IsClosed)
}

// offers is Offers with the location's closing days looked up by closed
// (the calendar's IsClosed, or its ClosedDays of a period computed once).
func (l Location) offers(m Moment, d plan.Date, closed func(plan.Date) (plan.ClosedDay, bool)) Availability {
	reason, cd := l.unavailable(m, d, closed)
	if reason == "" {
		return Availability{Offered: true}
	}
	return Availability{Reason: reason, MessageNL: l.whyNL(m, d, reason, cd), MessageEN: l.whyEN(m, d, reason, cd)}
}

// unavailable returns why m is not offered on d ("" when it is), and the
// closing day when the location is closed.
func (l Location) unavailable(m Moment, d plan.Date, closed func(plan.Date) (plan.ClosedDay, bool)) (Refusal, plan.ClosedDay) {
	// Source: after-school portal manual (seed 000), "Reservatie
	// dupliceren" — "alle dagen dat het gekozen opvangmoment geldig is".
	if !slices.Contains(m.Weekdays, d.Weekday()) && !slices.Contains(m.Dates, d) {
		return ReasonWeekday, plan.ClosedDay{}
	}
	// Source: after-school portal manual (seed 000), "Opvangvoorziening" —
	// "de sluitingsdagen die al ingepland zijn".
	if cd, isClosed := closed(d); isClosed {
		return ReasonClosed, cd
	}
	inHoliday := false
	for _, h := range l.SchoolHolidays {
		if h.Contains(d) {
			inHoliday = true
			break
		}
	}
	switch {
	case m.Season == SchoolWeeks && inHoliday:
		return ReasonSchoolHoliday, plan.ClosedDay{}
	case m.Season == HolidayWeeks && !inHoliday:
		return ReasonSchoolWeek, plan.ClosedDay{}
	}
	return "", plan.ClosedDay{}
}

// whyNL says in Dutch why m is not offered on d.
func (l Location) whyNL(m Moment, d plan.Date, reason Refusal, cd plan.ClosedDay) string {
	return l.whyNLOf(sentenceNL(m.Name), d, dayNL(d), reason, cd)
}

// whyNLOf is whyNL from the parts a week view computes once: the moment's
// name as it starts a sentence, and the day in Dutch without its weekday.
func (l Location) whyNLOf(name string, d plan.Date, day string, reason Refusal, cd plan.ClosedDay) string {
	weekday := WeekdayNL(d.Weekday())
	switch reason {
	case ReasonWeekday:
		return name + " wordt niet aangeboden op " + weekday + " (" + day + ")."
	case ReasonClosed:
		return l.Name + " is gesloten op " + weekday + " " + day + " (" + cd.Reason + ")."
	case ReasonSchoolHoliday:
		return name + " wordt niet aangeboden in de schoolvakantie (" + weekday + " " + day + ")."
	}
	return name + " wordt enkel in de schoolvakanties aangeboden, niet op " + weekday + " " + day + "."
}

// whyEN says in English why m is not offered on d.
func (l Location) whyEN(m Moment, d plan.Date, reason Refusal, cd plan.ClosedDay) string {
	switch reason {
	case ReasonWeekday:
		return fmt.Sprintf("%s is not offered on a %s (%s)", m.Name, d.Weekday(), d)
	case ReasonClosed:
		return fmt.Sprintf("%s is closed on %s (%s)", l.Name, d, cd.Reason)
	case ReasonSchoolHoliday:
		return fmt.Sprintf("%s is not offered in the school holidays (%s)", m.Name, d)
	}
	return fmt.Sprintf("%s is offered only in the school holidays, not on %s", m.Name, d)
}

// Validate reports every problem of the location at once: no ID or name;
// moments without an ID, a name, valid hours, a positive capacity, any day
// or a known season; duplicate moment IDs; an invalid school holiday; an
// invalid calendar.
func (l Location) Validate() error {
	var ps plan.Problems
	if l.ID == "" {
		ps = append(ps, plan.Problem{Code: plan.CodeMissing, Field: "id", Message: "a location needs an id"})
	}
	if l.Name == "" {
		ps = append(ps, plan.Problem{Code: plan.CodeMissing, Field: "name", Message: "a location needs the name families read"})
	}
	seen := make(map[string]int, len(l.Moments))
	for i, m := range l.Moments {
		f := fmt.Sprintf("moments[%d]", i)
		if j, dup := seen[m.ID]; dup && m.ID != "" {
			ps = append(ps, plan.Problem{Code: plan.CodeOverlap, Field: f + ".id", Message: fmt.Sprintf("moment id %q repeats moments[%d]", m.ID, j)})
		} else {
			seen[m.ID] = i
		}
		ps = append(ps, m.validate(f)...)
	}
	for i, h := range l.SchoolHolidays {
		if err := h.Validate(); err != nil {
			ps = append(ps, prefixed(err, fmt.Sprintf("school_holidays[%d]", i))...)
		}
	}
	if err := l.Calendar.Validate(); err != nil {
		ps = append(ps, prefixed(err, "calendar")...)
	}
	return ps.Err()
}

// validate reports every problem of a moment, with field as the path of
// the moment: no ID or name, hours that are not a span of the day, fewer
// than one place, no day, an unknown season.
func (m Moment) validate(field string) plan.Problems {
	var ps plan.Problems
	if m.ID == "" || m.Name == "" {
		ps = append(ps, plan.Problem{Code: plan.CodeMissing, Field: field, Message: "a moment needs an id and a name"})
	}
	if !m.Start.Valid() || !m.End.Valid() || m.End <= m.Start {
		ps = append(ps, plan.Problem{Code: plan.CodeEndBeforeStart, Field: field, Message: fmt.Sprintf("moment %s runs %s–%s", m.ID, m.Start, m.End)})
	}
	// A moment without a place could never be reserved: every request would
	// be refused as full.
	if m.Capacity < 1 {
		ps = append(ps, plan.Problem{Code: plan.CodeInvalidValue, Field: field + ".capacity", Message: fmt.Sprintf("moment %s has %d places", m.ID, m.Capacity)})
	}
	if len(m.Weekdays) == 0 && len(m.Dates) == 0 {
		ps = append(ps, plan.Problem{Code: plan.CodeMissing, Field: field + ".weekdays", Message: fmt.Sprintf("moment %s is offered on no day", m.ID)})
	}
	for i, w := range m.Weekdays {
		if w < time.Sunday || w > time.Saturday {
			ps = append(ps, plan.Problem{Code: plan.CodeInvalidValue, Field: fmt.Sprintf("%s.weekdays[%d]", field, i), Message: fmt.Sprintf("weekday %d is not 0 (Sunday) to 6 (Saturday)", int(w))})
		}
	}
	for i, d := range m.Dates {
		if d.IsZero() {
			ps = append(ps, plan.Problem{Code: plan.CodeMissing, Field: fmt.Sprintf("%s.dates[%d]", field, i), Message: "a single date of a moment cannot be empty"})
		}
	}
	switch m.Season {
	case SchoolWeeks, HolidayWeeks, AllYear:
	default:
		ps = append(ps, plan.Problem{Code: plan.CodeInvalidValue, Field: field + ".season", Message: fmt.Sprintf("season %q is not school, holiday or all_year", m.Season)})
	}
	return ps
}
