package invoicetest_test

import (
	"fmt"

	"github.com/kinderopvang/regels/invoice"
	"github.com/kinderopvang/regels/invoice/invoicetest"
	"github.com/kinderopvang/regels/tariff"
)

// What a failing Check reports: here, software that billed the hot meals
// of a school-age child at 3.50 instead of 3.00 (seed 004 §3.5.1). In a
// test, invoicetest.Check(t, s.Case, theirs) builds, verifies and fails t
// with this text.
func ExampleReport() {
	s, _ := invoice.ScenarioByName("after_school")
	inv, _ := invoice.Build(s.Case)
	theirs := invoice.ExternalOf(inv) // in a real test: decoded with invoice.DecodeExternal
	for i, l := range theirs.Lines {
		if l.Kind == invoice.LineHotMeal {
			theirs.Lines[i].UnitPrice = tariff.MustMoney("3.50")
			theirs.Lines[i].Amount, _ = theirs.Lines[i].UnitPrice.Times(l.Count)
		}
	}
	fmt.Println(invoicetest.Report(inv, invoice.Verify(inv, theirs)))
	// Output:
	// invoice 2025-03-0043 (2025-03, family F-1042): 2 difference(s) from the computed invoice, total 153.16:
	//     unit_price: hot meal (school-age child) for K-077: unit price 3.00 expected, 3.50 invoiced (invoice.hot_meal)
	//     arithmetic: the total 153.16 is not the sum of the invoice's lines, 154.66 [invoice.total]
}
