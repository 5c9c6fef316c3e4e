package invoice_test

import (
	"fmt"

	"github.com/kinderopvang/regels/invoice"
	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
)

// The invoice of a reference scenario: a toddler picked up late twice.
func ExampleBuild() {
	s, _ := invoice.ScenarioByName("late_pickup")
	inv, err := invoice.Build(s.Case)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, l := range inv.Lines {
		fmt.Printf("%-12s %3s × %6s = %7s  %s\n", l.Kind, l.Count, l.UnitPrice.String(), l.Amount.String(), l.Rule.ID)
	}
	fmt.Println("total", inv.Total.String(), "due", inv.DueDate)
	// Output:
	// care          13 ×  24.10 =  313.30  invoice.care
	// late_pickup    3 ×   4.00 =   12.00  invoice.late_pickup
	// waste_full    13 ×   0.13 =    1.69  invoice.waste
	// admin          1 ×   3.50 =    3.50  invoice.admin
	// total 330.49 due 2025-05-03
}

// The fiscal certificate counts only the care itself, paid in the year.
func ExampleCertificates() {
	s, _ := invoice.ScenarioByName("after_school")
	inv, _ := invoice.Build(s.Case)
	certs, err := invoice.Certificates(2025, tariff.Child{Code: "K-077", Birth: plan.MustParseDate("2018-11-03")}, "Lars Peeters",
		[]invoice.PaidInvoice{{Invoice: inv, PaidOn: plan.MustParseDate("2025-04-28")}})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range certs[0].Periods {
		fmt.Println(p.Period, p.Days, "days at", p.DailyRate, "(tariff", p.DailyTariff+")", "paid", p.Amount)
	}
	fmt.Println("invoice total", inv.Total, "deductible", certs[0].Total)
	// Output:
	// 2025-03-10..2025-03-31 7 days at 9.64 (tariff 24.10) paid 67.48
	// 2025-03-12..2025-03-26 3 days at 24.10 (tariff 24.10) paid 72.30
	// invoice total 153.16 deductible 139.78
}

// The federal tax reduction of a household: 45 % of the certified costs,
// at most 16.40 per child per day of care for costs paid in 2024.
func ExampleTaxReduction() {
	line := func(days int, rate string) invoice.CertificatePeriod {
		r := tariff.MustMoney(rate)
		amount, _ := r.TimesInt(int64(days))
		return invoice.CertificatePeriod{Days: days, DailyRate: r, Amount: amount}
	}
	certs := []invoice.Certificate{
		{Year: 2024, Child: "A", Periods: []invoice.CertificatePeriod{line(100, "5.00")}},
		{Year: 2024, Child: "B", Periods: []invoice.CertificatePeriod{line(7, "50.00")}},
	}
	r, err := invoice.TaxReduction(certs, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range r.Children {
		fmt.Println(c.Child, c.Days, "days, paid", c.Paid, "eligible", c.Eligible)
	}
	fmt.Println("reduction", r.Total, "=", invoice.TaxReductionPercent, "% of", r.Eligible)
	// Output:
	// A 100 days, paid 500.00 eligible 500.00
	// B 7 days, paid 350.00 eligible 114.80
	// reduction 276.66 = 45 % of 614.80
}
