package invoice

import (
	"time"

	"github.com/kinderopvang/regels/plan"
)

// wallClock returns sessions without monotonic clock readings. An instant
// from time.Now holds one, and Before, After and Sub compare two such
// instants by it, not by the wall clock, while the billing and the
// one-pass check (sessionsPlain) count Unix nanoseconds, the wall clock.
// The checks one by one read sessions through wallClock, so they and the
// billing read the same clock (a clock stepped between a check-in and a
// check-out once made two sessions that overlap on the wall clock pass the
// checks; found by review). The caller's slice is copied only when a
// session has such a reading.
func wallClock(sessions []plan.Session) []plan.Session {
	for i, s := range sessions {
		if hasMonotonic(s.In) || hasMonotonic(s.Out) {
			out := make([]plan.Session, len(sessions))
			copy(out, sessions[:i])
			for k := i; k < len(sessions); k++ {
				s := sessions[k]
				s.In, s.Out = s.In.Round(0), s.Out.Round(0)
				out[k] = s
			}
			return out
		}
	}
	return sessions
}

// hasMonotonic reports whether t carries a monotonic clock reading.
func hasMonotonic(t time.Time) bool { return t != t.Round(0) }
