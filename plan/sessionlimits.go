package plan

import (
	"fmt"
	"time"
)

// The years a check-in or check-out may fall in. An instant outside them is
// a typing error, and it would break the arithmetic of durations (a
// time.Duration holds at most 292 years).
const (
	MinSessionYear = 1900
	MaxSessionYear = 2100
)

// ValidateSessionLimits reports every session with an instant outside the
// years MinSessionYear–MaxSessionYear and every session longer than max (a
// check-out that was never registered, so the stay runs on into the next
// days). Fields are "sessions[i]". It returns nil when all is well; see
// ValidateSessions for malformed and overlapping sessions.
func ValidateSessionLimits(sessions []Session, max time.Duration) error {
	var ps Problems
	for i, s := range sessions {
		field := func() string { return fmt.Sprintf("sessions[%d]", i) }
		if !inYears(s.In) || !inYears(s.Out) {
			ps = append(ps, Problem{Code: CodeOutOfRange, Field: field(),
				Message: fmt.Sprintf("session %s–%s lies outside the years %d–%d", s.In.Format(time.RFC3339), s.Out.Format(time.RFC3339), MinSessionYear, MaxSessionYear)})
			continue
		}
		if s.Out.Sub(s.In) > max {
			ps = append(ps, Problem{Code: CodeTooLong, Field: field(), Date: DateOf(s.In.In(locOrDefault(nil))),
				Message: fmt.Sprintf("session %s–%s lasts %s, longer than the %s a stay may last: is a check-out missing?",
					s.In.Format(time.RFC3339), s.Out.Format(time.RFC3339), s.Out.Sub(s.In).Round(time.Minute), max)})
		}
	}
	return ps.Err()
}

// Instants a day inside the years MinSessionYear–MaxSessionYear in UTC are
// inside them in every zone (offsets stay within ±24 hours): the common
// case is decided on Unix seconds, the rest by the instant's own year.
const (
	safeFrom = -2208902400 // 1900-01-02T00:00:00Z
	safeTo   = 4133894400  // 2100-12-31T00:00:00Z
)

// inYears reports whether t is zero or falls, in its own zone, within the
// years MinSessionYear–MaxSessionYear.
func inYears(t time.Time) bool {
	if u := t.Unix(); u >= safeFrom && u < safeTo {
		return true
	}
	if t.IsZero() {
		return true
	}
	y := t.Year()
	return y >= MinSessionYear && y <= MaxSessionYear
}
