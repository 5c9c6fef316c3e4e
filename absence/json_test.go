package absence

import (
	"testing"
	"time"

	"github.com/kinderopvang/regels/internal/jsontest"
	"github.com/kinderopvang/regels/plan"
	"pgregory.net/rapid"
)

// roundTrip is jsontest.RoundTrip, shared by the packages' tests.
func roundTrip[T any](t *rapid.T, v T) { jsontest.RoundTrip(t, v) }

// Inputs, policies and results come back from JSON exactly.
func TestJSONRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := Seed004Policy()
		p.Rounding = rapid.SampledFrom([]Rounding{RoundDown, RoundUp, RoundHalfUp}).Draw(t, "r")
		p.Notice.Sudden = rapid.SampledFrom([]SuddenNotice{"", SuddenFirstDay, SuddenEachDay}).Draw(t, "sudden")
		roundTrip(t, p)
		e, err := ComputeEntitlement(2025, []plan.Plan{weekPlan(rapid.IntRange(1, 5).Draw(t, "days"), "2024-06-01", "")}, p)
		if err != nil {
			t.Fatal(err)
		}
		roundTrip(t, e)
		in, _ := fixture("0")
		ledger := NewLedger(e)
		reserved := in.Plan.ReservedDays(in.Period, in.Calendar)
		for _, pd := range reserved {
			if rapid.IntRange(0, 3).Draw(t, "k") > 0 {
				in.Sessions = append(in.Sessions, session(pd.Date.String(), "07:30", "17:30"))
			}
		}
		first := rapid.SampledFrom(reserved).Draw(t, "abs").Date
		in.Absences = []Absence{{Period: plan.Period{Start: first, End: first.AddDays(rapid.IntRange(0, 3).Draw(t, "long"))}, Sudden: true,
			ReportedAt: first.In(plan.Brussels()).Add(time.Duration(rapid.IntRange(0, 600).Draw(t, "at")) * time.Minute)}}
		roundTrip(t, in)
		r, err := Process(in, ledger, p)
		if err != nil {
			t.Fatal(err)
		}
		roundTrip(t, r)
	})
}
