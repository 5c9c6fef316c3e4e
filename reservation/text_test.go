package reservation

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
)

// What a family reads is Dutch, what a developer reads English (see
// "Languages" in the package documentation). These are the exact texts.
func TestRequestTexts(t *testing.T) {
	b := book()
	b.Enrolments = append(b.Enrolments, Enrolment{Child: "sam", Location: "bko-linde", Period: plan.Period{Start: d("2026-09-01"), End: d("2026-10-13")}})
	one := b
	one.Locations = []Location{bko()}
	one.Locations[0].Moments[1].Capacity = 1
	one, _, _ = one.Request(Request{Children: []string{"lena"}, Location: "bko-linde", Moment: "na", Date: d("2026-10-12"), Start: clock("15:30"), End: clock("17:30")})
	one, _, _ = one.Approve("R1")
	two := b
	two, _, _ = two.Request(Request{Children: []string{"lena", "milan"}, Location: "bko-linde", Moment: "na", Date: d("2026-10-12"), Start: clock("15:30"), End: clock("17:30")})
	two, _, _ = two.ApproveAll([]string{"R1", "R2"})
	type texts struct{ Refused, NL, EN string }
	tests := []struct {
		name string
		b    Book
		r    Request
		want texts
	}{
		{"requested", b, Request{Children: []string{"lena"}, Moment: "na", Date: d("2026-10-12"), Start: clock("15:30"), End: clock("17:30")},
			texts{"", "Naschools voor lena op maandag 12/10/2026, 15:30–17:30: aangevraagd, nog niet goedgekeurd.", "naschools requested for lena on 2026-10-12, 15:30–17:30"}},
		{"not enrolled", b, Request{Children: []string{"sam"}, Moment: "na", Date: d("2026-10-15"), Start: clock("15:30"), End: clock("17:30")},
			texts{"not_enrolled", "sam is op donderdag 15/10/2026 niet ingeschreven in BKO De Linde.", "sam is not enrolled at BKO De Linde on 2026-10-15"}},
		{"weekday", b, Request{Children: []string{"lena"}, Moment: "na", Date: d("2026-10-14"), Start: clock("15:30"), End: clock("17:30")},
			texts{"weekday", "Naschools wordt niet aangeboden op woensdag (14/10/2026).", "naschools is not offered on a Wednesday (2026-10-14)"}},
		{"closed", b, Request{Children: []string{"lena"}, Moment: "woe", Date: d("2026-11-11"), Start: clock("12:00"), End: clock("17:30")},
			texts{"closed", "BKO De Linde is gesloten op woensdag 11/11/2026 (Wapenstilstand).", "BKO De Linde is closed on 2026-11-11 (Wapenstilstand)"}},
		{"school holiday", b, Request{Children: []string{"lena"}, Moment: "na", Date: d("2026-11-03"), Start: clock("15:30"), End: clock("17:30")},
			texts{"school_holiday", "Naschools wordt niet aangeboden in de schoolvakantie (dinsdag 03/11/2026).", "naschools is not offered in the school holidays (2026-11-03)"}},
		{"school week", b, Request{Children: []string{"lena"}, Moment: "vak", Date: d("2026-10-13"), Start: clock("07:00"), End: clock("17:30")},
			texts{"school_week", "Vakantieopvang wordt enkel in de schoolvakanties aangeboden, niet op dinsdag 13/10/2026.", "vakantieopvang is offered only in the school holidays, not on 2026-10-13"}},
		{"already reserved", one, Request{Children: []string{"lena"}, Moment: "na", Date: d("2026-10-12"), Start: clock("15:30"), End: clock("17:30")},
			texts{"already_reserved", "lena heeft op maandag 12/10/2026 al een reservatie voor naschools.", "lena already has naschools on 2026-10-12"}},
		{"full, one place", one, Request{Children: []string{"milan"}, Moment: "na", Date: d("2026-10-12"), Start: clock("15:30"), End: clock("17:30")},
			texts{"full", "Naschools op maandag 12/10/2026 is volzet (1 plaats).", "naschools on 2026-10-12 is full (1 place)"}},
		{"full, two places", two, Request{Children: []string{"noor"}, Moment: "na", Date: d("2026-10-12"), Start: clock("15:30"), End: clock("17:30")},
			texts{"full", "Naschools op maandag 12/10/2026 is volzet (2 plaatsen).", "naschools on 2026-10-12 is full (2 places)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.r.Location = "bko-linde"
			_, os := must2(tt.b.Request(tt.r))(t)
			if diff := cmp.Diff(tt.want, texts{string(os[0].Refused), os[0].MessageNL, os[0].MessageEN}); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	// Approval, both ways.
	n, _, _ := b.Request(Request{Children: []string{"lena", "milan", "noor"}, Location: "bko-linde", Moment: "na", Date: d("2026-10-12"), Start: clock("15:30"), End: clock("17:30")})
	_, outs := must2(n.ApproveAll([]string{"R1", "R2", "R3"}))(t)
	want := []texts{
		{"", "Reservatie R1 (naschools voor lena op maandag 12/10/2026, 15:30–17:30) is goedgekeurd.", "reservation R1 approved: naschools for lena on 2026-10-12"},
		{"", "Reservatie R2 (naschools voor milan op maandag 12/10/2026, 15:30–17:30) is goedgekeurd.", "reservation R2 approved: naschools for milan on 2026-10-12"},
		{"full", "Naschools op maandag 12/10/2026 is volzet (2 plaatsen): reservatie R3 voor noor is geweigerd.", "naschools on 2026-10-12 is full (2 places): reservation R3 refused"},
	}
	var got []texts
	for _, o := range outs {
		got = append(got, texts{string(o.Refused), o.MessageNL, o.MessageEN})
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("approvals (-want +got):\n%s", diff)
	}
}

// must2(f(…))(t) returns f's two values, and stops the test on f's error.
func must2[A, B any](a A, b B, err error) func(fataler) (A, B) {
	return func(t fataler) (A, B) {
		t.Helper()
		if err != nil {
			t.Fatalf("unexpected error: %v", err)
		}
		return a, b
	}
}

// The cancellation verdict a family reads before it confirms (after-school
// portal manual (seed 000), "Reservatie wijzigen of annuleren": "Annuleer je
// de opvang te laat? Dan krijg je hiervan een melding …"), for each kind of
// deadline, late or in time, with and without a cost.
func TestCancelTexts(t *testing.T) {
	b := book()
	b, _, _ = b.Request(Request{Children: []string{"lena"}, Location: "bko-linde", Moment: "na", Date: d("2026-10-12"), Start: clock("15:30"), End: clock("17:30")})
	five := tariff.MustMoney("5")
	tests := []struct {
		name   string
		p      Policy
		at     string
		nl, en string
	}{
		{"until the start, in time", Policy{Counting: plan.CalendarDays, LateCancelCost: five}, "2026-10-12 15:30",
			"Kosteloos annuleren kan tot de start van de opvang: maandag 12/10/2026 om 15:30. Je annuleert op maandag 12/10/2026 om 15:30: op tijd, zonder kosten.",
			"free until the reservation starts (2026-10-12 15:30); cancelled at 2026-10-12 15:30: in time, free"},
		{"hours, late", Policy{CancelLeadHours: 24, Counting: plan.CalendarDays, LateCancelCost: five}, "2026-10-11 15:31",
			"Kosteloos annuleren kan tot 24 uur vóór de start: zondag 11/10/2026 om 15:30. Je annuleert op zondag 11/10/2026 om 15:31: te laat, dit kost € 5,00.",
			"free until 24 hours before the start: 2026-10-11 15:30; cancelled at 2026-10-11 15:31: late, costs 5.00"},
		{"one hour, late", Policy{CancelLeadHours: 1, Counting: plan.CalendarDays, LateCancelCost: five}, "2026-10-12 14:31",
			"Kosteloos annuleren kan tot 1 uur vóór de start: maandag 12/10/2026 om 14:30. Je annuleert op maandag 12/10/2026 om 14:31: te laat, dit kost € 5,00.",
			"free until 1 hour before the start: 2026-10-12 14:30; cancelled at 2026-10-12 14:31: late, costs 5.00"},
		{"one calendar day", Policy{CancelLeadDays: 1, Counting: plan.CalendarDays, LateCancelCost: five}, "2026-10-01 10:00",
			"Kosteloos annuleren kan tot 1 kalenderdag vóór de start: zondag 11/10/2026 om 15:30. Je annuleert op donderdag 01/10/2026 om 10:00: op tijd, zonder kosten.",
			"free until 1 calendar day before the start: 2026-10-11 15:30; cancelled at 2026-10-01 10:00: in time, free"},
		{"two calendar days", Policy{CancelLeadDays: 2, Counting: plan.CalendarDays}, "2026-10-11 09:00",
			"Kosteloos annuleren kan tot 2 kalenderdagen vóór de start: zaterdag 10/10/2026 om 15:30. Je annuleert op zondag 11/10/2026 om 09:00: te laat, maar zonder extra kost.",
			"free until 2 calendar days before the start: 2026-10-10 15:30; cancelled at 2026-10-11 09:00: late, no cost"},
		{"one working day", Policy{CancelLeadDays: 1, Counting: plan.WorkingDays, LateCancelCost: five}, "2026-10-01 10:00",
			"Kosteloos annuleren kan tot 1 werkdag vóór de start: vrijdag 09/10/2026 om 15:30. Je annuleert op donderdag 01/10/2026 om 10:00: op tijd, zonder kosten.",
			"free until 1 working day before the start: 2026-10-09 15:30; cancelled at 2026-10-01 10:00: in time, free"},
		{"three working days", Policy{CancelLeadDays: 3, Counting: plan.WorkingDays, LateCancelCost: five}, "2026-10-01 10:00",
			"Kosteloos annuleren kan tot 3 werkdagen vóór de start: woensdag 07/10/2026 om 15:30. Je annuleert op donderdag 01/10/2026 om 10:00: op tijd, zonder kosten.",
			"free until 3 working days before the start: 2026-10-07 15:30; cancelled at 2026-10-01 10:00: in time, free"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := must(b.CancelQuote("R1", bxl(tt.at), tt.p))(t)
			if diff := cmp.Diff([]string{tt.nl, tt.en}, []string{c.MessageNL, c.MessageEN}); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if c.Rule.Source != srcPortalCancel {
				t.Errorf("a policy without a source: rule %q", c.Rule.Source)
			}
		})
	}
	// The instant the family cancels is shown in Brussels time, whatever its zone.
	c := must(b.CancelQuote("R1", bxl("2026-10-11 18:00").UTC(), seed000Policy()))(t)
	if want := "Kosteloos annuleren kan tot 1 kalenderdag vóór de start: zondag 11/10/2026 om 15:30. Je annuleert op zondag 11/10/2026 om 18:00: te laat, dit kost € 5,00."; c.MessageNL != want {
		t.Errorf("NL %q, want %q", c.MessageNL, want)
	}
	if want := srcPortalCancel + "; example house rules"; c.Rule.Source != want {
		t.Errorf("rule source %q, want %q", c.Rule.Source, want)
	}
}

// A working-day deadline skips the organiser's closing days: Thursday
// 12 November 2026, one working day before, is Tuesday 10 November
// (Wednesday is Wapenstilstand).
func TestCancelWorkingDaysSkipClosure(t *testing.T) {
	b := book()
	b, _, _ = b.Request(Request{Children: []string{"lena"}, Location: "bko-linde", Moment: "na", Date: d("2026-11-12"), Start: clock("15:30"), End: clock("17:30")})
	c := must(b.CancelQuote("R1", bxl("2026-11-10 15:30"), Policy{CancelLeadDays: 1, Counting: plan.WorkingDays}))(t)
	if !c.Deadline.Equal(bxl("2026-11-10 15:30")) || c.Late {
		t.Errorf("deadline %s, late %v", c.Deadline, c.Late)
	}
}

// The Dutch words of every code a family can see, and the formats.
func TestDutchWords(t *testing.T) {
	states := map[string]string{}
	for _, s := range []State{StateRequested, StateApproved, StateRefused, StateCancelled} {
		states[string(s)] = s.NL()
	}
	if diff := cmp.Diff(map[string]string{"requested": "aangevraagd", "approved": "goedgekeurd", "refused": "geweigerd", "cancelled": "geannuleerd"}, states); diff != "" {
		t.Errorf("states (-want +got):\n%s", diff)
	}
	statuses := map[string]string{}
	for _, s := range []Status{StatusFree, StatusFull, StatusRequested, StatusApproved, StatusRefused, StatusCancelled, StatusUnavailable} {
		statuses[string(s)] = s.NL()
	}
	if diff := cmp.Diff(map[string]string{"free": "vrij", "full": "volzet", "requested": "aangevraagd", "approved": "goedgekeurd",
		"refused": "geweigerd", "cancelled": "geannuleerd", "unavailable": "niet beschikbaar"}, statuses); diff != "" {
		t.Errorf("statuses (-want +got):\n%s", diff)
	}
	refusals := map[string]string{}
	for _, r := range []Refusal{RefusedFull, RefusedNotEnrolled, RefusedAlreadyReserved, RefusedInPlan, ReasonWeekday, ReasonClosed, ReasonSchoolHoliday, ReasonSchoolWeek} {
		refusals[string(r)] = r.NL()
	}
	if diff := cmp.Diff(map[string]string{"full": "volzet", "not_enrolled": "niet ingeschreven", "already_reserved": "al gereserveerd",
		"in_plan": "al in het opvangplan", "weekday": "niet op deze weekdag", "closed": "gesloten", "school_holiday": "schoolvakantie",
		"school_week": "enkel in de schoolvakanties"}, refusals); diff != "" {
		t.Errorf("refusals (-want +got):\n%s", diff)
	}
	if State("x").NL() != "" || Status("x").NL() != "" || Refusal("").NL() != "" || State("x").Valid() || !StateApproved.Valid() {
		t.Error("unknown codes have no Dutch word")
	}
	var days []string
	for w := time.Sunday; w <= time.Saturday+1; w++ {
		days = append(days, WeekdayNL(w))
	}
	if diff := cmp.Diff([]string{"zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", ""}, days); diff != "" {
		t.Errorf("weekdays (-want +got):\n%s", diff)
	}
	for in, want := range map[string]string{"naschools": "Naschools", "Naschools": "Naschools", "": "", "ëlo": "Ëlo", "3 uur": "3 uur"} {
		if got := sentenceNL(in); got != want {
			t.Errorf("sentenceNL(%q) = %q, want %q", in, got, want)
		}
	}
	if got := []string{DateNL(d("2026-03-01")), DateNL(d("2026-12-31")), DateNL(plan.Date{}), euroNL(tariff.MustMoney("1234.5")), euroNL(tariff.Cents(0))}; !cmp.Equal(got,
		[]string{"zondag 01/03/2026", "donderdag 31/12/2026", "", "€ 1234,50", "€ 0,00"}) {
		t.Errorf("formats: %q", got)
	}
}
