package invoice

import (
	"strings"
	"testing"
	"time"

	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
)

// An invoice built on a statutory amount says which, with its source and
// whether it is confirmed (found by the audit of 2026-12-01: the 2025
// minimum contribution, the floor of every late-notice and notice fee, and
// the 2025 maximum were used without a word; RULES.md marks them
// unconfirmed). The notice fee of notice_not_respected uses the 2025
// maximum (its cap) and minimum (its floor); a month without a charge or fee
// depends on none.
func TestInvoiceNamesTheAmountsItUses(t *testing.T) {
	s, _ := ScenarioByName("notice_not_respected")
	inv, err := Build(s.Case)
	if err != nil {
		t.Fatal(err)
	}
	got := inv.Children[0].Amounts
	if len(got) != 2 || got[0].Kind != tariff.Maximum || got[1].Kind != tariff.StandardMinimum || got[0].Year != 2025 || got[1].Year != 2025 {
		t.Fatalf("amounts %+v, want the 2025 maximum and standard minimum", got)
	}
	for _, a := range got {
		want, err := tariff.StatutoryAmounts().On(plan.MustDate(2025, time.January, 1), a.Kind)
		if err != nil || !a.Value.Equal(want.Value) || a.Confirmed != want.Confirmed || a.Source != want.Source {
			t.Errorf("amount %+v, the table has %+v (%v)", a, want, err)
		}
	}
	if tr := inv.Trace(); !strings.Contains(tr, "amount 2025 standard_minimum 6.47, NOT CONFIRMED") {
		t.Errorf("the trace does not say the 2025 minimum is unconfirmed:\n%s", tr)
	}
	s, _ = ScenarioByName("late_pickup")
	if inv, err := Build(s.Case); err != nil || len(inv.Children[0].Amounts) != 0 {
		t.Errorf("a month without a charge or fee: amounts %+v, %v", inv.Children[0].Amounts, err)
	}
}
