package invoice

import (
	"errors"
	"testing"

	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
	"github.com/shopspring/decimal"
)

// Transport is billed per km at the rate the organiser supplies; without a
// rate a trip is an error.
func TestTransport(t *testing.T) {
	s, _ := ScenarioByName("full_time_toddler")
	c := s.Case
	c.Children[0].Trips = []Trip{{Date: plan.MustParseDate("2025-03-12"), Km: decimal.RequireFromString("7.4")}, {Date: plan.MustParseDate("2025-03-19"), Km: decimal.RequireFromString("3.3")}}
	if _, err := Build(c); !errors.Is(err, plan.CodeMissing) {
		t.Fatalf("a trip without a rate: %v", err)
	}
	c.Rules.TransportPerKm = Prices{{From: plan.MustParseDate("2025-01-01"), Amount: tariff.MustMoney("0.4000")}}
	inv, err := Build(c)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range inv.Lines {
		if l.Kind == LineTransport && (!l.Count.Equal(decimal.RequireFromString("10.7")) || l.Amount.String() != "4.28") {
			t.Errorf("transport line %+v", l)
		}
	}
}
