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
