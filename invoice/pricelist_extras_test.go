package invoice

import (
	"strings"
	"testing"

	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/reservation"
	"github.com/kinderopvang/regels/tariff"
	"github.com/shopspring/decimal"
)

// Seed 004 §3.5.1: "€3 voor een warme maaltijd" and the transport by the
// caregiver's car per km are billed on their own day, under a municipal
// price list as under the income tariff. A price list used to drop them
// without a word (review of 2026-12-01): a hot meal, a trip and a hot meal
// listed on a day without care now bill, or say what is missing.
func TestPriceListBillsHotMealsAndTrips(t *testing.T) {
	c := auditListCase([]reservation.Reservation{approved("R1", "2026-03-10", "15:30", "17:30")}, session("2026-03-10", "15:30", "17:15"))
	c.Children[0].HotMeals = []plan.Date{sd("2026-03-10")}
	c.Children[0].Trips = []Trip{{Date: sd("2026-03-10"), Km: decimal.RequireFromString("12.5")}}

	// The example price list's house rules have no price for either.
	if _, err := Build(c); err == nil || !strings.Contains(err.Error(), "children[0].hot_meals[0]") || !strings.Contains(err.Error(), "children[0].trips[0]") {
		t.Errorf("no prices: %v, want the hot meal's and the transport's price missing", err)
	}
	c.Rules.HotMeal = Flat("3.00")
	c.Rules.TransportPerKm = Flat("0.43")
	inv, err := Build(c)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []struct {
		kind          LineKind
		count, amount string
	}{{LineHotMeal, "1", "3.00"}, {LineTransport, "12.5", "5.38"}} {
		count, amount := linesOf(inv, want.kind)
		if !count.Equal(decimal.RequireFromString(want.count)) || !amount.Equal(tariff.MustMoney(want.amount)) {
			t.Errorf("%s: %s for %s, want %s for %s", want.kind, count, amount, want.count, want.amount)
		}
	}
	if inv.Total != tariff.MustMoney("12.38") { // 4.00 + 3.00 + 5.38
		t.Errorf("total %s, want 12.38", inv.Total)
	}

	// A hot meal on a day without care.
	c.Children[0].HotMeals = append(c.Children[0].HotMeals, sd("2026-03-11"))
	if _, err := Build(c); err == nil || !strings.Contains(err.Error(), "hot_meals[1]") {
		t.Errorf("a hot meal without care: %v", err)
	}
}
