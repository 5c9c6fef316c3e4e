package monthend_test

import (
	"fmt"
	"strings"

	"github.com/kinderopvang/regels/invoice"
	"github.com/kinderopvang/regels/invoice/monthend"
	"github.com/kinderopvang/regels/plan"
)

// An organiser's month end: 12 families of March 2025 at three locations,
// one of them with a case under other house rules.
func ExampleRun() {
	var cases []monthend.Case
	for i, c := range monthend.SampleCases(12) {
		cases = append(cases, monthend.Case{Source: fmt.Sprintf("family-%02d.json", i+1), Case: c})
	}
	cases[4].Case.Rules.HotMeal = invoice.Flat("3.50")

	res := monthend.Run(monthend.SampleOrganiser(), cases, monthend.Options{})
	s := res.Summary
	fmt.Printf("%s: %d families, %d billed, %d children, total %s\n", s.Month, s.Families, s.Billed, s.Children, s.Total)
	fmt.Printf("present %+v\n", s.Days.Present)
	for _, f := range res.Families {
		if !f.Billed {
			fmt.Println(f.Source, f.Problems[0].Code, f.Problems[0].Field)
		}
	}
	for _, r := range res.Reports {
		fmt.Println(r.Location, r.Status, len(r.Document.Children), "children")
	}
	// Output:
	// 2025-03: 12 families, 11 billed, 13 children, total 3616.99
	// present {Third:20 Half:19 Full:115 Flex:0}
	// family-05.json not_shared rules.hot_meal[0].amount
	// OO-Berk ready 3 children
	// OO-Els incomplete 4 children
	// OO-Linde ready 6 children
}

// The year end: the certificates of the children of two families whose
// March invoices were paid in April, and the households' tax reductions.
func ExampleYearEnd() {
	cases := monthend.SampleCases(2)
	var paid monthend.Paid
	for _, c := range cases {
		inv, err := invoice.Build(c)
		if err != nil {
			fmt.Println(err)
			return
		}
		paid.Paid = append(paid.Paid, invoice.PaidInvoice{Invoice: inv, PaidOn: plan.MustParseDate("2025-04-20")})
		for _, ch := range c.Children {
			paid.Children = append(paid.Children, monthend.PaidChild{Code: ch.Child.Code, Name: ch.Name, Birth: ch.Child.Birth})
		}
	}
	res := monthend.YearEnd(2025, paid)
	for _, c := range res.Children {
		for _, cert := range c.Certificates {
			for _, p := range cert.Periods {
				fmt.Printf("%s %s: %s–%s, %d days × %s = %s\n", c.Code, c.Name, p.Period.Start, p.Period.End, p.Days, p.DailyRate, p.Amount)
			}
		}
	}
	for _, h := range res.Households {
		fmt.Printf("%s: reduction %s (45 %% of %s)\n", h.Family.ID, h.Reduction.Total, h.Reduction.Eligible)
	}
	// Output:
	// 100000-001 Arthur Willems: 2025-03-03–2025-03-31, 17 days × 24.10 = 409.70
	// 100000-001 Arthur Willems: 2025-03-19–2025-03-19, 1 days × 14.46 = 14.46
	// 100001-001 Emma Willems: 2025-03-03–2025-03-06, 3 days × 14.46 = 43.38
	// 100001-001 Emma Willems: 2025-03-17–2025-03-31, 6 days × 24.10 = 144.60
	// F-00001: reduction 135.79 (45 % of 301.76)
	// F-00002: reduction 65.15 (45 % of 144.78)
}

// The certificates as a CSV for the accountant: semicolons and decimal
// commas, as a Belgian spreadsheet reads them (the file starts with a
// UTF-8 byte order mark and ends its lines with CRLF, left out here).
func ExampleCertificatesCSV() {
	c := monthend.SampleCases(1)[0]
	inv, _ := invoice.Build(c)
	res := monthend.YearEnd(2025, monthend.Paid{
		Children: []monthend.PaidChild{{Code: c.Children[0].Child.Code, Name: c.Children[0].Name, Birth: c.Children[0].Child.Birth}},
		Paid:     []invoice.PaidInvoice{{Invoice: inv, PaidOn: plan.MustParseDate("2025-04-20")}},
	})
	csv := string(monthend.CertificatesCSV(res.Children))
	fmt.Println(strings.ReplaceAll(strings.TrimPrefix(csv, "\uFEFF"), "\r\n", "\n"))
	// Output:
	// kindcode;naam;jaar;attest;begin;einde;dagen;dagprijs;dagtarief;bedrag
	// 100000-001;Arthur Willems;2025;1;03/03/2025;31/03/2025;17;24,10;24,10;409,70
	// 100000-001;Arthur Willems;2025;1;19/03/2025;19/03/2025;1;14,46;24,10;14,46
}
