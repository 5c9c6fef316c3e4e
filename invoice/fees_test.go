package invoice

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kinderopvang/regels/absence"
	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
	"github.com/shopspring/decimal"
)

// Seed 004 §3.4.2: "Voor een niet tijdig meegedeelde afwezigheid betaal je
// een extra kost van 25% van je inkomenstarief, met als minimum de
// minimumbijdrage [...] per gereserveerde dag." The minimum contribution is
// the year's standard minimum (DESIGN §4; 6.47 in the 2025 table). Noor is
// absent on Wednesday 9 April 2025 of her Monday–Friday plan and the
// family phones on Tuesday 8 April: one day ahead, not the 2 days a short
// planned absence needs. The day itself is a justified absence day (18
// left): free, but the late notice costs max(25 % × tariff, 6.47), rounded
// to the cent half away from zero (DESIGN §1).
func TestLateNoticeFeeShareAndFloor(t *testing.T) {
	for _, tc := range []struct {
		daily, fee string
	}{
		{"24.10", "6.47"}, // 6.025 rounds to 6.03, below the minimum
		{"25.84", "6.47"}, // 6.46, below
		{"25.88", "6.47"}, // 6.47: the minimum itself
		{"25.92", "6.48"}, // above the minimum
		{"26.10", "6.53"}, // 6.525: half a cent rounds away from zero, not to even (6.52)
		{"30.10", "7.53"}, // 7.525: idem
		{"35.89", "8.97"}, // the 2025 maximum: 8.9725
	} {
		c := monFriCase()
		ch := &c.Children[0]
		ch.Attests.Attests[0].Daily = tariff.MustTariff(tc.daily)
		attend(&c, 0, "07:45", "17:00", "2025-04-09")
		ch.Absences = []absence.Absence{{Period: plan.Period{Start: sd("2025-04-09"), End: sd("2025-04-09")}, ReportedAt: at("2025-04-08", "08:00")}}
		inv, err := Build(c)
		if err != nil {
			t.Fatalf("tariff %s: %v", tc.daily, err)
		}
		ls := linesOfKind(inv, LineLateNotice)
		if len(ls) != 1 || ls[0].UnitPrice != tariff.MustMoney(tc.fee) || !ls[0].Count.Equal(decimal.NewFromInt(1)) ||
			!cmp.Equal(ls[0].Dates, dates("2025-04-09")) || ls[0].Deductible {
			t.Errorf("tariff %s: late notice %+v, want 1 × %s on 9 April", tc.daily, ls, tc.fee)
		}
		if n, _ := linesOf(inv, LineUnjustified); !n.IsZero() {
			t.Errorf("tariff %s: %s unjustified days, want none (18 justified days left)", tc.daily, n)
		}
		if used := inv.Children[0].Respijt.UsedMonth; !used.Equal(decimal.NewFromInt(1)) {
			t.Errorf("tariff %s: %s justified days used, want 1", tc.daily, used)
		}
	}
	// Phoned on Monday 7 April, two days ahead: in time, no fee.
	c := monFriCase()
	attend(&c, 0, "07:45", "17:00", "2025-04-09")
	c.Children[0].Absences = []absence.Absence{{Period: plan.Period{Start: sd("2025-04-09"), End: sd("2025-04-09")}, ReportedAt: at("2025-04-07", "20:00")}}
	inv, err := Build(c)
	if err != nil {
		t.Fatal(err)
	}
	if ls := linesOfKind(inv, LineLateNotice); len(ls) != 0 {
		t.Errorf("reported two days ahead: %+v", ls)
	}
	// Never reported: the fee as well.
	c.Children[0].Absences = nil
	inv, err = Build(c)
	if err != nil {
		t.Fatal(err)
	}
	if ls := linesOfKind(inv, LineLateNotice); len(ls) != 1 || ls[0].Amount != tariff.MustMoney("7.53") {
		t.Errorf("never reported: %+v, want 7.53", ls)
	}
}

// Seed 004 §6.2.1: "Zeg je de opvang niet op tijd op [...] Dan betaal je een
// opzegvergoeding van 25% van je inkomenstarief voor 2 maanden, met als
// minimum de minimumbijdrage [...], voor de gereserveerde dagen." Notice on
// 10 March 2025 for 31 March: the 2-month term runs to 9 May; the reserved
// days of 1 April–9 May are 15 (Monday, Tuesday, Thursday, less Easter
// Monday and 1 May). With the floor: 15 × 6.47 = 97.05. An organiser
// without the floor charges 25 % of 24.10 = 6.025, rounded half away from
// zero to 6.03: 15 × 6.03 = 90.45 (half to even would give 6.02). The
// organiser owes the same compensation when it does not respect its own
// term (DESIGN §5): a negative line.
func TestNoticeFeeShareFloorAndParty(t *testing.T) {
	for _, tc := range []struct {
		name       string
		by         plan.Party
		floor      bool
		unit, line string
	}{
		{"family, floor", plan.Family, true, "6.47", "97.05"},
		{"family, no floor", plan.Family, false, "6.03", "90.45"},
		{"organiser, floor", plan.Organiser, true, "-6.47", "-97.05"},
	} {
		c := noticeNotRespected().Case
		c.Rules.NoticeFeeFloor = tc.floor
		c.Children[0].Notice.By = tc.by
		inv, err := Build(c)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		ls := linesOfKind(inv, LineNoticeFee)
		if len(ls) != 1 || ls[0].UnitPrice != tariff.MustMoney(tc.unit) || !ls[0].Count.Equal(decimal.NewFromInt(15)) || ls[0].Amount != tariff.MustMoney(tc.line) ||
			ls[0].Dates[0] != sd("2025-04-01") || ls[0].Dates[14] != sd("2025-05-08") || ls[0].Tariff != "24.10" {
			t.Errorf("%s: notice fee %+v, want 15 × %s = %s from 1 April to 8 May", tc.name, ls, tc.unit, tc.line)
		}
		// 13 days of care in March, their waste and the administration.
		total, _ := tariff.MustMoney("318.49").Add(tariff.MustMoney(tc.line))
		if inv.Total != total {
			t.Errorf("%s: total %s, want 313.30 + 1.69 + 3.50 + %s = %s", tc.name, inv.Total, tc.line, total)
		}
	}
	// A notice that respects the 2 months: no fee. Given on 10 January for
	// 31 March, the term ran to 9 March.
	c := noticeNotRespected().Case
	c.Children[0].Notice.Given = sd("2025-01-10")
	inv, err := Build(c)
	if err != nil {
		t.Fatal(err)
	}
	if ls := linesOfKind(inv, LineNoticeFee); len(ls) != 0 || inv.Children[0].Notice == nil || !inv.Children[0].Notice.Respected {
		t.Errorf("a respected notice: %+v, %+v", ls, inv.Children[0].Notice)
	}
	// The month before the last day of care has no fee yet: February.
	c = noticeNotRespected().Case
	c.Month, c.InvoiceDate = plan.MustMonth(2025, 2), sd("2025-03-03")
	c.Children[0].Sessions = nil
	attend(&c, 0, "07:45", "17:00")
	c.Children[0].Notice.Given = sd("2025-02-10")
	inv, err = Build(c)
	if err != nil {
		t.Fatal(err)
	}
	if ls := linesOfKind(inv, LineNoticeFee); len(ls) != 0 || inv.Children[0].Notice != nil {
		t.Errorf("February, before the last day of care: %+v, %+v", ls, inv.Children[0].Notice)
	}
}

// The 160 % band (seed 004 §3.3 "voor opvang meer dan 11u: 160% van het
// tarief"; DESIGN §1: "exactly 11h00 is flex", Opgroeien registration
// "Flex >= 11u") at a location with permission for flexible care, under the
// statutory classifier: 11 hours is 160 % of 24.10 = 38.56, 10 hours 59 is
// a full day, 24.10. At a location without the permission and without the
// house rules' knob the band stops at a full day.
func TestFlexShareAtFlexLocation(t *testing.T) {
	for _, tc := range []struct {
		name      string
		flex      bool
		out       string
		band      tariff.Band
		unit      string
		overMins  int
		daily     string
		flexPrice string
	}{
		{"flex location, 11h00", true, "18:00", tariff.BandFlex, "38.56", 0, "24.10", ""},
		{"flex location, 10h59", true, "17:59", tariff.BandFull, "24.10", 0, "24.10", ""},
		{"flex location, 11h00 at 30.10", true, "18:00", tariff.BandFlex, "48.16", 0, "30.10", ""},
		{"no permission, 11h20", false, "18:20", tariff.BandFull, "24.10", 20, "24.10", ""},
	} {
		c := baseCase()
		ch := &c.Children[0]
		ch.Location.Flex = tc.flex
		ch.Attests.Attests[0].Daily = tariff.MustTariff(tc.daily)
		c.Rules.Bands = tariff.StatutoryClassifier()
		ch.Sessions = []plan.Session{{In: at("2025-03-04", "07:00"), Out: at("2025-03-04", tc.out)}}
		ch.AgreedLatePickup = dates("2025-03-04")
		inv, err := Build(c)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		ls := linesOfKind(inv, LineCare)
		if len(ls) != 1 || ls[0].Band != string(tc.band) || ls[0].UnitPrice != tariff.MustMoney(tc.unit) || !ls[0].Deductible {
			t.Errorf("%s: care %+v, want one %s day at %s", tc.name, ls, tc.band, tc.unit)
		}
		if got := inv.Children[0].UnbilledOverMinutes; got != tc.overMins {
			t.Errorf("%s: %d minutes past 11 hours unbilled, want %d", tc.name, got, tc.overMins)
		}
	}
}

// DESIGN §1: "Invoice lines multiply a count by a unit price; the total is
// the sum of the rounded lines, never re-rounded", rounded half away from
// zero. Two trips of 7.25 and 3.25 km at 0.41 a km are one line of 10.5 km:
// 4.305, rounded to 4.31 (to even it would be 4.30; each trip rounded
// apart, 2.97 + 1.33 = 4.30). An administration price of 3.505 is billed
// 3.51.
func TestLineRoundingHalfAwayFromZero(t *testing.T) {
	c := baseCase()
	attend(&c, 0, "07:45", "17:00")
	c.Rules.TransportPerKm = Prices{{Amount: tariff.MustMoney("0.41")}}
	c.Rules.AdminPerMonth = Prices{{Amount: tariff.MustMoney("3.505")}}
	c.Children[0].Trips = []Trip{{Date: sd("2025-03-04"), Km: decimalOf("7.25")}, {Date: sd("2025-03-11"), Km: decimalOf("3.25")}}
	inv, err := Build(c)
	if err != nil {
		t.Fatal(err)
	}
	tr := linesOfKind(inv, LineTransport)
	if len(tr) != 1 || !tr[0].Count.Equal(decimalOf("10.5")) || tr[0].Amount != tariff.MustMoney("4.31") || !cmp.Equal(tr[0].Dates, dates("2025-03-04", "2025-03-11")) {
		t.Errorf("transport %+v, want 10.5 km × 0.41 = 4.31", tr)
	}
	ad := linesOfKind(inv, LineAdmin)
	if len(ad) != 1 || ad[0].Amount != tariff.MustMoney("3.51") {
		t.Errorf("administration %+v, want 3.505 billed 3.51", ad)
	}
	// 13 × 24.10 + 13 × 0.13 + 4.31 + 3.51.
	if inv.Total != tariff.MustMoney("322.81") {
		t.Errorf("total %s, want 313.30 + 1.69 + 4.31 + 3.51 = 322.81", inv.Total)
	}
}

// A price history (seed 004 §3.5.1: "Deze bedragen kunnen aangepast worden
// aan de levensduurte"): waste of a full day 0.13 until 16 March 2025 and
// 0.15 from 17 March, a late pick-up of 4.00 then 4.50. Each day takes the
// price in force that day, so one kind of cost gives a line per price.
func TestPriceChangeInMidMonth(t *testing.T) {
	c := baseCase()
	attend(&c, 0, "07:45", "17:00", "2025-03-04", "2025-03-18")
	c.Children[0].Sessions = append(c.Children[0].Sessions,
		plan.Session{In: at("2025-03-04", "07:45"), Out: at("2025-03-04", "17:20")},
		plan.Session{In: at("2025-03-18", "07:45"), Out: at("2025-03-18", "17:20")})
	c.Rules.WasteFullDay = Prices{{Amount: tariff.MustMoney("0.13")}, {From: sd("2025-03-17"), Amount: tariff.MustMoney("0.15")}}
	c.Rules.LatePickupPerHalfHour = Prices{{From: sd("2025-03-17"), Amount: tariff.MustMoney("4.50")}, {Amount: tariff.MustMoney("4.00")}}
	inv, err := Build(c)
	if err != nil {
		t.Fatal(err)
	}
	waste := linesOfKind(inv, LineWasteFull)
	// 3, 4, 6, 10, 11, 13 March before; 17, 18, 20, 24, 25, 27, 31 after.
	if len(waste) != 2 || waste[0].UnitPrice != tariff.MustMoney("0.13") || !waste[0].Count.Equal(decimal.NewFromInt(6)) ||
		waste[1].UnitPrice != tariff.MustMoney("0.15") || !waste[1].Count.Equal(decimal.NewFromInt(7)) || waste[1].Dates[0] != sd("2025-03-17") {
		t.Errorf("waste %+v, want 6 × 0.13 and 7 × 0.15 from 17 March", waste)
	}
	pick := linesOfKind(inv, LineLatePickup)
	if len(pick) != 2 || pick[0].UnitPrice != tariff.MustMoney("4.00") || !cmp.Equal(pick[0].Dates, dates("2025-03-04")) ||
		pick[1].UnitPrice != tariff.MustMoney("4.50") || !cmp.Equal(pick[1].Dates, dates("2025-03-18")) {
		t.Errorf("late pick-up %+v, want 4.00 on 4 March and 4.50 on 18 March", pick)
	}
	// A price that starts after the first day leaves the days before
	// without one: an error for that day, never a guess.
	c.Rules.WasteFullDay = Prices{{From: sd("2025-03-10"), Amount: tariff.MustMoney("0.13")}}
	if _, err := Build(c); err == nil || !hasDate(err, sd("2025-03-03")) {
		t.Errorf("no waste price before 10 March: %v", err)
	}
}

func hasDate(err error, d plan.Date) bool {
	for _, p := range plan.AsProblems(err) {
		if p.Date == d {
			return true
		}
	}
	return false
}
