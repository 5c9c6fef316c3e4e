package absence

import (
	"fmt"
	"slices"

	"github.com/kinderopvang/regels/plan"
	"github.com/shopspring/decimal"
)

// Ledger is the running count of a child's justified absence days in one
// calendar year: the entitlement, what has been used, and every movement
// with the date and rule that caused it. A Ledger is a value: methods return
// a new one. The ledger at the end of a month is the input of the next.
type Ledger struct {
	Year        int             `json:"year"`
	Entitlement decimal.Decimal `json:"entitlement"`
	Used        decimal.Decimal `json:"used"`
	Movements   []Movement      `json:"movements,omitempty"`
}

// Movement is one use of justified absence days.
type Movement struct {
	Date plan.Date `json:"date"`
	// Days is how many days were used (0.5 for half a day).
	Days decimal.Decimal `json:"days"`
	// Balance is what is left after the movement.
	Balance decimal.Decimal `json:"balance"`
	Rule    plan.Rule       `json:"rule"`
	Reason  string          `json:"reason"`
}

// NewLedger returns an empty ledger for the year of e.
func NewLedger(e Entitlement) Ledger {
	return Ledger{Year: e.Year, Entitlement: e.Days}
}

// Balance returns the days left: entitlement − used, never negative.
func (l Ledger) Balance() decimal.Decimal {
	return decimal.Max(l.Entitlement.Sub(l.Used), decimal.Zero)
}

// Transfer carries the ledger to a new placement. Within the same
// organiser (another caregiver) the count goes on: days used stay used
// against the new entitlement e. From another organiser the count starts
// fresh from e, whatever was used there (seed 004 §3.4.2).
func (l Ledger) Transfer(sameOrganiser bool, e Entitlement) (Ledger, error) {
	// Source: seed 004 §3.4.2 — "Verandert je kind van onthaalouder binnen
	// onze dienst, dan loopt de verrekening van afwezigheidsdagen door";
	// from another organiser: "zonder rekening te houden met je saldo".
	if !sameOrganiser {
		return NewLedger(e), nil
	}
	if e.Year != l.Year {
		return Ledger{}, plan.Problem{Code: plan.CodeInvalidValue, Field: "entitlement.year",
			Message: fmt.Sprintf("a ledger of %d cannot continue with an entitlement of %d", l.Year, e.Year)}
	}
	n := l
	n.Entitlement = e.Days
	n.Movements = slices.Clip(l.Movements)
	return n, nil
}

// use takes up to want days on date d; it returns the new ledger and the
// days actually used (never more than the balance).
func (l Ledger) use(d plan.Date, want decimal.Decimal, rule plan.Rule, reason string) (Ledger, decimal.Decimal) {
	got := want
	if bal := l.Balance(); got.GreaterThan(bal) {
		got = bal
	}
	if got.Sign() <= 0 {
		return l, decimal.Zero
	}
	n := l
	n.Used = l.Used.Add(got)
	n.Movements = append(slices.Clip(l.Movements), Movement{Date: d, Days: got, Balance: n.Balance(), Rule: rule, Reason: reason})
	return n, got
}
