package tariff

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/kinderopvang/regels/plan"
)

// CodeOutsideStatutory is a daily tariff below the lowest tariff or above
// the maximum tariff of a year it applies in.
const CodeOutsideStatutory plan.Code = "outside_statutory"

// CheckAmounts reports every year in which the attest's daily tariff lies
// outside the statutory range: below that year's lowest tariff or above its
// maximum, for each year the validity touches whose amount amounts holds
// (years and kinds it does not hold are skipped: CheckAmounts judges only
// what is known). The problems have the field "daily" and the first day of
// the attest in that year. An individual reduced tariff may lie below the
// standard minimum, so the standard minimum is not checked for it; an
// attest whose kind is an amount of the year (maximum, standard_minimum,
// lowest) states that amount, and an OCMW tariff (social_half) is at least
// the standard minimum. An attest with no tariff or an invalid validity is
// Validate's to report; CheckAmounts returns nil for it.
func (a Attest) CheckAmounts(amounts AmountTable) error {
	if a.Daily.IsZero() || a.Valid.Validate() != nil {
		return nil
	}
	first, last := a.Valid.Start.Year(), a.Valid.End.Year()
	var ps plan.Problems
	for _, amt := range amounts {
		if amt.Year < first || amt.Year > last || amt.Value.IsZero() {
			continue // a year the attest does not touch; no value is Validate's
		}
		// Source: Kind en Gezin / Opgroeien — the income-related tariff lies
		// between the lowest tariff and the maximum tariff of the year; an
		// individual reduced tariff may go below the standard minimum, not
		// below the lowest (VVSG 30-10-2023: 1.97 to 34.64 in 2024).
		var p plan.Problem
		switch {
		case amt.Kind == Lowest && a.Daily.Cmp(amt.Value) < 0:
			p = plan.Problem{Rule: plan.Rule{ID: "tariff.attest.lowest", Source: amt.Source},
				Message: fmt.Sprintf("the daily tariff %s is below the lowest tariff of %d, %s%s", a.Daily, amt.Year, amt.Value, unconfirmed(amt))}
		case amt.Kind == Maximum && a.Daily.Cmp(amt.Value) > 0:
			p = plan.Problem{Rule: plan.Rule{ID: "tariff.attest.maximum", Source: amt.Source},
				Message: fmt.Sprintf("the daily tariff %s is above the maximum tariff of %d, %s%s", a.Daily, amt.Year, amt.Value, unconfirmed(amt))}
		// Source: seed 004 §3.1 — an "attest met maximumtarief", and the
		// attests "op 1 januari [...] aangepast": a tariff named after an
		// amount of the year is that year's amount (VVSG 30-10-2023: the
		// maximum of 2024 is 34.64, not 2023's 33.31); Kind en Gezin — the
		// OCMW tariff is half the computed one, at least the standard minimum.
		case a.Kind == AttestMaximum && amt.Kind == Maximum && a.Daily != amt.Value,
			a.Kind == AttestStandardMin && amt.Kind == StandardMinimum && a.Daily != amt.Value,
			a.Kind == AttestLowest && amt.Kind == Lowest && a.Daily != amt.Value:
			var hints []string
			if first != last {
				hints = append(hints, "an attest that runs into another year is split at 1 January")
			}
			if !amt.Confirmed {
				hints = append(hints, "when the attest states the year's amount, give the confirmed amounts of the year (Case.Amounts)")
			}
			hint := ""
			if len(hints) > 0 {
				hint = ": " + strings.Join(hints, "; ")
			}
			p = plan.Problem{Rule: plan.Rule{ID: "tariff.attest.kind_amount", Source: srcIndexation + "; " + amt.Source},
				Message: fmt.Sprintf("an attest of kind %s states the %s of the year, %s in %d%s, not %s%s", a.Kind, amt.Kind, amt.Value, amt.Year, unconfirmed(amt), a.Daily, hint)}
		case a.Kind == AttestSocialHalf && amt.Kind == StandardMinimum && a.Daily.Cmp(amt.Value) < 0:
			p = plan.Problem{Rule: plan.Rule{ID: "tariff.attest.social_half", Source: srcSocialHalf + "; " + amt.Source},
				Message: fmt.Sprintf("an OCMW tariff (social_half) of %s is below the standard minimum of %d, %s%s, its floor", a.Daily, amt.Year, amt.Value, unconfirmed(amt))}
		default:
			continue
		}
		p.Code, p.Field, p.Date = CodeOutsideStatutory, "daily", a.Valid.Start
		if jan1, err := plan.NewDate(amt.Year, time.January, 1); err == nil && p.Date.Before(jan1) {
			p.Date = jan1
		}
		ps = append(ps, p)
	}
	slices.SortStableFunc(ps, func(x, y plan.Problem) int { return x.Date.Compare(y.Date) })
	return ps.Err()
}

// CheckAmounts reports, for every attest of the book, what
// Attest.CheckAmounts reports, with the field "attests[i].daily". An
// invoice calls it with the amount table it bills with.
func (b AttestBook) CheckAmounts(amounts AmountTable) error {
	var ps plan.Problems
	for i, a := range b.Attests {
		for _, p := range plan.AsProblems(a.CheckAmounts(amounts)) {
			p.Field = fmt.Sprintf("attests[%d].%s", i, p.Field)
			ps = append(ps, p)
		}
	}
	return ps.Err()
}

// CheckAmountsDuring is CheckAmounts for the days of p alone: the attests
// that can price a day of p — those in force in p, and the first one after
// p's last day without an attest, whose tariff connects back to it within
// the grace period — against the amounts of p's years. An invoice bills
// the days of its period, so an old attest of another year, which it never
// prices, does not stop it.
func (b AttestBook) CheckAmountsDuring(p plan.Period, amounts AmountTable) error {
	if p.IsEmpty() {
		return nil
	}
	var buf [16]Amount // a year or two of amounts: on the stack
	years := AmountTable(buf[:0])
	from, to := p.Start.Year(), p.End.Year()
	for _, a := range amounts {
		if a.Year >= from && a.Year <= to {
			years = append(years, a)
		}
	}
	// p's last day without an attest: from its end, back past each attest
	// that covers the day.
	gap := p.End
	for moved := true; moved && !gap.Before(p.Start); {
		moved = false
		for _, a := range b.Attests {
			if a.Valid.Contains(gap) {
				gap, moved = a.Valid.Start.AddDays(-1), true
				break
			}
		}
	}
	if gap.Before(p.Start) {
		gap = plan.Date{} // every day has one
	}
	next := -1 // the first attest after it
	for i, a := range b.Attests {
		if !gap.IsZero() && a.Valid.Start.After(gap) && (next < 0 || a.Valid.Start.Before(b.Attests[next].Valid.Start)) {
			next = i
		}
	}
	var ps plan.Problems
	for i, a := range b.Attests {
		if !a.Valid.Overlaps(p) && i != next {
			continue
		}
		if i == next && p.Start.Before(a.Valid.Start) {
			a.Valid.Start = p.Start // the days it prices through the grace period
		}
		for _, q := range plan.AsProblems(a.CheckAmounts(years)) {
			q.Field = fmt.Sprintf("attests[%d].%s", i, q.Field)
			ps = append(ps, q)
		}
	}
	return ps.Err()
}

// unconfirmed says so of an amount no official text confirms.
func unconfirmed(a Amount) string {
	if a.Confirmed {
		return ""
	}
	return " (not confirmed by an official text)"
}
