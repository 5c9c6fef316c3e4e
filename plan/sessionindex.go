package plan

import (
	"slices"
	"time"
)

// SessionIndex holds sessions sorted by check-in, to find a day's sessions
// without scanning them all: a month of care asks for each of its days.
// Build it once with NewSessionIndex; it does not change.
type SessionIndex struct {
	sorted []Session
	// maxLen is the longest session: a session ending after start began at
	// most maxLen before it.
	maxLen time.Duration
}

// NewSessionIndex indexes sessions (a copy; the argument is not changed).
func NewSessionIndex(sessions []Session) SessionIndex {
	s := slices.Clone(sessions)
	slices.SortFunc(s, func(a, b Session) int { return a.In.Compare(b.In) })
	var longest time.Duration
	for _, x := range s {
		longest = max(longest, x.Elapsed())
	}
	return SessionIndex{sorted: s, maxLen: longest}
}

// Overlapping returns the sessions that share time with [start, end), in
// check-in order, as a sub-slice of the index (do not modify it). It does
// not allocate.
func (x SessionIndex) Overlapping(start, end time.Time) []Session {
	from := start.Add(-x.maxLen)
	lo, _ := slices.BinarySearchFunc(x.sorted, from, func(s Session, t time.Time) int { return s.In.Compare(t) })
	hi, _ := slices.BinarySearchFunc(x.sorted, end, func(s Session, t time.Time) int { return s.In.Compare(t) })
	return x.sorted[lo:hi]
}
