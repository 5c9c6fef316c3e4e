package tariff

import (
	"fmt"

	"github.com/kinderopvang/regels/plan"
	"github.com/shopspring/decimal"
)

// Index returns t indexed by the health index: t × (1 + index), rounded to
// the cent half away from zero. index is a fraction (0.0213 for 2.13 %)
// between -1 and 1; a negative index lowers the tariff. It reports an error
// for the zero Tariff, an index outside [-1, 1], and a result that is not a
// tariff (zero, or above 9,999.99).
func Index(t Tariff, index decimal.Decimal) (Tariff, error) {
	// Source: Kind en Gezin, indexation of the attest — attests are indexed
	// every 1 January with the health index, new = old × (1 + index),
	// rounded to the cent (on 1 January 2015, +0.03 %: a tariff under 16.67
	// stayed the same, one of 16.67 or more rose by a cent, as organisers
	// passed Kind en Gezin's message on to families).
	if t.IsZero() {
		return Tariff{}, fmt.Errorf("tariff: no tariff to index: %w", CodeNoTariff)
	}
	// A positive exponent is an index of 0 or at least 10 (checked without
	// rescaling, which would be costly for a huge exponent).
	one := decimal.NewFromInt(1)
	if (index.Exponent() > 0 && index.Sign() != 0) || index.GreaterThan(one) || index.LessThan(one.Neg()) {
		return Tariff{}, fmt.Errorf("tariff: an index of %s (beyond ±100 %%) is not a yearly health index: %w", index, plan.CodeInvalidValue)
	}
	res, err := NewTariff(t.Decimal().Mul(one.Add(index)).Round(2))
	if err != nil {
		return Tariff{}, fmt.Errorf("tariff: %s indexed by %s: %w", t, index, err)
	}
	return res, nil
}

// SocialHalf returns the social-welfare (OCMW) half tariff: half the
// computed tariff, rounded to the cent half away from zero, but never below
// the standard minimum of that year.
func SocialHalf(computed, standardMinimum Tariff) (Tariff, error) {
	// Source: Kind en Gezin — the OCMW (social-welfare) tariff is half the
	// computed tariff, with the standard minimum of the year as floor.
	if computed.IsZero() || standardMinimum.IsZero() {
		return Tariff{}, fmt.Errorf("tariff: the social-welfare half needs a computed tariff and a standard minimum: %w", CodeNoTariff)
	}
	half := (computed.c + 1) / 2 // half a cent rounds up: half away from zero
	return Tariff{c: max(half, standardMinimum.c)}, nil
}
