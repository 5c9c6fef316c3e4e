package invoice

import (
	"fmt"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/kinderopvang/regels/absence"
	"github.com/kinderopvang/regels/plan"
	"github.com/shopspring/decimal"
)

// benchCase is one child-month: a toddler on 21 full days (Monday to
// Friday), picked up late now and then (07:45–17:20 against a plan to
// 17:15), with waste and the administration cost.
func benchCase() Case {
	s, _ := ScenarioByName("late_pickup")
	c := s.Case
	w := &c.Children[0].Plans[0].Schedule.Weeks[0]
	w.Wednesday, w.Friday = w.Monday, w.Monday
	c.Children[0].Sessions, c.Children[0].AgreedLatePickup = nil, nil
	attend(&c, 0, "07:45", "17:20")
	return c
}

// One child-month through the library (validation, the one-pass core, the
// lines and their labels).
func BenchmarkChildMonth(b *testing.B) {
	c := benchCase()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Build(c); err != nil {
			b.Fatal(err)
		}
	}
}

// The same child-month billed through an organiser month built once, as
// the month-end run and services do: the cost of the child-month itself.
func BenchmarkChildMonthShared(b *testing.B) {
	c := benchCase()
	om, err := NewOrganiserMonth(c.Month, c.Calendar, c.Rules, c.Amounts)
	if err != nil {
		b.Fatal(err)
	}
	fm := c.FamilyMonth()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := om.Build(fm); err != nil {
			b.Fatal(err)
		}
	}
}

// The same child-month with check-in and check-out minutes that differ
// every day, as real attendance does (07:42–07:45 in, 17:20–18:00 out): no
// two days of care alike, so none share their value in ChildSummary.Care.
func BenchmarkChildMonthVaried(b *testing.B) {
	c := benchCase()
	ss := c.Children[0].Sessions
	for i := range ss {
		ss[i].In = ss[i].In.Add(-time.Duration(i%4) * time.Minute)
		ss[i].Out = ss[i].Out.Add(time.Duration(2*i) * time.Minute)
	}
	om, err := NewOrganiserMonth(c.Month, c.Calendar, c.Rules, c.Amounts)
	if err != nil {
		b.Fatal(err)
	}
	fm := c.FamilyMonth()
	inv, err := om.Build(fm)
	if err != nil {
		b.Fatal(err)
	}
	minutes := map[int]bool{}
	for _, dc := range inv.Children[0].Care {
		minutes[dc.Minutes] = true
	}
	if len(minutes) != len(inv.Children[0].Care) {
		b.Fatalf("%d days of care, %d of them with minutes of their own", len(inv.Children[0].Care), len(minutes))
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := om.Build(fm); err != nil {
			b.Fatal(err)
		}
	}
}

// The same child-month with 5 of its days absent (reported in time): the
// difference with BenchmarkChildMonth, divided by 5, is the cost of an
// absent day.
func BenchmarkChildMonthAbsent5(b *testing.B) {
	c := benchCase()
	absent := map[string]bool{"2025-03-05": true, "2025-03-06": true, "2025-03-07": true, "2025-03-12": true, "2025-03-19": true}
	var kept []plan.Session
	for _, s := range c.Children[0].Sessions {
		if !absent[plan.DateOf(s.In.In(plan.Brussels())).String()] {
			kept = append(kept, s)
		}
	}
	c.Children[0].Sessions = kept
	for d := range absent {
		c.Children[0].Absences = append(c.Children[0].Absences, absence.Absence{Period: plan.Period{Start: plan.MustParseDate(d), End: plan.MustParseDate(d)},
			ReportedAt: at("2025-02-20", "09:00")})
	}
	if inv, err := Build(c); err != nil || inv.Children[0].Respijt.UsedMonth.IntPart() != 5 {
		b.Fatalf("the bench case: %v", err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Build(c); err != nil {
			b.Fatal(err)
		}
	}
}

// naiveMonth is what a billing developer writes by hand for the same month:
// per day the minutes with time.Sub, the band by if/else, tariff × share as
// a decimal, rounded, added to a decimal total, plus waste and late
// pick-up; constants parsed once. It knows no absence, no attest, no
// calendar, no validation: the floor a library has to beat.
type naiveMonth struct {
	tariff, waste, pickup, admin decimal.Decimal
	shares                       [3]decimal.Decimal
	sessions                     []plan.Session
	planEnd                      time.Duration // 17:15 after midnight
}

func newNaiveMonth(c Case) naiveMonth {
	return naiveMonth{tariff: decimal.RequireFromString("24.10"), waste: decimal.RequireFromString("0.13"), pickup: decimal.RequireFromString("4.00"),
		admin: decimal.RequireFromString("3.50"), shares: [3]decimal.Decimal{decimal.RequireFromString("0.6"), decimal.RequireFromString("1"), decimal.RequireFromString("1.6")},
		sessions: c.Children[0].Sessions, planEnd: 17*time.Hour + 15*time.Minute}
}

func (n naiveMonth) total() decimal.Decimal {
	total := decimal.Zero
	for _, s := range n.sessions {
		minutes := int(s.Out.Sub(s.In) / time.Minute)
		share := n.shares[0]
		switch {
		case minutes >= 11*60:
			share = n.shares[2]
		case minutes >= 5*60:
			share = n.shares[1]
		}
		total = total.Add(n.tariff.Mul(share).Round(2)).Add(n.waste)
		y, m, d := s.In.Date()
		end := time.Date(y, m, d, 0, 0, 0, 0, s.In.Location()).Add(n.planEnd)
		if late := s.Out.Sub(end); late > 0 {
			total = total.Add(n.pickup.Mul(decimal.NewFromInt(int64((late + 30*time.Minute - 1) / (30 * time.Minute)))))
		}
	}
	return total.Add(n.admin)
}

func BenchmarkNaiveDecimalLoop(b *testing.B) {
	n := newNaiveMonth(benchCase())
	inv, _ := Build(benchCase())
	if !n.total().Equal(inv.Total.Decimal()) {
		b.Fatalf("the naive loop's %s is not the invoice's %s", n.total(), inv.Total)
	}
	b.ReportAllocs()
	for b.Loop() {
		_ = n.total()
	}
}

// The same loop in int64 cents on Unix seconds: the floor of the floor.
func BenchmarkInt64Loop(b *testing.B) {
	type sess struct{ in, out, dayStart int64 }
	var ss []sess
	for _, s := range benchCase().Children[0].Sessions {
		y, m, d := s.In.Date()
		ss = append(ss, sess{s.In.Unix(), s.Out.Unix(), time.Date(y, m, d, 0, 0, 0, 0, s.In.Location()).Unix()})
	}
	const tariff, waste, pickup, admin = 2410, 13, 400, 350
	shares := [3]int64{60, 100, 160}
	total := func() int64 {
		t := int64(admin)
		for _, s := range ss {
			minutes := (s.out - s.in) / 60
			share := shares[0]
			switch {
			case minutes >= 11*60:
				share = shares[2]
			case minutes >= 5*60:
				share = shares[1]
			}
			t += (tariff*share+50)/100 + waste
			if late := s.out - (s.dayStart + 17*3600 + 15*60); late > 0 {
				t += pickup * ((late + 1799) / 1800)
			}
		}
		return t
	}
	inv, _ := Build(benchCase())
	if cents, _ := inv.Total.Cents(); cents != total() {
		b.Fatalf("the int64 loop's %d is not the invoice's %s", total(), inv.Total)
	}
	b.ReportAllocs()
	for b.Loop() {
		_ = total()
	}
}

// organiserCases is an organiser's month: 1,000 families of one child each,
// the reference scenarios of March 2025 in turn (one calendar and house
// rules).
func organiserCases() []Case {
	var march []Scenario
	for _, s := range Scenarios() {
		if s.Case.Month == plan.MustMonth(2025, time.March) && len(s.Case.Calendar.Closures) == 0 {
			march = append(march, s)
		}
	}
	var cases []Case
	for i := 0; i < 1000; i++ {
		c := march[i%len(march)].Case
		c.Number = fmt.Sprintf("2025-%05d", i)
		cases = append(cases, c)
	}
	return cases
}

// 1,000 families on one core: each Build on its own (the convenience path).
func BenchmarkOrganiserMonth1000(b *testing.B) {
	cases := organiserCases()
	b.ReportAllocs()
	for b.Loop() {
		for _, c := range cases {
			if _, err := Build(c); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// 1,000 families with the organiser month built once, on one goroutine and
// on every core.
func BenchmarkOrganiserMonthShared1000(b *testing.B) {
	cases := organiserCases()
	om, err := NewOrganiserMonth(cases[0].Month, cases[0].Calendar, cases[0].Rules, cases[0].Amounts)
	if err != nil {
		b.Fatal(err)
	}
	families := make([]FamilyMonth, len(cases))
	for i, c := range cases {
		families[i] = c.FamilyMonth()
	}
	for _, workers := range []int{1, runtime.GOMAXPROCS(0)} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				var wg sync.WaitGroup
				for w := range workers {
					wg.Add(1)
					go func() {
						defer wg.Done()
						for i := w; i < len(families); i += workers {
							if _, err := om.Build(families[i]); err != nil {
								panic(err)
							}
						}
					}()
				}
				wg.Wait()
			}
		})
	}
}
