package invoice

import (
	"fmt"
	"slices"
	"strings"

	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
	"github.com/shopspring/decimal"
)

// TaxCap is the federal cap on deductible childcare costs per child per day
// of care, for costs paid in Year.
type TaxCap struct {
	Year      int          `json:"year"`
	PerDay    tariff.Money `json:"per_day"`
	Confirmed bool         `json:"confirmed"`
	Source    string       `json:"source"`
}

// TaxCaps returns the caps known to this library, each with its source.
// The 2025 cap is not confirmed by an official text (Confirmed false); later
// years are unknown: pass your own table once FOD Financiën publishes them.
func TaxCaps() []TaxCap {
	c := func(year int, cents int64, confirmed bool, src string) TaxCap {
		return TaxCap{Year: year, PerDay: tariff.Cents(cents), Confirmed: confirmed, Source: src}
	}
	return []TaxCap{
		c(2019, 1120, true, srcTaxCap+" (costs paid in 2019)"),
		c(2020, 1300, true, srcTaxCap+" (costs paid in 2020)"),
		c(2021, 1370, true, srcTaxCap+" (costs paid in 2021)"),
		c(2022, 1440, true, srcTaxCap+" (costs paid in 2022)"),
		c(2023, 1570, true, srcTaxCap+" (costs paid in 2023)"),
		c(2024, 1640, true, srcTaxCap+": '16,40 euro (voor kosten betaald in 2024)'"),
		c(2025, 1690, false, "secondary source quoting FOD Financiën (costs paid in 2025); UNCONFIRMED"),
	}
}

// MaxTaxCapCents bounds a cap per day of care: 100.00 euro. FOD Financiën's
// caps run from 11.20 (2019) to 16.90 (2025); a cap above the bound is a
// typing error (17.40 written 1740.00), never a cap.
const MaxTaxCapCents = 10_000

// ValidateTaxCaps reports every problem of a table of caps at once, at
// caps[i]: a year outside 1900–2100, a cap of 0 or less, above
// MaxTaxCapCents or not in whole cents, a cap without its source, and a year listed twice (which
// of the two holds would be a guess).
func ValidateTaxCaps(caps []TaxCap) error {
	var ps plan.Problems
	for i, c := range caps {
		f := fmt.Sprintf("caps[%d]", i)
		if c.Year < 1900 || c.Year > 2100 {
			ps = append(ps, plan.Problem{Code: plan.CodeInvalidValue, Field: f + ".year", Message: fmt.Sprintf("a cap for the year %d: a tax year of 1900–2100 is expected", c.Year)})
		}
		if _, whole := c.PerDay.Cents(); !whole || c.PerDay.Sign() <= 0 || c.PerDay.Cmp(tariff.Cents(MaxTaxCapCents)) > 0 {
			ps = append(ps, plan.Problem{Code: plan.CodeOutOfRange, Field: f + ".per_day",
				Message: fmt.Sprintf("a cap of %s per day of care for %d: whole cents, more than 0.00 and at most %s, are expected (FOD Financiën: 16.40 for 2024)", c.PerDay, c.Year, tariff.Cents(MaxTaxCapCents))})
		}
		if strings.TrimSpace(c.Source) == "" {
			ps = append(ps, plan.Problem{Code: plan.CodeMissing, Field: f + ".source", Message: fmt.Sprintf("the cap for %d needs its source (FOD Financiën's text)", c.Year)})
		}
		if j := slices.IndexFunc(caps[:i], func(o TaxCap) bool { return o.Year == c.Year }); j >= 0 {
			ps = append(ps, plan.Problem{Code: plan.CodeOverlap, Field: f + ".year", Message: fmt.Sprintf("a second cap for %d (also caps[%d]): which one holds would be a guess", c.Year, j)})
		}
	}
	return ps.Err()
}

// TaxReductionPercent is the share of the deductible costs the federal tax
// reduction gives back: 45 %.
const TaxReductionPercent = 45

// ChildDeduction is what one child's certificates give: the days of care,
// what was paid for them, and the part within the cap.
type ChildDeduction struct {
	Child string       `json:"child"`
	Days  int          `json:"days"`
	Paid  tariff.Money `json:"paid"`
	// Eligible is the paid amount with each certificate line capped at
	// its days × the cap per day.
	Eligible tariff.Money `json:"eligible"`
}

// Reduction is a household's federal tax reduction for childcare costs
// paid in a year.
type Reduction struct {
	Year     int              `json:"year"`
	Cap      TaxCap           `json:"cap"`
	Children []ChildDeduction `json:"children"`
	// Eligible is the sum of the children's eligible amounts; Total is 45 %
	// of it, rounded to the cent half away from zero.
	Eligible tariff.Money `json:"eligible"`
	Total    tariff.Money `json:"total"`
	Rule     plan.Rule    `json:"rule"`
}

// TaxReduction returns the federal tax reduction of a household from its
// children's certificates of one year: 45 % of the certified amounts, each
// certificate line counted at most at its days × the year's cap per child
// per day of care. For example, 100 days at 5.00 (500.00) and 7 days at
// 50.00 (350.00, capped at 7 × 16.40 = 114.80) in 2024 give 45 % of 614.80
// = 276.66. caps extend or replace TaxCaps() by year (nil: TaxCaps()
// alone). Invalid caps (ValidateTaxCaps), a year without a cap, or
// certificates of different years, are errors: never a guess.
func TaxReduction(certs []Certificate, caps []TaxCap) (Reduction, error) {
	// Source: FOD Financiën, belastingvermindering voor kinderopvang — 45 %
	// of the costs paid, at most a maximum amount per child per day of care.
	if len(certs) == 0 {
		return Reduction{}, plan.Problem{Code: plan.CodeMissing, Field: "certificates", Message: "a tax reduction needs at least one certificate"}
	}
	if err := ValidateTaxCaps(caps); err != nil {
		return Reduction{}, err
	}
	// The caller's caps extend or replace the library's by year, as the
	// yearly amounts do (tariff.AmountTable.Merge).
	for _, c := range TaxCaps() {
		if !slices.ContainsFunc(caps, func(o TaxCap) bool { return o.Year == c.Year }) {
			caps = append(caps[:len(caps):len(caps)], c)
		}
	}
	year := certs[0].Year
	r := Reduction{Year: year, Rule: plan.Rule{ID: "invoice.tax_reduction", Source: srcTaxCap}}
	k := slices.IndexFunc(caps, func(c TaxCap) bool { return c.Year == year })
	if k < 0 {
		return Reduction{}, plan.Problem{Code: tariff.CodeUnknownYear, Field: "caps",
			Message: fmt.Sprintf("the cap per day of care for costs paid in %d is not known: add {\"year\": %d, \"per_day\": \"…\", \"source\": \"…\"} from FOD Financiën; it is never extrapolated", year, year)}
	}
	r.Cap = caps[k]
	for i, c := range certs {
		if c.Year != year {
			return Reduction{}, plan.Problem{Code: plan.CodeInvalidValue, Field: fmt.Sprintf("certificates[%d].year", i),
				Message: fmt.Sprintf("a certificate of %d among certificates of %d: one tax year at a time", c.Year, year)}
		}
		j := slices.IndexFunc(r.Children, func(d ChildDeduction) bool { return d.Child == c.Child })
		if j < 0 {
			r.Children = append(r.Children, ChildDeduction{Child: c.Child})
			j = len(r.Children) - 1
		}
		d := &r.Children[j]
		for _, p := range c.Periods {
			capped, err := r.Cap.PerDay.TimesInt(int64(p.Days))
			if err != nil {
				return Reduction{}, err
			}
			eligible := p.Amount
			if eligible.Cmp(capped) > 0 {
				eligible = capped
			}
			d.Days += p.Days
			if d.Paid, err = d.Paid.Add(p.Amount); err != nil {
				return Reduction{}, err
			}
			if d.Eligible, err = d.Eligible.Add(eligible); err != nil {
				return Reduction{}, err
			}
			if r.Eligible, err = r.Eligible.Add(eligible); err != nil {
				return Reduction{}, err
			}
		}
	}
	total, err := r.Eligible.Times(decimal.New(TaxReductionPercent, -2))
	if err != nil {
		return Reduction{}, err
	}
	r.Total = total
	return r, nil
}
