package reservation

import (
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/kinderopvang/regels/plan"
)

// Request records a request for each child: requested when the child is
// enrolled, the moment is offered that day, the child has no active
// reservation of it yet and a place is free; otherwise refused with the
// reason. A request on a full day leaves no trace (the portal shows the day
// as full). An unknown location or moment, no day, no child, an unnamed
// child or hours outside the moment's hours are errors, all reported at
// once.
func (b Book) Request(r Request) (Book, []Outcome, error) {
	return b.request(r, false, nil)
}

// checkRequest validates a request and returns its location and moment,
// with every problem at once.
func (b Book) checkRequest(r Request) (Location, Moment, error) {
	l, m, ps := b.lookup(r.Location, r.Moment, "", 0)
	if r.Date.IsZero() {
		ps = append(ps, plan.Problem{Code: plan.CodeMissing, Field: "date", Message: "a reservation needs a date"})
	}
	if len(r.Children) == 0 {
		ps = append(ps, plan.Problem{Code: plan.CodeMissing, Field: "children", Message: "a request names at least one child"})
	}
	for i, c := range r.Children {
		if c == "" {
			ps = append(ps, plan.Problem{Code: plan.CodeMissing, Field: fmt.Sprintf("children[%d]", i), Message: "a child needs a name"})
		}
	}
	if m.ID != "" {
		if p, bad := hoursProblem(m, r.Date, r.Start, r.End, "hours"); bad {
			ps = append(ps, p)
		}
	}
	return l, m, ps.Err()
}

// dayIndex is what a request needs to know about one moment on one day,
// gathered in one pass over the book: the places taken, and which of the
// requested children have an active reservation or are enrolled.
type dayIndex struct {
	taken    int
	active   map[string]bool
	enrolled map[string]bool
}

// indexDay gathers the dayIndex of a moment on a day for the children, and
// checks in the same pass that NextID hands out no ID the book holds.
func (b Book) indexDay(location, moment string, d plan.Date, children []string) (dayIndex, error) {
	next, err := b.nextIDDigits()
	if err != nil {
		return dayIndex{}, err
	}
	ix := dayIndex{active: make(map[string]bool, len(children)), enrolled: make(map[string]bool, len(children))}
	for _, c := range children {
		ix.active[c], ix.enrolled[c] = false, false
	}
	for _, r := range b.Reservations {
		if reusable(r.ID, next) {
			return dayIndex{}, staleNextID(b, r.ID)
		}
		if r.Date != d || r.Moment != moment || r.Location != location {
			continue
		}
		if r.State == StateApproved {
			ix.taken++
		}
		if _, asked := ix.active[r.Child]; asked && r.active() {
			ix.active[r.Child] = true
		}
	}
	for _, e := range b.Enrolments {
		if _, asked := ix.enrolled[e.Child]; asked && e.Location == location && e.Period.Contains(d) {
			ix.enrolled[e.Child] = true
		}
	}
	return ix, nil
}

// appendReservation appends r to n's reservations. The first append of a
// call copies the book's reservations into a new array with room for the
// call's room at most, so the old book's array is never written.
func (n *Book) appendReservation(r Reservation, grown *bool, room int) {
	if !*grown {
		n.Reservations = slices.Grow(slices.Clip(n.Reservations), room)
		*grown = true
	}
	n.Reservations = append(n.Reservations, r)
}

// request records r for each child. pre, when set, may refuse a child
// before the general checks (an extra day the plan already reserves).
func (b Book) request(r Request, extra bool, pre func(child string) (Outcome, bool)) (Book, []Outcome, error) {
	l, m, err := b.checkRequest(r)
	if err != nil {
		return b, nil, err
	}
	ix, err := b.indexDay(l.ID, m.ID, r.Date, r.Children)
	if err != nil {
		return b, nil, err
	}
	offered, closed := l.unavailable(m, r.Date, l.Calendar.IsClosed)
	rule := plan.Rule{ID: "reservation.request", Source: srcPortal}
	n := b
	grown := false
	out := make([]Outcome, 0, len(r.Children))
	for _, child := range r.Children {
		if pre != nil {
			if o, refused := pre(child); refused {
				out = append(out, o)
				continue
			}
		}
		o := Outcome{Child: child, Date: r.Date, Rule: rule}
		o.Refused = refusal(ix.enrolled[child], offered, ix.active[child], ix.taken, m.Capacity)
		if o.Refused == "" {
			res := Reservation{ID: n.newID(), Child: child, Location: l.ID, Moment: m.ID, Date: r.Date,
				Start: r.Start, End: r.End, State: StateRequested, Extra: extra, RequestedAt: r.At}
			n.appendReservation(res, &grown, len(r.Children))
			ix.active[child] = true
			o.Reservation, o.State = res.ID, res.State
		}
		o.MessageNL, o.MessageEN = requestTexts(o.Refused, closed, child, l, m, r.Date, r.Start, r.End)
		out = append(out, o)
	}
	return n, out, nil
}

// refusal decides one child's request of a moment on a day, in the order
// of the after-school portal manual (seed 000), "Online reserveren": the
// child enrolled at the location ("enkel … indien je kind … is
// ingeschreven"), the moment offered that day (offered is why not), no
// active reservation of it yet, and a free place ("Is de opvang volzet?
// Dan kleurt de kalender rood": only approved reservations take one).
func refusal(enrolled bool, offered Refusal, active bool, taken, capacity int) Refusal {
	switch {
	case !enrolled:
		return RefusedNotEnrolled
	case offered != "":
		return offered
	case active:
		return RefusedAlreadyReserved
	case taken >= capacity:
		return RefusedFull
	}
	return ""
}

// requestTexts says in Dutch and in English what became of child's request
// of m at l on d: requested (why is empty) or refused and why.
func requestTexts(why Refusal, closed plan.ClosedDay, child string, l Location, m Moment, d plan.Date, start, end plan.Clock) (string, string) {
	switch why {
	case "":
		hours := start.String() + "–" + end.String()
		return sentenceNL(m.Name) + " voor " + child + " op " + DateNL(d) + ", " + hours + ": aangevraagd, nog niet goedgekeurd.",
			m.Name + " requested for " + child + " on " + d.String() + ", " + hours
	case RefusedNotEnrolled:
		return child + " is op " + DateNL(d) + " niet ingeschreven in " + l.Name + ".",
			child + " is not enrolled at " + l.Name + " on " + d.String()
	case RefusedAlreadyReserved:
		return child + " heeft op " + DateNL(d) + " al een reservatie voor " + m.Name + ".",
			child + " already has " + m.Name + " on " + d.String()
	case RefusedFull:
		places := strconv.Itoa(m.Capacity)
		return sentenceNL(m.Name) + " op " + DateNL(d) + " is volzet (" + places + " " + plural(m.Capacity, "plaats", "plaatsen") + ").",
			m.Name + " on " + d.String() + " is full (" + places + " " + plural(m.Capacity, "place", "places") + ")"
	}
	return l.whyNL(m, d, why, closed), l.whyEN(m, d, why, closed)
}

// Duplicate copies reservation id (its child, location, moment and hours)
// to other dates (after-school portal manual (seed 000), "Reservatie
// dupliceren": "naar alle dagen dat het gekozen opvangmoment geldig is").
// Each date gets an Outcome: requested, or refused and why — never a
// reservation on a day the moment is not offered. No date, a date left
// empty, and an extra day of a care plan (RequestExtraDay checks each
// against the plan) are errors.
//
// The book is read once, however many dates: a call costs time in
// proportion to the reservations plus the dates.
func (b Book) Duplicate(id string, dates []plan.Date, at time.Time) (Book, []Outcome, error) {
	i, err := b.find(id)
	if err != nil {
		return b, nil, err
	}
	src := b.Reservations[i]
	l, m, ps := b.lookup(src.Location, src.Moment, "reservations", i)
	if src.Extra {
		// Source: seed 004 §3.4.1 — an extra day is one the care plan does
		// not reserve, which Duplicate cannot see (audit of 2026-12-01: a
		// copy landed on the plan's own days).
		ps = append(ps, plan.Problem{Code: plan.CodeInvalidValue, Field: "id",
			Message: fmt.Sprintf("reservation %s is an extra day of a care plan: ask each other extra day with RequestExtraDay, which checks the plan", id)})
	}
	if len(dates) == 0 {
		ps = append(ps, plan.Problem{Code: plan.CodeMissing, Field: "dates", Message: "duplicating needs at least one date"})
	}
	for k, d := range dates {
		if d.IsZero() {
			ps = append(ps, plan.Problem{Code: plan.CodeMissing, Field: fmt.Sprintf("dates[%d]", k), Message: "a date to duplicate to cannot be empty"})
		}
	}
	if len(ps) > 0 {
		return b, nil, ps
	}
	// One pass: places taken per day, and the days the child already has the
	// moment; the NextID check rides along.
	next, err := b.nextIDDigits()
	if err != nil {
		return b, nil, err
	}
	taken := map[plan.Date]int{}
	has := map[plan.Date]bool{}
	for _, r := range b.Reservations {
		if reusable(r.ID, next) {
			return b, nil, staleNextID(b, r.ID)
		}
		if r.Moment != m.ID || r.Location != l.ID {
			continue
		}
		if r.State == StateApproved {
			taken[r.Date]++
		}
		if r.active() && r.Child == src.Child {
			has[r.Date] = true
		}
	}
	var periods []plan.Period
	for _, e := range b.Enrolments {
		if e.Child == src.Child && e.Location == l.ID {
			periods = append(periods, e.Period)
		}
	}
	rule := plan.Rule{ID: "reservation.duplicate", Source: srcPortalDup}
	n := b
	grown := false
	out := make([]Outcome, 0, len(dates))
	for _, d := range dates {
		o := Outcome{Child: src.Child, Date: d, Rule: rule}
		offered, closed := l.unavailable(m, d, l.Calendar.IsClosed)
		enrolled := slices.ContainsFunc(periods, func(p plan.Period) bool { return p.Contains(d) })
		o.Refused = refusal(enrolled, offered, has[d], taken[d], m.Capacity)
		if o.Refused == "" {
			res := Reservation{ID: n.newID(), Child: src.Child, Location: l.ID, Moment: m.ID, Date: d,
				Start: src.Start, End: src.End, State: StateRequested, Extra: src.Extra, RequestedAt: at}
			n.appendReservation(res, &grown, len(dates))
			has[d] = true
			o.Reservation, o.State = res.ID, res.State
		}
		o.MessageNL, o.MessageEN = requestTexts(o.Refused, closed, src.Child, l, m, d, src.Start, src.End)
		if o.Refused == "" {
			o.MessageEN += " (copy of " + src.ID + ")"
		}
		out = append(out, o)
	}
	return n, out, nil
}

// RequestExtraDay requests an extra day of care outside the children's
// care plans (house rules Zorg Leuven §3.4.1 (seed 004): "Een extra dag is
// immers enkel mogelijk als er nog een plaatsje vrij is"): refused for a
// child whose plan already reserves the day (RefusedInPlan) or does not run
// that day (RefusedOutsidePlan: pass the plan in force on the day), and
// like any request only when a place is free. An approved extra day is
// billed at the income tariff. Every child needs its plan in plans (a child
// without one is an error, never "no plan, so any day is extra"); c is the
// organiser's calendar the plans are read with.
func (b Book) RequestExtraDay(r Request, plans map[string]plan.Plan, c plan.Calendar) (Book, []Outcome, error) {
	var ps plan.Problems
	if _, _, err := b.checkRequest(r); err != nil {
		ps = append(ps, plan.AsProblems(err)...)
	}
	for _, child := range r.Children {
		if _, ok := plans[child]; !ok && child != "" {
			ps = append(ps, plan.Problem{Code: plan.CodeMissing, Field: fmt.Sprintf("plans[%q]", child),
				Message: fmt.Sprintf("no care plan for %s: an extra day is a day outside the plan", child)})
		}
	}
	if err := c.Validate(); err != nil {
		ps = append(ps, prefixed(err, "calendar")...)
	}
	if len(ps) > 0 {
		return b, nil, ps
	}
	rule := plan.Rule{ID: "reservation.extra_day", Source: srcExtraDay}
	inPlan := func(child string) (Outcome, bool) {
		// Source: seed 004 §3.4.1 — an extra day is a day the running plan
		// does not reserve; a day outside its term is no extra day of it
		// (the invoice refuses one "outside every care plan"): the plan in
		// force that day decides.
		if p := plans[child]; !p.Period().Contains(r.Date) {
			return Outcome{Child: child, Date: r.Date, Refused: RefusedOutsidePlan, Rule: rule,
				MessageNL: "Het opvangplan van " + child + " loopt niet op " + DateNL(r.Date) + ": een extra dag vraag je aan binnen het opvangplan dat dan loopt.",
				MessageEN: child + "'s care plan does not run on " + r.Date.String() + " (" + p.Period().String() + "): an extra day is asked within the plan in force that day"}, true
		}
		if !plans[child].Day(r.Date, c).IsReserved() {
			return Outcome{}, false
		}
		return Outcome{Child: child, Date: r.Date, Refused: RefusedInPlan, Rule: rule,
			MessageNL: "Het opvangplan van " + child + " reserveert " + DateNL(r.Date) + " al: dat is geen extra dag.",
			MessageEN: child + "'s care plan already reserves " + r.Date.String() + ": not an extra day"}, true
	}
	n, out, err := b.request(r, true, inPlan)
	if err != nil {
		return b, nil, err
	}
	for k := range out {
		out[k].Rule = rule
	}
	return n, out, nil
}
