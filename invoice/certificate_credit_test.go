package invoice

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/kinderopvang/regels/tariff"
)

// Seed 004 §3.7: "een fiscaal attest van de betaalde kosten". A wrong
// invoice is corrected by a credit note (seed 000): the care a credit note
// takes back was not paid, so it is not certified (found by the audit of
// 2026-12-01: Certificates took the invoice alone and certified 313.30 of
// credited care). A whole month billed (13 days at 24.10), its care line
// credited in full and the rest paid: nothing to certify. Credited in part
// (a second invoice's care line alone): the other invoice's days remain.
func TestCertificateLessCreditNotes(t *testing.T) {
	s, _ := ScenarioByName("late_pickup")
	inv, err := Build(s.Case)
	if err != nil {
		t.Fatal(err)
	}
	care := -1
	for i, l := range inv.Lines {
		if l.Deductible {
			care = i
		}
	}
	if care < 0 {
		t.Fatal("the scenario bills no care")
	}
	acc, cn, err := Credit(NewAccount(inv), inv, []int{care}, "CN-1", sd("2025-04-10"), "dagen verkeerd aangerekend")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := acc.Pay(sd("2025-04-20")); err != nil {
		t.Fatal(err)
	}
	child := s.Case.Children[0].Child
	full, err := Certificates(2025, child, "Noor", []PaidInvoice{{Invoice: inv, PaidOn: sd("2025-04-20")}})
	if err != nil || len(full) != 1 || full[0].Total.IsZero() {
		t.Fatalf("without the credit note: %v, %v", full, err)
	}
	certs, err := Certificates(2025, child, "Noor", []PaidInvoice{{Invoice: inv, PaidOn: sd("2025-04-20"), Credits: []CreditNote{cn}}})
	if err != nil {
		t.Fatal(err)
	}
	if len(certs) != 0 {
		t.Errorf("the care line credited in full: certificates %+v, want none", certs)
	}

	// Two invoices, the second credited: the first's days alone.
	second := inv
	second.Number = inv.Number + "-B"
	acc2, cn2, err := Credit(NewAccount(second), second, []int{care}, "CN-2", sd("2025-04-10"), "dubbel aangerekend")
	if err != nil || acc2.Credited.IsZero() {
		t.Fatal(err)
	}
	certs, err = Certificates(2025, child, "Noor", []PaidInvoice{{Invoice: inv, PaidOn: sd("2025-04-20")}, {Invoice: second, PaidOn: sd("2025-04-20"), Credits: []CreditNote{cn2}}})
	if err != nil {
		t.Fatal(err)
	}
	if len(certs) != 1 || certs[0].Total != full[0].Total {
		t.Errorf("one of two invoices credited: %+v, want the total %s of one", certs, full[0].Total)
	}

	// A credit note for another invoice, a day credited twice and a line
	// that is no credit are problems, named by where they are.
	notCredit := cn
	notCredit.Lines = []Line{cn.Lines[0]}
	notCredit.Lines[0].Count = notCredit.Lines[0].Count.Neg()
	for _, tc := range []struct {
		name    string
		credits []CreditNote
		field   string
	}{
		{"another invoice's note", []CreditNote{cn2}, "paid[0].credits[0].invoice"},
		{"credited twice", []CreditNote{cn, cn}, "paid[0].credits[1].lines[0].dates"},
		{"not a credit", []CreditNote{notCredit}, "paid[0].credits[0].lines[0].count"},
		// Found by the review of 2026-12-01: a credit's dates were read
		// without its count.
		{"13 days credited, no date listed", []CreditNote{withLine(cn, func(l *Line) { l.Dates = nil })}, "paid[0].credits[0].lines[0].count"},
		{"13 days credited, one date listed", []CreditNote{withLine(cn, func(l *Line) { l.Dates = l.Dates[:1] })}, "paid[0].credits[0].lines[0].count"},
		{"1 day credited, 13 dates listed", []CreditNote{withLine(cn, func(l *Line) { l.Count = decimalOf("-1") })}, "paid[0].credits[0].lines[0].count"},
		{"an amount that is not count × price", []CreditNote{withLine(cn, func(l *Line) { l.Amount = tariff.MustMoney("-1.00") })}, "paid[0].credits[0].lines[0].amount"},
		{"a care line credited without its deductible mark, twice", []CreditNote{cn, withLine(cn, func(l *Line) { l.Deductible = false })}, "paid[0].credits[1].lines[0].dates"},
		{"a note dated after the payment", []CreditNote{func() CreditNote { x := cn; x.Date = sd("2026-01-10"); return x }()}, "paid[0].credits[0].date"},
	} {
		_, err := Certificates(2025, child, "Noor", []PaidInvoice{{Invoice: inv, PaidOn: sd("2025-04-20"), Credits: tc.credits}})
		if !hasField(err, tc.field) {
			t.Errorf("%s: %v, want a problem at %s", tc.name, err, tc.field)
		}
	}

	// The paid invoice with its credit note comes back from JSON exactly.
	pi := PaidInvoice{Invoice: inv, PaidOn: sd("2025-04-20"), Credits: []CreditNote{cn}}
	b, err := json.Marshal(pi)
	if err != nil {
		t.Fatal(err)
	}
	var back PaidInvoice
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(pi, back, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("paid invoice (-want +got):\n%s", diff)
	}
}

// withLine is credit note cn with its first line changed by f (its lines
// copied).
func withLine(cn CreditNote, f func(*Line)) CreditNote {
	cn.Lines = slices.Clone(cn.Lines)
	f(&cn.Lines[0])
	return cn
}

// The invoice's own line of care is read the same way: its count is its
// dates.
func TestCertificateReadsCountAndDates(t *testing.T) {
	paid := careDay("2025-03-03", "24.10", "24.10", "2025-04-20")
	paid.Invoice.Lines[0].Count = decimalOf("2")
	_, err := Certificates(2025, tariff.Child{Code: "K-1", Birth: sd("2022-01-01")}, "", []PaidInvoice{paid})
	if !hasField(err, "paid[0].invoice.lines[0].count") {
		t.Errorf("2 days counted, 1 date listed: %v, want a problem at paid[0].invoice.lines[0].count", err)
	}
}
