package tariff

import (
	"fmt"

	"github.com/kinderopvang/regels/plan"
	"github.com/shopspring/decimal"
)

// Problem codes of this package, in addition to those of package plan. Like
// plan's codes they are errors, for errors.Is.
const (
	CodeInvalidTariff plan.Code = "invalid_tariff" // a tariff that is zero, negative, not a number or finer than a cent
	CodeUnknownYear   plan.Code = "unknown_year"   // a yearly amount that is not known for that year
	CodeNoTariff      plan.Code = "no_tariff"      // no attest and no fallback for a day
	CodeInvalidShare  plan.Code = "invalid_share"  // a band table that is not well formed
)

// Tariff is a daily tariff in euro: the amount on the family's attest
// inkomenstarief, or a statutory amount. It is always positive and has at
// most two decimals. The zero Tariff means "no tariff"; IsZero reports it
// and it is never accepted where an amount is needed.
type Tariff struct {
	d decimal.Decimal
}

// NewTariff returns the tariff for amount, or an error when amount is zero,
// negative or finer than a cent (27.505).
func NewTariff(amount decimal.Decimal) (Tariff, error) {
	if amount.Sign() <= 0 {
		return Tariff{}, fmt.Errorf("tariff: %s euro is not a daily tariff: it must be positive: %w", amount, CodeInvalidTariff)
	}
	if !amount.Round(2).Equal(amount) {
		return Tariff{}, fmt.Errorf("tariff: %s euro has more than two decimals: %w", amount, CodeInvalidTariff)
	}
	return Tariff{d: amount.Round(2)}, nil
}

// ParseTariff parses a daily tariff written as a decimal with a point and
// at most two decimals: "27.5", "27.50", "6". It rejects a comma, a sign,
// spaces, exponents, "0" and "27.505".
func ParseTariff(s string) (Tariff, error) {
	if !plainDecimal(s) {
		return Tariff{}, fmt.Errorf("tariff: %q is not an amount like 27.50: %w", s, CodeInvalidTariff)
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return Tariff{}, fmt.Errorf("tariff: %q: %v: %w", s, err, CodeInvalidTariff)
	}
	return NewTariff(d)
}

// plainDecimal accepts digits with at most one point and at most two
// digits after it, and at most 7 before it (no daily tariff reaches a
// million euro).
func plainDecimal(s string) bool {
	intDigits, fracDigits, point := 0, 0, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			if point {
				fracDigits++
			} else {
				intDigits++
			}
		case c == '.' && !point:
			point = true
		default:
			return false
		}
	}
	return intDigits >= 1 && intDigits <= 7 && fracDigits <= 2 && (!point || fracDigits >= 1)
}

// MustTariff is like ParseTariff but returns the zero Tariff on error. Meant
// for literals in tests and examples; it never panics.
func MustTariff(s string) Tariff {
	t, _ := ParseTariff(s)
	return t
}

// IsZero reports whether t is the zero Tariff ("no tariff").
func (t Tariff) IsZero() bool { return t.d.Sign() == 0 }

// Decimal returns the amount in euro, with two decimals.
func (t Tariff) Decimal() decimal.Decimal { return t.d.Round(2) }

// Equal reports whether t and u are the same amount (go-cmp uses it).
func (t Tariff) Equal(u Tariff) bool { return t.d.Equal(u.d) }

// Cmp returns -1, 0 or +1 when t is less than, equal to or more than u.
func (t Tariff) Cmp(u Tariff) int { return t.d.Cmp(u.d) }

// String formats t with two decimals ("27.50"), or "" for the zero Tariff.
func (t Tariff) String() string {
	if t.IsZero() {
		return ""
	}
	return t.d.StringFixed(2)
}

// MarshalText implements encoding.TextMarshaler: "27.50", or "" for the
// zero Tariff.
func (t Tariff) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler; it accepts what
// ParseTariff accepts, and "" for the zero Tariff.
func (t *Tariff) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*t = Tariff{}
		return nil
	}
	v, err := ParseTariff(string(b))
	if err != nil {
		return err
	}
	*t = v
	return nil
}
