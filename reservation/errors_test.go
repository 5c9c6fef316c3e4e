package reservation

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
)

// A malformed request is an error listing every problem with its field,
// never a request that silently does nothing.
func TestRequestRejects(t *testing.T) {
	mon := d("2026-10-12")
	tests := []struct {
		name   string
		r      Request
		fields []string
	}{
		{"unknown location", Request{Children: []string{"noor"}, Location: "elders", Moment: "na", Date: mon, Start: clock("15:30"), End: clock("17:00")}, []string{"location"}},
		{"unknown moment", Request{Children: []string{"noor"}, Location: "bko-linde", Moment: "nacht", Date: mon, Start: clock("15:30"), End: clock("17:00")}, []string{"moment"}},
		{"before the moment", Request{Children: []string{"noor"}, Location: "bko-linde", Moment: "na", Date: mon, Start: clock("15:00"), End: clock("17:00")}, []string{"hours"}},
		{"after the moment", Request{Children: []string{"noor"}, Location: "bko-linde", Moment: "na", Date: mon, Start: clock("15:30"), End: clock("18:31")}, []string{"hours"}},
		{"no time at all", Request{Children: []string{"noor"}, Location: "bko-linde", Moment: "na", Date: mon, Start: clock("16:00"), End: clock("16:00")}, []string{"hours"}},
		{"everything at once", Request{Children: []string{"noor", ""}, Location: "bko-linde", Moment: "na", Start: clock("17:00"), End: clock("16:00")}, []string{"date", "children[1]", "hours"}},
		{"nobody", Request{Location: "bko-linde", Moment: "na", Date: mon, Start: clock("15:30"), End: clock("17:00")}, []string{"children"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, os, err := book().Request(tt.r)
			checkFields(t, err, tt.fields...)
			if os != nil || len(n.Reservations) != 0 {
				t.Errorf("an error with results: %+v", os)
			}
		})
	}
	// The whole moment is fine: 15:30 to 18:30.
	if _, os, err := book().Request(Request{Children: []string{"noor"}, Location: "bko-linde", Moment: "na", Date: mon, Start: clock("15:30"), End: clock("18:30")}); err != nil || os[0].Refused != "" {
		t.Errorf("the moment's own hours: %+v %v", os, err)
	}
}

// Taken and Free of a moment that does not exist are errors, not "no
// place taken" or "no place free".
func TestTakenFreeRejectUnknown(t *testing.T) {
	b := book()
	for _, c := range []struct {
		location, moment string
		date             plan.Date
		field            string
	}{
		{"elders", "na", d("2026-10-12"), "location"},
		{"bko-linde", "nacht", d("2026-10-12"), "moment"},
		{"bko-linde", "na", plan.Date{}, "date"},
	} {
		if _, err := b.Taken(c.location, c.moment, c.date); !fieldIs(err, c.field) {
			t.Errorf("Taken(%s, %s, %s): %v", c.location, c.moment, c.date, err)
		}
		if _, err := b.Free(c.location, c.moment, c.date); !fieldIs(err, c.field) {
			t.Errorf("Free(%s, %s, %s): %v", c.location, c.moment, c.date, err)
		}
	}
	if free := must(b.Free("bko-linde", "na", d("2026-10-12")))(t); free != 2 {
		t.Errorf("an empty day has %d free places, want 2", free)
	}
}

func fieldIs(err error, field string) bool {
	ps := plan.AsProblems(err)
	return len(ps) == 1 && ps[0].Field == field
}

// The week view of a child the book does not know is an error naming the
// child — never a week of free days (after-school portal manual (seed
// 000), "Online reserveren": "enkel … indien je kind in één van onze
// buitenschoolse opvangen is ingeschreven").
func TestWeekRejects(t *testing.T) {
	b := book()
	b.Locations = append(b.Locations, Location{ID: "bko-eik", Name: "BKO De Eik", Moments: bko().Moments})
	b.Enrolments = append(b.Enrolments, Enrolment{Child: "ward", Location: "bko-eik", Period: plan.Period{Start: d("2026-09-01"), End: d("2027-08-31")}})
	tests := []struct {
		child, location string
		day             plan.Date
		fields          []string
		text            string
	}{
		{"nobody", "bko-linde", d("2026-10-12"), []string{"child"}, `no child "nobody" is enrolled anywhere in the book`},
		{"ward", "bko-linde", d("2026-10-12"), []string{"child"}, "ward is enrolled at bko-eik, never at bko-linde: no week view there"},
		{"", "elders", plan.Date{}, []string{"child", "day", "location"}, ""},
	}
	for _, tt := range tests {
		week, err := b.Week(tt.child, tt.location, tt.day)
		checkFields(t, err, tt.fields...)
		if ps := plan.AsProblems(err); week != nil || tt.text != "" && (len(ps) == 0 || ps[0].Message != tt.text) || !errors.Is(err, CodeUnknown) && tt.text != "" {
			t.Errorf("Week(%q, %q): %v %v", tt.child, tt.location, week, err)
		}
	}
	if _, err := b.Week("ward", "bko-eik", d("2026-10-12")); err != nil {
		t.Errorf("ward's own location: %v", err)
	}
}

// The zero Policy has no deadline to decide by; a cancellation without
// its instant would never be late. Both are errors, with every other
// problem, at once.
func TestCancelRejects(t *testing.T) {
	b := book()
	b, _, _ = b.Request(Request{Children: []string{"lena"}, Location: "bko-linde", Moment: "na", Date: d("2026-10-12"), Start: clock("15:30"), End: clock("17:30")})
	_, err := b.CancelQuote("R1", time.Time{}, Policy{})
	checkFields(t, err, "policy", "at")
	_, _, err = b.Cancel("R9", time.Time{}, Policy{CancelLeadDays: -1, Counting: "lunar", LateCancelCost: tariff.MustMoney("-1")})
	checkFields(t, err, "policy.cancel_lead", "policy.counting", "policy.late_cancel_cost", "at", "reservation")
	_, err = b.CancelQuote("R1", bxl("2026-10-01 10:00"), Policy{CancelLeadDays: MaxCancelLeadDays + 1, Counting: plan.CalendarDays})
	checkFields(t, err, "policy.cancel_lead")
	if ps := plan.AsProblems(err); len(ps) != 1 || ps[0].Message != "a cancellation lead of more than 365 days (8760 hours) is not a house rule" {
		t.Errorf("message: %v", err)
	}
	_, err = b.CancelQuote("R1", bxl("2026-10-01 10:00"), Policy{CancelLeadHours: MaxCancelLeadDays*24 + 1, Counting: plan.CalendarDays})
	checkFields(t, err, "policy.cancel_lead")
	// The longest leads are still rules.
	for _, p := range []Policy{{CancelLeadDays: MaxCancelLeadDays, Counting: plan.WorkingDays}, {CancelLeadHours: MaxCancelLeadDays * 24, Counting: plan.CalendarDays}} {
		if _, err := b.CancelQuote("R1", bxl("2026-10-01 10:00"), p); err != nil {
			t.Errorf("%+v: %v", p, err)
		}
	}
	// Policy.Validate on its own names the fields without the prefix.
	if err := (Policy{}).Validate(); !fieldIs(err, "policy") || !errors.Is(err, plan.CodeMissing) {
		t.Errorf("zero policy: %v", err)
	}
}

// Duplicating to no day, or to a day left empty, is an error; so is a
// NextID that would hand out an ID the book already holds.
func TestDuplicateRejects(t *testing.T) {
	b := book()
	b, _, _ = b.Request(Request{Children: []string{"lena"}, Location: "bko-linde", Moment: "na", Date: d("2026-10-12"), Start: clock("15:30"), End: clock("17:30")})
	_, _, err := b.Duplicate("R1", nil, time.Time{})
	checkFields(t, err, "dates")
	_, _, err = b.Duplicate("R1", []plan.Date{d("2026-10-13"), {}}, time.Time{})
	checkFields(t, err, "dates[1]")
	if _, _, err := b.Duplicate("R7", []plan.Date{d("2026-10-13")}, time.Time{}); !errors.Is(err, CodeUnknown) {
		t.Errorf("unknown reservation: %v", err)
	}
	stale := b
	stale.NextID = 0
	if _, _, err := stale.Duplicate("R1", []plan.Date{d("2026-10-13")}, time.Time{}); !fieldIs(err, "next_id") {
		t.Errorf("stale next_id: %v", err)
	}
	if _, _, err := stale.Request(Request{Children: []string{"milan"}, Location: "bko-linde", Moment: "na", Date: d("2026-10-12"), Start: clock("15:30"), End: clock("17:30")}); !fieldIs(err, "next_id") {
		t.Errorf("stale next_id: %v", err)
	}
}

// An extra day without the child's plan cannot be checked against it: an
// error, as are the request's own problems even when every child would be
// refused as in the plan.
func TestExtraDayRejects(t *testing.T) {
	full := []plan.Slot{{Start: clock("15:30"), End: clock("18:00")}}
	plans := map[string]plan.Plan{"lena": {Kind: plan.KindAfterSchool, Start: d("2026-09-01"), Schedule: plan.Schedule{Weeks: []plan.Week{{Monday: full}}}}}
	_, _, err := book().RequestExtraDay(Request{Children: []string{"lena", "milan"}, Location: "bko-linde", Moment: "na", Date: d("2026-10-12"), Start: clock("15:30"), End: clock("18:00")}, plans, plan.Calendar{})
	checkFields(t, err, `plans["milan"]`)
	_, _, err = book().RequestExtraDay(Request{Children: []string{"lena"}, Location: "elders", Moment: "na", Date: d("2026-10-12"), Start: clock("15:30"), End: clock("18:00")}, plans, plan.Calendar{})
	checkFields(t, err, "location")
	_, _, err = book().RequestExtraDay(Request{Location: "bko-linde", Moment: "na", Date: d("2026-10-12"), Start: clock("15:30"), End: clock("18:00")}, plans, plan.Calendar{OpenOnHolidays: []string{"Sinterklaas"}})
	checkFields(t, err, "children", "calendar.open_on_holidays[0]")
}

// A moment that cannot work, in a book decoded from elsewhere, is an error
// on its path — never a day that is always full.
func TestMomentThatCannotWork(t *testing.T) {
	b := book()
	b, _, _ = b.Request(Request{Children: []string{"lena"}, Location: "bko-linde", Moment: "na", Date: d("2026-10-12"), Start: clock("15:30"), End: clock("17:30")})
	b.Locations = []Location{bko()}
	b.Locations[0].Moments[1].Capacity = 0
	if _, _, err := b.Approve("R1"); !fieldIs(err, "locations[0].moments[1].capacity") {
		t.Errorf("approve on a moment without places: %v", err)
	}
	if _, err := b.Free("bko-linde", "na", d("2026-10-12")); !fieldIs(err, "locations[0].moments[1].capacity") {
		t.Errorf("free places of a moment without places: %v", err)
	}
	b.Locations[0].Moments = b.Locations[0].Moments[:1]
	if _, _, err := b.Approve("R1"); !fieldIs(err, "reservations[0].moment") {
		t.Errorf("approve on a moment that is gone: %v", err)
	}
	b.Locations = nil
	if _, err := b.CancelQuote("R1", bxl("2026-10-01 10:00"), seed000Policy()); !fieldIs(err, "reservations[0].location") {
		t.Errorf("cancel at a location that is gone: %v", err)
	}
}

// Location.Validate: every problem at once, capacity from 1 (house rules
// Zorg Leuven §3.4.1 (seed 004): a place is free or not).
func TestLocationValidate(t *testing.T) {
	if err := bko().Validate(); err != nil {
		t.Fatal(err)
	}
	l := bko()
	l.Name = ""
	l.Moments[0].Capacity = 0
	l.Moments[1].End = l.Moments[1].Start
	l.Moments[2].ID = "voor"
	l.Moments[3].Dates = []plan.Date{{}}
	l.Moments[4].Weekdays = []time.Weekday{time.Sunday, -1, time.Saturday, time.Saturday + 1}
	l.Moments[4].Season = "winter"
	l.SchoolHolidays = []plan.Period{{Start: d("2026-11-08"), End: d("2026-11-02")}}
	l.Calendar.OpenOnHolidays = []string{"Sinterklaas"}
	checkFields(t, l.Validate(), "name", "moments[0].capacity", "moments[1]", "moments[2].id", "moments[3].dates[0]",
		"moments[4].weekdays[1]", "moments[4].weekdays[3]", "moments[4].season", "school_holidays[0].period.end", "calendar.open_on_holidays[0]")
	if err := (Location{}).Validate(); !cmpFields(err, "id", "name") {
		t.Errorf("the zero location: %v", err)
	}
	one := bko()
	one.Moments[0].Capacity = 1
	one.Moments[0].End = one.Moments[0].Start + 1
	if err := one.Validate(); err != nil {
		t.Errorf("one place for one minute: %v", err)
	}
}

// Book.Validate finds everything wrong with a decoded book at once.
func TestBookValidate(t *testing.T) {
	b := book()
	b, _, _ = b.Request(Request{Children: []string{"lena", "milan", "noor"}, Location: "bko-linde", Moment: "na", Date: d("2026-10-12"), Start: clock("15:30"), End: clock("17:30")})
	b, _, _ = b.ApproveAll([]string{"R1", "R2"})
	if err := b.Validate(); err != nil {
		t.Fatalf("a book made by the operations: %v", err)
	}
	bad := b
	broken := bko()
	broken.Moments = []Moment{{ID: "x", Name: "x", Weekdays: []time.Weekday{time.Monday}, Season: AllYear, Start: clock("08:00"), End: clock("09:00")}}
	bad.Locations = append(slicesClone(b.Locations), Location{ID: "bko-linde", Name: "again", Moments: bko().Moments}, broken)
	bad.Enrolments = append(slicesClone(b.Enrolments), Enrolment{Location: "elders", Period: plan.Period{Start: d("2026-09-01")}})
	r3 := b.Reservations[2]
	r3.State = StateApproved // a third approved reservation on a moment with two places
	bad.Reservations = []Reservation{b.Reservations[0], b.Reservations[1], r3,
		{ID: "R1", Child: "", Location: "bko-linde", Moment: "na", Date: d("2026-10-13"), Start: clock("15:30"), End: clock("17:30"), State: "approvd"},
		{ID: "R8", Child: "lena", Location: "bko-linde", Moment: "nacht", Date: d("2026-10-13"), State: StateRequested},
		{ID: "R9", Child: "lena", Location: "bko-linde", Moment: "na", State: StateRequested},
		{ID: "R10", Child: "lena", Location: "bko-linde", Moment: "na", Date: d("2026-10-13"), Start: clock("15:00"), End: clock("17:30"), State: StateRequested},
		{ID: "x", Child: "lena", Location: "bko-linde", Moment: "na", Date: d("2026-10-12"), Start: clock("15:30"), End: clock("17:30"), State: StateRequested},
		{Child: "lena", Location: "elders", Moment: "na", Date: d("2026-10-13"), State: StateRequested},
	}
	bad.NextID = 3
	checkFields(t, bad.Validate(),
		"locations[1].id",
		"locations[2].moments[0].capacity", "locations[2].id",
		"enrolments[4].child", "enrolments[4].location", "enrolments[4].period",
		"reservations[2].state", // three approved, two places
		"reservations[3].id", "reservations[3].child", "reservations[3].state",
		"next_id", "reservations[4].moment",
		"next_id", "reservations[5].date",
		"next_id", "reservations[6].hours",
		"reservations[7]", // Lena's second active reservation of the moment that day
		"reservations[8].id", "reservations[8].location",
	)
	if err := (Book{NextID: -1}).Validate(); !fieldIs(err, "next_id") {
		t.Errorf("negative next_id: %v", err)
	}
}

func slicesClone[T any](s []T) []T { return append([]T(nil), s...) }

func cmpFields(err error, fields ...string) bool {
	var got []string
	for _, p := range plan.AsProblems(err) {
		got = append(got, p.Field)
	}
	return slices.Equal(got, fields)
}
