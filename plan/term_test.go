package plan

import (
	"testing"

	"pgregory.net/rapid"
)

// Terms in months follow Belgian Judicial Code art. 54: from the nth to the
// day before the nth.
func TestTermEnd(t *testing.T) {
	tests := []struct {
		name   string
		start  string
		months int
		want   string
	}{
		{"from the 10th, two months (notice, seed 004 §6.2.1)", "2026-03-10", 2, "2026-05-09"},
		{"from the 1st ends at the previous month's end", "2026-03-01", 2, "2026-04-30"},
		{"across a year end", "2025-11-15", 2, "2026-01-14"},
		{"six months (temporary plan, seed 004 §3.4)", "2026-01-05", 6, "2026-07-04"},
		{"from 31 January: no 31 February, ends on its last day", "2026-01-31", 1, "2026-02-28"},
		{"from 30 January: same", "2026-01-30", 1, "2026-02-28"},
		{"from 29 January in a leap year: day before 29 February", "2028-01-29", 1, "2028-02-28"},
		{"from 31 January in a leap year", "2028-01-31", 1, "2028-02-29"},
		{"from 28 January", "2026-01-28", 1, "2026-02-27"},
		{"from 31 August, 6 months", "2025-08-31", 6, "2026-02-28"},
		{"from 29 February, 12 months", "2024-02-29", 12, "2025-02-28"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := TermEnd(MustParseDate(tt.start), tt.months)
			if got != MustParseDate(tt.want) {
				t.Errorf("TermEnd(%s, %d) = %v, want %s", tt.start, tt.months, got, tt.want)
			}
		})
	}
	if !TermEnd(MustParseDate("2026-03-10"), 0).IsZero() || !TermEnd(Date{}, 2).IsZero() {
		t.Error("TermEnd of no term or no start must be zero")
	}
	if !Term(MustParseDate("9999-11-10"), 2).IsEmpty() {
		t.Error("a term past 9999 has no end")
	}
}

func TestAddMonths(t *testing.T) {
	tests := []struct {
		d    string
		n    int
		want string
	}{
		{"2021-08-31", 42, "2025-02-28"}, // 3.5 years: last day of the shorter month
		{"2021-08-15", 42, "2025-02-15"},
		{"2020-02-29", 12, "2021-02-28"},
		{"2020-02-29", 48, "2024-02-29"},
		{"2026-03-31", -1, "2026-02-28"},
	}
	for _, tt := range tests {
		if got := AddMonths(MustParseDate(tt.d), tt.n); got != MustParseDate(tt.want) {
			t.Errorf("AddMonths(%s, %d) = %v, want %s", tt.d, tt.n, got, tt.want)
		}
	}
}

// A later start never gives an earlier end, and a term always contains its
// start and lasts between 28·n−3 and 31·n days.
func TestTermEndProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		d := genNearDate().Draw(t, "d")
		n := rapid.IntRange(1, 24).Draw(t, "months")
		e := TermEnd(d, n)
		if next := TermEnd(d.AddDays(1), n); next.Before(e) {
			t.Fatalf("TermEnd(%v)=%v but TermEnd(next day)=%v", d, e, next)
		}
		term := Term(d, n)
		if !term.Contains(d) || term.End != e {
			t.Fatalf("Term(%v, %d) = %v", d, n, term)
		}
		if l := term.Len(); l < 28*n-3 || l > 31*n {
			t.Fatalf("term of %d months from %v lasts %d days", n, d, l)
		}
		// The day after the term is the corresponding day, when it exists.
		if d.Day() <= 28 && e.AddDays(1) != AddMonths(d, n) {
			t.Fatalf("day after TermEnd(%v,%d) = %v, want %v", d, n, e.AddDays(1), AddMonths(d, n))
		}
	})
}
