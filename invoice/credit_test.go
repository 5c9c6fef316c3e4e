package invoice

import (
	"errors"
	"testing"

	"github.com/kinderopvang/regels/plan"
)

// Zero values that cannot work are errors: a credit note of no line, or of
// an invoice without lines, never an empty note nor a credited invoice.
func TestCreditNothing(t *testing.T) {
	inv := mustBuild(t, "full_time_toddler")
	if _, _, err := Credit(NewAccount(inv), inv, []int{}, "CN-0", plan.MustParseDate("2025-04-10"), "niets"); !errors.Is(err, plan.CodeMissing) {
		t.Errorf("an empty list of lines: %v", err)
	}
	empty := Invoice{Number: "2025-03-0000"}
	a, _, err := Credit(NewAccount(empty), empty, nil, "CN-1", plan.MustParseDate("2025-04-10"), "niets")
	if err == nil || a.State == Credited {
		t.Errorf("crediting an invoice without lines: %+v, %v", a, err)
	}
}
