package plan

import (
	"errors"
	"testing"
	"time"

	"pgregory.net/rapid"
)

// The Unix bounds of the fast path are the dates they name.
func TestSessionYearBounds(t *testing.T) {
	if got := time.Date(MinSessionYear, time.January, 2, 0, 0, 0, 0, time.UTC).Unix(); got != safeFrom {
		t.Errorf("safeFrom %d, want %d", int64(safeFrom), got)
	}
	if got := time.Date(MaxSessionYear, time.December, 31, 0, 0, 0, 0, time.UTC).Unix(); got != safeTo {
		t.Errorf("safeTo %d, want %d", int64(safeTo), got)
	}
}

// An instant is within the years exactly when its year, in its own zone,
// is: near the edges in zones from UTC−12 to UTC+14, and anywhere.
func TestInYearsIsTheInstantsYear(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		offset := rapid.IntRange(-12*3600, 14*3600).Draw(t, "offset")
		zone := time.FixedZone("z", offset)
		var base time.Time
		switch rapid.IntRange(0, 2).Draw(t, "where") {
		case 0:
			base = time.Date(MinSessionYear, time.January, 1, 0, 0, 0, 0, time.UTC)
		case 1:
			base = time.Date(MaxSessionYear+1, time.January, 1, 0, 0, 0, 0, time.UTC)
		default:
			base = time.Date(rapid.IntRange(1800, 2200).Draw(t, "year"), time.January, 1, 0, 0, 0, 0, time.UTC)
		}
		at := base.Add(time.Duration(rapid.Int64Range(-3*86400, 3*86400).Draw(t, "seconds")) * time.Second).In(zone)
		y := at.Year()
		if want := y >= MinSessionYear && y <= MaxSessionYear; inYears(at) != want {
			t.Fatalf("%s: inYears %v, year %d", at.Format(time.RFC3339), inYears(at), y)
		}
	})
}

// ValidateSessionLimits reports an instant outside 1900–2100 and a stay
// longer than the maximum, each with its field, and nothing else.
func TestValidateSessionLimits(t *testing.T) {
	bxl := Brussels()
	ok := Session{In: time.Date(2025, 3, 3, 8, 0, 0, 0, bxl), Out: time.Date(2025, 3, 3, 17, 0, 0, 0, bxl)}
	early := Session{In: time.Date(1899, 12, 31, 23, 30, 0, 0, time.FixedZone("w", -3600)), Out: time.Date(1900, 1, 1, 1, 0, 0, 0, time.UTC)}
	edge := Session{In: time.Date(1900, 1, 1, 0, 30, 0, 0, time.FixedZone("e", 3600)), Out: time.Date(1900, 1, 1, 8, 0, 0, 0, time.FixedZone("e", 3600))}
	late := Session{In: time.Date(2100, 12, 31, 23, 0, 0, 0, bxl), Out: time.Date(2101, 1, 1, 1, 0, 0, 0, bxl)}
	long := Session{In: time.Date(2025, 3, 3, 8, 0, 0, 0, bxl), Out: time.Date(2025, 3, 4, 9, 0, 0, 0, bxl)}
	if err := ValidateSessionLimits([]Session{ok, edge}, 24*time.Hour); err != nil {
		t.Errorf("sessions within the limits: %v", err)
	}
	err := ValidateSessionLimits([]Session{ok, early, late, long}, 24*time.Hour)
	var ps Problems
	if !errors.As(err, &ps) || len(ps) != 3 {
		t.Fatalf("three problems, got %v", err)
	}
	want := []struct {
		field string
		code  Code
	}{{"sessions[1]", CodeOutOfRange}, {"sessions[2]", CodeOutOfRange}, {"sessions[3]", CodeTooLong}}
	for i, w := range want {
		if ps[i].Field != w.field || ps[i].Code != w.code {
			t.Errorf("problem %d: %s %s, want %s %s", i, ps[i].Field, ps[i].Code, w.field, w.code)
		}
	}
}
