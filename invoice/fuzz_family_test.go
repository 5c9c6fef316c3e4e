package invoice

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
)

// FuzzFamilyMonth bills arbitrary families with the organiser month of
// seed 004's house rules in March 2025: small inputs that reach the core.
// Either an error, or an invoice whose total is the sum of its lines, with
// one outcome per reserved day and no day billed twice on a care line.
func FuzzFamilyMonth(f *testing.F) {
	om, err := NewOrganiserMonth(plan.MustMonth(2025, time.March), plan.Calendar{}, Seed004HouseRules(), nil)
	if err != nil {
		f.Fatal(err)
	}
	f.Add([]byte(`{"number":"1","invoice_date":"2025-04-03","family":{"id":"F"},"children":[{"child":{"code":"K","birth":"2023-06-12"},"name":"K",` +
		`"plans":[{"kind":"regular","start":"2025-01-01","schedule":{"weeks":[{"monday":[{"start":"07:45","end":"17:15"}],"wednesday":[{"start":"08:00","end":"12:30"}]}]}}],` +
		`"attests":{"attests":[{"child_code":"K","kind":"regular","daily":"24.10","valid":{"start":"2025-01-01","end":"2025-12-31"}}],"grace_days":25,"maximum_when_missing":true},` +
		`"sessions":[{"in":"2025-03-03T07:45:00+01:00","out":"2025-03-03T17:40:00+01:00"},{"in":"2025-03-05T08:00:00+01:00","out":"2025-03-05T11:00:00+01:00"}],` +
		`"absences":[{"period":{"start":"2025-03-10","end":"2025-03-12"},"reported_at":"2025-03-09T10:00:00+01:00"}],"ledger":{"year":2025,"entitlement":"3","used":"2.5"}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var fm FamilyMonth
		if json.Unmarshal(data, &fm) != nil || len(fm.Children) > 4 {
			return
		}
		for _, ch := range fm.Children {
			if len(ch.Sessions) > 200 || len(ch.Absences) > 40 || len(ch.Plans) > 3 || len(ch.Attests.Attests) > 6 || len(ch.Trips) > 20 {
				return
			}
		}
		inv, err := om.Build(fm)
		if err != nil {
			return
		}
		var sum tariff.Money
		for _, l := range inv.Lines {
			sum, _ = sum.Add(l.Amount)
			if want, err := l.UnitPrice.Times(l.Count); err != nil || want != l.Amount {
				t.Fatalf("line %+v: amount is not count × unit price", l)
			}
		}
		if sum != inv.Total {
			t.Fatalf("total %s, lines %s", inv.Total, sum)
		}
		for _, cs := range inv.Children {
			seen := map[plan.Date]bool{}
			for _, o := range cs.Reserved {
				if seen[o.Date] {
					t.Fatalf("%s: two outcomes on %s", cs.Code, o.Date)
				}
				seen[o.Date] = true
			}
		}
		care := map[string]map[plan.Date]bool{}
		for _, l := range inv.Lines {
			if l.Kind != LineCare {
				continue
			}
			if care[l.Child] == nil {
				care[l.Child] = map[plan.Date]bool{}
			}
			for _, d := range l.Dates {
				if care[l.Child][d] {
					t.Fatalf("%s: care billed twice on %s", l.Child, d)
				}
				care[l.Child][d] = true
			}
		}
		_ = inv.Text()
	})
}

// FuzzCredit credits arbitrary lines of an invoice: an error, or a credit
// note whose total is the negated sum of the lines credited, on an account
// that never owes more than the invoice nor less than nothing.
func FuzzCredit(f *testing.F) {
	s, _ := ScenarioByName("late_pickup")
	inv, err := Build(s.Case)
	if err != nil {
		f.Fatal(err)
	}
	f.Add([]byte{0, 1}, []byte{1})
	f.Add([]byte{}, []byte{0, 0})
	f.Fuzz(func(t *testing.T, first, second []byte) {
		lines := func(b []byte) []int {
			if len(b) == 0 {
				return nil
			}
			out := make([]int, len(b))
			for i, x := range b {
				out[i] = int(x) - 2
			}
			return out
		}
		a := NewAccount(inv)
		for i, b := range [][]byte{first, second} {
			next, cn, err := Credit(a, inv, lines(b), "CN", plan.MustParseDate("2025-04-10"), "test")
			if err != nil {
				continue
			}
			var sum tariff.Money
			for _, l := range cn.Lines {
				sum, _ = sum.Add(l.Amount)
			}
			if sum != cn.Total || len(cn.Lines) == 0 {
				t.Fatalf("credit %d: %d lines summing to %s, total %s", i, len(cn.Lines), sum, cn.Total)
			}
			if next.Credited.Sign() < 0 || next.Credited.Cmp(inv.Total) > 0 || (next.State == Credited) != next.Due().IsZero() {
				t.Fatalf("account %+v after crediting %v", next, lines(b))
			}
			a = next
		}
	})
}

// FuzzAccount runs arbitrary payment steps on an account: only the steps
// the states allow succeed (unpaid → processing → paid; credited takes no
// payment), never a panic.
func FuzzAccount(f *testing.F) {
	s, _ := ScenarioByName("full_time_toddler")
	inv, err := Build(s.Case)
	if err != nil {
		f.Fatal(err)
	}
	f.Add([]byte{0, 1, 2, 3})
	f.Fuzz(func(t *testing.T, steps []byte) {
		a := NewAccount(inv)
		for _, st := range steps {
			before := a.State
			var err error
			switch st % 4 {
			case 0:
				a, err = a.StartPayment()
			case 1:
				a, err = a.Pay(plan.MustParseDate("2025-04-20").AddDays(int(st) - 128))
			case 2:
				a, err = a.Pay(plan.Date{})
			default:
				a, _, err = Credit(a, inv, nil, "CN", plan.MustParseDate("2025-04-10"), "x")
			}
			if err != nil && a.State != before {
				t.Fatalf("a refused step changed the state %s → %s", before, a.State)
			}
			if a.State == Paid && a.PaidOn.IsZero() {
				t.Fatal("paid without a day")
			}
		}
	})
}

// FuzzCertificates builds certificates of arbitrary years, births and
// payment days: the totals are the sums of their periods, at most 4 a
// certificate, and no day of care counts twice.
func FuzzCertificates(f *testing.F) {
	var invs []Invoice
	for _, s := range Scenarios() {
		if inv, err := Build(s.Case); err == nil {
			invs = append(invs, inv)
		}
	}
	f.Add(2025, 0, 20, false)
	f.Fuzz(func(t *testing.T, year, birthOffset, paidOffset int, disabled bool) {
		if year < 1900 || year > 2100 {
			return
		}
		var paid []PaidInvoice
		for i, inv := range invs {
			paid = append(paid, PaidInvoice{Invoice: inv, PaidOn: inv.InvoiceDate.AddDays((paidOffset + i) % 400)})
		}
		for _, code := range []string{"K-118", "K-077", "K-301"} {
			child := tariff.Child{Code: code, Birth: plan.MustParseDate("2015-01-01").AddDays(birthOffset % 6000), SevereDisability: disabled}
			certs, err := Certificates(year, child, "x", paid)
			if err != nil {
				continue
			}
			for _, c := range certs {
				var sum tariff.Money
				if len(c.Periods) == 0 || len(c.Periods) > MaxCertificatePeriods {
					t.Fatalf("%d periods", len(c.Periods))
				}
				for _, p := range c.Periods {
					sum, _ = sum.Add(p.Amount)
					if want, _ := p.DailyRate.TimesInt(int64(p.Days)); want != p.Amount {
						t.Fatalf("period %+v: amount is not days × rate", p)
					}
				}
				if sum != c.Total {
					t.Fatalf("certificate total %s, periods %s", c.Total, sum)
				}
			}
			if len(certs) > 0 {
				if _, err := TaxReduction(certs, nil); err != nil && year >= 2019 && year <= 2025 {
					t.Fatalf("tax reduction of %d: %v", year, err)
				}
			}
		}
	})
}

// FuzzAttendanceReport reports arbitrary sets of the scenarios' invoices:
// an error, or every child's days counted once.
func FuzzAttendanceReport(f *testing.F) {
	var invs []Invoice
	for _, s := range Scenarios() {
		if inv, err := Build(s.Case); err == nil {
			invs = append(invs, inv)
		}
	}
	f.Add([]byte{0, 1, 2}, uint8(3))
	f.Fuzz(func(t *testing.T, pick []byte, month uint8) {
		var chosen []Invoice
		for _, p := range pick {
			chosen = append(chosen, invs[int(p)%len(invs)])
		}
		m := plan.MustMonth(2025, time.Month(int(month)%12+1))
		r, err := AttendanceReport(m, chosen)
		if err != nil {
			return
		}
		for _, c := range r.Children {
			n := 0
			for _, b := range []Bucket{c.Present, c.Justified, c.Unjustified} {
				n += b.Min3u + b.Min5u + b.Min11u + b.Min11uFlex
			}
			if n > 31 {
				t.Fatalf("%s: %d days in a month", c.Code, n)
			}
		}
	})
}

// FuzzEstimate estimates arbitrary weekly plans and tariffs: an error, or
// an estimate whose year total is the sum of its months.
func FuzzEstimate(f *testing.F) {
	f.Add(uint8(31), uint16(450), uint16(1035), int64(2410), uint8(2))
	f.Fuzz(func(t *testing.T, days uint8, from, to uint16, cents int64, month uint8) {
		daily, err := tariff.TariffCents(cents)
		if err != nil {
			return
		}
		slots := []plan.Slot{{Start: plan.Clock(from % 1441), End: plan.Clock(to % 1441)}}
		var w plan.Week
		for i, d := range []*[]plan.Slot{&w.Monday, &w.Tuesday, &w.Wednesday, &w.Thursday, &w.Friday, &w.Saturday, &w.Sunday} {
			if days&(1<<i) != 0 {
				*d = slots
			}
		}
		in := EstimateInput{Month: plan.MustMonth(2025, time.Month(int(month)%12+1)), Child: tariff.Child{Birth: plan.MustParseDate("2023-01-01")},
			Plan:  plan.Plan{Kind: plan.KindRegular, Start: plan.MustParseDate("2024-09-02"), Schedule: plan.Schedule{Weeks: []plan.Week{w}}},
			Daily: daily, Rules: Seed004HouseRules()}
		est, err := EstimateMonth(in)
		if err != nil {
			return
		}
		var sum tariff.Money
		for _, m := range est.Months {
			sum, _ = sum.Add(m.Total)
		}
		if sum != est.YearTotal || est.Invoice.Total.Sign() < 0 {
			t.Fatalf("months %s, year %s", sum, est.YearTotal)
		}
	})
}
