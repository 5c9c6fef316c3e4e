// Command careplan prints a month of a toddler's care plan (opvangplan) at
// the family daycare service of seed 004 (Zorg Leuven): the reserved days
// and hours, the days the service is closed and why, the full-time ratio
// that prorates the justified absence days, and what a notice given that
// month would mean.
//
//	go run ./examples/careplan              # April 2026
//	go run ./examples/careplan -month 2026-05
//	go run ./examples/careplan -json        # the month as JSON
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/kinderopvang/regels/plan"
)

func main() {
	month := flag.String("month", "2026-04", "the month to show, YYYY-MM")
	asJSON := flag.Bool("json", false, "print the month's planned days as JSON")
	flag.Parse()
	if err := run(os.Stdout, *month, *asJSON); err != nil {
		fmt.Fprintln(os.Stderr, "careplan:", err)
		os.Exit(1)
	}
}

// scenario is Noor's plan: full days on Monday, Tuesday and Thursday from
// 1 September 2025, with the closing days of her caregiver in 2026.
func scenario() (plan.Plan, plan.Calendar) {
	full := []plan.Slot{{Start: plan.MustClock("07:45"), End: plan.MustClock("17:15")}}
	short := []plan.Slot{{Start: plan.MustClock("07:45"), End: plan.MustClock("12:30")}}
	p := plan.Plan{
		Kind:       plan.KindRegular,
		Start:      plan.MustParseDate("2025-09-01"),
		End:        plan.MustParseDate("2027-08-31"), // expected: first day of nursery school in September 2027
		SettlingIn: []plan.Date{plan.MustParseDate("2025-08-27"), plan.MustParseDate("2025-08-29")},
		Schedule:   plan.Schedule{Weeks: []plan.Week{{Monday: full, Tuesday: full, Thursday: short}}},
	}
	day := func(s string) plan.Period { d := plan.MustParseDate(s); return plan.Period{Start: d, End: d} }
	c := plan.Calendar{Closures: []plan.Closure{
		{Period: day("2026-04-16"), Reason: "pedagogische studiedag", Announced: plan.MustParseDate("2026-01-20"), InYearlyOverview: true},
		{Period: day("2026-05-15"), Reason: "brugdag", Announced: plan.MustParseDate("2026-01-20"), InYearlyOverview: true},
		{Period: plan.Period{Start: plan.MustParseDate("2026-07-20"), End: plan.MustParseDate("2026-08-07")}, Reason: "zomersluiting",
			Announced: plan.MustParseDate("2026-01-20"), InYearlyOverview: true},
		{Period: day("2026-06-12"), Reason: "ziekte onthaalouder", Announced: plan.MustParseDate("2026-06-11")},
	}}
	return p, c
}

func run(w io.Writer, monthText string, asJSON bool) error {
	m, err := plan.ParseMonth(monthText)
	if err != nil {
		return err
	}
	p, c := scenario()
	if err := p.Validate(plan.Facts{Birth: plan.MustParseDate("2024-10-03")}); err != nil {
		return fmt.Errorf("the scenario's plan is invalid: %w", err)
	}
	days := p.Days(m.Days(), c)
	if asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(days)
	}

	fmt.Fprintf(w, "Opvangplan van Noor — %s %d\n", dutchMonth(m.Month()), m.Year())
	fmt.Fprintf(w, "Dienst voor Opvanggezinnen, Zorg Leuven (huishoudelijk reglement, seed 004)\n\n")
	reserved, minutes := 0, 0
	for _, d := range days {
		if d.Closed != nil {
			fmt.Fprintf(w, "  %s %-9s gesloten: %s\n", d.Date, dutchWeekday(d.Date.Weekday()), d.Closed.Reason)
			continue
		}
		reserved++
		minutes += d.Minutes()
		fmt.Fprintf(w, "  %s %-9s %s  (%s)\n", d.Date, dutchWeekday(d.Date.Weekday()), d.Slots[0], hours(d.Minutes()))
	}
	fmt.Fprintf(w, "\nGereserveerde dagen: %d, samen %s\n", reserved, hours(minutes))
	fmt.Fprintf(w, "Voltijdsbreuk (dagen per week ÷ 5): %s — basis voor de respijtdagen (Opgroeien FAQ)\n", p.FullTimeRatio())

	if err := plan.CheckAnnouncements(c, plan.Seed004AnnouncementPolicy()); err != nil {
		fmt.Fprintln(w, "\nSluitingsdagen te laat gemeld:")
		for _, pr := range plan.AsProblems(err) {
			fmt.Fprintf(w, "  %s\n", pr.Message)
		}
	}

	// A notice given on the 10th of this month, leaving at its end.
	n := plan.Notice{By: plan.Family, Given: plan.MustDate(m.Year(), m.Month(), 10), LastDay: m.Last()}
	res, err := plan.EvaluateNotice(n, p, c, plan.Seed004NoticePolicy())
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\nOpzeg op %s met laatste opvangdag %s:\n", n.Given, n.LastDay)
	fmt.Fprintf(w, "  vroegste laatste dag volgens de opzegtermijn van 2 maanden: %s\n", res.EarliestLastDay)
	if res.Respected {
		fmt.Fprintln(w, "  opzegtermijn gerespecteerd: geen opzegvergoeding")
	} else {
		fmt.Fprintf(w, "  te kort: %s; opzegvergoeding op %d gereserveerde dag(en)\n", res.Shortfall, len(res.FeeDays))
	}
	fmt.Fprintf(w, "  regel: %s\n", res.Rule)
	return nil
}

func hours(min int) string { return fmt.Sprintf("%du%02d", min/60, min%60) }

func dutchWeekday(d time.Weekday) string {
	return [...]string{"zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"}[d]
}

func dutchMonth(m time.Month) string {
	return [...]string{"januari", "februari", "maart", "april", "mei", "juni", "juli",
		"augustus", "september", "oktober", "november", "december"}[m-1]
}
