package plan

import (
	"testing"
	"time"
)

func BenchmarkSplitNight(b *testing.B) {
	s := Session{bxl(2026, 3, 28, 20, 0), bxl(2026, 3, 29, 8, 0)}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Split(nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWithinDay(b *testing.B) {
	s := Session{bxl(2026, 3, 10, 7, 30), bxl(2026, 3, 10, 17, 45)}
	start, end := DayBounds(MustParseDate("2026-03-10"), nil)
	b.ReportAllocs()
	var d time.Duration
	for b.Loop() {
		d += s.Within(start, end)
	}
	_ = d
}

func BenchmarkReservedDaysMonth(b *testing.B) {
	p := Plan{Kind: KindRegular, Start: MustParseDate("2026-01-01"),
		Schedule: Schedule{Weeks: []Week{{Monday: fullDay, Tuesday: fullDay, Wednesday: morning, Thursday: fullDay, Friday: fullDay}}}}
	c := Calendar{Closures: []Closure{{Period: Period{MustParseDate("2026-05-15"), MustParseDate("2026-05-15")}, Reason: "brugdag"}}}
	may := MustMonth(2026, 5).Days()
	b.ReportAllocs()
	for b.Loop() {
		if len(p.ReservedDays(may, c)) == 0 {
			b.Fatal("no days")
		}
	}
}

func BenchmarkParseDate(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseDate("2026-03-29"); err != nil {
			b.Fatal(err)
		}
	}
}

// The notice rules ask a day at a time whether it is reserved and open: a
// month of days under a plan and a calendar with a closure, in March (where
// the days after Easter are candidates).
func BenchmarkPlanDayMonth(b *testing.B) {
	p := Plan{Kind: KindRegular, Start: MustParseDate("2026-01-01"),
		Schedule: Schedule{Weeks: []Week{{Monday: fullDay, Tuesday: fullDay, Wednesday: morning, Thursday: fullDay, Friday: fullDay}}}}
	c := Calendar{Closures: []Closure{{Period: Period{MustParseDate("2026-03-16"), MustParseDate("2026-03-16")}, Reason: "brugdag"}}}
	first := MustParseDate("2026-03-01")
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for i := range 31 {
			if p.Day(first.AddDays(i), c).IsReserved() {
				n++
			}
		}
		if n != 21 {
			b.Fatalf("%d days reserved, want 21", n)
		}
	}
}

// Calendar.IsClosed for each day of a month in spring (Easter candidates)
// with one closure.
func BenchmarkIsClosedMonth(b *testing.B) {
	c := Calendar{Closures: []Closure{{Period: Period{MustParseDate("2026-04-10"), MustParseDate("2026-04-10")}, Reason: "brugdag"}}}
	first := MustParseDate("2026-04-01")
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for i := range 30 {
			if _, closed := c.IsClosed(first.AddDays(i)); closed {
				n++
			}
		}
		if n != 2 { // the closure and Easter Monday, 6 April 2026
			b.Fatalf("%d closed days, want 2", n)
		}
	}
}

// Date.AppendText, as explanations write dates.
func BenchmarkDateAppendText(b *testing.B) {
	d := MustParseDate("2026-03-29")
	buf := make([]byte, 0, 16)
	b.ReportAllocs()
	for b.Loop() {
		buf = d.AppendText(buf[:0])
	}
	if string(buf) != "2026-03-29" {
		b.Fatal(string(buf))
	}
}
