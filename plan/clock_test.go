package plan

import (
	"encoding/json"
	"errors"
	"testing"

	"pgregory.net/rapid"
)

func TestParseClock(t *testing.T) {
	good := map[string]Clock{"00:00": 0, "07:30": 450, "23:59": 1439, "24:00": 1440, "12:00": 720}
	for in, want := range good {
		got, err := ParseClock(in)
		if err != nil || got != want {
			t.Errorf("ParseClock(%q) = %v, %v; want %d", in, got, err, want)
		}
	}
	for _, bad := range []string{"7:30", "07:5", "0730", " 07:30", "07:30:00", "-1:00", "7h30m", "24:01", "25:00", "12:60", ""} {
		if _, err := ParseClock(bad); !errors.Is(err, CodeInvalidClock) {
			t.Errorf("ParseClock(%q) error = %v, want CodeInvalidClock", bad, err)
		}
	}
	if _, err := json.Marshal(Clock(2000)); err == nil {
		t.Error("an out-of-range Clock must not marshal")
	}
}

func TestClockRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := Clock(rapid.IntRange(0, 1440).Draw(t, "c"))
		b, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		var back Clock
		if err := json.Unmarshal(b, &back); err != nil || back != c {
			t.Fatalf("%v → %s → %v, %v", c, b, back, err)
		}
	})
}

// A Clock is valid from 00:00 (0) to 24:00 (1440), and reads as hours and
// minutes.
func TestClockValid(t *testing.T) {
	for _, tt := range []struct {
		c     Clock
		valid bool
		s     string
	}{
		{-1, false, "invalid(-1)"}, {0, true, "00:00"}, {1, true, "00:01"}, {59, true, "00:59"}, {60, true, "01:00"},
		{1439, true, "23:59"}, {1440, true, "24:00"}, {1441, false, "invalid(1441)"},
	} {
		if tt.c.Valid() != tt.valid || tt.c.String() != tt.s {
			t.Errorf("Clock(%d): valid %v, %q; want %v, %q", int(tt.c), tt.c.Valid(), tt.c.String(), tt.valid, tt.s)
		}
	}
	if c := MustClock("07:45"); c.Hour() != 7 || c.Minute() != 45 {
		t.Errorf("07:45: hour %d, minute %d", c.Hour(), c.Minute())
	}
	for _, tt := range []struct{ h, m int }{{-1, 0}, {0, -1}, {24, 1}, {25, 0}, {23, 60}} {
		if _, err := NewClock(tt.h, tt.m); !errors.Is(err, CodeInvalidClock) {
			t.Errorf("NewClock(%d, %d): %v", tt.h, tt.m, err)
		}
	}
	if c, err := NewClock(0, 0); err != nil || c != Midnight {
		t.Errorf("NewClock(0, 0) = %v, %v", c, err)
	}
	var c Clock
	if err := c.UnmarshalText([]byte("7:30")); err == nil {
		t.Error("UnmarshalText(7:30)")
	}
}
