package monthend

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/kinderopvang/regels/invoice"
	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
	"github.com/shopspring/decimal"
)

// paidSample bills n sample families and pays every invoice on paidOn.
func paidSample(t *testing.T, n int, paidOn string) Paid {
	t.Helper()
	cases := SampleCases(n)
	res := Run(SampleOrganiser(), inputs(cases), Options{})
	var p Paid
	for i, f := range res.Families {
		if !f.Billed {
			t.Fatalf("families[%d]: %v", i, f.Problems)
		}
		p.Paid = append(p.Paid, invoice.PaidInvoice{Invoice: f.Invoice, PaidOn: plan.MustParseDate(paidOn)})
		for _, ch := range cases[i].Children {
			p.Children = append(p.Children, PaidChild{Code: ch.Child.Code, Name: ch.Name, Birth: ch.Child.Birth})
		}
	}
	return p
}

// Each child's certificates are invoice.Certificates of the invoices paid
// in the year; each household's reduction invoice.TaxReduction of its
// children's certificates. Source: FOD Financiën, 281.86 and the tax
// reduction for childcare.
func TestYearEndIsCertificates(t *testing.T) {
	p := paidSample(t, 14, "2025-04-20")
	res := YearEnd(2025, p)
	if !res.OK() || len(res.Children) != len(p.Children) || len(res.Households) != 14 {
		t.Fatalf("ok %v, %d children, %d households: %v", res.OK(), len(res.Children), len(res.Households), res.Problems)
	}
	byCode := map[string][]invoice.Certificate{}
	for i, c := range p.Children {
		want, err := invoice.Certificates(2025, tariff.Child{Code: c.Code, Birth: c.Birth}, c.Name, p.Paid)
		if err != nil {
			t.Fatal(err)
		}
		got := res.Children[i]
		if got.Code != c.Code || len(got.Problems) > 0 {
			t.Fatalf("children[%d]: %s %v", i, got.Code, got.Problems)
		}
		if diff := cmp.Diff(want, got.Certificates, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("children[%d] (-want +got):\n%s", i, diff)
		}
		byCode[c.Code] = want
	}
	for _, h := range res.Households {
		var certs []invoice.Certificate
		for _, code := range h.Children {
			certs = append(certs, byCode[code]...)
		}
		want, err := invoice.TaxReduction(certs, nil)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, h.Reduction); diff != "" {
			t.Fatalf("family %s (-want +got):\n%s", h.Family.ID, diff)
		}
	}
	// Paid in another year: no certificate, no household.
	res = YearEnd(2024, p)
	if !res.OK() || len(res.Households) != 0 || slices.ContainsFunc(res.Children, func(c ChildCertificates) bool { return len(c.Certificates) > 0 }) {
		t.Errorf("2024: %+v", res)
	}
}

// Problems of one child or household never stop the others.
func TestYearEndProblems(t *testing.T) {
	t.Run("a child not listed", func(t *testing.T) {
		p := paidSample(t, 3, "2025-04-20")
		gone := p.Children[1]
		p.Children = slices.Delete(p.Children, 1, 2)
		res := YearEnd(2025, p)
		if len(res.Problems) != 1 || res.Problems[0].Code != CodeUnknownChild || res.Problems[0].Field != "paid[1].invoice.lines[0].child" ||
			!strings.Contains(res.Problems[0].Message, gone.Code) {
			t.Fatalf("%v", res.Problems)
		}
		for _, c := range res.Children {
			if len(c.Certificates) == 0 {
				t.Errorf("child %s has no certificate", c.Code)
			}
		}
	})
	t.Run("an invoice paid twice", func(t *testing.T) {
		p := paidSample(t, 3, "2025-04-20")
		want := YearEnd(2025, p)
		p.Paid = append(p.Paid, p.Paid[2])
		p.Paid[3].PaidOn = plan.MustParseDate("2025-05-02")
		res := YearEnd(2025, p)
		if len(res.Problems) != 1 || res.Problems[0].Code != CodeDuplicate || res.Problems[0].Field != "paid[3].invoice.number" {
			t.Fatalf("%v", res.Problems)
		}
		if diff := cmp.Diff(want.Children, res.Children, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("the second payment counted (-once +twice):\n%s", diff)
		}
	})
	// Found by the review of 2026-12-01: a credit note's problem named the
	// child's own list of invoices, not the paid file.
	t.Run("a credit note for another invoice", func(t *testing.T) {
		p := paidSample(t, 3, "2025-04-20")
		inv := p.Paid[2].Invoice
		_, cn, err := invoice.Credit(invoice.NewAccount(inv), inv, nil, "CN-9", plan.MustParseDate("2025-04-10"), "test")
		if err != nil {
			t.Fatal(err)
		}
		cn.Invoice = "elsewhere"
		p.Paid[2].Credits = []invoice.CreditNote{cn}
		res := YearEnd(2025, p)
		var fields []string
		for _, c := range res.Children {
			for _, q := range c.Problems {
				fields = append(fields, q.Field)
			}
		}
		if !slices.Equal(fields, []string{"paid[2].credits[0].invoice"}) {
			t.Fatalf("problems at %v, want paid[2].credits[0].invoice", fields)
		}
	})
	t.Run("no payment date", func(t *testing.T) {
		p := paidSample(t, 2, "2025-04-20")
		p.Paid[0].PaidOn = plan.Date{}
		res := YearEnd(2025, p)
		if len(res.Problems) != 1 || res.Problems[0].Field != "paid[0].paid_on" || len(res.Children[1].Certificates) == 0 {
			t.Fatalf("%v", res.Problems)
		}
	})
	t.Run("a child without birth date, one listed twice, one without code", func(t *testing.T) {
		p := paidSample(t, 3, "2025-04-20")
		p.Children[0].Birth = plan.Date{}
		p.Children = append(p.Children, p.Children[1], PaidChild{Name: "Nobody"})
		res := YearEnd(2025, p)
		fields := func(c ChildCertificates) string {
			if len(c.Problems) == 0 {
				return ""
			}
			return string(c.Problems[0].Code) + " " + c.Problems[0].Field
		}
		got := []string{fields(res.Children[0]), fields(res.Children[3]), fields(res.Children[4])}
		want := []string{"missing children[0].birth", "duplicate children[3].code", "missing children[4].code"}
		if !slices.Equal(got, want) || len(res.Children[1].Certificates) == 0 {
			t.Errorf("%v, want %v", got, want)
		}
		h := res.Households[0]
		if len(h.Problems) != 1 || !strings.Contains(h.Problems[0].Message, "no certificates") || !h.Reduction.Total.IsZero() {
			t.Errorf("the household of a child without certificate: %v", h.Problems)
		}
		if len(res.Households[1].Problems) > 0 || res.Households[1].Reduction.Total.IsZero() {
			t.Errorf("another household: %v", res.Households[1].Problems)
		}
	})
	t.Run("a year without tax cap", func(t *testing.T) {
		p := paidSample(t, 2, "2026-01-10")
		res := YearEnd(2026, p)
		if len(res.Households) != 2 || !res.Households[0].Problems.Has(tariff.CodeUnknownYear) || len(res.Children[0].Certificates) == 0 {
			t.Fatalf("%+v", res.Households)
		}
		p.Caps = []invoice.TaxCap{{Year: 2026, PerDay: tariff.MustMoney("17.40"), Source: "test"}}
		if res := YearEnd(2026, p); !res.OK() || res.Households[0].Reduction.Cap.PerDay != tariff.MustMoney("17.40") {
			t.Errorf("with the cap: %v", res.Households[0].Problems)
		}
	})
	t.Run("a child of two families", func(t *testing.T) {
		// The first half of the child's days of care invoiced to its family,
		// the second half to another (a day is paid once: each half once).
		p := paidSample(t, 2, "2025-04-20")
		first, other := &p.Paid[0].Invoice, p.Paid[0]
		other.Invoice.Number += "-b"
		other.Invoice.Family.ID = "F-OTHER"
		other.Invoice.Lines = slices.Clone(first.Lines)
		for k := range first.Lines {
			if l := &first.Lines[k]; l.Deductible {
				half := len(l.Dates) / 2
				o := &other.Invoice.Lines[k]
				l.Dates, o.Dates = l.Dates[:half:half], l.Dates[half:]
				for _, x := range []*invoice.Line{l, o} {
					var err error
					x.Count = decimal.NewFromInt(int64(len(x.Dates)))
					if x.Amount, err = x.UnitPrice.Times(x.Count); err != nil {
						t.Fatal(err)
					}
				}
			}
		}
		p.Paid = append(p.Paid, other)
		res := YearEnd(2025, p)
		var two []Household
		for _, h := range res.Households {
			if len(h.Problems) > 0 {
				two = append(two, h)
			}
		}
		if len(two) != 2 || !strings.Contains(two[0].Problems[0].Message, "F-OTHER") || len(res.Children[0].Certificates) == 0 {
			t.Errorf("%+v", res.Households)
		}
	})
}

// The CSV opens in a Belgian spreadsheet: BOM, semicolons, decimal commas,
// DD/MM/YYYY, CRLF; one row per certificate period.
func TestCertificatesCSV(t *testing.T) {
	p := paidSample(t, 7, "2025-04-20")
	res := YearEnd(2025, p)
	b := CertificatesCSV(res.Children)
	if !bytes.HasPrefix(b, []byte("\uFEFFkindcode;naam;jaar;attest;begin;einde;dagen;dagprijs;dagtarief;bedrag\r\n")) {
		t.Fatalf("header: %q", b[:min(len(b), 120)])
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\uFEFF"))))
	r.Comma = ';'
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	periods := 0
	for _, c := range res.Children {
		for _, cert := range c.Certificates {
			periods += len(cert.Periods)
		}
	}
	if len(rows) != periods+1 {
		t.Fatalf("%d rows for %d periods", len(rows), periods)
	}
	first := res.Children[0].Certificates[0].Periods[0]
	want := []string{res.Children[0].Code, res.Children[0].Name, "2025", "1",
		first.Period.Start.In(time.UTC).Format("02/01/2006"), first.Period.End.In(time.UTC).Format("02/01/2006"),
		itoa(first.Days), strings.Replace(first.DailyRate.String(), ".", ",", 1), strings.Replace(first.DailyTariff, ".", ",", 1),
		strings.Replace(first.Amount.String(), ".", ",", 1)}
	if diff := cmp.Diff(want, rows[1]); diff != "" {
		t.Errorf("the first row (-want +got):\n%s", diff)
	}
	if !strings.Contains(rows[1][7], ",") || strings.Contains(strings.Join(rows[1][6:], ""), ".") {
		t.Errorf("amounts without decimal comma: %v", rows[1])
	}
	// Formulas are defused; a name with a semicolon is quoted.
	c := ChildCertificates{Code: "=1+1", Name: "Noor; Peeters", Certificates: []invoice.Certificate{{Year: 2025, Child: "=1+1", Name: "@Noor; Peeters",
		Periods: []invoice.CertificatePeriod{{Period: plan.Period{Start: plan.MustParseDate("2025-03-03"), End: plan.MustParseDate("2025-03-31")},
			Days: 13, DailyRate: tariff.MustMoney("24.10"), DailyTariff: "24.10", Amount: tariff.MustMoney("313.30")}}}}}
	got := string(CertificatesCSV([]ChildCertificates{c}))
	if !strings.Contains(got, "\r\n'=1+1;\"'@Noor; Peeters\";2025;1;03/03/2025;31/03/2025;13;24,10;24,10;313,30\r\n") {
		t.Errorf("%q", got)
	}
}

// Seed 004 §3.7: "een fiscaal attest van de betaalde kosten". March 2025
// billed twice, under two numbers, one paid in April 2025 and the other in
// January 2026: the 2025 certificate holds March, and the 2026 year end
// does not certify it again but says so, at the later payment's place in
// the paid file (review of 2026-12-01).
func TestYearEndDayPaidInTwoYears(t *testing.T) {
	p := paidSample(t, 1, "2025-04-20")
	again := p.Paid[0]
	again.Invoice.Number += "-bis"
	again.PaidOn = plan.MustParseDate("2026-01-10")
	p.Paid = append(p.Paid, again)
	if res := YearEnd(2025, p); !res.OK() || len(res.Children[0].Certificates) != 1 {
		t.Fatalf("2025: %+v", res)
	}
	res := YearEnd(2026, p)
	ps := res.Children[0].Problems
	if res.OK() || len(ps) == 0 || ps[0].Field != "paid[1].invoice" || !strings.Contains(ps[0].Message, "paid on 2025-04-20, bills too") {
		t.Errorf("2026: %+v", ps)
	}
}

// The paid file's caps are checked once: an invalid one is a problem of
// the result at caps[i], and no household gets a reduction from it.
func TestYearEndChecksCaps(t *testing.T) {
	p := paidSample(t, 2, "2025-04-20")
	p.Caps = []invoice.TaxCap{{Year: 2025, PerDay: tariff.MustMoney("1690.00"), Source: "typed by hand"}}
	res := YearEnd(2025, p)
	if res.OK() || len(res.Problems) != 1 || res.Problems[0].Field != "caps[0].per_day" {
		t.Fatalf("%+v", res.Problems)
	}
	for _, h := range res.Households {
		if len(h.Problems) != 1 || h.Problems[0].Field != "caps" || !h.Reduction.Total.IsZero() {
			t.Errorf("household %s: %+v, %+v", h.Family.ID, h.Problems, h.Reduction)
		}
	}
}

// A paid file is read as strictly as a case: a value of the wrong format is
// a problem at its path, with line and column, every one at once (review of
// 2026-12-01: "1e1" for a cap stopped at the first problem, without a path).
func TestDecodePaidSaysWhere(t *testing.T) {
	_, err := DecodePaid([]byte(`{"children": [], "paid": [], "caps": [{"year": 2025, "per_day": "1e1", "source": "x"}, {"year": 2025, "per_day": 16.90, "source": "x"}]}`))
	ps := problemsOf(err)
	if len(ps) != 2 || ps[0].Field != "caps[0].per_day" || ps[1].Field != "caps[1].per_day" || !strings.Contains(ps[0].Message, "line 1, column") {
		t.Errorf("%v", err)
	}
}
