package reservation

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/kinderopvang/regels/plan"
)

// ApproveAll approves in the given order while places are free
// (after-school portal manual (seed 000), "Online reserveren"), like
// Approve one by one; a batch with a problem approves nothing and lists
// every problem.
func TestApproveAll(t *testing.T) {
	b := book()
	b, _, _ = b.Request(Request{Children: []string{"lena", "milan", "noor"}, Location: "bko-linde", Moment: "na", Date: d("2026-10-12"), Start: clock("15:30"), End: clock("17:30")})
	b, _, _ = b.Request(Request{Children: []string{"lena"}, Location: "bko-linde", Moment: "voor", Date: d("2026-10-12"), Start: clock("07:00"), End: clock("08:30")})
	n, os := must2(b.ApproveAll([]string{"R3", "R4", "R1", "R2"}))(t)
	var states []State
	for _, o := range os {
		states = append(states, o.State)
	}
	// Noor (R3) asked last but is approved first: the order is the batch's.
	if diff := cmp.Diff([]State{StateApproved, StateApproved, StateApproved, StateRefused}, states); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if n.Reservations[1].State != StateRefused || b.Reservations[1].State != StateRequested {
		t.Errorf("R2 in the new book %s, in the old %s", n.Reservations[1].State, b.Reservations[1].State)
	}
	_, _, err := n.ApproveAll([]string{"R9", "R1", "R2"})
	checkFields(t, err, "ids[0]", "ids[1]", "ids[2]")
	if !errorsIs(err, CodeUnknown) || !errorsIs(err, CodeIllegalTransition) {
		t.Errorf("codes: %v", err)
	}
	_, _, err = b.ApproveAll([]string{"R1", "R1"})
	checkFields(t, err, "ids[1]")
	gone := b
	gone.Locations = []Location{{ID: "bko-linde", Name: "BKO De Linde", Moments: bko().Moments[:1]}}
	_, _, err = gone.ApproveAll([]string{"R4", "R1"})
	checkFields(t, err, "ids[1].moment")
	if n, os, err := b.ApproveAll(nil); err != nil || len(os) != 0 || len(n.Reservations) != len(b.Reservations) {
		t.Errorf("an empty batch: %v %v", os, err)
	}
}

// The week view on its edges: a reservation on Monday and on Sunday is in
// the week, the Sunday before and the Monday after are not; a closing day
// (Wapenstilstand) is unavailable as closed; a day after the child's
// enrolment ends is unavailable as not enrolled — never "vrij".
func TestWeekEdges(t *testing.T) {
	all := []time.Weekday{time.Sunday, time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday}
	l := Location{ID: "L", Name: "BKO De Eik", Moments: []Moment{{ID: "dag", Name: "dagopvang", Weekdays: all, Season: AllYear, Start: clock("08:00"), End: clock("18:00"), Capacity: 2}}}
	year := plan.Period{Start: d("2026-09-01"), End: d("2027-08-31")}
	b := Book{Locations: []Location{l}, Enrolments: []Enrolment{{Child: "lena", Location: "L", Period: year}, {Child: "milan", Location: "L", Period: year},
		{Child: "sam", Location: "L", Period: plan.Period{Start: d("2026-09-01"), End: d("2026-11-12")}}}}
	for _, day := range []string{"2026-11-08", "2026-11-09", "2026-11-15", "2026-11-16"} {
		b, _, _ = b.Request(Request{Children: []string{"lena", "milan"}, Location: "L", Moment: "dag", Date: d(day), Start: clock("08:00"), End: clock("12:00")})
	}
	b, _, _ = b.ApproveAll([]string{"R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8"})
	week := must(b.Week("sam", "L", d("2026-11-11")))(t)
	type cell struct {
		Date, WeekdayNL, Status, StatusNL, Reason, WhyNL string
		Free                                             int
	}
	var got []cell
	for _, dv := range week {
		mv := dv.Moments[0]
		got = append(got, cell{dv.Date.String(), dv.WeekdayNL, string(mv.Status), mv.StatusNL, string(mv.Reason), mv.WhyNL, mv.Free})
	}
	want := []cell{
		{"2026-11-09", "maandag", "full", "volzet", "", "", 0},
		{"2026-11-10", "dinsdag", "free", "vrij", "", "", 2},
		{"2026-11-11", "woensdag", "unavailable", "niet beschikbaar", "closed", "BKO De Eik is gesloten op woensdag 11/11/2026 (Wapenstilstand).", 0},
		{"2026-11-12", "donderdag", "free", "vrij", "", "", 2},
		{"2026-11-13", "vrijdag", "unavailable", "niet beschikbaar", "not_enrolled", "sam is op vrijdag 13/11/2026 niet ingeschreven in BKO De Eik.", 0},
		{"2026-11-14", "zaterdag", "unavailable", "niet beschikbaar", "not_enrolled", "sam is op zaterdag 14/11/2026 niet ingeschreven in BKO De Eik.", 0},
		{"2026-11-15", "zondag", "unavailable", "niet beschikbaar", "not_enrolled", "sam is op zondag 15/11/2026 niet ingeschreven in BKO De Eik.", 0},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("sam's week (-want +got):\n%s", diff)
	}
	lena := must(b.Week("lena", "L", d("2026-11-15")))(t)
	if lena[0].Moments[0].Reservation != "R3" || lena[6].Moments[0].Reservation != "R5" || lena[0].Moments[0].Status != StatusApproved {
		t.Errorf("lena's week: %+v %+v", lena[0], lena[6])
	}
}

// NextID never hands out an ID the book holds: "R<n>" with n above it is
// a problem; other IDs are not.
func TestReusable(t *testing.T) {
	tests := []struct {
		id   string
		next int
		want bool
	}{
		{"R10", 9, true}, {"R10", 10, false}, {"R9", 10, false}, {"R100", 99, true}, {"R99", 100, false},
		{"R21", 12, true}, {"R12", 21, false}, {"R20", 19, true}, {"R19", 20, false}, {"R1", 0, true},
		{"R09", 0, false}, {"R1x", 0, false}, {"Rx1", 0, false}, {"R", 0, false}, {"X5", 0, false}, {"", 0, false}, {"R12a", 5, false},
	}
	for _, tt := range tests {
		b := Book{NextID: tt.next, Reservations: []Reservation{{ID: tt.id}}}
		next := must(b.nextIDDigits())(t)
		if got := reusable(tt.id, next); got != tt.want {
			t.Errorf("%q with next_id %d: %v, want %v", tt.id, tt.next, got, tt.want)
		}
	}
	neg := book()
	neg.NextID = -1
	if _, _, err := neg.Request(Request{Children: []string{"lena"}, Location: "bko-linde", Moment: "na", Date: d("2026-10-12"), Start: clock("15:30"), End: clock("17:30")}); !fieldIs(err, "next_id") {
		t.Errorf("a negative next_id: %v", err)
	}
}
