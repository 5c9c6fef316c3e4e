package absence

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
)

// Opgroeien FAQ: 3 days a week gives "18 dagen × (3 ÷ 5) = 10,8", kept
// unrounded by a RoundNone organiser. With 9 days used, absences reported in
// time on Monday 5, Thursday 8 and Monday 12 May 2025 use 1, then the last
// 0.8 (the other 0.2 unjustified: a fifth of the 24.00 tariff, seed 004
// §3.4.2 "je betaalt het inkomenstarief", 4.80), then nothing (the whole
// tariff). Reported in time, none of them costs a late fee; a day with
// nothing to use adds no movement to the ledger.
func TestUnroundedEntitlementRunsOut(t *testing.T) {
	in, _ := fixture("10.8")
	attendAll(&in, "2025-05-05", "2025-05-08", "2025-05-12")
	in.Absences = []Absence{
		{Period: plan.Period{Start: d("2025-05-05"), End: d("2025-05-05")}, ReportedAt: bxl("2025-04-01 09:00")},
		{Period: plan.Period{Start: d("2025-05-08"), End: d("2025-05-08")}, ReportedAt: bxl("2025-04-01 09:00")},
		{Period: plan.Period{Start: d("2025-05-12"), End: d("2025-05-12")}, ReportedAt: bxl("2025-04-01 09:00")},
	}
	start := Ledger{Year: 2025, Entitlement: dec("10.8"), Used: dec("9")}
	r, err := Process(in, start, Seed004Policy())
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range r.Notices {
		if !n.InTime {
			t.Fatalf("notice %+v: want in time", n)
		}
	}
	want := []struct {
		day             string
		kind            Kind
		used, unj       string
		charge, lateFee string
		says            string
	}{
		{"2025-05-05", KindJustified, "1", "0", "0", "0", "1 covered by justified absence days, 0 unjustified; 0.8 left"},
		{"2025-05-08", KindUnjustified, "0.8", "0.2", "4.80", "0", "0.8 covered by justified absence days, 0.2 unjustified; 0 left"},
		{"2025-05-12", KindUnjustified, "0", "1", "24.00", "0", "0 covered by justified absence days, 1 unjustified; 0 left"},
	}
	for _, w := range want {
		o := outcome(t, r, w.day)
		if o.Kind != w.kind || !o.Used.Equal(dec(w.used)) || !o.Unjustified.Equal(dec(w.unj)) || !o.Absent.Equal(dec("1")) ||
			!o.Charge.Equal(tariff.MustMoney(w.charge)) || !o.LateFee.Equal(tariff.MustMoney(w.lateFee)) {
			t.Errorf("%s: %s used %s unj %s charge %s late %s", w.day, o.Kind, o.Used, o.Unjustified, o.Charge, o.LateFee)
		}
		if !strings.Contains(o.Explanation, w.says) {
			t.Errorf("%s: %q does not say %q", w.day, o.Explanation, w.says)
		}
	}
	type move struct{ Date, Days, Balance string }
	var moves []move
	for _, m := range r.End.Movements {
		moves = append(moves, move{m.Date.String(), m.Days.String(), m.Balance.String()})
		if m.Reason == "" || m.Rule.ID != "absence.justified" {
			t.Errorf("movement %+v without its reason or rule", m)
		}
	}
	if diff := cmp.Diff([]move{{"2025-05-05", "1", "0.8"}, {"2025-05-08", "0.8", "0"}}, moves); diff != "" {
		t.Errorf("movements (-want +got):\n%s", diff)
	}
	if !r.End.Used.Equal(dec("10.8")) || !r.End.Balance().IsZero() {
		t.Errorf("ledger used %s, balance %s", r.End.Used, r.End.Balance())
	}
}

// Every outcome explains itself (DESIGN), and the late fee says why it is
// due: an absence never reported, or one reported too late (seed 004
// §3.4.2 "Voor een niet tijdig meegedeelde afwezigheid").
func TestLateFeeExplanations(t *testing.T) {
	in, ledger := fixture("10")
	attendAll(&in, "2025-05-06", "2025-05-08")
	in.Absences = []Absence{{Period: plan.Period{Start: d("2025-05-08"), End: d("2025-05-08")}, ReportedAt: bxl("2025-05-07 08:00")}} // 1 day ahead
	r, err := Process(in, ledger, Seed004Policy())
	if err != nil {
		t.Fatal(err)
	}
	for day, says := range map[string]string{"2025-05-06": "absent without any report: late-notice fee", "2025-05-08": "reported too late: late-notice fee"} {
		if o := outcome(t, r, day); o.LateFee.IsZero() || !strings.Contains(o.Explanation, says) {
			t.Errorf("%s: late fee %s, %q does not say %q", day, o.LateFee, o.Explanation, says)
		}
	}
	for _, o := range r.Days {
		if o.Explanation == "" {
			t.Errorf("%s (%s): no explanation", o.Date, o.Kind)
		}
	}
	for _, m := range r.End.Movements {
		if m.Reason == "" {
			t.Errorf("movement on %s: no reason", m.Date)
		}
	}
}

// A Walk asks for the tariff only when a charge or a fee is due: a day
// covered by justified absence days and reported in time needs none (seed
// 004 §3.4.2: "Voor deze dagen moet je niet betalen").
func TestWalkAsksTariffOnlyWhenDue(t *testing.T) {
	noTariff := errors.New("no tariff")
	asked := 0
	w, err := NewWalk(WalkInput{Policy: Seed004Policy(), Ledger: Ledger{Year: 2025, Entitlement: dec("1")},
		Table: tariff.StatutoryClassifier().Table, Absences: []Absence{absent("2025-05-05", "2025-05-06")}, Late: []bool{false},
		Tariff:  func(plan.Date) (tariff.Tariff, error) { asked++; return tariff.Tariff{}, noTariff },
		Amounts: tariff.StatutoryAmounts()})
	if err != nil {
		t.Fatal(err)
	}
	o, err := w.Day(ReservedDay{Date: d("2025-05-05"), Reserved: tariff.BandFull, Attended: tariff.BandNone, Absence: 0})
	if err != nil || asked != 0 || o.Kind != KindJustified || !o.Tariff.IsZero() {
		t.Fatalf("justified in time: %+v, %v, tariff asked %d times", o, err, asked)
	}
	// The balance is spent: the next day is charged, so the tariff is needed.
	if _, err := w.Day(ReservedDay{Date: d("2025-05-06"), Reserved: tariff.BandFull, Attended: tariff.BandNone, Absence: 0}); !errors.Is(err, noTariff) || asked != 1 {
		t.Errorf("unjustified: %v, tariff asked %d times", err, asked)
	}
}
