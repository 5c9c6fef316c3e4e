package invoice

import (
	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/reservation"
)

// ExtraDaysFrom returns a child's approved extra days in a reservation book
// (seed 004 §3.4.1) as plan overrides, ready for Child.ExtraDays: each with
// the reserved hours as its slot, in date order of the book.
func ExtraDaysFrom(b reservation.Book, child string) []plan.Override {
	var out []plan.Override
	for _, r := range b.Reservations {
		if r.Extra && r.Child == child && r.State == reservation.StateApproved {
			out = append(out, plan.Override{Date: r.Date, Slots: []plan.Slot{{Start: r.Start, End: r.End}}})
		}
	}
	return out
}
