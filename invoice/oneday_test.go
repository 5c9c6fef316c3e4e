package invoice

import (
	"testing"

	"github.com/kinderopvang/regels/absence"
	"github.com/kinderopvang/regels/plan"
)

// Seed 004 §3.4.2: "Verwittig de onthaalouder 2 dagen op voorhand als je
// kind een dag of enkele dagen niet aanwezig zal zijn." A whole month of a
// Wednesday-only plan with one Wednesday absent, reported 6 days ahead,
// bills no late-notice fee (found by the audit of 2026-12-01: the day was
// measured as a week and billed 6.47 for late notice).
func TestOneDayAbsenceOfAWeeklyPlan(t *testing.T) {
	c := baseCase()
	ch := &c.Children[0]
	ch.Plans[0].Schedule.Weeks[0] = plan.Week{Wednesday: slot("07:30", "17:30")}
	attend(&c, 0, "07:30", "17:30", "2025-03-19")
	ch.Absences = []absence.Absence{{Period: plan.Period{Start: sd("2025-03-19"), End: sd("2025-03-19")}, ReportedAt: at("2025-03-13", "09:00"), Reason: "oma"}}
	inv, err := Build(c)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range inv.Lines {
		if l.Kind == LineLateNotice {
			t.Errorf("a one-day absence reported 6 days ahead is billed %s × %s for late notice", l.Count, l.UnitPrice)
		}
	}
	if n := inv.Children[0].Notices; len(n) != 1 || n[0].Kind != absence.NoticePlannedShort || !n[0].InTime {
		t.Errorf("notices %+v, want one planned_short in time", n)
	}
}
