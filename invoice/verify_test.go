package invoice

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
	"github.com/shopspring/decimal"
)

func mustBuild(t *testing.T, name string) Invoice {
	t.Helper()
	s, err := ScenarioByName(name)
	if err != nil {
		t.Fatal(err)
	}
	inv, err := Build(s.Case)
	if err != nil {
		t.Fatal(err)
	}
	return inv
}

func TestVerify(t *testing.T) {
	inv := mustBuild(t, "late_pickup")
	if diffs := Verify(inv, ExternalOf(inv)); len(diffs) != 0 {
		t.Fatalf("an invoice verifies against itself: %+v", diffs)
	}
	// Another program billed 2 half hours instead of 3, forgot the waste
	// and got its total wrong.
	ext := ExternalOf(inv)
	var lines []ExternalLine
	for _, l := range ext.Lines {
		switch l.Kind {
		case LineLatePickup:
			l.Count, l.Amount = decimal.NewFromInt(2), tariff.MustMoney("8.00")
		case LineWasteFull:
			continue
		}
		lines = append(lines, l)
	}
	lines = append(lines, ExternalLine{Child: "K-118", Kind: LineHotMeal, Count: decimal.NewFromInt(1), UnitPrice: tariff.MustMoney("3.00"), Amount: tariff.MustMoney("3.10")})
	ext.Lines = lines
	wrong, _ := inv.Total.Sub(tariff.MustMoney("2.69"))
	ext.Total = &wrong
	var got []string
	for _, d := range Verify(inv, ext) {
		got = append(got, d.What+" "+string(d.Kind))
		if d.Message == "" {
			t.Errorf("difference without message: %+v", d)
		}
	}
	want := []string{"count late_pickup", "amount late_pickup", "arithmetic hot_meal", "unexpected hot_meal", "missing waste_full", "total "}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	for _, d := range Verify(inv, ext) {
		if d.What == "count" && !strings.Contains(d.Message, "seed 004") {
			t.Errorf("a difference names the rule behind the expected value: %s", d.Message)
		}
	}
}

// Seed 000: unpaid → processing → paid; a credit note reverses all or part
// of an invoice; a credited invoice takes no payment.
func TestPaymentsAndCredit(t *testing.T) {
	inv := mustBuild(t, "full_time_toddler")
	a := NewAccount(inv)
	a, err := a.StartPayment()
	if err != nil || a.State != Processing {
		t.Fatal(a.State, err)
	}
	if _, err := a.StartPayment(); !errors.Is(err, CodeIllegalPayment) {
		t.Errorf("start twice: %v", err)
	}
	paid, err := a.Pay(plan.MustParseDate("2025-04-20"))
	if err != nil || paid.State != Paid {
		t.Fatal(paid.State, err)
	}
	if _, _, err := Credit(paid, inv, nil, "CN-1", plan.MustParseDate("2025-04-21"), "fout"); !errors.Is(err, CodeIllegalPayment) {
		t.Errorf("crediting a paid invoice: %v", err)
	}

	// Credit the waste line only: the rest stays payable.
	b := NewAccount(inv)
	b, cn, err := Credit(b, inv, []int{1}, "CN-2", plan.MustParseDate("2025-04-10"), "afval ten onrechte aangerekend")
	if err != nil || !cn.Total.Equal(tariff.MustMoney("-2.60")) || b.State != Unpaid || !b.Due().Equal(sub(inv.Total, tariff.MustMoney("2.60"))) {
		t.Fatalf("partial credit: %+v %+v %v", b, cn, err)
	}
	// Credit the rest: fully credited, no payment possible.
	b, cn, err = Credit(b, inv, []int{0, 2}, "CN-3", plan.MustParseDate("2025-04-11"), "factuur vervangen")
	if err != nil || b.State != Credited || !b.Due().IsZero() || len(b.CreditNotes) != 2 {
		t.Fatalf("full credit: %+v %v", b, err)
	}
	if _, err := b.Pay(plan.MustParseDate("2025-04-20")); !errors.Is(err, CodeIllegalPayment) {
		t.Errorf("paying a credited invoice: %v", err)
	}
	if _, _, err := Credit(NewAccount(inv), inv, []int{0, 0}, "CN-4", plan.MustParseDate("2025-04-11"), ""); err == nil {
		t.Error("a line twice in one note")
	}
}

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
	certs, _ = Certificates(2026, child, "Noor Peeters", paid)
	if len(certs) != 1 || len(certs[0].Periods) != 2 || !certs[0].Total.Equal(tariff.MustMoney("231.05")) {
		t.Fatalf("2026: %+v", certs)
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

func TestAttendanceReport(t *testing.T) {
	ill := mustBuild(t, "ill_sent_home")
	r, err := AttendanceReport(ill.Month, []Invoice{ill})
	if err != nil {
		t.Fatal(err)
	}
	want := ReportChild{Code: "K-118", Present: Bucket{Min5u: 1, Min11u: 11}, Justified: Bucket{Min11u: 1}}
	if diff := cmp.Diff([]ReportChild{want}, r.Children); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	school := mustBuild(t, "after_school")
	r, _ = AttendanceReport(school.Month, []Invoice{school})
	if !r.Children[0].AfterSchool || r.Children[0].Present.Min3u != 7 || r.Children[0].Present.Min11u != 3 {
		t.Errorf("after school: %+v", r.Children[0])
	}
	if _, err := AttendanceReport(plan.MustMonth(2025, 4), []Invoice{ill}); err == nil {
		t.Error("an invoice of another month")
	}
}

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

// Transport is billed per km at the rate the organiser supplies; without a
// rate a trip is an error.
func TestTransport(t *testing.T) {
	s, _ := ScenarioByName("full_time_toddler")
	c := s.Case
	c.Children[0].Trips = []Trip{{Date: plan.MustParseDate("2025-03-12"), Km: decimal.RequireFromString("7.4")}, {Date: plan.MustParseDate("2025-03-19"), Km: decimal.RequireFromString("3.3")}}
	if _, err := Build(c); !errors.Is(err, plan.CodeMissing) {
		t.Fatalf("a trip without a rate: %v", err)
	}
	c.Rules.TransportPerKm = Prices{{From: plan.MustParseDate("2025-01-01"), Amount: tariff.MustMoney("0.4000")}}
	inv, err := Build(c)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range inv.Lines {
		if l.Kind == LineTransport && (!l.Count.Equal(decimal.RequireFromString("10.7")) || l.Amount.String() != "4.28") {
			t.Errorf("transport line %+v", l)
		}
	}
}

// sub is a − b for amounts known to be in range.
func sub(a, b tariff.Money) tariff.Money {
	d, err := a.Sub(b)
	if err != nil {
		panic(err)
	}
	return d
}
