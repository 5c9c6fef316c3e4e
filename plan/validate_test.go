package plan

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

type wantProblem struct {
	code  Code
	field string
	rule  string // "" when no rule is expected
}

func checkProblems(t *testing.T, err error, want []wantProblem) {
	t.Helper()
	ps := AsProblems(err)
	if len(ps) != len(want) {
		t.Fatalf("got %d problems, want %d:\n%v", len(ps), len(want), err)
	}
	for i, w := range want {
		p := ps[i]
		if p.Code != w.code || p.Field != w.field || p.Rule.ID != w.rule || (w.rule != "" && p.Rule.Source == "") || p.Message == "" {
			t.Errorf("problem %d = %+v, want %s at %q by %q", i, p, w.code, w.field, w.rule)
		}
		if !errors.Is(err, w.code) {
			t.Errorf("errors.Is(err, %s) = false", w.code)
		}
	}
}

func TestValidateReturnsAllProblems(t *testing.T) {
	p := Plan{
		Kind:  "weekly",
		Start: MustParseDate("2026-04-01"),
		End:   MustParseDate("2026-03-01"),
		Schedule: Schedule{Weeks: []Week{{
			Monday:  []Slot{{MustClock("17:00"), MustClock("09:00")}},
			Tuesday: []Slot{{MustClock("07:00"), MustClock("12:00")}, {MustClock("11:00"), MustClock("18:00")}},
		}}},
		Overrides:  []Override{{Date: MustParseDate("2026-03-15"), Slots: fullDay}},
		Exclusions: []Exclusion{{Period: Period{Start: MustParseDate("2026-05-01")}}},
		SettlingIn: []Date{MustParseDate("2026-03-25"), MustParseDate("2026-03-25")},
		Extensions: []Date{MustParseDate("2026-09-01")},
	}
	checkProblems(t, p.Validate(Facts{}), []wantProblem{
		{CodeInvalidValue, "kind", ""},
		{CodeEndBeforeStart, "end", ""},
		{CodeEndBeforeStart, "schedule.weeks[0].monday[0]", ""},
		{CodeOverlap, "schedule.weeks[0].tuesday", ""},
		{CodeInvalidValue, "overrides[0].date", ""},
		{CodeInvalidPeriod, "exclusions[0].period", ""},
		{CodeOverlap, "settling_in[1]", ""},
		{CodeInvalidValue, "extensions", ""},
	})
}

func TestValidateNothingReserved(t *testing.T) {
	p := Plan{Kind: KindRegular, Start: MustParseDate("2026-04-01"), Schedule: Schedule{Weeks: []Week{{}}}}
	checkProblems(t, p.Validate(Facts{}), []wantProblem{{CodeNoReservedSession, "schedule", RulePlanReserves}})
	p.Overrides = []Override{{Date: MustParseDate("2026-04-03"), Slots: morning}}
	if err := p.Validate(Facts{}); err != nil {
		t.Errorf("a plan of overrides only (holiday care) is valid: %v", err)
	}
	if err := (Plan{Kind: KindRegular, Schedule: Schedule{Weeks: []Week{{Monday: fullDay}}}}).Validate(Facts{}); !errors.Is(err, CodeMissing) {
		t.Errorf("missing start: %v", err)
	}
}

// Seed 004 §3.4: a temporary place for urgent need, at most 6 months, one
// extension of at most 6 months.
func TestValidateTemporary(t *testing.T) {
	base := Plan{Kind: KindTemporary, Start: MustParseDate("2026-01-05"), End: MustParseDate("2026-07-04"),
		Schedule: Schedule{Weeks: []Week{{Monday: fullDay}}}}
	if err := base.Validate(Facts{}); err != nil {
		t.Fatalf("exactly 6 months is allowed: %v", err)
	}
	long := base
	long.End = MustParseDate("2026-07-05")
	checkProblems(t, long.Validate(Facts{}), []wantProblem{{CodeTooLong, "end", RuleTemporaryLength}})

	open := base
	open.End = Date{}
	checkProblems(t, open.Validate(Facts{}), []wantProblem{{CodeMissing, "end", RuleTemporaryLength}})

	ext := base
	ext.Extensions = []Date{MustParseDate("2027-01-04")} // 6 months from 5 July
	if err := ext.Validate(Facts{}); err != nil {
		t.Fatalf("one extension of 6 months is allowed: %v", err)
	}
	if ext.LastDay() != MustParseDate("2027-01-04") {
		t.Errorf("extended plan's last day %v", ext.LastDay())
	}
	ext.Extensions = []Date{MustParseDate("2027-01-05"), MustParseDate("2027-02-01")}
	checkProblems(t, ext.Validate(Facts{}), []wantProblem{
		{CodeTooManyExtensions, "extensions", RuleTemporaryExtend},
		{CodeTooLong, "extensions[0]", RuleTemporaryExtend},
	})
	ext.Extensions = []Date{MustParseDate("2026-06-01")}
	checkProblems(t, ext.Validate(Facts{}), []wantProblem{{CodeEndBeforeStart, "extensions[0]", RuleTemporaryExtend}})
}

// Seed 004 §3.4 (one plan per school year, school holidays excluded) and
// seed 000 (after-school care stops on 31 August of the year the child
// turns 12).
func TestValidateAfterSchool(t *testing.T) {
	autumn := Period{MustParseDate("2026-11-02"), MustParseDate("2026-11-08")}
	christmas := Period{MustParseDate("2026-12-21"), MustParseDate("2027-01-03")}
	p := Plan{Kind: KindAfterSchool, Start: MustParseDate("2026-09-01"), End: MustParseDate("2027-06-30"),
		Schedule:   Schedule{Weeks: []Week{{Monday: morning, Friday: morning}}},
		Exclusions: []Exclusion{{Period: autumn, Reason: "herfstvakantie"}}}
	facts := Facts{Birth: MustParseDate("2015-03-10"), SchoolHolidays: []Period{autumn, christmas}}
	checkProblems(t, p.Validate(facts), []wantProblem{{CodeSchoolHoliday, "exclusions", RuleAfterSchoolHoliday}})
	ps := AsProblems(p.Validate(facts))
	if ps[0].Date != MustParseDate("2026-12-21") {
		t.Errorf("first reserved holiday day = %v", ps[0].Date)
	}

	p.Exclusions = append(p.Exclusions, Exclusion{Period: christmas, Reason: "kerstvakantie"})
	if err := p.Validate(facts); err != nil {
		t.Fatalf("holidays excluded: %v", err)
	}
	if err := p.Validate(Facts{}); err != nil {
		t.Fatalf("without facts the optional rules are not checked: %v", err)
	}

	late := p
	late.End = MustParseDate("2027-09-15")
	// The child, born in 2015, turns 12 in 2027: both rules break.
	checkProblems(t, late.Validate(facts), []wantProblem{
		{CodeOutsideSchoolYear, "end", RuleAfterSchoolYear},
		{CodeAgeLimit, "end", RuleAfterSchoolAge},
	})

	older := facts
	older.Birth = MustParseDate("2014-12-01") // turns 12 in 2026: care stops 31 August 2026
	checkProblems(t, p.Validate(older), []wantProblem{{CodeAgeLimit, "end", RuleAfterSchoolAge}})
}

// Validation never panics and is deterministic on any plan, calendar and
// facts, and a problem always says what and where.
func TestValidateNeverPanics(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := genPlan().Draw(t, "plan")
		f := Facts{Birth: genNearDate().Draw(t, "birth").AddDays(-4000)}
		if rapid.Bool().Draw(t, "holidays") {
			f.SchoolHolidays = []Period{genPeriod().Draw(t, "holiday")}
		}
		err := p.Validate(f)
		if err2 := p.Validate(f); (err == nil) != (err2 == nil) || (err != nil && err.Error() != err2.Error()) {
			t.Fatalf("not deterministic: %v / %v", err, err2)
		}
		for _, q := range AsProblems(err) {
			if q.Code == "" || q.Message == "" || q.Field == "" {
				t.Fatalf("problem without code, field or message: %+v", q)
			}
		}
		if err != nil && AsProblems(err) == nil {
			t.Fatalf("error is not Problems: %v", err)
		}
	})
}

func TestPlanRulesValidate(t *testing.T) {
	p := Plan{Kind: KindTemporary, Start: MustParseDate("2026-01-05"), End: MustParseDate("2026-02-01"),
		Schedule: Schedule{Weeks: []Week{{Monday: fullDay}}}}
	checkProblems(t, p.ValidateWith(Facts{}, PlanRules{MaxExtensions: -1}), []wantProblem{
		{CodeInvalidValue, "rules.temporary_months", ""},
		{CodeInvalidValue, "rules.extension_months", ""},
		{CodeInvalidValue, "rules.max_extensions", ""},
	})
	if err := DefaultPlanRules().Validate(); err != nil {
		t.Fatal(err)
	}
}

// An override without slots removes a day: it reserves nothing, so a plan
// of such overrides only reserves nothing (seed 004 §3.4: the plan lists the
// reserved days).
func TestOverridesThatRemoveReserveNothing(t *testing.T) {
	p := Plan{Kind: KindHolidayCare, Start: MustParseDate("2026-07-01"), Schedule: Schedule{Weeks: []Week{{}}},
		Overrides: []Override{{Date: MustParseDate("2026-07-06")}, {Date: MustParseDate("2026-07-07"), Slots: []Slot{}}}}
	checkProblems(t, p.Validate(Facts{}), []wantProblem{{CodeNoReservedSession, "schedule", RulePlanReserves}})
	p.Overrides = append(p.Overrides, Override{Date: MustParseDate("2026-07-08"), Slots: morning}, Override{Date: MustParseDate("2026-07-08"), Slots: fullDay})
	ps := AsProblems(p.Validate(Facts{}))
	if len(ps) != 1 || ps[0].Code != CodeOverlap || ps[0].Field != "overrides[3].date" || ps[0].Message != "override on 2026-07-08 repeats overrides[2]" {
		t.Errorf("a repeated override: %v", ps)
	}
	// The first override of a date is the one that counts.
	if d := p.Day(MustParseDate("2026-07-08"), Calendar{}); !cmp.Equal(d.Slots, morning) {
		t.Errorf("the first override wins: %v", d.Slots)
	}
	if d := p.Days(MustMonth(2026, 7).Days(), Calendar{}); len(d) != 1 || !cmp.Equal(d[0].Slots, morning) {
		t.Errorf("Days: the first override wins: %v", d)
	}
}

// Overrides and school holidays without their dates: each is reported once
// with its own field, and two overrides without a date are not "the same
// date twice".
func TestValidateMissingDates(t *testing.T) {
	p := Plan{Kind: KindAfterSchool, Start: MustParseDate("2026-09-01"), End: MustParseDate("2027-06-30"),
		Schedule:  Schedule{Weeks: []Week{{Monday: morning}}},
		Overrides: []Override{{Slots: morning}, {Slots: morning}}}
	f := Facts{SchoolHolidays: []Period{{Start: MustParseDate("2026-11-02")}, {MustParseDate("2026-11-08"), MustParseDate("2026-11-02")}}}
	checkProblems(t, p.Validate(f), []wantProblem{
		{CodeMissing, "overrides[0].date", ""},
		{CodeMissing, "overrides[1].date", ""},
		{CodeInvalidPeriod, "facts.school_holidays[0]", ""},
		{CodeInvalidPeriod, "facts.school_holidays[1]", ""},
	})
}
