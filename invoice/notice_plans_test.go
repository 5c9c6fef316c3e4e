package invoice

import (
	"testing"

	"github.com/kinderopvang/regels/plan"
)

// Seed 004 §6.2.1: the notice fee is "25% van je inkomenstarief voor 2
// maanden [...] voor de gereserveerde dagen" — the days the plans reserved
// as they stood, a plan agreed to follow included. Plan A (Monday, Tuesday,
// Thursday) runs to 31 March 2025, plan B (Monday to Friday) from 1 April;
// notice given on 10 March with last day 20 March falls short from 21 March
// to 9 May: 4 reserved days of A (24, 25, 27 and 31 March) and 27 of B
// (April and 1–9 May less Easter Monday and 1 May), 31 × 6.47 (found by the
// audit of 2026-12-01: only A's 4 were counted).
func TestNoticeFeeCountsTheFollowingPlan(t *testing.T) {
	c := baseCase()
	ch := &c.Children[0]
	ch.Plans[0].End = sd("2025-03-31")
	full := slot("07:45", "17:15")
	ch.Plans = append(ch.Plans, plan.Plan{Kind: plan.KindRegular, Start: sd("2025-04-01"), End: sd("2026-08-31"),
		Schedule: plan.Schedule{Weeks: []plan.Week{{Monday: full, Tuesday: full, Wednesday: full, Thursday: full, Friday: full}}}})
	ch.Notice = &plan.Notice{By: plan.Family, Given: sd("2025-03-10"), LastDay: sd("2025-03-20")}
	for _, d := range ch.Plans[0].ReservedDays(plan.Period{Start: sd("2025-03-01"), End: sd("2025-03-20")}, c.Calendar) {
		ch.Sessions = append(ch.Sessions, plan.Session{In: at(d.Date.String(), "07:45"), Out: at(d.Date.String(), "17:00")})
	}
	inv, err := Build(c)
	if err != nil {
		t.Fatal(err)
	}
	shortfall := plan.Period{Start: sd("2025-03-21"), End: sd("2025-05-09")}
	want := len(ch.Plans[0].ReservedDays(shortfall, c.Calendar)) + len(ch.Plans[1].ReservedDays(shortfall, c.Calendar))
	got := -1
	for _, l := range inv.Lines {
		if l.Kind == LineNoticeFee {
			got = int(l.Count.IntPart())
		}
	}
	if got != want || want != 31 {
		t.Errorf("notice fee on %d days, want the %d reserved days of both plans in %s", got, want, shortfall)
	}
}
