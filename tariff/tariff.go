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

// MaxTariffCents bounds a daily tariff: at most 9,999.99 euro. The statutory
// maximum is below 40 euro; a tariff beyond the bound is a typing error.
const MaxTariffCents = 999_999

// Tariff is a daily tariff in euro: the amount on the family's attest
// inkomenstarief, or a statutory amount. It is always positive, has at most
// two decimals and is at most 9,999.99 (MaxTariffCents). The zero Tariff
// means "no tariff"; IsZero reports it and it is never accepted where an
// amount is needed. A Tariff is exact whole cents, comparable with ==.
type Tariff struct {
	c int64 // cents; 0 for "no tariff"
}

// NewTariff returns the tariff for amount, or an error when amount is zero,
// negative, finer than a cent (27.505) or above 9,999.99.
func NewTariff(amount decimal.Decimal) (Tariff, error) {
	if amount.Sign() <= 0 {
		return Tariff{}, fmt.Errorf("tariff: %s euro is not a daily tariff: it must be positive: %w", amount, CodeInvalidTariff)
	}
	if !amount.Round(2).Equal(amount) {
		return Tariff{}, fmt.Errorf("tariff: %s euro has more than two decimals: %w", amount, CodeInvalidTariff)
	}
	if amount.GreaterThan(decimal.New(MaxTariffCents, -2)) {
		return Tariff{}, fmt.Errorf("tariff: %s euro is above the largest daily tariff, %s: %w", amount, decimal.New(MaxTariffCents, -2).StringFixed(2), CodeInvalidTariff)
	}
	return Tariff{c: amount.Shift(2).IntPart()}, nil
}

// TariffCents returns the tariff of c cents, or an error when c is not in
// 1–MaxTariffCents.
func TariffCents(c int64) (Tariff, error) {
	if c < 1 || c > MaxTariffCents {
		return Tariff{}, fmt.Errorf("tariff: %d cents is not a daily tariff of 0.01 to 9,999.99 euro: %w", c, CodeInvalidTariff)
	}
	return Tariff{c: c}, nil
}

// ParseTariff parses a daily tariff written as a decimal with a point and
// at most two decimals: "27.5", "27.50", "6". It rejects a comma, a sign,
// spaces, exponents, "0", "27.505" and amounts above 9,999.99.
func ParseTariff(s string) (Tariff, error) {
	c, ok := plainCents(s)
	if !ok {
		return Tariff{}, fmt.Errorf("tariff: %q is not an amount like 27.50: %w", s, CodeInvalidTariff)
	}
	t, err := TariffCents(c)
	if err != nil {
		return Tariff{}, fmt.Errorf("tariff: %q: %w", s, err)
	}
	return t, nil
}

// plainCents parses digits with at most one point and at most two digits
// after it, and at most 4 before it, into cents.
func plainCents(s string) (int64, bool) {
	var c int64
	intDigits, fracDigits, point := 0, 0, false
	for i := 0; i < len(s); i++ {
		switch ch := s[i]; {
		case ch >= '0' && ch <= '9':
			if point {
				fracDigits++
			} else {
				intDigits++
			}
			c = c*10 + int64(ch-'0')
		case ch == '.' && !point:
			point = true
		default:
			return 0, false
		}
		if intDigits > 4 || fracDigits > 2 {
			return 0, false
		}
	}
	if intDigits < 1 || (point && fracDigits < 1) {
		return 0, false
	}
	for k := fracDigits; k < 2; k++ {
		c *= 10
	}
	return c, true
}

// MustTariff is like ParseTariff but panics when s is not a tariff. It is
// for literals in programs and tests, like regexp.MustCompile; use
// ParseTariff for data.
func MustTariff(s string) Tariff {
	t, err := ParseTariff(s)
	if err != nil {
		panic(err.Error())
	}
	return t
}

// IsZero reports whether t is the zero Tariff ("no tariff").
func (t Tariff) IsZero() bool { return t.c == 0 }

// Decimal returns the amount in euro, with two decimals.
func (t Tariff) Decimal() decimal.Decimal { return decimal.New(t.c, -2) }

// Money returns the amount as Money.
func (t Tariff) Money() Money { return Money{u: t.c * 100} }

// Cents returns the amount in cents (0 for the zero Tariff).
func (t Tariff) Cents() int64 { return t.c }

// Equal reports whether t and u are the same amount (go-cmp uses it).
func (t Tariff) Equal(u Tariff) bool { return t.c == u.c }

// Cmp returns -1, 0 or +1 when t is less than, equal to or more than u.
func (t Tariff) Cmp(u Tariff) int {
	switch {
	case t.c < u.c:
		return -1
	case t.c > u.c:
		return 1
	}
	return 0
}

// String formats t with two decimals ("27.50"), or "" for the zero Tariff.
func (t Tariff) String() string {
	if t.IsZero() {
		return ""
	}
	return t.Money().String()
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
