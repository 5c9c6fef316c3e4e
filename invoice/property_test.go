package invoice

import (
	"encoding/json"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/kinderopvang/regels/absence"
	"github.com/kinderopvang/regels/plan"
	"github.com/shopspring/decimal"
	"pgregory.net/rapid"
)

// genCase draws a month of the Peeters family: a scenario, with each
// reserved day attended (full, short or until late), absent (reported in
// time, late or never) or left as in the scenario.
func genCase(t *rapid.T) Case {
	s := rapid.SampledFrom(planScenarios()).Draw(t, "scenario")
	c := s.Case
	ch := &c.Children[0]
	ch.Sessions, ch.Absences, ch.HotMeals = nil, nil, nil
	for _, p := range ch.Plans {
		for _, d := range p.ReservedDays(c.Month.Days(), c.Calendar) {
			day := d.Date.String()
			switch rapid.IntRange(0, 5).Draw(t, "day") {
			case 0: // absent, reported in time
				ch.Absences = append(ch.Absences, absence.Absence{Period: plan.Period{Start: d.Date, End: d.Date}, ReportedAt: at(day, "00:00").AddDate(0, 0, -5)})
			case 1: // absent, never reported
			case 2: // a short stay
				ch.Sessions = append(ch.Sessions, plan.Session{In: at(day, d.Slots[0].Start.String()), Out: at(day, d.Slots[0].Start.String()).Add(150 * time.Minute)})
			case 3: // picked up late
				in := at(day, d.Slots[0].Start.String())
				ch.Sessions = append(ch.Sessions, plan.Session{In: in, Out: at(day, d.Slots[len(d.Slots)-1].End.String()).Add(time.Duration(rapid.IntRange(1, 90).Draw(t, "late")) * time.Minute)})
			default:
				for _, sl := range d.Slots {
					ch.Sessions = append(ch.Sessions, plan.Session{In: at(day, sl.Start.String()), Out: at(day, sl.End.String())})
				}
			}
		}
	}
	ch.Ledger.Used = decimal.New(int64(rapid.IntRange(0, 20).Draw(t, "used2")), -1).Mul(decimal.NewFromInt(5))
	if ch.Ledger.Used.GreaterThan(ch.Ledger.Entitlement) {
		ch.Ledger.Used = ch.Ledger.Entitlement
	}
	return c
}

// The total is exactly the sum of the lines; every line is count × unit
// price; every line names its rule and has both labels.
func TestTotalIsSumOfLines(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		inv, err := Build(genCase(t))
		if err != nil {
			t.Fatal(err)
		}
		sum := decimal.Zero
		for _, l := range inv.Lines {
			sum = sum.Add(l.Amount.Decimal())
			if !l.Amount.Decimal().Equal(l.Count.Mul(l.UnitPrice.Decimal()).Round(2)) || l.Amount.Decimal().Exponent() < -2 {
				t.Fatalf("line %+v: amount is not count × unit price in cents", l)
			}
			if l.Rule.ID == "" || l.Rule.Source == "" || l.LabelNL == "" || l.LabelEN == "" {
				t.Fatalf("line without rule or label: %+v", l)
			}
		}
		if !sum.Equal(inv.Total.Decimal()) {
			t.Fatalf("total %s, lines sum to %s", inv.Total, sum)
		}
	})
}

// Attending a reserved day (instead of being absent) never lowers the
// total, and turning a present day into a justified absence (reported in
// time, days left) never raises it — with days enough for every absence of
// the month: otherwise the day's justified absence may take the last days a
// later absence needed, which then costs (TestJustifiedAbsenceTakesTheLastDays).
func TestAttendanceMonotone(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := genCase(t)
		ch := &c.Children[0]
		ch.Ledger.Used = decimal.Zero
		ch.Ledger.Entitlement = decimal.NewFromInt(31)
		days := ch.Plans[0].ReservedDays(c.Month.Days(), c.Calendar)
		d := rapid.SampledFrom(days).Draw(t, "day")
		// Remove whatever the generator did on that day.
		ch.Sessions = dropSessions(ch.Sessions, d.Date)
		ch.Absences = dropAbsences(ch.Absences, d.Date)
		withAbsence := c
		withAbsence.Children = []Child{*ch}
		withAbsence.Children[0].Absences = append(append([]absence.Absence(nil), ch.Absences...),
			absence.Absence{Period: plan.Period{Start: d.Date, End: d.Date}, ReportedAt: at(d.Date.String(), "00:00").AddDate(0, 0, -5)})
		present := c
		present.Children = []Child{*ch}
		present.Children[0].Sessions = append(append([]plan.Session(nil), ch.Sessions...),
			plan.Session{In: at(d.Date.String(), d.Slots[0].Start.String()), Out: at(d.Date.String(), d.Slots[len(d.Slots)-1].End.String())})
		absent := c // not attended, not reported
		a, err1 := Build(absent)
		j, err2 := Build(withAbsence)
		p, err3 := Build(present)
		if err1 != nil || err2 != nil || err3 != nil {
			t.Fatal(err1, err2, err3)
		}
		if p.Total.Cmp(j.Total) < 0 {
			t.Fatalf("attending %s lowered the total: %s present, %s justified absence", d.Date, p.Total, j.Total)
		}
		if j.Total.Cmp(p.Total) > 0 || j.Total.Cmp(a.Total) > 0 {
			t.Fatalf("a justified absence on %s raised the total: %s (present %s, unreported %s)", d.Date, j.Total, p.Total, a.Total)
		}
	})
}

func dropSessions(ss []plan.Session, d plan.Date) []plan.Session {
	var out []plan.Session
	for _, s := range ss {
		if plan.DateOf(s.In.In(plan.Brussels())) != d {
			out = append(out, s)
		}
	}
	return out
}

func dropAbsences(as []absence.Absence, d plan.Date) []absence.Absence {
	var out []absence.Absence
	for _, a := range as {
		if !a.Period.Contains(d) {
			out = append(out, a)
		}
	}
	return out
}

// Invoicing two halves of a month, the second starting from the first's
// ledger, gives the same lines as the whole month — all but the family's
// monthly administration cost, which is not additive.
func TestHalfMonthsAdd(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := genCase(t)
		whole, err := Build(c)
		if err != nil {
			t.Fatal(err)
		}
		split := rapid.IntRange(1, c.Month.Days().Len()-1).Draw(t, "split")
		first := restrict(c, plan.Period{Start: c.Month.First(), End: c.Month.First().AddDays(split - 1)})
		second := restrict(c, plan.Period{Start: first.Period.End.AddDays(1), End: c.Month.Last()})
		a, err := Build(first)
		if err != nil {
			t.Fatal(err)
		}
		second.Children[0].Ledger = a.Children[0].LedgerEnd
		b, err := Build(second)
		if err != nil {
			t.Fatal(err)
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
			t.Fatalf("halves at day %d: %s + %s, whole %s", split, total(a), total(b), total(whole))
		}
		if !b.Children[0].LedgerEnd.Used.Equal(whole.Children[0].LedgerEnd.Used) {
			t.Fatalf("ledger: halves %s, whole %s", b.Children[0].LedgerEnd.Used, whole.Children[0].LedgerEnd.Used)
		}
	})
}

// restrict returns the case for period p of its month, with the data of
// those days only (a case holds no data of days it does not invoice).
func restrict(c Case, p plan.Period) Case {
	c.Period = p
	start, _ := plan.DayBounds(p.Start, nil)
	_, end := plan.DayBounds(p.End, nil)
	c.Children = slices.Clone(c.Children)
	for i := range c.Children {
		ch := &c.Children[i]
		ch.Sessions = slices.DeleteFunc(slices.Clone(ch.Sessions), func(s plan.Session) bool { return s.Within(start, end) == 0 })
		ch.Absences = slices.DeleteFunc(slices.Clone(ch.Absences), func(a absence.Absence) bool { return !a.Period.Overlaps(p) })
		out := func(d plan.Date) bool { return !p.Contains(d) }
		ch.HotMeals = slices.DeleteFunc(slices.Clone(ch.HotMeals), out)
		ch.WithParent = slices.DeleteFunc(slices.Clone(ch.WithParent), out)
		ch.AgreedLatePickup = slices.DeleteFunc(slices.Clone(ch.AgreedLatePickup), out)
		// Extra days stay in the window the notice rules read around p,
		// as the month before or after would give them.
		reach := c.Rules.Absence.Notice.LongFromDays - 1
		around := plan.Period{Start: p.Start.AddDays(-reach), End: p.End.AddDays(reach)}
		ch.ExtraDays = slices.DeleteFunc(slices.Clone(ch.ExtraDays), func(x plan.Override) bool { return !around.Contains(x.Date) })
		ch.Trips = slices.DeleteFunc(slices.Clone(ch.Trips), func(t Trip) bool { return out(t.Date) })
	}
	return c
}

// Cases and invoices come back from JSON exactly.
func TestJSONRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := genCase(t)
		inv, err := Build(c)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range []any{c, inv} {
			b, err := json.Marshal(v)
			if err != nil {
				t.Fatal(err)
			}
			switch v := v.(type) {
			case Case:
				back, err := DecodeCaseBytes(b)
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(v, back, cmpopts.EquateEmpty()); diff != "" {
					t.Fatalf("case (-want +got):\n%s", diff)
				}
			case Invoice:
				var back Invoice
				if err := json.Unmarshal(b, &back); err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(v, back, cmpopts.EquateEmpty()); diff != "" {
					t.Fatalf("invoice (-want +got):\n%s", diff)
				}
			}
		}
	})
}

// planScenarios are the scenarios billed from a care plan (all but those
// under a price list, which bill from reservations).
func planScenarios() []Scenario {
	var out []Scenario
	for _, s := range Scenarios() {
		if !s.Case.Rules.Pricing.IsPriceList() {
			out = append(out, s)
		}
	}
	return out
}
