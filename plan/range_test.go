package plan

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

// Dates never leave 0001–9999 silently: every rule whose date would fall
// outside says so with CodeOutOfRange and the field it comes from, instead
// of computing with the zero Date ("no date", which sorts before every day).

func TestCheckedDateFunctions(t *testing.T) {
	d := MustParseDate
	tests := []struct {
		name string
		got  func() (Date, error)
		want Date
		code Code // "" for no error
	}{
		{"AddMonthsChecked in range", func() (Date, error) { return AddMonthsChecked(d("2021-08-31"), 42) }, d("2025-02-28"), ""},
		{"AddMonthsChecked backwards", func() (Date, error) { return AddMonthsChecked(d("2026-03-31"), -1) }, d("2026-02-28"), ""},
		{"AddMonthsChecked to the last month", func() (Date, error) { return AddMonthsChecked(d("9999-11-30"), 1) }, d("9999-12-30"), ""},
		{"AddMonthsChecked past 9999", func() (Date, error) { return AddMonthsChecked(d("9999-12-01"), 1) }, Date{}, CodeOutOfRange},
		{"AddMonthsChecked before 0001", func() (Date, error) { return AddMonthsChecked(d("0001-01-31"), -1) }, Date{}, CodeOutOfRange},
		{"AddMonthsChecked of no date", func() (Date, error) { return AddMonthsChecked(Date{}, 1) }, Date{}, CodeMissing},
		{"AddMonthsChecked of a huge count", func() (Date, error) { return AddMonthsChecked(d("2026-01-01"), 1<<62) }, Date{}, CodeOutOfRange},
		{"TermEndChecked, 2 months (Belgian Judicial Code art. 54)", func() (Date, error) { return TermEndChecked(d("2026-03-10"), 2) }, d("2026-05-09"), ""},
		{"TermEndChecked ending on the last day", func() (Date, error) { return TermEndChecked(d("9999-11-01"), 1) }, d("9999-11-30"), ""},
		{"TermEndChecked from 31 October to 30 December", func() (Date, error) { return TermEndChecked(d("9999-10-31"), 2) }, d("9999-12-30"), ""},
		{"TermEndChecked ending on 9999-12-31, the day before 10000-01-01", func() (Date, error) { return TermEndChecked(d("9999-12-01"), 1) }, d("9999-12-31"), ""},
		{"TermEndChecked ending on 9999-12-31 after 2 months", func() (Date, error) { return TermEndChecked(d("9999-11-01"), 2) }, d("9999-12-31"), ""},
		{"TermEndChecked ending on 10000-01-01", func() (Date, error) { return TermEndChecked(d("9999-12-02"), 1) }, Date{}, CodeOutOfRange},
		{"TermEndChecked from 9998-01-01, 24 months", func() (Date, error) { return TermEndChecked(d("9998-01-01"), 24) }, d("9999-12-31"), ""},
		{"TermEndChecked of a huge term", func() (Date, error) { return TermEndChecked(d("2026-01-01"), 1<<62) }, Date{}, CodeOutOfRange},
		{"TermEndChecked of the last huge term in range", func() (Date, error) { return TermEndChecked(d("0001-01-01"), 9999*12) }, d("9999-12-31"), ""},
		{"TermEndChecked past 9999 (the library bug)", func() (Date, error) { return TermEndChecked(d("9999-11-10"), 2) }, Date{}, CodeOutOfRange},
		{"TermEndChecked of no term", func() (Date, error) { return TermEndChecked(d("2026-03-10"), 0) }, Date{}, CodeInvalidValue},
		{"TermEndChecked of no start", func() (Date, error) { return TermEndChecked(Date{}, 2) }, Date{}, CodeMissing},
		{"TermEndChecked of the first day", func() (Date, error) { return TermEndChecked(d("0001-01-01"), 1) }, d("0001-01-31"), ""},
		{"MonthsOldChecked 42 months", func() (Date, error) { return MonthsOldChecked(d("2021-08-31"), 42) }, d("2025-02-28"), ""},
		{"MonthsOldChecked past 9999", func() (Date, error) { return MonthsOldChecked(d("9990-01-01"), 14*12) }, Date{}, CodeOutOfRange},
		{"MonthsOldChecked at birth", func() (Date, error) { return MonthsOldChecked(d("2020-02-29"), 0) }, d("2020-02-29"), ""},
		{"MonthsOldChecked negative", func() (Date, error) { return MonthsOldChecked(d("2020-01-01"), -1) }, Date{}, CodeInvalidValue},
		{"MonthsOldChecked no birth", func() (Date, error) { return MonthsOldChecked(Date{}, 1) }, Date{}, CodeMissing},
		{"AfterSchoolEndChecked (seed 000)", func() (Date, error) { return AfterSchoolEndChecked(d("2015-03-10")) }, d("2027-08-31"), ""},
		{"AfterSchoolEndChecked born 9987", func() (Date, error) { return AfterSchoolEndChecked(d("9987-12-31")) }, d("9999-08-31"), ""},
		{"AfterSchoolEndChecked born 9988", func() (Date, error) { return AfterSchoolEndChecked(d("9988-01-01")) }, Date{}, CodeOutOfRange},
		{"AfterSchoolEndChecked no birth", func() (Date, error) { return AfterSchoolEndChecked(Date{}) }, Date{}, CodeMissing},
		{"EarliestChangeChecked (seed 004 §3.4.3)", func() (Date, error) { return EarliestChangeChecked(d("2026-03-10"), 2) }, d("2026-05-10"), ""},
		{"EarliestChangeChecked without lead", func() (Date, error) { return EarliestChangeChecked(d("2026-03-10"), 0) }, d("2026-03-10"), ""},
		{"EarliestChangeChecked on 9999-12-31", func() (Date, error) { return EarliestChangeChecked(d("9999-10-31"), 2) }, d("9999-12-31"), ""},
		{"EarliestChangeChecked on 10000-01-01", func() (Date, error) { return EarliestChangeChecked(d("9999-11-01"), 2) }, Date{}, CodeOutOfRange},
		{"EarliestChangeChecked past 9999", func() (Date, error) { return EarliestChangeChecked(d("9999-11-15"), 2) }, Date{}, CodeOutOfRange},
		{"EarliestChangeChecked no request", func() (Date, error) { return EarliestChangeChecked(Date{}, 2) }, Date{}, CodeMissing},
		{"DaysBeforeChecked working days", func() (Date, error) { return Calendar{}.DaysBeforeChecked(d("2025-05-02"), 1, WorkingDays) }, d("2025-04-30"), ""},
		{"DaysBeforeChecked calendar days", func() (Date, error) { return Calendar{}.DaysBeforeChecked(d("2025-05-02"), 2, CalendarDays) }, d("2025-04-30"), ""},
		{"DaysBeforeChecked to 0001-01-01", func() (Date, error) { return Calendar{}.DaysBeforeChecked(d("0001-01-03"), 2, CalendarDays) }, d("0001-01-01"), ""},
		{"DaysBeforeChecked before 0001", func() (Date, error) { return Calendar{}.DaysBeforeChecked(d("0001-01-03"), 3, CalendarDays) }, Date{}, CodeOutOfRange},
		{"DaysBeforeChecked working days before 0001", func() (Date, error) { return Calendar{}.DaysBeforeChecked(d("0001-01-08"), 6, WorkingDays) }, Date{}, CodeOutOfRange},
		{"DaysBeforeChecked unknown counting", func() (Date, error) { return Calendar{}.DaysBeforeChecked(d("2025-05-02"), 2, "werkdagen") }, Date{}, CodeInvalidValue},
		{"DaysBeforeChecked no date", func() (Date, error) { return Calendar{}.DaysBeforeChecked(Date{}, 2, WorkingDays) }, Date{}, CodeMissing},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.got()
			if got != tt.want || (tt.code == "") != (err == nil) || tt.code != "" && !errors.Is(err, tt.code) {
				t.Fatalf("got %v, %v; want %v, %q", got, err, tt.want, tt.code)
			}
			if err != nil {
				var p Problem
				if !errors.As(err, &p) || p.Message == "" {
					t.Fatalf("error %v is not a Problem with a message", err)
				}
			}
		})
	}
	// The unchecked functions give the zero Date exactly where the checked
	// ones give an error.
	if !TermEnd(d("9999-11-10"), 2).IsZero() || !AddMonths(d("9999-12-01"), 1).IsZero() || !MonthsOld(d("9990-01-01"), 14*12).IsZero() ||
		!AfterSchoolEnd(d("9988-01-01")).IsZero() || !EarliestChange(d("9999-11-15"), 2).IsZero() || !(Calendar{}).DaysBefore(d("0001-01-08"), 6, WorkingDays).IsZero() {
		t.Error("an unchecked function out of range must give the zero Date")
	}
}

// The library bug: notice given on 10 November 9999 with a 2-month term
// ends after 9999-12-31. TermEnd gave the zero Date and the notice counted
// as respected, waiving the fee. Now it is an error naming the field.
func TestEvaluateNoticeOutOfRange(t *testing.T) {
	d := MustParseDate
	pl := Plan{Kind: KindRegular, Start: d("9999-01-04"), Schedule: Schedule{Weeks: []Week{{Monday: fullDay}}}}
	pol := Seed004NoticePolicy()
	tests := []struct {
		name  string
		n     Notice
		basis FeeBasis
		field string
	}{
		{"term past 9999", Notice{By: Family, Given: d("9999-11-10"), LastDay: d("9999-11-20")}, FeeOnShortfall, "given"},
		{"term past 9999, even when exempt", Notice{By: Family, Given: d("9999-11-10"), LastDay: d("9999-11-20"), Exemption: ExemptForceMajeure}, FeeOnShortfall, "given"},
		{"full-term fee period past 9999", Notice{By: Organiser, Given: d("9999-10-05"), LastDay: d("9999-11-10")}, FeeOnFullTerm, "last_day"},
		{"full-term fee period past 9999 by a day", Notice{By: Organiser, Given: d("9999-10-05"), LastDay: d("9999-11-01")}, FeeOnFullTerm, "last_day"},
		{"detrimental-change window past 9999", Notice{By: Family, Given: d("9999-10-01"), LastDay: d("9999-10-05"),
			Exemption: ExemptDetrimentalChange, ChangeNotified: d("9999-11-15")}, FeeOnShortfall, "change_notified"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := pol
			p.Basis = tt.basis
			res, err := EvaluateNotice(tt.n, pl, Calendar{}, p)
			checkProblems(t, err, []wantProblem{{CodeOutOfRange, tt.field, ""}})
			if res.Respected || !res.EarliestLastDay.IsZero() {
				t.Errorf("an out-of-range notice got a verdict: %+v", res)
			}
		})
	}
	// A full term from the shortfall that ends on 9999-12-31 is in range.
	p := pol
	p.Basis = FeeOnFullTerm
	if res, err := EvaluateNotice(Notice{By: Organiser, Given: d("9999-10-05"), LastDay: d("9999-10-31")}, pl, Calendar{}, p); err != nil || len(res.FeeDays) != 8 { // 9 Mondays, less Allerheiligen on Monday 1 November
		t.Errorf("full term 9999-11-01..9999-12-31: %+v, %v", res, err)
	}
	// The last notice whose term still ends in range: the fee is due.
	res, err := EvaluateNotice(Notice{By: Family, Given: d("9999-11-01"), LastDay: d("9999-11-30")}, pl, Calendar{NoPublicHolidays: true}, pol)
	if err != nil || res.Respected || res.EarliestLastDay != d("9999-12-31") || res.Shortfall != (Period{d("9999-12-01"), d("9999-12-31")}) || len(res.FeeDays) != 4 {
		t.Errorf("notice ending on 9999-12-31: %+v, %v", res, err)
	}
}

func TestValidateChangeOutOfRange(t *testing.T) {
	d := MustParseDate
	pl := func(start, end string) Plan {
		p := Plan{Kind: KindRegular, Start: d(start), Schedule: Schedule{Weeks: []Week{{Monday: fullDay}}}}
		if end != "" {
			p.End = d(end)
		}
		return p
	}
	pol := Seed004ChangePolicy()
	// Before: the lead's deadline became the zero Date and any start passed.
	checkProblems(t, ValidateChange(Change{RequestedOn: d("9999-11-15"), New: pl("9999-11-20", "")}, pol),
		[]wantProblem{{CodeOutOfRange, "requested_on", ""}})
	// Before: the minimum run's end became the zero Date and any end passed.
	checkProblems(t, ValidateChange(Change{RequestedOn: d("9999-01-01"), New: pl("9999-09-02", "9999-09-30")}, pol),
		[]wantProblem{{CodeOutOfRange, "new.start", ""}})
	// A minimum run that ends on 9999-12-31 is still a deadline.
	checkProblems(t, ValidateChange(Change{RequestedOn: d("9999-01-01"), New: pl("9999-09-01", "9999-12-30")}, pol),
		[]wantProblem{{CodeTooShort, "new.end", RuleChangeMinRun}})
	checkProblems(t, ValidateChange(Change{RequestedOn: d("9999-11-15"), New: pl("9999-11-20", "9999-11-30")}, pol),
		[]wantProblem{{CodeOutOfRange, "requested_on", ""}, {CodeOutOfRange, "new.start", ""}})
	// The organiser's initiative checks no deadline at all.
	if err := ValidateChange(Change{RequestedOn: d("9999-11-15"), New: pl("9999-11-20", "9999-11-30"), OrganiserInitiative: true}, pol); err != nil {
		t.Errorf("organiser's initiative: %v", err)
	}
}

func TestCheckAnnouncementOutOfRange(t *testing.T) {
	d := MustParseDate
	pol := Seed004AnnouncementPolicy()
	cl := Closure{Period: Period{d("0001-01-02"), d("0001-01-02")}, Reason: "sluiting", Announced: d("0001-01-01")}
	_, err := CheckAnnouncement(cl, pol)
	var p Problem
	if !errors.As(err, &p) || p.Code != CodeOutOfRange || p.Field != "period.start" || p.Date != d("0001-01-02") {
		t.Fatalf("deadline before 0001: %v", err)
	}
	// In the yearly overview it is in time by 31 January 0001: no extra
	// deadline is needed.
	cl.InYearlyOverview = true
	if chk, err := CheckAnnouncement(cl, pol); err != nil || !chk.InTime || chk.Deadline != d("0001-01-31") {
		t.Fatalf("overview in year 1: %+v, %v", chk, err)
	}
	// A lead to exactly 0001-01-01 is a deadline.
	cl = Closure{Period: Period{d("0001-01-03"), d("0001-01-03")}, Reason: "sluiting", Announced: d("0001-01-01")}
	if chk, err := CheckAnnouncement(cl, pol); err != nil || !chk.InTime || chk.Deadline != d("0001-01-01") {
		t.Fatalf("deadline on 0001-01-01: %+v, %v", chk, err)
	}
	cl.Period = Period{d("0001-01-02"), d("0001-01-02")}
	ps := AsProblems(CheckAnnouncements(Calendar{Closures: []Closure{cl}}, pol))
	if len(ps) != 1 || ps[0].Code != CodeOutOfRange || ps[0].Field != "closures[0].period.start" {
		t.Fatalf("CheckAnnouncements: %v", ps)
	}
}

func TestValidatePlanOutOfRange(t *testing.T) {
	d := MustParseDate
	week := Schedule{Weeks: []Week{{Monday: fullDay}}}
	tests := []struct {
		name string
		p    Plan
		f    Facts
		want []wantProblem
	}{
		// Before: the 6-month limit became the zero Date and every end was
		// "too long", with an empty limit in the message.
		{"temporary plan whose 6 months end after 9999",
			Plan{Kind: KindTemporary, Start: d("9999-08-01"), End: d("9999-12-31"), Schedule: week}, Facts{},
			[]wantProblem{{CodeOutOfRange, "start", RuleTemporaryLength}}},
		{"temporary plan ending within its 6 months in 9999",
			Plan{Kind: KindTemporary, Start: d("9999-06-01"), End: d("9999-11-30"), Schedule: week}, Facts{}, nil},
		{"extension whose 6 months end after 9999",
			Plan{Kind: KindTemporary, Start: d("9999-01-04"), End: d("9999-07-03"), Extensions: []Date{d("9999-12-31")}, Schedule: week}, Facts{},
			[]wantProblem{{CodeOutOfRange, "extensions[0]", RuleTemporaryExtend}}},
		// Before: the school year ended on the zero Date and the plan was
		// "outside its school year".
		{"after-school plan in the school year 9999–10000",
			Plan{Kind: KindAfterSchool, Start: d("9999-09-01"), End: d("9999-12-31"), Schedule: week}, Facts{},
			[]wantProblem{{CodeOutOfRange, "start", RuleAfterSchoolYear}}},
		{"after-school plan in the school year 0000–0001",
			Plan{Kind: KindAfterSchool, Start: d("0001-01-01"), End: d("0001-06-30"), Schedule: week}, Facts{},
			[]wantProblem{{CodeOutOfRange, "start", RuleAfterSchoolYear}}},
		// Before: the age limit became the zero Date and was not checked.
		{"child turning 12 after 9999",
			Plan{Kind: KindAfterSchool, Start: d("9998-09-01"), End: d("9999-06-30"), Schedule: week}, Facts{Birth: d("9990-05-01")},
			[]wantProblem{{CodeOutOfRange, "facts.birth", RuleAfterSchoolAge}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkProblems(t, tt.p.Validate(tt.f), tt.want)
		})
	}
}

func TestMilestonesOfChecked(t *testing.T) {
	d := MustParseDate
	m, err := MilestonesOfChecked(d("9986-01-01"))
	var p Problem
	if !errors.As(err, &p) || p.Code != CodeOutOfRange || p.Field != "birth" || p.Date != d("9986-01-01") {
		t.Fatalf("born 9986: %v", err)
	}
	if m.Twelve != d("9998-01-01") || !m.Fourteen.IsZero() || m.AfterSchoolEnd != d("9998-08-31") {
		t.Errorf("the milestones in range are still given: %+v", m)
	}
	if _, err := MilestonesOfChecked(d("9985-12-31")); err != nil {
		t.Errorf("born 9985: every milestone is in range: %v", err)
	}
	m, err = MilestonesOfChecked(d("9995-03-01"))
	if err == nil || m.ThreeAndAHalf != d("9998-09-01") || !m.Six.IsZero() {
		t.Errorf("born 9995: %+v, %v", m, err)
	}
	if m, err := MilestonesOfChecked(Date{}); err != nil || m != (Milestones{}) {
		t.Errorf("no birth date: %+v, %v", m, err)
	}
	if diff := cmp.Diff(MilestonesOf(d("2021-08-31")), func() Milestones { m, _ := MilestonesOfChecked(d("2021-08-31")); return m }()); diff != "" {
		t.Errorf("checked and unchecked differ (-unchecked +checked):\n%s", diff)
	}
}

// Policy durations are bounded, so a typing error (96000 for 2) is refused
// with the field it is in before it reaches a date computation. The bounds
// and why: MaxNoticeTermMonths, MaxChangeLeadMonths, MaxAnnouncementDays,
// MaxTemporaryMonths.
func TestPolicyBounds(t *testing.T) {
	notice := func(f func(*NoticePolicy)) error { p := Seed004NoticePolicy(); f(&p); return p.Validate() }
	change := func(f func(*ChangePolicy)) error { p := Seed004ChangePolicy(); f(&p); return p.Validate() }
	announce := func(f func(*AnnouncementPolicy)) error { p := Seed004AnnouncementPolicy(); f(&p); return p.Validate() }
	rules := func(f func(*PlanRules)) error { r := DefaultPlanRules(); f(&r); return r.Validate() }
	tests := []struct {
		name  string
		err   error
		field string // "" when valid
	}{
		{"notice term 96000 months", notice(func(p *NoticePolicy) { p.TermMonths = 96000 }), "term_months"},
		{"notice term 25 months", notice(func(p *NoticePolicy) { p.TermMonths = 25 }), "term_months"},
		{"notice term 24 months", notice(func(p *NoticePolicy) { p.TermMonths = 24 }), ""},
		{"notice term 1 month", notice(func(p *NoticePolicy) { p.TermMonths = 1 }), ""},
		{"notice term 0 months", notice(func(p *NoticePolicy) { p.TermMonths = 0 }), "term_months"},
		{"detrimental window 25 months", notice(func(p *NoticePolicy) { p.DetrimentalChangeMonths = 25 }), "detrimental_change_months"},
		{"detrimental window 24 months", notice(func(p *NoticePolicy) { p.DetrimentalChangeMonths = 24 }), ""},
		{"detrimental window 0: the model's 2 months", notice(func(p *NoticePolicy) { p.DetrimentalChangeMonths = 0 }), ""},
		{"detrimental window -1", notice(func(p *NoticePolicy) { p.DetrimentalChangeMonths = -1 }), "detrimental_change_months"},
		{"change lead 13 months", change(func(p *ChangePolicy) { p.LeadMonths = 13 }), "lead_months"},
		{"change lead 12 months", change(func(p *ChangePolicy) { p.LeadMonths = 12 }), ""},
		{"change lead 0", change(func(p *ChangePolicy) { p.LeadMonths = 0 }), ""},
		{"change lead -1", change(func(p *ChangePolicy) { p.LeadMonths = -1 }), "lead_months"},
		{"minimum run 25 months", change(func(p *ChangePolicy) { p.MinRunMonths = 25 }), "min_run_months"},
		{"minimum run 24 months", change(func(p *ChangePolicy) { p.MinRunMonths = 24 }), ""},
		{"minimum run 0", change(func(p *ChangePolicy) { p.MinRunMonths = 0 }), ""},
		{"minimum run -1", change(func(p *ChangePolicy) { p.MinRunMonths = -1 }), "min_run_months"},
		{"long closure 367 days", announce(func(p *AnnouncementPolicy) { p.LongClosureDays = 367 }), "long_closure_days"},
		{"long closure 366 days", announce(func(p *AnnouncementPolicy) { p.LongClosureDays = 366 }), ""},
		{"long closure 0 days", announce(func(p *AnnouncementPolicy) { p.LongClosureDays = 0 }), ""},
		{"long closure -1", announce(func(p *AnnouncementPolicy) { p.LongClosureDays = -1 }), "long_closure_days"},
		{"short lead 367 days", announce(func(p *AnnouncementPolicy) { p.ShortLeadDays = 367 }), "short_lead_days"},
		{"short lead 366 days", announce(func(p *AnnouncementPolicy) { p.ShortLeadDays = 366 }), ""},
		{"short lead 0", announce(func(p *AnnouncementPolicy) { p.ShortLeadDays = 0 }), ""},
		{"short lead -1", announce(func(p *AnnouncementPolicy) { p.ShortLeadDays = -1 }), "short_lead_days"},
		{"long lead 100000 days", announce(func(p *AnnouncementPolicy) { p.LongLeadDays = 100000 }), "long_lead_days"},
		{"long lead 366 days", announce(func(p *AnnouncementPolicy) { p.LongLeadDays = 366 }), ""},
		{"long lead -1", announce(func(p *AnnouncementPolicy) { p.LongLeadDays = -1 }), "long_lead_days"},
		{"overview by 29 February", announce(func(p *AnnouncementPolicy) { p.OverviewByMonth, p.OverviewByDay = time.February, 29 }), ""},
		{"overview by 31 April", announce(func(p *AnnouncementPolicy) { p.OverviewByMonth, p.OverviewByDay = time.April, 31 }), "overview_by"},
		{"overview in month 13", announce(func(p *AnnouncementPolicy) { p.OverviewByMonth = 13 }), "overview_by"},
		{"temporary 61 months", rules(func(r *PlanRules) { r.TemporaryMonths = 61 }), "rules.temporary_months"},
		{"temporary 60 months", rules(func(r *PlanRules) { r.TemporaryMonths = 60 }), ""},
		{"temporary 1 month", rules(func(r *PlanRules) { r.TemporaryMonths = 1 }), ""},
		{"extension 61 months", rules(func(r *PlanRules) { r.ExtensionMonths = 61 }), "rules.extension_months"},
		{"extension 60 months", rules(func(r *PlanRules) { r.ExtensionMonths = 60 }), ""},
		{"extension 1 month", rules(func(r *PlanRules) { r.ExtensionMonths = 1 }), ""},
		{"13 extensions", rules(func(r *PlanRules) { r.MaxExtensions = 13 }), "rules.max_extensions"},
		{"12 extensions", rules(func(r *PlanRules) { r.MaxExtensions = 12 }), ""},
		{"no extension", rules(func(r *PlanRules) { r.MaxExtensions = 0 }), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.field == "" {
				if tt.err != nil {
					t.Fatalf("want valid, got %v", tt.err)
				}
				return
			}
			checkProblems(t, tt.err, []wantProblem{{CodeInvalidValue, tt.field, ""}})
		})
	}
	// All problems at once, each with its path, through the entry points.
	_, err := EvaluateNotice(Notice{By: Family, Given: MustParseDate("2026-03-10"), LastDay: MustParseDate("2026-04-30")},
		Plan{}, Calendar{}, NoticePolicy{TermMonths: 96000, DetrimentalChangeMonths: 96000})
	checkProblems(t, err, []wantProblem{{CodeInvalidValue, "policy.term_months", ""}, {CodeInvalidValue, "policy.detrimental_change_months", ""}})
	err = ValidateChange(Change{RequestedOn: MustParseDate("2026-03-10"), New: Plan{Start: MustParseDate("2026-05-10")}}, ChangePolicy{LeadMonths: 1200, MinRunMonths: -4})
	checkProblems(t, err, []wantProblem{{CodeInvalidValue, "policy.lead_months", ""}, {CodeInvalidValue, "policy.min_run_months", ""}})
	err = Plan{Kind: KindTemporary}.ValidateWith(Facts{}, PlanRules{TemporaryMonths: 600, MaxExtensions: 99, ExtensionMonths: 600})
	checkProblems(t, err, []wantProblem{{CodeInvalidValue, "rules.temporary_months", ""}, {CodeInvalidValue, "rules.extension_months", ""}, {CodeInvalidValue, "rules.max_extensions", ""}})
	err = CheckAnnouncements(Calendar{}, AnnouncementPolicy{OverviewByMonth: 1, OverviewByDay: 31, LongClosureDays: 9999, ShortLeadDays: 9999, LongLeadDays: 9999})
	checkProblems(t, err, []wantProblem{{CodeInvalidValue, "long_closure_days", ""}, {CodeInvalidValue, "short_lead_days", ""}, {CodeInvalidValue, "long_lead_days", ""}})
}

// The last representable day has an end: 10000-01-01 00:00. Split used the
// zero Date's zero instant as that day's end and then walked forward from
// year 1, millions of spans; DayBounds gave the zero time.Time as its end.
func TestLastDayBounds(t *testing.T) {
	last := MustParseDate("9999-12-31")
	start, end := DayBounds(last, nil)
	if !start.Equal(time.Date(9999, 12, 31, 0, 0, 0, 0, Brussels())) || !end.Equal(time.Date(10000, 1, 1, 0, 0, 0, 0, Brussels())) || end.Sub(start) != 24*time.Hour {
		t.Errorf("DayBounds(9999-12-31) = %v, %v", start, end)
	}
	if s, e := DayBounds(Date{}, nil); !s.IsZero() || !e.IsZero() {
		t.Errorf("DayBounds of no date = %v, %v", s, e)
	}
	in := time.Date(9999, 12, 30, 20, 0, 0, 0, Brussels())
	spans, err := (Session{In: in, Out: in.Add(27 * time.Hour)}).Split(nil)
	if err != nil || len(spans) != 2 || spans[0].Elapsed() != 4*time.Hour || spans[1].Date != last || spans[1].Elapsed() != 23*time.Hour {
		t.Fatalf("session into 9999-12-31: %v, %v", spans, err)
	}
	// Past the end of 9999-12-31 in Brussels the check-out has no date.
	if _, err := (Session{In: in, Out: in.Add(29 * time.Hour)}).Split(nil); !errors.Is(err, CodeInvalidValue) {
		t.Errorf("session past 9999-12-31: %v", err)
	}
}

func TestSchoolYearAtTheEdges(t *testing.T) {
	d := MustParseDate
	for _, tt := range []struct {
		day  string
		want Period
	}{
		{"0001-09-01", Period{d("0001-09-01"), d("0002-08-31")}},
		{"0001-08-31", Period{Date{}, d("0001-08-31")}},
		{"9999-08-31", Period{d("9998-09-01"), d("9999-08-31")}},
		{"9999-09-01", Period{d("9999-09-01"), Date{}}},
	} {
		if got := SchoolYearOf(d(tt.day)); got != tt.want {
			t.Errorf("SchoolYearOf(%s) = %v, want %v", tt.day, got, tt.want)
		}
	}
	if !SchoolYearOf(Date{}).IsEmpty() {
		t.Error("no date, no school year")
	}
}

// DayStart and DayEnd are the two halves of DayBounds, on any day (the
// zero Date, 9999-12-31 and the days of the daylight-saving switch
// included) in Brussels and in another zone.
func TestDayStartAndEndAreDayBounds(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	rapid.Check(t, func(t *rapid.T) {
		d := Date{n: rapid.Int32Range(0, maxDayNum).Draw(t, "n")}
		if rapid.Bool().Draw(t, "near the switch") {
			d = MustDate(rapid.IntRange(1900, 2100).Draw(t, "year"), time.Month(rapid.SampledFrom([]int{3, 10, 11}).Draw(t, "month")), rapid.IntRange(1, 31).Draw(t, "day")%28+1)
		}
		for _, loc := range []*time.Location{nil, ny} {
			start, end := DayBounds(d, loc)
			if s, e := DayStart(d, loc), DayEnd(d, loc); !s.Equal(start) || !e.Equal(end) || s.Location() != start.Location() || e.Location() != end.Location() {
				t.Fatalf("%s in %v: DayStart, DayEnd = %v, %v; DayBounds = %v, %v", d, loc, s, e, start, end)
			}
		}
	})
}
