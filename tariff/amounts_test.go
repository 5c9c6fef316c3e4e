package tariff

import (
	"errors"
	"strings"
	"testing"

	"github.com/kinderopvang/regels/plan"
	"pgregory.net/rapid"
)

// The yearly amounts of RULES §2; unknown years are errors naming the year.
func TestStatutoryAmounts(t *testing.T) {
	tbl := StatutoryAmounts()
	if err := tbl.Validate(); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		year      int
		kind      AmountKind
		want      string
		confirmed bool
	}{
		{2016, StandardMinimum, "5.02", true}, {2016, Lowest, "1.57", true},
		{2017, StandardMinimum, "5.07", true}, {2017, Lowest, "1.59", true}, {2017, Maximum, "28.13", true},
		{2018, StandardMinimum, "5.15", true}, {2018, Lowest, "1.62", true},
		{2023, StandardMinimum, "6.00", true}, {2023, Maximum, "33.31", true},
		{2024, StandardMinimum, "6.24", true}, {2024, Lowest, "1.97", true},
		{2025, StandardMinimum, "6.47", false}, {2025, Maximum, "35.89", false},
	}
	for _, tt := range tests {
		a, err := tbl.Get(tt.year, tt.kind)
		if err != nil || a.Value.String() != tt.want || a.Confirmed != tt.confirmed || a.Source == "" {
			t.Errorf("%d %s = %+v, %v; want %s confirmed=%v", tt.year, tt.kind, a, err, tt.want, tt.confirmed)
		}
	}
	for _, missing := range []struct {
		year int
		kind AmountKind
	}{{2026, Maximum}, {2019, StandardMinimum}, {2016, Maximum}, {2024, Maximum}} {
		_, err := tbl.Get(missing.year, missing.kind)
		if !errors.Is(err, CodeUnknownYear) || !strings.Contains(err.Error(), "2") || !strings.Contains(err.Error(), string(missing.kind)) {
			t.Errorf("%d %s: %v", missing.year, missing.kind, err)
		}
	}
	if _, err := tbl.On(plan.MustParseDate("2026-01-01"), StandardMinimum); !errors.Is(err, CodeUnknownYear) {
		t.Errorf("2026 is not known: %v", err)
	}
	dup := append(StatutoryAmounts(), Amount{Year: 2016, Kind: Lowest, Value: MustTariff("1.58")})
	if err := dup.Validate(); !errors.Is(err, plan.CodeOverlap) {
		t.Errorf("duplicate year: %v", err)
	}
}

// new = old × (1 + index), rounded; a positive index never lowers a tariff.
func TestIndex(t *testing.T) {
	got, err := Index(MustTariff("6.24"), dec("0.0369"))
	if err != nil || got.String() != "6.47" { // 6.4703 → 6.47
		t.Errorf("Index(6.24, 3.69 %%) = %v, %v", got, err)
	}
	got, _ = Index(MustTariff("28.13"), dec("0.0225")) // 28.762925 → 28.76
	if got.String() != "28.76" {
		t.Errorf("Index(28.13, 2.25 %%) = %v", got)
	}
	if _, err := Index(MustTariff("1.00"), dec("-1")); !errors.Is(err, CodeInvalidTariff) {
		t.Errorf("index of -100 %% leaves no tariff: %v", err)
	}
	rapid.Check(t, func(t *rapid.T) {
		tr := genTariff().Draw(t, "t")
		idx := dec("0.0001").Mul(dec(strings.TrimSpace(rapid.StringMatching(`[0-9]{1,3}`).Draw(t, "bp"))))
		got, err := Index(tr, idx)
		if err != nil {
			t.Fatal(err)
		}
		if got.Cmp(tr) < 0 {
			t.Fatalf("Index(%s, %s) = %s lowers the tariff", tr, idx, got)
		}
		if want := tr.Decimal().Mul(dec("1").Add(idx)).Round(2); !got.Decimal().Equal(want) {
			t.Fatalf("Index(%s, %s) = %s, want %s", tr, idx, got, want)
		}
	})
}

// The social-welfare half, with the standard minimum as floor (RULES §2).
func TestSocialHalf(t *testing.T) {
	min := MustTariff("6.47")
	tests := []struct{ computed, want string }{
		{"30.00", "15.00"},
		{"20.25", "10.13"}, // 10.125 → 10.13, half away from zero
		{"12.00", "6.47"},  // 6.00 is below the floor
		{"12.94", "6.47"},
		{"12.96", "6.48"},
	}
	for _, tt := range tests {
		got, err := SocialHalf(MustTariff(tt.computed), min)
		if err != nil || got.String() != tt.want {
			t.Errorf("SocialHalf(%s) = %v, %v; want %s", tt.computed, got, err, tt.want)
		}
	}
}

// 25 % of the tariff, at least the minimum contribution (seed 004 §3.4.2,
// §6.2.1), at most the maximum tariff.
func TestPercentFee(t *testing.T) {
	fee := PercentFee{Percent: dec("0.25"), Floor: MustTariff("6.47"), Cap: MustTariff("35.89"),
		Rule: plan.Rule{ID: "absence.late_notice", Source: "seed 004 §3.4.2"}}
	tests := []struct {
		tariff, want    string
		floored, capped bool
	}{
		{"30.00", "7.50", false, false},
		{"25.88", "6.47", false, false}, // exactly the floor
		{"20.00", "6.47", true, false},  // 5.00 < 6.47
		{"26.02", "6.51", false, false}, // 6.505 → 6.51
	}
	for _, tt := range tests {
		got, err := fee.Of(MustTariff(tt.tariff))
		if err != nil || got.Amount.String() != tt.want || got.Floored != tt.floored || got.Capped != tt.capped || got.Fee.Rule.ID == "" {
			t.Errorf("fee on %s = %+v, %v; want %s", tt.tariff, got, err, tt.want)
		}
	}
	whole := PercentFee{Percent: dec("1"), Cap: MustTariff("35.89")}
	if got, _ := whole.Of(MustTariff("40.00")); !got.Capped || got.Amount.String() != "35.89" {
		t.Errorf("an absence charge is capped at the maximum tariff: %+v", got)
	}
	if _, err := (PercentFee{Percent: dec("0.25"), Floor: MustTariff("40"), Cap: MustTariff("30")}).Of(MustTariff("20")); err == nil {
		t.Error("floor above cap must be an error")
	}
	rapid.Check(t, func(t *rapid.T) {
		floor := genTariff().Draw(t, "floor")
		cap := genTariff().Draw(t, "cap")
		if floor.Cmp(cap) > 0 {
			floor, cap = cap, floor
		}
		f := PercentFee{Percent: dec("0.01").Mul(dec(rapid.StringMatching(`[0-9]{1,3}`).Draw(t, "pct"))), Floor: floor, Cap: cap}
		got, err := f.Of(genTariff().Draw(t, "t"))
		if err != nil {
			t.Fatal(err)
		}
		if got.Amount.Cmp(floor.Money()) < 0 || got.Amount.Cmp(cap.Money()) > 0 {
			t.Fatalf("fee %s outside [%s, %s]", got.Amount, floor, cap)
		}
	})
}
