package invoice_test

import (
	"fmt"
	"strings"

	"github.com/kinderopvang/regels/invoice"
	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
	"github.com/shopspring/decimal"
)

// Checking an invoice made by other software: it billed two half hours of
// late pick-up instead of three, and the administration twice.
func ExampleVerify() {
	s, _ := invoice.ScenarioByName("late_pickup")
	inv, _ := invoice.Build(s.Case)
	theirs := invoice.ExternalOf(inv)
	for i, l := range theirs.Lines {
		switch l.Kind {
		case invoice.LineLatePickup:
			theirs.Lines[i].Count = decimal.NewFromInt(2)
			theirs.Lines[i].Amount = tariff.MustMoney("8.00")
		case invoice.LineAdmin:
			theirs.Lines = append(theirs.Lines, l)
		}
	}
	total, _ := inv.Total.Sub(tariff.MustMoney("0.50"))
	theirs.Total = &total
	for _, d := range invoice.Verify(inv, theirs) {
		fmt.Println(d.What, d.Field, d.External, d.Expected, "→", d.Got, d.Rule.ID)
	}
	// Output:
	// count count [1] 3 × 4.00 = 12.00 → 2 × 4.00 = 8.00 invoice.late_pickup
	// duplicate  [4 3] 1 × 3.50 = 3.50 → 1 × 3.50 = 3.50 invoice.admin
	// total total [] 330.49 → 329.99 invoice.total
}

// Software that rounds each day's price: 7.4 km at 0.4269 is 3.16 per line,
// 7.4 × 0.43 = 3.18 per day. Stated, it is reported as within tolerance.
func ExampleVerifyWith() {
	rate := tariff.MustMoney("0.4269")
	km := decimal.RequireFromString("7.4")
	amount, _ := rate.Times(km)
	inv := invoice.Invoice{Number: "N-1", Family: invoice.Family{ID: "F-1"}, Month: plan.MustMonth(2025, 3), DueDate: plan.MustParseDate("2025-05-03"),
		Lines: []invoice.Line{{Child: "K-1", Kind: invoice.LineTransport, Count: km, UnitPrice: rate, Amount: amount, Rule: plan.Rule{ID: "invoice.transport"}}},
		Total: amount}
	theirs := invoice.ExternalOf(inv)
	theirs.Lines[0].Amount = tariff.MustMoney("3.18")
	theirs.Total = &theirs.Lines[0].Amount
	for _, opt := range []invoice.VerifyOptions{{}, {Rounding: invoice.PerDay}} {
		ds, _ := invoice.VerifyWith(inv, theirs, opt)
		for _, d := range ds {
			fmt.Println(opt.Rounding, d.What, d.Field, d.Expected, "→", d.Got)
		}
	}
	// Output:
	// per_line arithmetic amount 7.4 × 0.4269 = 3.16 → 7.4 × 0.4269 = 3.18
	// per_line total total 3.16 → 3.18
	// per_day within_tolerance amount 7.4 × 0.4269 = 3.16 → 7.4 × 0.4269 = 3.18
	// per_day within_tolerance total 3.16 → 3.18
}

// Decoding is strict: every problem at once, with its JSON path and
// position.
func ExampleDecodeExternal() {
	_, err := invoice.DecodeExternal(strings.NewReader(`{"number": "2025-03-0042",
 "lines": [{"kind": "carre", "cnt": "13", "unit_price": "24.10", "amount": 313.30}]}`))
	for _, p := range plan.AsProblems(err) {
		fmt.Println(p.Code, p.Field, "—", p.Message)
	}
	// Output:
	// invalid_value lines[0].kind — line 2, column 21: "carre" is not a value of invoice.LineKind; the values are "care", "unjustified", "late_notice", "notice_fee", "late_pickup", "waste_full", "waste_part", "hot_meal", "admin", "transport", "reserved_absent" or "late_cancel"
	// unknown_field lines[0].cnt — line 2, column 30: unknown field "cnt" in invoice.ExternalLine (did you mean "count"?); its fields are child, kind, band, group, basis, pricing, count, unit_price, amount
	// wrong_type lines[0].amount — line 2, column 76: a string (amount) is expected here, not a number
	// missing lines[0].count — line 2, column 12: invoice.ExternalLine needs field "count"
}
