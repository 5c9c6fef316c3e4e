package reservation

import (
	"fmt"
	"strconv"

	"github.com/kinderopvang/regels/plan"
)

// Approve approves a requested reservation when a place is free, and
// refuses it as full otherwise (it stays in the book as refused, red in the
// portal, and takes no place). Approving anything but a requested
// reservation is an illegal transition; a reservation whose location or
// moment is not in the book is an error.
func (b Book) Approve(id string) (Book, Outcome, error) {
	i, err := b.find(id)
	if err != nil {
		return b, Outcome{}, err
	}
	r := b.Reservations[i]
	if r.State != StateRequested {
		return b, Outcome{}, illegal(r, "approve", "state")
	}
	_, m, ps := b.lookup(r.Location, r.Moment, "reservations", i)
	if len(ps) > 0 {
		return b, Outcome{}, ps
	}
	r, o := decide(r, m, b.taken(r.Location, r.Moment, r.Date))
	return b.with(i, r), o, nil
}

// decide approves r when fewer than m.Capacity places are taken and
// refuses it as full otherwise.
func decide(r Reservation, m Moment, taken int) (Reservation, Outcome) {
	o := Outcome{Child: r.Child, Date: r.Date, Reservation: r.ID, Rule: plan.Rule{ID: "reservation.approve", Source: srcPortalApprove}}
	// Source: after-school portal manual (seed 000), "Online reserveren" —
	// "Is de opvang volzet? Dan kan je kind niet naar de opvang komen. Je
	// reservatie kleurt rood."
	if taken >= m.Capacity {
		r.State, o.Refused = StateRefused, RefusedFull
		places := strconv.Itoa(m.Capacity)
		o.MessageNL = sentenceNL(m.Name) + " op " + DateNL(r.Date) + " is volzet (" + places + " " + plural(m.Capacity, "plaats", "plaatsen") +
			"): reservatie " + r.ID + " voor " + r.Child + " is geweigerd."
		o.MessageEN = m.Name + " on " + r.Date.String() + " is full (" + places + " " + plural(m.Capacity, "place", "places") + "): reservation " + r.ID + " refused"
	} else {
		r.State = StateApproved
		o.MessageNL = "Reservatie " + r.ID + " (" + m.Name + " voor " + r.Child + " op " + DateNL(r.Date) + ", " +
			r.Start.String() + "–" + r.End.String() + ") is goedgekeurd."
		o.MessageEN = "reservation " + r.ID + " approved: " + m.Name + " for " + r.Child + " on " + r.Date.String()
	}
	o.State = r.State
	return r, o
}

// ApproveAll approves the requested reservations ids in their order, each
// like Approve: approved while a place is free, refused as full after
// that. Its result is that of calling Approve for each id in turn, but it
// reads and copies the book once, so approving a whole batch costs time in
// proportion to the book plus the batch, not their product. An unknown id,
// one that is not requested (or repeats an earlier one) or one whose
// location or moment is not in the book is an error; every such problem is
// reported at once (field "ids[k]") and nothing is approved.
func (b Book) ApproveAll(ids []string) (Book, []Outcome, error) {
	pos := make(map[string]int, len(b.Reservations))
	for i, r := range b.Reservations {
		if _, dup := pos[r.ID]; !dup {
			pos[r.ID] = i // the first, as find
		}
	}
	type slotKey struct {
		location, moment string
		date             plan.Date
	}
	var ps plan.Problems
	moments := make([]Moment, len(ids))
	taken := map[slotKey]int{}
	seen := make(map[string]int, len(ids))
	for k, id := range ids {
		f := fmt.Sprintf("ids[%d]", k)
		i, ok := pos[id]
		if !ok {
			ps = append(ps, plan.Problem{Code: CodeUnknown, Field: f, Message: fmt.Sprintf("no reservation %q", id)})
			continue
		}
		r := b.Reservations[i]
		if j, dup := seen[id]; dup {
			ps = append(ps, plan.Problem{Code: CodeIllegalTransition, Field: f, Date: r.Date,
				Message: fmt.Sprintf("cannot approve reservation %s twice: ids[%d] approves it", id, j)})
			continue
		}
		seen[id] = k
		if r.State != StateRequested {
			p := illegal(r, "approve", f).(plan.Problem)
			ps = append(ps, p)
			continue
		}
		_, m, lps := b.lookup(r.Location, r.Moment, "ids", k)
		ps = append(ps, lps...)
		moments[k] = m
		taken[slotKey{r.Location, r.Moment, r.Date}] = 0
	}
	if len(ps) > 0 {
		return b, nil, ps
	}
	for _, r := range b.Reservations {
		k := slotKey{r.Location, r.Moment, r.Date}
		if n, ok := taken[k]; ok && r.State == StateApproved {
			taken[k] = n + 1
		}
	}
	n := b
	n.Reservations = append([]Reservation(nil), b.Reservations...)
	out := make([]Outcome, len(ids))
	for k, id := range ids {
		i := pos[id]
		r, o := decide(n.Reservations[i], moments[k], taken[slotKey{n.Reservations[i].Location, n.Reservations[i].Moment, n.Reservations[i].Date}])
		if r.State == StateApproved {
			taken[slotKey{r.Location, r.Moment, r.Date}]++
		}
		n.Reservations[i], out[k] = r, o
	}
	return n, out, nil
}
