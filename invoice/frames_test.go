package invoice

import (
	"testing"
	"time"

	"github.com/kinderopvang/regels/plan"
)

// The organiser month's day frames give each clock time the instant
// time.Date gives it in Brussels (as plan.Slot.Session does), on every day
// of 1900–2100: the daylight-saving switches of today, and those of the
// past at midnight (1 May 1916: 00:00 became 01:00) or at 24:00 (October
// 1919–1927). Found by review: all of May 1916 was an hour off.
func TestFramesAreTimeDate(t *testing.T) {
	loc := plan.Brussels()
	clocks := []plan.Clock{0, 1, 59, 60, 61, 119, 120, 121, 179, 180, 181, 6 * 60, 12 * 60, 20 * 60, 23 * 60, 23*60 + 59, plan.EndOfDay}
	for m := plan.MustMonth(1900, time.January); m.Year() <= 2100; m = m.Add(1) {
		om := newOrganiserMonth(m, plan.Calendar{}, Seed004HouseRules(), nil)
		for i := range om.frames {
			f := &om.frames[i]
			y, mo, d := f.date.Civil()
			if start := time.Date(y, mo, d, 0, 0, 0, 0, loc).UnixNano(); f.start != start {
				t.Fatalf("%s: the frame starts at %s, time.Date at %s", f.date, time.Unix(0, f.start).In(loc), time.Unix(0, start).In(loc))
			}
			if end := time.Date(y, mo, d+1, 0, 0, 0, 0, loc).UnixNano(); f.end != end {
				t.Fatalf("%s: the frame ends at %s, time.Date at %s", f.date, time.Unix(0, f.end).In(loc), time.Unix(0, end).In(loc))
			}
			for _, c := range clocks {
				want := plan.Slot{Start: c, End: plan.EndOfDay}.Session(f.date, nil).In.UnixNano()
				if got := f.at(c); got != want {
					t.Fatalf("%s %s: the frame says %s, Slot.Session %s", f.date, c, time.Unix(0, got).In(loc), time.Unix(0, want).In(loc))
				}
			}
			if w := time.Date(y, mo, d, 6, 0, 0, 0, loc).UnixNano(); f.winStart != w {
				t.Fatalf("%s: the window starts at %s", f.date, time.Unix(0, f.winStart).In(loc))
			}
			if w := time.Date(y, mo, d, 20, 0, 0, 0, loc).UnixNano(); f.winEnd != w {
				t.Fatalf("%s: the window ends at %s", f.date, time.Unix(0, f.winEnd).In(loc))
			}
		}
	}
}
