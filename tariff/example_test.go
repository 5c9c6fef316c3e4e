package tariff_test

import (
	"fmt"
	"time"

	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
	"github.com/shopspring/decimal"
)

// A school-age child with two short moments on one day: before school and
// after school. The moments are summed (105 minutes, a third day) and
// priced at 40 % of the daily tariff.
func ExampleClassifier_Classify() {
	bxl := plan.Brussels()
	at := func(h, m int) time.Time { return time.Date(2026, 3, 10, h, m, 0, 0, bxl) }
	sessions := []plan.Session{
		{In: at(7, 30), Out: at(8, 20)},
		{In: at(15, 45), Out: at(16, 40)},
	}
	child := tariff.Child{Birth: plan.MustParseDate("2019-05-02")}
	day := tariff.NewDay(plan.MustParseDate("2026-03-10"), bxl)

	care, err := tariff.StatutoryClassifier().Classify(day, sessions, child.GroupOn(day.Date), tariff.Location{ID: "BKO De Linde"})
	if err != nil {
		fmt.Println(err)
		return
	}
	price, err := tariff.BandPricer{Table: tariff.StatutoryBands()}.PriceDay(care, tariff.MustTariff("27.35"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(care.Group, care.Minutes, "minutes:", care.Band)
	fmt.Println(price.Share, "×", price.Tariff, "=", price.Amount)
	// Output:
	// school_age 105 minutes: third
	// 0.4 × 27.35 = 10.94
}

// At a location without permission for flexible care a long day is a full
// day; the minutes past 11 hours are reported for the organiser's own
// price.
func ExampleClassifier_Classify_noFlex() {
	bxl := plan.Brussels()
	s := []plan.Session{{
		In:  time.Date(2026, 3, 10, 6, 45, 0, 0, bxl),
		Out: time.Date(2026, 3, 10, 18, 15, 0, 0, bxl),
	}}
	care, err := tariff.StatutoryClassifier().Classify(tariff.NewDay(plan.MustParseDate("2026-03-10"), bxl), s, tariff.BabyToddler, tariff.Location{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(care.Band, care.Minutes, "over:", care.OverMinutes)
	// Output: full 690 over: 30
}

// 25 % of the tariff with the minimum contribution as floor: the fee for an
// absence reported too late (seed 004 §3.4.2).
func ExamplePercentFee_Of() {
	min, _ := tariff.StatutoryAmounts().Get(2025, tariff.StandardMinimum)
	max, _ := tariff.StatutoryAmounts().Get(2025, tariff.Maximum)
	fee := tariff.PercentFee{Percent: decimal.New(25, -2), Floor: min.Value, Cap: max.Value,
		Rule: plan.Rule{ID: "absence.late_notice", Source: "house rules Zorg Leuven §3.4.2 (seed 004)"}}
	for _, t := range []string{"30.00", "18.00"} {
		f, err := fee.Of(tariff.MustTariff(t))
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(t, "→", f.Amount, "floored:", f.Floored)
	}
	// Output:
	// 30.00 → 7.50 floored: false
	// 18.00 → 6.47 floored: true
}

// Which tariff applies in a month in which the old attest ends and the new
// one arrives too late: the maximum tariff fills the gap.
func ExampleAttestBook_Segments() {
	book := tariff.Seed004AttestBook(
		tariff.Attest{Kind: tariff.AttestRegular, Daily: tariff.MustTariff("24.10"),
			Valid: plan.Period{Start: plan.MustParseDate("2025-01-01"), End: plan.MustParseDate("2025-05-14")}},
		tariff.Attest{Kind: tariff.AttestRegular, Daily: tariff.MustTariff("22.00"),
			Valid:     plan.Period{Start: plan.MustParseDate("2025-05-25"), End: plan.MustParseDate("2026-05-31")},
			Delivered: plan.MustParseDate("2025-06-20")},
	)
	segs, err := book.Segments(plan.MustMonth(2025, time.May).Days(), plan.MustParseDate("2025-06-25"), tariff.StatutoryAmounts())
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range segs {
		fmt.Println(s.Period, s.Tariff, s.Basis)
	}
	// Output:
	// 2025-05-01..2025-05-14 24.10 attest
	// 2025-05-15..2025-05-24 35.89 maximum
	// 2025-05-25..2025-05-31 22.00 attest
}

// Asking for an amount of a year that is not known is an error naming the
// amount and the year and saying how to supply it, never a guess.
func ExampleAmountTable_Get() {
	_, err := tariff.StatutoryAmounts().Get(2026, tariff.Maximum)
	fmt.Println(err)
	// Output: amounts: the maximum tariff of 2026 is not known, and it is never extrapolated: add {"year": 2026, "kind": "maximum", "value": "…", "confirmed": false, "source": "…"} to the amount table (a case file's "amounts"; examples/invoice -amounts FILE) [unknown_year]
}

// An organiser supplies a year the library does not know yet by laying its
// own table over the statutory one. (The value below is a placeholder of
// the test, not a published amount.)
func ExampleAmountTable_Merge() {
	mine := tariff.AmountTable{{Year: 2026, Kind: tariff.Maximum, Value: tariff.MustTariff("36.00"),
		Confirmed: false, Source: "placeholder for the example"}}
	amounts := tariff.StatutoryAmounts().Merge(mine)
	for _, y := range []int{2024, 2026} {
		a, err := amounts.Get(y, tariff.Maximum)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(y, a.Value, "confirmed:", a.Confirmed)
	}
	// Output:
	// 2024 34.64 confirmed: true
	// 2026 36.00 confirmed: false
}

// An attest above the year's maximum tariff is a problem naming both
// values and the field.
func ExampleAttestBook_CheckAmounts() {
	book := tariff.Seed004AttestBook(tariff.Attest{Kind: tariff.AttestRegular, Daily: tariff.MustTariff("36.00"),
		Valid: plan.Period{Start: plan.MustParseDate("2024-03-01"), End: plan.MustParseDate("2024-12-31")}})
	for _, p := range plan.AsProblems(book.CheckAmounts(tariff.StatutoryAmounts())) {
		fmt.Println(p.Field, p.Date, p.Message)
	}
	// Output:
	// attests[0].daily 2024-03-01 the daily tariff 36.00 is above the maximum tariff of 2024, 34.64
}
