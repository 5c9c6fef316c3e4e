package tariff

import (
	"math"
	"time"

	"github.com/kinderopvang/regels/plan"
)

// Location is a care location (kinderopvanglocatie) as far as pricing
// cares: whether it has permission for flexible care.
type Location struct {
	ID string `json:"id,omitempty"`
	// Flex is true for a location with permission for flexible care
	// (flexibele opvang): it registers 11 hours or more as flex (160 %) and
	// counts night care; it may charge nothing extra for those hours.
	Flex bool `json:"flex,omitempty"`
}

// Day is the frame of one calendar day in a time zone, computed once and
// reused for every child that day: midnight to midnight, and the 06:00–20:00
// window in which Opgroeien counts care at a location without flex
// permission.
type Day struct {
	Date        plan.Date `json:"date"`
	Start       time.Time `json:"start"`
	End         time.Time `json:"end"`
	WindowStart time.Time `json:"window_start"`
	WindowEnd   time.Time `json:"window_end"`
}

// NewDay returns the frame of day d in loc (nil means Europe/Brussels). On
// the 23- and 25-hour days of the daylight-saving switch End−Start is 23 or
// 25 hours; the window is 06:00–20:00 wall-clock time.
func NewDay(d plan.Date, loc *time.Location) Day {
	start, end := plan.DayBounds(d, loc)
	if start.IsZero() {
		return Day{Date: d}
	}
	return frame(d, start, end, sameOffset(start, end) && isMidnight(start))
}

// frame builds the Day from its midnights, with the 06:00–20:00 window;
// ordinary says the day has no daylight-saving switch (see Day.ordinary),
// which the caller knows already.
func frame(d plan.Date, start, end time.Time, ordinary bool) Day {
	day := Day{Date: d, Start: start, End: end}
	if ordinary {
		day.WindowStart, day.WindowEnd = start.Add(6*time.Hour), start.Add(20*time.Hour)
	} else {
		day.WindowStart, day.WindowEnd = day.At(6*60), day.At(20*60)
	}
	return day
}

// ordinary reports whether the day has one UTC offset at both midnights
// and starts at 00:00: no daylight-saving switch, so it has 24 hours
// (midnight to midnight is 24 hours plus the change of offset) and clock
// times are midnight plus minutes. A day whose midnight the clocks skipped
// (Brussels, 1 May 1916: 00:00 became 01:00) starts at 01:00 and is not
// ordinary.
func (d Day) ordinary() bool {
	return sameOffset(d.Start, d.End) && isMidnight(d.Start)
}

// isMidnight reports whether t's wall clock reads 00:00.
func isMidnight(t time.Time) bool {
	h, m, s := t.Clock()
	return h == 0 && m == 0 && s == 0
}

// Next returns the frame of the day after d: its start is d's end, so a
// month of frames costs one zone lookup a day instead of four.
func (d Day) Next() Day {
	next := d.Date.AddDays(1)
	if d.End.IsZero() {
		return NewDay(next, nil)
	}
	// No switch within the day or within 3 hours of its end (a switch back
	// at 01:00 repeats the next midnight, which time.Date reads in the
	// later offset) and a start at 00:00: the next midnight is 24 hours
	// later; otherwise ask the zone.
	end := d.End.Add(24 * time.Hour)
	if _, switchAt := d.End.ZoneBounds(); (switchAt.IsZero() || !switchAt.Before(end.Add(3*time.Hour))) && isMidnight(d.End) {
		return frame(next, d.End, end, true)
	}
	return NewDay(next, d.End.Location())
}

func sameOffset(a, b time.Time) bool {
	_, x := a.Zone()
	_, y := b.Zone()
	return x == y
}

// At returns the instant of clock time c on the day (24:00 is the day's
// end). On an ordinary day it is midnight plus c; on the days of the
// daylight-saving switch the zone decides.
func (d Day) At(c plan.Clock) time.Time {
	if c >= plan.EndOfDay {
		return d.End
	}
	if d.ordinary() {
		return d.Start.Add(time.Duration(c) * time.Minute)
	}
	y, m, dd := d.Date.Civil()
	return time.Date(y, m, dd, c.Hour(), c.Minute(), 0, 0, d.Start.Location())
}

// DayCare is a day of care classified: its band and the minutes behind it.
type DayCare struct {
	Date     plan.Date `json:"date"`
	Group    AgeGroup  `json:"group"`
	Band     Band      `json:"band"`
	Location Location  `json:"location"`
	// Minutes are the minutes of care counted for the band: all minutes of
	// the day at a flex location; those between 06:00 and 20:00 elsewhere.
	// Real elapsed time, summed over the day's sessions, then truncated to
	// whole minutes (10h59m59s counts as 10h59).
	Minutes int `json:"minutes"`
	// NightMinutes are minutes between 20:00 and 06:00 that were not
	// counted (a location without flex permission); the organiser may bill
	// them at a free price of its own.
	NightMinutes int `json:"night_minutes,omitempty"`
	// OverMinutes are counted minutes beyond the flex threshold (11 hours)
	// at a location without flex permission, where the band stops at full;
	// the organiser may bill them at a free price of its own.
	OverMinutes int `json:"over_minutes,omitempty"`
	// Rule names the rule that chose the band.
	Rule plan.Rule `json:"rule"`
}

// Classifier turns a day's care sessions into a DayCare.
//
// Short after-school moments are summed per day (house rules Zorg Leuven §3.3
// (seed 004): "korte buitenschoolse opvangmomenten van minder dan 1 uur worden
// op dagbasis samengeteld"): a school-age child's 07:30–08:20 and 15:45–16:40
// are 105 minutes, one third day. This is the default reading of the rule; an
// organiser with a stricter pro-rata reading prices days with its own
// DayPricer.
type Classifier struct {
	Table BandTable `json:"table"`
	// NightCountsWithoutFlex makes night minutes (20:00–06:00) count toward
	// the band at a location without flex permission. The texts leave it
	// open (Opgroeien counts care between 06:00 and 20:00 and night care
	// only at flex locations; whether a location without that permission
	// may count the night toward the band is not said); by default the
	// night minutes do not count there and are reported as NightMinutes.
	NightCountsWithoutFlex bool `json:"night_counts_without_flex,omitempty"`
	// FlexWithoutPermission bills 11 hours or more as flex (160 %) at a
	// location without permission for flexible care too. The texts
	// disagree (OPEN): seed 004 §3.3 prices "opvang meer dan 11u" at 160 %
	// with no condition, the registration counts 11 hours or more as flex
	// only with that permission. By default the band stops at full there;
	// the attendance report registers such a day as min11u either way.
	FlexWithoutPermission bool `json:"flex_without_permission,omitempty"`
}

// StatutoryClassifier returns the classifier with the statutory band table
// and the default counting window.
func StatutoryClassifier() Classifier { return Classifier{Table: StatutoryBands()} }

// Validate reports every problem of the classifier's band table (see
// BandTable.Validate), with fields under "table". The zero Classifier has
// no table and is invalid: it would make every day free.
func (c Classifier) Validate() error {
	var ps plan.Problems
	for _, p := range plan.AsProblems(c.Table.Validate()) {
		p.Field = "table." + p.Field
		ps = append(ps, p)
	}
	return ps.Err()
}

// Classify returns the band of one child's care on day, from the sessions
// of that child (any sessions: only their parts on that day count). The
// sessions must not overlap — check them with plan.ValidateSessions first;
// overlapping sessions would be counted twice.
//
// It reports an error (CodeInvalidShare) when the band table has no
// thresholds for group g — the zero Classifier among them — and
// (plan.CodeInvalidValue) for an unknown group: a day is never classified
// as "no care" for want of a table. It does not allocate when it succeeds;
// it does not validate the whole table (Validate does, once).
func (c Classifier) Classify(day Day, sessions []plan.Session, g AgeGroup, loc Location) (DayCare, error) {
	ths, err := c.Table.thresholds(g)
	if err != nil {
		p := err.(plan.Problem)
		p.Field, p.Date = "table."+p.Field, day.Date
		return DayCare{}, p
	}
	all, window := day.care(sessions)
	return c.classifyDurations(day.Date, ths, all, window, g, loc), nil
}

// Unix seconds of the first and last day whose instants are Unix
// nanoseconds in an int64 (1678–2262, with a day's margin).
const (
	nanoSafeFrom = math.MinInt64/int64(time.Second) + 86400
	nanoSafeTo   = math.MaxInt64/int64(time.Second) - 86400
)

// care sums the sessions' time on the day and in its window (each
// session's Within both). A day of NewDay within 1678–2262 sums in Unix
// nanoseconds, each instant clamped to the day by its seconds before it is
// converted; any other day sums with time.Time, as Within does.
func (day Day) care(sessions []plan.Session) (all, window time.Duration) {
	lo, hi := day.Start.Unix(), day.End.Unix()
	var from, to, wFrom, wTo int64
	if lo >= nanoSafeFrom && hi <= nanoSafeTo {
		from, to = day.Start.UnixNano(), day.End.UnixNano()
		wFrom, wTo = day.WindowStart.UnixNano(), day.WindowEnd.UnixNano()
	}
	// A frame as NewDay makes it: a day in range, its window inside it, no
	// monotonic clock reading (with which Within would compare otherwise).
	if lo < nanoSafeFrom || hi > nanoSafeTo || from > wFrom || wFrom > wTo || wTo > to || day.monotonic() {
		for _, s := range sessions {
			all += s.Within(day.Start, day.End)
			window += s.Within(day.WindowStart, day.WindowEnd)
		}
		return all, window
	}
	for _, s := range sessions {
		in, out := clampNano(s.In, lo, hi, from, to), clampNano(s.Out, lo, hi, from, to)
		if out <= in {
			continue
		}
		all += time.Duration(out - in)
		if a, b := max(in, wFrom), min(out, wTo); b > a {
			window += time.Duration(b - a)
		}
	}
	return all, window
}

// monotonic reports whether a bound of the day carries a monotonic clock
// reading (a Day built from time.Now).
func (day Day) monotonic() bool {
	return day.Start != day.Start.Round(0) || day.End != day.End.Round(0) ||
		day.WindowStart != day.WindowStart.Round(0) || day.WindowEnd != day.WindowEnd.Round(0)
}

// clampNano returns t in Unix nanoseconds clamped to [from, to], the
// instants of the Unix seconds lo and hi: an instant far outside the day
// is clamped by its seconds, before its nanoseconds could overflow.
func clampNano(t time.Time, lo, hi, from, to int64) int64 {
	switch sec := t.Unix(); {
	case sec < lo:
		return from
	case sec > hi:
		return to
	}
	return min(max(t.UnixNano(), from), to)
}

// ClassifyDurations is Classify for a caller that has summed the day's
// care itself: all is the care on day d (midnight to midnight), window the
// part of it between 06:00 and 20:00. The invoice sums a child's sessions
// as integers over a month of precomputed days; the result is exactly
// Classify's.
func (c Classifier) ClassifyDurations(d plan.Date, all, window time.Duration, g AgeGroup, loc Location) (DayCare, error) {
	ths, err := c.Table.thresholds(g)
	if err != nil {
		p := err.(plan.Problem)
		p.Field, p.Date = "table."+p.Field, d
		return DayCare{}, p
	}
	return c.classifyDurations(d, ths, all, window, g, loc), nil
}

// BandFor is ClassifyDurations for a caller that needs the band alone (the
// band of a day's reserved slots): the same band, nothing else computed.
func (c Classifier) BandFor(d plan.Date, all, window time.Duration, g AgeGroup, loc Location) (Band, error) {
	ths, err := c.Table.thresholds(g)
	if err != nil {
		p := err.(plan.Problem)
		p.Field, p.Date = "table."+p.Field, d
		return BandNone, p
	}
	counted := all
	if !loc.Flex && !c.NightCountsWithoutFlex {
		counted = window
	}
	return classify(ths, int(counted/time.Minute), loc.Flex || c.FlexWithoutPermission), nil
}

func (c Classifier) classifyDurations(d plan.Date, ths []Threshold, all, window time.Duration, g AgeGroup, loc Location) DayCare {
	res := DayCare{Date: d, Group: g, Location: loc}
	counted := all
	// Source: Opgroeien IKT rules — care counts between 06:00 and 20:00;
	// night care only at a location with permission for flexible care.
	if !loc.Flex && !c.NightCountsWithoutFlex {
		counted = window
		res.NightMinutes = int(all/time.Minute) - int(window/time.Minute)
	}
	res.Minutes = int(counted / time.Minute)
	// Source: Opgroeien, Inhoudelijke en technische beschrijving van de
	// registratie van de aan- en afwezigheden (2025), p. 9 (band boundaries).
	flex := loc.Flex || c.FlexWithoutPermission
	res.Band = classify(ths, res.Minutes, flex)
	if flexFrom := thresholdOf(ths, BandFlex); !flex && flexFrom > 0 {
		res.OverMinutes = max(0, res.Minutes-flexFrom)
	}
	res.Rule = plan.Rule{ID: bandRuleID(res.Band), Source: c.Table.Source}
	return res
}

// bandRuleID returns the rule ID of a band decision (constant strings, so
// classifying allocates nothing).
func bandRuleID(b Band) string {
	switch b {
	case BandThird:
		return "tariff.band.third"
	case BandHalf:
		return "tariff.band.half"
	case BandFull:
		return "tariff.band.full"
	case BandFlex:
		return "tariff.band.flex"
	}
	return "tariff.band.none"
}

// thresholdOf returns the first minute of band b in ths (0 if there is no
// such band).
func thresholdOf(ths []Threshold, b Band) int {
	for _, th := range ths {
		if th.Band == b {
			return th.FromMinutes
		}
	}
	return 0
}
