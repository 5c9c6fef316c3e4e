package absence

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
	"pgregory.net/rapid"
)

// A walk that asks Present first, and Day only when Present declines, ends
// with the outcomes and the ledger of a walk that asks Day alone, on any
// run of reserved days: present, partly present, absent, closed, after the
// last day of care, with or without a reported absence.
func TestPresentIsDay(t *testing.T) {
	bands := []tariff.Band{tariff.BandNone, tariff.BandThird, tariff.BandHalf, tariff.BandFull, tariff.BandFlex}
	amounts := tariff.AmountTable{{Year: 2025, Kind: tariff.Maximum, Value: tariff.MustTariff("35.89"), Source: "test"},
		{Year: 2025, Kind: tariff.StandardMinimum, Value: tariff.MustTariff("6.47"), Source: "test"}}
	rapid.Check(t, func(t *rapid.T) {
		first := d("2025-03-03")
		n := rapid.IntRange(1, 40).Draw(t, "days")
		absences := []Absence{{Period: plan.Period{Start: first, End: first.AddDays(n)}}}
		in := WalkInput{Policy: Seed004Policy(), Table: tariff.StatutoryBands(), Absences: absences, Late: []bool{rapid.Bool().Draw(t, "late")},
			Tariff:  func(plan.Date) (tariff.Tariff, error) { return tariff.MustTariff("24.10"), nil },
			Amounts: amounts, Capacity: n,
			Ledger: Ledger{Year: 2025, Entitlement: dec(rapid.SampledFrom([]string{"0", "1.5", "18"}).Draw(t, "entitlement"))}}
		if rapid.Bool().Draw(t, "notice") {
			in.LastDayOfCare = first.AddDays(rapid.IntRange(0, n).Draw(t, "last day"))
		}
		days := make([]ReservedDay, n)
		for i := range days {
			days[i] = ReservedDay{Date: first.AddDays(i), Reserved: bands[rapid.IntRange(1, 4).Draw(t, "reserved")],
				Attended: bands[rapid.IntRange(0, 4).Draw(t, "attended")], Absence: rapid.SampledFrom([]int{-1, 0}).Draw(t, "absence")}
			if rapid.IntRange(0, 9).Draw(t, "closed") == 0 {
				days[i].Closed = &plan.ClosedDay{Date: days[i].Date, Kind: plan.ClosedByOrganiser, Reason: "sluiting"}
			}
		}
		walk := func(present bool) ([]DayOutcome, Ledger) {
			w, err := NewWalk(in)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range days {
				if present && w.Present(f) {
					continue
				}
				if _, err := w.Day(f); err != nil {
					t.Fatal(err)
				}
			}
			return w.Finish()
		}
		wantDays, wantLedger := walk(false)
		gotDays, gotLedger := walk(true)
		if diff := cmp.Diff(wantDays, gotDays); diff != "" {
			t.Fatalf("outcomes (-Day +Present):\n%s", diff)
		}
		if diff := cmp.Diff(wantLedger, gotLedger); diff != "" {
			t.Fatalf("ledger (-Day +Present):\n%s", diff)
		}
	})
}
