package absence

import (
	"math/big"
	"testing"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"
)

// unitsOracle is what toUnits promises, computed with shopspring's exact
// arithmetic: d is a whole number of ten-thousandths of a day (dayUnit)
// within ±10^12 days.
func unitsOracle(d decimal.Decimal) (int64, bool) {
	u := d.Shift(4)
	if !u.IsInteger() || u.Abs().GreaterThan(decimal.New(1, 16)) {
		return 0, false
	}
	return u.IntPart(), true
}

// A walk counts days in ten-thousandths; a policy's day value or a ledger
// finer than that, or beyond ±10^12 days, is refused, never truncated
// (DESIGN: nothing silently clamped).
func TestToUnits(t *testing.T) {
	tests := []struct {
		name string
		d    decimal.Decimal
		want int64
		ok   bool
	}{
		{"half a day (seed 004 §3.4.2)", dec("0.5"), 5_000, true},
		{"a day", dec("1"), 10_000, true},
		{"10.8, the FAQ's 3-day example unrounded", dec("10.8"), 108_000, true},
		{"four decimals", dec("0.1234"), 1_234, true},
		{"trailing zeros beyond four decimals", dec("0.50000"), 5_000, true},
		{"a fifth decimal that is a trailing zero", dec("0.12340"), 1_234, true},
		{"a fifth decimal", dec("0.00001"), 0, false},
		{"negative", dec("-2.5"), -25_000, true},
		{"zero", decimal.Zero, 0, true},
		{"10^12 days, the limit", dec("1000000000000"), 10_000_000_000_000_000, true},
		{"−10^12 days, the limit", dec("-1000000000000"), -10_000_000_000_000_000, true},
		{"10^12 days as 1e12", decimal.New(1, 12), 10_000_000_000_000_000, true},
		{"−10^12 days as −1e12", decimal.New(-1, 12), -10_000_000_000_000_000, true},
		{"beyond the limit by a unit", dec("1000000000000.0001"), 0, false},
		{"beyond the limit, short coefficient", decimal.New(1, 13), 0, false},
		{"beyond the limit, negative", decimal.New(-1, 13), 0, false},
		{"beyond the limit, 13 digits", dec("1000000000001"), 0, false},
		{"a day written with 21 digits", dec("1.00000000000000000000"), 10_000, true},
		{"19 digits, past the limit", decimal.New(1_234_567_890_123_456_789, -4), 0, false},
		{"16 digits, past the limit", decimal.New(1_000_000_000_000_001, -3), 0, false},
		{"a tiny fraction with a long coefficient", dec("0.00000000000000000001"), 0, false},
		{"huge exponent", decimal.New(1, 30), 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := toUnits(tt.d)
			if ok != tt.ok || ok && got != tt.want {
				t.Errorf("toUnits(%s) = %d, %v; want %d, %v", tt.d, got, ok, tt.want, tt.ok)
			}
			if wu, wok := unitsOracle(tt.d); wok != tt.ok || wok && wu != tt.want {
				t.Errorf("oracle disagrees with the table: %d, %v", wu, wok)
			}
		})
	}
}

// toUnits agrees with exact decimal arithmetic on every value, short or
// long coefficients (both of its paths), with or without trailing zeros.
func TestToUnitsProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		coef := big.NewInt(rapid.OneOf(
			rapid.Int64Range(-100_000, 100_000),
			rapid.Int64(),
		).Draw(t, "coef"))
		zeros := rapid.IntRange(0, 12).Draw(t, "zeros") // trailing zeros: long coefficients
		coef.Mul(coef, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(zeros)), nil))
		d := decimal.NewFromBigInt(coef, int32(rapid.IntRange(-30, 20).Draw(t, "exp")))
		got, ok := toUnits(d)
		want, wok := unitsOracle(d)
		if ok != wok || ok && got != want {
			t.Fatalf("toUnits(%s) = %d, %v; exact arithmetic gives %d, %v", d, got, ok, want, wok)
		}
	})
}

// appendUnits writes units as decimal's String writes the same value: the
// explanations show "0.5", "1", "10.8", never "0.5000".
func TestAppendUnits(t *testing.T) {
	for u, want := range map[int64]string{0: "0", 5_000: "0.5", 10_000: "1", 108_000: "10.8", 1_234: "0.1234", 10_001: "1.0001",
		1_020: "0.102", -5_000: "-0.5", -125_000: "-12.5", 90_909: "9.0909"} {
		if got := string(appendUnits([]byte("x"), u)); got != "x"+want {
			t.Errorf("appendUnits(%d) = %q, want %q", u, got, "x"+want)
		}
	}
	rapid.Check(t, func(t *rapid.T) {
		u := rapid.Int64Range(-10_000_000_000_000_000, 10_000_000_000_000_000).Draw(t, "u")
		if got, want := string(appendUnits(nil, u)), decimal.New(u, -4).String(); got != want {
			t.Fatalf("appendUnits(%d) = %q, decimal writes %q", u, got, want)
		}
	})
}
