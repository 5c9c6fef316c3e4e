package invoice

import (
	"testing"
	"time"

	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/reservation"
	"github.com/shopspring/decimal"
)

// An approved extra day (seed 004 §3.4.1) is a reserved day on the
// invoice: billed at the tariff when attended.
func TestExtraDayFromBook(t *testing.T) {
	s, _ := ScenarioByName("full_time_toddler")
	c := s.Case
	c.Children[0].Plans[0].Schedule.Weeks[0].Friday = nil // Friday is not in the plan any more
	c.Children[0].Sessions, c.Children[0].Absences = nil, nil
	attend(&c, 0, "07:50", "17:05") // 17 days: March 2025 has 5 Mondays and 4 Tuesdays, Wednesdays and Thursdays
	book := reservation.Book{
		Locations: []reservation.Location{{ID: "OO-Els", Name: "Onthaalouder Els", Moments: []reservation.Moment{{ID: "dag", Name: "opvangdag",
			Weekdays: []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday}, Season: reservation.AllYear,
			Start: plan.MustClock("07:00"), End: plan.MustClock("18:00"), Capacity: 4}}}},
		Enrolments: []reservation.Enrolment{{Child: "K-118", Location: "OO-Els", Period: plan.Period{Start: plan.MustParseDate("2025-01-01"), End: plan.MustParseDate("2025-12-31")}}},
	}
	plans := map[string]plan.Plan{"K-118": c.Children[0].Plans[0]}
	book, out, err := book.RequestExtraDay(reservation.Request{Children: []string{"K-118"}, Location: "OO-Els", Moment: "dag",
		Date: plan.MustParseDate("2025-03-14"), Start: plan.MustClock("08:00"), End: plan.MustClock("17:00")}, plans, c.Calendar)
	if err != nil || out[0].Refused != "" {
		t.Fatal(out, err)
	}
	book, _, _ = book.Approve(out[0].Reservation)
	c.Children[0].ExtraDays = ExtraDaysFrom(book, "K-118")
	c.Children[0].Sessions = append(c.Children[0].Sessions, plan.Session{In: at("2025-03-14", "08:00"), Out: at("2025-03-14", "16:30")})
	inv, err := Build(c)
	if err != nil {
		t.Fatal(err)
	}
	care := inv.Lines[0]
	if care.Kind != LineCare || !care.Count.Equal(decimal.NewFromInt(18)) { // 17 plan days + the extra Friday
		t.Errorf("care line %+v", care)
	}
	reserved := 0
	for _, o := range inv.Children[0].Reserved {
		if o.Date == plan.MustParseDate("2025-03-14") {
			reserved++
		}
	}
	if reserved != 1 {
		t.Error("the extra day counts as a reserved day")
	}
}
