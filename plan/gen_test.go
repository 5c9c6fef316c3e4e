package plan

import (
	"fmt"
	"time"

	"pgregory.net/rapid"
)

// Generators shared by the property tests.

// genDate draws any representable date.
func genDate() *rapid.Generator[Date] {
	return rapid.Custom(func(t *rapid.T) Date {
		return Date{n: int32(rapid.IntRange(minDayNum, maxDayNum).Draw(t, "daynum"))}
	})
}

// genNearDate draws a date in 2020–2030, where the rules are used.
func genNearDate() *rapid.Generator[Date] {
	lo, hi := MustDate(2020, 1, 1), MustDate(2030, 12, 31)
	return rapid.Custom(func(t *rapid.T) Date {
		return lo.AddDays(rapid.IntRange(0, lo.DaysUntil(hi)).Draw(t, "offset"))
	})
}

// genSize draws a count: usually up to small, one time in ten up to large,
// so that properties also meet the sizes where a quadratic path would show
// (the fast paths are checked against naive ones there too).
func genSize(t *rapid.T, small, large int, label string) int {
	if rapid.IntRange(0, 9).Draw(t, label+"Large") == 0 {
		return rapid.IntRange(0, large).Draw(t, label)
	}
	return rapid.IntRange(0, small).Draw(t, label)
}

// genShortPeriod draws a period of up to 400 days.
func genShortPeriod() *rapid.Generator[Period] {
	return rapid.Custom(func(t *rapid.T) Period {
		s := genNearDate().Draw(t, "start")
		return Period{Start: s, End: s.AddDays(rapid.IntRange(0, 400).Draw(t, "len"))}
	})
}

// genPeriod draws a period of up to 400 days, or one time in ten up to 20
// years.
func genPeriod() *rapid.Generator[Period] {
	return rapid.Custom(func(t *rapid.T) Period {
		s := genNearDate().Draw(t, "start")
		return Period{Start: s, End: s.AddDays(genSize(t, 400, 20*366, "len"))}
	})
}

func genSlot() *rapid.Generator[Slot] {
	return rapid.Custom(func(t *rapid.T) Slot {
		a := rapid.IntRange(0, 1439).Draw(t, "start")
		b := rapid.IntRange(a+1, 1440).Draw(t, "end")
		return Slot{Start: Clock(a), End: Clock(b)}
	})
}

// genDaySlots draws 0–2 non-overlapping slots, as a day of a week.
func genDaySlots() *rapid.Generator[[]Slot] {
	return rapid.Custom(func(t *rapid.T) []Slot {
		switch rapid.IntRange(0, 2).Draw(t, "nslots") {
		case 0:
			return nil
		case 1:
			return []Slot{genSlot().Draw(t, "slot")}
		}
		a := rapid.IntRange(0, 700).Draw(t, "a")
		b := rapid.IntRange(a+1, 720).Draw(t, "b")
		c := rapid.IntRange(720, 1400).Draw(t, "c")
		d := rapid.IntRange(c+1, 1440).Draw(t, "d")
		return []Slot{{Clock(a), Clock(b)}, {Clock(c), Clock(d)}}
	})
}

func genWeek() *rapid.Generator[Week] {
	return rapid.Custom(func(t *rapid.T) Week {
		g := genDaySlots()
		return Week{Monday: g.Draw(t, "mon"), Tuesday: g.Draw(t, "tue"), Wednesday: g.Draw(t, "wed"),
			Thursday: g.Draw(t, "thu"), Friday: g.Draw(t, "fri"), Saturday: g.Draw(t, "sat"), Sunday: g.Draw(t, "sun")}
	})
}

// genPlan draws a well-formed plan of any kind (it may still break a rule).
func genPlan() *rapid.Generator[Plan] {
	return rapid.Custom(func(t *rapid.T) Plan {
		start := genNearDate().Draw(t, "start")
		p := Plan{
			Kind:     rapid.SampledFrom([]Kind{KindRegular, KindTemporary, KindAfterSchool, KindHolidayCare}).Draw(t, "kind"),
			Start:    start,
			Schedule: Schedule{Weeks: rapid.SliceOfN(genWeek(), 1, 2).Draw(t, "weeks")},
		}
		if rapid.Bool().Draw(t, "hasEnd") {
			p.End = start.AddDays(rapid.IntRange(0, 500).Draw(t, "len"))
		}
		// Irregular care may list an override for every day: up to 400.
		for i := genSize(t, 3, 400, "nover"); i > 0; i-- {
			p.Overrides = append(p.Overrides, Override{Date: start.AddDays(rapid.IntRange(-5, 400).Draw(t, "odate")), Slots: genDaySlots().Draw(t, "oslots")})
		}
		for i := genSize(t, 2, 40, "nexcl"); i > 0; i-- {
			s := start.AddDays(rapid.IntRange(-10, 400).Draw(t, "xs"))
			p.Exclusions = append(p.Exclusions, Exclusion{Period: Period{s, s.AddDays(rapid.IntRange(-1, 60).Draw(t, "xl"))}, Reason: "vakantie"})
		}
		if p.Kind == KindTemporary && !p.End.IsZero() && rapid.Bool().Draw(t, "ext") {
			p.Extensions = []Date{p.End.AddDays(rapid.IntRange(1, 200).Draw(t, "extlen"))}
		}
		return p
	})
}

func genCalendar() *rapid.Generator[Calendar] {
	return rapid.Custom(func(t *rapid.T) Calendar {
		c := Calendar{NoPublicHolidays: rapid.Bool().Draw(t, "noph")}
		if rapid.Bool().Draw(t, "open11nov") {
			c.OpenOnHolidays = []string{"Wapenstilstand"}
		}
		// Up to 300 closures, some overlapping, each with its own reason so
		// that which closure wins a day shows.
		for i := genSize(t, 3, 300, "ncl"); i > 0; i-- {
			s := genNearDate().Draw(t, "cls")
			c.Closures = append(c.Closures, Closure{Period: Period{s, s.AddDays(genSize(t, 20, 400, "cll"))},
				Reason: fmt.Sprintf("sluiting %d", i)})
		}
		return c
	})
}

// genSession draws a session of up to three days (one time in ten up to
// 400 days) starting in 2024–2027, at
// minute precision in Brussels, DST days included.
func genSession() *rapid.Generator[Session] {
	return rapid.Custom(func(t *rapid.T) Session {
		base := time.Date(2024, 1, 1, 0, 0, 0, 0, Brussels())
		in := base.Add(time.Duration(rapid.IntRange(0, 4*366*24*60).Draw(t, "in")) * time.Minute)
		out := in.Add(time.Duration(1+genSize(t, 3*24*60, 400*24*60, "len")) * time.Minute)
		return Session{In: in, Out: out}
	})
}
