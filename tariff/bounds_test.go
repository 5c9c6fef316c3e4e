package tariff

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/kinderopvang/regels/plan"
	"github.com/shopspring/decimal"
	"pgregory.net/rapid"
)

// NewTariff, TariffCents, ParseTariff, UnmarshalText and JSON accept the
// same tariffs: 0.01 to 9,999.99 (MaxTariffCents).
func TestTariffBoundsAgree(t *testing.T) {
	tests := []struct {
		text string
		ok   bool
	}{
		{"0.00", false}, {"0.01", true}, {"1", true}, {"9999.98", true}, {"9999.99", true},
		{"10000.00", false}, {"10000", false}, {"99999.99", false},
	}
	for _, tt := range tests {
		d := dec(tt.text)
		a, errNew := NewTariff(d)
		b, errCents := TariffCents(d.Shift(2).IntPart())
		c, errParse := ParseTariff(tt.text)
		var u Tariff
		errText := u.UnmarshalText([]byte(tt.text))
		var j struct {
			T Tariff `json:"t"`
		}
		errJSON := json.Unmarshal([]byte(`{"t":"`+tt.text+`"}`), &j)
		for name, err := range map[string]error{"NewTariff": errNew, "TariffCents": errCents, "ParseTariff": errParse, "UnmarshalText": errText, "JSON": errJSON} {
			if (err == nil) != tt.ok || (err != nil && !errors.Is(err, CodeInvalidTariff)) {
				t.Errorf("%s(%s): %v, want ok=%v", name, tt.text, err, tt.ok)
			}
		}
		if tt.ok && (a != b || b != c || c != u || u != j.T || a.Decimal().Cmp(d) != 0) {
			t.Errorf("%s: %v %v %v %v %v differ", tt.text, a, b, c, u, j.T)
		}
	}
	if _, err := NewTariff(dec("10000")); err == nil || !strings.Contains(err.Error(), "above the largest daily tariff, 9999.99") {
		t.Errorf("the error names the bound: %v", err)
	}
	rapid.Check(t, func(t *rapid.T) {
		c := rapid.Int64Range(-1000, MaxTariffCents+1000).Draw(t, "cents")
		d := decimal.New(c, -2)
		a, errNew := NewTariff(d)
		b, errCents := TariffCents(c)
		p, errParse := ParseTariff(d.StringFixed(2))
		if c < 0 {
			errParse = errCents // ParseTariff reads no sign; its refusal is checked above
			p = b
		}
		want := c >= 1 && c <= MaxTariffCents
		if (errNew == nil) != want || (errCents == nil) != want || (errParse == nil) != want {
			t.Fatalf("%d cents: NewTariff %v, TariffCents %v, ParseTariff %v; want ok=%v", c, errNew, errCents, errParse, want)
		}
		if want && (a != b || b != p || a.Cents() != c) {
			t.Fatalf("%d cents: %v %v %v", c, a, b, p)
		}
	})
}

// Index keeps its result a tariff: out of range is an error, never a
// tariff its own UnmarshalText would refuse.
func TestIndexBounds(t *testing.T) {
	tests := []struct {
		t, index string
		want     string // "" for an error
		code     plan.Code
	}{
		{"4999.99", "1", "9999.98", ""},
		{"5000.00", "1", "", CodeInvalidTariff},        // 10000.00 > 9,999.99
		{"9999.99", "0.0001", "", CodeInvalidTariff},   // 10000.989999
		{"9999.99", "0.00000049", "9999.99", ""},       // 9999.9948999951 rounds down
		{"9999.98", "0.000001", "9999.99", ""},         // 9999.98999998 rounds up to the bound
		{"1.00", "-1", "", CodeInvalidTariff},          // nothing left
		{"0.01", "-0.5", "0.01", ""},                   // 0.005 rounds up to a cent
		{"0.01", "-0.51", "", CodeInvalidTariff},       // 0.0049 rounds to 0.00
		{"20.00", "1.0001", "", plan.CodeInvalidValue}, // beyond +100 %
		{"20.00", "-1.0001", "", plan.CodeInvalidValue},
		{"20.00", "1e2", "", plan.CodeInvalidValue},
		{"20.00", "-1e9", "", plan.CodeInvalidValue},
		{"20.00", "0e9", "20.00", ""},
	}
	for _, tt := range tests {
		got, err := Index(MustTariff(tt.t), dec(tt.index))
		if tt.want == "" {
			if !errors.Is(err, tt.code) || !got.IsZero() {
				t.Errorf("Index(%s, %s) = %v, %v; want a %s error", tt.t, tt.index, got, err, tt.code)
			}
			continue
		}
		if err != nil || got.String() != tt.want {
			t.Errorf("Index(%s, %s) = %v, %v; want %s", tt.t, tt.index, got, err, tt.want)
		}
		var back Tariff
		if err := back.UnmarshalText([]byte(got.String())); err != nil || back != got {
			t.Errorf("Index(%s, %s) = %v does not come back: %v", tt.t, tt.index, got, err)
		}
	}
	if _, err := Index(Tariff{}, dec("0.02")); !errors.Is(err, CodeNoTariff) {
		t.Errorf("no tariff to index: %v", err)
	}
}

// A share and a fee's percentage lie in [0, MaxShare].
func TestShareBounds(t *testing.T) {
	tr := MustTariff("27.35")
	tests := []struct {
		share string
		want  string // "" for an error
	}{
		{"0", "0.00"}, {"0e5", "0.00"}, {"10", "273.50"}, {"10.0000", "273.50"},
		{"10.0001", ""}, {"-0.0001", ""}, {"1e2", ""}, {"-1e2", ""}, {"1e1", "273.50"},
	}
	for _, tt := range tests {
		got, err := Price(dec(tt.share), tr)
		fee, ferr := PercentFee{Percent: dec(tt.share)}.Of(tr)
		if tt.want == "" {
			if !errors.Is(err, CodeInvalidShare) || !errors.Is(ferr, plan.CodeInvalidValue) {
				t.Errorf("share %s: Price %v, %v; fee %+v, %v; want errors", tt.share, got, err, fee, ferr)
			}
			continue
		}
		if err != nil || got.String() != tt.want || ferr != nil || fee.Amount.String() != tt.want {
			t.Errorf("share %s: Price %v, %v; fee %+v, %v; want %s", tt.share, got, err, fee, ferr, tt.want)
		}
	}
}

// A band table's thresholds lie within the longest day (25 hours) and its
// shares in [0, MaxShare]; a band has one share.
func TestBandTableBounds(t *testing.T) {
	ok := StatutoryBands()
	ok.BabyToddler = []Threshold{{BandHalf, 1}, {BandFull, 300}, {BandFlex, MaxBandMinutes}}
	ok.Shares = []Share{{BandThird, dec("0")}, {BandHalf, dec("0.6")}, {BandFull, dec("1")}, {BandFlex, dec("10")}}
	if err := ok.Validate(); err != nil {
		t.Errorf("thresholds up to %d minutes and shares of 0 and 10: %v", MaxBandMinutes, err)
	}
	bad := ok
	bad.BabyToddler = []Threshold{{BandHalf, 1}, {BandFull, 300}, {BandFlex, MaxBandMinutes + 1}}
	bad.Shares = []Share{{BandThird, dec("0.4")}, {BandHalf, dec("0.6")}, {BandFull, dec("1")}, {BandFlex, dec("10.01")}, {BandHalf, dec("0.6")}, {BandFlex, dec("-1")}, {BandNone, dec("0")}}
	var got []string
	for _, p := range plan.AsProblems(bad.Validate()) {
		got = append(got, p.Field)
	}
	want := []string{"baby_toddler[2]", "shares[3].share", "shares[4]", "shares[5].share", "shares[5]", "shares[6]"}
	if len(got) != len(want) {
		t.Fatalf("problems at %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("problem %d at %s, want %s (all: %v)", i, got[i], want[i], got)
		}
	}
}
