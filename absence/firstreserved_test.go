package absence

import (
	"testing"

	"github.com/kinderopvang/regels/plan"
	"pgregory.net/rapid"
)

// firstReserved is its definition — the first day of the period that one
// of the plans reserves and on which the calendar is open — whatever the
// plans (one after the other, with overrides and exclusions), the closures
// and the period (empty, a day, a year; asked day by day for the first
// week and walked after it).
func TestFirstReservedIsItsDefinition(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		base := d("2025-01-01")
		var plans []plan.Plan
		start := base
		for range rapid.IntRange(1, 3).Draw(t, "plans") {
			var w plan.Week
			for _, day := range []*[]plan.Slot{&w.Monday, &w.Tuesday, &w.Wednesday, &w.Thursday, &w.Friday, &w.Saturday, &w.Sunday} {
				if rapid.IntRange(0, 3).Draw(t, "reserved") == 0 {
					*day = fullDay
				}
			}
			end := start.AddDays(rapid.IntRange(0, 120).Draw(t, "length"))
			p := plan.Plan{Kind: plan.KindRegular, Start: start, End: end, Schedule: plan.Schedule{Weeks: []plan.Week{w}}}
			for range rapid.IntRange(0, 3).Draw(t, "overrides") {
				o := plan.Override{Date: start.AddDays(rapid.IntRange(0, 120).Draw(t, "override"))}
				if rapid.Bool().Draw(t, "override reserves") {
					o.Slots = fullDay
				}
				p.Overrides = append(p.Overrides, o)
			}
			if rapid.Bool().Draw(t, "exclusion") {
				s := start.AddDays(rapid.IntRange(0, 120).Draw(t, "exclusion start"))
				p.Exclusions = append(p.Exclusions, plan.Exclusion{Period: plan.Period{Start: s, End: s.AddDays(rapid.IntRange(0, 20).Draw(t, "exclusion length"))}, Reason: "vakantie"})
			}
			plans = append(plans, p)
			start = end.AddDays(1 + rapid.IntRange(0, 10).Draw(t, "gap"))
		}
		var c plan.Calendar
		for range rapid.IntRange(0, 3).Draw(t, "closures") {
			s := base.AddDays(rapid.IntRange(0, 400).Draw(t, "closure"))
			c.Closures = append(c.Closures, plan.Closure{Period: plan.Period{Start: s, End: s.AddDays(rapid.IntRange(0, 14).Draw(t, "closure length"))}, Reason: "sluiting"})
		}
		from := base.AddDays(rapid.IntRange(-10, 400).Draw(t, "from"))
		p := plan.Period{Start: from, End: from.AddDays(rapid.IntRange(-1, 400).Draw(t, "period length"))}

		var want plan.PlannedDay
		for day := range p.Days() {
			for _, pl := range plans {
				if pd := pl.Day(day, c); pd.IsReserved() && want.Date.IsZero() {
					want = pd
				}
			}
		}
		got, ok := firstReserved(plans, p, c)
		if ok != !want.Date.IsZero() || got.Date != want.Date || len(got.Slots) != len(want.Slots) || got.Closed != nil {
			t.Fatalf("firstReserved(%s) = %v, %v; want %v", p, got, ok, want)
		}
	})
}
