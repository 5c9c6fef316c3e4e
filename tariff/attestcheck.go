package tariff

import (
	"fmt"
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
// standard minimum, so the standard minimum is not checked. An attest with
// no tariff or an invalid validity is Validate's to report; CheckAmounts
// returns nil for it.
func (a Attest) CheckAmounts(amounts AmountTable) error {
	if a.Daily.IsZero() || a.Valid.Validate() != nil {
		return nil
	}
	lo, hi, ok := yearsOf(amounts)
	if !ok {
		return nil
	}
	first, last := max(a.Valid.Start.Year(), lo), min(a.Valid.End.Year(), hi)
	var ps plan.Problems
	for y := first; y <= last; y++ {
		on := a.Valid.Start
		if jan1, err := plan.NewDate(y, time.January, 1); err == nil && on.Before(jan1) {
			on = jan1
		}
		// Source: Kind en Gezin / Opgroeien — the income-related tariff lies
		// between the lowest tariff and the maximum tariff of the year; an
		// individual reduced tariff may go below the standard minimum, not
		// below the lowest (VVSG 30-10-2023: 1.97 to 34.64 in 2024).
		if low, err := amounts.Get(y, Lowest); err == nil && a.Daily.Cmp(low.Value) < 0 {
			ps = append(ps, plan.Problem{Code: CodeOutsideStatutory, Field: "daily", Date: on,
				Rule:    plan.Rule{ID: "tariff.attest.lowest", Source: low.Source},
				Message: fmt.Sprintf("the daily tariff %s is below the lowest tariff of %d, %s%s", a.Daily, y, low.Value, unconfirmed(low))})
		}
		if mx, err := amounts.Get(y, Maximum); err == nil && a.Daily.Cmp(mx.Value) > 0 {
			ps = append(ps, plan.Problem{Code: CodeOutsideStatutory, Field: "daily", Date: on,
				Rule:    plan.Rule{ID: "tariff.attest.maximum", Source: mx.Source},
				Message: fmt.Sprintf("the daily tariff %s is above the maximum tariff of %d, %s%s", a.Daily, y, mx.Value, unconfirmed(mx))})
		}
	}
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

// yearsOf returns the first and last year of the lowest and maximum
// amounts in t, and false when it holds none.
func yearsOf(t AmountTable) (lo, hi int, ok bool) {
	for _, a := range t {
		if a.Kind != Lowest && a.Kind != Maximum {
			continue
		}
		if !ok || a.Year < lo {
			lo = a.Year
		}
		if !ok || a.Year > hi {
			hi = a.Year
		}
		ok = true
	}
	return lo, hi, ok
}

// unconfirmed says so of an amount no official text confirms.
func unconfirmed(a Amount) string {
	if a.Confirmed {
		return ""
	}
	return " (not confirmed by an official text)"
}
