package invoice

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/kinderopvang/regels/absence"
	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
	"github.com/shopspring/decimal"
)

// linesOfKind returns the lines of one kind, in invoice order.
func linesOfKind(inv Invoice, kind LineKind) []Line {
	var out []Line
	for _, l := range inv.Lines {
		if l.Kind == kind {
			out = append(out, l)
		}
	}
	return out
}

// dates is a list of days for comparisons.
func dates(ss ...string) []plan.Date {
	out := make([]plan.Date, len(ss))
	for i, s := range ss {
		out[i] = sd(s)
	}
	return out
}

// Seed 004 §3.5.1: "€4 per begonnen half uur voor opvang na de uren zoals
// overeengekomen in het opvangplan, zonder akkoord van de onthaalouder".
// Noor's plan ends at 17:15 on Tuesday 4 March 2025. A started half hour is
// started by its first second: 17:15:00 is on time, 17:15:01 starts the
// first half hour, 17:45:00 ends it exactly, 17:45:01 starts the second.
func TestLatePickupStartedHalfHours(t *testing.T) {
	for _, tc := range []struct {
		out       string // check-out on 4 March, hh:mm:ss
		halfHours int64
	}{
		{"17:00:00", 0},
		{"17:15:00", 0},
		{"17:15:01", 1},
		{"17:30:00", 1},
		{"17:45:00", 1},
		{"17:45:01", 2},
		{"18:15:00", 2},
		{"18:15:01", 3},
	} {
		c := baseCase()
		in := at("2025-03-04", "07:45")
		out, err := time.ParseInLocation("2006-01-02 15:04:05", "2025-03-04 "+tc.out, plan.Brussels())
		if err != nil {
			t.Fatal(err)
		}
		c.Children[0].Sessions = []plan.Session{{In: in, Out: out}}
		inv, err := Build(c)
		if err != nil {
			t.Fatalf("%s: %v", tc.out, err)
		}
		ls := linesOfKind(inv, LineLatePickup)
		if tc.halfHours == 0 {
			if len(ls) != 0 {
				t.Errorf("check-out %s: late pick-up %+v, want none", tc.out, ls)
			}
			continue
		}
		want, _ := tariff.MustMoney("4.00").TimesInt(tc.halfHours)
		if len(ls) != 1 || !ls[0].Count.Equal(decimal.NewFromInt(tc.halfHours)) || ls[0].UnitPrice != tariff.MustMoney("4.00") ||
			ls[0].Amount != want || !cmp.Equal(ls[0].Dates, dates("2025-03-04")) || ls[0].Child != "K-118" {
			t.Errorf("check-out %s: late pick-up %+v, want %d × 4.00 = %s on 4 March", tc.out, ls, tc.halfHours, want)
		}
	}
}

// The late pick-up is counted from the end of the day's last reserved slot
// (seed 004 §3.5.1, "na de uren zoals overeengekomen in het opvangplan"),
// whatever the order of the slots; a day outside the plan has no agreed
// hours, and a day with the caregiver's agreement costs nothing.
func TestLatePickupAgreedHours(t *testing.T) {
	c := baseCase()
	ch := &c.Children[0]
	// Monday: 07:30–08:20 and 15:45–16:45, the afternoon listed first.
	ch.Plans[0].Schedule.Weeks[0].Monday = []plan.Slot{{Start: plan.MustClock("15:45"), End: plan.MustClock("16:45")}, {Start: plan.MustClock("07:30"), End: plan.MustClock("08:20")}}
	ch.Sessions = []plan.Session{
		// Monday 10 March: picked up at 16:50, 5 minutes after 16:45: one
		// started half hour.
		{In: at("2025-03-10", "07:30"), Out: at("2025-03-10", "08:20")}, {In: at("2025-03-10", "15:45"), Out: at("2025-03-10", "16:50")},
		// Wednesday 12 March is not reserved: no agreed hours, no late pick-up.
		{In: at("2025-03-12", "07:45"), Out: at("2025-03-12", "19:00")},
		// Thursday 13 March: 18:20 with the caregiver's agreement.
		{In: at("2025-03-13", "07:45"), Out: at("2025-03-13", "18:20")},
		// Tuesday 18 March: 17:50, 35 minutes late: 2 started half hours.
		{In: at("2025-03-18", "07:45"), Out: at("2025-03-18", "17:50")},
	}
	ch.AgreedLatePickup = dates("2025-03-13")
	inv, err := Build(c)
	if err != nil {
		t.Fatal(err)
	}
	ls := linesOfKind(inv, LineLatePickup)
	if len(ls) != 1 || !ls[0].Count.Equal(decimal.NewFromInt(3)) || ls[0].Amount != tariff.MustMoney("12.00") ||
		!cmp.Equal(ls[0].Dates, dates("2025-03-10", "2025-03-18")) {
		t.Errorf("late pick-up %+v, want 1 + 2 half hours = 12.00 on 10 and 18 March", ls)
	}
	// Without a late pick-up price, no line at all.
	c.Rules.LatePickupPerHalfHour = nil
	inv, err = Build(c)
	if err != nil {
		t.Fatal(err)
	}
	if ls := linesOfKind(inv, LineLatePickup); len(ls) != 0 {
		t.Errorf("no late pick-up price: %+v", ls)
	}
}

// Seed 004 §3.5.1: "€0,13 per hele aanwezigheidsdag en €0,07 per halve of
// derde aanwezigheidsdag als bijdrage in de kosten voor afvalverwerking".
// A day of 11 hours or more is a whole day too. Noor (a toddler): Monday 3
// March 9 hours (full), Tuesday 4 March 4 hours (half), Thursday 6 March
// 11 hours (flex, 160 % under these house rules, agreed late pick-up).
func TestWasteByBand(t *testing.T) {
	c := baseCase()
	ch := &c.Children[0]
	ch.Sessions = []plan.Session{
		{In: at("2025-03-03", "08:00"), Out: at("2025-03-03", "17:00")},
		{In: at("2025-03-04", "08:00"), Out: at("2025-03-04", "12:00")},
		{In: at("2025-03-06", "07:00"), Out: at("2025-03-06", "18:00")},
	}
	ch.AgreedLatePickup = dates("2025-03-06")
	inv, err := Build(c)
	if err != nil {
		t.Fatal(err)
	}
	full, part := linesOfKind(inv, LineWasteFull), linesOfKind(inv, LineWastePart)
	if len(full) != 1 || full[0].UnitPrice != tariff.MustMoney("0.13") || full[0].Amount != tariff.MustMoney("0.26") ||
		!cmp.Equal(full[0].Dates, dates("2025-03-03", "2025-03-06")) {
		t.Errorf("waste of whole days %+v, want 2 × 0.13 on 3 and 6 March", full)
	}
	if len(part) != 1 || part[0].UnitPrice != tariff.MustMoney("0.07") || part[0].Amount != tariff.MustMoney("0.07") ||
		!cmp.Equal(part[0].Dates, dates("2025-03-04")) {
		t.Errorf("waste of half days %+v, want 1 × 0.07 on 4 March", part)
	}
	// Seed 004 §3.3: under 5 hours 60 %, 5 to under 11 hours 100 %, more
	// than 11 hours 160 % of 24.10: 14.46, 24.10, 38.56.
	want := map[string]string{"half": "14.46", "full": "24.10", "flex": "38.56"}
	for _, l := range linesOfKind(inv, LineCare) {
		if w, ok := want[l.Band]; !ok || l.UnitPrice != tariff.MustMoney(w) || !l.Count.Equal(decimal.NewFromInt(1)) {
			t.Errorf("care line %s %s × %s, want 1 × %s", l.Band, l.Count, l.UnitPrice, w)
		}
		delete(want, l.Band)
	}
	if len(want) != 0 {
		t.Errorf("care lines missing: %v", want)
	}
}

// Seed 004 §3.5.1: "€3,5 per maand per gezin waarin opvang plaats vond".
// A month in which no care took place has no administration cost, even
// when it bills absences; a month with care has it once per family, as a
// family line, however many children had care.
func TestAdminPerFamilyMonthWithCare(t *testing.T) {
	absentAll := func(used string) Case {
		c := baseCase()
		ch := &c.Children[0]
		ch.Ledger = absence.Ledger{Year: 2025, Entitlement: decimalOf("10"), Used: decimalOf(used)}
		// All of March, announced in January: 4 weeks ahead, in time.
		ch.Absences = []absence.Absence{{Period: plan.Period{Start: sd("2025-03-01"), End: sd("2025-03-31")}, ReportedAt: at("2025-01-15", "10:00")}}
		return c
	}
	// 10 justified days left for March's 13 reserved days (Monday, Tuesday
	// and Thursday): 3 unjustified at the tariff, 3 × 24.10 = 72.30.
	inv, err := Build(absentAll("0"))
	if err != nil {
		t.Fatal(err)
	}
	if ls := linesOfKind(inv, LineAdmin); len(ls) != 0 {
		t.Errorf("a month without care: administration %+v", ls)
	}
	if n, a := linesOf(inv, LineUnjustified); !n.Equal(decimal.NewFromInt(3)) || a != tariff.MustMoney("72.30") || inv.Total != a {
		t.Errorf("unjustified %s days, %s, total %s; want 3 days, 72.30, total 72.30", n, a, inv.Total)
	}
	// No justified day left: all 13 unjustified, still no administration.
	inv, err = Build(absentAll("10"))
	if err != nil {
		t.Fatal(err)
	}
	if ls := linesOfKind(inv, LineAdmin); len(ls) != 0 || inv.Total != tariff.MustMoney("313.30") {
		t.Errorf("13 unjustified days: administration %+v, total %s; want none, 13 × 24.10 = 313.30", ls, inv.Total)
	}
	// One day of care in the month is enough.
	c := absentAll("0")
	c.Children[0].Absences[0].Period.Start = sd("2025-03-04")
	c.Children[0].Sessions = []plan.Session{{In: at("2025-03-03", "08:00"), Out: at("2025-03-03", "16:00")}}
	inv, err = Build(c)
	if err != nil {
		t.Fatal(err)
	}
	if ls := linesOfKind(inv, LineAdmin); len(ls) != 1 || ls[0].Amount != tariff.MustMoney("3.50") || ls[0].Child != "" || !ls[0].Count.Equal(decimal.NewFromInt(1)) {
		t.Errorf("one day of care: administration %+v, want one family line of 3.50", ls)
	}
	// Two children with care: one administration line (the sample case,
	// Noor and Lars in May 2025).
	inv, err = Build(SampleCase())
	if err != nil {
		t.Fatal(err)
	}
	if ls := linesOfKind(inv, LineAdmin); len(ls) != 1 || ls[0].Amount != tariff.MustMoney("3.50") || ls[0].Child != "" {
		t.Errorf("two children: administration %+v, want one family line of 3.50", ls)
	}
	if last := inv.Lines[len(inv.Lines)-1]; last.Kind != LineAdmin {
		t.Errorf("the family line comes last, after the children's: %s", last.Kind)
	}
	// Two children, only the second with care: the family still had care.
	c = SampleCase()
	c.Children[0].Sessions = nil
	c.Children[0].Absences = []absence.Absence{{Period: plan.Period{Start: sd("2025-05-01"), End: sd("2025-05-31")}, ReportedAt: at("2025-03-15", "10:00")}}
	inv, err = Build(c)
	if err != nil {
		t.Fatal(err)
	}
	if ls := linesOfKind(inv, LineAdmin); len(ls) != 1 {
		t.Errorf("the second child's care: administration %+v, want one line", ls)
	}
}

// Seed 004 §3.5.1: "€3 voor een warme maaltijd van je kind ouder dan 3,5
// jaar of dat voltijds naar school gaat"; §2.1.2: the third day of a
// school-age child includes no hot meal, "hiervoor wordt een supplement van
// €3 aangerekend ongeacht de verblijfsduur". A toddler's meals are in the
// price of its day. A meal is served on a day of care: one listed on a day
// without care is an error, never a line.
func TestHotMeals(t *testing.T) {
	// Lars (school-age): Monday 10 March 2025, two short moments (a third
	// day), and Wednesday 12 March, an afternoon (a full day): 2 × 3.00.
	c := afterSchool().Case
	c.Children[0].HotMeals = dates("2025-03-10", "2025-03-12")
	inv, err := Build(c)
	if err != nil {
		t.Fatal(err)
	}
	ls := linesOfKind(inv, LineHotMeal)
	if len(ls) != 1 || !ls[0].Count.Equal(decimal.NewFromInt(2)) || ls[0].UnitPrice != tariff.MustMoney("3.00") || ls[0].Amount != tariff.MustMoney("6.00") ||
		!cmp.Equal(ls[0].Dates, dates("2025-03-10", "2025-03-12")) || ls[0].Deductible {
		t.Errorf("hot meals %+v, want 2 × 3.00 on 10 and 12 March, not deductible", ls)
	}
	// Tuesday 11 March: no care that day.
	c.Children[0].HotMeals = dates("2025-03-12", "2025-03-11")
	if _, err := Build(c); !hasField(err, "children[0].hot_meals[1]") {
		t.Errorf("a hot meal on a day without care: %v", err)
	}
	// A reserved day not attended is no day of care either: Friday 14 March.
	c = afterSchool().Case
	c.Children[0].Sessions = dropSessions(c.Children[0].Sessions, sd("2025-03-14"))
	c.Children[0].HotMeals = dates("2025-03-14")
	if _, err := Build(c); !hasField(err, "children[0].hot_meals[0]") {
		t.Errorf("a hot meal on a reserved day without care: %v", err)
	}
	// Noor, a toddler: the meal is in the price of her day.
	c = baseCase()
	attend(&c, 0, "07:45", "17:00")
	c.Children[0].HotMeals = dates("2025-03-03", "2025-03-04")
	inv, err = Build(c)
	if err != nil {
		t.Fatal(err)
	}
	if ls := linesOfKind(inv, LineHotMeal); len(ls) != 0 {
		t.Errorf("a toddler's hot meals: %+v", ls)
	}
	// A child born 13 September 2021 is 3.5 years old (42 months) on
	// Thursday 13 March 2025 (tariff.Child.SchoolAgeFrom: from the day it
	// turns 3.5): the meal of Tuesday 11 March is included, that of the 13th
	// costs 3.00; its days of care are priced in two groups.
	c = baseCase()
	c.Children[0].Child.Birth = sd("2021-09-13")
	attend(&c, 0, "07:45", "17:00")
	c.Children[0].HotMeals = dates("2025-03-11", "2025-03-13")
	inv, err = Build(c)
	if err != nil {
		t.Fatal(err)
	}
	if ls := linesOfKind(inv, LineHotMeal); len(ls) != 1 || !cmp.Equal(ls[0].Dates, dates("2025-03-13")) || ls[0].Amount != tariff.MustMoney("3.00") {
		t.Errorf("hot meals around the 3.5th birthday: %+v, want 3.00 on 13 March only", ls)
	}
	groups := map[string][]plan.Date{}
	for _, l := range linesOfKind(inv, LineCare) {
		groups[l.Group] = append(groups[l.Group], l.Dates...)
	}
	wantGroups := map[string][]plan.Date{
		string(tariff.BabyToddler): dates("2025-03-03", "2025-03-04", "2025-03-06", "2025-03-10", "2025-03-11"),
		string(tariff.SchoolAge):   dates("2025-03-13", "2025-03-17", "2025-03-18", "2025-03-20", "2025-03-24", "2025-03-25", "2025-03-27", "2025-03-31"),
	}
	if diff := cmp.Diff(wantGroups, groups); diff != "" {
		t.Errorf("care by group around the 3.5th birthday (-want +got):\n%s", diff)
	}
}

// A hot meal's price is a dated history like every extra cost (seed 004
// §3.5.1: "Deze bedragen kunnen aangepast worden aan de levensduurte"):
// 3.00, then 3.25 from 17 March 2025. Lars's meals of Wednesdays 12, 19 and
// 26 March, listed out of order, are one line per price, in the invoice's
// order of their first day. Without any hot-meal price a school-age meal
// is an error (never a free meal by accident); a toddler's meal needs
// none, being in the price of the day.
func TestHotMealPrices(t *testing.T) {
	c := afterSchool().Case
	c.Rules.HotMeal = Prices{{From: sd("2025-03-17"), Amount: tariff.MustMoney("3.25")}, {Amount: tariff.MustMoney("3.00")}}
	c.Children[0].HotMeals = dates("2025-03-26", "2025-03-12", "2025-03-19")
	inv, err := Build(c)
	if err != nil {
		t.Fatal(err)
	}
	ls := linesOfKind(inv, LineHotMeal)
	if len(ls) != 2 || ls[0].UnitPrice != tariff.MustMoney("3.00") || !cmp.Equal(ls[0].Dates, dates("2025-03-12")) ||
		ls[1].UnitPrice != tariff.MustMoney("3.25") || ls[1].Amount != tariff.MustMoney("6.50") ||
		!cmp.Equal(sortedDates(ls[1].Dates), dates("2025-03-19", "2025-03-26")) {
		t.Errorf("hot meals %+v, want 3.00 on 12 March, then 2 × 3.25", ls)
	}
	c.Rules.HotMeal = nil
	if _, err := Build(c); !errors.Is(err, plan.CodeMissing) {
		t.Errorf("a school-age meal without a price: %v", err)
	}
	b := baseCase()
	attend(&b, 0, "07:45", "17:00")
	b.Children[0].HotMeals = dates("2025-03-03")
	b.Rules.HotMeal = nil
	if inv, err := Build(b); err != nil || len(linesOfKind(inv, LineHotMeal)) != 0 {
		t.Errorf("a toddler's meal without a price: %v", err)
	}
}

func sortedDates(ds []plan.Date) []plan.Date {
	out := slices.Clone(ds)
	slices.SortFunc(out, plan.Date.Compare)
	return out
}
