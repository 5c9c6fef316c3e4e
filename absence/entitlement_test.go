package absence

import (
	"time"

	"errors"
	"testing"

	"github.com/kinderopvang/regels/plan"
	"github.com/shopspring/decimal"
	"pgregory.net/rapid"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }
func d(s string) plan.Date         { return plan.MustParseDate(s) }

var fullDay = []plan.Slot{{Start: plan.MustClock("07:30"), End: plan.MustClock("17:30")}}

// weekPlan reserves full days on the first n weekdays (Monday first).
func weekPlan(n int, start, end string) plan.Plan {
	var w plan.Week
	days := []*[]plan.Slot{&w.Monday, &w.Tuesday, &w.Wednesday, &w.Thursday, &w.Friday, &w.Saturday, &w.Sunday}
	for i := 0; i < n && i < len(days); i++ {
		*days[i] = fullDay
	}
	p := plan.Plan{Kind: plan.KindRegular, Start: d(start), Schedule: plan.Schedule{Weeks: []plan.Week{w}}}
	if end != "" {
		p.End = d(end)
	}
	return p
}

// Opgroeien FAQ: 18 for full time; "18 dagen × (3 ÷ 5) = 10,8. Je kiest
// zelf of je dit afrondt naar 10 of 11 dagen." Seed 004 §3.4.2: the same
// for a partial year.
func TestEntitlement(t *testing.T) {
	tests := []struct {
		name      string
		plans     []plan.Plan
		proration Proration
		rounding  Rounding
		exact     string
		want      string
	}{
		{"full time, full year", []plan.Plan{weekPlan(5, "2024-09-01", "")}, ProrateMonths, RoundDown, "18", "18"},
		{"3 days a week, rounded down", []plan.Plan{weekPlan(3, "2024-09-01", "")}, ProrateMonths, RoundDown, "10.8", "10"},
		{"3 days a week, rounded up", []plan.Plan{weekPlan(3, "2024-09-01", "")}, ProrateMonths, RoundUp, "10.8", "11"},
		{"3 days a week, nearest", []plan.Plan{weekPlan(3, "2024-09-01", "")}, ProrateMonths, RoundNearest, "10.8", "11"},
		{"3 days a week, up to a half day", []plan.Plan{weekPlan(3, "2024-09-01", "")}, ProrateMonths, RoundHalfUp, "10.8", "11"},
		{"3 days a week, not rounded", []plan.Plan{weekPlan(3, "2024-09-01", "")}, ProrateMonths, RoundNone, "10.8", "10.8"},
		{"4 days, half up", []plan.Plan{weekPlan(4, "2024-09-01", "")}, ProrateMonths, RoundHalfUp, "14.4", "14.5"},
		{"starts 1 September: 4 months", []plan.Plan{weekPlan(5, "2025-09-01", "")}, ProrateMonths, RoundDown, "6", "6"},
		{"starts 15 July, 3 days: 6 months", []plan.Plan{weekPlan(3, "2025-07-15", "")}, ProrateMonths, RoundDown, "5.4", "5"},
		{"starts 1 September, by days: 122/365", []plan.Plan{weekPlan(5, "2025-09-01", "")}, ProrateDays, RoundDown, "6.02", "6"},
		{"six days a week is full time", []plan.Plan{weekPlan(6, "2024-09-01", "")}, ProrateMonths, RoundDown, "18", "18"},
		{"plan change on 1 July: 5 then 3 days", []plan.Plan{weekPlan(5, "2024-09-01", "2025-06-30"), weekPlan(3, "2025-07-01", "")},
			ProrateMonths, RoundNone, "14.4", "14.4"},
		{"ends 15 March: the month counts", []plan.Plan{weekPlan(5, "2024-09-01", "2025-03-15")}, ProrateMonths, RoundDown, "4.5", "4"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Seed004Policy()
			p.Proration, p.Rounding = tt.proration, tt.rounding
			e, err := ComputeEntitlement(2025, tt.plans, p)
			if err != nil {
				t.Fatal(err)
			}
			if !e.Exact.Equal(dec(tt.exact)) || !e.Days.Equal(dec(tt.want)) || e.Rule.Source == "" {
				t.Errorf("exact %s days %s (%s); want %s → %s", e.Exact, e.Days, e.Explanation, tt.exact, tt.want)
			}
		})
	}
}

func TestEntitlementBelowStatute(t *testing.T) {
	p := Seed004Policy()
	p.BaseDays = dec("15")
	if err := p.Validate(); !errors.Is(err, CodeBelowStatutory) {
		t.Errorf("base 15: %v", err)
	}
	if _, err := ComputeEntitlement(2025, []plan.Plan{weekPlan(5, "2024-01-01", "")}, p); !errors.Is(err, CodeBelowStatutory) {
		t.Errorf("base 15 entitlement: %v", err)
	}
	p = Seed004Policy()
	p.BaseDays = dec("20")
	if e, err := ComputeEntitlement(2025, []plan.Plan{weekPlan(5, "2024-01-01", "")}, p); err != nil || !e.Days.Equal(dec("20")) {
		t.Errorf("an organiser may give more: %v %v", e.Days, err)
	}
	if _, err := ComputeEntitlement(2025, []plan.Plan{weekPlan(5, "2024-01-01", ""), weekPlan(3, "2025-03-01", "")}, Seed004Policy()); !errors.Is(err, plan.CodeOverlap) {
		t.Errorf("overlapping plans: %v", err)
	}
}

// The entitlement grows with days per week and with months, never exceeds
// its base, and is never below the rounded-down statutory pro-rata.
func TestEntitlementProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := Seed004Policy()
		p.Rounding = rapid.SampledFrom([]Rounding{RoundDown, RoundUp, RoundNearest, RoundHalfUp, RoundNone}).Draw(t, "rounding")
		p.Proration = rapid.SampledFrom([]Proration{ProrateMonths, ProrateDays}).Draw(t, "proration")
		p.BaseDays = decimal.New(int64(rapid.IntRange(180, 300).Draw(t, "base10")), -1)
		days := rapid.IntRange(1, 4).Draw(t, "days")
		start := d("2025-01-01").AddDays(rapid.IntRange(0, 364).Draw(t, "start"))
		earlier := start.AddDays(-rapid.IntRange(0, 200).Draw(t, "earlier"))
		e1, err1 := ComputeEntitlement(2025, []plan.Plan{weekPlan(days, start.String(), "")}, p)
		e2, err2 := ComputeEntitlement(2025, []plan.Plan{weekPlan(days+1, start.String(), "")}, p)
		e3, err3 := ComputeEntitlement(2025, []plan.Plan{weekPlan(days, earlier.String(), "")}, p)
		if err1 != nil || err2 != nil || err3 != nil {
			t.Fatal(err1, err2, err3)
		}
		if e2.Days.LessThan(e1.Days) || e3.Days.LessThan(e1.Days) {
			t.Fatalf("more days or months gave less: %s / %s (more days) / %s (more months)", e1.Days, e2.Days, e3.Days)
		}
		for _, e := range []Entitlement{e1, e2, e3} {
			if e.Days.GreaterThan(p.BaseDays) || e.Days.LessThan(e.StatutoryFloor) || e.Days.Sign() < 0 {
				t.Fatalf("entitlement %s outside [%s, %s]", e.Days, e.StatutoryFloor, p.BaseDays)
			}
		}
	})
}

// The years a civil date can hold (0001–9999) have an entitlement; the
// years around them are an error, not a guess.
func TestEntitlementYearRange(t *testing.T) {
	for _, tt := range []struct {
		year  int
		start string
		ok    bool
	}{
		{1, "0001-01-01", true},
		{9999, "9999-01-01", true},
		{0, "0001-01-01", false},
		{10000, "9999-01-01", false},
	} {
		e, err := ComputeEntitlement(tt.year, []plan.Plan{weekPlan(5, tt.start, "")}, Seed004Policy())
		if (err == nil) != tt.ok {
			t.Errorf("year %d: %v", tt.year, err)
		}
		// Opgroeien FAQ: 18 days for a full-time plan over a full year.
		if tt.ok && (!e.Days.Equal(dec("18")) || e.Year != tt.year) {
			t.Errorf("year %d: %s days, want 18", tt.year, e.Days)
		}
		if !tt.ok && !errors.Is(err, plan.CodeInvalidValue) {
			t.Errorf("year %d: %v, want %s", tt.year, err, plan.CodeInvalidValue)
		}
	}
}

// With ProrateMonths a month shared by two plans counts at the plan that
// runs on more of its days, and on a tie at the later one, the plan the
// month ends with (ComputeEntitlement). April 2025 has 30 days: full time
// to the 15th, 3 days a week from the 16th.
func TestEntitlementMonthTie(t *testing.T) {
	p := Seed004Policy()
	p.Rounding = RoundNone
	tests := []struct {
		name   string
		plans  []plan.Plan
		weight string
		exact  string
	}{
		// Jan–Mar at 1, April to May–Dec at 3/5: 3 + 9 × 0.6 = 8.4; 18 × 8.4 / 12.
		{"tie: the later plan", []plan.Plan{weekPlan(5, "2024-09-01", "2025-04-15"), weekPlan(3, "2025-04-16", "")}, "8.4", "12.6"},
		// The same, the plans given in the other order.
		{"tie, plans reversed", []plan.Plan{weekPlan(3, "2025-04-16", ""), weekPlan(5, "2024-09-01", "2025-04-15")}, "8.4", "12.6"},
		// 16 days of full time in April: April counts at 1: 4 + 8 × 0.6 = 8.8.
		{"more days of the first plan", []plan.Plan{weekPlan(5, "2024-09-01", "2025-04-16"), weekPlan(3, "2025-04-17", "")}, "8.8", "13.2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := ComputeEntitlement(2025, tt.plans, p)
			if err != nil {
				t.Fatal(err)
			}
			if !e.Weight.Equal(dec(tt.weight)) || !e.Exact.Equal(dec(tt.exact)) || e.Units != 12 {
				t.Errorf("weight %s / %d, exact %s; want %s / 12, %s", e.Weight, e.Units, e.Exact, tt.weight, tt.exact)
			}
		})
	}
}

// Opgroeien FAQ: prorated "in verhouding tot het aantal dagen dat een kind
// is ingeschreven". A holiday plan of ten full days written one by one
// (overrides, no weekly schedule) got 0 days (audit of 2026-12-01): it is
// full time for its two weeks, as the same days written as a Monday–Friday
// schedule are — 18 × 1/12 = 1.5, rounded down 1 — and half its days give
// half the ratio. An open-ended plan of overrides runs to its last day.
func TestEntitlementOfAPlanOfOverrides(t *testing.T) {
	var overrides []plan.Override
	for day := range (plan.Period{Start: d("2026-07-06"), End: d("2026-07-17")}).Days() {
		if wd := day.Weekday(); wd != time.Saturday && wd != time.Sunday {
			overrides = append(overrides, plan.Override{Date: day, Slots: fullDay})
		}
	}
	byDay := plan.Plan{Kind: plan.KindRegular, Start: d("2026-07-06"), End: d("2026-07-17"), Overrides: overrides}
	weekly := weekPlan(5, "2026-07-06", "2026-07-17")
	for _, tc := range []struct {
		name  string
		p     plan.Plan
		exact string
	}{
		{"a Monday–Friday schedule", weekly, "1.5"},
		{"the same days one by one", byDay, "1.5"},
		{"half of them", plan.Plan{Kind: plan.KindRegular, Start: d("2026-07-06"), End: d("2026-07-17"), Overrides: overrides[:5]}, "0.75"},
		{"open-ended", plan.Plan{Kind: plan.KindRegular, Start: d("2026-07-06"), Overrides: overrides}, "1.5"},
		{"a schedule with an override keeps its ratio", func() plan.Plan { p := weekPlan(3, "2026-07-06", "2026-07-17"); p.Overrides = overrides[:1]; return p }(), "0.9"},
	} {
		e, err := ComputeEntitlement(2026, []plan.Plan{tc.p}, Seed004Policy())
		if err != nil || !e.Exact.Equal(dec(tc.exact)) {
			t.Errorf("%s: %s exact (%s days), %v; want %s", tc.name, e.Exact, e.Days, err, tc.exact)
		}
	}
}

// The same rule, further (review of 2026-12-01): a public holiday is no
// weekday a plan reserves, so a July–August holiday plan of every open
// weekday (21 July and 15 August are holidays) is full time like its
// schedule; and a plan across the new year counts each year's days in that
// year — none in 2026 for a plan reserved in January 2027 alone.
func TestEntitlementOfAPlanOfOverridesByYear(t *testing.T) {
	var summer []plan.Override
	var holidays plan.Calendar
	for day := range (plan.Period{Start: d("2026-07-01"), End: d("2026-08-31")}).Days() {
		_, closed := holidays.IsClosed(day)
		if wd := day.Weekday(); wd != time.Saturday && wd != time.Sunday && !closed {
			summer = append(summer, plan.Override{Date: day, Slots: fullDay})
		}
	}
	byDay := plan.Plan{Kind: plan.KindRegular, Start: d("2026-07-01"), End: d("2026-08-31"), Overrides: summer}
	weekly := weekPlan(5, "2026-07-01", "2026-08-31")
	e1, err1 := ComputeEntitlement(2026, []plan.Plan{byDay}, Seed004Policy())
	e2, err2 := ComputeEntitlement(2026, []plan.Plan{weekly}, Seed004Policy())
	if err1 != nil || err2 != nil || !e1.Exact.Equal(e2.Exact) || !e1.Exact.Equal(dec("3")) {
		t.Errorf("summer: %s by day, %s by schedule (%v, %v); want 3 both", e1.Exact, e2.Exact, err1, err2)
	}
	var january []plan.Override
	for day := range (plan.Period{Start: d("2027-01-04"), End: d("2027-01-29")}).Days() {
		if wd := day.Weekday(); wd != time.Saturday && wd != time.Sunday {
			january = append(january, plan.Override{Date: day, Slots: fullDay})
		}
	}
	across := plan.Plan{Kind: plan.KindRegular, Start: d("2026-12-01"), End: d("2027-01-31"), Overrides: january}
	if e, err := ComputeEntitlement(2026, []plan.Plan{across}, Seed004Policy()); err != nil || !e.Exact.IsZero() {
		t.Errorf("2026 of a plan reserved in January 2027: %s, %v; want 0", e.Exact, err)
	}
	if e, err := ComputeEntitlement(2027, []plan.Plan{across}, Seed004Policy()); err != nil || e.Days.IntPart() != 1 {
		t.Errorf("2027: %s (%s), %v; want 1", e.Days, e.Exact, err)
	}
}
