package reservation

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
)

func refusals(os []Outcome) []string {
	var out []string
	for _, o := range os {
		out = append(out, o.Child+":"+string(o.Refused))
	}
	return out
}

// After-school portal manual (seed 000), "Online reserveren": only enrolled
// children, on days the moment is valid, siblings in one request; a full
// day refuses new requests.
func TestRequest(t *testing.T) {
	b := book()
	if err := bko().Validate(); err != nil {
		t.Fatal(err)
	}
	mon := d("2026-10-12")
	b, os, err := b.Request(Request{Children: []string{"lena", "milan", "stranger"}, Location: "bko-linde", Moment: "na", Date: mon, Start: clock("15:30"), End: clock("17:30")})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"lena:", "milan:", "stranger:not_enrolled"}, refusals(os)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if os[0].Reservation != "R1" || os[0].State != StateRequested {
		t.Errorf("first outcome: %+v", os[0])
	}
	// Again for Lena: already reserved.
	_, os, _ = b.Request(Request{Children: []string{"lena"}, Location: "bko-linde", Moment: "na", Date: mon, Start: clock("15:30"), End: clock("17:30")})
	if os[0].Refused != RefusedAlreadyReserved {
		t.Errorf("second request: %+v", os[0])
	}
	// Both approved: the day is now full (2 places) and refuses Noor without a trace.
	b, _, _ = b.Approve("R1")
	b, _, _ = b.Approve("R2")
	n := len(b.Reservations)
	b, os, _ = b.Request(Request{Children: []string{"noor"}, Location: "bko-linde", Moment: "na", Date: mon, Start: clock("15:30"), End: clock("17:30")})
	if os[0].Refused != RefusedFull || len(b.Reservations) != n {
		t.Errorf("full day: %+v, %d reservations", os[0], len(b.Reservations))
	}
	tests := []struct {
		moment, date string
		why          Refusal
	}{
		{"na", "2026-10-14", ReasonWeekday},       // no after-school care on Wednesday
		{"voor", "2026-11-11", ReasonClosed},      // Wapenstilstand
		{"na", "2026-11-03", ReasonSchoolHoliday}, // autumn holiday
		{"vak", "2026-10-13", ReasonSchoolWeek},   // holiday care outside the holidays
		{"vrij", "2026-10-16", ""},                // the school-free day
		{"vak", "2026-11-04", ""},                 // holiday care in the holiday
	}
	for _, tt := range tests {
		m, _ := bko().moment(tt.moment)
		_, os, err := book().Request(Request{Children: []string{"noor"}, Location: "bko-linde", Moment: tt.moment, Date: d(tt.date), Start: m.Start, End: m.End})
		if err != nil || os[0].Refused != tt.why {
			t.Errorf("%s on %s: %+v %v, want %q", tt.moment, tt.date, os, err, tt.why)
		}
	}
	// Otis's enrolment ended in October.
	_, os, _ = book().Request(Request{Children: []string{"otis"}, Location: "bko-linde", Moment: "na", Date: d("2026-11-09"), Start: clock("15:30"), End: clock("17:00")})
	if os[0].Refused != RefusedNotEnrolled {
		t.Errorf("otis: %+v", os[0])
	}
	// Malformed requests are errors.
	for _, r := range []Request{
		{Children: []string{"noor"}, Location: "elders", Moment: "na", Date: mon, Start: clock("15:30"), End: clock("17:00")},
		{Children: []string{"noor"}, Location: "bko-linde", Moment: "nacht", Date: mon, Start: clock("15:30"), End: clock("17:00")},
		{Children: []string{"noor"}, Location: "bko-linde", Moment: "na", Date: mon, Start: clock("15:00"), End: clock("17:00")},
		{Location: "bko-linde", Moment: "na", Date: mon, Start: clock("15:30"), End: clock("17:00")},
	} {
		if _, _, err := book().Request(r); err == nil {
			t.Errorf("request %+v must be an error", r)
		}
	}
}

func TestApproveRefusesWhenFull(t *testing.T) {
	b := book()
	mon := d("2026-10-12")
	b, _, _ = b.Request(Request{Children: []string{"lena", "milan", "noor"}, Location: "bko-linde", Moment: "na", Date: mon, Start: clock("15:30"), End: clock("17:30")})
	var states []State
	for _, id := range []string{"R1", "R2", "R3"} {
		var o Outcome
		var err error
		b, o, err = b.Approve(id)
		if err != nil {
			t.Fatal(err)
		}
		states = append(states, o.State)
	}
	if diff := cmp.Diff([]State{StateApproved, StateApproved, StateRefused}, states); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if _, _, err := b.Approve("R3"); !errors.Is(err, CodeIllegalTransition) {
		t.Errorf("approving a refused reservation: %v", err)
	}
	if _, _, err := b.Cancel("R3", bxl("2026-10-01 10:00"), seed000Policy()); !errors.Is(err, CodeIllegalTransition) {
		t.Errorf("cancelling a refused reservation: %v", err)
	}
	if _, _, err := b.Approve("R9"); !errors.Is(err, CodeUnknown) {
		t.Errorf("unknown id: %v", err)
	}
	// Cancelling R1 frees a place; the week view shows it.
	b, _, err := b.Cancel("R1", bxl("2026-10-01 10:00"), seed000Policy())
	if free, ferr := b.Free("bko-linde", "na", mon); err != nil || ferr != nil || free != 1 {
		t.Errorf("after cancel: %d free, %v %v", free, err, ferr)
	}
}

func TestModify(t *testing.T) {
	b := book()
	b, _, _ = b.Request(Request{Children: []string{"lena"}, Location: "bko-linde", Moment: "na", Date: d("2026-10-12"), Start: clock("15:30"), End: clock("17:30")})
	b, _, _ = b.Approve("R1")
	changed, err := b.Modify("R1", clock("15:30"), clock("18:00"), seed000Policy())
	if err != nil || changed.Reservations[0].State != StateRequested || changed.Reservations[0].End != clock("18:00") {
		t.Errorf("modified: %+v, %v", changed.Reservations[0], err)
	}
	if b.Reservations[0].State != StateApproved {
		t.Error("the old book must not change")
	}
	keep := seed000Policy()
	keep.ModifyKeepsApproval = true
	if kept, _ := b.Modify("R1", clock("16:00"), clock("18:00"), keep); kept.Reservations[0].State != StateApproved {
		t.Error("policy keeps the approval")
	}
	if _, err := b.Modify("R1", clock("16:00"), clock("19:00"), keep); !errors.Is(err, plan.CodeInvalidValue) {
		t.Errorf("hours past the moment: %v", err)
	}
}

// A cancellation one minute before, on and after its deadline.
func TestCancelDeadline(t *testing.T) {
	b := book()
	b, _, _ = b.Request(Request{Children: []string{"lena"}, Location: "bko-linde", Moment: "na", Date: d("2026-10-12"), Start: clock("15:30"), End: clock("17:30")})
	tests := []struct {
		name     string
		p        Policy
		deadline string
	}{
		{"1 calendar day before", seed000Policy(), "2026-10-11 15:30"},
		{"1 working day before (Monday → Friday)", Policy{CancelLeadDays: 1, Counting: plan.WorkingDays, LateCancelCost: tariff.MustMoney("5")}, "2026-10-09 15:30"},
		{"24 hours before", Policy{CancelLeadHours: 24, Counting: plan.CalendarDays, LateCancelCost: tariff.MustMoney("5")}, "2026-10-11 15:30"},
		{"until the start", Policy{Counting: plan.CalendarDays, LateCancelCost: tariff.MustMoney("5")}, "2026-10-12 15:30"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dl := bxl(tt.deadline)
			for _, c := range []struct {
				off  int
				late bool
			}{{-1, false}, {0, false}, {1, true}} {
				q, err := b.CancelQuote("R1", dl.Add(time.Minute*time.Duration(c.off)), tt.p)
				if err != nil {
					t.Fatal(err)
				}
				if !q.Deadline.Equal(dl) || q.Late != c.late || (c.late && !q.Cost.Equal(tariff.MustMoney("5"))) || (!c.late && !q.Cost.IsZero()) {
					t.Errorf("%+d min: deadline %v late %v cost %s", c.off, q.Deadline, q.Late, q.Cost)
				}
			}
		})
	}
	_, c, err := b.Cancel("R1", bxl("2026-10-12 09:00"), seed000Policy())
	if err != nil || !c.Late || c.Rule.Source == "" || c.MessageNL == "" || c.MessageEN == "" {
		t.Errorf("late cancel: %+v %v", c, err)
	}
	if err := (Policy{CancelLeadDays: 1, CancelLeadHours: 2, Counting: "lunar"}).Validate(); len(plan.AsProblems(err)) != 2 {
		t.Errorf("policy problems: %v", err)
	}
}

// After-school portal manual (seed 000), "Reservatie dupliceren": only to
// days the moment is valid.
func TestDuplicate(t *testing.T) {
	b := book()
	b, _, _ = b.Request(Request{Children: []string{"lena"}, Location: "bko-linde", Moment: "na", Date: d("2026-10-12"), Start: clock("15:30"), End: clock("17:30")})
	b, os, err := b.Duplicate("R1", []plan.Date{d("2026-10-13"), d("2026-10-14"), d("2026-11-03"), d("2026-12-25"), d("2026-11-12"), d("2026-10-12")}, bxl("2026-10-01 10:00"))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"lena:", "lena:weekday", "lena:school_holiday", "lena:closed", "lena:", "lena:already_reserved"}
	if diff := cmp.Diff(want, refusals(os)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if len(b.Reservations) != 3 || os[0].Rule.ID != "reservation.duplicate" {
		t.Errorf("%d reservations, rule %v", len(b.Reservations), os[0].Rule)
	}
}

// House rules Zorg Leuven §3.4.1 (seed 004): an extra day only outside the
// plan, only when a place is free.
func TestExtraDay(t *testing.T) {
	full := []plan.Slot{{Start: clock("15:30"), End: clock("18:00")}}
	plans := map[string]plan.Plan{
		"lena":  {Kind: plan.KindAfterSchool, Start: d("2026-09-01"), Schedule: plan.Schedule{Weeks: []plan.Week{{Monday: full}}}},
		"milan": {Kind: plan.KindAfterSchool, Start: d("2026-09-01"), Schedule: plan.Schedule{Weeks: []plan.Week{{Tuesday: full}}}},
	}
	b, os, err := book().RequestExtraDay(Request{Children: []string{"lena", "milan"}, Location: "bko-linde", Moment: "na", Date: d("2026-10-12"), Start: clock("15:30"), End: clock("18:00")}, plans, plan.Calendar{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"lena:in_plan", "milan:"}, refusals(os)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if len(b.Reservations) != 1 || !b.Reservations[0].Extra || b.Reservations[0].ID != "R1" {
		t.Errorf("extra reservation: %+v", b.Reservations)
	}
}

func TestWeekView(t *testing.T) {
	b := book()
	b, _, _ = b.Request(Request{Children: []string{"lena", "milan"}, Location: "bko-linde", Moment: "na", Date: d("2026-10-12"), Start: clock("15:30"), End: clock("17:30")})
	b, _, _ = b.Approve("R1")
	b, _, _ = b.Approve("R2")
	b, _, _ = b.Request(Request{Children: []string{"lena"}, Location: "bko-linde", Moment: "voor", Date: d("2026-10-13"), Start: clock("07:00"), End: clock("08:30")})
	b, _, _ = b.Cancel("R3", bxl("2026-10-01 09:00"), seed000Policy())
	week, err := b.Week("noor", "bko-linde", d("2026-10-15"))
	if err != nil {
		t.Fatal(err)
	}
	status := func(days []DayView, day int, moment string) Status {
		for _, m := range days[day].Moments {
			if m.Moment == moment {
				return m.Status
			}
		}
		return ""
	}
	if week[0].Date != d("2026-10-12") || status(week, 0, "na") != StatusFull || status(week, 0, "voor") != StatusFree ||
		status(week, 2, "na") != StatusUnavailable || status(week, 4, "vrij") != StatusFree || status(week, 5, "vak") != StatusUnavailable {
		t.Errorf("noor's week: %+v", week)
	}
	lena, _ := b.Week("lena", "bko-linde", d("2026-10-12"))
	if status(lena, 0, "na") != StatusApproved || status(lena, 1, "voor") != StatusCancelled {
		t.Errorf("lena's week: %+v", lena)
	}
}

// A copy is refused where the original child could not reserve: a full
// day (only approved reservations count), a day after its enrolment ends;
// the English text names the original (after-school portal manual (seed
// 000), "Reservatie dupliceren").
func TestDuplicateRefusals(t *testing.T) {
	b := book()
	b, _, _ = b.Request(Request{Children: []string{"lena", "milan", "otis"}, Location: "bko-linde", Moment: "na", Date: d("2026-10-13"), Start: clock("15:30"), End: clock("17:30")})
	b, _, _ = b.ApproveAll([]string{"R1", "R2"}) // Tuesday 13 October is full; Otis's request stays requested
	b, _, _ = b.Request(Request{Children: []string{"noor"}, Location: "bko-linde", Moment: "na", Date: d("2026-10-15"), Start: clock("15:30"), End: clock("17:30")})
	b, os := must2(b.Duplicate("R3", []plan.Date{d("2026-10-12"), d("2026-10-13"), d("2026-11-09"), d("2026-10-15")}, bxl("2026-10-01 10:00")))(t)
	if diff := cmp.Diff([]string{"otis:", "otis:already_reserved", "otis:not_enrolled", "otis:"}, refusals(os)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if want := "naschools requested for otis on 2026-10-12, 15:30–17:30 (copy of R3)"; os[0].MessageEN != want {
		t.Errorf("EN %q, want %q", os[0].MessageEN, want)
	}
	_, os = must2(b.Duplicate("R4", []plan.Date{d("2026-10-13"), d("2026-10-16")}, bxl("2026-10-01 10:00")))(t)
	if diff := cmp.Diff([]string{"noor:full", "noor:"}, refusals(os)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if got := b.Reservations[len(b.Reservations)-1]; !got.RequestedAt.Equal(bxl("2026-10-01 10:00")) || got.Start != clock("15:30") || got.End != clock("17:30") {
		t.Errorf("copy %+v", got)
	}
}
