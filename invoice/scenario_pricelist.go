package invoice

import (
	"time"

	"github.com/kinderopvang/regels/absence"
	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/reservation"
	"github.com/kinderopvang/regels/tariff"
	"github.com/shopspring/decimal"
)

// ExampleAfterSchoolHouseRules are the house rules of a seed-000 style
// after-school organiser without income tariff: a municipality's
// after-school care under the decree on after-school care and activities
// (since 1 January 2026), billed by its own price list. The prices are an
// example, not a law: per day part — under 3 hours 4.00, 3 to 6 hours 7.50,
// 6 hours or more 12.00 — the social prices at half, 25 % off for the second
// child of a family in care the same day (Kind en Gezin's page on
// school-age care names capped prices per day part and a sibling discount;
// the figures are this organiser's). No waste, hot-meal or administration
// costs.
func ExampleAfterSchoolHouseRules() HouseRules {
	parts := func(a, b, c string) []tariff.DayPart {
		return []tariff.DayPart{{FromMinutes: 1, Price: tariff.MustMoney(a)}, {FromMinutes: 180, Price: tariff.MustMoney(b)}, {FromMinutes: 360, Price: tariff.MustMoney(c)}}
	}
	return HouseRules{
		Name:    "Buitenschoolse opvang De Linde (gemeente, voorbeeld)",
		Absence: absence.Seed004Policy(),
		Notice:  plan.Seed004NoticePolicy(),
		Bands:   tariff.StatutoryClassifier(),
		Pricing: tariff.Pricing{Model: tariff.PricingPriceList, PriceList: &tariff.PriceList{
			Versions:        []tariff.ListPrices{{DayParts: parts("4.00", "7.50", "12.00")}},
			Social:          []tariff.ListPrices{{DayParts: parts("2.00", "3.75", "6.00")}},
			SiblingDiscount: decimal.New(25, -2),
			Source:          "price list of BKO De Linde (an example of a municipal price list, 2026)",
		}},
		NoticeFeeShare:    decimal.New(25, -2),
		PaymentTermMonths: 1,
		Source:            "house rules of BKO De Linde (example, seed 000 style)",
	}
}

// ExampleAfterSchoolPolicy is that organiser's cancellation rule: free
// until the working day before, 5.00 after that (an example).
func ExampleAfterSchoolPolicy() reservation.Policy {
	return reservation.Policy{CancelLeadDays: 1, Counting: plan.WorkingDays, LateCancelCost: tariff.Cents(500),
		Source: "house rules of BKO De Linde (example): cancel free until the working day before"}
}

// afterSchoolPriceList is March 2026 at BKO De Linde for Lena and Milan
// Claes: reservations before and after school on Monday, Tuesday, Thursday
// and Friday and on Wednesday afternoon (Lena), after school on Monday and
// Thursday (Milan); Lena absent on Friday 13 March without cancelling, her
// morning of Tuesday 17 cancelled in time, Milan's Thursday 19 cancelled
// too late, Milan present on Tuesday 24 without a reservation.
func afterSchoolPriceList() Scenario {
	d := plan.MustParseDate
	bxl := plan.Brussels()
	month := plan.MustMonth(2026, time.March)
	school := []time.Weekday{time.Monday, time.Tuesday, time.Thursday, time.Friday}
	b := reservation.Book{
		Locations: []reservation.Location{{ID: "bko-linde", Name: "BKO De Linde", Moments: []reservation.Moment{
			{ID: "voor", Name: "voorschools", Weekdays: school, Season: reservation.AllYear, Start: plan.MustClock("07:00"), End: plan.MustClock("08:30"), Capacity: 20},
			{ID: "na", Name: "naschools", Weekdays: school, Season: reservation.AllYear, Start: plan.MustClock("15:30"), End: plan.MustClock("18:30"), Capacity: 20},
			{ID: "woe", Name: "woensdagnamiddag", Weekdays: []time.Weekday{time.Wednesday}, Season: reservation.AllYear, Start: plan.MustClock("12:00"), End: plan.MustClock("18:30"), Capacity: 20},
		}}},
		Enrolments: []reservation.Enrolment{
			{Child: "K-301", Location: "bko-linde", Period: plan.Period{Start: d("2025-09-01"), End: d("2026-08-31")}},
			{Child: "K-302", Location: "bko-linde", Period: plan.Period{Start: d("2025-09-01"), End: d("2026-08-31")}},
		},
	}
	request := func(child, moment string, day plan.Date, from, to string) {
		var out []reservation.Outcome
		b, out, _ = b.Request(reservation.Request{Children: []string{child}, Location: "bko-linde", Moment: moment, Date: day,
			Start: plan.MustClock(from), End: plan.MustClock(to), At: time.Date(2026, 2, 20, 20, 0, 0, 0, bxl)})
		if len(out) == 1 && out[0].Reservation != "" {
			b, _, _ = b.Approve(out[0].Reservation)
		}
	}
	var lena, milan []plan.Session
	session := func(day plan.Date, from, to string) plan.Session {
		return plan.Session{In: at(day.String(), from), Out: at(day.String(), to)}
	}
	for day := range month.Days().Days() {
		switch day.Weekday() {
		case time.Monday, time.Tuesday, time.Thursday, time.Friday:
			request("K-301", "voor", day, "07:30", "08:20")
			request("K-301", "na", day, "15:45", "17:30")
			if day != d("2026-03-13") {
				lena = append(lena, session(day, "07:32", "08:20"), session(day, "15:45", "17:25"))
			}
			if day.Weekday() == time.Monday || day.Weekday() == time.Thursday {
				request("K-302", "na", day, "15:45", "17:30")
				if day != d("2026-03-19") {
					milan = append(milan, session(day, "15:45", "17:20"))
				}
			}
		case time.Wednesday:
			request("K-301", "woe", day, "12:00", "17:30")
			lena = append(lena, session(day, "12:05", "17:30"))
		}
	}
	policy := ExampleAfterSchoolPolicy()
	for _, r := range b.Reservations {
		switch {
		case r.Child == "K-301" && r.Moment == "voor" && r.Date == d("2026-03-17"): // cancelled the evening before: in time
			b, _, _ = b.Cancel(r.ID, time.Date(2026, 3, 16, 7, 0, 0, 0, bxl), policy)
		case r.Child == "K-302" && r.Date == d("2026-03-19"): // cancelled that morning: too late
			b, _, _ = b.Cancel(r.ID, time.Date(2026, 3, 19, 7, 45, 0, 0, bxl), policy)
		}
	}
	// Lena's cancelled Tuesday morning: she comes after school only.
	for i, s := range lena {
		if s.In.Equal(at("2026-03-17", "07:32")) {
			lena = append(lena[:i], lena[i+1:]...)
			break
		}
	}
	milan = append(milan, session(d("2026-03-24"), "15:50", "17:05")) // no reservation
	of := func(child string) []reservation.Reservation {
		var out []reservation.Reservation
		for _, r := range b.Reservations {
			if r.Child == child {
				out = append(out, r)
			}
		}
		return out
	}
	loc := tariff.Location{ID: "bko-linde"}
	c := Case{
		Month: month, Number: "BKO-2026-03-0117", InvoiceDate: d("2026-04-02"),
		Family: Family{ID: "G-221", Name: "Claes", Address: "Lindestraat 4, 3000 Leuven"},
		Children: []Child{
			{Child: tariff.Child{Code: "K-301", Birth: d("2018-04-14"), FullTimeSchoolFrom: d("2021-09-01")}, Name: "Lena Claes", Location: loc, Sessions: lena, Reservations: of("K-301")},
			{Child: tariff.Child{Code: "K-302", Birth: d("2020-01-09"), FullTimeSchoolFrom: d("2023-09-01")}, Name: "Milan Claes", Location: loc, Sessions: milan, Reservations: of("K-302")},
		},
		Rules: ExampleAfterSchoolHouseRules(),
	}
	return Scenario{Name: "after_school_price_list", Description: "a municipal after-school organiser without income tariff (seed 000 style, 2026): reservations, a late cancellation, a sibling discount", Case: c}
}
