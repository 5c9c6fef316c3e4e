package tariff

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kinderopvang/regels/plan"
)

// The shares of the statutory table, and what a day of each band costs at
// a tariff of 27.35 (house rules Zorg Leuven §3.3, seed 004: "minder dan
// 3 uur: 40%", "minder dan 5 uur: 60 %", "meer dan 5 uur en minder dan
// 11 uur: 100%", "meer dan 11u: 160% van het tarief").
func TestStatutoryShares(t *testing.T) {
	p := BandPricer{Table: StatutoryBands()}
	tests := []struct {
		band   Band
		share  string
		amount string
	}{
		{BandNone, "0", "0.00"},
		{BandThird, "0.4", "10.94"},
		{BandHalf, "0.6", "16.41"},
		{BandFull, "1", "27.35"},
		{BandFlex, "1.6", "43.76"}, // 160 %: 27.35 × 1.6
	}
	for _, tt := range tests {
		got, err := p.PriceDay(DayCare{Date: d("2026-03-10"), Band: tt.band}, MustTariff("27.35"))
		if err != nil || !got.Share.Equal(dec(tt.share)) || got.Amount.String() != tt.amount || got.Band != tt.band || got.Date != d("2026-03-10") || got.Rule.Source == "" {
			t.Errorf("%s: %+v, %v; want %s × 27.35 = %s", tt.band, got, err, tt.share, tt.amount)
		}
	}
}

// Kind en Gezin's indexation of the attest: new = old × (1 + health
// index), rounded to the cent half away from zero.
func TestIndexKindEnGezinExamples(t *testing.T) {
	tests := []struct {
		name, old, index, want string
	}{
		// Kind en Gezin's indexation of 1 January 2015 (+0.03 %), as
		// organisers passed it on (e.g. Denderkind, 23-12-2014): "Betaal je
		// minder dan 16,67 euro per volle opvangdag, dan verandert je
		// tarief niet. Betaal je 16,67 euro of meer ..., dan verhoogt je
		// tarief met 1 eurocent."
		{"2015: under 16.67 unchanged", "16.66", "0.0003", "16.66"}, // 16.664998
		{"2015: 16.67 gains a cent", "16.67", "0.0003", "16.68"},    // 16.675001
		{"2015: a cent more", "27.50", "0.0003", "27.51"},           // 27.50825
		{"2015: the lowest tariffs unchanged", "1.57", "0.0003", "1.57"},
		// VVSG, "indexering inkomenstarief baby peuter", 30-10-2023: the
		// health index +4 % takes 2023's maximum 33.31 to 34.64 and its
		// standard minimum 6.00 to 6.24.
		{"2024: maximum", "33.31", "0.04", "34.64"}, // 34.6424
		{"2024: standard minimum", "6.00", "0.04", "6.24"},
		// An exact half cent goes up, away from zero, not to the even cent.
		{"a tie goes up", "20.20", "0.025", "20.71"},                // 20.705; half-even gives 20.70
		{"a tie going down", "10.10", "-0.05", "9.60"},              // 9.595
		{"a fall, to the nearest cent", "20.30", "-0.025", "19.79"}, // 19.7925
		{"another tie", "50.00", "0.0213", "51.07"},                 // 51.065; half-even gives 51.06
	}
	for _, tt := range tests {
		got, err := Index(MustTariff(tt.old), dec(tt.index))
		if err != nil || got.String() != tt.want {
			t.Errorf("%s: Index(%s, %s) = %v, %v; want %s", tt.name, tt.old, tt.index, got, err, tt.want)
		}
	}
}

// The social-welfare half: half the computed tariff, at least the standard
// minimum (Kind en Gezin); at the floor itself, the floor.
func TestSocialHalfFloor(t *testing.T) {
	min := MustTariff("6.24") // standard minimum 2024
	tests := []struct{ computed, want string }{
		{"12.48", "6.24"}, // exactly the floor
		{"12.49", "6.25"}, // 6.245 → 6.25
		{"12.47", "6.24"}, // 6.235 → 6.24, the floor
		{"0.01", "6.24"},
		{"0.03", "6.24"},
	}
	for _, tt := range tests {
		if got, err := SocialHalf(MustTariff(tt.computed), min); err != nil || got.String() != tt.want {
			t.Errorf("SocialHalf(%s) = %v, %v; want %s", tt.computed, got, err, tt.want)
		}
	}
	tiny := MustTariff("0.01")
	for _, tt := range []struct{ computed, want string }{{"0.01", "0.01"}, {"0.03", "0.02"}, {"0.05", "0.03"}, {"0.04", "0.02"}} {
		if got, err := SocialHalf(MustTariff(tt.computed), tiny); err != nil || got.String() != tt.want {
			t.Errorf("SocialHalf(%s, floor 0.01) = %v, %v; want %s (half away from zero)", tt.computed, got, err, tt.want)
		}
	}
	if _, err := SocialHalf(MustTariff("20"), Tariff{}); err == nil {
		t.Error("no standard minimum: error expected")
	}
	if _, err := SocialHalf(Tariff{}, min); err == nil {
		t.Error("no computed tariff: error expected")
	}
}

// The late-notice fee of seed 004 §3.4.2 and the notice fee of §6.2.1:
// "25% van je inkomenstarief, met als minimum de minimumbijdrage", and at
// most the maximum tariff (Opgroeien FAQ). Floor and cap are inclusive.
func TestTwentyFivePercentFee(t *testing.T) {
	fee := PercentFee{Percent: dec("0.25"), Floor: MustTariff("6.24"), Cap: MustTariff("34.64"),
		Rule: plan.Rule{ID: "absence.late_notice", Source: "house rules Zorg Leuven §3.4.2 (seed 004)"}}
	tests := []struct {
		tariff, raw, amount string
		floored, capped     bool
	}{
		{"34.64", "8.66", "8.66", false, false},
		{"24.96", "6.24", "6.24", false, false}, // exactly the minimum contribution: not raised
		{"24.95", "6.24", "6.24", false, false}, // 6.2375 rounds to 6.24
		{"24.94", "6.24", "6.24", false, false}, // 6.235 rounds up to 6.24
		{"24.93", "6.23", "6.24", true, false},  // 6.2325 → 6.23, raised to 6.24
		{"10.00", "2.50", "6.24", true, false},
	}
	for _, tt := range tests {
		got, err := fee.Of(MustTariff(tt.tariff))
		want := FeeAmount{Amount: MustMoney(tt.amount), Raw: MustMoney(tt.raw), Floored: tt.floored, Capped: tt.capped, Tariff: MustTariff(tt.tariff), Fee: fee}
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("25 %% of %s (-want +got):\n%s", tt.tariff, diff)
		}
	}
	// An absence charged at the full tariff is capped at the maximum; the
	// maximum itself is not "capped".
	whole := PercentFee{Percent: dec("1"), Cap: MustTariff("34.64")}
	for _, tt := range []struct {
		tariff, amount string
		capped         bool
	}{{"34.64", "34.64", false}, {"34.65", "34.64", true}, {"34.63", "34.63", false}} {
		got, err := whole.Of(MustTariff(tt.tariff))
		if err != nil || got.Amount.String() != tt.amount || got.Capped != tt.capped || got.Floored {
			t.Errorf("100 %% of %s capped at 34.64: %+v, %v", tt.tariff, got, err)
		}
	}
	// Floor equal to the cap is allowed; above it is not.
	if got, err := (PercentFee{Percent: dec("0.25"), Floor: MustTariff("6.24"), Cap: MustTariff("6.24")}).Of(MustTariff("30")); err != nil || got.Amount.String() != "6.24" {
		t.Errorf("floor = cap: %+v, %v", got, err)
	}
	if _, err := (PercentFee{Percent: dec("0.25"), Floor: MustTariff("6.25"), Cap: MustTariff("6.24")}).Of(MustTariff("30")); err == nil {
		t.Error("floor above the cap: error expected")
	}
	if _, err := (PercentFee{Percent: dec("0.25")}).Of(Tariff{}); err == nil {
		t.Error("no tariff: error expected")
	}
}

// Thresholds strictly rise (Opgroeien registration rules 2025, p. 9: each
// band starts where the one below ends, "minder dan 5u" then "5u tot en met
// 10u59"); shares never drop, and may stay equal (an organiser may price
// two bands alike).
func TestBandTableValidateEdges(t *testing.T) {
	equalThresholds := StatutoryBands()
	equalThresholds.SchoolAge = []Threshold{{BandThird, 1}, {BandHalf, 180}, {BandFull, 180}}
	if got := plan.AsProblems(equalThresholds.Validate()); len(got) != 1 || got[0].Field != "school_age[2]" {
		t.Errorf("two bands from 180 minutes: %v", got)
	}
	zeroStart := StatutoryBands()
	zeroStart.BabyToddler = []Threshold{{BandHalf, 0}, {BandFull, 300}}
	if got := plan.AsProblems(zeroStart.Validate()); len(got) != 1 || got[0].Field != "baby_toddler[0]" {
		t.Errorf("a band from 0 minutes (no care is no band): %v", got)
	}
	// Every minute of care falls in a band: the first band starts at 1
	// minute and is not flex.
	lateStart := StatutoryBands()
	lateStart.SchoolAge = []Threshold{{BandThird, 2}, {BandHalf, 180}}
	if got := plan.AsProblems(lateStart.Validate()); len(got) != 1 || got[0].Field != "school_age[0]" {
		t.Errorf("a first band from 2 minutes: %v", got)
	}
	flexFirst := StatutoryBands()
	flexFirst.BabyToddler = []Threshold{{BandFlex, 1}}
	if got := plan.AsProblems(flexFirst.Validate()); len(got) != 1 || got[0].Field != "baby_toddler[0]" {
		t.Errorf("flex as the first band: %v", got)
	}
	equalShares := StatutoryBands()
	equalShares.Shares = []Share{{BandThird, dec("0.6")}, {BandHalf, dec("0.6")}, {BandFull, dec("1")}, {BandFlex, dec("1")}}
	if err := equalShares.Validate(); err != nil {
		t.Errorf("equal shares are allowed: %v", err)
	}
	dropping := StatutoryBands()
	dropping.Shares = []Share{{BandThird, dec("0.6")}, {BandHalf, dec("0.59")}, {BandFull, dec("1")}, {BandFlex, dec("1.6")}}
	if got := plan.AsProblems(dropping.Validate()); len(got) != 1 || got[0].Field != "school_age[1]" {
		t.Errorf("a half day cheaper than a third: %v", got)
	}
	zero := StatutoryBands()
	zero.Shares = []Share{{BandThird, dec("0")}, {BandHalf, dec("0.6")}, {BandFull, dec("1")}, {BandFlex, dec("1.6")}}
	if err := zero.Validate(); err != nil {
		t.Errorf("a free third day is allowed: %v", err)
	}
}

// The table in force on a day, whatever the order of the history.
func TestBandTablesOrder(t *testing.T) {
	later := StatutoryBands()
	later.From = d("2030-01-01")
	middle := StatutoryBands()
	middle.From = d("2028-01-01")
	for _, tables := range []BandTables{{later, StatutoryBands(), middle}, {StatutoryBands(), middle, later}, {middle, later, StatutoryBands()}} {
		for _, tt := range []struct {
			day  string
			want plan.Date
		}{{"2027-12-31", plan.Date{}}, {"2028-01-01", middle.From}, {"2029-12-31", middle.From}, {"2030-01-01", later.From}, {"2031-06-01", later.From}} {
			if got, err := tables.For(d(tt.day)); err != nil || got.From != tt.want {
				t.Errorf("%v on %s: %v, %v; want the table from %v", tables, tt.day, got.From, err, tt.want)
			}
		}
	}
	if _, err := (BandTables{later}).For(d("2029-12-31")); err == nil {
		t.Error("before the only table: error expected")
	}
}

// A gap between two attests is decided whatever the order in which the
// book lists them (seed 004 §3.1: 25 days' grace, then the maximum).
func TestAttestBookOrder(t *testing.T) {
	old := attest(AttestRegular, "24.10", "2025-01-01", "2025-04-30", "")
	onTime := attest(AttestRegular, "22.00", "2025-06-01", "2026-05-31", "2025-05-25")
	late := attest(AttestRegular, "22.00", "2025-06-01", "2026-05-31", "2025-05-26")
	for _, tt := range []struct {
		name   string
		book   AttestBook
		basis  Basis
		attest int
		tariff string
	}{
		{"next listed first, on time", Seed004AttestBook(onTime, old), BasisConnect, 0, "22.00"},
		{"next listed first, late", Seed004AttestBook(late, old), BasisMaximum, -1, "35.89"},
		{"next listed last, on time", Seed004AttestBook(old, onTime), BasisConnect, 1, "22.00"},
	} {
		got, err := tt.book.On(d("2025-05-10"), d("2025-06-05"), StatutoryAmounts())
		if err != nil || got.Basis != tt.basis || got.Attest != tt.attest || got.Tariff.String() != tt.tariff {
			t.Errorf("%s: %+v, %v; want %s attest %d at %s", tt.name, got, err, tt.basis, tt.attest, tt.tariff)
		}
	}
	// The latest ended attest before the day is the one whose grace counts.
	earlier := attest(AttestRegular, "20.00", "2024-01-01", "2024-12-31", "")
	book := Seed004AttestBook(old, earlier, late)
	if got, err := book.On(d("2025-05-10"), d("2025-06-05"), StatutoryAmounts()); err != nil || got.Basis != BasisMaximum {
		t.Errorf("grace from the last attest's end: %+v, %v", got, err)
	}
	book = Seed004AttestBook(earlier, old, onTime)
	if got, err := book.On(d("2025-05-10"), d("2025-06-05"), StatutoryAmounts()); err != nil || got.Basis != BasisConnect {
		t.Errorf("grace from the last attest's end: %+v, %v", got, err)
	}
}

// Money's bound is inclusive: exactly ±MaxEuro is an amount.
func TestMoneyBoundInclusive(t *testing.T) {
	top, err := MustMoney("999999999999").Add(MustMoney("1"))
	if err != nil || top.String() != "1000000000000.00" {
		t.Errorf("999999999999 + 1 = %v, %v", top, err)
	}
	bottom, err := MustMoney("-999999999999").Sub(MustMoney("1"))
	if err != nil || bottom.String() != "-1000000000000.00" {
		t.Errorf("-999999999999 - 1 = %v, %v", bottom, err)
	}
	if _, err := top.Add(MustMoney("0.0001")); err == nil {
		t.Error("beyond the bound: error expected")
	}
	if _, err := bottom.Sub(MustMoney("0.0001")); err == nil {
		t.Error("beyond the bound: error expected")
	}
	if m, err := centsChecked(MaxEuro * 100); err != nil || m != top {
		t.Errorf("centsChecked(MaxEuro in cents) = %v, %v", m, err)
	}
	if m, err := centsChecked(-MaxEuro * 100); err != nil || m != bottom {
		t.Errorf("centsChecked(-MaxEuro in cents) = %v, %v", m, err)
	}
	if _, err := centsChecked(-MaxEuro*100 - 1); err == nil {
		t.Error("beyond the bound: error expected")
	}
}

// Digits beyond an int64 never wrap into an amount; a product of exactly
// MaxEuro is an amount, a unit more is not.
func TestMoneyNoWrap(t *testing.T) {
	for _, s := range []string{"18446744073709551616", "100000000000000000000", "9223372036854775808", "-18446744073709551616.0001", "10000000000000.00"} {
		if m, err := ParseMoney(s); err == nil {
			t.Errorf("ParseMoney(%q) = %s: digits beyond the bound must be an error", s, m)
		}
	}
	if m, err := Cents(100).TimesInt(MaxEuro); err != nil || m.String() != "1000000000000.00" {
		t.Errorf("MaxEuro × 1.00 = %v, %v", m, err)
	}
	if m, err := MustMoney("-1.00").TimesInt(MaxEuro); err != nil || m.String() != "-1000000000000.00" {
		t.Errorf("MaxEuro × -1.00 = %v, %v", m, err)
	}
	if _, err := MustMoney("0.0001").TimesInt(MaxEuro*moneyScale + 1); err == nil {
		t.Error("a unit beyond MaxEuro: error expected")
	}
	if m, err := Cents(0).TimesInt(-5); err != nil || !m.IsZero() {
		t.Errorf("0 × -5 = %v, %v", m, err)
	}
}

// Without a flex band there is nothing to be over: a long day at a
// location without flex permission reports no over-minutes.
func TestOverMinutesWithoutFlexBand(t *testing.T) {
	tbl := StatutoryBands()
	tbl.BabyToddler = []Threshold{{BandHalf, 1}, {BandFull, 300}}
	long := []plan.Session{sess(bxl(2026, 3, 10, 6, 30), bxl(2026, 3, 10, 18, 0))}
	got, err := Classifier{Table: tbl}.Classify(day("2026-03-10"), long, BabyToddler, Location{})
	if err != nil || got.Band != BandFull || got.Minutes != 690 || got.OverMinutes != 0 {
		t.Errorf("11h30 without a flex band: %+v, %v", got, err)
	}
	// With the statutory table the same day is 30 minutes over; exactly
	// 11 hours is none over.
	got, err = StatutoryClassifier().Classify(day("2026-03-10"), long, BabyToddler, Location{})
	if err != nil || got.OverMinutes != 30 {
		t.Errorf("11h30 statutory: %+v, %v", got, err)
	}
	eleven := []plan.Session{sess(bxl(2026, 3, 10, 6, 30), bxl(2026, 3, 10, 17, 30))}
	got, err = StatutoryClassifier().Classify(day("2026-03-10"), eleven, BabyToddler, Location{})
	if err != nil || got.Band != BandFull || got.OverMinutes != 0 {
		t.Errorf("exactly 11h: %+v, %v", got, err)
	}
}
