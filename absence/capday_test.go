package absence

import (
	"strings"
	"testing"

	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
)

// Opgroeien's model house rules: what an unjustified absent reserved day
// costs "nooit meer dan het maximumtarief uit de regelgeving". Seed 004
// adds the late-notice fee on top of the day, so by default a day at a
// tariff of 35.50, its justified days used up and never reported, costs
// 35.50 and 8.88 (44.38, above the 2025 maximum of 35.89). With
// CapDayAtMaximum the fee gives way: 35.50 and 0.39. A day whose fee alone
// fits is not touched.
func TestCapDayAtMaximum(t *testing.T) {
	in, _ := fixture("0")
	in.Attests = tariff.Seed004AttestBook(tariff.Attest{ChildCode: "K1", Kind: tariff.AttestRegular, Daily: tariff.MustTariff("35.50"),
		Valid: plan.Period{Start: d("2025-01-01"), End: d("2025-12-31")}})
	attendAll(&in, "2025-05-06")
	ledger := Ledger{Year: 2025, Entitlement: dec("0")}
	for _, tc := range []struct {
		capDay        bool
		charge, fee   string
		explanationOK func(string) bool
	}{
		{false, "35.50", "8.88", func(s string) bool { return !strings.Contains(s, "maximum tariff") }},
		{true, "35.50", "0.39", func(s string) bool { return strings.Contains(s, "less what takes the day past the maximum tariff") }},
	} {
		p := Seed004Policy()
		p.CapDayAtMaximum = tc.capDay
		r, err := Process(in, ledger, p)
		if err != nil {
			t.Fatal(err)
		}
		o := outcome(t, r, "2025-05-06")
		if !o.Charge.Equal(tariff.MustMoney(tc.charge)) || !o.LateFee.Equal(tariff.MustMoney(tc.fee)) || !tc.explanationOK(o.Explanation) {
			t.Errorf("cap %v: charge %s, fee %s (%q); want %s and %s", tc.capDay, o.Charge, o.LateFee, o.Explanation, tc.charge, tc.fee)
		}
	}
	// A justified day with a late fee is far below the maximum: untouched.
	in2, ledger2 := fixture("10")
	attendAll(&in2, "2025-05-06")
	p := Seed004Policy()
	p.CapDayAtMaximum = true
	r, err := Process(in2, ledger2, p)
	if err != nil {
		t.Fatal(err)
	}
	if o := outcome(t, r, "2025-05-06"); !o.LateFee.Equal(tariff.MustMoney("6.47")) {
		t.Errorf("a justified day's fee %s, want 6.47", o.LateFee)
	}
}
