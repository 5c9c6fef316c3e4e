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
	// ExceptionalMinimum is the exceptional minimum tariff (uitzonderlijk
	// minimum) published with the yearly amounts; it lies between the
	// lowest tariff and the standard minimum (3.74 in 2024).
	ExceptionalMinimum AmountKind = "exceptional_minimum"
	// Lowest is the lowest tariff (the social-welfare minimum): no attest
	// states a lower daily tariff.
	Lowest AmountKind = "lowest"
	// Maximum is the maximum tariff: what applies without a valid attest,
	// and the cap on any charge for an absence.
	Maximum AmountKind = "maximum"
	// ReductionPerChild is the reduction of the daily tariff per dependent
	// child, which Kind en Gezin applies on the attest (from the second
	// child); the library uses it to explain or estimate, never to bill.
	ReductionPerChild AmountKind = "reduction_per_child"
)

// known reports whether k is one of the amount kinds above.
func (k AmountKind) known() bool {
	switch k {
	case StandardMinimum, ExceptionalMinimum, Lowest, Maximum, ReductionPerChild:
		return true
	}
	return false
}

// Amount is one statutory yearly amount, with the text it comes from and
// whether an official text confirms it.
type Amount struct {
	Year  int        `json:"year"`
	Kind  AmountKind `json:"kind"`
	Value Tariff     `json:"value"`
	// Confirmed is true when Source is an official text (Kind en Gezin,
	// Opgroeien, or an association quoting them, like VVSG); false for a
	// value found only second hand, or not at all.
	Confirmed bool `json:"confirmed"`
	// Source names the text the value comes from, for this value alone.
	Source string `json:"source"`
}

// AmountTable is a table of yearly amounts. Values are indexed every
// 1 January; a year not in the table is unknown, and asking for it is an
// error — never an extrapolation. Callers add a year as soon as it is
// published: Merge lays their table over StatutoryAmounts. The JSON form
// is shown in the package documentation.
type AmountTable []Amount

// The texts the statutory amounts come from.
const (
	srcAmountsKG = "Kind en Gezin / Opgroeien, yearly amounts of the income-related tariff (inkomenstarief) for baby's and toddlers, indexed each 1 January"
	srcVVSG2024  = "VVSG, \"indexering inkomenstarief baby peuter\", 30-10-2023: the 2024 amounts after the health index (+4 %)"
	srcMunicipal = "municipal information pages quoting Kind en Gezin (second hand; no official text found)"
	srcNone2025  = "no official source found: the values circulating for 2025, not confirmed by Kind en Gezin, Opgroeien or VVSG"
)

// StatutoryAmounts returns the yearly amounts known to this library, each
// with its own source:
//
//	year  kind                 value  confirmed  source
//	2016  standard_minimum      5.02  yes        Kind en Gezin / Opgroeien
//	2016  lowest                1.57  yes        Kind en Gezin / Opgroeien
//	2017  standard_minimum      5.07  yes        Kind en Gezin / Opgroeien
//	2017  lowest                1.59  yes        Kind en Gezin / Opgroeien
//	2017  maximum              28.13  yes        Kind en Gezin / Opgroeien
//	2018  standard_minimum      5.15  yes        Kind en Gezin / Opgroeien
//	2018  lowest                1.62  yes        Kind en Gezin / Opgroeien
//	2018  maximum              28.59  no         municipal pages quoting Kind en Gezin
//	2022  standard_minimum      5.47  no         municipal pages quoting Kind en Gezin
//	2022  maximum              30.37  no         municipal pages quoting Kind en Gezin
//	2023  standard_minimum      6.00  yes        Kind en Gezin / Opgroeien
//	2023  maximum              33.31  yes        Kind en Gezin / Opgroeien
//	2024  standard_minimum      6.24  yes        Kind en Gezin / Opgroeien
//	2024  exceptional_minimum   3.74  yes        VVSG, 30-10-2023
//	2024  lowest                1.97  yes        VVSG, 30-10-2023
//	2024  maximum              34.64  yes        VVSG, 30-10-2023
//	2024  reduction_per_child   3.91  yes        VVSG, 30-10-2023
//	2025  standard_minimum      6.47  no         no official source found
//	2025  maximum              35.89  no         no official source found
//
// Every other year and kind (2026 among them) is unknown. Get returns an
// unconfirmed value all the same; Amount.Confirmed says what it is.
func StatutoryAmounts() AmountTable {
	// Amounts in cents, so building the table parses nothing.
	a := func(year int, kind AmountKind, cents int64, confirmed bool, source string) Amount {
		return Amount{Year: year, Kind: kind, Value: Tariff{c: cents}, Confirmed: confirmed, Source: source}
	}
	return AmountTable{
		a(2016, StandardMinimum, 502, true, srcAmountsKG), a(2016, Lowest, 157, true, srcAmountsKG),
		a(2017, StandardMinimum, 507, true, srcAmountsKG), a(2017, Lowest, 159, true, srcAmountsKG),
		a(2017, Maximum, 2813, true, srcAmountsKG),
		a(2018, StandardMinimum, 515, true, srcAmountsKG), a(2018, Lowest, 162, true, srcAmountsKG),
		a(2018, Maximum, 2859, false, srcMunicipal),
		a(2022, StandardMinimum, 547, false, srcMunicipal), a(2022, Maximum, 3037, false, srcMunicipal),
		a(2023, StandardMinimum, 600, true, srcAmountsKG), a(2023, Maximum, 3331, true, srcAmountsKG),
		a(2024, StandardMinimum, 624, true, srcAmountsKG),
		a(2024, ExceptionalMinimum, 374, true, srcVVSG2024),
		a(2024, Lowest, 197, true, srcVVSG2024),
		a(2024, Maximum, 3464, true, srcVVSG2024),
		a(2024, ReductionPerChild, 391, true, srcVVSG2024),
		a(2025, StandardMinimum, 647, false, srcNone2025), a(2025, Maximum, 3589, false, srcNone2025),
	}
}

// Get returns the amount of kind for year, or an error (CodeUnknownYear,
// field "amounts") naming the amount and the year and how to supply it,
// when the table does not hold it.
func (t AmountTable) Get(year int, kind AmountKind) (Amount, error) {
	for _, a := range t {
		if a.Year == year && a.Kind == kind {
			return a, nil
		}
	}
	return Amount{}, unknownAmount(year, kind)
}

// unknownAmount is the problem of an amount the table does not hold.
func unknownAmount(year int, kind AmountKind) plan.Problem {
	// The amounts are set each year (Kind en Gezin / Opgroeien send the new
	// ones to organisers each autumn): a year not published is not guessed.
	return plan.Problem{Code: CodeUnknownYear, Field: "amounts",
		Message: fmt.Sprintf("the %s tariff of %d is not known, and it is never extrapolated: "+
			"add {\"year\": %d, \"kind\": %q, \"value\": \"…\", \"confirmed\": false, \"source\": \"…\"} to the amount table "+
			"(a case file's \"amounts\"; examples/invoice -amounts FILE)", kind, year, year, string(kind))}
}

// On returns the amount of kind in force on day d (the amounts change on
// 1 January). An unknown amount is an error as for Get, dated d.
func (t AmountTable) On(d plan.Date, kind AmountKind) (Amount, error) {
	for _, a := range t {
		if a.Year == d.Year() && a.Kind == kind {
			return a, nil
		}
	}
	p := unknownAmount(d.Year(), kind)
	p.Date = d
	return Amount{}, p
}

// Merge returns t with the amounts of over laid on it: an amount of over
// replaces the one of t with the same year and kind, in place, and the
// others are appended in their order. Neither table changes. It is how a
// caller supplies a year the library does not know yet:
//
//	amounts := tariff.StatutoryAmounts().Merge(mine)
//
// Validate over first: when it lists a year and kind twice, the later
// entry wins.
func (t AmountTable) Merge(over AmountTable) AmountTable {
	out := make(AmountTable, len(t), len(t)+len(over))
	copy(out, t)
next:
	for _, o := range over {
		for i := range out {
			if out[i].Year == o.Year && out[i].Kind == o.Kind {
				out[i] = o
				continue next
			}
		}
		out = append(out, o)
	}
	return out
}

// Validate reports every problem: an unknown kind, a zero value, a year out
// of 1–9999, a value without a source, a year and kind listed twice, and a
// year whose amounts are out of order (lowest ≤ exceptional minimum ≤
// standard minimum ≤ maximum, among those the table holds).
func (t AmountTable) Validate() error {
	var ps plan.Problems
	for i, a := range t {
		f := fmt.Sprintf("amounts[%d]", i)
		if !a.Kind.known() {
			ps = append(ps, plan.Problem{Code: plan.CodeInvalidValue, Field: f + ".kind", Message: fmt.Sprintf("unknown amount kind %q", a.Kind)})
		}
		if a.Value.IsZero() {
			ps = append(ps, plan.Problem{Code: CodeInvalidTariff, Field: f + ".value", Message: fmt.Sprintf("the %s of %d has no value", a.Kind, a.Year)})
		}
		if a.Year < 1 || a.Year > 9999 {
			ps = append(ps, plan.Problem{Code: plan.CodeInvalidValue, Field: f + ".year", Message: fmt.Sprintf("year %d is not in 1–9999", a.Year)})
		}
		if a.Source == "" {
			ps = append(ps, plan.Problem{Code: plan.CodeMissing, Field: f + ".source",
				Message: fmt.Sprintf("the %s of %d names no source: every amount says where it comes from", a.Kind, a.Year)})
		}
		for j := 0; j < i; j++ {
			if t[j].Year == a.Year && t[j].Kind == a.Kind {
				ps = append(ps, plan.Problem{Code: plan.CodeOverlap, Field: f,
					Message: fmt.Sprintf("the %s of %d is listed twice (also amounts[%d])", a.Kind, a.Year, j)})
			}
		}
		// Source: the statutory amounts rise from the lowest tariff to the
		// maximum (VVSG 30-10-2023: 1.97, 3.74, 6.24, 34.64 in 2024).
		if r := orderRank(a.Kind); r >= 0 {
			for j, b := range t[:i] {
				rb := orderRank(b.Kind)
				if b.Year != a.Year || rb < 0 {
					continue
				}
				// b ranks below a but costs more, or above a but less (the
				// same kind twice is an overlap, reported above).
				if (rb < r && b.Value.Cmp(a.Value) > 0) || (rb > r && b.Value.Cmp(a.Value) < 0) {
					ps = append(ps, plan.Problem{Code: plan.CodeInvalidValue, Field: f + ".value",
						Message: fmt.Sprintf("the %s of %d, %s, is out of order with its %s, %s (amounts[%d])", a.Kind, a.Year, a.Value, b.Kind, b.Value, j)})
				}
			}
		}
	}
	return ps.Err()
}

// orderRank ranks the kinds that rise from the lowest tariff to the maximum;
// -1 for the others.
func orderRank(k AmountKind) int {
	switch k {
	case Lowest:
		return 0
	case ExceptionalMinimum:
		return 1
	case StandardMinimum:
		return 2
	case Maximum:
		return 3
	}
	return -1
}
