package reservation

import (
	"fmt"
	"time"

	"github.com/kinderopvang/regels/plan"
)

// Modify changes the hours of a requested or approved reservation
// (after-school portal manual (seed 000), "Reservatie wijzigen of
// annuleren": "Pas de uren aan"). An approved one goes back to requested
// (it must be approved again) unless p.ModifyKeepsApproval; the same hours
// again change nothing. Only p.ModifyKeepsApproval is read.
func (b Book) Modify(id string, start, end plan.Clock, p Policy) (Book, error) {
	i, err := b.find(id)
	if err != nil {
		return b, err
	}
	r := b.Reservations[i]
	if !r.active() {
		return b, illegal(r, "change", "state")
	}
	_, m, ps := b.lookup(r.Location, r.Moment, "reservations", i)
	if len(ps) > 0 {
		return b, ps
	}
	if hp, bad := hoursProblem(m, r.Date, start, end, "hours"); bad {
		return b, hp
	}
	if start == r.Start && end == r.End {
		return b, nil
	}
	r.Start, r.End = start, end
	if r.State == StateApproved && !p.ModifyKeepsApproval {
		r.State = StateRequested
	}
	return b.with(i, r), nil
}

// CancelQuote says what cancelling reservation id at instant at would
// mean: the deadline, whether it is late and what it costs. A family sees
// it (MessageNL) before confirming. The policy must be valid (the zero
// Policy is not) and at must be set; every problem is reported at once,
// with fields "policy…", "at" and "reservation".
func (b Book) CancelQuote(id string, at time.Time, p Policy) (Cancellation, error) {
	var ps plan.Problems
	if err := p.Validate(); err != nil {
		ps = append(ps, prefixed(err, "policy")...)
	}
	if at.IsZero() {
		ps = append(ps, plan.Problem{Code: plan.CodeMissing, Field: "at", Message: "a cancellation needs the instant it is made"})
	}
	i, err := b.find(id)
	if err != nil {
		ps = append(ps, plan.AsProblems(err)...)
	}
	if len(ps) > 0 {
		return Cancellation{}, ps
	}
	r := b.Reservations[i]
	if !r.active() {
		return Cancellation{}, illegal(r, "cancel", "state")
	}
	li, err := b.location(r.Location, fmt.Sprintf("reservations[%d].location", i))
	if err != nil {
		return Cancellation{}, err
	}
	return quote(r, b.Locations[li].Calendar, at, p)
}

// quote computes the cancellation verdict of r at instant at.
func quote(r Reservation, cal plan.Calendar, at time.Time, p Policy) (Cancellation, error) {
	// Source: after-school portal manual (seed 000), "Reservatie wijzigen of
	// annuleren" — "Annuleer je de opvang te laat? Dan krijg je hiervan een
	// melding bij het annuleren en komt er mogelijk een extra kost bij";
	// the deadline and the cost are house rules (the policy).
	slot := plan.Slot{Start: r.Start, End: r.End}
	starts := slot.Session(r.Date, nil).In
	loc := starts.Location()
	deadline := starts
	nl := "Kosteloos annuleren kan tot de start van de opvang: " + instantNL(deadline, loc) + "."
	en := "free until the reservation starts (" + instantEN(deadline, loc) + ")"
	switch {
	case p.CancelLeadHours > 0:
		deadline = starts.Add(-time.Duration(p.CancelLeadHours) * time.Hour)
		nl = fmt.Sprintf("Kosteloos annuleren kan tot %d uur vóór de start: %s.", p.CancelLeadHours, instantNL(deadline, loc)) // "uur" is also the plural
		en = fmt.Sprintf("free until %d %s before the start: %s", p.CancelLeadHours, plural(p.CancelLeadHours, "hour", "hours"), instantEN(deadline, loc))
	case p.CancelLeadDays > 0:
		day := cal.DaysBefore(r.Date, p.CancelLeadDays, p.Counting)
		if day.IsZero() {
			return Cancellation{}, plan.Problem{Code: plan.CodeInvalidValue, Field: "policy.cancel_lead_days", Date: r.Date,
				Message: fmt.Sprintf("%d %s days before %s falls before the first day of the calendar", p.CancelLeadDays, p.Counting, r.Date)}
		}
		deadline = slot.Session(day, nil).In
		nl = fmt.Sprintf("Kosteloos annuleren kan tot %d %s vóór de start: %s.", p.CancelLeadDays, countingNL(p.Counting, p.CancelLeadDays), instantNL(deadline, loc))
		en = fmt.Sprintf("free until %d %s %s before the start: %s", p.CancelLeadDays, p.Counting, plural(p.CancelLeadDays, "day", "days"), instantEN(deadline, loc))
	}
	source := srcPortalCancel
	if p.Source != "" {
		source += "; " + p.Source
	}
	// On the deadline itself a cancellation is still in time.
	c := Cancellation{At: at, Deadline: deadline, Late: at.After(deadline), Rule: plan.Rule{ID: "reservation.cancel", Source: source}}
	switch {
	case c.Late && p.LateCancelCost.IsZero():
		nl += fmt.Sprintf(" Je annuleert op %s: te laat, maar zonder extra kost.", instantNL(at, loc))
		en += fmt.Sprintf("; cancelled at %s: late, no cost", instantEN(at, loc))
	case c.Late:
		c.Cost = p.LateCancelCost
		nl += fmt.Sprintf(" Je annuleert op %s: te laat, dit kost %s.", instantNL(at, loc), euroNL(p.LateCancelCost))
		en += fmt.Sprintf("; cancelled at %s: late, costs %s", instantEN(at, loc), p.LateCancelCost)
	default:
		nl += fmt.Sprintf(" Je annuleert op %s: op tijd, zonder kosten.", instantNL(at, loc))
		en += fmt.Sprintf("; cancelled at %s: in time, free", instantEN(at, loc))
	}
	c.MessageNL, c.MessageEN = nl, en
	return c, nil
}

// Cancel cancels a requested or approved reservation at instant at; its
// place is freed. The Cancellation says whether it was late and its cost.
// Errors are those of CancelQuote.
func (b Book) Cancel(id string, at time.Time, p Policy) (Book, Cancellation, error) {
	c, err := b.CancelQuote(id, at, p)
	if err != nil {
		return b, Cancellation{}, err
	}
	i, _ := b.find(id)
	r := b.Reservations[i]
	r.State, r.Cancellation = StateCancelled, &c
	return b.with(i, r), c, nil
}
