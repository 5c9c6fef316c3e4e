package absence

import (
	"strings"
	"testing"
	"time"

	"github.com/kinderopvang/regels/plan"
	"pgregory.net/rapid"
)

// Seed 004 §3.4.2 "een dag of enkele dagen" and "een afwezigheid van een
// week of langer": Span grows an absence across the adjacent days that
// bridge it — with LengthAcrossWeekend (the default) a Saturday or Sunday
// without reservation, with LengthAcrossUnreserved any day without
// reservation — as far as needed to decide and no further: never past
// LongFromDays unless the absence itself is longer; it stops short only at
// days that do not bridge, on both sides. With LengthCalendar it is the
// absence as reported.
func TestSpanProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		var w plan.Week
		days := []*[]plan.Slot{&w.Monday, &w.Tuesday, &w.Wednesday, &w.Thursday, &w.Friday, &w.Saturday, &w.Sunday}
		for i, day := range days {
			if i == 0 || rapid.Bool().Draw(t, "reserved") { // at least Monday: a plan reserves something
				*day = fullDay
			}
		}
		pl := plan.Plan{Kind: plan.KindRegular, Start: d("2025-01-01"), Schedule: plan.Schedule{Weeks: []plan.Week{w}}}
		c := plan.Calendar{} // the Belgian public holidays
		start := d("2025-01-01").AddDays(rapid.IntRange(0, 350).Draw(t, "start"))
		a := Absence{Period: plan.Period{Start: start, End: start.AddDays(rapid.IntRange(0, 9).Draw(t, "len"))}}
		r := Seed004Policy().Notice
		r.LongFromDays = rapid.IntRange(1, 14).Draw(t, "long")
		r.Length = rapid.SampledFrom([]AbsenceLength{"", LengthAcrossWeekend, LengthAcrossUnreserved}).Draw(t, "length")
		bridges := func(x plan.Date) bool {
			if pl.Day(x, c).IsReserved() {
				return false
			}
			return r.Length == LengthAcrossUnreserved || x.Weekday() == time.Saturday || x.Weekday() == time.Sunday
		}

		span := r.Span(a, []plan.Plan{pl}, c)
		if span.Start.After(a.Period.Start) || span.End.Before(a.Period.End) {
			t.Fatalf("span %s does not hold the absence %s", span, a.Period)
		}
		if span.Len() > max(a.Period.Len(), r.LongFromDays) {
			t.Fatalf("span %s of %d days grew past %d days (absence %s)", span, span.Len(), r.LongFromDays, a.Period)
		}
		for x := range span.Days() {
			if !a.Period.Contains(x) && !bridges(x) {
				t.Fatalf("%q: span %s crosses %s, which does not bridge", r.Length, span, x)
			}
		}
		if span.Len() < r.LongFromDays && (bridges(span.Start.AddDays(-1)) || bridges(span.End.AddDays(1))) {
			t.Fatalf("%q: span %s of %d days stopped before %d days next to a day that bridges", r.Length, span, span.Len(), r.LongFromDays)
		}
		r.Length = LengthCalendar
		if got := r.Span(a, []plan.Plan{pl}, c); got != a.Period {
			t.Fatalf("calendar length: span %s, want the absence %s", got, a.Period)
		}
	})
}

// The deadline's explanation names the days it measured: the span with the
// adjacent days without reservation when it grew, the absence alone when
// not (seed 004 §3.4.2; DESIGN: every result explains itself).
func TestDeadlineExplanation(t *testing.T) {
	monFri := weekPlan(5, "2025-01-01", "")
	tests := []struct {
		name    string
		a       Absence
		length  AbsenceLength
		want    []string
		notWant string
	}{
		// Monday 12 to Friday 16 May 2025 of a Monday–Friday plan, with the
		// weekend around it: a week, 4 weeks' (28 days') notice.
		{"grown across the weekend", absent("2025-05-12", "2025-05-16"), LengthAcrossUnreserved,
			[]string{"7 day(s)", "(2025-05-11..2025-05-17, with the adjacent days without reservation)", "28 calendar days ahead", "by the end of 2025-04-14"}, ""},
		{"grown across the weekend, by default", absent("2025-05-12", "2025-05-16"), "",
			[]string{"7 day(s)", "(2025-05-11..2025-05-17, with the adjacent weekend)", "28 calendar days ahead", "by the end of 2025-04-14"}, ""},
		{"counted plainly", absent("2025-05-12", "2025-05-16"), LengthCalendar,
			[]string{"5 day(s) is reported 2 calendar days ahead", "by the end of 2025-05-10"}, "adjacent"},
		// Monday to Sunday is a week as it stands: nothing to add.
		{"a whole week already", absent("2025-05-12", "2025-05-18"), LengthAcrossUnreserved,
			[]string{"7 day(s) is reported 28 calendar days ahead", "by the end of 2025-04-14"}, "adjacent"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Seed004Policy().Notice
			r.Length = tt.length
			_, _, why := r.Deadline(tt.a, []plan.Plan{monFri}, tt.a.Period.Start, bxl(tt.a.Period.Start.String()+" 07:30"), plan.Calendar{}, nil)
			for _, w := range tt.want {
				if !strings.Contains(why, w) {
					t.Errorf("%q does not say %q", why, w)
				}
			}
			if tt.notWant != "" && strings.Contains(why, tt.notWant) {
				t.Errorf("%q says %q", why, tt.notWant)
			}
		})
	}
}
