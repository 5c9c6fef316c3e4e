package invoice

import (
	"strings"
	"testing"
	"time"

	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
	"github.com/shopspring/decimal"
)

// Only the care itself, only paid in the year, only before the 14th
// birthday, at most 4 periods a certificate (federal rule; seed 004 §3.7).
func TestCertificates(t *testing.T) {
	full := mustBuild(t, "full_time_toddler")
	change := mustBuild(t, "attest_change")
	change.Number = "2025-03-0099"
	paid := []PaidInvoice{
		{Invoice: full, PaidOn: plan.MustParseDate("2025-04-20")},
		{Invoice: change, PaidOn: plan.MustParseDate("2026-01-05")}, // paid the next year: not on the 2025 certificate
	}
	child := tariff.Child{Code: "K-118", Birth: plan.MustParseDate("2023-06-12")}
	certs, err := Certificates(2025, child, "Noor Peeters", paid)
	if err != nil {
		t.Fatal(err)
	}
	if len(certs) != 1 || len(certs[0].Periods) != 1 || certs[0].Periods[0].Days != 20 || !certs[0].Total.Equal(tariff.MustMoney("482.00")) {
		t.Fatalf("2025: %+v", certs)
	}
	// The care of 2026's payment only, and nothing of the waste or admin.
	certs, _ = Certificates(2026, child, "Noor Peeters", paid[1:])
	if len(certs) != 1 || len(certs[0].Periods) != 2 || !certs[0].Total.Equal(tariff.MustMoney("231.05")) {
		t.Fatalf("2026: %+v", certs)
	}
	// Both invoices bill March 2025: given the 2025 payment too, the 2026
	// certificate does not certify its days a second time.
	if certs, err := Certificates(2026, child, "Noor Peeters", paid); err == nil || !strings.Contains(err.Error(), "paid on 2025-04-20, bills too") {
		t.Fatalf("2026 after 2025: %+v, %v", certs, err)
	}
	// Turning 14 on 15 March: only the days before.
	older := tariff.Child{Code: "K-118", Birth: plan.MustParseDate("2011-03-15")}
	certs, _ = Certificates(2025, older, "", paid)
	if certs[0].Periods[0].Period.End != plan.MustParseDate("2025-03-14") || certs[0].Periods[0].Days != 10 {
		t.Fatalf("14th birthday: %+v", certs[0].Periods)
	}
	// Five tariffs make two certificates.
	var many []PaidInvoice
	for i, tr := range []string{"10.00", "11.00", "12.00", "13.00", "14.00"} {
		inv := Invoice{Number: tr, Lines: []Line{{Child: "K-118", Kind: LineCare, Deductible: true, Tariff: tr, UnitPrice: tariff.MustMoney(tr),
			Count: decimal.NewFromInt(1), Amount: tariff.MustMoney(tr), Dates: []plan.Date{plan.MustDate(2025, time.Month(1+2*i), 6)}}}}
		many = append(many, PaidInvoice{Invoice: inv, PaidOn: plan.MustParseDate("2025-12-20")})
	}
	certs, _ = Certificates(2025, child, "", many)
	if len(certs) != 2 || len(certs[0].Periods) != MaxCertificatePeriods || len(certs[1].Periods) != 1 {
		t.Fatalf("periods per certificate: %d certificates", len(certs))
	}
}
