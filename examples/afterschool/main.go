// Command afterschool walks through the after-school parent portal of the
// after-school portal manual (seed 000): a family reserves after-school
// care for two siblings, duplicates it to the other Mondays of the month,
// the organiser approves while places are free, the family cancels one day
// (late), the week view shows the result, and the month's invoice bills it
// by the municipality's price list. It prints what the family sees, so
// everything it prints is Dutch.
//
//	go run ./examples/afterschool
package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/kinderopvang/regels/invoice"
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

	// The month's invoice, from the same book: since 2026 the municipality
	// organises after-school care and bills it by its own price list.
	fmt.Fprintln(w, "\nDe factuur van oktober 2026 (prijslijst van de gemeente):")
	inv, err := invoice.Build(october(b))
	if err != nil {
		return err
	}
	fmt.Fprint(w, indent(inv.Text()))
	return nil
}

// october is the Claes family's October 2026 at BKO De Linde: the book's
// reservations of Lena and Milan, and their check-ins and check-outs —
// both on the 12th, Lena alone on the 19th (Milan's request was refused:
// full) and the 26th (Milan's reservation cancelled too late).
func october(b reservation.Book) invoice.Case {
	d := plan.MustParseDate
	at := func(day, clock string) time.Time {
		c := plan.MustClock(clock)
		return time.Date(d(day).Year(), d(day).Month(), d(day).Day(), c.Hour(), c.Minute(), 0, 0, plan.Brussels())
	}
	of := func(child string) []reservation.Reservation {
		var out []reservation.Reservation
		for _, r := range b.Reservations {
			if r.Child == child && r.Date.Month() == time.October {
				out = append(out, r)
			}
		}
		return out
	}
	lena := []plan.Session{
		{In: at("2026-10-12", "15:30"), Out: at("2026-10-12", "17:20")},
		{In: at("2026-10-19", "15:30"), Out: at("2026-10-19", "17:25")},
		{In: at("2026-10-26", "15:35"), Out: at("2026-10-26", "17:30")},
	}
	milan := []plan.Session{{In: at("2026-10-12", "15:30"), Out: at("2026-10-12", "17:20")}}
	loc := tariff.Location{ID: "bko-linde"}
	return invoice.Case{
		Month: plan.MustMonth(2026, time.October), Number: "BKO-2610-0031", InvoiceDate: d("2026-11-03"),
		Family: invoice.Family{ID: "G-221", Name: "Claes", Address: "Lindestraat 4, 3000 Leuven"},
		Children: []invoice.Child{
			{Child: tariff.Child{Code: "Lena", Birth: d("2018-04-14"), FullTimeSchoolFrom: d("2021-09-01")}, Name: "Lena Claes", Location: loc, Sessions: lena, Reservations: of("Lena")},
			{Child: tariff.Child{Code: "Milan", Birth: d("2020-01-09"), FullTimeSchoolFrom: d("2023-09-01")}, Name: "Milan Claes", Location: loc, Sessions: milan, Reservations: of("Milan")},
		},
		Rules: invoice.ExampleAfterSchoolHouseRules(),
	}
}

// indent indents each line of text that is not empty by two spaces.
func indent(text string) string {
	var b strings.Builder
	for _, line := range strings.SplitAfter(text, "\n") {
		if strings.TrimSpace(line) != "" {
			b.WriteString("  ")
		}
		b.WriteString(line)
	}
	return b.String()
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
