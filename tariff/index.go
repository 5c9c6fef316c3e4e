package tariff

import (
	"fmt"

	"github.com/kinderopvang/regels/plan"
	"github.com/shopspring/decimal"
)

// Index returns t indexed by the health index: t × (1 + index), rounded to
// the cent half away from zero. index is a fraction (0.0213 for 2.13 %); a
// negative index lowers the tariff. It reports an error when the result is
// not a positive tariff.
func Index(t Tariff, index decimal.Decimal) (Tariff, error) {
	// Source: Kind en Gezin — attests are indexed every 1 January with the
	// health index, new = old × (1 + index), rounded to the cent.
	if t.IsZero() {
		return Tariff{}, fmt.Errorf("tariff: no tariff to index: %w", CodeNoTariff)
	}
	if index.GreaterThan(decimal.NewFromInt(1)) {
		return Tariff{}, fmt.Errorf("tariff: an index of %s (more than 100 %%) is not a yearly health index: %w", index, plan.CodeInvalidValue)
	}
	return NewTariff(t.Decimal().Mul(decimal.NewFromInt(1).Add(index)).Round(2))
}

// SocialHalf returns the social-welfare (OCMW) half tariff: half the
// computed tariff, rounded to the cent half away from zero, but never below
// the standard minimum of that year.
func SocialHalf(computed, standardMinimum Tariff) (Tariff, error) {
	// Source: Kind en Gezin — the OCMW tariff is half the computed tariff
	// with the standard minimum as floor (RULES §2).
	if computed.IsZero() || standardMinimum.IsZero() {
		return Tariff{}, fmt.Errorf("tariff: the social-welfare half needs a computed tariff and a standard minimum: %w", CodeNoTariff)
	}
	half := Tariff{c: (computed.c + 1) / 2} // half a cent rounds up: half away from zero
	if half.Cmp(standardMinimum) < 0 {
		return standardMinimum, nil
	}
	return half, nil
}
