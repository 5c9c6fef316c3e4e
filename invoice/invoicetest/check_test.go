package invoicetest

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/kinderopvang/regels/invoice"
	"github.com/kinderopvang/regels/tariff"
	"github.com/shopspring/decimal"
)

// recorder is a testing.TB that keeps what the helper reports.
type recorder struct {
	testing.TB
	errors []string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

func scenario(t *testing.T, name string) (invoice.Case, invoice.Invoice) {
	s, err := invoice.ScenarioByName(name)
	if err != nil {
		t.Fatal(err)
	}
	inv, err := invoice.Build(s.Case)
	if err != nil {
		t.Fatal(err)
	}
	return s.Case, inv
}

func TestCheck(t *testing.T) {
	c, inv := scenario(t, "late_pickup")
	// A match passes: the real t.
	if ds := Check(t, c, invoice.ExternalOf(inv)); ds != nil {
		t.Errorf("a match: %v", ds)
	}
	// Two half hours of late pick-up instead of three (seed 004 §3.5.1: €4
	// per started half hour).
	ext := invoice.ExternalOf(inv)
	for i, l := range ext.Lines {
		if l.Kind == invoice.LineLatePickup {
			ext.Lines[i].Count, ext.Lines[i].Amount = decimal.NewFromInt(2), tariff.MustMoney("8.00")
		}
	}
	r := &recorder{TB: t}
	ds := Check(r, c, ext)
	if len(ds) != 2 || len(r.errors) != 1 {
		t.Fatalf("%d differences, %d errors: %v", len(ds), len(r.errors), r.errors)
	}
	want := `invoice 2025-03-0042 (2025-03, family F-1042): 2 difference(s) from the computed invoice, total 330.49:
    count: late pick-up without agreement, per started half hour for K-118: count 3 expected, 2 invoiced (amount 12.00 expected, 8.00 invoiced; invoice.late_pickup)
    arithmetic: the total 330.49 is not the sum of the invoice's lines, 326.49 [invoice.total]`
	if !strings.HasPrefix(r.errors[0], want) {
		t.Errorf("got\n%s\nwant a prefix\n%s", r.errors[0], want)
	}
	if got := strings.Count(r.errors[0], "\n"); got != len(ds) {
		t.Errorf("one line per difference: %d lines for %d", got, len(ds))
	}
}

func TestCheckErrors(t *testing.T) {
	c, inv := scenario(t, "late_pickup")
	bad := c
	bad.Family.ID = ""
	r := &recorder{TB: t}
	if ds := Check(r, bad, invoice.ExternalOf(inv)); ds != nil || len(r.errors) != 1 || !strings.Contains(r.errors[0], "family.id") {
		t.Errorf("a case that cannot be billed: %v %v", ds, r.errors)
	}
	r = &recorder{TB: t}
	if CheckWith(r, c, invoice.ExternalOf(inv), invoice.VerifyOptions{Tolerance: tariff.Cents(-1)}); len(r.errors) != 1 {
		t.Errorf("bad options: %v", r.errors)
	}
}

func TestCheckJSON(t *testing.T) {
	c, inv := scenario(t, "after_school")
	cj, _ := json.Marshal(c)
	xj, _ := json.Marshal(invoice.ExternalOf(inv))
	if ds := CheckJSON(t, cj, xj); ds != nil {
		t.Errorf("a match: %v", ds)
	}
	r := &recorder{TB: t}
	CheckJSON(r, []byte(`{"month":"2025-3"}`), []byte(`{"lines":[{"kind":"carre"}]}`))
	if len(r.errors) != 2 || !strings.Contains(r.errors[0], "month: line 1, column 10") || !strings.Contains(r.errors[1], `"carre"`) ||
		!strings.Contains(r.errors[1], `lines[0].count`) {
		t.Errorf("%q", r.errors)
	}
}
