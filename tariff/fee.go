package tariff

import (
	"fmt"

	"github.com/kinderopvang/regels/plan"
	"github.com/shopspring/decimal"
)

// PercentFee is a fee of a percentage of the daily tariff, with a floor and
// a cap: the building block of the late-notice and notice fees (seed 004
// §3.4.2 and §6.2.1: "25% van je inkomenstarief, met als minimum de
// minimumbijdrage") and of charges for absences, capped at the year's
// maximum tariff.
type PercentFee struct {
	// Percent is a fraction of the tariff: 0.25 for 25 %.
	Percent decimal.Decimal `json:"percent"`
	// Floor is the least the fee costs (e.g. the minimum contribution); the
	// zero Tariff means no floor.
	Floor Tariff `json:"floor,omitzero"`
	// Cap is the most the fee costs (e.g. the maximum tariff); the zero
	// Tariff means no cap.
	Cap Tariff `json:"cap,omitzero"`
	// Rule names the rule the fee implements.
	Rule plan.Rule `json:"rule"`
}

// FeeAmount is a computed fee and how it came about.
type FeeAmount struct {
	Amount Money `json:"amount"`
	// Raw is Percent × tariff, rounded to the cent, before floor and cap.
	Raw     Money `json:"raw"`
	Floored bool  `json:"floored,omitempty"`
	Capped  bool  `json:"capped,omitempty"`
	// Tariff is the tariff the fee was computed on.
	Tariff Tariff `json:"tariff"`
	// Fee is the fee definition, with its rule.
	Fee PercentFee `json:"fee"`
}

// Of returns the fee on tariff t: round(Percent × t) to the cent, raised to
// Floor, lowered to Cap. It reports an error for the zero Tariff, a negative
// percentage, or a floor above the cap.
func (f PercentFee) Of(t Tariff) (FeeAmount, error) {
	if t.IsZero() {
		return FeeAmount{}, fmt.Errorf("tariff: no tariff for the fee: %w", CodeNoTariff)
	}
	if !shareInRange(f.Percent, MaxShare) {
		return FeeAmount{}, fmt.Errorf("tariff: fee percentage %s is not between 0 and %d: %w", f.Percent, MaxShare, plan.CodeInvalidValue)
	}
	if !f.Floor.IsZero() && !f.Cap.IsZero() && f.Floor.Cmp(f.Cap) > 0 {
		return FeeAmount{}, fmt.Errorf("tariff: fee floor %s is above its cap %s: %w", f.Floor, f.Cap, plan.CodeInvalidValue)
	}
	raw := mulShare(t.c, f.Percent)
	res := FeeAmount{Amount: raw, Raw: raw, Tariff: t, Fee: f}
	if !f.Floor.IsZero() && res.Amount.Cmp(f.Floor.Money()) < 0 {
		res.Amount, res.Floored = f.Floor.Money(), true
	}
	// Source: Opgroeien FAQ — a charge for an absence "mag nooit hoger zijn
	// dan het wettelijk vastgelegde maximumtarief" (when Cap is that).
	if !f.Cap.IsZero() && res.Amount.Cmp(f.Cap.Money()) > 0 {
		res.Amount, res.Capped = f.Cap.Money(), true
	}
	return res, nil
}
