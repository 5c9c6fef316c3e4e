package invoice

import (
	"slices"
	"testing"

	"github.com/kinderopvang/regels/absence"
	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
)

// Seed 004 §3.4.2: justified absence days are used by the duration of each
// absence, in the order of the days. With one day left, Lars (school age)
// absent on Friday 14 March (a third day, half a justified day) and on
// Wednesday 19 March (a full day) leaves the Wednesday half unjustified:
// 12.05. Present on the Friday, he pays its 9.64 and waste of 0.07, and the
// Wednesday is wholly justified: the month costs 2.34 less than with the
// Friday absent. A justified absence can so raise a month's total, by the
// rule; found by TestAttendanceMonotone (seed kept as this table test),
// which now gives every absence its days.
func TestJustifiedAbsenceTakesTheLastDays(t *testing.T) {
	s, _ := ScenarioByName("after_school")
	month := func(fridayAbsent bool) Invoice {
		c := s.Case
		c.Children = slices.Clone(c.Children)
		ch := &c.Children[0]
		ch.Ledger = absence.Ledger{Year: 2025, Entitlement: decimalOf("1")}
		absent := map[string]bool{"2025-03-19": true, "2025-03-14": fridayAbsent}
		var kept []plan.Session
		for _, ss := range ch.Sessions {
			if !absent[plan.DateOf(ss.In.In(plan.Brussels())).String()] {
				kept = append(kept, ss)
			}
		}
		ch.Sessions = kept
		ch.HotMeals = []plan.Date{sd("2025-03-12"), sd("2025-03-26")}
		for d, yes := range absent {
			if yes {
				ch.Absences = append(ch.Absences, absence.Absence{Period: plan.Period{Start: sd(d), End: sd(d)}, ReportedAt: at("2025-03-07", "09:00")})
			}
		}
		inv, err := Build(c)
		if err != nil {
			t.Fatal(err)
		}
		return inv
	}
	present, away := month(false), month(true)
	diff, _ := away.Total.Sub(present.Total)
	if diff != tariff.MustMoney("2.34") {
		t.Errorf("the Friday absent costs %s more (%s against %s), want 2.34", diff, away.Total, present.Total)
	}
	var charge tariff.Money
	for _, l := range away.Lines {
		if l.Kind == LineUnjustified {
			charge = l.UnitPrice
		}
	}
	if charge != tariff.MustMoney("12.05") {
		t.Errorf("the Wednesday's unjustified half: %s, want 12.05", charge)
	}
}
