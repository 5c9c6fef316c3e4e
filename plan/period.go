package plan

import (
	"fmt"
	"iter"
	"strings"
)

// Period is an inclusive range of days: Start and End both belong to it. A
// period of one day has Start == End. The zero Period is empty.
//
// A Period is valid when both dates are set and End is not before Start;
// methods treat an invalid period as empty.
type Period struct {
	Start Date `json:"start"`
	End   Date `json:"end"`
}

// NewPeriod returns the period from start to end inclusive, or an error
// naming the dates when one is missing or end is before start.
func NewPeriod(start, end Date) (Period, error) {
	p := Period{Start: start, End: end}
	if err := p.Validate(); err != nil {
		return Period{}, err
	}
	return p, nil
}

// Validate reports a Problem when a date is missing or End is before Start.
func (p Period) Validate() error {
	if p.Start.IsZero() || p.End.IsZero() {
		return Problem{Code: CodeInvalidPeriod, Field: "period", Date: p.Start,
			Message: fmt.Sprintf("period %s needs both a start and an end date", p)}
	}
	if p.End.Before(p.Start) {
		return Problem{Code: CodeEndBeforeStart, Field: "period.end", Date: p.End,
			Message: fmt.Sprintf("period ends on %s, before it starts on %s", p.End, p.Start)}
	}
	return nil
}

// IsEmpty reports whether p holds no day (unset dates or End before Start).
func (p Period) IsEmpty() bool {
	return p.Start.IsZero() || p.End.IsZero() || p.End.Before(p.Start)
}

// Len returns the number of days in p (0 when empty).
func (p Period) Len() int {
	if p.IsEmpty() {
		return 0
	}
	return p.Start.DaysUntil(p.End) + 1
}

// Contains reports whether d is a day of p.
func (p Period) Contains(d Date) bool {
	return !p.IsEmpty() && !d.IsZero() && !d.Before(p.Start) && !d.After(p.End)
}

// Overlaps reports whether p and q share at least one day.
func (p Period) Overlaps(q Period) bool {
	_, ok := p.Intersect(q)
	return ok
}

// Intersect returns the days p and q share, and false when they share none.
func (p Period) Intersect(q Period) (Period, bool) {
	if p.IsEmpty() || q.IsEmpty() {
		return Period{}, false
	}
	r := Period{Start: p.Start, End: p.End}
	if q.Start.After(r.Start) {
		r.Start = q.Start
	}
	if q.End.Before(r.End) {
		r.End = q.End
	}
	if r.End.Before(r.Start) {
		return Period{}, false
	}
	return r, true
}

// Days yields each day of p in order, from Start to End.
//
//	for d := range p.Days() { ... }
func (p Period) Days() iter.Seq[Date] {
	return func(yield func(Date) bool) {
		if p.IsEmpty() {
			return
		}
		for d := p.Start; !d.After(p.End); d = d.AddDays(1) {
			if !yield(d) || d == p.End {
				return
			}
		}
	}
}

// Months yields each calendar month p touches, in order.
func (p Period) Months() iter.Seq[Month] {
	return func(yield func(Month) bool) {
		if p.IsEmpty() {
			return
		}
		last := p.End.MonthOf()
		for m := p.Start.MonthOf(); m.Compare(last) <= 0; m = m.Add(1) {
			if !yield(m) || m == last {
				return
			}
		}
	}
}

// String formats p as "START..END" (each side empty when unset).
func (p Period) String() string {
	var b strings.Builder
	b.WriteString(p.Start.String())
	b.WriteString("..")
	b.WriteString(p.End.String())
	return b.String()
}
