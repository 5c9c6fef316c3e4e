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
// enrolled child can reserve there (seed 000).
type Enrolment struct {
	Child    string      `json:"child"`
	Location string      `json:"location"`
	Period   plan.Period `json:"period"`
}

// Unavailable reasons: why a moment is not offered on a date.
const (
	ReasonWeekday       = "weekday"        // not offered on that day of the week
	ReasonClosed        = "closed"         // the location is closed
	ReasonSchoolHoliday = "school_holiday" // a school-week moment in the holidays
	ReasonSchoolWeek    = "school_week"    // a holiday moment outside the holidays
)

// moment returns the moment with id.
func (l Location) moment(id string) (Moment, bool) {
	for _, m := range l.Moments {
		if m.ID == id {
			return m, true
		}
	}
	return Moment{}, false
}

// Offers reports whether moment m is offered on d at l; when not, it says
// why (one of the Reason constants, and a message).
func (l Location) Offers(m Moment, d plan.Date) (bool, string, string) {
	if !slices.Contains(m.Weekdays, d.Weekday()) && !slices.Contains(m.Dates, d) {
		return false, ReasonWeekday, fmt.Sprintf("%s is not offered on a %s", m.Name, d.Weekday())
	}
	if cd, closed := l.Calendar.IsClosed(d); closed {
		return false, ReasonClosed, fmt.Sprintf("%s is closed on %s (%s)", l.Name, d, cd.Reason)
	}
	inHoliday := false
	for _, h := range l.SchoolHolidays {
		inHoliday = inHoliday || h.Contains(d)
	}
	switch {
	case m.Season == SchoolWeeks && inHoliday:
		return false, ReasonSchoolHoliday, fmt.Sprintf("%s is not offered in the school holidays (%s)", m.Name, d)
	case m.Season == HolidayWeeks && !inHoliday:
		return false, ReasonSchoolWeek, fmt.Sprintf("%s is offered only in the school holidays, not on %s", m.Name, d)
	}
	return true, "", ""
}

// Validate reports every problem of the location: moments without an ID,
// a name, valid hours, a positive capacity or any day; duplicate IDs; an
// invalid calendar.
func (l Location) Validate() error {
	var ps plan.Problems
	if l.ID == "" {
		ps = append(ps, plan.Problem{Code: plan.CodeMissing, Field: "id", Message: "a location needs an id"})
	}
	seen := map[string]int{}
	for i, m := range l.Moments {
		f := fmt.Sprintf("moments[%d]", i)
		if m.ID == "" || m.Name == "" {
			ps = append(ps, plan.Problem{Code: plan.CodeMissing, Field: f, Message: "a moment needs an id and a name"})
		}
		if j, dup := seen[m.ID]; dup {
			ps = append(ps, plan.Problem{Code: plan.CodeOverlap, Field: f + ".id", Message: fmt.Sprintf("moment id %q repeats moments[%d]", m.ID, j)})
		}
		seen[m.ID] = i
		if !m.Start.Valid() || !m.End.Valid() || m.End <= m.Start {
			ps = append(ps, plan.Problem{Code: plan.CodeEndBeforeStart, Field: f, Message: fmt.Sprintf("moment %s runs %s–%s", m.ID, m.Start, m.End)})
		}
		if m.Capacity < 1 {
			ps = append(ps, plan.Problem{Code: plan.CodeInvalidValue, Field: f + ".capacity", Message: fmt.Sprintf("moment %s has %d places", m.ID, m.Capacity)})
		}
		if len(m.Weekdays) == 0 && len(m.Dates) == 0 {
			ps = append(ps, plan.Problem{Code: plan.CodeMissing, Field: f + ".weekdays", Message: fmt.Sprintf("moment %s is offered on no day", m.ID)})
		}
		switch m.Season {
		case SchoolWeeks, HolidayWeeks, AllYear:
		default:
			ps = append(ps, plan.Problem{Code: plan.CodeInvalidValue, Field: f + ".season", Message: fmt.Sprintf("season %q is not school, holiday or all_year", m.Season)})
		}
	}
	if err := l.Calendar.Validate(); err != nil {
		for _, p := range plan.AsProblems(err) {
			p.Field = "calendar." + p.Field
			ps = append(ps, p)
		}
	}
	return ps.Err()
}
