package invoice

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/kinderopvang/regels/absence"
	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
	"github.com/shopspring/decimal"
	"pgregory.net/rapid"
)

// The proof of a real organiser's year: rapid generates valid
// organiser-years of 2025 — several families and children, plan changes,
// attest changes and gaps, closures, absences of every kind with their
// notice moments, hospital stays, extra days, settling in, notices both
// ways, a mid-month switch to school-age — and bills the 12 months of each
// family, chaining the ledger, then checks what no invoice may break:
//
//   - every input is billed (the generator makes valid data only);
//   - every reserved day has exactly one outcome, and the days after the
//     last day of care are ended;
//   - no day is billed twice: one care line, one unjustified charge and one
//     late-notice fee at most per day, and a notice fee never on a day of
//     care or absence;
//   - nothing but the notice fee is billed after care ends;
//   - the ledger chains month to month and never goes negative;
//   - the certificates' totals equal the paid deductible care lines;
//   - a month built as two halves equals the whole (administration aside).
//
// Two runs of 100 years each: at least 200 years in CI.
func TestOrganiserYear(t *testing.T) {
	for _, run := range []string{"a", "b"} {
		t.Run(run, func(t *testing.T) { rapid.Check(t, checkYear) })
	}
}

func checkYear(t *rapid.T) {
	cal := genCalendar(t)
	rules := Seed004HouseRules()
	families := rapid.IntRange(1, 3).Draw(t, "families")
	for f := 0; f < families; f++ {
		var kids []Child
		for k := range rapid.IntRange(1, 2).Draw(t, "children") {
			kids = append(kids, genYearChild(t, fmt.Sprintf("K-%d-%d", f, k), cal))
		}
		checkFamilyYear(t, fmt.Sprintf("F-%d", f), kids, cal, rules)
	}
}

// year2025 is the year simulated: its statutory amounts are known.
const simYear = 2025

var year2025 = plan.Period{Start: plan.MustDate(simYear, 1, 1), End: plan.MustDate(simYear, 12, 31)}

// genCalendar draws up to three closures: single days or a week.
func genCalendar(t *rapid.T) plan.Calendar {
	var c plan.Calendar
	for i := range rapid.IntRange(0, 3).Draw(t, "closures") {
		start := year2025.Start.AddDays(rapid.IntRange(0, 350).Draw(t, "closure_start"))
		p := plan.Period{Start: start, End: start.AddDays(rapid.SampledFrom([]int{0, 0, 4, 6}).Draw(t, "closure_len"))}
		if slices.ContainsFunc(c.Closures, func(o plan.Closure) bool { return o.Period.Overlaps(p) }) {
			continue
		}
		c.Closures = append(c.Closures, plan.Closure{Period: p, Reason: fmt.Sprintf("sluiting %d", i)})
	}
	return c
}

func genWeekSlots(t *rapid.T, label string) plan.Week {
	var w plan.Week
	days := []*[]plan.Slot{&w.Monday, &w.Tuesday, &w.Wednesday, &w.Thursday, &w.Friday}
	any := false
	for i, d := range days {
		switch rapid.IntRange(0, 3).Draw(t, fmt.Sprintf("%s_day%d", label, i)) {
		case 0:
		case 1: // a half day
			*d = slot("08:00", "12:30")
			any = true
		default:
			*d = slot("07:45", "17:15")
			any = true
		}
	}
	if !any {
		w.Wednesday = slot("07:45", "17:15")
	}
	return w
}

// genYearChild draws a child's year of 2025: a plan (changed in the year,
// or not), attests with a change or a gap, and for every reserved day what
// happened.
func genYearChild(t *rapid.T, code string, cal plan.Calendar) Child {
	// Born between mid-2021 and 2023: some turn 3.5 in the year.
	birth := sd("2021-06-01").AddDays(rapid.IntRange(0, 900).Draw(t, "birth"))
	ch := Child{Child: tariff.Child{Code: code, Birth: birth}, Name: "Kind " + code, Location: tariff.Location{ID: "L1", Flex: rapid.Bool().Draw(t, "flex")}}
	start := sd("2024-09-02")
	if rapid.IntRange(0, 3).Draw(t, "starts_in_year") == 0 {
		start = year2025.Start.AddDays(rapid.IntRange(0, 200).Draw(t, "start"))
	}
	first := plan.Plan{Kind: plan.KindRegular, Start: start, Schedule: plan.Schedule{Weeks: []plan.Week{genWeekSlots(t, "w1")}}}
	if start.Year() == 2025 && rapid.Bool().Draw(t, "settling") {
		first.SettlingIn = []plan.Date{start, start.AddDays(1)}
		if rapid.Bool().Draw(t, "with_parent") {
			ch.WithParent = []plan.Date{start}
		}
	}
	ch.Plans = []plan.Plan{first}
	if rapid.Bool().Draw(t, "plan_change") {
		change := start.AddDays(rapid.IntRange(30, 300).Draw(t, "change"))
		if change.Year() == 2025 {
			ch.Plans[0].End = change.AddDays(-1)
			ch.Plans = append(ch.Plans, plan.Plan{Kind: plan.KindRegular, Start: change, Schedule: plan.Schedule{Weeks: []plan.Week{genWeekSlots(t, "w2")}}})
		}
	}
	// Attests: one for 2025, or two with a change or a gap.
	tr, _ := tariff.TariffCents(rapid.Int64Range(197, 3589).Draw(t, "daily"))                    // 2025: lowest 1.97 to maximum 35.89
	a1 := tariff.Attest{ChildCode: code, Kind: tariff.AttestRegular, Daily: tr, Valid: year2025} // one year: its amount is indexed each 1 January
	ch.Attests = tariff.Seed004AttestBook(a1)
	if rapid.Bool().Draw(t, "attest_change") {
		end := year2025.Start.AddDays(rapid.IntRange(20, 330).Draw(t, "attest_end"))
		gap := rapid.SampledFrom([]int{0, 0, 10, 40}).Draw(t, "gap")
		delivered := end.AddDays(rapid.IntRange(-5, 60).Draw(t, "delivered"))
		tr2, _ := tariff.TariffCents(rapid.Int64Range(197, 3589).Draw(t, "daily2"))
		ch.Attests.Attests[0].Valid.End = end
		ch.Attests.Attests = append(ch.Attests.Attests, tariff.Attest{ChildCode: code, Kind: tariff.AttestRegular, Daily: tr2,
			Valid: plan.Period{Start: end.AddDays(1 + gap), End: sd("2026-08-31")}, Delivered: delivered})
	}
	// A notice ends the care, given by either party, respected or not.
	var lastDay plan.Date
	if rapid.IntRange(0, 3).Draw(t, "notice") == 0 {
		given := year2025.Start.AddDays(rapid.IntRange(0, 300).Draw(t, "given"))
		lastDay = given.AddDays(rapid.IntRange(0, 90).Draw(t, "notice_len"))
		if lastDay.Year() == 2025 && !lastDay.Before(start) {
			by := rapid.SampledFrom([]plan.Party{plan.Family, plan.Family, plan.Organiser}).Draw(t, "by")
			ch.Notice = &plan.Notice{By: by, Given: given, LastDay: lastDay}
			if rapid.Bool().Draw(t, "end_plan_on_notice") {
				k := len(ch.Plans) - 1
				for i, p := range ch.Plans {
					if p.Period().Contains(lastDay) {
						k = i
					}
				}
				ch.Plans = ch.Plans[:k+1]
				ch.Plans[k].End = lastDay
			}
		} else {
			lastDay = plan.Date{}
		}
	}
	// Settling-in days lie within the plan (which a notice may have ended).
	for i := range ch.Plans {
		p := &ch.Plans[i]
		p.SettlingIn = slices.DeleteFunc(p.SettlingIn, func(d plan.Date) bool { return !p.Period().Contains(d) })
	}
	ch.WithParent = slices.DeleteFunc(ch.WithParent, func(d plan.Date) bool { return !ch.Plans[0].Period().Contains(d) })
	genDays(t, &ch, cal, lastDay)
	return ch
}

// genDays draws, for each reserved day of 2025 up to the last day of care,
// what happened: present (full, short, picked up late), ill and sent home,
// absent with an absence reported in time, late or never, in hospital; and
// a few extra days outside the plan.
func genDays(t *rapid.T, ch *Child, cal plan.Calendar, lastDay plan.Date) {
	careEnd := year2025.End
	if !lastDay.IsZero() {
		careEnd = lastDay
	}
	var reserved []plan.PlannedDay
	for _, p := range ch.Plans {
		for _, d := range p.ReservedDays(year2025, cal) {
			if !d.Date.After(careEnd) {
				reserved = append(reserved, d)
			}
		}
	}
	slices.SortFunc(reserved, func(a, b plan.PlannedDay) int { return a.Date.Compare(b.Date) })
	skipUntil := plan.Date{}
	for _, d := range reserved {
		if !d.Date.After(skipUntil) {
			continue // inside an absence drawn earlier
		}
		day := d.Date.String()
		start, end := d.Slots[0].Start.String(), d.Slots[len(d.Slots)-1].End.String()
		switch rapid.IntRange(0, 11).Draw(t, "what") {
		case 0: // absent, one to a few days, reported in time, late or never
			n := rapid.IntRange(1, 7).Draw(t, "absence_len")
			a := absence.Absence{Period: plan.Period{Start: d.Date, End: minDate(d.Date.AddDays(n-1), careEnd)}}
			switch rapid.IntRange(0, 4).Draw(t, "report") {
			case 0:
				a.ReportedAt = at(day, "09:00").AddDate(0, 0, -rapid.IntRange(0, 40).Draw(t, "lead"))
			case 1:
				a.Sudden, a.ReportedAt = true, at(day, start).Add(-time.Duration(rapid.IntRange(-60, 120).Draw(t, "before"))*time.Minute)
			case 2:
				a.Sudden, a.Hospital, a.AdmissionCertificate, a.ReportedAt = true, true, rapid.Bool().Draw(t, "certificate"), at(day, "06:30")
			case 3: // planned, reported after it started
				a.ReportedAt = at(day, "10:00")
			}
			ch.Absences = append(ch.Absences, a)
			skipUntil = a.Period.End
		case 1: // absent and never reported
		case 2: // a short stay
			ch.Sessions = append(ch.Sessions, plan.Session{In: at(day, start), Out: at(day, start).Add(time.Duration(rapid.IntRange(30, 240).Draw(t, "short")) * time.Minute)})
		case 3: // picked up late
			ch.Sessions = append(ch.Sessions, plan.Session{In: at(day, start), Out: at(day, end).Add(time.Duration(rapid.IntRange(1, 100).Draw(t, "late")) * time.Minute)})
			if rapid.IntRange(0, 3).Draw(t, "agreed") == 0 {
				ch.AgreedLatePickup = append(ch.AgreedLatePickup, d.Date)
			}
		case 4: // sent home ill at noon
			ch.Sessions = append(ch.Sessions, plan.Session{In: at(day, start), Out: at(day, "12:00")})
		default:
			for _, s := range d.Slots {
				ch.Sessions = append(ch.Sessions, plan.Session{In: at(day, s.Start.String()), Out: at(day, s.End.String())})
			}
			if ch.Child.GroupOn(d.Date) == tariff.SchoolAge && rapid.IntRange(0, 2).Draw(t, "meal") == 0 {
				ch.HotMeals = append(ch.HotMeals, d.Date)
			}
		}
	}
	// Extra days outside the plan (seed 004 §3.4.1), on a free Saturday.
	for range rapid.IntRange(0, 2).Draw(t, "extra_days") {
		d := year2025.Start.AddDays(rapid.IntRange(0, 364).Draw(t, "extra"))
		for d.Weekday() != time.Saturday {
			d = d.AddDays(1)
		}
		if d.After(careEnd) || d.Year() != 2025 || slices.ContainsFunc(ch.ExtraDays, func(x plan.Override) bool { return x.Date == d }) {
			continue
		}
		in := slices.IndexFunc(ch.Plans, func(p plan.Plan) bool { return p.Period().Contains(d) })
		if in < 0 {
			continue
		}
		ch.ExtraDays = append(ch.ExtraDays, plan.Override{Date: d, Slots: slot("09:00", "13:00")})
		if _, closed := cal.IsClosed(d); !closed && rapid.Bool().Draw(t, "extra_attended") {
			ch.Sessions = append(ch.Sessions, plan.Session{In: at(d.String(), "09:00"), Out: at(d.String(), "13:00")})
		}
	}
}

func minDate(a, b plan.Date) plan.Date {
	if b.Before(a) {
		return b
	}
	return a
}

// monthCase is the family's case for month m: the children whose care
// runs in m, with that month's data and the ledger carried from before.
func monthCase(famID string, kids []Child, ledgers map[string]absence.Ledger, cal plan.Calendar, rules HouseRules, m plan.Month) (Case, bool) {
	c := Case{Month: m, Number: fmt.Sprintf("%s-%s", famID, m), InvoiceDate: m.Add(1).First().AddDays(3),
		Family: Family{ID: famID, Name: "Gezin " + famID}, Calendar: cal, Rules: rules}
	for _, k := range kids {
		if !slices.ContainsFunc(k.Plans, func(p plan.Plan) bool { return p.Period().Overlaps(m.Days()) }) {
			continue
		}
		k.Ledger = ledgers[k.Child.Code]
		c.Children = append(c.Children, k)
	}
	if len(c.Children) == 0 {
		return Case{}, false
	}
	return restrict(c, m.Days()), true
}

func checkFamilyYear(t *rapid.T, famID string, kids []Child, cal plan.Calendar, rules HouseRules) {
	ledgers := map[string]absence.Ledger{}
	var paid []PaidInvoice
	for m := range year2025.Months() {
		c, ok := monthCase(famID, kids, ledgers, cal, rules, m)
		if !ok {
			continue
		}
		inv, err := Build(c)
		if err != nil {
			t.Fatalf("%s %s: a valid case is not billed: %v", famID, m, err)
		}
		for i, ch := range c.Children {
			checkChildMonth(t, c, ch, inv, inv.Children[i])
			prev := ledgers[ch.Child.Code]
			end := inv.Children[i].LedgerEnd
			if prev.Year == end.Year && end.Used.LessThan(prev.Used) {
				t.Fatalf("%s %s: the ledger went back from %s to %s used", ch.Child.Code, m, prev.Used, end.Used)
			}
			if end.Used.GreaterThan(end.Entitlement) || end.Balance().Sign() < 0 {
				t.Fatalf("%s %s: ledger %s used of %s", ch.Child.Code, m, end.Used, end.Entitlement)
			}
			ledgers[ch.Child.Code] = end
		}
		checkHalves(t, c, inv)
		paid = append(paid, PaidInvoice{Invoice: inv, PaidOn: m.Add(1).First().AddDays(19)})
	}
	for _, k := range kids {
		certs, err := Certificates(2025, k.Child, k.Name, paid)
		if err != nil {
			t.Fatal(err)
		}
		var got, want tariff.Money
		for _, c := range certs {
			got, _ = got.Add(c.Total)
		}
		for _, p := range paid {
			if p.PaidOn.Year() != 2025 {
				continue
			}
			for _, l := range p.Invoice.Lines {
				if l.Deductible && l.Child == k.Child.Code {
					want, _ = want.Add(l.Amount)
				}
			}
		}
		if got != want {
			t.Fatalf("%s: certificates total %s, deductible care lines paid in 2025 %s", k.Child.Code, got, want)
		}
	}
}

// checkChildMonth checks one child's month of an invoice.
func checkChildMonth(t *rapid.T, c Case, ch Child, inv Invoice, sum ChildSummary) {
	month := c.days()
	// Exactly one outcome per reserved day.
	plans, err := plansWithExtraDays(ch, month)
	if err != nil {
		t.Fatal(err)
	}
	var want []plan.Date
	for _, p := range plans {
		for _, d := range p.Days(month, c.Calendar) {
			want = append(want, d.Date)
		}
	}
	var got []plan.Date
	var lastDay plan.Date
	if ch.Notice != nil {
		lastDay = ch.Notice.LastDay
	}
	for _, o := range sum.Reserved {
		got = append(got, o.Date)
		switch o.Kind {
		case absence.KindPresent, absence.KindClosed, absence.KindHospital, absence.KindJustified, absence.KindUnjustified, absence.KindPartlyPresent, absence.KindEnded:
		default:
			t.Fatalf("%s %s: outcome %q", ch.Child.Code, o.Date, o.Kind)
		}
		if ended := !lastDay.IsZero() && o.Date.After(lastDay); ended != (o.Kind == absence.KindEnded) {
			t.Fatalf("%s %s: %s, last day of care %s", ch.Child.Code, o.Date, o.Kind, lastDay)
		}
	}
	slices.SortFunc(want, plan.Date.Compare)
	slices.SortFunc(got, plan.Date.Compare)
	if !slices.Equal(want, got) {
		t.Fatalf("%s %s: outcomes for %v, reserved days %v", ch.Child.Code, c.Month, got, want)
	}
	// No day billed twice, nothing but the notice fee after care ends.
	perKind := map[LineKind]map[plan.Date]int{}
	for _, l := range inv.Lines {
		if l.Child != ch.Child.Code {
			continue
		}
		if perKind[l.Kind] == nil {
			perKind[l.Kind] = map[plan.Date]int{}
		}
		for _, d := range l.Dates {
			perKind[l.Kind][d]++
			if l.Kind != LineNoticeFee && !lastDay.IsZero() && d.After(lastDay) {
				t.Fatalf("%s: %s billed on %s, after the last day of care %s", ch.Child.Code, l.Kind, d, lastDay)
			}
		}
	}
	for _, k := range []LineKind{LineCare, LineUnjustified, LineLateNotice, LineNoticeFee, LineWasteFull, LineWastePart, LineLatePickup, LineHotMeal} {
		for d, n := range perKind[k] {
			if n > 1 {
				t.Fatalf("%s: %s billed %d times on %s", ch.Child.Code, k, n, d)
			}
		}
	}
	for d := range perKind[LineNoticeFee] {
		for _, k := range []LineKind{LineCare, LineUnjustified, LineLateNotice} {
			if perKind[k][d] > 0 {
				t.Fatalf("%s: a notice fee and %s on %s", ch.Child.Code, k, d)
			}
		}
	}
	// An unjustified charge only on a day absent in whole or part.
	for d := range perKind[LineUnjustified] {
		k := slices.IndexFunc(sum.Reserved, func(o absence.DayOutcome) bool { return o.Date == d })
		if k < 0 || (sum.Reserved[k].Kind != absence.KindUnjustified && sum.Reserved[k].Kind != absence.KindPartlyPresent) {
			t.Fatalf("%s: unjustified charge on %s, which is not an unjustified absence", ch.Child.Code, d)
		}
	}
}

// checkHalves builds the month as two halves, the second from the first's
// ledgers, and compares them with the whole: the same lines but the
// family's administration cost.
func checkHalves(t *rapid.T, c Case, whole Invoice) {
	split := rapid.IntRange(1, c.Month.Days().Len()-1).Draw(t, "split")
	// Each half holds the children whose care runs in it.
	half := func(p plan.Period) Case {
		h := restrict(c, p)
		h.Children = slices.DeleteFunc(h.Children, func(ch Child) bool {
			return !slices.ContainsFunc(ch.Plans, func(pl plan.Plan) bool { return pl.Period().Overlaps(p) })
		})
		return h
	}
	first := half(plan.Period{Start: c.Month.First(), End: c.Month.First().AddDays(split - 1)})
	second := half(plan.Period{Start: first.Period.End.AddDays(1), End: c.Month.Last()})
	var a, b Invoice
	var err error
	if len(first.Children) > 0 {
		if a, err = Build(first); err != nil {
			t.Fatalf("first half to %s: %v", first.Period.End, err)
		}
	}
	ends := map[string]absence.Ledger{}
	for _, ch := range a.Children {
		ends[ch.Code] = ch.LedgerEnd
	}
	for i, ch := range second.Children {
		if l, ok := ends[ch.Child.Code]; ok {
			second.Children[i].Ledger = l
		}
	}
	if len(second.Children) > 0 {
		if b, err = Build(second); err != nil {
			t.Fatalf("second half from %s: %v", second.Period.Start, err)
		}
	}
	total := func(inv Invoice) decimal.Decimal {
		s := decimal.Zero
		for _, l := range inv.Lines {
			if l.Kind != LineAdmin {
				s = s.Add(l.Amount.Decimal())
			}
		}
		return s
	}
	if !total(a).Add(total(b)).Equal(total(whole)) {
		t.Fatalf("%s split at day %d: %s + %s, whole %s\n--- first half:\n%s\n--- second half:\n%s\n--- whole:\n%s\nplans %+v\nledger %+v / %+v / %+v", c.Month, split, total(a), total(b), total(whole), a.Trace(), b.Trace(), whole.Trace(), c.Children[0].Plans, c.Children[0].Ledger, a.Children[0].Respijt, whole.Children[0].Respijt)
	}
	for _, w := range whole.Children {
		halves := ends[w.Code]
		for _, ch := range b.Children {
			if ch.Code == w.Code {
				halves = ch.LedgerEnd
			}
		}
		if !halves.Used.Equal(w.LedgerEnd.Used) {
			t.Fatalf("%s: ledger of the halves %s, of the whole %s", w.Code, halves.Used, w.LedgerEnd.Used)
		}
	}
}
