package tariff

import (
	"errors"
	"testing"

	"github.com/kinderopvang/regels/plan"
	"github.com/shopspring/decimal"
	"pgregory.net/rapid"
)

// An example price list of a seed-000 style after-school organiser (its own
// prices, not a law): per day part — under 3 h, 3 h to 6 h, 6 h or more —
// capped, a social list at half, 25 % off for a brother or sister (Kind en
// Gezin's school-age page names capped prices per day part and a sibling
// discount; the figures are the organiser's).
func exampleList() PriceList {
	return PriceList{
		Versions:        []ListPrices{{DayParts: []DayPart{{1, MustMoney("4.00")}, {180, MustMoney("7.50")}, {360, MustMoney("12.00")}}, DailyCap: MustMoney("12.00")}},
		Social:          []ListPrices{{DayParts: []DayPart{{1, MustMoney("2.00")}, {180, MustMoney("3.75")}, {360, MustMoney("6.00")}}}},
		SiblingDiscount: decimal.RequireFromString("0.25"),
		Source:          "example price list of a municipal after-school organiser (seed 000 style)",
	}
}

func TestPriceList(t *testing.T) {
	l := exampleList()
	if err := (Pricing{Model: PricingPriceList, PriceList: &l}).Validate(); err != nil {
		t.Fatal(err)
	}
	v, err := l.On(plan.MustParseDate("2026-03-10"), false)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		minutes int
		want    string
	}{{0, "0.00"}, {1, "4.00"}, {179, "4.00"}, {180, "7.50"}, {359, "7.50"}, {360, "12.00"}, {700, "12.00"}} {
		if got, err := v.Price(tt.minutes); err != nil || got.String() != tt.want {
			t.Errorf("%d minutes: %s, %v; want %s", tt.minutes, got, err, tt.want)
		}
	}
	// Per started half hour at 1.10, capped at 8.00 a day.
	unit := ListPrices{PerUnit: MustMoney("1.10"), UnitMinutes: 30, DailyCap: MustMoney("8.00")}
	for _, tt := range []struct {
		minutes int
		want    string
	}{{1, "1.10"}, {30, "1.10"}, {31, "2.20"}, {210, "7.70"}, {211, "8.00"}, {600, "8.00"}} {
		if got, _ := unit.Price(tt.minutes); got.String() != tt.want {
			t.Errorf("per unit, %d minutes: %s, want %s", tt.minutes, got, tt.want)
		}
	}
	if s, err := l.On(plan.MustParseDate("2026-03-10"), true); err != nil || s.DayParts[0].Price.String() != "2.00" {
		t.Errorf("social list: %+v, %v", s, err)
	}
	if _, err := (PriceList{Versions: l.Versions, Source: "x"}).On(plan.MustParseDate("2026-03-10"), true); !errors.Is(err, plan.CodeMissing) {
		t.Errorf("no social list: %v", err)
	}
}

// Every problem of a price list at once, with its field.
func TestPriceListValidate(t *testing.T) {
	bad := PriceList{
		Versions: []ListPrices{
			{PerUnit: MustMoney("1.10"), UnitMinutes: 30, DayParts: []DayPart{{1, MustMoney("1.00")}}}, // both
			{}, // neither
			{DayParts: []DayPart{{5, MustMoney("1.00")}, {5, MustMoney("2.00")}, {100, MustMoney("1.50")}}}, // from 5, not ascending, cheaper
			{PerUnit: MustMoney("-1.00"), UnitMinutes: 0, DailyCap: MustMoney("0.50")},                      // negative, no unit, cap below
		},
		SiblingDiscount: decimal.RequireFromString("1.5"),
	}
	want := []string{"versions[0]", "versions[1]", "versions[2].day_parts[0].from_minutes", "versions[2].day_parts[1].from_minutes",
		"versions[2].day_parts[2].price", "versions[3].per_unit", "versions[3].unit_minutes", "sibling_discount", "source"}
	got := map[string]bool{}
	for _, p := range plan.AsProblems(bad.Validate()) {
		got[p.Field] = true
	}
	for _, f := range want {
		if !got[f] {
			t.Errorf("no problem at %s; got %v", f, got)
		}
	}
	if err := (Pricing{Model: "per_minute"}).Validate(); err == nil {
		t.Error("an unknown model")
	}
	if err := (Pricing{Model: PricingProRata}).Validate(); !errors.Is(err, plan.CodeMissing) {
		t.Errorf("pro rata without its counting: %v", err)
	}
}

// Seed 004 §3.3, read pro rata: 50 minutes of short moments, counted per
// started quarter hour (60 minutes), of a tariff of 24.10 for 180 minutes
// is 24.10 × 60 ÷ 180 = 8.03; never above the band price of the same
// minutes (a third day, 40 % = 9.64).
func TestProRata(t *testing.T) {
	r := ProRata{ShortMinutes: 60, Unit: PerStartedQuarter, ReferenceMinutes: 180, Source: "house rules of an organiser reading seed 004 §3.3 pro rata"}
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
	band, _ := Price(decimal.RequireFromString("0.4"), MustTariff("24.10"))
	for _, tt := range []struct {
		minutes int
		want    string
	}{{50, "8.03"}, {45, "6.03"}, {1, "2.01"}, {100, "9.64"}} { // 100 → 105 counted → 14.06, capped at 9.64
		if got, err := r.Price(tt.minutes, MustTariff("24.10"), band); err != nil || got.String() != tt.want {
			t.Errorf("%d minutes: %s, %v; want %s", tt.minutes, got, err, tt.want)
		}
	}
	if got := (ProRata{Unit: PerStartedHalf}).Counted(31); got != 60 {
		t.Errorf("31 minutes per started half hour: %d", got)
	}
	if err := (ProRata{Unit: "hour"}).Validate(); len(plan.AsProblems(err)) != 4 {
		t.Errorf("every problem at once: %v", err)
	}
}

// A price never drops as the minutes grow; the pro rata never exceeds the
// band price and never drops as the minutes grow.
func TestPricingMonotone(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a := rapid.IntRange(0, 25*60).Draw(t, "a")
		b := rapid.IntRange(a, 25*60).Draw(t, "b")
		for _, v := range []ListPrices{exampleList().Versions[0], {PerUnit: Cents(rapid.Int64Range(1, 500).Draw(t, "unit")), UnitMinutes: rapid.IntRange(1, 120).Draw(t, "unit_minutes")}} {
			pa, err1 := v.Price(a)
			pb, err2 := v.Price(b)
			if err1 != nil || err2 != nil || pa.Cmp(pb) > 0 {
				t.Fatalf("%d minutes cost %s, %d minutes %s (%v %v)", a, pa, b, pb, err1, err2)
			}
		}
		r := ProRata{ShortMinutes: 60, Unit: rapid.SampledFrom([]CountingUnit{PerMinute, PerStartedQuarter, PerStartedHalf}).Draw(t, "unit"),
			ReferenceMinutes: rapid.IntRange(1, 600).Draw(t, "reference"), Source: "x"}
		tr := genTariff().Draw(t, "tariff")
		band, _ := Price(decimal.RequireFromString("0.4"), tr)
		pa, _ := r.Price(a, tr, band)
		pb, _ := r.Price(b, tr, band)
		if pa.Cmp(pb) > 0 || pb.Cmp(band) > 0 {
			t.Fatalf("pro rata %s for %d, %s for %d minutes, band %s", pa, a, pb, b, band)
		}
	})
}
