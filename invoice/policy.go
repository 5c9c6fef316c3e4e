package invoice

import (
	"fmt"

	"github.com/kinderopvang/regels/absence"
	"github.com/kinderopvang/regels/internal/cmpdec"
	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
	"github.com/shopspring/decimal"
)

// HouseRules gathers an organiser's house rules (huishoudelijk reglement)
// as data: the absence, notice and band rules of the other packages and the
// extra costs. Seed004HouseRules returns those of the Zorg Leuven family
// daycare service; another organiser writes its own value, no code.
type HouseRules struct {
	Name    string            `json:"name"`
	Absence absence.Policy    `json:"absence"`
	Notice  plan.NoticePolicy `json:"notice"`
	Bands   tariff.Classifier `json:"bands"`
	// Pricing is how a day of care is priced: the statutory bands (the zero
	// value), pro rata for short after-school moments, or a price list for
	// care without an income tariff (tariff.Pricing).
	Pricing tariff.Pricing `json:"pricing,omitzero"`
	// NoticeFeeShare is the share of the tariff per reserved day of a notice
	// not respected; its floor is the minimum contribution when
	// NoticeFeeFloor is set (seed 004: 25 %, floor).
	NoticeFeeShare decimal.Decimal `json:"notice_fee_share"`
	NoticeFeeFloor bool            `json:"notice_fee_floor"`
	// SettlingInAloneFree makes settling-in days without the parent free;
	// seed 004 charges the tariff for them (§4.1). Settling in with the
	// parent is always free.
	SettlingInAloneFree bool `json:"settling_in_alone_free,omitempty"`
	// Extra costs (seed 004 §3.5.1), each a dated amount.
	LatePickupPerHalfHour Prices `json:"late_pickup_per_half_hour"`
	WasteFullDay          Prices `json:"waste_full_day"`
	WastePartDay          Prices `json:"waste_part_day"`
	HotMeal               Prices `json:"hot_meal"`
	AdminPerMonth         Prices `json:"admin_per_month"`
	TransportPerKm        Prices `json:"transport_per_km,omitempty"`
	// PaymentTermMonths is the payment term after the invoice date (seed
	// 004 §3.6: 1 month), 1 to 12 months.
	PaymentTermMonths int `json:"payment_term_months"`
	// MaxSessionHours is the longest a stay may last, 1 to 72 hours; a
	// longer session is an error that suggests a missing check-out. Zero
	// means 24 hours.
	MaxSessionHours int    `json:"max_session_hours,omitempty"`
	Source          string `json:"source"`
}

// Seed004HouseRules returns the house rules of the Zorg Leuven family
// daycare service (seed 004), the reference example. Seed 004 charges
// transport at "het bedrag per kilometer vermeld in het koninklijk besluit
// houdende de algemene regeling inzake reiskosten" without stating it, so
// TransportPerKm is empty: an organiser that bills trips adds the federal
// rate in force, and a trip without a rate is an error, never a guess.
func Seed004HouseRules() HouseRules {
	return HouseRules{
		Name:    "Dienst voor Opvanggezinnen, Zorg Leuven",
		Absence: absence.Seed004Policy(),
		Notice:  plan.Seed004NoticePolicy(),
		// Source: seed 004 §3.3 — "voor opvang meer dan 11u: 160% van het
		// tarief", with no condition of a flex permission.
		Bands:                 tariff.Classifier{Table: tariff.StatutoryBands(), FlexWithoutPermission: true},
		NoticeFeeShare:        decimal.New(25, -2),
		NoticeFeeFloor:        true,
		LatePickupPerHalfHour: Flat("4.00"),
		WasteFullDay:          Flat("0.13"),
		WastePartDay:          Flat("0.07"),
		HotMeal:               Flat("3.00"),
		AdminPerMonth:         Flat("3.50"),
		PaymentTermMonths:     1,
		Source:                srcSeed004Costs,
	}
}

// Validate checks the house rules against the statutory bounds and returns
// every problem at once: the absence policy (at least 18 justified absence
// days for full time), the notice policy, the band table, negative or
// doubled prices, a negative fee share, a payment term below a month.
func (h HouseRules) Validate() error {
	var ps plan.Problems
	prefix := func(field string, err error) {
		for _, p := range plan.AsProblems(err) {
			p.Field = field + "." + p.Field
			ps = append(ps, p)
		}
	}
	prefix("absence", h.Absence.Validate())
	prefix("bands", h.Bands.Table.Validate())
	prefix("notice", h.Notice.Validate())
	prefix("pricing", h.Pricing.Validate())
	for _, f := range []struct {
		name string
		p    Prices
	}{
		{"late_pickup_per_half_hour", h.LatePickupPerHalfHour}, {"waste_full_day", h.WasteFullDay}, {"waste_part_day", h.WastePartDay},
		{"hot_meal", h.HotMeal}, {"admin_per_month", h.AdminPerMonth}, {"transport_per_km", h.TransportPerKm},
	} {
		ps = append(ps, f.p.validate(f.name)...)
	}
	if h.NoticeFeeShare.Sign() < 0 {
		ps = append(ps, plan.Problem{Code: plan.CodeInvalidValue, Field: "notice_fee_share", Message: "the notice fee share cannot be negative"})
	}
	if cmpdec.Int(h.NoticeFeeShare, tariff.MaxShare) > 0 {
		ps = append(ps, plan.Problem{Code: plan.CodeOutOfRange, Field: "notice_fee_share", Message: fmt.Sprintf("a notice fee of %s times the tariff is beyond %d", h.NoticeFeeShare, tariff.MaxShare)})
	}
	// Source: seed 004 §3.6 — "te betalen binnen de maand"; a term of more
	// than a year is no payment term.
	if h.PaymentTermMonths < 1 || h.PaymentTermMonths > 12 {
		ps = append(ps, plan.Problem{Code: plan.CodeOutOfRange, Field: "payment_term_months",
			Message: fmt.Sprintf("a payment term of %d months is not 1 to 12 months (seed 004 §3.6: a month)", h.PaymentTermMonths)})
	}
	if h.MaxSessionHours < 0 || h.MaxSessionHours > 72 {
		ps = append(ps, plan.Problem{Code: plan.CodeOutOfRange, Field: "max_session_hours",
			Message: fmt.Sprintf("a longest stay of %d hours is not 1 to 72 hours (0 means 24)", h.MaxSessionHours)})
	}
	return ps.Err()
}
