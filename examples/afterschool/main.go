// Command afterschool walks through the after-school parent portal of the
// after-school portal manual (seed 000): a family reserves after-school
// care for two siblings, duplicates it to the other Mondays of the month,
// the organiser approves while places are free, the family cancels one day
// (late), and the week view shows the result. It prints what the family
// sees, so everything it prints is Dutch.
//
//	go run ./examples/afterschool
package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/reservation"
	"github.com/kinderopvang/regels/tariff"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "afterschool:", err)
		os.Exit(1)
	}
}

func run(w io.Writer) error {
	d := plan.MustParseDate
	year := plan.Period{Start: d("2026-09-01"), End: d("2027-08-31")}
	school := []time.Weekday{time.Monday, time.Tuesday, time.Thursday, time.Friday}
	b := reservation.Book{
		Locations: []reservation.Location{{
			ID: "bko-linde", Name: "BKO De Linde",
			Moments: []reservation.Moment{
				{ID: "voor", Name: "voorschools", Weekdays: school, Season: reservation.SchoolWeeks, Start: plan.MustClock("07:00"), End: plan.MustClock("08:30"), Capacity: 12},
				{ID: "na", Name: "naschools", Weekdays: school, Season: reservation.SchoolWeeks, Start: plan.MustClock("15:30"), End: plan.MustClock("18:30"), Capacity: 2},
			},
			SchoolHolidays: []plan.Period{{Start: d("2026-11-02"), End: d("2026-11-08")}}, // herfstvakantie
		}},
		Enrolments: []reservation.Enrolment{
			{Child: "Lena", Location: "bko-linde", Period: year},
			{Child: "Milan", Location: "bko-linde", Period: year},
			{Child: "Noor", Location: "bko-linde", Period: year},
		},
	}
	policy := reservation.Policy{CancelLeadDays: 1, Counting: plan.WorkingDays, LateCancelCost: tariff.Cents(500), Source: "example house rules"}
	bxl := plan.Brussels()

	// Another family takes one of the two places on 19 October.
	b, _, err := b.Request(reservation.Request{Children: []string{"Noor"}, Location: "bko-linde", Moment: "na", Date: d("2026-10-19"), Start: plan.MustClock("15:30"), End: plan.MustClock("17:00")})
	if err != nil {
		return err
	}
	if b, _, err = b.Approve("R1"); err != nil {
		return err
	}

	fmt.Fprintln(w, "Reservering aanvragen: naschools op maandag 12/10/2026, 15:30–17:30, voor Lena en Milan")
	b, out, err := b.Request(reservation.Request{Children: []string{"Lena", "Milan"}, Location: "bko-linde", Moment: "na",
		Date: d("2026-10-12"), Start: plan.MustClock("15:30"), End: plan.MustClock("17:30"), At: time.Date(2026, 10, 1, 20, 15, 0, 0, bxl)})
	if err != nil {
		return err
	}
	show(w, out)

	fmt.Fprintln(w, "\nDupliceren naar 19/10, 26/10, 2/11 (herfstvakantie) en 11/11 (Wapenstilstand, een woensdag):")
	for _, id := range []string{out[0].Reservation, out[1].Reservation} {
		var dup []reservation.Outcome
		b, dup, err = b.Duplicate(id, []plan.Date{d("2026-10-19"), d("2026-10-26"), d("2026-11-02"), d("2026-11-11")}, time.Date(2026, 10, 1, 20, 20, 0, 0, bxl))
		if err != nil {
			return err
		}
		show(w, dup)
	}

	fmt.Fprintln(w, "\nGoedkeuren door de opvang (2 plaatsen per dag):")
	var requested []string
	for _, r := range b.Reservations {
		if r.State == reservation.StateRequested {
			requested = append(requested, r.ID)
		}
	}
	b, out, err = b.ApproveAll(requested)
	if err != nil {
		return err
	}
	for _, o := range out {
		fmt.Fprintf(w, "  %s\n", o.MessageNL)
	}

	fmt.Fprintln(w, "\nAnnuleren van Milans reservatie op maandag 26/10/2026, op zondag 25/10/2026 om 21:00:")
	var milan26 string
	for _, r := range b.Reservations {
		if r.Child == "Milan" && r.Date == d("2026-10-26") {
			milan26 = r.ID
		}
	}
	q, err := b.CancelQuote(milan26, time.Date(2026, 10, 25, 21, 0, 0, 0, bxl), policy)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "  Vóór je bevestigt: %s\n", q.MessageNL)
	if b, _, err = b.Cancel(milan26, time.Date(2026, 10, 25, 21, 0, 0, 0, bxl), policy); err != nil {
		return err
	}

	fmt.Fprintln(w, "\nWeekkalender van Lena, week van maandag 19/10/2026:")
	week, err := b.Week("Lena", "bko-linde", d("2026-10-19"))
	if err != nil {
		return err
	}
	for _, day := range week[:5] {
		row := fmt.Sprintf("  %-20s", reservation.DateNL(day.Date))
		for _, m := range day.Moments {
			row += fmt.Sprintf("  %s: %-16s", m.Name, m.StatusNL)
		}
		fmt.Fprintln(w, strings.TrimRight(row, " "))
	}
	return nil
}

// show prints what the family reads about each request: the reservation
// made, or why not.
func show(w io.Writer, out []reservation.Outcome) {
	for _, o := range out {
		if o.Refused != "" {
			fmt.Fprintf(w, "  %-5s geweigerd (%s): %s\n", o.Child, o.Refused.NL(), o.MessageNL)
			continue
		}
		fmt.Fprintf(w, "  %-5s %s: %s\n", o.Child, o.Reservation, o.MessageNL)
	}
}
