package tariff

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/kinderopvang/regels/plan"
	"pgregory.net/rapid"
)

// Every statutory boundary one minute below, on and one minute above, for
// both groups, at a flex and a non-flex location (Opgroeien registration
// rules 2025, p. 9; FO-SU-05.xsd).
func TestStatutoryBoundaries(t *testing.T) {
	tbl := StatutoryBands()
	tests := []struct {
		g       AgeGroup
		minutes int
		flex    bool
		want    Band
	}{
		{BabyToddler, 0, false, BandNone},
		{BabyToddler, 1, false, BandHalf},
		{BabyToddler, 179, false, BandHalf}, // no third day for babies and toddlers
		{BabyToddler, 180, false, BandHalf},
		{BabyToddler, 299, false, BandHalf}, // 4h59: "minder dan 5u"
		{BabyToddler, 300, false, BandFull}, // exactly 5h00 is a full day
		{BabyToddler, 301, false, BandFull},
		{BabyToddler, 659, true, BandFull}, // 10h59 at a flex location
		{BabyToddler, 660, true, BandFlex}, // exactly 11h00 is flex
		{BabyToddler, 661, true, BandFlex},
		{BabyToddler, 660, false, BandFull}, // no flex permission: stops at full
		{BabyToddler, 900, false, BandFull},
		{SchoolAge, 0, false, BandNone},
		{SchoolAge, 1, false, BandThird},
		{SchoolAge, 179, false, BandThird}, // 2h59
		{SchoolAge, 180, false, BandHalf},  // exactly 3h00 is a half day
		{SchoolAge, 181, false, BandHalf},
		{SchoolAge, 299, false, BandHalf}, // 4h59
		{SchoolAge, 300, false, BandFull}, // 5h00
		{SchoolAge, 301, false, BandFull},
		{SchoolAge, 659, true, BandFull},
		{SchoolAge, 660, true, BandFlex},
		{SchoolAge, 661, true, BandFlex},
		{SchoolAge, 661, false, BandFull},
		{SchoolAge, -5, true, BandNone},
	}
	for _, tt := range tests {
		if got := tbl.Classify(tt.g, tt.minutes, tt.flex); got != tt.want {
			t.Errorf("Classify(%s, %d min, flex=%v) = %s, want %s", tt.g, tt.minutes, tt.flex, got, tt.want)
		}
	}
	if err := tbl.Validate(); err != nil {
		t.Fatalf("statutory table invalid: %v", err)
	}
}

func TestBandTableValidate(t *testing.T) {
	bad := StatutoryBands()
	bad.SchoolAge = []Threshold{{BandHalf, 180}, {BandThird, 100}, {BandNone, 400}, {BandFull, 500}}
	bad.Shares = bad.Shares[1:] // no share for third
	ps := plan.AsProblems(bad.Validate())
	var fields []string
	for _, p := range ps {
		fields = append(fields, p.Field+" "+p.Message)
	}
	want := []string{
		`school_age[0] the first band, "half", starts at 180 minutes: care of 1 to 179 minutes would fall in no band`,
		`school_age[1] band "third" has no share`,
		`school_age[1] band "third" starts at 100 minutes, not above the previous 180`,
		`school_age[2] band "none" cannot have a threshold`,
	}
	if diff := cmp.Diff(want, fields); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	if _, err := (BandTables{}).For(plan.MustParseDate("2026-01-01")); err == nil {
		t.Error("no table applies: error expected")
	}
	later := StatutoryBands()
	later.From = plan.MustParseDate("2030-01-01")
	later.Shares = []Share{{BandThird, dec("0.5")}, {BandHalf, dec("0.6")}, {BandFull, dec("1")}, {BandFlex, dec("1.6")}}
	tables := BandTables{StatutoryBands(), later}
	if tb, _ := tables.For(plan.MustParseDate("2029-12-31")); tb.From != (plan.Date{}) {
		t.Error("before 2030 the statutory table applies")
	}
	if tb, _ := tables.For(plan.MustParseDate("2030-01-01")); tb.From != later.From {
		t.Error("from 2030 the new table applies")
	}
}

// The band never drops as minutes grow, for either group and location.
func TestBandMonotone(t *testing.T) {
	tbl := StatutoryBands()
	rank := map[Band]int{BandNone: 0, BandThird: 1, BandHalf: 2, BandFull: 3, BandFlex: 4}
	rapid.Check(t, func(t *rapid.T) {
		g := rapid.SampledFrom([]AgeGroup{BabyToddler, SchoolAge}).Draw(t, "group")
		flex := rapid.Bool().Draw(t, "flex")
		a := rapid.IntRange(0, 1500).Draw(t, "a")
		b := rapid.IntRange(a, 1500).Draw(t, "b")
		if rank[tbl.Classify(g, a, flex)] > rank[tbl.Classify(g, b, flex)] {
			t.Fatalf("%d min → %s but %d min → %s", a, tbl.Classify(g, a, flex), b, tbl.Classify(g, b, flex))
		}
	})
}

func bxl(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, plan.Brussels())
}

func sess(in, out time.Time) plan.Session { return plan.Session{In: in, Out: out} }

func day(s string) Day { return NewDay(plan.MustParseDate(s), nil) }

// Classifying a day from its sessions.
func TestClassifyDay(t *testing.T) {
	c := StatutoryClassifier()
	flex, plain := Location{ID: "flex", Flex: true}, Location{ID: "plain"}
	tests := []struct {
		name     string
		day      string
		sessions []plan.Session
		g        AgeGroup
		loc      Location
		want     Band
		minutes  int
		night    int
		over     int
	}{
		{"full day 07:30–17:30", "2026-03-10", []plan.Session{sess(bxl(2026, 3, 10, 7, 30), bxl(2026, 3, 10, 17, 30))}, BabyToddler, plain, BandFull, 600, 0, 0},
		{"short after-school moments summed (seed 004 §3.3)", "2026-03-10", []plan.Session{
			sess(bxl(2026, 3, 10, 7, 30), bxl(2026, 3, 10, 8, 20)), sess(bxl(2026, 3, 10, 15, 45), bxl(2026, 3, 10, 16, 40))},
			SchoolAge, plain, BandThird, 105, 0, 0},
		{"morning and afternoon make a full day", "2026-03-11", []plan.Session{
			sess(bxl(2026, 3, 11, 7, 0), bxl(2026, 3, 11, 8, 30)), sess(bxl(2026, 3, 11, 12, 0), bxl(2026, 3, 11, 15, 30))},
			SchoolAge, plain, BandFull, 300, 0, 0},
		{"10h59m59s truncates to 10h59", "2026-03-10", []plan.Session{sess(bxl(2026, 3, 10, 7, 0), bxl(2026, 3, 10, 17, 59).Add(59*time.Second))}, BabyToddler, flex, BandFull, 659, 0, 0},
		{"11h at a flex location", "2026-03-10", []plan.Session{sess(bxl(2026, 3, 10, 6, 30), bxl(2026, 3, 10, 17, 30))}, BabyToddler, flex, BandFlex, 660, 0, 0},
		{"11h30 without flex: full, 30 minutes over", "2026-03-10", []plan.Session{sess(bxl(2026, 3, 10, 6, 30), bxl(2026, 3, 10, 18, 0))}, BabyToddler, plain, BandFull, 690, 0, 30},
		{"early start without flex: 05:30–06:00 is night", "2026-03-10", []plan.Session{sess(bxl(2026, 3, 10, 5, 30), bxl(2026, 3, 10, 10, 30))}, BabyToddler, plain, BandHalf, 270, 30, 0},
		{"early start at a flex location counts", "2026-03-10", []plan.Session{sess(bxl(2026, 3, 10, 5, 30), bxl(2026, 3, 10, 10, 30))}, BabyToddler, flex, BandFull, 300, 0, 0},
		{"a night session, evening part (6 h)", "2026-03-10", []plan.Session{sess(bxl(2026, 3, 10, 18, 0), bxl(2026, 3, 11, 7, 30))}, BabyToddler, flex, BandFull, 360, 0, 0},
		{"a night session without flex: only 18:00–20:00 counts", "2026-03-10", []plan.Session{sess(bxl(2026, 3, 10, 18, 0), bxl(2026, 3, 11, 7, 30))}, BabyToddler, plain, BandHalf, 120, 240, 0},
		{"a night session, morning part", "2026-03-11", []plan.Session{sess(bxl(2026, 3, 10, 18, 0), bxl(2026, 3, 11, 7, 30))}, BabyToddler, flex, BandFull, 450, 0, 0},
		{"night into the 23-hour day, flex", "2026-03-29", []plan.Session{sess(bxl(2026, 3, 28, 20, 0), bxl(2026, 3, 29, 8, 0))}, BabyToddler, flex, BandFull, 420, 0, 0},
		{"night into the 25-hour day, flex", "2026-10-25", []plan.Session{sess(bxl(2026, 10, 24, 20, 0), bxl(2026, 10, 25, 8, 0))}, BabyToddler, flex, BandFull, 540, 0, 0},
		{"night into the 25-hour day, no flex", "2026-10-25", []plan.Session{sess(bxl(2026, 10, 24, 20, 0), bxl(2026, 10, 25, 8, 0))}, BabyToddler, plain, BandHalf, 120, 420, 0},
		{"no session that day", "2026-03-12", []plan.Session{sess(bxl(2026, 3, 10, 7, 30), bxl(2026, 3, 10, 17, 30))}, BabyToddler, plain, BandNone, 0, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := c.Classify(day(tt.day), tt.sessions, tt.g, tt.loc)
			if err != nil {
				t.Fatal(err)
			}
			if got.Band != tt.want || got.Minutes != tt.minutes || got.NightMinutes != tt.night || got.OverMinutes != tt.over {
				t.Errorf("got %s %d min (night %d, over %d), want %s %d (night %d, over %d)",
					got.Band, got.Minutes, got.NightMinutes, got.OverMinutes, tt.want, tt.minutes, tt.night, tt.over)
			}
			if got.Rule.ID != "tariff.band."+string(got.Band) || got.Rule.Source == "" {
				t.Errorf("rule %v", got.Rule)
			}
		})
	}
	night := Classifier{Table: StatutoryBands(), NightCountsWithoutFlex: true}
	if got, err := night.Classify(day("2026-03-10"), []plan.Session{sess(bxl(2026, 3, 10, 5, 30), bxl(2026, 3, 10, 10, 30))}, BabyToddler, plain); err != nil || got.Band != BandFull || got.NightMinutes != 0 {
		t.Errorf("night counting knob: %+v, %v", got, err)
	}
}

// Summed reading: splitting a day's care over more sessions never changes
// its band (as long as the minutes stay the same).
func TestSplittingSessionsKeepsBand(t *testing.T) {
	c := StatutoryClassifier()
	d := day("2026-03-10")
	rapid.Check(t, func(t *rapid.T) {
		start := rapid.IntRange(6*60, 12*60).Draw(t, "start")
		length := rapid.IntRange(1, 20*60-start).Draw(t, "length")
		in := d.Start.Add(time.Duration(start) * time.Minute)
		whole := []plan.Session{{In: in, Out: in.Add(time.Duration(length) * time.Minute)}}
		cuts := rapid.SliceOfNDistinct(rapid.IntRange(1, max(1, length-1)), 0, 5, rapid.ID[int]).Draw(t, "cuts")
		var parts []plan.Session
		prev := 0
		cuts = append(cuts, length)
		slices.Sort(cuts)
		for _, cut := range cuts {
			if cut <= prev || cut > length {
				continue
			}
			parts = append(parts, plan.Session{In: in.Add(time.Duration(prev) * time.Minute), Out: in.Add(time.Duration(cut) * time.Minute)})
			prev = cut
		}
		g := rapid.SampledFrom([]AgeGroup{BabyToddler, SchoolAge}).Draw(t, "group")
		loc := Location{Flex: rapid.Bool().Draw(t, "flex")}
		a, errA := c.Classify(d, whole, g, loc)
		b, errB := c.Classify(d, parts, g, loc)
		if errA != nil || errB != nil {
			t.Fatal(errA, errB)
		}
		if a.Band != b.Band || a.Minutes != b.Minutes {
			t.Fatalf("whole %s/%d, in %d parts %s/%d", a.Band, a.Minutes, len(parts), b.Band, b.Minutes)
		}
	})
}

func ExampleBandTable_Classify() {
	tbl := StatutoryBands()
	for _, min := range []int{179, 180, 299, 300, 660} {
		fmt.Printf("%2dh%02d school-age: %s\n", min/60, min%60, tbl.Classify(SchoolAge, min, true))
	}
	// Output:
	//  2h59 school-age: third
	//  3h00 school-age: half
	//  4h59 school-age: half
	//  5h00 school-age: full
	// 11h00 school-age: flex
}

// Next and At agree with NewDay and time.Date on every day, DST days
// included.
func TestDayNextAndAt(t *testing.T) {
	d := NewDay(plan.MustParseDate("2024-12-25"), nil)
	for i := 0; i < 3*366; i++ {
		n := d.Next()
		want := NewDay(d.Date.AddDays(1), nil)
		if n.Date != want.Date || !n.Start.Equal(want.Start) || !n.End.Equal(want.End) || !n.WindowStart.Equal(want.WindowStart) || !n.WindowEnd.Equal(want.WindowEnd) {
			t.Fatalf("Next of %v = %+v, want %+v", d.Date, n, want)
		}
		for _, c := range []plan.Clock{0, 90, 150, 450, 1439, 1440} {
			y, m, dd := n.Date.Civil()
			exp := time.Date(y, m, dd, c.Hour(), c.Minute(), 0, 0, plan.Brussels())
			if c == plan.EndOfDay {
				exp = n.End
			}
			if got := n.At(c); !got.Equal(exp) {
				t.Fatalf("%v At(%v) = %v, want %v", n.Date, c, got, exp)
			}
		}
		d = n
	}
}

// The same on every day of 1900–2100, past switches included: at midnight
// (1 May 1916: 00:00 became 01:00, so the day starts at 01:00) and back at
// 01:00 (30 September 1916: midnight came twice, and time.Date reads the
// later). Found by review of the invoice's own day frames.
func TestDayNextAndAtFrom1900(t *testing.T) {
	loc := plan.Brussels()
	d := NewDay(plan.MustParseDate("1900-01-01"), nil)
	for d.Date.Year() <= 2100 {
		y, m, dd := d.Date.Civil()
		if !d.Start.Equal(time.Date(y, m, dd, 0, 0, 0, 0, loc)) || !d.End.Equal(time.Date(y, m, dd+1, 0, 0, 0, 0, loc)) ||
			!d.WindowStart.Equal(time.Date(y, m, dd, 6, 0, 0, 0, loc)) || !d.WindowEnd.Equal(time.Date(y, m, dd, 20, 0, 0, 0, loc)) {
			t.Fatalf("%s: frame %+v", d.Date, d)
		}
		for _, c := range []plan.Clock{0, 1, 59, 60, 61, 119, 120, 121, 179, 180, 181, 360, 1200, 1439} {
			if got, want := d.At(c), time.Date(y, m, dd, c.Hour(), c.Minute(), 0, 0, loc); !got.Equal(want) {
				t.Fatalf("%s At(%s) = %s, want %s", d.Date, c, got, want)
			}
		}
		n := d.Next()
		if want := NewDay(d.Date.AddDays(1), nil); n.Date != want.Date || !n.Start.Equal(want.Start) || !n.End.Equal(want.End) ||
			!n.WindowStart.Equal(want.WindowStart) || !n.WindowEnd.Equal(want.WindowEnd) {
			t.Fatalf("Next of %s = %+v, want %+v", d.Date, n, want)
		}
		d = n
	}
}
