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

// A Movement is one use of justified absence days: nothing to use (an
// exhausted ledger, or no days wanted) records none and changes nothing.
func TestUseNothing(t *testing.T) {
	empty := Ledger{Year: 2025, Entitlement: dec("2"), Used: dec("2")}
	for _, c := range []struct {
		name string
		l    Ledger
		want string
	}{
		{"exhausted", empty, "1"},
		{"nothing wanted", Ledger{Year: 2025, Entitlement: dec("10")}, "0"},
	} {
		l, got := c.l.use(d("2025-03-03"), dec(c.want), plan.Rule{ID: "absence.justified"}, "test")
		if !got.IsZero() || len(l.Movements) != 0 || !l.Used.Equal(c.l.Used) {
			t.Errorf("%s: used %s, %d movements, ledger used %s", c.name, got, len(l.Movements), l.Used)
		}
	}
}

// Ledger.Balance is entitlement − used, never negative (the ledger of a
// child whose entitlement was lowered below what was used: 0, not −2).
func TestLedgerBalance(t *testing.T) {
	for _, c := range []struct{ ent, used, want string }{{"10", "4.5", "5.5"}, {"10", "10", "0"}, {"8", "10", "0"}, {"0", "0", "0"}} {
		if got := (Ledger{Entitlement: dec(c.ent), Used: dec(c.used)}).Balance(); !got.Equal(dec(c.want)) {
			t.Errorf("%s − %s: balance %s, want %s", c.ent, c.used, got, c.want)
		}
	}
}
