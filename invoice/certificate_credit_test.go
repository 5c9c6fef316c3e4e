package invoice

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
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
