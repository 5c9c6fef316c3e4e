package reservation

import (
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/kinderopvang/regels/plan"
)

// Book is an organiser's reservations with its locations and enrolments:
// the capacity book. It is a value; every operation returns a new Book and
// leaves the old one unchanged, so it is safe to share between goroutines.
type Book struct {
	Locations    []Location    `json:"locations"`
	Enrolments   []Enrolment   `json:"enrolments"`
	Reservations []Reservation `json:"reservations,omitempty"`
	// NextID numbers the next reservation ("R1", "R2", …).
	NextID int `json:"next_id"`
}

// Request asks for one care moment on one day, for one child or several
// siblings at once (seed 000).
type Request struct {
	Children []string   `json:"children"`
	Location string     `json:"location"`
	Moment   string     `json:"moment"`
	Date     plan.Date  `json:"date"`
	Start    plan.Clock `json:"start"`
	End      plan.Clock `json:"end"`
	// At is when the request was made.
	At time.Time `json:"at,omitzero"`
}

// Refusal reasons of an Outcome.
const (
	RefusedFull            = "full"             // no free place (seed 000: "volzet")
	RefusedNotEnrolled     = "not_enrolled"     // the child is not enrolled at the location that day
	RefusedAlreadyReserved = "already_reserved" // the child already has this moment that day
	RefusedInPlan          = "in_plan"          // an extra day the care plan already reserves
)

// Outcome is the result of a request, an approval or a duplication for one
// child and day: created (or approved), or refused and why.
type Outcome struct {
	Child       string    `json:"child"`
	Date        plan.Date `json:"date"`
	Reservation string    `json:"reservation,omitempty"`
	State       State     `json:"state,omitempty"`
	// Refused is the refusal reason (a Refused… or Reason… constant); empty
	// when the request went through.
	Refused string    `json:"refused,omitempty"`
	Message string    `json:"message"`
	Rule    plan.Rule `json:"rule"`
}

func (b Book) location(id string) (Location, error) {
	for _, l := range b.Locations {
		if l.ID == id {
			return l, nil
		}
	}
	return Location{}, plan.Problem{Code: CodeUnknown, Field: "location", Message: fmt.Sprintf("no location %q", id)}
}

func (b Book) find(id string) (int, error) {
	for i, r := range b.Reservations {
		if r.ID == id {
			return i, nil
		}
	}
	return -1, plan.Problem{Code: CodeUnknown, Field: "reservation", Message: fmt.Sprintf("no reservation %q", id)}
}

// Taken returns the number of approved reservations of a moment on a day:
// the places in use.
func (b Book) Taken(location, moment string, d plan.Date) int {
	n := 0
	for _, r := range b.Reservations {
		if r.State == StateApproved && r.Location == location && r.Moment == moment && r.Date == d {
			n++
		}
	}
	return n
}

// Free returns the free places of a moment on a day (0 when the moment is
// unknown).
func (b Book) Free(location, moment string, d plan.Date) int {
	l, err := b.location(location)
	if err != nil {
		return 0
	}
	m, ok := l.moment(moment)
	if !ok {
		return 0
	}
	return max(0, m.Capacity-b.Taken(location, moment, d))
}

func (b Book) enrolled(child, location string, d plan.Date) bool {
	for _, e := range b.Enrolments {
		if e.Child == child && e.Location == location && e.Period.Contains(d) {
			return true
		}
	}
	return false
}

// Request records a request for each child: requested when the child is
// enrolled, the moment is offered that day, the child has no reservation of
// it yet and a place is free; otherwise refused with the reason. A request
// on a full day leaves no trace (the portal shows the day as full). The
// hours must lie within the moment's hours.
func (b Book) Request(r Request) (Book, []Outcome, error) {
	return b.request(r, false)
}

func (b Book) request(r Request, extra bool) (Book, []Outcome, error) {
	l, m, err := b.check(r.Location, r.Moment, r.Date, r.Start, r.End)
	if err != nil {
		return b, nil, err
	}
	if len(r.Children) == 0 {
		return b, nil, plan.Problem{Code: plan.CodeMissing, Field: "children", Message: "a request names at least one child"}
	}
	rule := plan.Rule{ID: "reservation.request", Source: srcPortal}
	n := b
	n.Reservations = slices.Clip(b.Reservations)
	out := make([]Outcome, 0, len(r.Children))
	for _, child := range r.Children {
		o := Outcome{Child: child, Date: r.Date, Rule: rule}
		ok, reason, msg := l.Offers(m, r.Date)
		switch {
		case !n.enrolled(child, l.ID, r.Date):
			o.Refused, o.Message = RefusedNotEnrolled, fmt.Sprintf("%s is not enrolled at %s on %s", child, l.Name, r.Date)
		case !ok:
			o.Refused, o.Message = reason, msg
		case n.hasActive(child, l.ID, m.ID, r.Date):
			o.Refused, o.Message = RefusedAlreadyReserved, fmt.Sprintf("%s already has %s on %s", child, m.Name, r.Date)
		case n.Taken(l.ID, m.ID, r.Date) >= m.Capacity:
			o.Refused, o.Message = RefusedFull, fmt.Sprintf("%s on %s is full (%d places)", m.Name, r.Date, m.Capacity)
		default:
			n.NextID++
			res := Reservation{ID: "R" + strconv.Itoa(n.NextID), Child: child, Location: l.ID, Moment: m.ID, Date: r.Date,
				Start: r.Start, End: r.End, State: StateRequested, Extra: extra, RequestedAt: r.At}
			n.Reservations = append(n.Reservations, res)
			o.Reservation, o.State = res.ID, res.State
			o.Message = fmt.Sprintf("%s requested for %s on %s, %s–%s", m.Name, child, r.Date, r.Start, r.End)
		}
		out = append(out, o)
	}
	return n, out, nil
}

func (b Book) hasActive(child, location, moment string, d plan.Date) bool {
	for _, r := range b.Reservations {
		if r.active() && r.Child == child && r.Location == location && r.Moment == moment && r.Date == d {
			return true
		}
	}
	return false
}

// check validates a location, moment and hours.
func (b Book) check(location, moment string, d plan.Date, start, end plan.Clock) (Location, Moment, error) {
	l, err := b.location(location)
	if err != nil {
		return Location{}, Moment{}, err
	}
	m, ok := l.moment(moment)
	if !ok {
		return Location{}, Moment{}, plan.Problem{Code: CodeUnknown, Field: "moment", Message: fmt.Sprintf("location %s has no moment %q", location, moment)}
	}
	if d.IsZero() {
		return Location{}, Moment{}, plan.Problem{Code: plan.CodeMissing, Field: "date", Message: "a reservation needs a date"}
	}
	if !start.Valid() || !end.Valid() || end <= start || start < m.Start || end > m.End {
		return Location{}, Moment{}, plan.Problem{Code: plan.CodeInvalidValue, Field: "hours", Date: d,
			Message: fmt.Sprintf("hours %s–%s are not within %s (%s–%s)", start, end, m.Name, m.Start, m.End)}
	}
	return l, m, nil
}

// Approve approves a requested reservation when a place is free, and
// refuses it as full otherwise (it stays in the book as refused, red in the
// portal, and takes no place). Approving anything but a requested
// reservation is an illegal transition.
func (b Book) Approve(id string) (Book, Outcome, error) {
	i, err := b.find(id)
	if err != nil {
		return b, Outcome{}, err
	}
	r := b.Reservations[i]
	if r.State != StateRequested {
		return b, Outcome{}, illegal(r, "approve")
	}
	l, err := b.location(r.Location)
	if err != nil {
		return b, Outcome{}, err
	}
	m, _ := l.moment(r.Moment)
	o := Outcome{Child: r.Child, Date: r.Date, Reservation: r.ID, Rule: plan.Rule{ID: "reservation.approve", Source: srcPortal}}
	if b.Taken(r.Location, r.Moment, r.Date) >= m.Capacity {
		r.State, o.Refused = StateRefused, RefusedFull
		o.Message = fmt.Sprintf("%s on %s is full (%d places): reservation %s refused", m.Name, r.Date, m.Capacity, r.ID)
	} else {
		r.State = StateApproved
		o.Message = fmt.Sprintf("reservation %s approved", r.ID)
	}
	o.State = r.State
	return b.with(i, r), o, nil
}

// with returns a copy of b with reservation i replaced.
func (b Book) with(i int, r Reservation) Book {
	n := b
	n.Reservations = slices.Clone(b.Reservations)
	n.Reservations[i] = r
	return n
}

func illegal(r Reservation, what string) error {
	return plan.Problem{Code: CodeIllegalTransition, Field: "state", Date: r.Date,
		Message: fmt.Sprintf("cannot %s reservation %s: it is %s", what, r.ID, r.State)}
}

// Modify changes the hours of a requested or approved reservation. An
// approved one goes back to requested (it must be approved again) unless
// p.ModifyKeepsApproval.
func (b Book) Modify(id string, start, end plan.Clock, p Policy) (Book, error) {
	i, err := b.find(id)
	if err != nil {
		return b, err
	}
	r := b.Reservations[i]
	if !r.active() {
		return b, illegal(r, "change")
	}
	if _, _, err := b.check(r.Location, r.Moment, r.Date, start, end); err != nil {
		return b, err
	}
	r.Start, r.End = start, end
	if r.State == StateApproved && !p.ModifyKeepsApproval {
		r.State = StateRequested
	}
	return b.with(i, r), nil
}

// CancelQuote says what cancelling reservation id at moment at would mean:
// the deadline, whether it is late and what it costs. A family sees it
// before confirming.
func (b Book) CancelQuote(id string, at time.Time, p Policy) (Cancellation, error) {
	if err := p.Validate(); err != nil {
		return Cancellation{}, err
	}
	i, err := b.find(id)
	if err != nil {
		return Cancellation{}, err
	}
	r := b.Reservations[i]
	if !r.active() {
		return Cancellation{}, illegal(r, "cancel")
	}
	l, err := b.location(r.Location)
	if err != nil {
		return Cancellation{}, err
	}
	// Source: seed 000 — a late cancellation is flagged and may cost extra;
	// deadline and cost are house rules (the policy).
	starts := plan.Slot{Start: r.Start, End: r.End}.Session(r.Date, nil).In
	deadline, why := starts, fmt.Sprintf("free until the reservation starts (%s)", starts.Format("2006-01-02 15:04"))
	switch {
	case p.CancelLeadHours > 0:
		deadline = starts.Add(-time.Duration(p.CancelLeadHours) * time.Hour)
		why = fmt.Sprintf("free until %d hours before the start: %s", p.CancelLeadHours, deadline.Format("2006-01-02 15:04"))
	case p.CancelLeadDays > 0:
		day := l.Calendar.DaysBefore(r.Date, p.CancelLeadDays, p.Counting)
		deadline = plan.Slot{Start: r.Start, End: r.End}.Session(day, nil).In
		why = fmt.Sprintf("free until %d %s days before the start: %s", p.CancelLeadDays, p.Counting, deadline.Format("2006-01-02 15:04"))
	}
	c := Cancellation{At: at, Deadline: deadline, Late: at.After(deadline),
		Rule: plan.Rule{ID: "reservation.cancel", Source: srcPortalCancel + "; " + p.Source}, Explanation: why}
	if c.Late {
		c.Cost = p.LateCancelCost
		c.Explanation += fmt.Sprintf("; cancelled at %s: late, costs %s", at.Format("2006-01-02 15:04"), p.LateCancelCost)
	}
	return c, nil
}

// Cancel cancels a requested or approved reservation at moment at; its
// place is freed. The Cancellation says whether it was late and its cost.
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

// Duplicate copies reservation id (its child, location, moment and hours)
// to other dates (seed 000: "naar alle dagen dat het gekozen opvangmoment
// geldig is"). Each date gets an Outcome: requested, or refused and why —
// never a reservation on a day the moment is not offered.
func (b Book) Duplicate(id string, dates []plan.Date, at time.Time) (Book, []Outcome, error) {
	i, err := b.find(id)
	if err != nil {
		return b, nil, err
	}
	src := b.Reservations[i]
	n := b
	var out []Outcome
	for _, d := range dates {
		var os []Outcome
		n, os, err = n.request(Request{Children: []string{src.Child}, Location: src.Location, Moment: src.Moment,
			Date: d, Start: src.Start, End: src.End, At: at}, src.Extra)
		if err != nil {
			return b, nil, err
		}
		for k := range os {
			os[k].Rule = plan.Rule{ID: "reservation.duplicate", Source: srcPortalDup}
		}
		out = append(out, os...)
	}
	return n, out, nil
}

// RequestExtraDay requests an extra day of care outside the children's
// care plans (seed 004 §3.4.1): refused for a child whose plan already
// reserves the day, and like any request only when a place is free. An
// approved extra day is billed at the income tariff.
func (b Book) RequestExtraDay(r Request, plans map[string]plan.Plan, c plan.Calendar) (Book, []Outcome, error) {
	rule := plan.Rule{ID: "reservation.extra_day", Source: srcExtraDay}
	n := b
	out := make([]Outcome, 0, len(r.Children))
	for _, child := range r.Children {
		if pl, ok := plans[child]; ok && pl.Day(r.Date, c).IsReserved() {
			out = append(out, Outcome{Child: child, Date: r.Date, Refused: RefusedInPlan, Rule: rule,
				Message: fmt.Sprintf("%s's care plan already reserves %s: not an extra day", child, r.Date)})
			continue
		}
		one := r
		one.Children = []string{child}
		var os []Outcome
		var err error
		if n, os, err = n.request(one, true); err != nil {
			return b, nil, err
		}
		for _, o := range os {
			o.Rule = rule
			out = append(out, o)
		}
	}
	return n, out, nil
}
