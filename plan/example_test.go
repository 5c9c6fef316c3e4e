package plan_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/kinderopvang/regels/plan"
)

// A toddler's care plan: three days a week. Which days are reserved in
// April 2026, with Easter Monday and a training day closed?
func ExamplePlan_ReservedDays() {
	full := []plan.Slot{{Start: plan.MustClock("07:30"), End: plan.MustClock("17:30")}}
	p := plan.Plan{
		Kind:  plan.KindRegular,
		Start: plan.MustParseDate("2026-04-01"),
		Schedule: plan.Schedule{Weeks: []plan.Week{
			{Monday: full, Tuesday: full, Thursday: full},
		}},
	}
	cal := plan.Calendar{Closures: []plan.Closure{{
		Period: plan.Period{Start: plan.MustParseDate("2026-04-16"), End: plan.MustParseDate("2026-04-16")},
		Reason: "pedagogische studiedag",
	}}}
	for _, d := range p.Days(plan.MustMonth(2026, time.April).Days(), cal) {
		if d.Closed != nil {
			fmt.Printf("%s %s closed: %s\n", d.Date, d.Date.Weekday(), d.Closed.Reason)
			continue
		}
		fmt.Printf("%s %s %s\n", d.Date, d.Date.Weekday(), d.Slots[0])
	}
	fmt.Println("full-time ratio:", p.FullTimeRatio())
	// Output:
	// 2026-04-02 Thursday 07:30–17:30
	// 2026-04-06 Monday closed: Paasmaandag
	// 2026-04-07 Tuesday 07:30–17:30
	// 2026-04-09 Thursday 07:30–17:30
	// 2026-04-13 Monday 07:30–17:30
	// 2026-04-14 Tuesday 07:30–17:30
	// 2026-04-16 Thursday closed: pedagogische studiedag
	// 2026-04-20 Monday 07:30–17:30
	// 2026-04-21 Tuesday 07:30–17:30
	// 2026-04-23 Thursday 07:30–17:30
	// 2026-04-27 Monday 07:30–17:30
	// 2026-04-28 Tuesday 07:30–17:30
	// 2026-04-30 Thursday 07:30–17:30
	// full-time ratio: 0.6
}

// Validation returns every problem at once, each with a code, a field and
// the rule it breaks.
func ExamplePlan_Validate() {
	p := plan.Plan{
		Kind:     plan.KindTemporary,
		Start:    plan.MustParseDate("2026-01-05"),
		End:      plan.MustParseDate("2026-08-31"),
		Schedule: plan.Schedule{Weeks: []plan.Week{{Monday: []plan.Slot{{Start: plan.MustClock("17:00"), End: plan.MustClock("08:00")}}}}},
	}
	err := p.Validate(plan.Facts{})
	for _, pr := range plan.AsProblems(err) {
		fmt.Printf("%s at %s, rule %q\n", pr.Code, pr.Field, pr.Rule.ID)
	}
	fmt.Println(errors.Is(err, plan.CodeTooLong))
	// Output:
	// end_before_start at schedule.weeks[0].monday[0], rule ""
	// too_long at end, rule "plan.temporary.length"
	// true
}

// A session through the night into the 23-hour day of the daylight-saving
// switch is split at midnight in real elapsed time.
func ExampleSession_Split() {
	bxl := plan.Brussels()
	s := plan.Session{
		In:  time.Date(2026, 3, 28, 20, 0, 0, 0, bxl),
		Out: time.Date(2026, 3, 29, 8, 0, 0, 0, bxl),
	}
	spans, err := s.Split(bxl)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, sp := range spans {
		fmt.Println(sp.Date, sp.Minutes(), "minutes")
	}
	// Output:
	// 2026-03-28 240 minutes
	// 2026-03-29 420 minutes
}

// Notice given on 10 March allows a last day of 9 May at the earliest;
// leaving on 30 April falls short, and the fee is due on the reserved days
// of the shortfall.
func ExampleEvaluateNotice() {
	full := []plan.Slot{{Start: plan.MustClock("07:30"), End: plan.MustClock("17:30")}}
	p := plan.Plan{Kind: plan.KindRegular, Start: plan.MustParseDate("2025-09-01"),
		Schedule: plan.Schedule{Weeks: []plan.Week{{Monday: full, Tuesday: full, Thursday: full}}}}
	res, err := plan.EvaluateNotice(plan.Notice{
		By:      plan.Family,
		Given:   plan.MustParseDate("2026-03-10"),
		LastDay: plan.MustParseDate("2026-04-30"),
	}, p, plan.Calendar{}, plan.Seed004NoticePolicy())
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("earliest last day:", res.EarliestLastDay)
	fmt.Println("respected:", res.Respected, "shortfall:", res.Shortfall)
	for _, d := range res.FeeDays {
		fmt.Println("fee day:", d.Date, d.Date.Weekday())
	}
	fmt.Println(res.Rule)
	// Output:
	// earliest last day: 2026-05-09
	// respected: false shortfall: 2026-05-01..2026-05-09
	// fee day: 2026-05-04 Monday
	// fee day: 2026-05-05 Tuesday
	// fee day: 2026-05-07 Thursday
	// plan.notice.term (house rules Zorg Leuven §6.2.1 and §6.2.2 (seed 004))
}

// A closing day announced one day ahead breaks the 2-day rule of the house
// rules.
func ExampleCheckAnnouncement() {
	chk, err := plan.CheckAnnouncement(plan.Closure{
		Period:    plan.Period{Start: plan.MustParseDate("2026-03-12"), End: plan.MustParseDate("2026-03-12")},
		Reason:    "pedagogische studiedag",
		Announced: plan.MustParseDate("2026-03-11"),
	}, plan.Seed004AnnouncementPolicy())
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(chk.InTime, chk.Deadline, chk.Rule.ID)
	// Output: false 2026-03-10 plan.closure.extra_short
}

// Terms in months run from the nth to the day before the nth.
func ExampleTermEnd() {
	fmt.Println(plan.TermEnd(plan.MustParseDate("2026-03-10"), 2))
	fmt.Println(plan.TermEnd(plan.MustParseDate("2026-01-31"), 1))
	// Output:
	// 2026-05-09
	// 2026-02-28
}

// The ages at which the rules change.
func ExampleMilestonesOf() {
	m := plan.MilestonesOf(plan.MustParseDate("2021-08-31"))
	fmt.Println("3.5 years:", m.ThreeAndAHalf)
	fmt.Println("after-school care ends:", m.AfterSchoolEnd)
	// Output:
	// 3.5 years: 2025-02-28
	// after-school care ends: 2033-08-31
}

// Overlapping sessions of one child are found all at once.
func ExampleValidateSessions() {
	bxl := plan.Brussels()
	at := func(h, m int) time.Time { return time.Date(2026, 3, 10, h, m, 0, 0, bxl) }
	err := plan.ValidateSessions([]plan.Session{
		{In: at(7, 30), Out: at(12, 0)},
		{In: at(11, 45), Out: at(17, 0)},
	})
	fmt.Println(errors.Is(err, plan.CodeOverlap))
	// Output: true
}
