package plan

import (
	"fmt"
	"slices"
	"time"
)

// Session is one stay of a child in care: the instant of check-in and the
// instant of check-out. Out must be after In. Instants carry their own
// offset; which calendar day they fall on is decided in a location (Brussels
// unless the caller says otherwise).
type Session struct {
	In  time.Time `json:"in"`
	Out time.Time `json:"out"`
}

// Validate reports a Problem when an instant is missing or Out is not after
// In.
func (s Session) Validate() error { return s.validate("session") }

func (s Session) validate(field string) error {
	if s.In.IsZero() || s.Out.IsZero() {
		return Problem{Code: CodeMissing, Field: field,
			Message: "a session needs both a check-in and a check-out instant"}
	}
	if !s.Out.After(s.In) {
		return Problem{Code: CodeEndBeforeStart, Field: field + ".out", Date: DateOf(s.In),
			Message: fmt.Sprintf("check-out %s is not after check-in %s",
				s.Out.Format(time.RFC3339), s.In.Format(time.RFC3339))}
	}
	return nil
}

// Elapsed returns the real elapsed time of the session (0 when Out is not
// after In).
func (s Session) Elapsed() time.Duration {
	if !s.Out.After(s.In) {
		return 0
	}
	return s.Out.Sub(s.In)
}

// Overlaps reports whether s and o share any instant. Sessions that touch
// (one's Out equals the other's In) do not overlap.
func (s Session) Overlaps(o Session) bool {
	return s.In.Before(o.Out) && o.In.Before(s.Out)
}

// Within returns the part of s that falls in [start, end): its elapsed time
// there, 0 when they do not meet. It does not allocate.
func (s Session) Within(start, end time.Time) time.Duration {
	a, b := s.In, s.Out
	if start.After(a) {
		a = start
	}
	if end.Before(b) {
		b = end
	}
	if !b.After(a) {
		return 0
	}
	return b.Sub(a)
}

// DaySpan is the part of a session that falls on one calendar day.
type DaySpan struct {
	Date  Date      `json:"date"`
	Start time.Time `json:"start"`
	End   time.Time `json:"end"`
}

// Elapsed returns the real elapsed time of the span.
func (p DaySpan) Elapsed() time.Duration { return p.End.Sub(p.Start) }

// Minutes returns the span's elapsed time in whole minutes, truncated: 59
// seconds do not make a minute.
func (p DaySpan) Minutes() int { return int(p.Elapsed() / time.Minute) }

// Split cuts s at each midnight of loc (nil means Brussels) and returns one
// span per calendar day, in order. Spans are real elapsed time: on the
// 23-hour and 25-hour days of the daylight-saving switch a span from
// midnight to midnight lasts 23 or 25 hours. The spans' durations add up to
// s.Elapsed() exactly.
func (s Session) Split(loc *time.Location) ([]DaySpan, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	loc = locOrDefault(loc)
	if loc == nil {
		return nil, Problem{Code: CodeMissing, Field: "location", Message: "no time-zone location"}
	}
	in, out := s.In.In(loc), s.Out.In(loc)
	if DateOf(in).IsZero() || DateOf(out).IsZero() {
		return nil, Problem{Code: CodeInvalidValue, Field: "session",
			Message: fmt.Sprintf("session %s–%s falls outside the years 1–9999", s.In.Format(time.RFC3339), s.Out.Format(time.RFC3339))}
	}
	var spans []DaySpan
	for cur := in; cur.Before(out); {
		d := DateOf(cur)
		next := nextMidnight(d, loc) // from the civil date (DST-safe), also after 9999-12-31
		end := out
		if next.Before(out) {
			end = next
		}
		spans = append(spans, DaySpan{Date: d, Start: cur, End: end})
		cur = end
	}
	return spans, nil
}

// wellOrdered reports whether sessions are well formed, in check-in order
// and without overlap: the common case, decided in one pass without
// sorting.
func wellOrdered(sessions []Session) bool {
	for i, s := range sessions {
		if s.In.IsZero() || s.Out.IsZero() || !s.Out.After(s.In) {
			return false
		}
		if i > 0 && s.In.Before(sessions[i-1].Out) {
			return false
		}
	}
	return true
}

// ValidateSessions checks one child's sessions and returns every problem at
// once: sessions without both instants, sessions whose check-out is not
// after check-in, and pairs of sessions that overlap (a child cannot be
// checked in twice). Indexes in Field refer to the caller's slice. Problems
// come in a stable order: malformed sessions by index, then overlaps by
// check-in time. It returns nil when all is well.
func ValidateSessions(sessions []Session) error {
	if wellOrdered(sessions) {
		return nil
	}
	var ps Problems
	type indexed struct {
		i int
		s Session
	}
	ok := make([]indexed, 0, len(sessions))
	for i, s := range sessions {
		if s.In.IsZero() || s.Out.IsZero() || !s.Out.After(s.In) { // format the field only for a problem
			ps = append(ps, s.validate(fmt.Sprintf("sessions[%d]", i)).(Problem))
			continue
		}
		ok = append(ok, indexed{i, s})
	}
	slices.SortStableFunc(ok, func(a, b indexed) int { return a.s.In.Compare(b.s.In) })
	// After sorting by check-in, a session overlaps an earlier one exactly
	// when it starts before the latest check-out seen so far.
	latest := 0
	for k := 1; k < len(ok); k++ {
		if ok[k].s.In.Before(ok[latest].s.Out) {
			a, b := ok[latest], ok[k]
			lo, hi := min(a.i, b.i), max(a.i, b.i)
			ps = append(ps, Problem{Code: CodeOverlap, Field: fmt.Sprintf("sessions[%d]", hi), Date: DateOf(b.s.In),
				Message: fmt.Sprintf("session %d (%s–%s) overlaps session %d (%s–%s)",
					hi, sessions[hi].In.Format(time.RFC3339), sessions[hi].Out.Format(time.RFC3339),
					lo, sessions[lo].In.Format(time.RFC3339), sessions[lo].Out.Format(time.RFC3339))})
		}
		if ok[k].s.Out.After(ok[latest].s.Out) {
			latest = k
		}
	}
	return ps.Err()
}
