package invoice

import (
	"fmt"
	"time"

	"github.com/kinderopvang/regels/absence"
	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
)

// Scenario is a named, ready-made case built from the source documents, for
// examples, golden tests and benchmarks.
type Scenario struct {
	Name        string `json:"name"`
	Description string `json:"description"`
	Case        Case   `json:"case"`
}

// Scenarios returns the reference scenarios: under the seed-004 house
// rules in 2025 (the last year whose statutory amounts are known), and one
// of a seed-000 style organiser without income tariff in 2026:
//
//   - full_time_toddler: five full days a week, one absence reported in time;
//   - part_time_runs_out: three days a week, the justified days run out;
//   - late_pickup: picked up after the plan's hours, once with agreement;
//   - ill_sent_home: sent home ill at noon (seed 004 §2.4);
//   - after_school: a school-age child with short moments and hot meals;
//   - attest_change: a new attest from the 15th;
//   - closing_days: Easter Monday and a training day;
//   - notice_not_respected: the family leaves with three weeks' notice;
//   - after_school_price_list: a municipal after-school organiser of 2026
//     billing by its own price list from the reservation book.
func Scenarios() []Scenario {
	return []Scenario{
		fullTimeToddler(), partTimeRunsOut(), latePickup(), illSentHome(),
		afterSchool(), attestChange(), closingDays(), noticeNotRespected(),
		afterSchoolPriceList(),
	}
}

// ScenarioByName returns the scenario called name.
func ScenarioByName(name string) (Scenario, error) {
	for _, s := range Scenarios() {
		if s.Name == name {
			return s, nil
		}
	}
	return Scenario{}, fmt.Errorf("invoice: no scenario %q", name)
}

func sd(s string) plan.Date { return plan.MustParseDate(s) }

func at(day, clock string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", day+" "+clock, plan.Brussels())
	if err != nil {
		return time.Time{}
	}
	return t
}

func slot(from, to string) []plan.Slot {
	return []plan.Slot{{Start: plan.MustClock(from), End: plan.MustClock(to)}}
}

// baseCase is a March 2025 invoice of the Peeters family with one toddler,
// Noor, on Monday, Tuesday and Thursday, 07:45–17:15.
func baseCase() Case {
	noor := Child{
		Child:    tariff.Child{Code: "K-118", Birth: sd("2023-06-12")},
		Name:     "Noor Peeters",
		Location: tariff.Location{ID: "OO-Els", Flex: false},
		Plans: []plan.Plan{{Kind: plan.KindRegular, Start: sd("2024-09-02"), End: sd("2026-08-31"),
			Schedule: plan.Schedule{Weeks: []plan.Week{{Monday: slot("07:45", "17:15"), Tuesday: slot("07:45", "17:15"), Thursday: slot("07:45", "17:15")}}}}},
		Attests: tariff.Seed004AttestBook(tariff.Attest{ChildCode: "K-118", Kind: tariff.AttestRegular, Daily: tariff.MustTariff("24.10"),
			Valid: plan.Period{Start: sd("2025-01-01"), End: sd("2025-12-31")}}),
		Ledger: absence.Ledger{Year: 2025, Entitlement: decimalOf("10"), Used: decimalOf("1")},
	}
	return Case{
		Month: plan.MustMonth(2025, time.March), Number: "2025-03-0042", InvoiceDate: sd("2025-04-03"),
		Family:   Family{ID: "F-1042", Name: "Peeters", Address: "Naamsesteenweg 12, 3001 Heverlee"},
		Children: []Child{noor},
		Rules:    Seed004HouseRules(),
	}
}

// attend records full days on every reserved open day of the month, from
// clock from to clock to, except the listed days.
func attend(c *Case, i int, from, to string, except ...string) {
	ch := &c.Children[i]
	for _, p := range ch.Plans {
		for _, d := range p.ReservedDays(c.Month.Days(), c.Calendar) {
			skip := false
			for _, e := range except {
				skip = skip || e == d.Date.String()
			}
			if !skip {
				ch.Sessions = append(ch.Sessions, plan.Session{In: at(d.Date.String(), from), Out: at(d.Date.String(), to)})
			}
		}
	}
}

func fullTimeToddler() Scenario {
	c := baseCase()
	ch := &c.Children[0]
	ch.Plans[0].Schedule.Weeks[0] = plan.Week{Monday: slot("07:45", "17:15"), Tuesday: slot("07:45", "17:15"), Wednesday: slot("07:45", "17:15"),
		Thursday: slot("07:45", "17:15"), Friday: slot("07:45", "17:15")}
	ch.Ledger = absence.Ledger{Year: 2025, Entitlement: decimalOf("18"), Used: decimalOf("2")}
	attend(&c, 0, "07:50", "17:05", "2025-03-21")
	ch.Absences = []absence.Absence{{Period: plan.Period{Start: sd("2025-03-21"), End: sd("2025-03-21")}, ReportedAt: at("2025-03-14", "08:10"), Reason: "bij oma"}}
	return Scenario{Name: "full_time_toddler", Description: "a full-time toddler, one absence reported a week ahead", Case: c}
}

func partTimeRunsOut() Scenario {
	c := baseCase()
	ch := &c.Children[0]
	ch.Ledger = absence.Ledger{Year: 2025, Entitlement: decimalOf("10"), Used: decimalOf("8.5")}
	attend(&c, 0, "07:45", "17:00", "2025-03-10", "2025-03-11", "2025-03-13")
	// The whole week of care (Monday, Tuesday, Thursday), announced 4 weeks
	// ahead: Monday to Thursday with the weekend before is 6 days, "enkele
	// dagen" (seed 004 §3.4.2), due 2 days ahead; in time either way.
	ch.Absences = []absence.Absence{{Period: plan.Period{Start: sd("2025-03-10"), End: sd("2025-03-13")}, ReportedAt: at("2025-02-07", "09:00"), Reason: "skivakantie"}}
	return Scenario{Name: "part_time_runs_out", Description: "three days a week; 1.5 justified days left for a 3-day absence", Case: c}
}

func latePickup() Scenario {
	c := baseCase()
	attend(&c, 0, "07:45", "17:10", "2025-03-04", "2025-03-13", "2025-03-20")
	ch := &c.Children[0]
	ch.Sessions = append(ch.Sessions,
		plan.Session{In: at("2025-03-04", "07:45"), Out: at("2025-03-04", "17:40")}, // 25 minutes: 1 started half hour
		plan.Session{In: at("2025-03-13", "07:45"), Out: at("2025-03-13", "18:01")}, // 46 minutes: 2
		plan.Session{In: at("2025-03-20", "07:45"), Out: at("2025-03-20", "18:30")}) // agreed: free
	ch.AgreedLatePickup = []plan.Date{sd("2025-03-20")}
	return Scenario{Name: "late_pickup", Description: "picked up late twice without agreement, once with", Case: c}
}

func illSentHome() Scenario {
	c := baseCase()
	attend(&c, 0, "07:45", "17:10", "2025-03-18", "2025-03-20")
	ch := &c.Children[0]
	ch.Sessions = append(ch.Sessions, plan.Session{In: at("2025-03-18", "07:45"), Out: at("2025-03-18", "12:00")}) // sent home ill
	ch.Absences = []absence.Absence{{Period: plan.Period{Start: sd("2025-03-20"), End: sd("2025-03-20")}, Sudden: true, ReportedAt: at("2025-03-20", "07:05"), Reason: "koorts"}}
	return Scenario{Name: "ill_sent_home", Description: "sent home ill at noon, then ill at home the next reserved day", Case: c}
}

func afterSchool() Scenario {
	c := baseCase()
	c.Number = "2025-03-0043"
	lars := Child{
		Child:    tariff.Child{Code: "K-077", Birth: sd("2018-11-03")},
		Name:     "Lars Peeters",
		Location: tariff.Location{ID: "OO-Els"},
		Plans: []plan.Plan{{Kind: plan.KindAfterSchool, Start: sd("2024-09-02"), End: sd("2025-06-30"),
			Schedule: plan.Schedule{Weeks: []plan.Week{{
				Monday:    []plan.Slot{{Start: plan.MustClock("07:30"), End: plan.MustClock("08:20")}, {Start: plan.MustClock("15:45"), End: plan.MustClock("16:45")}},
				Wednesday: slot("12:00", "17:30"),
				Friday:    []plan.Slot{{Start: plan.MustClock("07:30"), End: plan.MustClock("08:20")}},
			}}},
			Exclusions: []plan.Exclusion{{Period: plan.Period{Start: sd("2025-03-03"), End: sd("2025-03-09")}, Reason: "krokusvakantie"}}}},
		Attests: tariff.Seed004AttestBook(tariff.Attest{ChildCode: "K-077", Kind: tariff.AttestRegular, Daily: tariff.MustTariff("24.10"),
			Valid: plan.Period{Start: sd("2025-01-01"), End: sd("2025-12-31")}}),
		Ledger: absence.Ledger{Year: 2025, Entitlement: decimalOf("5"), Used: decimalOf("0")},
	}
	c.Children = []Child{lars}
	for _, p := range lars.Plans {
		for _, d := range p.ReservedDays(c.Month.Days(), c.Calendar) {
			for _, s := range d.Slots {
				c.Children[0].Sessions = append(c.Children[0].Sessions, plan.Session{In: at(d.Date.String(), s.Start.String()), Out: at(d.Date.String(), s.End.String())})
			}
			if d.Date.Weekday() == time.Wednesday {
				c.Children[0].HotMeals = append(c.Children[0].HotMeals, d.Date)
			}
		}
	}
	return Scenario{Name: "after_school", Description: "a school-age child: short moments before and after school summed per day, Wednesday afternoons with a hot meal", Case: c}
}

func attestChange() Scenario {
	c := baseCase()
	ch := &c.Children[0]
	ch.Attests = tariff.Seed004AttestBook(
		tariff.Attest{ChildCode: "K-118", Kind: tariff.AttestRegular, Daily: tariff.MustTariff("24.10"), Valid: plan.Period{Start: sd("2025-01-01"), End: sd("2025-03-14")}},
		tariff.Attest{ChildCode: "K-118", Kind: tariff.AttestFallenIncome, Daily: tariff.MustTariff("12.35"), Valid: plan.Period{Start: sd("2025-03-15"), End: sd("2026-03-14")}},
	)
	attend(&c, 0, "07:45", "17:00")
	return Scenario{Name: "attest_change", Description: "an individual reduced tariff (fallen income) from 15 March", Case: c}
}

func closingDays() Scenario {
	c := baseCase()
	c.Month, c.Number, c.InvoiceDate = plan.MustMonth(2025, time.April), "2025-04-0042", sd("2025-05-05")
	c.Calendar = plan.Calendar{Closures: []plan.Closure{{Period: plan.Period{Start: sd("2025-04-10"), End: sd("2025-04-10")}, Reason: "pedagogische studiedag",
		InYearlyOverview: true, Announced: sd("2025-01-20")}}}
	attend(&c, 0, "07:45", "17:00")
	return Scenario{Name: "closing_days", Description: "April 2025: Easter Monday and a training day, neither billed nor counted", Case: c}
}

func noticeNotRespected() Scenario {
	c := baseCase()
	attend(&c, 0, "07:45", "17:00")
	c.Children[0].Notice = &plan.Notice{By: plan.Family, Given: sd("2025-03-10"), LastDay: sd("2025-03-31")}
	return Scenario{Name: "notice_not_respected", Description: "notice given on 10 March for 31 March: the 2-month term runs to 9 May", Case: c}
}

// SampleCase is the main example: the Peeters family in May 2025, with
// Noor (a toddler, three full days a week) and Lars (school-age: short
// moments before and after school, Wednesday afternoons with a hot meal).
// May 2025 has Dag van de Arbeid (1 May) and Onze Lieve Heer Hemelvaart
// (29 May), and the caregiver closes on the bridge day of 30 May. Noor is
// absent for a family visit reported one day late, ill at home one day
// (reported before the start time) and picked up late once.
func SampleCase() Case {
	c := baseCase()
	c.Month, c.Number, c.InvoiceDate = plan.MustMonth(2025, time.May), "2025-05-0042", sd("2025-06-04")
	c.Calendar = plan.Calendar{Closures: []plan.Closure{{Period: plan.Period{Start: sd("2025-05-30"), End: sd("2025-05-30")},
		Reason: "brugdag", InYearlyOverview: true, Announced: sd("2025-01-20")}}}
	noor := &c.Children[0]
	noor.Ledger = absence.Ledger{Year: 2025, Entitlement: decimalOf("10"), Used: decimalOf("3")}
	attend(&c, 0, "07:45", "17:05", "2025-05-12", "2025-05-13", "2025-05-20", "2025-05-26")
	noor.Sessions = append(noor.Sessions, plan.Session{In: at("2025-05-26", "07:45"), Out: at("2025-05-26", "17:52")}) // 37 min late: 2 half hours
	noor.Absences = []absence.Absence{
		{Period: plan.Period{Start: sd("2025-05-12"), End: sd("2025-05-13")}, ReportedAt: at("2025-05-11", "18:30"), Reason: "familiebezoek"}, // 1 day ahead: late
		{Period: plan.Period{Start: sd("2025-05-20"), End: sd("2025-05-20")}, Sudden: true, ReportedAt: at("2025-05-20", "07:10"), Reason: "ziek"},
	}

	lars := afterSchool().Case.Children[0]
	lars.Sessions, lars.HotMeals = nil, nil
	lars.Plans[0].Exclusions = nil
	c.Children = append(c.Children, lars)
	for _, p := range lars.Plans {
		for _, d := range p.ReservedDays(c.Month.Days(), c.Calendar) {
			for _, s := range d.Slots {
				c.Children[1].Sessions = append(c.Children[1].Sessions, plan.Session{In: at(d.Date.String(), s.Start.String()), Out: at(d.Date.String(), s.End.String())})
			}
			if d.Date.Weekday() == time.Wednesday {
				c.Children[1].HotMeals = append(c.Children[1].HotMeals, d.Date)
			}
		}
	}
	return c
}
