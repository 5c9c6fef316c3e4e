package absence_test

import (
	"fmt"
	"time"

	"github.com/kinderopvang/regels/absence"
	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
	"github.com/shopspring/decimal"
)

// Three days a week over a full year: 18 × 3/5 = 10.8, rounded as the
// organiser chooses.
func ExampleComputeEntitlement() {
	full := []plan.Slot{{Start: plan.MustClock("07:30"), End: plan.MustClock("17:30")}}
	p := plan.Plan{Kind: plan.KindRegular, Start: plan.MustParseDate("2024-09-02"),
		Schedule: plan.Schedule{Weeks: []plan.Week{{Monday: full, Tuesday: full, Thursday: full}}}}
	for _, r := range []absence.Rounding{absence.RoundDown, absence.RoundUp, absence.RoundNone} {
		pol := absence.Seed004Policy()
		pol.Rounding = r
		e, err := absence.ComputeEntitlement(2025, []plan.Plan{p}, pol)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(r, e.Exact, "→", e.Days)
	}
	// Output:
	// down 10.8 → 10
	// up 10.8 → 11
	// none 10.8 → 10.8
}

// A month with a planned absence reported too late, a child sent home ill
// and a closing day.
func ExampleProcess() {
	bxl := plan.Brussels()
	at := func(s string) time.Time { t, _ := time.ParseInLocation("2006-01-02 15:04", s, bxl); return t }
	full := []plan.Slot{{Start: plan.MustClock("07:30"), End: plan.MustClock("17:30")}}
	in := absence.Input{
		Period:   plan.Period{Start: plan.MustParseDate("2025-06-02"), End: plan.MustParseDate("2025-06-13")},
		Plan:     plan.Plan{Kind: plan.KindRegular, Start: plan.MustParseDate("2025-01-01"), Schedule: plan.Schedule{Weeks: []plan.Week{{Monday: full, Tuesday: full, Thursday: full}}}},
		Calendar: plan.Calendar{}, // Pinkstermaandag 9 June is a public holiday
		Child:    tariff.Child{Birth: plan.MustParseDate("2023-06-01")},
		Sessions: []plan.Session{
			{In: at("2025-06-02 07:30"), Out: at("2025-06-02 17:30")},
			{In: at("2025-06-05 07:30"), Out: at("2025-06-05 11:30")}, // sent home ill at 11:30
			{In: at("2025-06-10 07:30"), Out: at("2025-06-10 17:30")},
			{In: at("2025-06-12 07:30"), Out: at("2025-06-12 17:30")},
		},
		Absences: []absence.Absence{{
			Period:     plan.Period{Start: plan.MustParseDate("2025-06-03"), End: plan.MustParseDate("2025-06-03")},
			ReportedAt: at("2025-06-02 08:00"), // one day ahead: too late
		}},
		Attests: tariff.Seed004AttestBook(tariff.Attest{Kind: tariff.AttestRegular, Daily: tariff.MustTariff("24.00"),
			Valid: plan.Period{Start: plan.MustParseDate("2025-01-01"), End: plan.MustParseDate("2025-12-31")}}),
		Amounts: tariff.StatutoryAmounts(),
		AsOf:    plan.MustParseDate("2025-07-01"),
	}
	start := absence.Ledger{Year: 2025, Entitlement: decimal.NewFromInt(10)}
	r, err := absence.Process(in, start, absence.Seed004Policy())
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, d := range r.Days {
		fmt.Printf("%s %-14s used %-3s late fee %s\n", d.Date, d.Kind, d.Used, d.LateFee)
	}
	fmt.Println("left:", r.End.Balance())
	// Output:
	// 2025-06-02 present        used 0   late fee 0.00
	// 2025-06-03 justified      used 1   late fee 6.47
	// 2025-06-05 partly_present used 0.5 late fee 0.00
	// 2025-06-09 closed         used 0   late fee 0.00
	// 2025-06-10 present        used 0   late fee 0.00
	// 2025-06-12 present        used 0   late fee 0.00
	// left: 8.5
}

// A child taken ill from Monday to Wednesday, reported on Monday at 09:00
// after the agreed start of 07:30: judged at its first day (the default),
// or each day before its own start time (SuddenEachDay).
func ExampleSuddenNotice() {
	bxl := plan.Brussels()
	at := func(s string) time.Time { t, _ := time.ParseInLocation("2006-01-02 15:04", s, bxl); return t }
	full := []plan.Slot{{Start: plan.MustClock("07:30"), End: plan.MustClock("17:30")}}
	in := absence.Input{
		Period: plan.Period{Start: plan.MustParseDate("2025-06-16"), End: plan.MustParseDate("2025-06-18")},
		Plan: plan.Plan{Kind: plan.KindRegular, Start: plan.MustParseDate("2025-01-01"),
			Schedule: plan.Schedule{Weeks: []plan.Week{{Monday: full, Tuesday: full, Wednesday: full, Thursday: full, Friday: full}}}},
		Child: tariff.Child{Birth: plan.MustParseDate("2023-06-01")},
		Absences: []absence.Absence{{Period: plan.Period{Start: plan.MustParseDate("2025-06-16"), End: plan.MustParseDate("2025-06-18")},
			Sudden: true, ReportedAt: at("2025-06-16 09:00")}},
		Attests: tariff.Seed004AttestBook(tariff.Attest{Kind: tariff.AttestRegular, Daily: tariff.MustTariff("24.00"),
			Valid: plan.Period{Start: plan.MustParseDate("2025-01-01"), End: plan.MustParseDate("2025-12-31")}}),
		Amounts: tariff.StatutoryAmounts(),
		AsOf:    plan.MustParseDate("2025-07-01"),
	}
	for _, reading := range []absence.SuddenNotice{absence.SuddenFirstDay, absence.SuddenEachDay} {
		p := absence.Seed004Policy()
		p.Notice.Sudden = reading
		r, err := absence.Process(in, absence.Ledger{Year: 2025, Entitlement: decimal.NewFromInt(10)}, p)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Print(reading, ":")
		for _, d := range r.Days {
			fmt.Print(" ", d.Date, " ", d.LateFee)
		}
		fmt.Println()
	}
	// Output:
	// first_day: 2025-06-16 6.47 2025-06-17 6.47 2025-06-18 6.47
	// each_day: 2025-06-16 6.47 2025-06-17 0.00 2025-06-18 0.00
}
