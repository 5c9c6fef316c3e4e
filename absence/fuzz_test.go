package absence

import (
	"encoding/json"
	"testing"

	"github.com/kinderopvang/regels/plan"
	"github.com/shopspring/decimal"
)

// FuzzProcess decodes an input and a policy from JSON and processes them:
// an error or a result whose days add up, never a panic.
//
// The seeds are small (a week of care, not a month): large seeds make the
// fuzzer spend its time minimising.
func FuzzProcess(f *testing.F) {
	in, _ := fixture("10")
	in.Period = plan.Period{Start: d("2025-05-05"), End: d("2025-05-11")}
	attendAll(&in, "2025-05-06")
	in.Absences = []Absence{{Period: plan.Period{Start: d("2025-05-06"), End: d("2025-05-06")}, ReportedAt: bxl("2025-05-01 09:00")}}
	seed, _ := json.Marshal(in)
	pol, _ := json.Marshal(Seed004Policy())
	f.Add(seed, pol, "10")
	each := Seed004Policy()
	each.Notice.Sudden = SuddenEachDay
	sudden := in
	sudden.Absences = []Absence{{Period: plan.Period{Start: d("2025-05-06"), End: d("2025-05-09")}, Sudden: true, ReportedAt: bxl("2025-05-06 09:00")}}
	sudden.Sessions = slicesBefore(in.Sessions, d("2025-05-06"))
	suddenJSON, _ := json.Marshal(sudden)
	eachJSON, _ := json.Marshal(each)
	f.Add(suddenJSON, eachJSON, "1")
	f.Add([]byte(`{"period":{"start":"2025-05-01","end":"2025-05-31"},"plan":{"kind":"regular","start":"2025-01-01","schedule":{"weeks":[{"friday":[{"start":"20:00","end":"24:00"}]}]}}}`), pol, "0.5")
	f.Fuzz(func(t *testing.T, inputJSON, policyJSON []byte, entitlement string) {
		var in Input
		var p Policy
		if json.Unmarshal(inputJSON, &in) != nil || json.Unmarshal(policyJSON, &p) != nil {
			return
		}
		if in.Period.Len() > 62 || len(in.Sessions) > 200 || len(in.Absences) > 50 || len(in.Attests.Attests) > 10 {
			return
		}
		ent, err := decimal.NewFromString(entitlement)
		if err != nil || ent.Sign() < 0 || ent.GreaterThan(decimal.NewFromInt(400)) || ent.Exponent() < -4 {
			return
		}
		start := Ledger{Year: in.Period.Start.Year(), Entitlement: ent}
		r, err := Process(in, start, p)
		if err != nil {
			return
		}
		used := decimal.Zero
		for _, o := range r.Days {
			used = used.Add(o.Used)
			if o.Charge.Sign() < 0 || o.LateFee.Sign() < 0 || o.Used.Add(o.Unjustified).Cmp(o.Absent) != 0 {
				t.Fatalf("bad outcome %+v", o)
			}
		}
		if !r.End.Used.Equal(used) || r.End.Balance().Sign() < 0 {
			t.Fatalf("ledger used %s, days used %s", r.End.Used, used)
		}
	})
}

// FuzzEntitlement computes entitlements for arbitrary plans and policies.
func FuzzEntitlement(f *testing.F) {
	plan3, _ := json.Marshal(weekPlan(3, "2025-03-15", ""))
	pol, _ := json.Marshal(Seed004Policy())
	f.Add(plan3, pol, 2025)
	f.Fuzz(func(t *testing.T, planJSON, policyJSON []byte, year int) {
		var pl plan.Plan
		var p Policy
		if json.Unmarshal(planJSON, &pl) != nil || json.Unmarshal(policyJSON, &p) != nil {
			return
		}
		e, err := ComputeEntitlement(year, []plan.Plan{pl}, p)
		if err != nil {
			return
		}
		if e.Days.Sign() < 0 || e.Days.GreaterThan(p.BaseDays) || e.Days.LessThan(e.StatutoryFloor) {
			t.Fatalf("entitlement %s outside [%s, %s]", e.Days, e.StatutoryFloor, p.BaseDays)
		}
	})
}

// FuzzLedgerTransfer carries arbitrary ledgers to new placements: within the
// organiser the days used stay used; from another, the count starts fresh;
// the balance is never negative.
func FuzzLedgerTransfer(f *testing.F) {
	f.Add(2025, "10", "3.5", 2025, "18", true)
	f.Add(2025, "10", "12", 2024, "8", false)
	f.Fuzz(func(t *testing.T, year int, entitlement, used string, eYear int, days string, same bool) {
		ent, err1 := decimal.NewFromString(entitlement)
		u, err2 := decimal.NewFromString(used)
		nd, err3 := decimal.NewFromString(days)
		if err1 != nil || err2 != nil || err3 != nil {
			return
		}
		l := Ledger{Year: year, Entitlement: ent, Used: u}
		next, err := l.Transfer(same, Entitlement{Year: eYear, Days: nd})
		if err != nil {
			if !same || eYear == year {
				t.Fatalf("transfer refused: %v", err)
			}
			return
		}
		if next.Balance().Sign() < 0 || !next.Entitlement.Equal(nd) {
			t.Fatalf("ledger %+v after a transfer of %s days", next, nd)
		}
		if same && !next.Used.Equal(u) || !same && !next.Used.IsZero() {
			t.Fatalf("same organiser %v: used %s → %s", same, u, next.Used)
		}
	})
}
