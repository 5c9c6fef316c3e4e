package plan

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"pgregory.net/rapid"
)

func slot(a, b string) Slot { return Slot{MustClock(a), MustClock(b)} }

// A day's slots may not overlap (a care plan reserves each moment once);
// slots that touch (one ends when the next starts) do not overlap, in any
// order.
func TestSlotsOverlap(t *testing.T) {
	tests := []struct {
		name  string
		slots []Slot
		ok    bool
		msgs  []string // the overlap messages of validateSlots
	}{
		{"morning and afternoon touching", []Slot{slot("07:30", "12:00"), slot("12:00", "17:30")}, true, nil},
		{"listed afternoon first", []Slot{slot("12:00", "17:30"), slot("07:30", "12:00")}, true, nil},
		{"overlapping by a minute", []Slot{slot("07:30", "12:01"), slot("12:00", "17:30")}, false,
			[]string{"slots 07:30–12:01 and 12:00–17:30 overlap"}},
		{"overlapping, listed in reverse", []Slot{slot("12:00", "17:30"), slot("07:30", "12:01")}, false,
			[]string{"slots 07:30–12:01 and 12:00–17:30 overlap"}},
		{"a long slot over two short ones", []Slot{slot("08:00", "18:00"), slot("09:00", "10:00"), slot("11:00", "12:00")}, false,
			[]string{"slots 08:00–18:00 and 09:00–10:00 overlap", "slots 08:00–18:00 and 11:00–12:00 overlap"}},
		{"equal ends: the first listed reaches as far", []Slot{slot("08:00", "12:00"), slot("09:00", "12:00"), slot("10:00", "11:00")}, false,
			[]string{"slots 08:00–12:00 and 09:00–12:00 overlap", "slots 08:00–12:00 and 10:00–11:00 overlap"}},
		{"a later slot reaches further", []Slot{slot("08:00", "10:00"), slot("09:00", "12:00"), slot("11:00", "13:00")}, false,
			[]string{"slots 08:00–10:00 and 09:00–12:00 overlap", "slots 09:00–12:00 and 11:00–13:00 overlap"}},
		{"an invalid slot between two overlapping ones", []Slot{slot("08:00", "12:00"), slot("10:00", "09:00"), slot("11:00", "13:00")}, false,
			[]string{"slots 08:00–12:00 and 11:00–13:00 overlap"}},
		{"the same slot twice", []Slot{slot("08:00", "12:00"), slot("08:00", "12:00")}, false,
			[]string{"slots 08:00–12:00 and 08:00–12:00 overlap"}},
		{"one slot", []Slot{slot("00:00", "24:00")}, true, nil},
		{"an empty slot", []Slot{slot("08:00", "08:00")}, false, nil},
		{"an empty slot inside another", []Slot{slot("07:00", "09:00"), slot("08:00", "08:00")}, false, nil},
		{"none", nil, true, nil},
		{"a slot from 24:00", []Slot{{EndOfDay, EndOfDay}}, false, nil},
		{"ten hourly slots", []Slot{slot("08:00", "09:00"), slot("09:00", "10:00"), slot("10:00", "11:00"), slot("11:00", "12:00"),
			slot("12:00", "13:00"), slot("13:00", "14:00"), slot("14:00", "15:00"), slot("15:00", "16:00"), slot("16:00", "17:00"), slot("17:00", "18:00")}, true, nil},
		{"ten slots, the last overlapping the first", []Slot{slot("08:00", "09:00"), slot("09:00", "10:00"), slot("10:00", "11:00"), slot("11:00", "12:00"),
			slot("12:00", "13:00"), slot("13:00", "14:00"), slot("14:00", "15:00"), slot("15:00", "16:00"), slot("16:00", "17:00"), slot("08:30", "08:45")}, false,
			[]string{"slots 08:00–09:00 and 08:30–08:45 overlap"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := append([]Slot(nil), tt.slots...)
			if got := slotsOK(tt.slots); got != tt.ok {
				t.Errorf("slotsOK = %v, want %v", got, tt.ok)
			}
			var msgs []string
			for _, p := range validateSlots(tt.slots, "day", Date{}) {
				if p.Code == CodeOverlap {
					msgs = append(msgs, p.Message)
				}
			}
			if diff := cmp.Diff(tt.msgs, msgs); diff != "" {
				t.Errorf("overlaps (-want +got):\n%s", diff)
			}
			if !cmp.Equal(before, tt.slots, cmpopts.EquateEmpty()) {
				t.Error("checking the slots reordered them in place")
			}
		})
	}
}

// slotsOK agrees with comparing every pair, and validateSlots finds a
// problem exactly when slotsOK refuses the day.
func TestSlotsOKMatchesPairwise(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		var slots []Slot
		for i := genSize(t, 4, 40, "n"); i > 0; i-- {
			a := rapid.IntRange(0, 1440).Draw(t, "a")
			slots = append(slots, Slot{Clock(a), Clock(a + rapid.IntRange(-30, 180).Draw(t, "len"))})
		}
		valid := true
		for _, s := range slots {
			valid = valid && s.valid() && s.Start != EndOfDay
		}
		want := valid && !naiveSlotsOverlap(slots)
		if got := slotsOK(slots); got != want {
			t.Fatalf("slotsOK(%v) = %v, want %v", slots, got, want)
		}
		if ps := validateSlots(slots, "day", Date{}); (len(ps) == 0) != want {
			t.Fatalf("validateSlots(%v) = %v; slotsOK %v", slots, ps, want)
		}
		if hasOverlap := naiveSlotsOverlap(slots); hasOverlap != Problems(validateSlots(slots, "day", Date{})).Has(CodeOverlap) {
			t.Fatalf("validateSlots(%v): overlap %v", slots, hasOverlap)
		}
	})
}

// Weeks run Monday to Sunday (as families read a week, and as the
// alternating week-om-week plans of seed 004 §3.4 count them).
func TestMondayOf(t *testing.T) {
	for _, tt := range []struct{ d, want string }{
		{"2026-03-09", "2026-03-09"}, {"2026-03-10", "2026-03-09"}, {"2026-03-11", "2026-03-09"}, {"2026-03-12", "2026-03-09"},
		{"2026-03-13", "2026-03-09"}, {"2026-03-14", "2026-03-09"}, {"2026-03-15", "2026-03-09"}, {"2026-03-16", "2026-03-16"},
		{"0001-01-01", "0001-01-01"}, // a Monday
	} {
		if got := mondayOf(MustParseDate(tt.d)); got != MustParseDate(tt.want) {
			t.Errorf("mondayOf(%s) = %v, want %s", tt.d, got, tt.want)
		}
	}
}

// In an alternating schedule the Sunday belongs to the week of the Monday
// before it; weeks before the anchor alternate too.
func TestAlternatingWeekSundays(t *testing.T) {
	a := Week{Sunday: fullDay}
	b := Week{Saturday: morning}
	p := Plan{Kind: KindRegular, Start: MustParseDate("2026-01-05"), Schedule: Schedule{Weeks: []Week{a, b}, Anchor: MustParseDate("2026-03-11")}}
	var got []string
	for _, d := range p.ReservedDays(Period{MustParseDate("2026-02-23"), MustParseDate("2026-03-29")}, Calendar{}) {
		got = append(got, d.Date.String()+" "+d.Date.Weekday().String()[:3])
	}
	// The week of 9 March holds the anchor: week A, so its Sunday 15 March
	// is reserved; the weeks of 2 and 16 March are B (Saturdays 7 and 21);
	// those of 23 February and 23 March are A (Sundays 1 and 29 March).
	want := []string{"2026-03-01 Sun", "2026-03-07 Sat", "2026-03-15 Sun", "2026-03-21 Sat", "2026-03-29 Sun"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if n := (Week{Saturday: morning, Sunday: fullDay}).ReservedDays(); n != 2 {
		t.Errorf("a weekend week reserves %d days, want 2", n)
	}
}

// What is wrong with a slot: a clock outside 00:00–24:00 or a start at
// 24:00 is an invalid clock; an end not after the start is end before start.
func TestSlotProblems(t *testing.T) {
	for _, tt := range []struct {
		s    Slot
		code Code
	}{
		{Slot{EndOfDay, EndOfDay}, CodeInvalidClock},
		{Slot{MustClock("08:00"), EndOfDay + 1}, CodeInvalidClock},
		{Slot{-1, MustClock("08:00")}, CodeInvalidClock},
		{slot("08:00", "08:00"), CodeEndBeforeStart},
		{slot("09:00", "08:00"), CodeEndBeforeStart},
	} {
		ps := validateSlots([]Slot{tt.s}, "monday", Date{})
		if len(ps) != 1 || ps[0].Code != tt.code || ps[0].Field != "monday[0]" {
			t.Errorf("slot %v: %v, want %s", tt.s, ps, tt.code)
		}
		if tt.s.Minutes() != 0 || tt.s.valid() {
			t.Errorf("slot %v: %d minutes, valid %v", tt.s, tt.s.Minutes(), tt.s.valid())
		}
	}
	if s := slot("07:30", "17:30"); s.Minutes() != 600 || !s.valid() || s.String() != "07:30–17:30" {
		t.Errorf("a day's slot: %d minutes, %q", s.Minutes(), s.String())
	}
	if s := slot("23:59", "24:00"); s.Minutes() != 1 || !s.valid() {
		t.Errorf("the last minute: %d", s.Minutes())
	}
}
