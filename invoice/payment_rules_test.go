package invoice

import (
	"errors"
	"testing"

	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
	"github.com/shopspring/decimal"
)

// handInvoice is an invoice of the given line amounts (one of each), its
// total their sum.
func handInvoice(number string, amounts ...string) Invoice {
	inv := Invoice{Number: number}
	for _, a := range amounts {
		m := tariff.MustMoney(a)
		inv.Lines = append(inv.Lines, Line{Child: "K-1", Kind: LineCare, Count: decimal.NewFromInt(1), UnitPrice: m, Amount: m})
		inv.Total, _ = inv.Total.Add(m)
	}
	return inv
}

// Seed 000: unpaid → processing → paid. Paying needs its day; an invoice
// can be paid straight from unpaid, never twice, and a payment cannot be
// started on a paid invoice.
func TestPaymentStates(t *testing.T) {
	inv := handInvoice("F-1", "24.10")
	a := NewAccount(inv)
	if a.State != Unpaid || a.Invoice != "F-1" || a.Total != tariff.MustMoney("24.10") || a.Due() != tariff.MustMoney("24.10") {
		t.Fatalf("a new account %+v", a)
	}
	if _, err := a.Pay(plan.Date{}); !errors.Is(err, plan.CodeMissing) {
		t.Errorf("a payment without its day: %v", err)
	}
	paid, err := a.Pay(sd("2025-04-20"))
	if err != nil || paid.State != Paid || paid.PaidOn != sd("2025-04-20") {
		t.Fatalf("paid from unpaid: %+v, %v", paid, err)
	}
	if _, err := paid.Pay(sd("2025-04-21")); !errors.Is(err, CodeIllegalPayment) {
		t.Errorf("paying twice: %v", err)
	}
	if _, err := paid.StartPayment(); !errors.Is(err, CodeIllegalPayment) {
		t.Errorf("starting a payment of a paid invoice: %v", err)
	}
	if a.State != Unpaid {
		t.Errorf("the account value changed: %+v", a)
	}
}

// A wrong invoice is corrected by a credit note (seed 000), within the
// invoice: each line at most once, an index that is a line, never beyond
// the total; crediting a credited invoice again, or with another invoice's
// account, is an error.
func TestCreditBounds(t *testing.T) {
	inv := handInvoice("F-2", "121.15", "-24.10") // total 97.05
	a := NewAccount(inv)
	for _, lines := range [][]int{{-1}, {2}, {1, 1}} {
		if _, _, err := Credit(a, inv, lines, "CN", sd("2025-04-10"), ""); !hasField(err, "lines") {
			t.Errorf("crediting lines %v: %v", lines, err)
		}
	}
	// The first line alone is 121.15, beyond the total of 97.05.
	if _, _, err := Credit(a, inv, []int{0}, "CN", sd("2025-04-10"), ""); !hasField(err, "lines") {
		t.Errorf("crediting 121.15 of 97.05: %v", err)
	}
	// The second line alone reverses the reduction: 24.10 more to pay.
	b, cn, err := Credit(a, inv, []int{1}, "CN-1", sd("2025-04-10"), "korting ten onrechte")
	if err != nil || cn.Total != tariff.MustMoney("24.10") || b.Due() != tariff.MustMoney("121.15") || b.State != Unpaid || cn.Lines[0].LabelNL[:13] != "creditering: " {
		t.Errorf("crediting the reduction: %+v, %+v, %v", b, cn, err)
	}
	// Then the first line: everything credited, nothing due.
	b, cn, err = Credit(b, inv, []int{0}, "CN-2", sd("2025-04-11"), "factuur vervangen")
	if err != nil || cn.Total != tariff.MustMoney("-121.15") || !b.Due().IsZero() || b.State != Credited || len(b.CreditNotes) != 2 {
		t.Fatalf("crediting the rest: %+v, %+v, %v", b, cn, err)
	}
	if _, _, err := Credit(b, inv, nil, "CN-3", sd("2025-04-12"), ""); !errors.Is(err, CodeIllegalPayment) {
		t.Errorf("crediting a credited invoice: %v", err)
	}
	other := handInvoice("F-3", "10.00")
	if _, _, err := Credit(NewAccount(other), inv, nil, "CN-4", sd("2025-04-12"), ""); !hasField(err, "invoice") {
		t.Errorf("another invoice's account: %v", err)
	}
	// An invoice of 0.00 (a fee the organiser owes against a day of care):
	// its positive line alone exceeds it; both lines credit it.
	zero := handInvoice("F-4", "6.47", "-6.47")
	if _, _, err := Credit(NewAccount(zero), zero, []int{0}, "CN-5", sd("2025-04-12"), ""); !hasField(err, "lines") {
		t.Errorf("crediting 6.47 of 0.00: %v", err)
	}
	if z, _, err := Credit(NewAccount(zero), zero, nil, "CN-6", sd("2025-04-12"), ""); err != nil || z.State != Credited {
		t.Errorf("crediting all of 0.00: %+v, %v", z, err)
	}
	// An invoice the organiser pays (a notice fee it owes, seed 004 §6.2.1):
	// crediting all of it settles it.
	neg := handInvoice("F-5", "24.10", "-121.15") // total -97.05
	n, cn, err := Credit(NewAccount(neg), neg, nil, "CN-7", sd("2025-04-12"), "")
	if err != nil || n.State != Credited || cn.Total != tariff.MustMoney("97.05") || n.Credited != tariff.MustMoney("-97.05") {
		t.Errorf("crediting all of -97.05: %+v, %+v, %v", n, cn, err)
	}
}
