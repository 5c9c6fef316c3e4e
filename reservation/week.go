package reservation

import (
	"fmt"

	"github.com/kinderopvang/regels/plan"
)

// Status is what a family sees for a moment on a day in the week view
// (after-school portal manual (seed 000), "Online reserveren" and
// "Reservatie wijzigen of annuleren": white = free, red = full, orange =
// requested, green = approved, grey = cancelled). The value is a stable
// code; NL gives the word a family reads.
type Status string

// The statuses.
const (
	StatusFree        Status = "free"
	StatusFull        Status = "full"
	StatusRequested   Status = "requested"
	StatusApproved    Status = "approved"
	StatusRefused     Status = "refused"
	StatusCancelled   Status = "cancelled"
	StatusUnavailable Status = "unavailable" // the child cannot reserve it that day: not offered (weekday, closed, holiday) or not enrolled
)

// NL returns the status as the week calendar shows it ("vrij", "volzet",
// "aangevraagd", "goedgekeurd", "geweigerd", "geannuleerd", "niet
// beschikbaar"); "" for an unknown status.
func (s Status) NL() string {
	switch s {
	case StatusFree:
		return "vrij"
	case StatusFull:
		return "volzet"
	case StatusUnavailable:
		return "niet beschikbaar"
	}
	return State(s).NL()
}

// MomentView is one moment on one day for one child, as the family sees
// it: every text in it is Dutch.
type MomentView struct {
	Moment string `json:"moment"`
	// Name is the moment's name (the organiser's Dutch name).
	Name     string `json:"name"`
	Status   Status `json:"status"`
	StatusNL string `json:"status_nl"`
	// Free is the number of free places (0 when unavailable).
	Free int `json:"free"`
	// Reservation is the child's reservation of the moment that day, if any.
	Reservation string `json:"reservation,omitempty"`
	// Reason and WhyNL say why a moment is unavailable: a Reason… constant
	// or RefusedNotEnrolled, and the Dutch text.
	Reason Refusal `json:"reason,omitempty"`
	WhyNL  string  `json:"why_nl,omitempty"`
}

// DayView is one day of the week view.
type DayView struct {
	Date plan.Date `json:"date"`
	// WeekdayNL is the Dutch name of the day ("maandag").
	WeekdayNL string       `json:"weekday_nl"`
	Moments   []MomentView `json:"moments"`
}

// Week returns the week view of child at location for the week (Monday to
// Sunday) that contains day: per day and moment, the child's own
// reservation state, or free, full or unavailable (not offered, or the
// child not enrolled that day). A child's latest reservation of a moment
// on a day decides its status. No child, a child never enrolled at the
// location, an unknown location or no day is an error naming what is
// wrong, never a week of free days.
//
// The book is read once for the whole week.
func (b Book) Week(child, location string, day plan.Date) ([]DayView, error) {
	var ps plan.Problems
	if child == "" {
		ps = append(ps, plan.Problem{Code: plan.CodeMissing, Field: "child", Message: "the week view is a child's"})
	}
	if day.IsZero() {
		ps = append(ps, plan.Problem{Code: plan.CodeMissing, Field: "day", Message: "the week view needs a day of the week"})
	}
	li, err := b.location(location, "location")
	if err != nil {
		ps = append(ps, plan.AsProblems(err)...)
	}
	var periods []plan.Period
	elsewhere := ""
	for _, e := range b.Enrolments {
		switch {
		case e.Child != child || child == "":
		case e.Location == location:
			periods = append(periods, e.Period)
		default:
			elsewhere = e.Location
		}
	}
	switch {
	case child == "" || len(periods) > 0:
	case elsewhere != "":
		ps = append(ps, plan.Problem{Code: CodeUnknown, Field: "child",
			Message: fmt.Sprintf("%s is enrolled at %s, never at %s: no week view there", child, elsewhere, location)})
	default:
		ps = append(ps, plan.Problem{Code: CodeUnknown, Field: "child",
			Message: fmt.Sprintf("no child %q is enrolled anywhere in the book", child)})
	}
	if len(ps) > 0 {
		return nil, ps
	}
	l := b.Locations[li]
	monday := day.AddDays(-((int(day.Weekday()) + 6) % 7))
	sunday := monday.AddDays(6)
	if sunday.IsZero() {
		return nil, plan.Problem{Code: plan.CodeInvalidDate, Field: "day", Date: day, Message: fmt.Sprintf("the week of %s runs past the last date", day)}
	}
	moments := make(map[string]int, len(l.Moments))
	for i, m := range l.Moments {
		if _, dup := moments[m.ID]; !dup {
			moments[m.ID] = i
		}
	}
	// One pass over the book: places taken and the child's own (latest)
	// reservation, per moment and day of the week.
	taken := make([][7]int, len(l.Moments))
	own := make([][7]int, len(l.Moments)) // index+1 into b.Reservations; 0 = none
	for i, r := range b.Reservations {
		if r.Location != l.ID || r.Date.Before(monday) || r.Date.After(sunday) {
			continue
		}
		mi, ok := moments[r.Moment]
		if !ok {
			continue
		}
		k := monday.DaysUntil(r.Date)
		if r.State == StateApproved {
			taken[mi][k]++
		}
		if r.Child == child {
			own[mi][k] = i + 1
		}
	}
	// The closing days of the week, computed once (not once per moment-day).
	closedDays := l.Calendar.ClosedDays(plan.Period{Start: monday, End: sunday})
	closed := func(d plan.Date) (plan.ClosedDay, bool) {
		for _, cd := range closedDays {
			if cd.Date == d {
				return cd, true
			}
		}
		return plan.ClosedDay{}, false
	}
	names := make([]string, len(l.Moments)) // as they start a sentence
	for i, m := range l.Moments {
		names[i] = sentenceNL(m.Name)
	}
	out := make([]DayView, 7)
	for k := range out {
		d := monday.AddDays(k)
		dNL, day := DateNL(d), dayNL(d)
		enrolled := false
		for _, p := range periods {
			enrolled = enrolled || p.Contains(d)
		}
		dv := DayView{Date: d, WeekdayNL: WeekdayNL(d.Weekday()), Moments: make([]MomentView, len(l.Moments))}
		for mi, m := range l.Moments {
			mv := MomentView{Moment: m.ID, Name: m.Name, Free: max(0, m.Capacity-taken[mi][k])}
			reason, cd := l.unavailable(m, d, closed)
			switch {
			case reason != "":
				mv.Status, mv.Reason, mv.WhyNL, mv.Free = StatusUnavailable, reason, l.whyNLOf(names[mi], d, day, reason, cd), 0
			case !enrolled:
				mv.Status, mv.Reason, mv.Free = StatusUnavailable, RefusedNotEnrolled, 0
				mv.WhyNL = child + " is op " + dNL + " niet ingeschreven in " + l.Name + "."
			case mv.Free == 0:
				mv.Status = StatusFull
			default:
				mv.Status = StatusFree
			}
			if j := own[mi][k]; j > 0 {
				r := b.Reservations[j-1]
				mv.Status, mv.Reservation, mv.Reason, mv.WhyNL = Status(r.State), r.ID, "", ""
			}
			mv.StatusNL = mv.Status.NL()
			dv.Moments[mi] = mv
		}
		out[k] = dv
	}
	return out, nil
}
