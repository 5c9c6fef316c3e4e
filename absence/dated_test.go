package absence

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
	"pgregory.net/rapid"
)

// FinishDated is Finish with the days present sharing their outcome: on any
// run of reserved days each day's Outcome is Finish's, the days present
// with the same bands and absence share one outcome (whose own Date is
// zero), no other day shares, the JSON is that of Finish's outcomes byte
// for byte, and it reads back equal.
func TestFinishDatedIsFinish(t *testing.T) {
	bands := []tariff.Band{tariff.BandNone, tariff.BandThird, tariff.BandHalf, tariff.BandFull, tariff.BandFlex}
	amounts := tariff.AmountTable{{Year: 2025, Kind: tariff.Maximum, Value: tariff.MustTariff("35.89"), Source: "test"},
		{Year: 2025, Kind: tariff.StandardMinimum, Value: tariff.MustTariff("6.47"), Source: "test"}}
	rapid.Check(t, func(t *rapid.T) {
		first := d("2025-03-03")
		n := rapid.IntRange(0, 40).Draw(t, "days")
		in := WalkInput{Policy: Seed004Policy(), Table: tariff.StatutoryBands(), Absences: []Absence{{Period: plan.Period{Start: first, End: first.AddDays(n)}}},
			Late: []bool{rapid.Bool().Draw(t, "late")}, Tariff: func(plan.Date) (tariff.Tariff, error) { return tariff.MustTariff("24.10"), nil },
			Amounts: amounts, Capacity: rapid.IntRange(0, n).Draw(t, "capacity"), Ledger: Ledger{Year: 2025, Entitlement: dec("3")}}
		w1, err1 := NewWalk(in)
		w2, err2 := NewWalk(in)
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		for i := range n {
			f := ReservedDay{Date: first.AddDays(i), Reserved: bands[rapid.IntRange(1, 4).Draw(t, "reserved")],
				Attended: bands[rapid.IntRange(0, 4).Draw(t, "attended")], Absence: rapid.SampledFrom([]int{-1, 0}).Draw(t, "absence")}
			if rapid.IntRange(0, 9).Draw(t, "closed") == 0 {
				f.Closed = &plan.ClosedDay{Date: f.Date, Kind: plan.ClosedByOrganiser, Reason: "sluiting & <brug>"}
			}
			for _, w := range []*Walk{w1, w2} {
				if !w.Present(f) {
					if _, err := w.Day(f); err != nil {
						t.Fatal(err)
					}
				}
			}
		}
		want, _ := w1.Finish()
		got, _ := w2.FinishDated()
		if diff := cmp.Diff(want, Outcomes(got)); diff != "" {
			t.Fatalf("outcomes (-Finish +FinishDated):\n%s", diff)
		}
		owners := map[*DayOutcome]DayOutcome{}
		for i, o := range got {
			if o.Date != want[i].Date || o.DayOutcome.Date != (plan.Date{}) {
				t.Fatalf("day %d dated %s, its outcome %s", i, o.Date, o.DayOutcome.Date)
			}
			if prev, ok := owners[o.DayOutcome]; ok {
				if o.Kind != KindPresent || prev.Reserved != o.Reserved || prev.Attended != o.Attended || prev.Absence != o.Absence {
					t.Fatalf("day %d (%s) shares the outcome of a day %v", i, o.Kind, prev)
				}
			}
			owners[o.DayOutcome] = *o.DayOutcome
		}
		wantJSON, _ := json.Marshal(want)
		gotJSON, _ := json.Marshal(got)
		if string(wantJSON) != string(gotJSON) {
			t.Fatalf("JSON\n%s\nwant\n%s", gotJSON, wantJSON)
		}
		var back []DatedOutcome
		if err := json.Unmarshal(gotJSON, &back); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(got, back); diff != "" {
			t.Fatalf("read back (-built +read):\n%s", diff)
		}
		if diff := cmp.Diff(got, Dated(want)); diff != "" {
			t.Fatalf("Dated (-built +Dated):\n%s", diff)
		}
	})
}

// A month of days present holds one outcome, however many days.
func TestDaysPresentShareAnOutcome(t *testing.T) {
	w, err := NewWalk(WalkInput{Policy: Seed004Policy(), Table: tariff.StatutoryBands(), Ledger: Ledger{Year: 2025, Entitlement: dec("18")}, Capacity: 21})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 21 {
		if !w.Present(ReservedDay{Date: d("2025-03-03").AddDays(i), Reserved: tariff.BandFull, Attended: tariff.BandFull, Absence: -1}) {
			t.Fatal("a full day attended in full is not present")
		}
	}
	days, _ := w.FinishDated()
	for _, o := range days[1:] {
		if o.DayOutcome != days[0].DayOutcome {
			t.Fatalf("%s has an outcome of its own", o.Date)
		}
	}
	if days[20].Date != d("2025-03-23") || days[20].Kind != KindPresent {
		t.Errorf("the last day is %s %s", days[20].Date, days[20].Kind)
	}
	if o := (DatedOutcome{Date: d("2025-03-03")}).Outcome(); o.Date != d("2025-03-03") || o.Kind != "" {
		t.Errorf("a day without an outcome gives %v", o)
	}
}
