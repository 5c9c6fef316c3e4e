package invoice

import (
	"testing"
	"time"

	"github.com/kinderopvang/regels/absence"
	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
	"github.com/shopspring/decimal"
)

// testAmounts are yearly amounts for a year the library does not know:
// test data a caller would supply (DESIGN §2: "supplying them must be a
// data change"), not statutory values.
func testAmounts(year int) tariff.AmountTable {
	a := func(kind tariff.AmountKind, v string) tariff.Amount {
		return tariff.Amount{Year: year, Kind: kind, Value: tariff.MustTariff(v), Source: "test data"}
	}
	return tariff.AmountTable{a(tariff.Lowest, "1.50"), a(tariff.ExceptionalMinimum, "3.00"), a(tariff.StandardMinimum, "5.00"),
		a(tariff.Maximum, "30.00"), a(tariff.ReductionPerChild, "3.00")}
}

// tuesdayCase is a toddler on Tuesdays 08:00–17:00 in month m, at a daily
// tariff of 20.00 for the whole year, with a fresh ledger of 18 days.
func tuesdayCase(m plan.Month, invoiceDate plan.Date) Case {
	y := m.Year()
	year := plan.Period{Start: plan.MustDate(y, 1, 1), End: plan.MustDate(y, 12, 31)}
	ch := Child{
		Child:    tariff.Child{Code: "K-1", Birth: plan.MustDate(y-2, 1, 1)},
		Name:     "Noor",
		Location: tariff.Location{ID: "OO-Els"},
		Plans:    []plan.Plan{{Kind: plan.KindRegular, Start: year.Start, End: year.End, Schedule: plan.Schedule{Weeks: []plan.Week{{Tuesday: slot("08:00", "17:00")}}}}},
		Attests:  tariff.AttestBook{Attests: []tariff.Attest{{ChildCode: "K-1", Kind: tariff.AttestRegular, Daily: tariff.MustTariff("20.00"), Valid: year}}},
		Ledger:   absence.Ledger{Year: y, Entitlement: decimal.NewFromInt(18), Used: decimal.Zero},
	}
	return Case{Month: m, Number: "L-" + m.String(), InvoiceDate: invoiceDate, Family: Family{ID: "F-1"}, Children: []Child{ch},
		Rules: Seed004HouseRules(), Amounts: testAmounts(y)}
}

// 2000 is a leap year (divisible by 400): February 2000 has 29 days, and
// Tuesday 29 February is a reserved day of care like the others. Its five
// Tuesdays (1, 8, 15, 22, 29) are 5 × 20.00 + 5 × 0.13 + 3.50 = 104.15.
func TestFebruaryOfALeapCentury(t *testing.T) {
	c := tuesdayCase(plan.MustMonth(2000, time.February), sd("2000-03-01"))
	attend(&c, 0, "08:00", "17:00")
	inv, err := Build(c)
	if err != nil {
		t.Fatal(err)
	}
	care := linesOfKind(inv, LineCare)
	if len(care) != 1 || !care[0].Count.Equal(decimal.NewFromInt(5)) || care[0].Dates[4] != sd("2000-02-29") {
		t.Fatalf("care %+v, want 5 days to 29 February", care)
	}
	if inv.Total != tariff.MustMoney("104.15") || inv.Period.End != sd("2000-02-29") {
		t.Errorf("total %s, period %s; want 104.15 to 29 February", inv.Total, inv.Period)
	}
}

// Seed 004 §3.6: "Betaal de factuur binnen de termijn voorzien op de
// factuur, deze bedraagt 1 maand na opmaak factuur." A month after
// 31 January is the last day of February: the 29th in the leap years 2000
// and 2400 (divisible by 400), the 28th in 2100 (divisible by 100 only).
// The term is the house rules' PaymentTermMonths: 3 months after
// 30 November 2099 is the last day of February 2100, the 28th.
func TestDueDateAcrossLeapDays(t *testing.T) {
	for _, tc := range []struct {
		month   plan.Month
		invoice string
		term    int
		due     string
	}{
		{plan.MustMonth(2000, time.January), "2000-01-31", 1, "2000-02-29"},
		{plan.MustMonth(2100, time.January), "2100-01-31", 1, "2100-02-28"},
		// A case bills a month of 1900–2100; its invoice date may lie
		// later (TestMonthOutsideTheYears).
		{plan.MustMonth(2100, time.January), "2400-01-31", 1, "2400-02-29"},
		{plan.MustMonth(2099, time.November), "2099-11-30", 3, "2100-02-28"},
		{plan.MustMonth(2000, time.January), "2000-01-15", 12, "2001-01-15"},
	} {
		c := tuesdayCase(tc.month, sd(tc.invoice))
		c.Rules.PaymentTermMonths = tc.term
		if tc.month.Year() <= plan.MaxSessionYear {
			attend(&c, 0, "08:00", "17:00")
		}
		inv, err := Build(c)
		if err != nil {
			t.Fatalf("%s: %v", tc.month, err)
		}
		if inv.DueDate != sd(tc.due) {
			t.Errorf("invoice of %s, %d month(s): due %s, want %s", tc.invoice, tc.term, inv.DueDate, tc.due)
		}
	}
	// A due date past 9999-12-31 is an error naming the invoice date.
	c := tuesdayCase(plan.MustMonth(2100, time.December), sd("9999-12-15"))
	if _, err := Build(c); !hasField(err, "invoice_date") {
		t.Errorf("due date past 9999: %v", err)
	}
}

// A case bills a month of 1900–2100, the years its sessions may have: the
// day frames count Unix nanoseconds, which reach 1678–2262 only, and a
// month beyond them once billed a stay of 2015 as care on 7 January 2600
// (found by review). It is an error at "month", with every other problem.
func TestMonthOutsideTheYears(t *testing.T) {
	for _, m := range []plan.Month{plan.MustMonth(1899, time.December), plan.MustMonth(2101, time.January), plan.MustMonth(2400, time.January),
		plan.MustMonth(2600, time.January), plan.MustMonth(9999, time.December), plan.MustMonth(3, time.January)} {
		c := tuesdayCase(m, m.Last())
		_, err := Build(c)
		if !hasField(err, "month") {
			t.Errorf("%s: %v", m, err)
		}
		if err := c.Validate(); !hasField(err, "month") {
			t.Errorf("%s: Validate: %v", m, err)
		}
		if _, err := NewOrganiserMonth(m, c.Calendar, c.Rules, c.Amounts); !hasField(err, "month") {
			t.Errorf("%s: NewOrganiserMonth: %v", m, err)
		}
	}
	for _, m := range []plan.Month{plan.MustMonth(1900, time.January), plan.MustMonth(2100, time.December)} {
		c := tuesdayCase(m, m.Last())
		attend(&c, 0, "08:00", "17:00")
		if _, err := Build(c); err != nil {
			t.Errorf("%s: %v", m, err)
		}
	}
}
