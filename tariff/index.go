package tariff

import (
	"fmt"

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
	return NewTariff(t.d.Mul(decimal.NewFromInt(1).Add(index)).Round(2))
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
	half := computed.d.DivRound(decimal.NewFromInt(2), 2)
	if half.Cmp(standardMinimum.d) < 0 {
		return standardMinimum, nil
	}
	return NewTariff(half)
}
