package tariff

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kinderopvang/regels/plan"
	"pgregory.net/rapid"
)

// The statutory yearly amounts, each with its own source; unknown years
// are errors naming the amount, the year and how to supply it.
func TestStatutoryAmounts(t *testing.T) {
	tbl := StatutoryAmounts()
	if err := tbl.Validate(); err != nil {
		t.Fatal(err)
	}
	const kg, vvsg, municipal, none = "Kind en Gezin / Opgroeien", "VVSG, \"indexering inkomenstarief baby peuter\", 30-10-2023", "municipal information pages quoting Kind en Gezin", "no official source found"
	tests := []struct {
		year      int
		kind      AmountKind
		want      string
		confirmed bool
		source    string // the start of the value's own source
	}{
		{2016, StandardMinimum, "5.02", true, kg}, {2016, Lowest, "1.57", true, kg},
		{2017, StandardMinimum, "5.07", true, kg}, {2017, Lowest, "1.59", true, kg}, {2017, Maximum, "28.13", true, kg},
		{2018, StandardMinimum, "5.15", true, kg}, {2018, Lowest, "1.62", true, kg},
		// Second hand: municipal pages quoting Kind en Gezin, not confirmed.
		{2018, Maximum, "28.59", false, municipal},
		{2022, StandardMinimum, "5.47", false, municipal}, {2022, Maximum, "30.37", false, municipal},
		{2023, StandardMinimum, "6.00", true, kg}, {2023, Maximum, "33.31", true, kg},
		{2024, StandardMinimum, "6.24", true, kg},
		// VVSG, "indexering inkomenstarief baby peuter", 30-10-2023: the
		// 2024 amounts after the health index (+4 %).
		{2024, Maximum, "34.64", true, vvsg}, {2024, Lowest, "1.97", true, vvsg},
		{2024, ExceptionalMinimum, "3.74", true, vvsg}, {2024, ReductionPerChild, "3.91", true, vvsg},
		// No official source found for 2025.
		{2025, StandardMinimum, "6.47", false, none}, {2025, Maximum, "35.89", false, none},
	}
	for _, tt := range tests {
		a, err := tbl.Get(tt.year, tt.kind)
		if err != nil || a.Value.String() != tt.want || a.Confirmed != tt.confirmed || !strings.HasPrefix(a.Source, tt.source) || a.Year != tt.year || a.Kind != tt.kind {
			t.Errorf("%d %s = %+v, %v; want %s confirmed=%v from %q", tt.year, tt.kind, a, err, tt.want, tt.confirmed, tt.source)
		}
		if on, err := tbl.On(plan.MustDate(tt.year, 12, 31), tt.kind); err != nil || on != a {
			t.Errorf("On(31 December %d, %s) = %+v, %v; want %+v", tt.year, tt.kind, on, err, a)
		}
	}
	if len(tbl) != len(tests) {
		t.Errorf("the table holds %d amounts, the test %d", len(tbl), len(tests))
	}
	for _, missing := range []struct {
		year int
		kind AmountKind
	}{{2026, Maximum}, {2026, StandardMinimum}, {2019, StandardMinimum}, {2016, Maximum}, {2025, Lowest}, {2023, ExceptionalMinimum}, {2025, ReductionPerChild}} {
		_, err := tbl.Get(missing.year, missing.kind)
		var p plan.Problem
		want := fmt.Sprintf(`add {"year": %d, "kind": %q, "value": "…", "confirmed": false, "source": "…"} to the amount table`, missing.year, string(missing.kind))
		if !errors.Is(err, CodeUnknownYear) || !errors.As(err, &p) || p.Field != "amounts" || !p.Date.IsZero() ||
			!strings.Contains(p.Message, fmt.Sprintf("the %s tariff of %d is not known", missing.kind, missing.year)) || !strings.Contains(p.Message, want) {
			t.Errorf("%d %s: %v", missing.year, missing.kind, err)
		}
	}
	var p plan.Problem
	if _, err := tbl.On(plan.MustParseDate("2026-01-01"), StandardMinimum); !errors.Is(err, CodeUnknownYear) || !errors.As(err, &p) || p.Field != "amounts" || p.Date != plan.MustParseDate("2026-01-01") {
		t.Errorf("2026 is not known: %v", err)
	}
	dup := append(StatutoryAmounts(), Amount{Year: 2016, Kind: Lowest, Value: MustTariff("1.58"), Source: "test"})
	if err := dup.Validate(); !errors.Is(err, plan.CodeOverlap) {
		t.Errorf("duplicate year: %v", err)
	}
	// A kind listed twice is an overlap, whichever value is higher, and not
	// also out of order with itself.
	twice := AmountTable{
		{Year: 2024, Kind: Maximum, Value: MustTariff("35.00"), Source: "a"}, {Year: 2024, Kind: Maximum, Value: MustTariff("34.00"), Source: "b"},
		{Year: 2023, Kind: Lowest, Value: MustTariff("1.80"), Source: "a"}, {Year: 2023, Kind: Lowest, Value: MustTariff("1.90"), Source: "b"},
	}
	var codes []string
	for _, p := range plan.AsProblems(twice.Validate()) {
		codes = append(codes, string(p.Code)+" "+p.Field)
	}
	if diff := cmp.Diff([]string{"overlap amounts[1]", "overlap amounts[3]"}, codes); diff != "" {
		t.Errorf("a kind twice (-want +got):\n%s", diff)
	}
}

// Validate reports every problem of every amount at once.
func TestAmountTableValidate(t *testing.T) {
	tbl := AmountTable{
		{Year: 0, Kind: "minimum", Source: ""}, // four problems in one amount
		{Year: 2024, Kind: Maximum, Value: MustTariff("6.00"), Source: "test"},
		{Year: 2024, Kind: StandardMinimum, Value: MustTariff("6.24"), Source: "test"}, // above the maximum
		{Year: 2024, Kind: Lowest, Value: MustTariff("6.24"), Source: "test"},          // equal to the minimum: in order
		{Year: 2024, Kind: ExceptionalMinimum, Value: MustTariff("1.00"), Source: "test"},
		{Year: 2024, Kind: ReductionPerChild, Value: MustTariff("99.00"), Source: "test"}, // not ordered
		{Year: 2025, Kind: Lowest, Value: MustTariff("40.00"), Source: "test"},            // another year
		{Year: 10000, Kind: Maximum, Value: MustTariff("1.00"), Source: "test"},
		{Year: 1, Kind: Maximum, Value: MustTariff("1.00"), Source: "test"}, // the first and last years are years
		{Year: 9999, Kind: Maximum, Value: MustTariff("1.00"), Source: "test"},
		{Year: 2025, Kind: Maximum, Value: MustTariff("40.00"), Source: "test"}, // equal to the lowest listed before it: in order
	}
	var got []string
	for _, p := range plan.AsProblems(tbl.Validate()) {
		got = append(got, string(p.Code)+" "+p.Field)
	}
	want := []string{
		"invalid_value amounts[0].kind", "invalid_tariff amounts[0].value", "invalid_value amounts[0].year", "missing amounts[0].source",
		"invalid_value amounts[2].value", // standard minimum 6.24 above the maximum 6.00
		"invalid_value amounts[3].value", // lowest 6.24 above the maximum 6.00
		"invalid_value amounts[4].value", // exceptional minimum 1.00 below the lowest 6.24
		"invalid_value amounts[7].year",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// Merge lays a caller's amounts over the statutory ones by year and kind.
func TestAmountTableMerge(t *testing.T) {
	base := StatutoryAmounts()
	mine := AmountTable{
		{Year: 2026, Kind: Maximum, Value: MustTariff("36.50"), Source: "Opgroeien letter to organisers, autumn 2025"},
		{Year: 2025, Kind: Maximum, Value: MustTariff("35.92"), Confirmed: true, Source: "Opgroeien letter"},
	}
	got := base.Merge(mine)
	if err := got.Validate(); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(base)+1 {
		t.Errorf("merged table of %d amounts, want %d", len(got), len(base)+1)
	}
	for _, tt := range []struct {
		year int
		kind AmountKind
		want Amount
	}{
		{2026, Maximum, mine[0]}, // a year the library does not know
		{2025, Maximum, mine[1]}, // overrides the unconfirmed value
		{2025, StandardMinimum, mustGet(t, base, 2025, StandardMinimum)}, // the rest stays
	} {
		if a, err := got.Get(tt.year, tt.kind); err != nil || a != tt.want {
			t.Errorf("merged %d %s = %+v, %v; want %+v", tt.year, tt.kind, a, err, tt.want)
		}
	}
	if a := mustGet(t, base, 2025, Maximum); a.Value.String() != "35.89" {
		t.Errorf("Merge changed the table it was called on: %+v", a)
	}
	if got := (AmountTable{}).Merge(nil); len(got) != 0 {
		t.Errorf("empty merge: %v", got)
	}
	twice := AmountTable{}.Merge(AmountTable{mine[0], {Year: 2026, Kind: Maximum, Value: MustTariff("37.00"), Source: "later"}})
	if len(twice) != 1 || twice[0].Value.String() != "37.00" {
		t.Errorf("the later entry wins: %v", twice)
	}
}

func mustGet(t *testing.T, tbl AmountTable, year int, kind AmountKind) Amount {
	t.Helper()
	a, err := tbl.Get(year, kind)
	if err != nil {
		t.Fatal(err)
	}
	return a
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

// The social-welfare half, with the standard minimum as floor (Kind en
// Gezin: the OCMW tariff is half the computed tariff, at least the standard
// minimum).
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
