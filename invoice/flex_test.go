package invoice

import (
	"testing"

	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
	"github.com/shopspring/decimal"
)

// Seed 004 §3.3 prices "opvang meer dan 11u" at 160 % with no condition of
// a flex permission, and its house rules set the knob: an 11-hour-15 day
// at a location without that permission is billed at 160 % (38.56 of
// 24.10). The attendance report registers it as min11u all the same
// (FO-SU-05.xsd: min11uFlex only with permission for flexible care).
// Without the knob the band stops at a full day.
func TestElevenHoursWithoutFlexPermission(t *testing.T) {
	c := monFriCase()
	c.Children[0].Attests.Attests[0].Daily = tariff.MustTariff("24.10")
	attend(&c, 0, "07:45", "17:00", "2025-04-08")
	c.Children[0].Sessions = append(c.Children[0].Sessions, plan.Session{In: at("2025-04-08", "07:00"), Out: at("2025-04-08", "18:15")})
	c.Children[0].AgreedLatePickup = []plan.Date{sd("2025-04-08")}
	inv, err := Build(c)
	if err != nil {
		t.Fatal(err)
	}
	var flexLine *Line
	for i, l := range inv.Lines {
		if l.Kind == LineCare && l.Band == string(tariff.BandFlex) {
			flexLine = &inv.Lines[i]
		}
	}
	if flexLine == nil || flexLine.UnitPrice != tariff.MustMoney("38.56") || !flexLine.Count.Equal(decimal.NewFromInt(1)) {
		t.Fatalf("the 11-hour day: %+v", flexLine)
	}
	r, err := AttendanceReport(inv.Month, []Invoice{inv})
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Children[0].Present; got.Min11uFlex != 0 || got.Min11u != 21 {
		t.Errorf("report %+v: the 11-hour day is min11u at a location without flex permission", got)
	}
	c.Rules.Bands.FlexWithoutPermission = false
	inv, err = Build(c)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range inv.Lines {
		if l.Kind == LineCare && l.Band == string(tariff.BandFlex) {
			t.Errorf("without the knob the band stops at full: %+v", l)
		}
	}
	if inv.Children[0].UnbilledOverMinutes != 15 {
		t.Errorf("the 15 minutes past 11 hours are reported: %d", inv.Children[0].UnbilledOverMinutes)
	}
}
