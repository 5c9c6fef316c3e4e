package invoice

import (
	"strings"
	"testing"
	"time"

	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
	"github.com/shopspring/decimal"
)

// DESIGN §2 and seed 004 §3.1: without a valid attest the organiser applies
// the maximum tariff; the family has until 25 days after the old attest's
// end to deliver a new one, whose tariff then connects to the old end.
// Noor's attest of 24.10 ends on 28 February 2025 (grace until 25 March);
// a new one of 20.00 runs from 10 March. Her 13 reserved days of March
// (Monday, Tuesday, Thursday) are 3 before the 10th and 10 from it.
func TestTariffWithoutAValidAttest(t *testing.T) {
	old := tariff.Attest{ChildCode: "K-118", Kind: tariff.AttestRegular, Daily: tariff.MustTariff("24.10"),
		Valid: plan.Period{Start: sd("2024-03-01"), End: sd("2025-02-28")}}
	next := func(delivered string) tariff.Attest {
		return tariff.Attest{ChildCode: "K-118", Kind: tariff.AttestRegular, Daily: tariff.MustTariff("20.00"),
			Valid: plan.Period{Start: sd("2025-03-10"), End: sd("2026-03-09")}, Delivered: sd(delivered)}
	}
	type line struct {
		basis tariff.Basis
		unit  string
		days  int64
	}
	for _, tc := range []struct {
		name    string
		attests []tariff.Attest
		lines   []line
		text    []string
	}{
		{"no new attest: the maximum of 2025, 35.89", []tariff.Attest{old},
			[]line{{tariff.BasisMaximum, "35.89", 13}},
			[]string{"inkomenstarief € 35,89 per dag van 01/03/2025 tot en met 31/03/2025 (maximumtarief, geen geldig attest)"}},
		{"delivered on 25 March, the last day of grace: connected", []tariff.Attest{old, next("2025-03-25")},
			[]line{{tariff.BasisConnect, "20.00", 3}, {tariff.BasisAttest, "20.00", 10}},
			[]string{"inkomenstarief € 20,00 per dag van 01/03/2025 tot en met 09/03/2025 (nieuw attest, aansluitend)",
				"inkomenstarief € 20,00 per dag van 10/03/2025 tot en met 31/03/2025 (attest inkomenstarief)"}},
		{"delivered on 26 March, too late: the maximum until the 10th", []tariff.Attest{old, next("2025-03-26")},
			[]line{{tariff.BasisMaximum, "35.89", 3}, {tariff.BasisAttest, "20.00", 10}},
			[]string{"inkomenstarief € 35,89 per dag van 01/03/2025 tot en met 09/03/2025 (maximumtarief, geen geldig attest)"}},
	} {
		c := baseCase()
		c.Children[0].Attests = tariff.Seed004AttestBook(tc.attests...)
		attend(&c, 0, "07:45", "17:00")
		inv, err := Build(c)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		care := linesOfKind(inv, LineCare)
		if len(care) != len(tc.lines) {
			t.Fatalf("%s: care lines %+v, want %+v", tc.name, care, tc.lines)
		}
		for i, w := range tc.lines {
			l := care[i]
			if l.Basis != string(w.basis) || l.UnitPrice != tariff.MustMoney(w.unit) || !l.Count.Equal(decimal.NewFromInt(w.days)) || !l.Deductible {
				t.Errorf("%s: line %d %s %s × %s, want %s %d × %s", tc.name, i, l.Basis, l.Count, l.UnitPrice, w.basis, w.days, w.unit)
			}
		}
		text := strings.Join(strings.Fields(inv.Text()), " ")
		for _, want := range tc.text {
			if !strings.Contains(text, want) {
				t.Errorf("%s: the text lacks %q:\n%s", tc.name, want, inv.Text())
			}
		}
		// The labels name the basis.
		for _, l := range care {
			nl, en := "opvang volle dag (baby/peuter): 100 % van € "+euro(l.UnitPrice)[len("€ "):], "care, full day (baby_toddler), 100 % of "+l.UnitPrice.String()
			switch tariff.Basis(l.Basis) {
			case tariff.BasisMaximum:
				nl, en = nl+" — maximumtarief: geen geldig attest inkomenstarief", en+" — maximum tariff: no valid attest"
			case tariff.BasisConnect:
				nl, en = nl+" — nieuw attest, aansluitend op het vorige", en+" — new attest, connected to the previous one"
			}
			if l.LabelNL != nl || l.LabelEN != en || l.Tariff != l.UnitPrice.String() {
				t.Errorf("%s: labels %q, %q, tariff %q; want %q, %q", tc.name, l.LabelNL, l.LabelEN, l.Tariff, nl, en)
			}
		}
	}
	// Before the grace period has run out (invoiced on 20 March), a day
	// without an attest has no tariff yet: an error that says until when.
	c := baseCase()
	c.InvoiceDate = sd("2025-03-20")
	c.Children[0].Attests = tariff.Seed004AttestBook(old)
	attend(&c, 0, "07:45", "17:00")
	if _, err := Build(c); err == nil || !strings.Contains(err.Error(), "2025-03-25") {
		t.Errorf("within the grace period: %v", err)
	}
}

// An invoice checks the attests it prices, in its period: an old attest of
// kind maximum at 2023's 33.31 that ran into 2024 (when the maximum was
// 34.64) does not stop the invoice of March 2025 (review of 2026-12-01),
// and stops the one of February 2024 that it prices.
func TestOldAttestDoesNotStopLaterInvoices(t *testing.T) {
	s, _ := ScenarioByName("full_time_toddler")
	c := s.Case
	ch := &c.Children[0]
	old := tariff.Attest{ChildCode: ch.Child.Code, Kind: tariff.AttestMaximum, Daily: tariff.MustTariff("33.31"),
		Valid: plan.Period{Start: sd("2023-10-01"), End: sd("2024-02-29")}, Delivered: sd("2023-09-20")}
	ch.Attests.Attests = append([]tariff.Attest{old}, ch.Attests.Attests...)
	if _, err := Build(c); err != nil {
		t.Errorf("March 2025 with an old attest: %v", err)
	}
	c.Month, c.InvoiceDate, c.Period = plan.MustMonth(2024, time.February), sd("2024-03-04"), plan.Period{}
	_, err := Build(c)
	if err == nil || !strings.Contains(err.Error(), "attests[0].daily") {
		t.Errorf("February 2024, priced by the old attest: %v", err)
	}
}
