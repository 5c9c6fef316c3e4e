package plan

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

func TestPeriod(t *testing.T) {
	march := MustMonth(2026, 3).Days()
	if march.Len() != 31 || !march.Contains(MustParseDate("2026-03-31")) || march.Contains(MustParseDate("2026-04-01")) {
		t.Errorf("March 2026 = %v, len %d", march, march.Len())
	}
	q := Period{MustParseDate("2026-03-20"), MustParseDate("2026-04-10")}
	got, ok := march.Intersect(q)
	if want := (Period{MustParseDate("2026-03-20"), MustParseDate("2026-03-31")}); !ok || got != want {
		t.Errorf("Intersect = %v, %v; want %v", got, ok, want)
	}
	if _, ok := march.Intersect(MustMonth(2026, 5).Days()); ok {
		t.Error("March and May do not overlap")
	}
	if _, err := NewPeriod(MustParseDate("2026-03-02"), MustParseDate("2026-03-01")); !errors.Is(err, CodeEndBeforeStart) {
		t.Errorf("end before start: %v", err)
	}
	if _, err := NewPeriod(Date{}, MustParseDate("2026-03-01")); !errors.Is(err, CodeInvalidPeriod) {
		t.Errorf("missing start: %v", err)
	}
	var months []Month
	for m := range (Period{MustParseDate("2025-11-30"), MustParseDate("2026-02-01")}).Months() {
		months = append(months, m)
	}
	if diff := cmp.Diff([]Month{MustMonth(2025, 11), MustMonth(2025, 12), MustMonth(2026, 1), MustMonth(2026, 2)}, months); diff != "" {
		t.Errorf("Months (-want +got):\n%s", diff)
	}
	last := Period{MustParseDate("9999-12-30"), MustParseDate("9999-12-31")}
	n := 0
	for range last.Days() {
		n++
	}
	if n != 2 {
		t.Errorf("iterating the last two representable days yields %d", n)
	}
}

// Iterating a period yields exactly its number of days, each once, in
// order; intersection is symmetric and contained in both.
func TestPeriodProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := genPeriod().Draw(t, "p")
		q := genPeriod().Draw(t, "q")
		n := 0
		prev := Date{}
		for d := range p.Days() {
			if !p.Contains(d) || (!prev.IsZero() && prev.AddDays(1) != d) {
				t.Fatalf("Days yielded %v after %v", d, prev)
			}
			prev = d
			n++
		}
		if n != p.Len() {
			t.Fatalf("%v yields %d days, Len %d", p, n, p.Len())
		}
		a, okA := p.Intersect(q)
		b, okB := q.Intersect(p)
		if okA != okB || a != b || okA != p.Overlaps(q) {
			t.Fatalf("Intersect not symmetric: %v %v / %v %v", a, okA, b, okB)
		}
		if okA && (!p.Contains(a.Start) || !q.Contains(a.End) || !p.Contains(a.End) || !q.Contains(a.Start)) {
			t.Fatalf("intersection %v not inside %v and %v", a, p, q)
		}
	})
}
