package invoice

import (
	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
	"github.com/shopspring/decimal"
)

// LineKind is the kind of an invoice line.
type LineKind string

// The kinds of line.
const (
	LineCare        LineKind = "care"        // days of care by band, at the income tariff
	LineUnjustified LineKind = "unjustified" // unjustified absences
	LineLateNotice  LineKind = "late_notice" // absences reported late or never
	LineNoticeFee   LineKind = "notice_fee"  // notice not respected (negative when owed by the organiser)
	LineLatePickup  LineKind = "late_pickup" // late pick-up, per started half hour
	LineWasteFull   LineKind = "waste_full"  // waste, per full day present
	LineWastePart   LineKind = "waste_part"  // waste, per half or third day present
	LineHotMeal     LineKind = "hot_meal"    // hot meals of a school-age child
	LineAdmin       LineKind = "admin"       // administration, per family per month
	LineTransport   LineKind = "transport"   // transport by car, per km
	// Under a price list (care without an income tariff, seed 000):
	LineReservedAbsent LineKind = "reserved_absent" // reserved, not cancelled, not attended: bestellen is betalen
	LineLateCancel     LineKind = "late_cancel"     // a reservation cancelled after the deadline
)

// Line is one line of an invoice: a count times a unit price, the days it
// covers and the rule behind it, with a Dutch label for the family and an
// English one for developers. Amount is always Count × UnitPrice rounded to
// the cent (exact for whole counts of cent prices).
type Line struct {
	// Child is the child code; empty for a family line (administration).
	Child     string          `json:"child,omitempty"`
	Kind      LineKind        `json:"kind"`
	Count     decimal.Decimal `json:"count"`
	UnitPrice tariff.Money    `json:"unit_price"`
	Amount    tariff.Money    `json:"amount"`
	// Dates are the days the line covers.
	Dates []plan.Date `json:"dates,omitempty"`
	// Band and Group describe a care line; Basis says why its tariff
	// applies (attest, connect, maximum).
	Band  string `json:"band,omitempty"`
	Group string `json:"group,omitempty"`
	Basis string `json:"basis,omitempty"`
	// Pricing is the pricing model of a care line other than the bands:
	// pro_rata or price_list.
	Pricing tariff.PricingModel `json:"pricing,omitempty"`
	// Tariff is the daily tariff behind the unit price, when there is one.
	Tariff string `json:"tariff,omitempty"`
	// Deductible is true for care itself: the only amounts on the fiscal
	// certificate.
	Deductible bool      `json:"deductible,omitempty"`
	Rule       plan.Rule `json:"rule"`
	LabelNL    string    `json:"label_nl"`
	LabelEN    string    `json:"label_en"`
}
