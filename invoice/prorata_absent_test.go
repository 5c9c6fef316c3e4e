package invoice

import (
	"testing"

	"github.com/kinderopvang/regels/absence"
	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
)

// Seed 004 §3.3 read pro rata ("Je betaalt het inkomenstarief in verhouding
// tot het aantal opvanguren") and §3.4.2 (an unjustified day: "je betaalt
// het inkomenstarief"): a school-age child's Friday reserved 07:30–08:20,
// 50 minutes, costs 24.10 × 50 / 600 = 2.01 present. With the justified
// days used up and the Friday absent, it costs the same 2.01, not the third
// day's 40 % (9.64, found by the audit of 2026-12-01). Monday (50 minutes
// and a moment of exactly an hour, which is not short) and Wednesday
// (12:00–17:30) cost their bands, absent as present.
func TestProRataAbsentCostsWhatPresentCosts(t *testing.T) {
	s, _ := ScenarioByName("after_school")
	c := s.Case
	c.Rules.Pricing = tariff.Pricing{Model: tariff.PricingProRata, ProRata: &tariff.ProRata{ShortMinutes: 60, Unit: tariff.PerMinute, ReferenceMinutes: 600, Source: "test"}}
	ch := &c.Children[0]
	ch.Ledger = absence.Ledger{Year: 2025, Entitlement: decimalOf("5"), Used: decimalOf("5")}
	absent := map[string]bool{"2025-03-14": true, "2025-03-17": true, "2025-03-19": true}
	var kept []plan.Session
	for _, ss := range ch.Sessions {
		if !absent[plan.DateOf(ss.In.In(plan.Brussels())).String()] {
			kept = append(kept, ss)
		}
	}
	ch.Sessions = kept
	ch.HotMeals = nil
	for d := range absent {
		ch.Absences = append(ch.Absences, absence.Absence{Period: plan.Period{Start: sd(d), End: sd(d)}, ReportedAt: at("2025-03-10", "09:00")})
	}
	inv, err := Build(c)
	if err != nil {
		t.Fatal(err)
	}
	charge := map[string]tariff.Money{}
	present := map[string]tariff.Money{}
	for _, l := range inv.Lines {
		for _, d := range l.Dates {
			switch l.Kind {
			case LineUnjustified:
				charge[d.String()] = l.UnitPrice
			case LineCare:
				present[d.String()] = l.UnitPrice
			}
		}
	}
	for day, want := range map[string]string{"2025-03-14": "2.01", "2025-03-17": "9.64", "2025-03-19": "24.10"} {
		if got := charge[day]; got != tariff.MustMoney(want) {
			t.Errorf("%s absent, unjustified: %s, want %s", day, got, want)
		}
	}
	// The same days present a week later cost as much.
	for absentDay, presentDay := range map[string]string{"2025-03-14": "2025-03-21", "2025-03-17": "2025-03-24"} {
		if charge[absentDay] != present[presentDay] {
			t.Errorf("%s absent costs %s, %s present %s", absentDay, charge[absentDay], presentDay, present[presentDay])
		}
	}
}
