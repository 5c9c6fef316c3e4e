package plan

import (
	"strings"
	"testing"
)

// Seed 004 §3.4.3: ask 2 months ahead; the new plan runs at least 4 months;
// exceptions only on the organiser's initiative.
func TestValidateChange(t *testing.T) {
	newPlan := func(start, end string) Plan {
		p := Plan{Kind: KindRegular, Start: MustParseDate(start), Schedule: Schedule{Weeks: []Week{{Monday: fullDay}}}}
		if end != "" {
			p.End = MustParseDate(end)
		}
		return p
	}
	pol := Seed004ChangePolicy()
	tests := []struct {
		name string
		c    Change
		want []wantProblem
	}{
		{"asked on 10 March, effective 10 May, open-ended", Change{RequestedOn: MustParseDate("2026-03-10"), New: newPlan("2026-05-10", "")}, nil},
		{"effective 9 May: one day short", Change{RequestedOn: MustParseDate("2026-03-10"), New: newPlan("2026-05-09", "")},
			[]wantProblem{{CodeLateRequest, "new.start", RuleChangeLead}}},
		{"runs exactly 4 months", Change{RequestedOn: MustParseDate("2026-03-01"), New: newPlan("2026-05-01", "2026-08-31")}, nil},
		{"runs 4 months less a day", Change{RequestedOn: MustParseDate("2026-03-01"), New: newPlan("2026-05-01", "2026-08-30")},
			[]wantProblem{{CodeTooShort, "new.end", RuleChangeMinRun}}},
		{"both broken at once", Change{RequestedOn: MustParseDate("2026-04-15"), New: newPlan("2026-05-01", "2026-06-30")},
			[]wantProblem{{CodeLateRequest, "new.start", RuleChangeLead}, {CodeTooShort, "new.end", RuleChangeMinRun}}},
		{"organiser's initiative: exceptions allowed", Change{RequestedOn: MustParseDate("2026-04-15"), New: newPlan("2026-05-01", "2026-06-30"), OrganiserInitiative: true}, nil},
		{"no request date", Change{New: newPlan("2026-05-01", "")}, []wantProblem{{CodeMissing, "requested_on", ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkProblems(t, ValidateChange(tt.c, pol), tt.want)
		})
	}
	// A policy without lead or minimum run accepts a change starting the day
	// it is asked and ending the next day.
	checkProblems(t, ValidateChange(Change{RequestedOn: MustParseDate("2026-03-10"), New: newPlan("2026-03-10", "2026-03-11")}, ChangePolicy{Source: "x"}), nil)
	checkProblems(t, ValidateChange(Change{RequestedOn: MustParseDate("2026-03-10"), New: newPlan("2026-03-09", "2026-03-11")}, ChangePolicy{Source: "x"}),
		[]wantProblem{{CodeLateRequest, "new.start", RuleChangeLead}})
	if got := EarliestChange(MustParseDate("2026-12-31"), 2); got != MustParseDate("2027-03-01") {
		t.Errorf("asked 31 December: earliest %v, want 2027-03-01", got)
	}
}

// Seed 004 §3.4.3: "Het gewijzigde opvangplan heeft een looptijd van
// minstens 4 maanden." A plan changed from 1 May 2026 runs until 31 August
// at least: a second change from 3 July cuts it short (audit of
// 2026-12-01), one from 1 September does not; an exception of the
// organiser's own (OrganiserInitiative) is not held to it.
func TestChangeEndsAChangedPlan(t *testing.T) {
	s := []Slot{{Start: MustClock("08:00"), End: MustClock("17:00")}}
	mk := func(start string) Plan {
		return Plan{Kind: KindRegular, Start: MustParseDate(start), Schedule: Schedule{Weeks: []Week{{Monday: s, Tuesday: s}}}}
	}
	pol := Seed004ChangePolicy()
	first := Change{RequestedOn: MustParseDate("2026-02-27"), New: mk("2026-05-01")}
	if err := ValidateChange(first, pol); err != nil {
		t.Fatal(err)
	}
	second := Change{RequestedOn: MustParseDate("2026-05-02"), New: mk("2026-07-03"), Replaces: &first}
	ps := AsProblems(ValidateChange(second, pol))
	if len(ps) != 1 || ps[0].Code != CodeTooShort || ps[0].Field != "new.start" || ps[0].Rule.ID != RuleChangeMinRun ||
		!strings.Contains(ps[0].Message, "until 2026-08-31; a new change can start on 2026-09-01 at the earliest") {
		t.Errorf("a second change after 2 months: %v", ps)
	}
	second.New = mk("2026-09-01")
	if err := ValidateChange(second, pol); err != nil {
		t.Errorf("a second change after 4 months: %v", err)
	}
	second.New, first.OrganiserInitiative = mk("2026-07-03"), true
	if err := ValidateChange(second, pol); err != nil {
		t.Errorf("ending a plan the organiser changed on its own initiative: %v", err)
	}
}
