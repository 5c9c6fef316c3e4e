package plan

import (
	"fmt"
	"testing"
)

// Benchmarks at sizes where a quadratic path shows: 10^5 closures, ranges of
// centuries, plans with thousands of overrides.

// manyClosures returns n one-day closures every other day from 1 January
// 1900, with a week-long closure every 1000th that overlaps the next three.
func manyClosures(n int) Calendar {
	c := Calendar{Closures: make([]Closure, n)}
	d := MustDate(1900, 1, 1)
	for i := range c.Closures {
		end := d
		if i%1000 == 999 {
			end = d.AddDays(6)
		}
		c.Closures[i] = Closure{Period: Period{d, end}, Reason: fmt.Sprintf("sluiting %d", i)}
		d = d.AddDays(2)
	}
	return c
}

func BenchmarkCalendarValidate100k(b *testing.B) {
	c := manyClosures(100_000)
	b.ReportAllocs()
	for b.Loop() {
		if c.Validate() == nil {
			b.Fatal("the overlapping closures were not found")
		}
	}
}

func BenchmarkClosedDays100kOverCenturies(b *testing.B) {
	c := manyClosures(100_000)
	p := Period{MustDate(1900, 1, 1), MustDate(2499, 12, 31)}
	b.ReportAllocs()
	for b.Loop() {
		if len(c.ClosedDays(p)) < 100_000 {
			b.Fatal("too few closed days")
		}
	}
}

// An organiser's ordinary calendar over fifty years: summer and Christmas
// closures, a few single days a year.
func BenchmarkClosedDaysFiftyYears(b *testing.B) {
	var c Calendar
	for y := 2000; y < 2050; y++ {
		c.Closures = append(c.Closures,
			Closure{Period: Period{MustDate(y, 7, 20), MustDate(y, 8, 9)}, Reason: "zomersluiting"},
			Closure{Period: Period{MustDate(y, 12, 24), MustDate(y, 12, 31)}, Reason: "kerstsluiting"},
			Closure{Period: Period{MustDate(y, 3, 12), MustDate(y, 3, 12)}, Reason: "studiedag"},
			Closure{Period: Period{MustDate(y, 10, 2), MustDate(y, 10, 2)}, Reason: "studiedag"})
	}
	p := Period{MustDate(2000, 1, 1), MustDate(2049, 12, 31)}
	b.ReportAllocs()
	for b.Loop() {
		if len(c.ClosedDays(p)) == 0 {
			b.Fatal("no closed days")
		}
	}
}

// irregularPlan is a plan of irregular care: n overrides, one a day, from 2026.
func irregularPlan(n int) Plan {
	p := Plan{Kind: KindRegular, Start: MustDate(2026, 1, 1), Schedule: Schedule{Weeks: []Week{{Monday: fullDay}}}}
	d := p.Start
	for range n {
		p.Overrides = append(p.Overrides, Override{Date: d, Slots: morning})
		d = d.AddDays(1)
	}
	for y := 2026; y < 2026+n/365+1; y++ {
		p.Exclusions = append(p.Exclusions, Exclusion{Period: Period{MustDate(y, 7, 1), MustDate(y, 7, 31)}, Reason: "vakantie"})
	}
	return p
}

func BenchmarkPlanDays10kOverrides(b *testing.B) {
	p := irregularPlan(10_000)
	all := Period{p.Start, p.Start.AddDays(10_000)}
	b.ReportAllocs()
	for b.Loop() {
		if len(p.Days(all, Calendar{})) == 0 {
			b.Fatal("no days")
		}
	}
}

func BenchmarkPlanValidate10kOverrides(b *testing.B) {
	p := irregularPlan(10_000)
	for i := range 10_000 {
		p.SettlingIn = append(p.SettlingIn, p.Start.AddDays(i))
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := p.Validate(Facts{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDaysBeforeWorking(b *testing.B) {
	c := Calendar{Closures: []Closure{{Period: Period{MustDate(2026, 5, 15), MustDate(2026, 5, 15)}, Reason: "brugdag"}}}
	d := MustDate(2026, 5, 18)
	for _, n := range []int{2, 10_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if c.DaysBefore(d, n, WorkingDays).IsZero() {
					b.Fatal("no day")
				}
			}
		})
	}
}
