package tariff

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/kinderopvang/regels/plan"
	"pgregory.net/rapid"
)

// A classifier or pricer without a table never makes a day free: the zero
// values are errors, with the field of the missing table.
func TestZeroClassifierIsAnError(t *testing.T) {
	d := day("2026-03-10")
	full := []plan.Session{sess(bxl(2026, 3, 10, 7, 30), bxl(2026, 3, 10, 17, 30))}
	for _, g := range []AgeGroup{BabyToddler, SchoolAge} {
		got, err := Classifier{}.Classify(d, full, g, Location{})
		var p plan.Problem
		if !errors.Is(err, CodeInvalidShare) || !errors.As(err, &p) || p.Field != "table."+string(g) || p.Date != d.Date {
			t.Errorf("zero Classifier, %s: %+v, %v", g, got, err)
		}
		if got != (DayCare{}) {
			t.Errorf("zero Classifier, %s: a result besides the error: %+v", g, got)
		}
	}
	// A table with only one group's thresholds classifies that group only.
	half := Classifier{Table: StatutoryBands()}
	half.Table.SchoolAge = nil
	if got, err := half.Classify(d, full, BabyToddler, Location{}); err != nil || got.Band != BandFull {
		t.Errorf("baby/toddler with its thresholds: %+v, %v", got, err)
	}
	if _, err := half.Classify(d, full, SchoolAge, Location{}); !errors.Is(err, CodeInvalidShare) {
		t.Errorf("school-age without thresholds: %v", err)
	}
	if _, err := StatutoryClassifier().Classify(d, full, "toddler", Location{}); !errors.Is(err, plan.CodeInvalidValue) {
		t.Errorf("an unknown group: %v", err)
	}
	// The zero pricer has no shares: an error, not a free day.
	for _, b := range []Band{BandNone, BandHalf, BandFull} {
		if got, err := (BandPricer{}).PriceDay(DayCare{Date: d.Date, Band: b}, MustTariff("27.35")); !errors.Is(err, CodeInvalidShare) {
			t.Errorf("zero BandPricer, %s: %+v, %v", b, got, err)
		}
	}
	// With a table, a day without care costs nothing.
	if got, err := (BandPricer{Table: StatutoryBands()}).PriceDay(DayCare{Band: BandNone}, MustTariff("27.35")); err != nil || !got.Amount.IsZero() {
		t.Errorf("no care: %+v, %v", got, err)
	}
}

// Classifier.Validate is the table's validation, under "table".
func TestClassifierValidate(t *testing.T) {
	if err := StatutoryClassifier().Validate(); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range plan.AsProblems(Classifier{}.Validate()) {
		got = append(got, string(p.Code)+" "+p.Field)
	}
	want := []string{"invalid_share table.baby_toddler", "invalid_share table.school_age"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("zero Classifier (-want +got):\n%s", diff)
	}
}

// BandFor and ClassifyDurations give the band Classify gives, for any
// care at any location under any knob.
func TestBandForMatchesClassify(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := StatutoryClassifier()
		c.NightCountsWithoutFlex = rapid.Bool().Draw(t, "night")
		c.FlexWithoutPermission = rapid.Bool().Draw(t, "flex_knob")
		day := NewDay(plan.MustParseDate("2025-03-28").AddDays(rapid.IntRange(0, 3).Draw(t, "day")), nil)
		in := day.Start.Add(time.Duration(rapid.IntRange(0, 24*60).Draw(t, "in")) * time.Minute)
		s := plan.Session{In: in, Out: in.Add(time.Duration(rapid.IntRange(1, 26*60).Draw(t, "len")) * time.Minute)}
		g := rapid.SampledFrom([]AgeGroup{BabyToddler, SchoolAge}).Draw(t, "group")
		loc := Location{Flex: rapid.Bool().Draw(t, "flex")}
		want, err := c.Classify(day, []plan.Session{s}, g, loc)
		if err != nil {
			t.Fatal(err)
		}
		all, window := s.Within(day.Start, day.End), s.Within(day.WindowStart, day.WindowEnd)
		got, err := c.ClassifyDurations(day.Date, all, window, g, loc)
		if err != nil || got != want {
			t.Fatalf("ClassifyDurations %+v, Classify %+v", got, want)
		}
		if b, err := c.BandFor(day.Date, all, window, g, loc); err != nil || b != want.Band {
			t.Fatalf("BandFor %s, Classify %s", b, want.Band)
		}
	})
}

// Classify sums a day's care in integers: the same durations as each
// session's Within the day and its window, for days and instants anywhere
// in years 1–9999 (where nanoseconds overflow an int64 the sum falls back to
// time.Time), sessions inside, across and far from the day.
func TestDayCareIsWithin(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		var d plan.Date
		if rapid.Bool().Draw(t, "near") {
			d = plan.MustParseDate("2026-03-29").AddDays(rapid.IntRange(-400, 400).Draw(t, "offset")) // DST switches
		} else {
			d = plan.MustParseDate("0001-01-01").AddDays(rapid.IntRange(0, 3652058).Draw(t, "day"))
		}
		day := NewDay(d, nil)
		switch rapid.IntRange(0, 3).Draw(t, "frame") {
		case 1: // found by review: a window wider than the day, a day ending before it starts
			day.WindowStart = day.Start.Add(time.Duration(rapid.Int64Range(-86400e9, 86400e9).Draw(t, "window_start")))
			day.WindowEnd = day.Start.Add(time.Duration(rapid.Int64Range(-86400e9, 2*86400e9).Draw(t, "window_end")))
			day.End = day.Start.Add(time.Duration(rapid.Int64Range(-86400e9, 2*86400e9).Draw(t, "end")))
		case 2: // bounds with a monotonic clock reading, as time.Now gives
			now := time.Now()
			day = Day{Date: d, Start: now, End: now.Add(24 * time.Hour), WindowStart: now.Add(6 * time.Hour), WindowEnd: now.Add(20 * time.Hour)}
		}
		instant := func(label string) time.Time {
			switch rapid.IntRange(0, 2).Draw(t, label+"_kind") {
			case 0: // within a day or two of the day
				return day.Start.Add(time.Duration(rapid.Int64Range(-2*86400e9, 3*86400e9).Draw(t, label)))
			case 1: // anywhere in years 1–9999, to the nanosecond
				return time.Unix(rapid.Int64Range(-62135596800, 253402300799).Draw(t, label), rapid.Int64Range(0, 999999999).Draw(t, label+"_ns"))
			}
			return day.WindowStart.Add(time.Duration(rapid.Int64Range(0, 14*3600e9).Draw(t, label)))
		}
		var sessions []plan.Session
		for i := range rapid.IntRange(0, 4).Draw(t, "n") {
			s := plan.Session{In: instant(fmt.Sprintf("in%d", i)), Out: instant(fmt.Sprintf("out%d", i))}
			if rapid.Bool().Draw(t, fmt.Sprintf("monotonic%d", i)) {
				// Sessions made from a clock reading too.
				now := time.Now()
				s = plan.Session{In: now.Add(time.Duration(rapid.Int64Range(-86400e9, 86400e9).Draw(t, fmt.Sprintf("now_in%d", i)))),
					Out: now.Add(time.Duration(rapid.Int64Range(-86400e9, 86400e9).Draw(t, fmt.Sprintf("now_out%d", i))))}
			}
			sessions = append(sessions, s)
		}
		var all, window time.Duration
		for _, s := range sessions {
			all += s.Within(day.Start, day.End)
			window += s.Within(day.WindowStart, day.WindowEnd)
		}
		if a, w := day.care(sessions); a != all || w != window {
			t.Fatalf("%s: care %v and %v in the window, Within %v and %v", d, a, w, all, window)
		}
	})
}
