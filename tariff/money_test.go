package tariff

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"
)

// Money reads decimal strings with up to four decimals and writes at least
// two: "8" comes back as "8.00", "3.5" as "3.50", a rate per km as "0.4269".
func TestMoneyText(t *testing.T) {
	tests := []struct{ in, out string }{
		{"8", "8.00"}, {"3.5", "3.50"}, {"24.10", "24.10"}, {"404.80", "404.80"}, {"0", "0.00"},
		{"-2.60", "-2.60"}, {"0.4269", "0.4269"}, {"0.4200", "0.42"}, {"0.005", "0.005"},
		{"1000000000000", "1000000000000.00"}, {"-0.0001", "-0.0001"},
	}
	for _, tt := range tests {
		m, err := ParseMoney(tt.in)
		if err != nil || m.String() != tt.out {
			t.Errorf("ParseMoney(%q) = %s, %v; want %s", tt.in, m, err, tt.out)
		}
	}
	for _, bad := range []string{"", "-", ".5", "5.", "+1.00", "1,50", " 1.00", "1.00 ", "1e3", "1.23456", "1000000000000.01", "10000000000000", "abc", "--1", "1.2.3", "0x10"} {
		if m, err := ParseMoney(bad); !errors.Is(err, CodeInvalidMoney) {
			t.Errorf("ParseMoney(%q) = %s, %v; want an invalid_money error", bad, m, err)
		}
	}
	var v struct {
		A Money `json:"a"`
	}
	if err := json.Unmarshal([]byte(`{"a": 3.5}`), &v); err == nil {
		t.Error("a JSON number must not become money")
	}
	if b, _ := json.Marshal(struct{ A Money }{Cents(800)}); string(b) != `{"A":"8.00"}` {
		t.Errorf("JSON of 8 euro: %s", b)
	}
}

// The line rule: count × unit price rounded to the cent, half away from
// zero (seed 004 §3.6 lines; the usual commercial rounding).
func TestMoneyTimes(t *testing.T) {
	tests := []struct{ unit, count, want string }{
		{"24.10", "13", "313.30"},
		{"0.4269", "7.4", "3.16"}, // 3.15906
		{"0.4000", "10.7", "4.28"},
		{"0.125", "1", "0.13"},   // half away from zero
		{"-0.125", "1", "-0.13"}, // symmetric for credit notes
		{"4.00", "-3", "-12.00"},
		{"0.0050", "1", "0.01"},
	}
	for _, tt := range tests {
		got, err := MustMoney(tt.unit).Times(decimal.RequireFromString(tt.count))
		if err != nil || got.String() != tt.want {
			t.Errorf("%s × %s = %s, %v; want %s", tt.count, tt.unit, got, err, tt.want)
		}
	}
	if _, err := MustMoney("4.00").Times(decimal.RequireFromString("1e19")); !errors.Is(err, CodeInvalidMoney) {
		t.Errorf("a count of 1e19 must not wrap: %v", err)
	}
	if _, err := Cents(100).TimesInt(1 << 62); !errors.Is(err, CodeInvalidMoney) {
		t.Errorf("2^62 × 1.00 must not wrap: %v", err)
	}
	if _, err := MustMoney("999999999999").Add(MustMoney("2")); !errors.Is(err, CodeInvalidMoney) {
		t.Errorf("a sum beyond the bound: %v", err)
	}
}

// Money is exact: it agrees with decimal arithmetic on parsing, text,
// addition and the line rule, and comes back from JSON unchanged.
func TestMoneyMatchesDecimal(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		u := rapid.Int64Range(-maxMoneyUnits, maxMoneyUnits).Draw(t, "units")
		m := Money{u: u}
		d := decimal.New(u, -4)
		back, err := ParseMoney(m.String())
		if err != nil || back != m {
			t.Fatalf("%s does not come back: %s, %v", m, back, err)
		}
		if !m.Decimal().Equal(d) {
			t.Fatalf("Decimal() = %s, want %s", m.Decimal(), d)
		}
		if nm, err := NewMoney(d); err != nil || nm != m {
			t.Fatalf("NewMoney(%s) = %s, %v", d, nm, err)
		}
		if !m.Round().Decimal().Equal(d.Round(2)) {
			t.Fatalf("Round(%s) = %s, want %s", m, m.Round(), d.Round(2))
		}
		n := Money{u: rapid.Int64Range(-maxMoneyUnits, maxMoneyUnits).Draw(t, "other")}
		sum, err := m.Add(n)
		want := d.Add(n.Decimal())
		if inRange := want.Abs().LessThanOrEqual(decimal.NewFromInt(MaxEuro)); inRange != (err == nil) || (err == nil && !sum.Decimal().Equal(want)) {
			t.Fatalf("%s + %s = %s, %v; want %s", m, n, sum, err, want)
		}
		count := decimal.New(rapid.Int64Range(-100_000, 100_000).Draw(t, "count"), -int32(rapid.IntRange(0, 3).Draw(t, "exp")))
		small := Money{u: rapid.Int64Range(-100_000_0000, 100_000_0000).Draw(t, "unit")}
		got, err := small.Times(count)
		if want := count.Mul(small.Decimal()).Round(2); err != nil || !got.Decimal().Equal(want) {
			t.Fatalf("%s × %s = %s, %v; want %s", count, small, got, err, want)
		}
		b, err := json.Marshal(m)
		var jm Money
		if err != nil || json.Unmarshal(b, &jm) != nil || jm != m {
			t.Fatalf("JSON %s of %s came back as %s", b, m, jm)
		}
	})
}

// Must functions panic on a bad literal; they never return a zero value.
func TestMustPanics(t *testing.T) {
	for name, f := range map[string]func(){
		"MustMoney":  func() { MustMoney("3,50") },
		"MustTariff": func() { MustTariff("0") },
		"Cents":      func() { Cents(MaxEuro*100 + 1) },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s did not panic on a bad literal", name)
				}
			}()
			f()
		}()
	}
}

func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{"24.10", "-0.4269", "1e3", "", "9999999999999.9999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ParseMoney(s)
		if err != nil {
			return
		}
		back, err := ParseMoney(m.String())
		if err != nil || back != m {
			t.Fatalf("%q → %s → %s, %v", s, m, back, err)
		}
		d, derr := decimal.NewFromString(s)
		if derr != nil || !d.Equal(m.Decimal()) {
			t.Fatalf("%q parsed as %s, decimal says %s (%v)", s, m, d, derr)
		}
	})
}
