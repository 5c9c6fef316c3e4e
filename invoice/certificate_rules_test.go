package invoice

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
	"github.com/shopspring/decimal"
)

// careDay is a paid invoice of one care line of one day for child K-1.
func careDay(day, rate, daily, paidOn string) PaidInvoice {
	l := Line{Child: "K-1", Kind: LineCare, Deductible: true, Tariff: daily, UnitPrice: tariff.MustMoney(rate),
		Count: decimal.NewFromInt(1), Amount: tariff.MustMoney(rate), Dates: dates(day)}
	return PaidInvoice{Invoice: Invoice{Number: "F-" + day + "-" + rate, Lines: []Line{l}}, PaidOn: sd(paidOn)}
}

// The 281.86 certificate holds at most 4 periods (federal rule, DESIGN
// §7): exactly 4 distinct rates make one certificate, 8 make two full
// ones, 9 make three. Each certificate's total is the sum of its own
// periods.
func TestCertificatePeriodsPerCertificate(t *testing.T) {
	rates := []string{"10.00", "11.00", "12.00", "13.00", "14.00", "15.00", "16.00", "17.00", "18.00"}
	child := tariff.Child{Code: "K-1", Birth: sd("2022-01-01")}
	for _, tc := range []struct {
		n     int
		sizes []int
	}{{1, []int{1}}, {3, []int{3}}, {4, []int{4}}, {5, []int{4, 1}}, {8, []int{4, 4}}, {9, []int{4, 4, 1}}} {
		var paid []PaidInvoice
		for i := range tc.n {
			// One day a rate, on consecutive days of January: no two rates
			// share a period.
			paid = append(paid, careDay(plan.MustDate(2025, 1, 6+i).String(), rates[i], rates[i], "2025-12-20"))
		}
		certs, err := Certificates(2025, child, "Noor", paid)
		if err != nil {
			t.Fatalf("%d rates: %v", tc.n, err)
		}
		var sizes []int
		for k, c := range certs {
			sizes = append(sizes, len(c.Periods))
			var sum tariff.Money
			for _, p := range c.Periods {
				sum, _ = sum.Add(p.Amount)
			}
			if c.Total != sum || c.Year != 2025 || c.Child != "K-1" || c.Name != "Noor" || c.Rule.ID == "" {
				t.Errorf("%d rates, certificate %d: %+v, want total %s", tc.n, k, c, sum)
			}
		}
		if !cmp.Equal(sizes, tc.sizes) {
			t.Errorf("%d rates: certificates of %v periods, want %v", tc.n, sizes, tc.sizes)
		}
		// The periods in order of their first day, across certificates.
		var firsts []plan.Date
		for _, c := range certs {
			for _, p := range c.Periods {
				firsts = append(firsts, p.Period.Start)
			}
		}
		for i := 1; i < len(firsts); i++ {
			if !firsts[i-1].Before(firsts[i]) {
				t.Errorf("%d rates: periods out of order: %v", tc.n, firsts)
			}
		}
	}
}

// A certificate period is one daily rate over consecutive months (DESIGN
// §7): days at 24.10 in March and April 2025 are one period of 2 days,
// 48.20; a rate that skips a month (March, then May) starts a new period;
// the same amount behind another daily tariff (60 % of 20.00 and 100 % of
// 12.00 are both 12.00) is another line of the certificate.
func TestCertificatePeriodsByMonthAndTariff(t *testing.T) {
	child := tariff.Child{Code: "K-1", Birth: sd("2022-01-01")}
	certs, err := Certificates(2025, child, "", []PaidInvoice{
		careDay("2025-04-07", "24.10", "24.10", "2025-05-02"),
		careDay("2025-03-31", "24.10", "24.10", "2025-04-02"),
		careDay("2025-03-03", "24.10", "24.10", "2025-04-02"),
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []CertificatePeriod{{Period: plan.Period{Start: sd("2025-03-03"), End: sd("2025-04-07")}, Days: 3, DailyRate: tariff.MustMoney("24.10"),
		DailyTariff: "24.10", Amount: tariff.MustMoney("72.30")}}
	if len(certs) != 1 || !cmp.Equal(certs[0].Periods, want) || certs[0].Total != tariff.MustMoney("72.30") {
		t.Errorf("March and April: %+v, want %+v", certs, want)
	}
	certs, err = Certificates(2025, child, "", []PaidInvoice{
		careDay("2025-03-03", "24.10", "24.10", "2025-06-02"),
		careDay("2025-05-05", "24.10", "24.10", "2025-06-02"),
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(certs) != 1 || len(certs[0].Periods) != 2 || certs[0].Periods[0].Period.End != sd("2025-03-03") || certs[0].Periods[1].Period.Start != sd("2025-05-05") {
		t.Errorf("March and May: %+v, want two periods", certs)
	}
	certs, err = Certificates(2025, child, "", []PaidInvoice{
		careDay("2025-03-03", "12.00", "20.00", "2025-04-02"),
		careDay("2025-03-04", "12.00", "12.00", "2025-04-02"),
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(certs) != 1 || len(certs[0].Periods) != 2 || certs[0].Periods[0].DailyTariff == certs[0].Periods[1].DailyTariff {
		t.Errorf("12.00 of two tariffs: %+v, want two periods", certs)
	}
	// Another child's lines, and the lines that are not care (waste, the
	// unjustified days), are not on K-1's certificate.
	other := careDay("2025-03-05", "24.10", "24.10", "2025-04-02")
	other.Invoice.Lines[0].Child = "K-2"
	waste := careDay("2025-03-06", "0.13", "", "2025-04-02")
	waste.Invoice.Lines[0].Kind, waste.Invoice.Lines[0].Deductible = LineWasteFull, false
	certs, err = Certificates(2025, child, "", []PaidInvoice{other, waste})
	if err != nil || len(certs) != 0 {
		t.Errorf("no care of K-1: %+v, %v", certs, err)
	}
	// Paid on 31 December counts for that year, on 1 January for the next.
	dec := careDay("2025-12-29", "24.10", "24.10", "2025-12-31")
	jan := careDay("2025-12-30", "24.10", "24.10", "2026-01-01")
	for year, days := range map[int]int{2025: 1, 2026: 1, 2024: 0} {
		certs, err := Certificates(year, child, "", []PaidInvoice{dec, jan})
		got := 0
		for _, c := range certs {
			for _, p := range c.Periods {
				got += p.Days
			}
		}
		if err != nil || got != days {
			t.Errorf("paid in %d: %d days, %v; want %d", year, got, err, days)
		}
	}
	// The certificate needs the birth date.
	if _, err := Certificates(2025, tariff.Child{Code: "K-1"}, "", []PaidInvoice{dec}); !hasField(err, "child.birth") {
		t.Errorf("no birth date: %v", err)
	}
}

// Care is deductible before the 14th birthday (federal rule since 2020,
// DESIGN §7). A child born on 29 February 2000 (a leap year: divisible by
// 400) turns 14 in 2014, which has no 29 February; the library counts ages
// in months (plan.MonthsOld, plan.AddMonths: "the corresponding day, or the
// last day of a shorter month"), so its 14th birthday is 28 February 2014
// and only the care of the 27th counts. 2400 is a leap year too: care on
// 28 and 29 February and 1 March 2400 of a young child is three days of
// one period.
func TestCertificateFourteenthBirthdayOnLeapDays(t *testing.T) {
	for _, tc := range []struct {
		birth, year string
		days        []string
		counted     []string
	}{
		{"2398-01-01", "2400", []string{"2400-02-28", "2400-02-29", "2400-03-01"}, []string{"2400-02-28", "2400-02-29", "2400-03-01"}},
		{"2000-02-29", "2014", []string{"2014-02-27", "2014-02-28", "2014-03-01"}, []string{"2014-02-27"}},
		{"2011-03-15", "2025", []string{"2025-03-14", "2025-03-15"}, []string{"2025-03-14"}},
	} {
		var paid []PaidInvoice
		for _, d := range tc.days {
			paid = append(paid, careDay(d, "20.00", "20.00", tc.year+"-06-30"))
		}
		year := plan.MustParseDate(tc.year + "-01-01").Year()
		certs, err := Certificates(year, tariff.Child{Code: "K-1", Birth: sd(tc.birth)}, "", paid)
		if err != nil {
			t.Fatalf("born %s: %v", tc.birth, err)
		}
		var got []string
		for _, c := range certs {
			for _, p := range c.Periods {
				for d := p.Period.Start; !d.After(p.Period.End); d = d.AddDays(1) {
					got = append(got, d.String())
				}
				if p.Days != len(tc.counted) {
					t.Errorf("born %s: %d days, want %d", tc.birth, p.Days, len(tc.counted))
				}
			}
		}
		if !cmp.Equal(got, tc.counted) {
			t.Errorf("born %s: care counted on %v, want %v", tc.birth, got, tc.counted)
		}
	}
}

// FOD Financiën: the reduction is 45 % of the certified amount, each line
// capped at its days × the cap of the year (16.40 in 2024), and rounded to
// the cent half away from zero (DESIGN §1 and Reduction.Total): one half
// day at 14.10 gives 6.345, 6.35 (half to even: 6.34). A rate equal to the
// cap is not cut; one a cent above it is.
func TestTaxReductionRoundingAndCap(t *testing.T) {
	for _, tc := range []struct {
		days           int
		rate, eligible string
		total          string
	}{
		{1, "14.10", "14.10", "6.35"},
		{3, "16.40", "49.20", "22.14"},
		{3, "16.41", "49.20", "22.14"},
		{3, "16.39", "49.17", "22.13"}, // 22.1265
	} {
		r, err := TaxReduction([]Certificate{certOf(2024, "A", tc.days, tc.rate)}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if r.Eligible != tariff.MustMoney(tc.eligible) || r.Total != tariff.MustMoney(tc.total) || r.Children[0].Days != tc.days {
			t.Errorf("%d days at %s: eligible %s, total %s; want %s, %s", tc.days, tc.rate, r.Eligible, r.Total, tc.eligible, tc.total)
		}
	}
	// Two certificates of one child (more than 4 periods) are one child's
	// days: 100 days at 5.00 and 7 at 50.00 → 500.00 + 114.80.
	r, err := TaxReduction([]Certificate{certOf(2024, "A", 100, "5.00"), certOf(2024, "A", 7, "50.00")}, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []ChildDeduction{{Child: "A", Days: 107, Paid: tariff.MustMoney("850.00"), Eligible: tariff.MustMoney("614.80")}}
	if !cmp.Equal(r.Children, want) || r.Total != tariff.MustMoney("276.66") || r.Year != 2024 {
		t.Errorf("one child, two certificates: %+v", r)
	}
	if _, err := TaxReduction(nil, nil); !hasField(err, "certificates") {
		t.Errorf("no certificate: %v", err)
	}
}
