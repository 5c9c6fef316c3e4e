package tariff

import (
	"fmt"

	"github.com/kinderopvang/regels/plan"
)

// AmountKind names a statutory yearly amount.
type AmountKind string

// The statutory yearly amounts.
const (
	// StandardMinimum is the standard minimum tariff; it is also the minimum
	// contribution (minimumbijdrage) the house rules use as a floor.
	StandardMinimum AmountKind = "standard_minimum"
	// Lowest is the lowest tariff (the social-welfare minimum).
	Lowest AmountKind = "lowest"
	// Maximum is the maximum tariff: what applies without a valid attest,
	// and the cap on any charge for an absence.
	Maximum AmountKind = "maximum"
)

// Amount is one statutory yearly amount, with its source and whether it is
// confirmed by an official text.
type Amount struct {
	Year      int        `json:"year"`
	Kind      AmountKind `json:"kind"`
	Value     Tariff     `json:"value"`
	Confirmed bool       `json:"confirmed"`
	Source    string     `json:"source"`
}

// AmountTable is a table of yearly amounts. Values are indexed every
// 1 January; a year not in the table is unknown, and asking for it is an
// error — never an extrapolation. Callers add a year as soon as it is
// published by passing their own table.
type AmountTable []Amount

// StatutoryAmounts returns the yearly amounts known to this library
// (RULES §2). The 2025 values are not confirmed by an official text;
// Amount.Confirmed says so, and Get returns them all the same.
func StatutoryAmounts() AmountTable {
	// Amounts in cents, so building the table parses nothing.
	a := func(year int, kind AmountKind, cents int64, confirmed bool) Amount {
		src := srcAmounts + " — confirmed"
		if !confirmed {
			src = srcAmounts + " — UNCONFIRMED"
		}
		return Amount{Year: year, Kind: kind, Value: Tariff{c: cents}, Confirmed: confirmed, Source: src}
	}
	return AmountTable{
		a(2016, StandardMinimum, 502, true), a(2016, Lowest, 157, true),
		a(2017, StandardMinimum, 507, true), a(2017, Lowest, 159, true), a(2017, Maximum, 2813, true),
		a(2018, StandardMinimum, 515, true), a(2018, Lowest, 162, true),
		a(2023, StandardMinimum, 600, true), a(2023, Maximum, 3331, true),
		a(2024, StandardMinimum, 624, true), a(2024, Lowest, 197, true),
		a(2025, StandardMinimum, 647, false), a(2025, Maximum, 3589, false),
	}
}

// Get returns the amount of kind for year, or an error naming the year and
// the amount when the table does not hold it (CodeUnknownYear).
func (t AmountTable) Get(year int, kind AmountKind) (Amount, error) {
	for _, a := range t {
		if a.Year == year && a.Kind == kind {
			return a, nil
		}
	}
	return Amount{}, plan.Problem{Code: CodeUnknownYear, Field: string(kind),
		Message: fmt.Sprintf("the %s tariff of %d is not known: add it to the amount table once it is published; it is never extrapolated", kind, year)}
}

// On returns the amount of kind in force on day d (the amounts change on
// 1 January).
func (t AmountTable) On(d plan.Date, kind AmountKind) (Amount, error) {
	a, err := t.Get(d.Year(), kind)
	if err != nil {
		p := err.(plan.Problem)
		p.Date = d
		return Amount{}, p
	}
	return a, nil
}

// Validate reports every problem: an unknown kind, a zero value, a year
// listed twice for the same kind.
func (t AmountTable) Validate() error {
	var ps plan.Problems
	for i, a := range t {
		f := fmt.Sprintf("amounts[%d]", i)
		switch {
		case a.Kind != StandardMinimum && a.Kind != Lowest && a.Kind != Maximum:
			ps = append(ps, plan.Problem{Code: plan.CodeInvalidValue, Field: f + ".kind", Message: fmt.Sprintf("unknown amount kind %q", a.Kind)})
		case a.Value.IsZero():
			ps = append(ps, plan.Problem{Code: CodeInvalidTariff, Field: f + ".value", Message: fmt.Sprintf("the %s of %d has no value", a.Kind, a.Year)})
		case a.Year < 1 || a.Year > 9999:
			ps = append(ps, plan.Problem{Code: plan.CodeInvalidValue, Field: f + ".year", Message: fmt.Sprintf("year %d out of range", a.Year)})
		}
		for j := 0; j < i; j++ {
			if t[j].Year == a.Year && t[j].Kind == a.Kind {
				ps = append(ps, plan.Problem{Code: plan.CodeOverlap, Field: f,
					Message: fmt.Sprintf("the %s of %d is listed twice (also amounts[%d])", a.Kind, a.Year, j)})
			}
		}
	}
	return ps.Err()
}
