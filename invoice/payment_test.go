package invoice

import (
	"errors"
	"testing"

	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
)

// Seed 000: unpaid → processing → paid; a credit note reverses all or part
// of an invoice; a credited invoice takes no payment.
func TestPaymentsAndCredit(t *testing.T) {
	inv := mustBuild(t, "full_time_toddler")
	a := NewAccount(inv)
	a, err := a.StartPayment()
	if err != nil || a.State != Processing {
		t.Fatal(a.State, err)
	}
	if _, err := a.StartPayment(); !errors.Is(err, CodeIllegalPayment) {
		t.Errorf("start twice: %v", err)
	}
	paid, err := a.Pay(plan.MustParseDate("2025-04-20"))
	if err != nil || paid.State != Paid {
		t.Fatal(paid.State, err)
	}
	if _, _, err := Credit(paid, inv, nil, "CN-1", plan.MustParseDate("2025-04-21"), "fout"); !errors.Is(err, CodeIllegalPayment) {
		t.Errorf("crediting a paid invoice: %v", err)
	}

	// Credit the waste line only: the rest stays payable.
	b := NewAccount(inv)
	b, cn, err := Credit(b, inv, []int{1}, "CN-2", plan.MustParseDate("2025-04-10"), "afval ten onrechte aangerekend")
	if err != nil || !cn.Total.Equal(tariff.MustMoney("-2.60")) || b.State != Unpaid || !b.Due().Equal(sub(inv.Total, tariff.MustMoney("2.60"))) {
		t.Fatalf("partial credit: %+v %+v %v", b, cn, err)
	}
	// Credit the rest: fully credited, no payment possible.
	b, cn, err = Credit(b, inv, []int{0, 2}, "CN-3", plan.MustParseDate("2025-04-11"), "factuur vervangen")
	if err != nil || b.State != Credited || !b.Due().IsZero() || len(b.CreditNotes) != 2 {
		t.Fatalf("full credit: %+v %v", b, err)
	}
	if _, err := b.Pay(plan.MustParseDate("2025-04-20")); !errors.Is(err, CodeIllegalPayment) {
		t.Errorf("paying a credited invoice: %v", err)
	}
	if _, _, err := Credit(NewAccount(inv), inv, []int{0, 0}, "CN-4", plan.MustParseDate("2025-04-11"), ""); err == nil {
		t.Error("a line twice in one note")
	}
}
