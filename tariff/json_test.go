package tariff

import (
	"testing"
	"time"

	"github.com/kinderopvang/regels/internal/jsontest"
	"github.com/kinderopvang/regels/plan"
	"pgregory.net/rapid"
)

// roundTrip is jsontest.RoundTrip, shared by the packages' tests.
func roundTrip[T any](t *rapid.T, v T) { jsontest.RoundTrip(t, v) }

// Every public type of the package comes back from JSON exactly.
func TestJSONRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		tr := genTariff().Draw(t, "t")
		roundTrip(t, tr)
		roundTrip(t, StatutoryBands())
		roundTrip(t, StatutoryClassifier())
		roundTrip(t, BandPricer{Table: StatutoryBands()})
		roundTrip(t, StatutoryAmounts())
		start := plan.MustParseDate("2024-01-01").AddDays(rapid.IntRange(0, 700).Draw(t, "start"))
		child := Child{Code: "K7", Birth: start.AddDays(-1500), FullTimeSchoolFrom: start}
		roundTrip(t, child)
		a := Attest{ChildCode: "K7", Kind: rapid.SampledFrom([]AttestKind{AttestRegular, AttestLeefloon, AttestMaximum}).Draw(t, "kind"),
			Daily: tr, Valid: plan.Period{Start: start, End: start.AddDays(364)}, Delivered: start}
		roundTrip(t, a)
		book := Seed004AttestBook(a)
		roundTrip(t, book)
		if segs, err := book.Segments(plan.Period{Start: start, End: start.AddDays(40)}, start, StatutoryAmounts()); err == nil {
			roundTrip(t, segs)
		}
		roundTrip(t, RecalculationTriggers(child, []Attest{a}, nil, plan.Period{Start: start.AddDays(-3000), End: start.AddDays(3000)}))
		day := NewDay(start, nil)
		roundTrip(t, day)
		in := day.Start.Add(time.Duration(rapid.IntRange(0, 20*60).Draw(t, "in")) * time.Minute)
		care, err := StatutoryClassifier().Classify(day, []plan.Session{{In: in, Out: in.Add(time.Duration(rapid.IntRange(1, 900).Draw(t, "len")) * time.Minute)}},
			child.GroupOn(start), Location{ID: "L", Flex: rapid.Bool().Draw(t, "flex")})
		if err != nil {
			t.Fatal(err)
		}
		roundTrip(t, care)
		price, err := BandPricer{Table: StatutoryBands()}.PriceDay(care, tr)
		if err != nil {
			t.Fatal(err)
		}
		roundTrip(t, price)
		fee := PercentFee{Percent: dec("0.25"), Floor: MustTariff("6.47"), Cap: MustTariff("35.89"), Rule: plan.Rule{ID: "x", Source: "y"}}
		roundTrip(t, fee)
		if amt, err := fee.Of(tr); err == nil {
			roundTrip(t, amt)
		}
	})
}
