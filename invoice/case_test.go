package invoice

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
	"github.com/shopspring/decimal"
)

func TestCaseErrors(t *testing.T) {
	c := baseCase()
	c.InvoiceDate = plan.Date{}
	c.Family.ID = ""
	c.Rules.Absence.BaseDays = decimal.NewFromInt(12)
	c.Rules.PaymentTermMonths = 0
	c.Children[0].Child.Code = ""
	c.Children[0].Plans = append(c.Children[0].Plans, c.Children[0].Plans[0])
	_, err := Build(c)
	ps := plan.AsProblems(err)
	var fields []string
	for _, p := range ps {
		fields = append(fields, p.Field)
	}
	want := []string{"invoice_date", "family.id", "rules.absence.base_days", "rules.payment_term_months", "children[0].child.code", "children[0].plans[1]"}
	if diff := cmp.Diff(want, fields); diff != "" {
		t.Errorf("every problem at once (-want +got):\n%s", diff)
	}
	if !errors.Is(err, plan.CodeMissing) {
		t.Errorf("errors.Is: %v", err)
	}
	if _, err := DecodeCase(strings.NewReader(`{"month":"2025-03","nonsense":1}`)); err == nil {
		t.Error("unknown fields are an error")
	}
	// A 2026 month needs 2026 amounts: an error naming the year, never a guess.
	late := baseCase()
	late.Month, late.InvoiceDate = plan.MustMonth(2026, 3), plan.MustParseDate("2026-04-03")
	late.Children[0].Ledger.Year = 2026
	late.Children[0].Attests.Attests[0].Valid = plan.Period{Start: plan.MustParseDate("2026-01-01"), End: plan.MustParseDate("2026-12-31")}
	attend(&late, 0, "07:45", "17:00", "2026-03-10")
	if _, err := Build(late); !errors.Is(err, tariff.CodeUnknownYear) {
		t.Errorf("2026 without amounts: %v", err)
	}
}
