package invoice

import (
	"slices"
	"testing"
	"time"

	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
	"github.com/shopspring/decimal"
	"pgregory.net/rapid"
)

// Seed 004 §3.3 read pro rata, with an organiser's counting (per started
// quarter hour, the tariff for 300 minutes): Lars's Monday of two short
// moments, 07:30–08:20 and 15:45–16:30, is 95 minutes, counted 105: 24.10 ×
// 105 ÷ 300 = 8.44 (the bands would give a third day, 9.64). His Wednesday
// 12:00–17:30 is one long moment: a full day in the bands, 24.10. A day of
// short moments never costs more than its band.
func TestProRataInvoice(t *testing.T) {
	c := afterSchool().Case
	c.Rules.Pricing = tariff.Pricing{Model: tariff.PricingProRata, ProRata: &tariff.ProRata{ShortMinutes: 60, Unit: tariff.PerStartedQuarter,
		ReferenceMinutes: 300, Source: "house rules of an organiser reading seed 004 §3.3 pro rata (example)"}}
	ch := &c.Children[0]
	ch.Sessions = []plan.Session{
		{In: at("2025-03-10", "07:30"), Out: at("2025-03-10", "08:20")}, {In: at("2025-03-10", "15:45"), Out: at("2025-03-10", "16:30")},
		{In: at("2025-03-12", "12:00"), Out: at("2025-03-12", "17:30")},
	}
	ch.HotMeals = nil
	ch.Absences = nil
	ch.Ledger.Entitlement, ch.Ledger.Used = decimal.NewFromInt(30), decimal.Zero
	inv, err := Build(c)
	if err != nil {
		t.Fatal(err)
	}
	var proRata, band *Line
	for i, l := range inv.Lines {
		switch {
		case l.Kind == LineCare && l.Pricing == tariff.PricingProRata:
			proRata = &inv.Lines[i]
		case l.Kind == LineCare:
			band = &inv.Lines[i]
		}
	}
	if proRata == nil || proRata.UnitPrice != tariff.MustMoney("8.44") || !slices.Equal(proRata.Dates, []plan.Date{sd("2025-03-10")}) || proRata.LabelNL == "" || proRata.Rule.Source == "" {
		t.Errorf("the day of short moments: %+v", proRata)
	}
	if band == nil || band.UnitPrice != tariff.MustMoney("24.10") || band.Band != string(tariff.BandFull) {
		t.Errorf("the Wednesday: %+v", band)
	}
}

// Under a price list the sibling discount never makes a family pay more:
// the same month without it costs at least as much; a social family pays
// the social prices; the total is the sum of the lines.
func TestPriceListProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := afterSchoolPriceList().Case
		// Random attendance: each session kept, shortened or dropped.
		for i := range c.Children {
			var kept []plan.Session
			for _, s := range c.Children[i].Sessions {
				switch rapid.IntRange(0, 3).Draw(t, "attend") {
				case 0:
				case 1:
					kept = append(kept, plan.Session{In: s.In, Out: s.In.Add(time.Duration(rapid.IntRange(1, 400).Draw(t, "minutes")) * time.Minute)})
				default:
					kept = append(kept, s)
				}
			}
			c.Children[i].Sessions = kept
		}
		with, err := Build(c)
		if err != nil {
			t.Fatal(err)
		}
		without := c
		rules := ExampleAfterSchoolHouseRules()
		list := *rules.Pricing.PriceList
		list.SiblingDiscount = decimal.Zero
		rules.Pricing.PriceList = &list
		without.Rules = rules
		full, err := Build(without)
		if err != nil {
			t.Fatal(err)
		}
		if with.Total.Cmp(full.Total) > 0 {
			t.Fatalf("with the sibling discount %s, without %s", with.Total, full.Total)
		}
		social := c
		social.Family.Social = true
		cheap, err := Build(social)
		if err != nil {
			t.Fatal(err)
		}
		if cheap.Total.Cmp(with.Total) > 0 {
			t.Fatalf("social prices %s above the list's %s", cheap.Total, with.Total)
		}
		for _, inv := range []Invoice{with, full, cheap} {
			var sum tariff.Money
			for _, l := range inv.Lines {
				sum, _ = sum.Add(l.Amount)
			}
			if sum != inv.Total {
				t.Fatalf("lines %s, total %s", sum, inv.Total)
			}
		}
	})
}
