package tariff

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/kinderopvang/regels/plan"
	"pgregory.net/rapid"
)

func TestParseTariff(t *testing.T) {
	good := map[string]string{"27.50": "27.50", "27.5": "27.50", "6": "6.00", "0.01": "0.01", "35.89": "35.89"}
	for in, want := range good {
		got, err := ParseTariff(in)
		if err != nil || got.String() != want {
			t.Errorf("ParseTariff(%q) = %q, %v; want %s", in, got, err, want)
		}
	}
	for _, bad := range []string{"0", "0.00", "-5", "+5", "27,50", "27.505", "1e3", " 27.50", "27.", ".5", "", "abc", "12345678"} {
		if _, err := ParseTariff(bad); !errors.Is(err, CodeInvalidTariff) {
			t.Errorf("ParseTariff(%q) error = %v, want CodeInvalidTariff", bad, err)
		}
	}
	if _, err := NewTariff(dec("27.505")); err == nil {
		t.Error("NewTariff must reject three decimals")
	}
	var z Tariff
	if !z.IsZero() || z.String() != "" {
		t.Error("zero Tariff")
	}
}

func TestTariffJSON(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		tr := genTariff().Draw(t, "t")
		b, err := json.Marshal(tr)
		if err != nil {
			t.Fatal(err)
		}
		var back Tariff
		if err := json.Unmarshal(b, &back); err != nil || !back.Equal(tr) || back.String() != tr.String() {
			t.Fatalf("%v → %s → %v, %v", tr, b, back, err)
		}
	})
}

// Price = round(share × tariff) exactly, half away from zero: a day costs
// its band's share of the tariff (house rules Zorg Leuven §3.3, seed 004),
// rounded to the cent the usual commercial way.
func TestPrice(t *testing.T) {
	tests := []struct {
		share, tariff, want string
	}{
		{"0.6", "27.35", "16.41"}, // 16.410
		{"0.4", "27.35", "10.94"}, // 10.940
		{"1.6", "27.35", "43.76"}, // 43.760
		{"0.6", "6.47", "3.88"},   // 3.882
		{"0.4", "35.89", "14.36"}, // 14.356
		{"0.6", "28.13", "16.88"}, // 16.878
		{"0.4", "1.57", "0.63"},   // 0.628
		{"0.6", "20.25", "12.15"}, // 12.150
		{"0.25", "20.02", "5.01"}, // 5.005: the tie goes up
		{"0.25", "20.06", "5.02"}, // 5.015: up, not to even
		{"0.25", "20.10", "5.03"}, // 5.025: up, not to even
	}
	for _, tt := range tests {
		tr, err := ParseTariff(tt.tariff)
		if err != nil {
			t.Fatalf("ParseTariff(%q): %v", tt.tariff, err)
		}
		got, err := Price(dec(tt.share), tr)
		if err != nil || !got.Equal(MustMoney(tt.want)) {
			t.Errorf("Price(%s, %s) = %s, %v; want %s", tt.share, tt.tariff, got, err, tt.want)
		}
	}
	if _, err := Price(dec("0.6"), Tariff{}); !errors.Is(err, CodeNoTariff) {
		t.Errorf("no tariff: %v", err)
	}
}

// The price never drops as the band or the tariff grows, and is exactly
// the rounded product.
func TestPriceMonotone(t *testing.T) {
	p := BandPricer{Table: StatutoryBands()}
	bands := []Band{BandNone, BandThird, BandHalf, BandFull, BandFlex}
	rapid.Check(t, func(t *rapid.T) {
		a := genTariff().Draw(t, "a")
		b := genTariff().Draw(t, "b")
		if a.Cmp(b) > 0 {
			a, b = b, a
		}
		i := rapid.IntRange(0, len(bands)-1).Draw(t, "i")
		j := rapid.IntRange(i, len(bands)-1).Draw(t, "j")
		low, err1 := p.PriceDay(DayCare{Band: bands[i]}, a)
		high, err2 := p.PriceDay(DayCare{Band: bands[j]}, b)
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		if low.Amount.Cmp(high.Amount) > 0 {
			t.Fatalf("%s at %s = %s > %s at %s = %s", bands[i], a, low.Amount, bands[j], b, high.Amount)
		}
		if want := low.Share.Mul(a.Decimal()).Round(2); !low.Amount.Decimal().Equal(want) || low.Amount.Decimal().Exponent() < -2 {
			t.Fatalf("amount %s, want round(%s × %s) = %s", low.Amount, low.Share, a, want)
		}
	})
}

func TestChildGroup(t *testing.T) {
	c := Child{Birth: plan.MustParseDate("2022-09-15")}
	if c.GroupOn(plan.MustParseDate("2026-03-14")) != BabyToddler || c.GroupOn(plan.MustParseDate("2026-03-15")) != SchoolAge {
		t.Errorf("3.5 years on 2026-03-15: %s / %s", c.GroupOn(plan.MustParseDate("2026-03-14")), c.GroupOn(plan.MustParseDate("2026-03-15")))
	}
	c.FullTimeSchoolFrom = plan.MustParseDate("2025-09-01")
	if c.GroupOn(plan.MustParseDate("2025-09-01")) != SchoolAge || c.GroupOn(plan.MustParseDate("2025-08-31")) != BabyToddler {
		t.Error("full-time school from 1 September 2025 makes the child school-age from that day")
	}
	late := Child{Birth: plan.MustParseDate("2022-01-10"), FullTimeSchoolFrom: plan.MustParseDate("2026-01-05")}
	if late.SchoolAgeFrom() != plan.MustParseDate("2025-07-10") {
		t.Errorf("the earlier of the two counts: %v", late.SchoolAgeFrom())
	}
}
