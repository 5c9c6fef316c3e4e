package invoice

import (
	"fmt"
	"pgregory.net/rapid"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/kinderopvang/regels/absence"
	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
)

// periodOf is case c's first child invoiced for period p alone, under
// number: its sessions, agreed late pick-ups and absences of p.
func periodOf(c Case, number string, p plan.Period) Case {
	c.Number, c.Period = number, p
	c.Children = slices.Clone(c.Children)
	ch := &c.Children[0]
	ch.Sessions = slices.DeleteFunc(slices.Clone(ch.Sessions), func(s plan.Session) bool { return !p.Contains(plan.DateOf(s.In.In(plan.Brussels()))) })
	ch.AgreedLatePickup = slices.DeleteFunc(slices.Clone(ch.AgreedLatePickup), func(d plan.Date) bool { return !p.Contains(d) })
	ch.Absences = slices.DeleteFunc(slices.Clone(ch.Absences), func(a absence.Absence) bool { return !a.Period.Overlaps(p) })
	return c
}

// Seed 004 §3.7: "een fiscaal attest van de betaalde kosten" — what was paid
// once is certified once (found by the audit of 2026-12-01: the same
// invoice given twice, or a first invoice of half the month beside the
// whole month's, certified each day twice and raised the tax reduction).
// A day of care billed by two paid invoices is a problem at the second,
// unless a credit note took it back from the first.
func TestCertificatesCountADayOnce(t *testing.T) {
	s, _ := ScenarioByName("late_pickup")
	whole, err := Build(s.Case)
	if err != nil {
		t.Fatal(err)
	}
	child := s.Case.Children[0].Child
	once, err := Certificates(2025, child, "Noor", []PaidInvoice{{Invoice: whole, PaidOn: sd("2025-04-20")}})
	if err != nil || len(once) != 1 {
		t.Fatalf("the invoice once: %v, %v", once, err)
	}
	days := 0
	for _, p := range once[0].Periods {
		days += p.Days
	}

	// The first half of the month on an invoice of its own.
	c := periodOf(s.Case, whole.Number+"-A", plan.Period{Start: whole.Period.Start, End: whole.Period.Start.AddDays(14)})
	part, err := Build(c)
	if err != nil {
		t.Fatal(err)
	}
	partDays := 0
	for _, l := range part.Lines {
		if l.Deductible {
			partDays += len(l.Dates)
		}
	}
	if partDays == 0 || partDays >= days {
		t.Fatalf("the first half bills %d of %d days of care", partDays, days)
	}

	for _, tc := range []struct {
		name   string
		paid   []PaidInvoice
		field  string
		date   plan.Date
		phrase string
	}{
		{"the same invoice twice", []PaidInvoice{{Invoice: whole, PaidOn: sd("2025-04-10")}, {Invoice: whole, PaidOn: sd("2025-04-20")}},
			"paid[1].invoice.number", plan.Date{}, "was paid before, on 2025-04-10"},
		{"a day on two invoices", []PaidInvoice{{Invoice: part, PaidOn: sd("2025-03-20")}, {Invoice: whole, PaidOn: sd("2025-04-20")}},
			"paid[1].invoice", part.Lines[0].Dates[0], "which invoice " + part.Number + ", paid on 2025-03-20, bills too"},
		// In the order paid, not the order given.
		{"a day on two invoices, the later given first", []PaidInvoice{{Invoice: whole, PaidOn: sd("2025-04-20")}, {Invoice: part, PaidOn: sd("2025-03-20")}},
			"paid[0].invoice", part.Lines[0].Dates[0], "which invoice " + part.Number + ", paid on 2025-03-20, bills too"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			certs, err := Certificates(2025, child, "Noor", tc.paid)
			if err == nil {
				t.Fatalf("certified %+v", certs)
			}
			ps := plan.AsProblems(err)
			if ps[0].Field != tc.field || ps[0].Date != tc.date || ps[0].Code != plan.CodeOverlap || !strings.Contains(ps[0].Message, tc.phrase) {
				t.Errorf("first problem %+v, want %s on %s saying %q", ps[0], tc.field, tc.date, tc.phrase)
			}
			if strings.HasSuffix(tc.field, "].invoice") && len(ps) != partDays {
				t.Errorf("%d problems, want one for each of the %d days billed twice", len(ps), partDays)
			}
		})
	}

	// A payment without its day is no payment: it certifies nothing and
	// takes no day from the one that was paid (review of 2026-12-01).
	if certs, err := Certificates(2025, child, "Noor", []PaidInvoice{{Invoice: part}, {Invoice: whole, PaidOn: sd("2025-04-20")}}); err != nil || len(certs) != 1 || certs[0].Total != once[0].Total {
		t.Errorf("an unpaid first half: %+v, %v", certs, err)
	}

	// The first half paid in 2025, the whole month only in January 2026:
	// 2025's certificate holds the first half, and 2026's does not certify
	// those days again, and says so.
	across := []PaidInvoice{{Invoice: part, PaidOn: sd("2025-03-20")}, {Invoice: whole, PaidOn: sd("2026-01-05")}}
	if certs, err := Certificates(2026, child, "Noor", across); err == nil || len(plan.AsProblems(err)) != partDays {
		t.Errorf("a day paid in 2025 and again in 2026: %+v, %v", certs, err)
	}
	if certs, err := Certificates(2025, child, "Noor", across); err != nil || len(certs) != 1 {
		t.Errorf("2025: %+v, %v", certs, err)
	}

	// The first invoice credited in full, as the whole month replaces it:
	// each day once, as many as the whole month's.
	care := -1
	for i, l := range part.Lines {
		if l.Deductible {
			care = i
		}
	}
	acc, cn, err := Credit(NewAccount(part), part, []int{care}, "CN-9", sd("2025-04-02"), "vervangen door de factuur van de hele maand")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := acc.Pay(sd("2025-04-03")); err != nil {
		t.Fatal(err)
	}
	certs, err := Certificates(2025, child, "Noor", []PaidInvoice{{Invoice: part, PaidOn: sd("2025-04-03"), Credits: []CreditNote{cn}}, {Invoice: whole, PaidOn: sd("2025-04-20")}})
	if err != nil || len(certs) != 1 || certs[0].Total != once[0].Total {
		t.Errorf("the replaced invoice credited: %+v, %v; want the whole month's %s", certs, err, once[0].Total)
	}
}

// Seed 004 §2.1.2: a full day includes "2 maaltijden (warme maaltijd en
// vieruurtje)", §3.5.1 "€3 voor een warme maaltijd": one hot meal a day. A
// day listed twice was billed twice (audit of 2026-12-01); it is a problem
// where it stands.
func TestHotMealListedTwice(t *testing.T) {
	s, err := ScenarioByName("after_school")
	if err != nil {
		t.Fatal(err)
	}
	c := s.Case
	ch := &c.Children[0]
	if len(ch.HotMeals) == 0 {
		t.Fatal("the scenario serves no hot meal")
	}
	if _, err := Build(c); err != nil {
		t.Fatal(err)
	}
	ch.HotMeals = append(ch.HotMeals, ch.HotMeals[0])
	_, err = Build(c)
	want := "children[0].hot_meals[" + strconv.Itoa(len(ch.HotMeals)-1) + "]"
	if ps := plan.AsProblems(err); len(ps) != 1 || ps[0].Field != want || ps[0].Date != ch.HotMeals[0] || !strings.Contains(ps[0].Message, "listed twice (also hot_meals[0])") {
		t.Errorf("a hot meal listed twice: %v, want one problem at %s", err, want)
	}
}

// Seed 004 §3.1: "Bezorg ons je nieuwe attest uiterlijk 25 dagen na de
// einddatum van je eerdere attest". A grace of millions of days ran past
// 9999-12-31 and billed the gap at the maximum for an attest delivered
// three days into it (audit of 2026-12-01); a grace of more than a year is
// refused, and one that would run past the calendar still connects.
func TestGraceDaysBounded(t *testing.T) {
	old := tariff.Attest{ChildCode: "K", Kind: tariff.AttestRegular, Daily: tariff.MustTariff("24.10"), Valid: plan.Period{Start: sd("2025-01-01"), End: sd("2025-04-30")}}
	next := tariff.Attest{ChildCode: "K", Kind: tariff.AttestRegular, Daily: tariff.MustTariff("21.40"), Valid: plan.Period{Start: sd("2025-05-11"), End: sd("2025-12-31")}, Delivered: sd("2025-05-08")}
	book := tariff.Seed004AttestBook(old, next)
	for _, tc := range []struct {
		grace int
		ok    bool
	}{{25, true}, {tariff.MaxGraceDays, true}, {tariff.MaxGraceDays + 1, false}, {3_000_000, false}, {-1, false}} {
		book.GraceDays = tc.grace
		a, err := book.On(sd("2025-05-05"), sd("2025-06-02"), tariff.StatutoryAmounts())
		if tc.ok && (err != nil || a.Basis != tariff.BasisConnect || a.Tariff != next.Daily) {
			t.Errorf("grace %d: %+v, %v; want the next attest connected", tc.grace, a, err)
		}
		if !tc.ok && (err == nil || !strings.Contains(err.Error(), "grace_days")) {
			t.Errorf("grace %d: %+v, %v; want a problem at grace_days", tc.grace, a, err)
		}
	}
	// The last years of the calendar: the grace outlasts it.
	last := tariff.Attest{ChildCode: "K", Kind: tariff.AttestRegular, Daily: tariff.MustTariff("24.10"), Valid: plan.Period{Start: sd("9999-01-01"), End: sd("9999-12-20")}}
	book = tariff.AttestBook{Attests: []tariff.Attest{last}, GraceDays: 25, MaximumWhenMissing: true}
	if _, err := book.On(sd("9999-12-25"), sd("9999-12-31"), tariff.StatutoryAmounts()); err == nil || !strings.Contains(err.Error(), "9999-12-31") {
		t.Errorf("a gap in the grace at the calendar's end: %v, want it still in its grace", err)
	}
}

// twoLocations is the late_pickup month billed at its location and, under
// another invoice number, at a second location on the same days.
func twoLocations(t *testing.T) (here, there Invoice, child tariff.Child) {
	t.Helper()
	s, _ := ScenarioByName("late_pickup")
	here, err := Build(s.Case)
	if err != nil {
		t.Fatal(err)
	}
	c := s.Case
	c.Number = here.Number + "-B"
	c.Children = slices.Clone(c.Children)
	c.Children[0].Location.ID = "elsewhere"
	if there, err = Build(c); err != nil {
		t.Fatal(err)
	}
	return here, there, s.Case.Children[0].Child
}

// FOD Financiën: the cap is per child "per opvangdag". A child cared for at
// two locations on the same days, each location billing its own invoice,
// has those days certified once, each at what both cost — not twice, which
// would double the cap, and not refused as billed twice.
func TestCertificatesTwoLocationsOneDay(t *testing.T) {
	here, there, child := twoLocations(t)
	one, err := Certificates(2025, child, "Noor", []PaidInvoice{{Invoice: here, PaidOn: sd("2025-04-20")}})
	if err != nil {
		t.Fatal(err)
	}
	both, err := Certificates(2025, child, "Noor", []PaidInvoice{{Invoice: here, PaidOn: sd("2025-04-20")}, {Invoice: there, PaidOn: sd("2025-04-21")}})
	if err != nil {
		t.Fatal(err)
	}
	days := func(cs []Certificate) (n int) {
		for _, c := range cs {
			for _, p := range c.Periods {
				n += p.Days
			}
		}
		return n
	}
	twice, _ := one[0].Total.Add(one[0].Total)
	if days(both) != days(one) || both[0].Total != twice {
		t.Errorf("two locations: %d days for %s, want %d days for %s", days(both), both[0].Total, days(one), twice)
	}
	for i, p := range both[0].Periods {
		if want, _ := one[0].Periods[i].DailyRate.Add(one[0].Periods[i].DailyRate); p.DailyRate != want {
			t.Errorf("period %d: a day at %s, want %s (both locations)", i, p.DailyRate, want)
		}
	}
}

// The two-location rule, further (review of 2026-12-01): a copy of the
// second location's invoice is a day billed twice there, a problem; the
// second location paid in the next year certifies its days in that year;
// a location without an income tariff (a price list) adds its cost
// without a stray " + " in the daily tariff.
func TestCertificatesTwoLocationsFurther(t *testing.T) {
	here, there, child := twoLocations(t)
	copyThere := there
	copyThere.Number += "-copy"
	_, err := Certificates(2025, child, "Noor", []PaidInvoice{{Invoice: here, PaidOn: sd("2025-04-20")}, {Invoice: there, PaidOn: sd("2025-04-21")}, {Invoice: copyThere, PaidOn: sd("2025-04-22")}})
	if ps := plan.AsProblems(err); len(ps) == 0 || ps[0].Field != "paid[2].invoice" || !strings.Contains(ps[0].Message, "at the same location") {
		t.Errorf("the second location's invoice twice: %v", err)
	}

	across := []PaidInvoice{{Invoice: here, PaidOn: sd("2025-04-20")}, {Invoice: there, PaidOn: sd("2026-01-05")}}
	one, _ := Certificates(2025, child, "Noor", across[:1])
	if certs, err := Certificates(2025, child, "Noor", across); err != nil || len(certs) != 1 || certs[0].Total != one[0].Total {
		t.Errorf("2025, the first location: %+v, %v", certs, err)
	}
	if certs, err := Certificates(2026, child, "Noor", across); err != nil || len(certs) != 1 || certs[0].Total != one[0].Total {
		t.Errorf("2026, the second location paid then: %+v, %v", certs, err)
	}

	list := there
	list.Lines = slices.Clone(there.Lines)
	for i := range list.Lines {
		list.Lines[i].Tariff = ""
	}
	certs, err := Certificates(2025, child, "Noor", []PaidInvoice{{Invoice: list, PaidOn: sd("2025-04-19")}, {Invoice: here, PaidOn: sd("2025-04-20")}})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range certs[0].Periods {
		if strings.Contains(p.DailyTariff, "+") || p.DailyTariff == "" {
			t.Errorf("a period's daily tariff %q, want the income tariff alone", p.DailyTariff)
		}
	}
}

// Seed 004 §3.7, as a law: a month billed in parts (disjoint periods, each
// its own invoice), paid in any order, is certified day for day and cent
// for cent as the parts bill their care; a part paid twice — under its own
// number, or under another when it bills care — is a problem and never
// certified twice.
func TestCertificatesPaidOnceProperty(t *testing.T) {
	s, _ := ScenarioByName("late_pickup")
	month := s.Case.Month.Days()
	rapid.Check(t, func(t *rapid.T) {
		// Cut the month into parts at random days.
		var parts []Invoice
		start := month.Start
		for k := 0; !start.After(month.End); k++ {
			end := start.AddDays(rapid.IntRange(0, 12).Draw(t, "len"))
			if end.After(month.End) {
				end = month.End
			}
			inv, err := Build(periodOf(s.Case, fmt.Sprintf("P-%d", k), plan.Period{Start: start, End: end}))
			if err != nil {
				t.Fatal(err)
			}
			parts = append(parts, inv)
			start = end.AddDays(1)
		}
		var paid []PaidInvoice
		days, total := 0, tariff.Money{}
		for _, inv := range parts {
			paid = append(paid, PaidInvoice{Invoice: inv, PaidOn: sd("2025-04-01").AddDays(rapid.IntRange(0, 60).Draw(t, "paid"))})
			for _, l := range inv.Lines {
				if l.Deductible {
					days += len(l.Dates)
					total, _ = total.Add(l.Amount)
				}
			}
		}
		// A part paid again: refused when it bills care, or under its own
		// number whatever it bills.
		twice := rapid.Bool().Draw(t, "twice")
		if twice {
			again := paid[rapid.IntRange(0, len(paid)-1).Draw(t, "again")]
			twice = slices.ContainsFunc(again.Invoice.Lines, func(l Line) bool { return l.Deductible })
			if rapid.Bool().Draw(t, "renumbered") {
				again.Invoice.Number += "-bis"
			} else {
				twice = true
			}
			again.PaidOn = again.PaidOn.AddDays(1)
			paid = append(paid, again)
		}
		rapid.Permutation(paid).Draw(t, "order")
		certs, err := Certificates(2025, s.Case.Children[0].Child, "Noor", paid)
		if twice {
			if err == nil {
				t.Fatalf("a part paid twice is certified: %+v", certs)
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		gotDays, gotTotal := 0, tariff.Money{}
		for _, c := range certs {
			for _, p := range c.Periods {
				gotDays += p.Days
			}
			gotTotal, _ = gotTotal.Add(c.Total)
		}
		if gotDays != days || gotTotal != total {
			t.Fatalf("%d parts: certified %d days for %s, billed %d days for %s", len(parts), gotDays, gotTotal, days, total)
		}
	})
}
