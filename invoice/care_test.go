package invoice

import (
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/kinderopvang/regels/absence"
	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
	"github.com/shopspring/decimal"
)

// Seed 004 §3.4: "Ook voor extra gepresteerde dagen betaal je." Noor comes
// on Wednesday 12 March 2025, a day her plan does not reserve and without
// an approved extra day: the day is billed as any day of care (a full day,
// 24.10, and its waste), and it is no reserved day (no absence verdict).
func TestCareOnADayOutsideThePlan(t *testing.T) {
	c := baseCase()
	attend(&c, 0, "07:45", "17:00")
	c.Children[0].Sessions = append(c.Children[0].Sessions, plan.Session{In: at("2025-03-12", "08:00"), Out: at("2025-03-12", "16:00")})
	inv, err := Build(c)
	if err != nil {
		t.Fatal(err)
	}
	care := linesOfKind(inv, LineCare)
	if len(care) != 1 || !care[0].Count.Equal(decimal.NewFromInt(14)) || !slices.Contains(care[0].Dates, sd("2025-03-12")) || care[0].Amount != tariff.MustMoney("337.40") {
		t.Errorf("care %+v, want 13 reserved days + Wednesday 12 March = 14 × 24.10 = 337.40", care)
	}
	if n, _ := linesOf(inv, LineWasteFull); !n.Equal(decimal.NewFromInt(14)) {
		t.Errorf("waste of %s days, want 14", n)
	}
	for _, o := range inv.Children[0].Reserved {
		if o.Date == sd("2025-03-12") {
			t.Errorf("12 March is not reserved: %+v", o)
		}
	}
	if len(inv.Children[0].Reserved) != 13 {
		t.Errorf("%d reserved days, want 13", len(inv.Children[0].Reserved))
	}
}

// DESIGN §1 (Opgroeien IKT rules): care counts between 06:00 and 20:00; at
// a location without permission for flexible care the minutes outside that
// window count toward no band and are reported apart, for the organiser's
// own price. Noor, a toddler: Tuesday 4 March 05:00–10:00 is 4 hours in the
// window (a half day, 60 % of 24.10 = 14.46) and 60 night minutes;
// Thursday 6 March 16:00–21:30 is 4 hours too and 90 night minutes. At a
// flex location the same days are 5 and 5.5 hours: full days.
func TestNightMinutesOutsideTheWindow(t *testing.T) {
	for _, tc := range []struct {
		flex  bool
		band  tariff.Band
		unit  string
		night int
	}{
		{false, tariff.BandHalf, "14.46", 150},
		{true, tariff.BandFull, "24.10", 0},
	} {
		c := baseCase()
		ch := &c.Children[0]
		ch.Location.Flex = tc.flex
		ch.Sessions = []plan.Session{{In: at("2025-03-04", "05:00"), Out: at("2025-03-04", "10:00")}, {In: at("2025-03-06", "16:00"), Out: at("2025-03-06", "21:30")}}
		ch.AgreedLatePickup = dates("2025-03-06")
		inv, err := Build(c)
		if err != nil {
			t.Fatal(err)
		}
		care := linesOfKind(inv, LineCare)
		if len(care) != 1 || care[0].Band != string(tc.band) || care[0].UnitPrice != tariff.MustMoney(tc.unit) || !care[0].Count.Equal(decimal.NewFromInt(2)) {
			t.Errorf("flex %v: care %+v, want 2 × %s %s", tc.flex, care, tc.band, tc.unit)
		}
		if got := inv.Children[0].UnbilledNightMinutes; got != tc.night {
			t.Errorf("flex %v: %d night minutes, want %d", tc.flex, got, tc.night)
		}
		minutes := map[plan.Date]int{}
		for _, dc := range inv.Children[0].Care {
			minutes[dc.Date] = dc.Minutes
		}
		want := map[plan.Date]int{sd("2025-03-04"): 240, sd("2025-03-06"): 240}
		if tc.flex {
			want = map[plan.Date]int{sd("2025-03-04"): 300, sd("2025-03-06"): 330}
		}
		if diff := cmp.Diff(want, minutes); diff != "" {
			t.Errorf("flex %v: minutes counted (-want +got):\n%s", tc.flex, diff)
		}
	}
}

// Seed 004 §3.3 read pro rata: "korte buitenschoolse opvangmomenten van
// minder dan 1 uur" — a moment of exactly one hour is not short. Lars's
// Monday 10 March 2025: 07:30–08:20 (50 minutes) and 15:45–16:44 (59):
// short moments, 109 minutes counted per minute, 24.10 × 109 ÷ 300 = 8.76.
// With 15:45–16:45 (60 minutes) the day is priced in the bands: a third day,
// 40 % of 24.10 = 9.64.
func TestProRataOnlyUnderAnHour(t *testing.T) {
	for _, tc := range []struct {
		out     string
		pricing tariff.PricingModel
		unit    string
	}{
		{"16:44", tariff.PricingProRata, "8.76"},
		{"16:45", "", "9.64"},
	} {
		c := afterSchool().Case
		c.Rules.Pricing = tariff.Pricing{Model: tariff.PricingProRata, ProRata: &tariff.ProRata{ShortMinutes: 60, Unit: tariff.PerMinute,
			ReferenceMinutes: 300, Source: "house rules of an organiser reading seed 004 §3.3 pro rata (example)"}}
		ch := &c.Children[0]
		ch.Sessions = []plan.Session{{In: at("2025-03-10", "07:30"), Out: at("2025-03-10", "08:20")}, {In: at("2025-03-10", "15:45"), Out: at("2025-03-10", tc.out)}}
		ch.HotMeals, ch.Absences = nil, nil
		ch.Ledger.Entitlement, ch.Ledger.Used = decimal.NewFromInt(30), decimal.Zero
		inv, err := Build(c)
		if err != nil {
			t.Fatal(err)
		}
		care := linesOfKind(inv, LineCare)
		if len(care) != 1 || care[0].Pricing != tc.pricing || care[0].UnitPrice != tariff.MustMoney(tc.unit) || care[0].Band != string(tariff.BandThird) {
			t.Errorf("out %s: care %+v, want %q at %s", tc.out, care, tc.pricing, tc.unit)
		}
	}
}

// Build is a pure function (DESIGN: "pure functions, no surprises"): the
// case it is given is left as it was, even where its slices have room to
// grow, and building it twice gives the same invoice.
func TestBuildLeavesTheCaseAlone(t *testing.T) {
	c := baseCase()
	attend(&c, 0, "07:45", "17:00")
	ch := &c.Children[0]
	// An override with room for more in its backing array.
	ch.Plans[0].Overrides = make([]plan.Override, 1, 8)
	ch.Plans[0].Overrides[0] = plan.Override{Date: sd("2025-03-07"), Slots: slot("08:00", "12:00")}
	ch.ExtraDays = []plan.Override{{Date: sd("2025-03-12"), Slots: slot("08:00", "16:00")}}
	ch.Sessions = append(ch.Sessions, plan.Session{In: at("2025-03-12", "08:00"), Out: at("2025-03-12", "16:00")},
		plan.Session{In: at("2025-03-07", "08:00"), Out: at("2025-03-07", "12:00")})
	backing := ch.Plans[0].Overrides[:8]
	before := slices.Clone(backing)
	sessions := slices.Clone(ch.Sessions)
	first, err := Build(c)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(before, backing, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("Build wrote into the plan's overrides (-before +after):\n%s", diff)
	}
	if diff := cmp.Diff(sessions, ch.Sessions); diff != "" {
		t.Errorf("Build reordered the sessions (-before +after):\n%s", diff)
	}
	second, err := Build(c)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(first, second); diff != "" {
		t.Errorf("a second Build differs (-first +second):\n%s", diff)
	}
	// 13 plan days, the override's half day of Friday 7 March (4 hours,
	// 60 % = 14.46) and the extra Wednesday: 14 full days and a half.
	if n, a := linesOf(second, LineCare); !n.Equal(decimal.NewFromInt(15)) || a != tariff.MustMoney("351.86") {
		t.Errorf("care %s days, %s; want 15, 14 × 24.10 + 14.46 = 351.86", n, a)
	}
}

// Sessions in any order are the same attendance: reversed, the month bills
// the same.
func TestSessionsInAnyOrder(t *testing.T) {
	inv := mustBuild(t, "late_pickup")
	s, _ := ScenarioByName("late_pickup")
	c := s.Case
	slices.Reverse(c.Children[0].Sessions)
	rev, err := Build(c)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(inv, rev); diff != "" {
		t.Errorf("reversed sessions (-in order +reversed):\n%s", diff)
	}
}

// A family of two in which one child had neither care nor a charge this
// month: its summary is on the invoice, its lines are none, and the family
// pays for the other child's care once, administration included (seed 004
// §3.5.1: "per maand per gezin waarin opvang plaats vond").
func TestFamilyWithAChildWithoutLines(t *testing.T) {
	for _, first := range []bool{true, false} {
		c := baseCase()
		noor := c.Children[0]
		noor.Absences = []absence.Absence{{Period: plan.Period{Start: sd("2025-03-01"), End: sd("2025-03-31")}, ReportedAt: at("2025-01-15", "10:00")}}
		noor.Ledger = absence.Ledger{Year: 2025, Entitlement: decimalOf("18"), Used: decimal.Zero}
		lars := afterSchool().Case.Children[0]
		c.Children = []Child{noor, lars}
		if !first {
			c.Children = []Child{lars, noor}
		}
		inv, err := Build(c)
		if err != nil {
			t.Fatal(err)
		}
		want, err := Build(afterSchool().Case)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want.Lines, inv.Lines); diff != "" {
			t.Errorf("Noor first %v: lines (-Lars alone +family):\n%s", first, diff)
		}
		if inv.Total != want.Total || len(inv.Children) != 2 {
			t.Errorf("Noor first %v: total %s, %d children; want %s, 2", first, inv.Total, len(inv.Children), want.Total)
		}
		for _, sum := range inv.Children {
			if sum.Code == "K-118" && !sum.Respijt.UsedMonth.Equal(decimal.NewFromInt(13)) {
				t.Errorf("Noor first %v: %s justified days used, want 13", first, sum.Respijt.UsedMonth)
			}
		}
	}
}

// OrganiserMonth.Build is Build with what the organiser's families share
// prepared once: the same invoice, also for a line whose count is more
// than the days of the month (31 started half hours of late pick-up in
// April: 14 + 14 + 3, 124.00).
func TestOrganiserMonthLargeCounts(t *testing.T) {
	c := monFriCase()
	attend(&c, 0, "07:45", "17:00", "2025-04-07", "2025-04-08", "2025-04-09")
	c.Children[0].Sessions = append(c.Children[0].Sessions,
		// 17:15 to midnight: 6 h 45, 14 started half hours.
		plan.Session{In: at("2025-04-07", "07:45"), Out: at("2025-04-08", "00:00")},
		plan.Session{In: at("2025-04-08", "07:45"), Out: at("2025-04-09", "00:00")},
		// 17:15 to 18:45: 3.
		plan.Session{In: at("2025-04-09", "07:45"), Out: at("2025-04-09", "18:45")})
	want, err := Build(c)
	if err != nil {
		t.Fatal(err)
	}
	if n, a := linesOf(want, LineLatePickup); !n.Equal(decimal.NewFromInt(31)) || a != tariff.MustMoney("124.00") {
		t.Fatalf("late pick-up %s half hours, %s; want 31, 124.00", n, a)
	}
	om, err := NewOrganiserMonth(c.Month, c.Calendar, c.Rules, c.Amounts)
	if err != nil {
		t.Fatal(err)
	}
	if om.Month() != c.Month {
		t.Errorf("month %s, want %s", om.Month(), c.Month)
	}
	got, err := om.Build(c.FamilyMonth())
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("OrganiserMonth.Build differs from Build (-Build +OrganiserMonth):\n%s", diff)
	}
	// Invalid house rules are refused once, for every family.
	bad := c.Rules
	bad.PaymentTermMonths = 0
	if _, err := NewOrganiserMonth(c.Month, c.Calendar, bad, nil); !hasField(err, "rules.payment_term_months") {
		t.Errorf("invalid house rules: %v", err)
	}
	if _, err := NewOrganiserMonth(plan.Month{}, c.Calendar, c.Rules, nil); !hasField(err, "month") {
		t.Errorf("no month: %v", err)
	}
}

// FO-SU-05.xsd: "min11uFlex" only at a location with permission for
// flexible care; the "bo" flag for a school-age child, even in a month in
// which it only had reserved third days and no care.
func TestAttendanceReportFlexAndAfterSchool(t *testing.T) {
	c := baseCase()
	c.Children[0].Location.Flex = true
	c.Children[0].Sessions = []plan.Session{{In: at("2025-03-04", "07:00"), Out: at("2025-03-04", "18:30")}, {In: at("2025-03-06", "07:45"), Out: at("2025-03-06", "17:00")}}
	c.Children[0].AgreedLatePickup = dates("2025-03-04")
	inv, err := Build(c)
	if err != nil {
		t.Fatal(err)
	}
	r, err := AttendanceReport(inv.Month, []Invoice{inv})
	if err != nil {
		t.Fatal(err)
	}
	// 11 reserved days not attended and never reported: 9 justified (9 days
	// left), 2 unjustified, all reserved as full days.
	want := []ReportChild{{Code: "K-118", Present: Bucket{Min11uFlex: 1, Min11u: 1}, Justified: Bucket{Min11u: 9}, Unjustified: Bucket{Min11u: 2}}}
	if diff := cmp.Diff(want, r.Children); diff != "" {
		t.Errorf("flex location (-want +got):\n%s", diff)
	}
	if r.Month != inv.Month || r.Rule.ID == "" {
		t.Errorf("report %+v", r)
	}
	// Lars, school-age, absent all of March (reported in time): no care,
	// his reserved days are third days (Monday's and Friday's short
	// moments) and a full day (Wednesday).
	s := afterSchool().Case
	s.Children[0].Sessions, s.Children[0].HotMeals = nil, nil
	s.Children[0].Absences = []absence.Absence{{Period: plan.Period{Start: sd("2025-03-10"), End: sd("2025-03-31")}, ReportedAt: at("2025-01-15", "10:00")}}
	s.Children[0].Ledger = absence.Ledger{Year: 2025, Entitlement: decimalOf("30"), Used: decimal.Zero}
	inv, err = Build(s)
	if err != nil {
		t.Fatal(err)
	}
	r, err = AttendanceReport(inv.Month, []Invoice{inv})
	if err != nil {
		t.Fatal(err)
	}
	// 10–31 March: Mondays 10, 17, 24, 31 and Fridays 14, 21, 28 (third
	// days), Wednesdays 12, 19, 26 (full days).
	want = []ReportChild{{Code: "K-077", AfterSchool: true, Justified: Bucket{Min3u: 7, Min11u: 3}}}
	if diff := cmp.Diff(want, r.Children); diff != "" {
		t.Errorf("a school-age child without care (-want +got):\n%s", diff)
	}
	// Noor, a toddler: no "bo" flag.
	r, _ = AttendanceReport(plan.MustMonth(2025, time.March), []Invoice{mustBuild(t, "full_time_toddler")})
	if len(r.Children) != 1 || r.Children[0].AfterSchool {
		t.Errorf("a toddler: %+v", r.Children)
	}
	// The same invoice twice counts each day twice: an error.
	if _, err := AttendanceReport(inv.Month, []Invoice{inv, inv}); err == nil {
		t.Error("an invoice given twice")
	}
}
