package tariff

import (
	"fmt"

	"github.com/kinderopvang/regels/internal/cmpdec"
	"github.com/kinderopvang/regels/plan"
	"github.com/shopspring/decimal"
)

// PricingModel names how an organiser prices a day of care. It is a house
// rule: plain data with its source.
type PricingModel string

// The pricing models.
const (
	// PricingBands prices a day by its band's share of the income tariff
	// (the statutory default). A school-age child's short moments of the
	// same day are summed and banded (seed 004 §3.3, the default reading).
	PricingBands PricingModel = "bands"
	// PricingProRata prices a school-age child's day of short moments
	// (each shorter than an hour) pro rata of the income tariff: the other
	// reading of seed 004 §3.3 ("Je betaalt het inkomenstarief in verhouding
	// tot het aantal opvanguren"). Other days stay in the bands.
	PricingProRata PricingModel = "pro_rata"
	// PricingPriceList prices care without an income tariff by a local
	// price list (after-school care organised by a municipality under the
	// decree on after-school care and activities, since 1 January 2026).
	PricingPriceList PricingModel = "price_list"
)

// The bases of a price-list line: which prices of the list apply.
const (
	BasisList          Basis = "list"           // the list's prices
	BasisSocial        Basis = "social"         // the social prices, for an entitled family
	BasisSibling       Basis = "sibling"        // the list's prices less the sibling discount
	BasisSocialSibling Basis = "social_sibling" // the social prices less the sibling discount
)

// Pricing is the pricing model of an organiser's house rules. The zero
// Pricing is the statutory bands.
type Pricing struct {
	Model PricingModel `json:"model,omitempty"`
	// ProRata holds the counting of PricingProRata.
	ProRata *ProRata `json:"pro_rata,omitempty"`
	// PriceList holds the prices of PricingPriceList.
	PriceList *PriceList `json:"price_list,omitempty"`
}

// model returns the model, the bands when unset.
func (p Pricing) model() PricingModel {
	if p.Model == "" {
		return PricingBands
	}
	return p.Model
}

// IsPriceList reports whether days are priced by a price list (no income
// tariff).
func (p Pricing) IsPriceList() bool { return p.model() == PricingPriceList }

// Validate reports every problem of the pricing: an unknown model, a model
// without its data or with another model's, and the problems of the data.
func (p Pricing) Validate() error {
	var ps plan.Problems
	add := func(field, format string, a ...any) {
		ps = append(ps, plan.Problem{Code: plan.CodeInvalidValue, Field: field, Message: fmt.Sprintf(format, a...)})
	}
	switch p.model() {
	case PricingBands:
	case PricingProRata:
		if p.ProRata == nil {
			ps = append(ps, plan.Problem{Code: plan.CodeMissing, Field: "pro_rata", Message: "the pro-rata model needs its counting unit and reference minutes"})
		}
	case PricingPriceList:
		if p.PriceList == nil {
			ps = append(ps, plan.Problem{Code: plan.CodeMissing, Field: "price_list", Message: "the price-list model needs its price list"})
		}
	default:
		add("model", "pricing model %q is not bands, pro_rata or price_list", p.Model)
	}
	if p.ProRata != nil {
		if p.model() != PricingProRata {
			add("pro_rata", "pro-rata counting given for the %s model", p.model())
		}
		ps = append(ps, under("pro_rata", p.ProRata.Validate())...)
	}
	if p.PriceList != nil {
		if p.model() != PricingPriceList {
			add("price_list", "a price list given for the %s model", p.model())
		}
		ps = append(ps, under("price_list", p.PriceList.Validate())...)
	}
	return ps.Err()
}

// under returns the problems of err with field before their own.
func under(field string, err error) plan.Problems {
	var out plan.Problems
	for _, p := range plan.AsProblems(err) {
		if p.Field == "" {
			p.Field = field
		} else {
			p.Field = field + "." + p.Field
		}
		out = append(out, p)
	}
	return out
}

// CountingUnit is how counted minutes are rounded: per minute, or per
// started quarter or half hour.
type CountingUnit string

// The counting units.
const (
	PerMinute         CountingUnit = "minute"
	PerStartedQuarter CountingUnit = "started_quarter_hour"
	PerStartedHalf    CountingUnit = "started_half_hour"
)

// minutes returns the length of the unit.
func (u CountingUnit) minutes() int {
	switch u {
	case PerMinute:
		return 1
	case PerStartedQuarter:
		return 15
	case PerStartedHalf:
		return 30
	}
	return 0
}

// ProRata is the counting of short after-school moments under
// PricingProRata. The texts define neither the unit nor the reference (no
// official text defines the pro rata), so the organiser states both: there
// is no default.
type ProRata struct {
	// ShortMinutes: a moment shorter than this is short (seed 004 §3.3:
	// "minder dan 1 uur", 60).
	ShortMinutes int `json:"short_minutes"`
	// Unit rounds the day's summed short minutes up to whole units.
	Unit CountingUnit `json:"unit"`
	// ReferenceMinutes are the minutes the whole tariff pays for: the price
	// is tariff × counted minutes ÷ ReferenceMinutes.
	ReferenceMinutes int `json:"reference_minutes"`
	// Source cites the house rules that state the counting.
	Source string `json:"source"`
}

// Validate reports every problem: a short moment of 1 to 60 minutes, a
// known unit, a reference of 1 minute to 24 hours, a source.
func (r ProRata) Validate() error {
	var ps plan.Problems
	if r.ShortMinutes < 1 || r.ShortMinutes > 60 {
		ps = append(ps, plan.Problem{Code: plan.CodeOutOfRange, Field: "short_minutes",
			Message: fmt.Sprintf("a short moment of under %d minutes: seed 004 §3.3 says under 1 hour (1 to 60 minutes)", r.ShortMinutes)})
	}
	if r.Unit.minutes() == 0 {
		ps = append(ps, plan.Problem{Code: plan.CodeInvalidValue, Field: "unit",
			Message: fmt.Sprintf("counting unit %q is not minute, started_quarter_hour or started_half_hour", r.Unit)})
	}
	if r.ReferenceMinutes < 1 || r.ReferenceMinutes > 24*60 {
		ps = append(ps, plan.Problem{Code: plan.CodeOutOfRange, Field: "reference_minutes",
			Message: fmt.Sprintf("a reference of %d minutes is not 1 minute to 24 hours", r.ReferenceMinutes)})
	}
	if r.Source == "" {
		ps = append(ps, plan.Problem{Code: plan.CodeMissing, Field: "source", Message: "the pro-rata counting needs the house rules that state it"})
	}
	return ps.Err()
}

// Counted returns the day's short minutes counted in the unit: rounded up
// to whole units.
func (r ProRata) Counted(minutes int) int {
	u := r.Unit.minutes()
	if u <= 1 || minutes <= 0 {
		return max(minutes, 0)
	}
	return (minutes + u - 1) / u * u
}

// Price returns the pro-rata price of minutes of short moments at tariff
// t: t × counted minutes ÷ ReferenceMinutes, rounded to the cent half away
// from zero, and never above band, the band price of the same minutes (a
// family never pays more than under the bands).
func (r ProRata) Price(minutes int, t Tariff, band Money) (Money, error) {
	// Source: seed 004 §3.3 — "korte buitenschoolse opvangmomenten van
	// minder dan 1 uur worden op dagbasis samengeteld. Je betaalt het
	// inkomenstarief in verhouding tot het aantal opvanguren."
	if t.IsZero() {
		return Money{}, fmt.Errorf("tariff: no daily tariff to price: %w", CodeNoTariff)
	}
	if r.ReferenceMinutes < 1 {
		return Money{}, fmt.Errorf("tariff: a pro rata without reference minutes: %w", plan.CodeInvalidValue)
	}
	counted := int64(r.Counted(minutes))
	p := Money{u: 100 * divRoundHalfAway(t.c*counted, int64(r.ReferenceMinutes))}
	if band.Cmp(p) < 0 {
		return band, nil
	}
	return p, nil
}

// DayPart is one part of a price list by the length of a day's care: from
// FromMinutes (inclusive) on, Price.
type DayPart struct {
	FromMinutes int   `json:"from_minutes"`
	Price       Money `json:"price"`
}

// ListPrices is one version of a price list, in force from From.
type ListPrices struct {
	// From is the first day the prices apply; zero means every day before
	// a later version.
	From plan.Date `json:"from,omitzero"`
	// PerUnit is the price per started UnitMinutes (per started half hour:
	// 30). Give PerUnit or DayParts, not both.
	PerUnit     Money `json:"per_unit,omitzero"`
	UnitMinutes int   `json:"unit_minutes,omitempty"`
	// DayParts price a day by the part its minutes fall in, ascending from
	// 1 minute (e.g. under 3 h, 3 h to 6 h, over 6 h: from 1, 180, 360).
	DayParts []DayPart `json:"day_parts,omitempty"`
	// DailyCap, when set, is the most a day costs.
	DailyCap Money `json:"daily_cap,omitzero"`
}

// PriceList is a local price list for care without an income tariff: its
// versions, the reduced (social) versions for entitled families, and the
// sibling discount.
type PriceList struct {
	Versions []ListPrices `json:"versions"`
	// Social are the versions of the reduced list for entitled families
	// (sociaal tarief); none when the organiser has no social tariff.
	Social []ListPrices `json:"social,omitempty"`
	// SiblingDiscount is the share off the day's price for the second and
	// further children of a family in care the same day (0.25 for 25 %);
	// zero for none.
	SiblingDiscount decimal.Decimal `json:"sibling_discount"`
	// Source cites the organiser's price list.
	Source string `json:"source"`
}

// MaxListPriceCents bounds every price of a price list: 1,000.00 euro.
const MaxListPriceCents = 100_000

// Validate reports every problem of the list: no version, a version with
// both or neither of per-unit and day-part prices, negative or too large
// prices, a unit of 1 minute to 24 hours, day parts not ascending from 1
// minute, a cap below a unit price or a day part's price, two versions
// from the same day, a sibling discount outside 0–1, a missing source.
func (l PriceList) Validate() error {
	var ps plan.Problems
	if len(l.Versions) == 0 {
		ps = append(ps, plan.Problem{Code: plan.CodeMissing, Field: "versions", Message: "a price list needs its prices"})
	}
	ps = append(ps, validateVersions("versions", l.Versions)...)
	ps = append(ps, validateVersions("social", l.Social)...)
	if l.SiblingDiscount.Sign() < 0 || cmpdec.Int(l.SiblingDiscount, 1) > 0 {
		ps = append(ps, plan.Problem{Code: plan.CodeOutOfRange, Field: "sibling_discount",
			Message: fmt.Sprintf("a sibling discount of %s is not between 0 and 1 (25 %% is 0.25)", l.SiblingDiscount)})
	}
	if l.Source == "" {
		ps = append(ps, plan.Problem{Code: plan.CodeMissing, Field: "source", Message: "a price list needs its source (the organiser's published prices)"})
	}
	return ps.Err()
}

func validateVersions(field string, vs []ListPrices) plan.Problems {
	var ps plan.Problems
	maxPrice := Money{u: MaxListPriceCents * 100}
	for i, v := range vs {
		f := func(sub string) string { return fmt.Sprintf("%s[%d]%s", field, i, sub) }
		add := func(code plan.Code, sub, format string, a ...any) {
			ps = append(ps, plan.Problem{Code: code, Field: f(sub), Date: v.From, Message: fmt.Sprintf(format, a...)})
		}
		money := func(sub string, m Money) {
			if m.Sign() < 0 || m.Cmp(maxPrice) > 0 {
				add(plan.CodeOutOfRange, sub, "a price of %s is not between 0.00 and %s", m, maxPrice)
			}
		}
		perUnit, parts := !v.PerUnit.IsZero() || v.UnitMinutes != 0, len(v.DayParts) > 0
		switch {
		case perUnit && parts:
			add(plan.CodeInvalidValue, "", "a version prices per unit or per day part, not both")
		case !perUnit && !parts:
			add(plan.CodeMissing, "", "a version needs a price per unit or day parts")
		}
		if perUnit {
			money(".per_unit", v.PerUnit)
			if v.UnitMinutes < 1 || v.UnitMinutes > 24*60 {
				add(plan.CodeOutOfRange, ".unit_minutes", "a unit of %d minutes is not 1 minute to 24 hours", v.UnitMinutes)
			}
			if !v.DailyCap.IsZero() && v.DailyCap.Cmp(v.PerUnit) < 0 {
				add(plan.CodeInvalidValue, ".daily_cap", "a daily cap of %s is below the unit price %s", v.DailyCap, v.PerUnit)
			}
		}
		for k, p := range v.DayParts {
			money(fmt.Sprintf(".day_parts[%d].price", k), p.Price)
			switch {
			case k == 0 && p.FromMinutes != 1:
				add(plan.CodeInvalidValue, ".day_parts[0].from_minutes", "the first day part starts at 1 minute, not %d: every minute of care falls in a part", p.FromMinutes)
			case k > 0 && p.FromMinutes <= v.DayParts[k-1].FromMinutes:
				add(plan.CodeInvalidValue, fmt.Sprintf(".day_parts[%d].from_minutes", k), "day parts ascend: %d minutes is not after %d", p.FromMinutes, v.DayParts[k-1].FromMinutes)
			case k > 0 && p.Price.Cmp(v.DayParts[k-1].Price) < 0:
				add(plan.CodeInvalidValue, fmt.Sprintf(".day_parts[%d].price", k), "a longer day part costs %s, less than the shorter one's %s", p.Price, v.DayParts[k-1].Price)
			}
			if p.FromMinutes > 25*60 {
				add(plan.CodeOutOfRange, fmt.Sprintf(".day_parts[%d].from_minutes", k), "a day part from %d minutes is beyond a 25-hour day", p.FromMinutes)
			}
			if !v.DailyCap.IsZero() && v.DailyCap.Cmp(p.Price) < 0 {
				add(plan.CodeInvalidValue, ".daily_cap", "a daily cap of %s is below the day part's price %s", v.DailyCap, p.Price)
			}
		}
		money(".daily_cap", v.DailyCap)
		for j := 0; j < i; j++ {
			if vs[j].From == v.From {
				add(plan.CodeOverlap, ".from", "two versions from the same day (also %s[%d])", field, j)
			}
		}
	}
	return ps
}

// On returns the version in force on d (the social list when social is
// set), or an error when none is.
func (l PriceList) On(d plan.Date, social bool) (ListPrices, error) {
	vs, which := l.Versions, "versions"
	if social {
		vs, which = l.Social, "social"
	}
	best := -1
	for i, v := range vs {
		if !v.From.After(d) && (best < 0 || v.From.After(vs[best].From)) {
			best = i
		}
	}
	if best < 0 {
		return ListPrices{}, plan.Problem{Code: plan.CodeMissing, Field: "price_list." + which, Date: d,
			Message: fmt.Sprintf("no %s price in force on %s", which, d)}
	}
	return vs[best], nil
}

// Price returns what minutes of care on one day cost under version v: the
// day part they fall in, or the started units times the unit price; never
// more than the daily cap. No care costs nothing.
func (v ListPrices) Price(minutes int) (Money, error) {
	if minutes <= 0 {
		return Money{}, nil
	}
	var p Money
	switch {
	case len(v.DayParts) > 0:
		for _, part := range v.DayParts {
			if minutes >= part.FromMinutes {
				p = part.Price
			}
		}
	case v.UnitMinutes > 0:
		units := int64((minutes + v.UnitMinutes - 1) / v.UnitMinutes)
		var err error
		if p, err = v.PerUnit.TimesInt(units); err != nil {
			return Money{}, err
		}
	default:
		return Money{}, fmt.Errorf("tariff: a price list version without prices: %w", plan.CodeInvalidValue)
	}
	if !v.DailyCap.IsZero() && p.Cmp(v.DailyCap) > 0 {
		p = v.DailyCap
	}
	return p, nil
}

// SiblingOff returns the sibling discount on a day's price: price ×
// SiblingDiscount, rounded to the cent half away from zero (never more
// than the price: a discount never makes a family pay more).
func (l PriceList) SiblingOff(price Money) (Money, error) {
	if l.SiblingDiscount.Sign() <= 0 || price.Sign() <= 0 {
		return Money{}, nil
	}
	off, err := price.Times(l.SiblingDiscount)
	if err != nil {
		return Money{}, err
	}
	if off.Cmp(price) > 0 {
		return price, nil
	}
	return off, nil
}
