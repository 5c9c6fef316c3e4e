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
