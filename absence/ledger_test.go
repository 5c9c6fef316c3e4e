package absence

import (
	"testing"

	"github.com/kinderopvang/regels/plan"
)

// Seed 004 §3.4.2: within the organiser the count goes on; from another
// organiser it starts fresh.
func TestTransfer(t *testing.T) {
	l := Ledger{Year: 2025, Entitlement: dec("10")}
	l, used := l.use(d("2025-03-03"), dec("4"), plan.Rule{ID: "x"}, "test")
	if !used.Equal(dec("4")) || !l.Balance().Equal(dec("6")) {
		t.Fatalf("use: %s, balance %s", used, l.Balance())
	}
	newPlace := Entitlement{Year: 2025, Days: dec("8")}
	same, err := l.Transfer(true, newPlace)
	if err != nil || !same.Used.Equal(dec("4")) || !same.Balance().Equal(dec("4")) || len(same.Movements) != 1 {
		t.Errorf("same organiser: %+v, %v", same, err)
	}
	other, _ := l.Transfer(false, newPlace)
	if !other.Used.IsZero() || !other.Balance().Equal(dec("8")) || len(other.Movements) != 0 {
		t.Errorf("other organiser: %+v", other)
	}
	if _, err := l.Transfer(true, Entitlement{Year: 2026, Days: dec("18")}); err == nil {
		t.Error("a ledger does not continue into another year")
	}
	// Never more than the balance; never negative.
	l2, got := same.use(d("2025-03-04"), dec("9"), plan.Rule{}, "")
	if !got.Equal(dec("4")) || !l2.Balance().IsZero() {
		t.Errorf("over-use: got %s, balance %s", got, l2.Balance())
	}
	// The earlier ledger value is not changed by later use.
	if len(same.Movements) != 1 {
		t.Errorf("ledger values must not share movements: %d", len(same.Movements))
	}
}
