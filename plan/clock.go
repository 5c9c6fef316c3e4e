package plan

import "fmt"

// Clock is a wall-clock time of day as minutes since midnight, from 00:00
// (0) to 24:00 (1440). 24:00 is the end of the day and is valid only as the
// end of a slot. The zero Clock is 00:00 (midnight at the start of the day).
type Clock int16

// Midnight and EndOfDay are the first and last valid Clock values.
const (
	Midnight Clock = 0
	EndOfDay Clock = 24 * 60
)

// NewClock returns hour:minute, or an error unless 0 ≤ hour ≤ 23 and
// 0 ≤ minute ≤ 59, or exactly 24:00.
func NewClock(hour, minute int) (Clock, error) {
	if hour == 24 && minute == 0 {
		return EndOfDay, nil
	}
	if hour < 0 || hour > 23 || minute < 0 || minute > 59 {
		return 0, fmt.Errorf("plan: clock %02d:%02d is not a time of day between 00:00 and 24:00: %w", hour, minute, CodeInvalidClock)
	}
	return Clock(hour*60 + minute), nil
}

// ParseClock parses HH:MM with exactly two digits on each side ("07:30",
// "24:00"). It rejects "7:30", "07:30:00", "7h30" and surrounding spaces.
func ParseClock(s string) (Clock, error) {
	if len(s) != 5 || s[2] != ':' {
		return 0, fmt.Errorf("plan: clock %q is not in the form HH:MM: %w", s, CodeInvalidClock)
	}
	h, ok1 := atoi(s[:2])
	m, ok2 := atoi(s[3:])
	if !ok1 || !ok2 {
		return 0, fmt.Errorf("plan: clock %q is not in the form HH:MM: %w", s, CodeInvalidClock)
	}
	return NewClock(h, m)
}

// MustClock is like ParseClock but panics when s is not a clock time. It is
// for literals in programs and tests; use ParseClock for data.
func MustClock(s string) Clock {
	c, err := ParseClock(s)
	if err != nil {
		panic(err.Error())
	}
	return c
}

// Valid reports whether c is within 00:00–24:00.
func (c Clock) Valid() bool { return c >= Midnight && c <= EndOfDay }

// Hour returns the hour (0–24).
func (c Clock) Hour() int { return int(c) / 60 }

// Minute returns the minute within the hour (0–59).
func (c Clock) Minute() int { return int(c) % 60 }

// String formats c as HH:MM; an invalid Clock prints as "invalid(N)".
func (c Clock) String() string {
	if !c.Valid() {
		return fmt.Sprintf("invalid(%d)", int(c))
	}
	b := appendInt(nil, c.Hour(), 2)
	b = append(b, ':')
	return string(appendInt(b, c.Minute(), 2))
}

// MarshalText implements encoding.TextMarshaler (HH:MM). An invalid Clock is
// an error, so it never leaves as text that cannot come back.
func (c Clock) MarshalText() ([]byte, error) {
	if !c.Valid() {
		return nil, fmt.Errorf("plan: clock value %d out of range: %w", int(c), CodeInvalidClock)
	}
	return []byte(c.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler (HH:MM).
func (c *Clock) UnmarshalText(b []byte) error {
	v, err := ParseClock(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}
