package reservation_test

import (
	"fmt"
	"time"

	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/reservation"
	"github.com/kinderopvang/regels/tariff"
)

// A family reserves after-school care for two siblings; the organiser
// approves while places are free; a late cancellation is flagged before
// it is confirmed.
func ExampleBook_Request() {
	d := plan.MustParseDate
	year := plan.Period{Start: d("2026-09-01"), End: d("2027-08-31")}
	b := reservation.Book{
		Locations: []reservation.Location{{
			ID: "bko", Name: "BKO De Linde",
			Moments: []reservation.Moment{{ID: "na", Name: "naschools",
				Weekdays: []time.Weekday{time.Monday, time.Tuesday, time.Thursday, time.Friday},
				Season:   reservation.SchoolWeeks, Start: plan.MustClock("15:30"), End: plan.MustClock("18:30"), Capacity: 1}},
		}},
		Enrolments: []reservation.Enrolment{{Child: "lena", Location: "bko", Period: year}, {Child: "milan", Location: "bko", Period: year}},
	}
	b, outcomes, err := b.Request(reservation.Request{Children: []string{"lena", "milan"}, Location: "bko", Moment: "na",
		Date: d("2026-10-12"), Start: plan.MustClock("15:30"), End: plan.MustClock("17:30")})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, o := range outcomes {
		fmt.Println(o.Child, o.Reservation, o.State)
	}
	b, o1, _ := b.Approve("R1")
	b, o2, _ := b.Approve("R2")
	fmt.Println(o1.State, o2.State, o2.Refused)

	pol := reservation.Policy{CancelLeadDays: 1, Counting: plan.CalendarDays, LateCancelCost: tariff.Cents(500)}
	q, _ := b.CancelQuote("R1", time.Date(2026, 10, 12, 9, 0, 0, 0, plan.Brussels()), pol)
	fmt.Println("late:", q.Late, "cost:", q.Cost, "deadline:", q.Deadline.Format("2006-01-02 15:04"))
	fmt.Println(q.MessageNL)
	// Output:
	// lena R1 requested
	// milan R2 requested
	// approved refused full
	// late: true cost: 5.00 deadline: 2026-10-11 15:30
	// Kosteloos annuleren kan tot 1 kalenderdag vóór de start: zondag 11/10/2026 om 15:30. Je annuleert op maandag 12/10/2026 om 09:00: te laat, dit kost € 5,00.
}

// Applicants for one place, in priority order.
func ExampleRank() {
	d := plan.MustParseDate
	ranked, err := reservation.Rank([]reservation.Applicant{
		{ID: "A", Received: d("2026-01-05"), WantedStart: d("2026-09-01")},
		{ID: "B", Received: d("2026-02-10"), WantedStart: d("2026-09-01"), Groups: []reservation.Group{reservation.GroupWork}},
		{ID: "C", Received: d("2026-03-01"), WantedStart: d("2026-03-20"), Urgent: reservation.UrgentCrisis},
	}, reservation.PriorityPolicy{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range ranked {
		fmt.Println(r.MessageNL)
	}
	// Output:
	// Plaats 1: voorrang (opvang nodig voor werk); aanvraag ontvangen op dinsdag 10/02/2026.
	// Plaats 2: voorrang (noodaanvraag (acute crisis in het gezin)); aanvraag ontvangen op zondag 01/03/2026.
	// Plaats 3: geen voorrang; aanvraag ontvangen op maandag 05/01/2026.
}
