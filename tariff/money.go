package tariff

import (
	"fmt"
	"math/bits"

	"github.com/kinderopvang/regels/plan"
	"github.com/shopspring/decimal"
)

// CodeInvalidMoney is an amount of money that is not a decimal string, has
// more than four decimals or lies outside ±MaxEuro.
const CodeInvalidMoney plan.Code = "invalid_money"

// moneyScale is the number of Money units in a euro: Money counts
// ten-thousandths of a euro.
const moneyScale = 10_000

// MaxEuro bounds every Money: at most one thousand billion euro either way.
// No invoice comes near it; an amount beyond it is an error
// (CodeInvalidMoney), never a wrapped or rounded value.
const MaxEuro = 1_000_000_000_000

// maxMoneyUnits is MaxEuro in Money units. Two amounts in range add without
// overflowing an int64, so a sum is checked after it is made.
const maxMoneyUnits = MaxEuro * moneyScale

// Money is an exact amount of euro: an invoice amount ("404.80"), a unit
// price ("24.10", or a rate per km with up to four decimals, "0.4269"), a
// fee. It counts ten-thousandths of a euro in an int64, so it is exact,
// comparable with ==, usable as a map key and free of allocation; Decimal
// converts it to a decimal.Decimal for any other arithmetic. The zero Money
// is 0.00 euro.
//
// Text and JSON write at least two decimals ("24.10", "8.00", "-3.50",
// "0.4269"), so an amount reads as money and comes back exactly. They read
// a decimal string with a point and at most four decimals ("3.5", "-12.00");
// a JSON number is refused, so a float never becomes money.
type Money struct {
	u int64 // ten-thousandths of a euro
}

// Cents returns c euro cents. It panics when c is beyond ±MaxEuro: it is
// meant for literals and values known to be in range, like the Must
// functions; use NewMoney for data.
func Cents(c int64) Money {
	m, err := centsChecked(c)
	if err != nil {
		panic(err.Error())
	}
	return m
}

// centsChecked returns c cents, or an error beyond ±MaxEuro.
func centsChecked(c int64) (Money, error) {
	if c > maxMoneyUnits/100 || c < -maxMoneyUnits/100 {
		return Money{}, fmt.Errorf("tariff: %d cents is beyond ±%d euro: %w", c, MaxEuro, CodeInvalidMoney)
	}
	return Money{u: c * 100}, nil
}

// NewMoney returns d as Money, or an error when d has more than four
// decimals or lies beyond ±MaxEuro. It never rounds: round first (d.Round(2))
// when rounding is meant.
func NewMoney(d decimal.Decimal) (Money, error) {
	units := d.Shift(4)
	if !units.IsInteger() {
		return Money{}, fmt.Errorf("tariff: %s euro has more than four decimals: %w", d, CodeInvalidMoney)
	}
	if units.Abs().GreaterThan(decimal.NewFromInt(maxMoneyUnits)) {
		return Money{}, fmt.Errorf("tariff: %s euro is beyond ±%d euro: %w", d, MaxEuro, CodeInvalidMoney)
	}
	return Money{u: units.IntPart()}, nil
}

// ParseMoney parses an amount written as a decimal with a point: an optional
// minus sign, one to thirteen digits, and optionally a point and one to four
// decimals ("24.10", "3.5", "-12", "0.4269"). It rejects a plus sign, a
// comma, spaces, exponents and more than four decimals.
func ParseMoney(s string) (Money, error) {
	neg := len(s) > 0 && s[0] == '-'
	digits := s
	if neg {
		digits = s[1:]
	}
	var units int64
	intDigits, fracDigits, point := 0, 0, false
	for i := 0; i < len(digits); i++ {
		switch c := digits[i]; {
		case c >= '0' && c <= '9':
			if point {
				fracDigits++
			} else {
				intDigits++
			}
			if intDigits > 13 || fracDigits > 4 {
				return Money{}, fmt.Errorf("tariff: %q is not an amount of at most 13 digits and 4 decimals: %w", s, CodeInvalidMoney)
			}
			units = units*10 + int64(c-'0')
		case c == '.' && !point:
			point = true
		default:
			return Money{}, fmt.Errorf("tariff: %q is not an amount like 24.10: %w", s, CodeInvalidMoney)
		}
	}
	if intDigits == 0 || (point && fracDigits == 0) {
		return Money{}, fmt.Errorf("tariff: %q is not an amount like 24.10: %w", s, CodeInvalidMoney)
	}
	for k := fracDigits; k < 4; k++ {
		units *= 10
	}
	if units > maxMoneyUnits {
		return Money{}, fmt.Errorf("tariff: %q is beyond ±%d euro: %w", s, MaxEuro, CodeInvalidMoney)
	}
	if neg {
		units = -units
	}
	return Money{u: units}, nil
}

// MustMoney is like ParseMoney but panics when s is not an amount. It is for
// literals in programs and tests, like regexp.MustCompile; use ParseMoney
// for data.
func MustMoney(s string) Money {
	m, err := ParseMoney(s)
	if err != nil {
		panic(err.Error())
	}
	return m
}

// Decimal returns m as a decimal: with two decimals when m is whole cents
// (its Exponent is -2), four otherwise.
func (m Money) Decimal() decimal.Decimal {
	if m.u%100 == 0 {
		return decimal.New(m.u/100, -2)
	}
	return decimal.New(m.u, -4)
}

// Cents returns m in cents and true when m is a whole number of cents.
func (m Money) Cents() (int64, bool) { return m.u / 100, m.u%100 == 0 }

// IsZero reports whether m is 0.00 euro.
func (m Money) IsZero() bool { return m.u == 0 }

// Sign returns -1, 0 or +1 for a negative, zero or positive m.
func (m Money) Sign() int {
	switch {
	case m.u < 0:
		return -1
	case m.u > 0:
		return 1
	}
	return 0
}

// Cmp returns -1, 0 or +1 when m is less than, equal to or more than n.
func (m Money) Cmp(n Money) int {
	switch {
	case m.u < n.u:
		return -1
	case m.u > n.u:
		return 1
	}
	return 0
}

// Equal reports whether m and n are the same amount (the same as m == n; it
// lets go-cmp compare structs that hold Money).
func (m Money) Equal(n Money) bool { return m.u == n.u }

// Neg returns -m (always in range).
func (m Money) Neg() Money { return Money{u: -m.u} }

// Add returns m + n, or an error when the sum lies beyond ±MaxEuro.
func (m Money) Add(n Money) (Money, error) { return moneyUnits(m.u + n.u) }

// Sub returns m − n, or an error when the difference lies beyond ±MaxEuro.
func (m Money) Sub(n Money) (Money, error) { return moneyUnits(m.u - n.u) }

// moneyUnits checks a sum of two in-range amounts (which cannot overflow).
func moneyUnits(u int64) (Money, error) {
	if u > maxMoneyUnits || u < -maxMoneyUnits {
		return Money{}, fmt.Errorf("tariff: %s euro is beyond ±%d euro: %w", Money{u: u}, MaxEuro, CodeInvalidMoney)
	}
	return Money{u: u}, nil
}

// Round returns m rounded to the cent, half away from zero (2.345 → 2.35,
// −2.345 → −2.35): the usual commercial rounding, as decimal's Round(2).
func (m Money) Round() Money { return Money{u: roundUnitsToCents(m.u)} }

// roundUnitsToCents rounds ten-thousandths to whole cents (in units), half
// away from zero.
func roundUnitsToCents(u int64) int64 {
	q, r := u/100, u%100
	switch {
	case r >= 50:
		q++
	case r <= -50:
		q--
	}
	return q * 100
}

// Times returns count × m rounded to the cent, half away from zero: the
// amount of an invoice line (7.4 km × 0.4269 = 3.16). It is an error when
// the result lies beyond ±MaxEuro.
func (m Money) Times(count decimal.Decimal) (Money, error) {
	if count.IsInteger() && count.Abs().LessThan(decimal.NewFromInt(1<<62)) {
		return m.TimesInt(count.IntPart())
	}
	p := count.Mul(decimal.New(m.u, -4)).Round(2)
	res, err := NewMoney(p)
	if err != nil {
		return Money{}, fmt.Errorf("tariff: %s × %s: %w", count, m, err)
	}
	return res, nil
}

// TimesInt returns n × m rounded to the cent, half away from zero, or an
// error when the product lies beyond ±MaxEuro.
func (m Money) TimesInt(n int64) (Money, error) {
	hi, lo := bits.Mul64(uint64(abs64(m.u)), uint64(abs64(n)))
	if hi != 0 || lo > maxMoneyUnits {
		return Money{}, fmt.Errorf("tariff: %d × %s euro is beyond ±%d euro: %w", n, m, MaxEuro, CodeInvalidMoney)
	}
	p := int64(lo)
	if (m.u < 0) != (n < 0) {
		p = -p
	}
	return Money{u: roundUnitsToCents(p)}, nil
}

func abs64(x int64) int64 {
	if x < 0 {
		return -x // |MinInt64| never reaches here: Money is bounded, counts are checked
	}
	return x
}

// String formats m with at least two decimals, up to four when needed:
// "24.10", "-3.50", "0.4269".
func (m Money) String() string { return string(m.AppendText(nil)) }

// AppendText appends the text form of m (see String) to b.
func (m Money) AppendText(b []byte) []byte {
	u := m.u
	if u < 0 {
		b = append(b, '-')
		u = -u
	}
	whole, frac := u/moneyScale, u%moneyScale
	var buf [20]byte
	i := len(buf)
	for {
		i--
		buf[i] = byte('0' + whole%10)
		whole /= 10
		if whole == 0 {
			break
		}
	}
	b = append(b, buf[i:]...)
	b = append(b, '.', byte('0'+frac/1000), byte('0'+frac/100%10))
	if rest := frac % 100; rest != 0 {
		b = append(b, byte('0'+rest/10))
		if rest%10 != 0 {
			b = append(b, byte('0'+rest%10))
		}
	}
	return b
}

// MarshalText implements encoding.TextMarshaler (see String); JSON writes a
// string: "24.10".
func (m Money) MarshalText() ([]byte, error) { return m.AppendText(nil), nil }

// UnmarshalText implements encoding.TextUnmarshaler: what ParseMoney
// accepts.
func (m *Money) UnmarshalText(b []byte) error {
	v, err := ParseMoney(string(b))
	if err != nil {
		return err
	}
	*m = v
	return nil
}
