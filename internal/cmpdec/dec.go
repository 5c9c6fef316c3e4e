// Package cmpdec compares decimals without allocating: shopspring's Cmp
// rescales values of different exponents with big-integer arithmetic, which
// allocates; validation compares small values (shares, days, bounds) on
// every call.
package cmpdec

import "github.com/shopspring/decimal"

// limit bounds the magnitudes compared as int64: |x| < 10^17.
const limit = 100_000_000_000_000_000

// scale returns c × 10^k, and false when that leaves ±limit (or k < 0).
func scale(c int64, k int) (int64, bool) {
	if k < 0 {
		return 0, false
	}
	for ; k > 0; k-- {
		if c >= limit/10 || c <= -limit/10 {
			return 0, false
		}
		c *= 10
	}
	return c, true
}

// small returns the coefficient and exponent of a when the coefficient has
// at most 15 digits (no allocation).
func small(a decimal.Decimal) (int64, int, bool) {
	if a.NumDigits() > 15 {
		return 0, 0, false
	}
	return a.CoefficientInt64(), int(a.Exponent()), true
}

// Cmp returns -1, 0 or +1 when a is less than, equal to or more than b, as
// a.Cmp(b). Small values take a path that allocates nothing; others go to
// decimal.
func Cmp(a, b decimal.Decimal) int {
	ca, ea, ok1 := small(a)
	cb, eb, ok2 := small(b)
	if ok1 && ok2 {
		x, okx := scale(ca, ea-min(ea, eb))
		y, oky := scale(cb, eb-min(ea, eb))
		if okx && oky {
			return cmp(x, y)
		}
	}
	return a.Cmp(b)
}

// Int compares a with the integer n (see Cmp).
func Int(a decimal.Decimal, n int64) int {
	if c, e, ok := small(a); ok && n < limit && n > -limit {
		x, okx := scale(c, e-min(e, 0))
		y, oky := scale(n, -min(e, 0))
		if okx && oky {
			return cmp(x, y)
		}
	}
	return a.Cmp(decimal.NewFromInt(n))
}

func cmp(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
