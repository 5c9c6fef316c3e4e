package invoice

import (
	"testing"
	"time"

	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
)

// The birth date decides the age group (school-age from 3.5 years, Opgroeien
// registration rules 2025 p. 9), and with it the bands: a case without it,
// or with care before it, is refused where it lies, never billed as a
// toddler's month.
func TestBirthDate(t *testing.T) {
	for _, tc := range []struct {
		name  string
		edit  func(c *Case)
		field string
	}{
		{"no birth date", func(c *Case) { c.Children[0].Child.Birth = plan.Date{} }, "children[0].child.birth"},
		{"a plan before the birth", func(c *Case) {
			c.Children[0].Child.Birth = c.Children[0].Plans[0].Start.AddDays(1)
		}, "children[0].plans[0].start"},
		{"a session before the birth", func(c *Case) {
			// Born on the plan's first day, the month's second; a
			// session on the first.
			ch := &c.Children[0]
			ch.Plans[0].Start = c.Month.First().AddDays(1)
			ch.Child.Birth = ch.Plans[0].Start
			ch.Sessions = append(ch.Sessions, plan.Slot{Start: plan.MustClock("08:00"), End: plan.MustClock("12:00")}.Session(c.Month.First(), nil))
		}, "children[0].sessions["},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := SampleCase()
			tc.edit(&c)
			_, err := Build(c)
			if !hasFieldPrefix(err, tc.field) {
				t.Fatalf("want a problem at %s, got %v", tc.field, err)
			}
		})
	}
	// Care from the first instant of the birth day is care after the
	// birth.
	c0 := SampleCase()
	ch0 := &c0.Children[0]
	ch0.Plans[0].Start = c0.Month.First().AddDays(1)
	ch0.Child.Birth = ch0.Plans[0].Start
	ch0.Sessions = append(ch0.Sessions, plan.Slot{Start: 0, End: plan.MustClock("06:00")}.Session(ch0.Child.Birth, nil))
	if _, err := Build(c0); hasFieldPrefix(err, "children[0].sessions[") {
		t.Errorf("a session from 00:00 of the birth day: %v", err)
	}
	// Under a price list: a reservation before the birth.
	sc := afterSchoolPriceList()
	c := sc.Case
	ch := &c.Children[0]
	if len(ch.Reservations) == 0 {
		t.Fatal("the price-list scenario has no reservations")
	}
	ch.Child.Birth = ch.Reservations[0].Date.AddDays(1)
	if _, err := Build(c); !hasField(err, "children[0].reservations[0].date") {
		t.Errorf("a reservation before the birth: %v", err)
	}
	// An estimate names its own fields.
	in := EstimateInput{Month: plan.MustMonth(2025, time.March), Plan: baseCase().Children[0].Plans[0], Daily: tariff.MustTariff("24.10"), Rules: Seed004HouseRules()}
	if _, err := EstimateMonth(in); !hasField(err, "child.birth") {
		t.Errorf("an estimate without a birth date: %v", err)
	}
	in.Child.Birth = in.Plan.Start.AddDays(1)
	if _, err := EstimateMonth(in); !hasField(err, "plan.start") {
		t.Errorf("an estimate of a plan before the birth: %v", err)
	}
}

// hasFieldPrefix reports whether err holds a problem whose field starts
// with prefix.
func hasFieldPrefix(err error, prefix string) bool {
	for _, p := range plan.AsProblems(err) {
		if len(p.Field) >= len(prefix) && p.Field[:len(prefix)] == prefix {
			return true
		}
	}
	return false
}
