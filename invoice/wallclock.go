package invoice

import (
	"time"

	"github.com/kinderopvang/regels/plan"
)

// wallClock returns children whose sessions carry no monotonic clock
// reading. An instant from time.Now holds one, and Before, After and Sub
// compare two such instants by it, not by the wall clock; the billing
// counts Unix nanoseconds, the wall clock. Stripped, the checks and the
// billing read the same clock (a clock stepped between a check-in and a
// check-out once made a session valid by one and too long by the other;
// found by review). The caller's slices are copied only when a session has
// such a reading.
func wallClock(children []Child) []Child {
	for i := range children {
		for _, s := range children[i].Sessions {
			if hasMonotonic(s.In) || hasMonotonic(s.Out) {
				return stripMonotonic(children)
			}
		}
	}
	return children
}

// hasMonotonic reports whether t carries a monotonic clock reading.
func hasMonotonic(t time.Time) bool { return t != t.Round(0) }

// stripMonotonic returns a copy of children with each session's instants
// read on the wall clock alone.
func stripMonotonic(children []Child) []Child {
	out := make([]Child, len(children))
	copy(out, children)
	for i := range out {
		ss := make([]plan.Session, len(out[i].Sessions))
		for k, s := range out[i].Sessions {
			s.In, s.Out = s.In.Round(0), s.Out.Round(0)
			ss[k] = s
		}
		out[i].Sessions = ss
	}
	return out
}
