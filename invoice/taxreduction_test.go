package invoice

import (
	"errors"
	"testing"

	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
	"github.com/shopspring/decimal"
	"pgregory.net/rapid"
)

func certOf(year int, child string, days int, rate string) Certificate {
	r := tariff.MustMoney(rate)
	amount, _ := r.TimesInt(int64(days))
	return Certificate{Year: year, Child: child, Total: amount, Periods: []CertificatePeriod{{Days: days, DailyRate: r, Amount: amount,
		Period: plan.Period{Start: plan.MustParseDate("2024-01-08"), End: plan.MustParseDate("2024-06-28")}}}}
}

// FOD Financiën: 45 % of the costs paid, at most 16.40 per child per day of
// care for costs paid in 2024. Child A: 100 days × 5.00 = 500.00; child B: 7
// days at 50.00 = 350.00, capped at 7 × 16.40 = 114.80; 45 % of 614.80 =
// 276.66.
func TestTaxReduction(t *testing.T) {
	r, err := TaxReduction([]Certificate{certOf(2024, "A", 100, "5.00"), certOf(2024, "B", 7, "50.00")}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if r.Total != tariff.MustMoney("276.66") || r.Eligible != tariff.MustMoney("614.80") || r.Cap.PerDay != tariff.MustMoney("16.40") {
		t.Errorf("reduction %+v, want 276.66 of 614.80 at 16.40 a day", r)
	}
	if len(r.Children) != 2 || r.Children[1].Eligible != tariff.MustMoney("114.80") || r.Children[1].Paid != tariff.MustMoney("350.00") {
		t.Errorf("children %+v", r.Children)
	}
	// Each year's cap, with its source.
	for year, cap := range map[int]string{2019: "11.20", 2020: "13.00", 2021: "13.70", 2022: "14.40", 2023: "15.70", 2024: "16.40", 2025: "16.90"} {
		r, err := TaxReduction([]Certificate{certOf(year, "A", 1, "100.00")}, nil)
		if err != nil || r.Cap.PerDay != tariff.MustMoney(cap) || r.Cap.Source == "" || r.Cap.Confirmed != (year != 2025) {
			t.Errorf("%d: cap %+v, %v; want %s", year, r.Cap, err, cap)
		}
	}
	// An unknown year is an error naming it; so are mixed years.
	if _, err := TaxReduction([]Certificate{certOf(2026, "A", 1, "5.00")}, nil); !errors.Is(err, tariff.CodeUnknownYear) {
		t.Errorf("2026: %v", err)
	}
	if _, err := TaxReduction([]Certificate{certOf(2024, "A", 1, "5.00"), certOf(2023, "A", 1, "5.00")}, nil); !hasField(err, "certificates[1].year") {
		t.Errorf("mixed years: %v", err)
	}
	// A table of one's own supplies a new year.
	own := []TaxCap{{Year: 2026, PerDay: tariff.MustMoney("17.30"), Source: "FOD Financiën, 2026"}}
	if r, err := TaxReduction([]Certificate{certOf(2026, "A", 2, "20.00")}, own); err != nil || r.Total != tariff.MustMoney("15.57") {
		t.Errorf("2026 with its own cap: %+v, %v; want 45 %% of 34.60 = 15.57", r, err)
	}
}

// The reduction is never more than 45 % of what was paid, and never more
// than 45 % of the days × the cap; paying more never lowers it.
func TestTaxReductionBounds(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		days := rapid.IntRange(1, 366).Draw(t, "days")
		rate := tariff.Cents(rapid.Int64Range(1, 100_00).Draw(t, "rate"))
		more := tariff.Cents(rapid.Int64Range(1, 100_00).Draw(t, "more"))
		higher, _ := rate.Add(more)
		low, err1 := TaxReduction([]Certificate{certOf(2024, "A", days, rate.String())}, nil)
		high, err2 := TaxReduction([]Certificate{certOf(2024, "A", days, higher.String())}, nil)
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		paid, _ := rate.TimesInt(int64(days))
		maxPaid, _ := paid.Times(decimal.New(45, -2))
		capped, _ := tariff.MustMoney("16.40").TimesInt(int64(days))
		maxCap, _ := capped.Times(decimal.New(45, -2))
		if low.Total.Cmp(maxPaid) > 0 || low.Total.Cmp(maxCap) > 0 || high.Total.Cmp(low.Total) < 0 {
			t.Fatalf("%d days at %s: %s (≤ %s and ≤ %s); at %s: %s", days, rate, low.Total, maxPaid, maxCap, higher, high.Total)
		}
	})
}

// Care of a child with a severe disability counts until it turns 21;
// otherwise until 14 (FOD Financiën, certificate 281.86).
func TestCertificateSevereDisability(t *testing.T) {
	inv := Invoice{Number: "X", Lines: []Line{{Child: "K-9", Kind: LineCare, Deductible: true, Tariff: "10.00", UnitPrice: tariff.MustMoney("10.00"),
		Count: decimal.NewFromInt(1), Amount: tariff.MustMoney("10.00"), Dates: []plan.Date{plan.MustParseDate("2025-03-06")}}}}
	paid := []PaidInvoice{{Invoice: inv, PaidOn: plan.MustParseDate("2025-04-01")}}
	sixteen := tariff.Child{Code: "K-9", Birth: plan.MustParseDate("2009-01-01")}
	if certs, _ := Certificates(2025, sixteen, "", paid); len(certs) != 0 {
		t.Errorf("a 16-year-old without a severe disability: %+v", certs)
	}
	sixteen.SevereDisability = true
	if certs, _ := Certificates(2025, sixteen, "", paid); len(certs) != 1 || certs[0].Total != tariff.MustMoney("10.00") {
		t.Errorf("a 16-year-old with a severe disability: %+v", certs)
	}
}

// The certificate lists each distinct daily rate on its own line and never
// caps it: a full day at 40.00 (above the 2024 cap) stays 40.00.
func TestCertificateRates(t *testing.T) {
	var lines []Line
	for _, l := range []struct{ rate, day string }{{"40.00", "2024-03-04"}, {"24.00", "2024-03-05"}, {"40.00", "2024-03-06"}} {
		lines = append(lines, Line{Child: "K-1", Kind: LineCare, Deductible: true, Tariff: "40.00", UnitPrice: tariff.MustMoney(l.rate),
			Count: decimal.NewFromInt(1), Amount: tariff.MustMoney(l.rate), Dates: []plan.Date{plan.MustParseDate(l.day)}})
	}
	certs, err := Certificates(2024, tariff.Child{Code: "K-1", Birth: plan.MustParseDate("2022-01-01")}, "",
		[]PaidInvoice{{Invoice: Invoice{Lines: lines}, PaidOn: plan.MustParseDate("2024-04-02")}})
	if err != nil || len(certs) != 1 || len(certs[0].Periods) != 2 {
		t.Fatalf("%+v, %v", certs, err)
	}
	if p := certs[0].Periods[0]; p.DailyRate != tariff.MustMoney("40.00") || p.Days != 2 || p.Amount != tariff.MustMoney("80.00") {
		t.Errorf("first line %+v, want 2 days at 40.00", p)
	}
}

// A table of caps of one's own is checked as the yearly amounts are (audit
// of 2026-12-01: a negative cap gave a negative reduction, a cap listed
// twice took the first, a typing error of 1740.00 for 17.40 went through).
func TestTaxCapsValidated(t *testing.T) {
	cert := Certificate{Year: 2026, Child: "K", Periods: []CertificatePeriod{{Days: 100, DailyRate: tariff.MustMoney("24.10"), Amount: tariff.MustMoney("2410.00")}}}
	ok := TaxCap{Year: 2026, PerDay: tariff.MustMoney("17.40"), Source: "FOD Financiën (test)"}
	if r, err := TaxReduction([]Certificate{cert}, []TaxCap{ok}); err != nil || r.Total != tariff.MustMoney("783.00") {
		t.Fatalf("a valid cap: %+v, %v", r, err)
	}
	for _, tc := range []struct {
		name  string
		caps  []TaxCap
		field string
	}{
		{"negative", []TaxCap{{Year: 2026, PerDay: tariff.MustMoney("-17.40"), Source: "x"}}, "caps[0].per_day"},
		{"zero", []TaxCap{{Year: 2026, Source: "x"}}, "caps[0].per_day"},
		{"a typing error", []TaxCap{{Year: 2026, PerDay: tariff.MustMoney("1740.00"), Source: "x"}}, "caps[0].per_day"},
		{"no source", []TaxCap{{Year: 2026, PerDay: tariff.MustMoney("17.40")}}, "caps[0].source"},
		{"a year twice", []TaxCap{ok, {Year: 2026, PerDay: tariff.MustMoney("17.50"), Source: "x"}}, "caps[1].year"},
		{"no year", []TaxCap{ok, {PerDay: tariff.MustMoney("17.50"), Source: "x"}}, "caps[1].year"},
		{"not in whole cents", []TaxCap{{Year: 2026, PerDay: tariff.MustMoney("16.405"), Source: "x"}}, "caps[0].per_day"},
	} {
		_, err := TaxReduction([]Certificate{cert}, tc.caps)
		if ps := plan.AsProblems(err); len(ps) != 1 || ps[0].Field != tc.field {
			t.Errorf("%s: %v, want one problem at %s", tc.name, err, tc.field)
		}
	}
	if err := ValidateTaxCaps(TaxCaps()); err != nil {
		t.Errorf("the library's own caps: %v", err)
	}
}

// Caps of one's own extend the library's by year, as the yearly amounts do
// (audit of 2026-12-01: a table with 2026 alone refused a 2025 year end).
func TestTaxCapsExtendTheLibrarys(t *testing.T) {
	cert := func(year int) Certificate {
		return Certificate{Year: year, Child: "K", Periods: []CertificatePeriod{{Days: 100, DailyRate: tariff.MustMoney("24.10"), Amount: tariff.MustMoney("2410.00")}}}
	}
	mine := []TaxCap{{Year: 2026, PerDay: tariff.MustMoney("17.40"), Source: "FOD Financiën (test)"}}
	if r, err := TaxReduction([]Certificate{cert(2026)}, mine); err != nil || r.Cap.PerDay != tariff.MustMoney("17.40") {
		t.Errorf("2026 from mine: %+v, %v", r.Cap, err)
	}
	if r, err := TaxReduction([]Certificate{cert(2024)}, mine); err != nil || r.Cap.PerDay != tariff.MustMoney("16.40") || r.Total != tariff.MustMoney("738.00") {
		t.Errorf("2024 from the library's: %+v, %v", r, err)
	}
	mine[0].Year = 2024 // mine replaces the library's 16.40
	if r, err := TaxReduction([]Certificate{cert(2024)}, mine); err != nil || r.Cap.PerDay != tariff.MustMoney("17.40") {
		t.Errorf("2024 replaced: %+v, %v", r.Cap, err)
	}
}
