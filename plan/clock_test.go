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
