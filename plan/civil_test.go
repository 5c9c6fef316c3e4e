package plan

import (
	"testing"
	"time"
)

// TestCivilFromDaysEveryDay checks civilFromDays and daysFromCivil against
// the time package on every day from 0001-01-01 to 9999-12-31.
func TestCivilFromDaysEveryDay(t *testing.T) {
	first := time.Date(1, time.January, 1, 0, 0, 0, 0, time.UTC)
	z := int(first.Unix() / 86400)
	for tm := first; tm.Year() < 10000; tm = tm.AddDate(0, 0, 1) {
		y, m, d := civilFromDays(z)
		if wy, wm, wd := tm.Date(); y != wy || m != wm || d != wd {
			t.Fatalf("civilFromDays(%d) = %04d-%02d-%02d, want %s", z, y, m, d, tm.Format(time.DateOnly))
		}
		if back := daysFromCivil(y, m, d); back != z {
			t.Fatalf("daysFromCivil(%04d-%02d-%02d) = %d, want %d", y, m, d, back, z)
		}
		z++
	}
	if want := int(time.Date(9999, time.December, 31, 0, 0, 0, 0, time.UTC).Unix()/86400) + 1; z != want {
		t.Fatalf("walked to day %d, want %d", z, want)
	}
}

// Month.First and Month.Last are the month's first and last days as the
// time package counts them, for every month of 0001–9999; the zero Month
// has neither.
func TestMonthFirstAndLastEveryMonth(t *testing.T) {
	for y := 1; y <= 9999; y++ {
		for mo := time.January; mo <= time.December; mo++ {
			m := MustMonth(y, mo)
			first := time.Date(y, mo, 1, 0, 0, 0, 0, time.UTC)
			last := first.AddDate(0, 1, -1)
			if got := m.First(); got != MustDate(y, mo, 1) || got.Weekday() != first.Weekday() {
				t.Fatalf("%s: First %s", m, got)
			}
			if got := m.Last(); got != MustDate(y, mo, last.Day()) || got.Weekday() != last.Weekday() {
				t.Fatalf("%s: Last %s, want %s", m, got, last.Format(time.DateOnly))
			}
		}
	}
	if !(Month{}).First().IsZero() || !(Month{}).Last().IsZero() {
		t.Error("the zero Month has a first or last day")
	}
}
