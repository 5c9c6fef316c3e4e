package invoice

import (
	"slices"
	"testing"
	"time"

	"github.com/kinderopvang/regels/plan"
	"pgregory.net/rapid"
)

// The one-pass check of a child's sessions says "no problem" only when
// the checks one by one find none, and says it whenever they find none for
// sessions in order within 1900-01-02 and 2100-12-31 UTC: near the edges of
// the years, of the period, of the birth day, of the longest stay and of
// the last day of care, in several zones.
func TestSessionsPlainIsTheChecks(t *testing.T) {
	zones := []*time.Location{plan.Brussels(), time.UTC, time.FixedZone("+14", 14*3600), time.FixedZone("-12", -12*3600)}
	months := []plan.Month{plan.MustMonth(1900, time.January), plan.MustMonth(1900, time.February), plan.MustMonth(2025, time.March),
		plan.MustMonth(2025, time.October), plan.MustMonth(2100, time.November), plan.MustMonth(2100, time.December)}
	rapid.Check(t, func(t *rapid.T) {
		c := benchCase()
		c.Month = rapid.SampledFrom(months).Draw(t, "month")
		c.Period = plan.Period{}
		first := c.Month.First()
		near := func(label string) plan.Date {
			return rapid.SampledFrom([]plan.Date{{}, plan.MustParseDate("0001-01-01"), plan.MustParseDate("1677-12-31"), plan.MustParseDate("1678-01-02"),
				plan.MustParseDate("1899-12-31"), first.AddDays(-1), first, first.AddDays(9), first.AddDays(40), plan.MustParseDate("2100-12-31"),
				plan.MustParseDate("2262-01-01"), plan.MustParseDate("9999-12-31")}).Draw(t, label)
		}
		ch := &c.Children[0]
		ch.Child.Birth = near("birth")
		ch.Notice = nil
		if rapid.Bool().Draw(t, "notice") {
			ch.Notice = &plan.Notice{By: plan.Family, Given: first, LastDay: near("last day")}
		}
		c.Rules.MaxSessionHours = rapid.SampledFrom([]int{0, 10, 24, 72, 73, 200}).Draw(t, "longest") // beyond 72: invalid rules, checked all the same
		start, _ := plan.DayBounds(first, nil)
		ch.Sessions = nil
		for range rapid.IntRange(0, 6).Draw(t, "sessions") {
			zone := rapid.SampledFrom(zones).Draw(t, "zone")
			in := start.Add(time.Duration(rapid.IntRange(-3*24*60, 35*24*60).Draw(t, "in")) * time.Minute).In(zone)
			minutes := rapid.SampledFrom([]int{-60, 0, 1, 600, 24 * 60, 24*60 + 1, 30 * 60, 80 * 60, 150 * 60}).Draw(t, "minutes")
			s := plan.Session{In: in, Out: in.Add(time.Duration(minutes) * time.Minute)}
			switch rapid.IntRange(0, 9).Draw(t, "odd") {
			case 0:
				s.In = time.Time{}
			case 1:
				s.Out = time.Time{}
			}
			ch.Sessions = append(ch.Sessions, s)
		}
		if rapid.Bool().Draw(t, "sorted") {
			slices.SortFunc(ch.Sessions, func(a, b plan.Session) int { return a.In.Compare(b.In) })
		}
		plain, ps := c.sessionsPlain(ch, nil), c.checkSessions(ch)
		if plain && len(ps) > 0 {
			t.Fatalf("one pass says no problem, the checks say %v", ps)
		}
		inWindow := slices.IsSortedFunc(ch.Sessions, func(a, b plan.Session) int { return a.In.Compare(b.In) })
		for _, s := range ch.Sessions {
			for _, u := range []int64{s.In.Unix(), s.Out.Unix()} {
				inWindow = inWindow && u >= plainFrom && u < plainTo
			}
		}
		if inWindow && len(ps) == 0 && !plain && c.Rules.MaxSessionHours <= 72 { // invalid rules: the checks decide
			t.Fatalf("the checks find no problem in sessions in order %v, one pass does not say so", ch.Sessions)
		}
	})
}

// A birth before 1678 or after 2261 lies beyond Unix nanoseconds: every
// session comes after or before it, not "before the birth" by a wrapped
// number (a birth on 1677-01-01 once made each session of 2025 one).
func TestBirthBeyondNanoseconds(t *testing.T) {
	for _, tc := range []struct {
		birth string
		ok    bool
	}{{"0001-01-01", true}, {"1200-05-01", true}, {"1677-01-01", true}, {"1678-01-01", true}, {"2262-06-01", false}, {"9999-12-31", false}} {
		c := benchCase()
		c.Children[0].Child.Birth = plan.MustParseDate(tc.birth)
		if ps := c.checkSessions(&c.Children[0]); (len(ps) == 0) != tc.ok {
			t.Errorf("birth %s: %v", tc.birth, ps)
		}
		if c.sessionsPlain(&c.Children[0], nil) != tc.ok {
			t.Errorf("birth %s: one pass says %v", tc.birth, !tc.ok)
		}
	}
}

// A notice whose last day lies before 1900 ends care before every session
// (found by TestSessionsPlainIsTheChecks, seed 17397808542070674: no
// sessions, a last day of 0001-01-01); one after 2100 after each.
func TestLastDayOfCareBeyondTheYears(t *testing.T) {
	for _, tc := range []struct {
		last     string
		sessions bool
		ok       bool
	}{{"0001-01-01", false, true}, {"0001-01-01", true, false}, {"1899-12-31", true, false}, {"2101-01-01", true, true}, {"9999-12-31", true, true}} {
		c := benchCase()
		ch := &c.Children[0]
		ch.Notice = &plan.Notice{By: plan.Family, Given: c.Month.First(), LastDay: plan.MustParseDate(tc.last)}
		if !tc.sessions {
			ch.Sessions = nil
		}
		ps := c.checkSessions(ch)
		if (len(ps) == 0) != tc.ok || c.sessionsPlain(ch, nil) != tc.ok {
			t.Errorf("last day %s, sessions %v: one pass %v, checks %v", tc.last, tc.sessions, c.sessionsPlain(ch, nil), ps)
		}
	}
}

// With house rules beyond the longest stay allowed (72 hours), checked with
// the case all the same, a session long enough to reach back past a birth
// 5 days before the period, or on past a last day of care 4 days after
// it, is still reported (found by review: the one pass assumed 72 hours).
func TestSessionsPlainBeyondTheLongestStay(t *testing.T) {
	c := benchCase()
	c.Rules.MaxSessionHours = 200
	ch := &c.Children[0]
	first := c.days().Start
	start, _ := plan.DayBounds(first.AddDays(-7), nil)
	ch.Child.Birth = first.AddDays(-5)
	ch.Sessions = []plan.Session{{In: start, Out: start.Add(7*24*time.Hour + time.Hour)}}
	if c.sessionsPlain(ch, nil) || len(c.checkSessions(ch)) == 0 {
		t.Errorf("a stay from before the birth: one pass %v, checks %v", c.sessionsPlain(ch, nil), c.checkSessions(ch))
	}
	if err := c.Validate(); !hasFieldPrefix(err, "children[0].sessions[0]") {
		t.Errorf("Validate: %v", err)
	}
}

// The one pass at each edge the checks draw: a session of no length, one
// of exactly the longest stay and a nanosecond more, one that ends exactly
// where the period starts or starts where it ends, one from exactly the
// start of the birth day or a nanosecond before, and one that ends exactly
// at the end of the last day of care or a nanosecond after.
func TestSessionsPlainAtTheEdges(t *testing.T) {
	base := benchCase()
	first, last := base.days().Start, base.days().End
	from, _ := plan.DayBounds(first, nil)
	_, to := plan.DayBounds(last, nil)
	day := plan.DateOf(base.Children[0].Sessions[0].In.In(plan.Brussels()))
	startOfDay, endOfDay := plan.DayBounds(day, nil)
	notice := func(c *Case) {
		c.Children[0].Notice = &plan.Notice{By: plan.Family, Given: first.AddDays(-60), LastDay: day}
	}
	for _, tc := range []struct {
		name string
		edit func(c *Case, s *plan.Session)
		ok   bool
	}{
		{"of no length", func(c *Case, s *plan.Session) { s.Out = s.In }, false},
		{"of a nanosecond", func(c *Case, s *plan.Session) { s.Out = s.In.Add(1) }, true},
		{"of the longest stay", func(c *Case, s *plan.Session) { s.In, s.Out = from, from.Add(24*time.Hour) }, true},
		{"a nanosecond past the longest stay", func(c *Case, s *plan.Session) { s.In, s.Out = from, from.Add(24*time.Hour+1) }, false},
		{"ending where the period starts", func(c *Case, s *plan.Session) { s.In, s.Out = from.Add(-time.Hour), from }, false},
		{"ending a nanosecond into the period", func(c *Case, s *plan.Session) { s.In, s.Out = from.Add(-time.Hour), from.Add(1) }, true},
		{"starting where the period ends", func(c *Case, s *plan.Session) {
			c.Children[0].Sessions = c.Children[0].Sessions[:1]
			s.In, s.Out = to, to.Add(time.Hour)
		}, false},
		{"starting a nanosecond before the period ends", func(c *Case, s *plan.Session) {
			c.Children[0].Sessions = c.Children[0].Sessions[:1]
			s.In, s.Out = to.Add(-1), to.Add(time.Hour)
		}, true},
		{"from the start of the birth day", func(c *Case, s *plan.Session) { s.In = startOfDay; c.Children[0].Child.Birth = day }, true},
		{"from a nanosecond before the birth day", func(c *Case, s *plan.Session) { s.In = startOfDay.Add(-1); c.Children[0].Child.Birth = day }, false},
		{"to the end of the last day of care", func(c *Case, s *plan.Session) {
			c.Children[0].Sessions = c.Children[0].Sessions[:1]
			notice(c)
			s.Out = endOfDay
		}, true},
		{"to a nanosecond past the last day of care", func(c *Case, s *plan.Session) {
			c.Children[0].Sessions = c.Children[0].Sessions[:1]
			notice(c)
			s.Out = endOfDay.Add(1)
		}, false},
	} {
		c := benchCase()
		c.Children[0].Sessions = append([]plan.Session(nil), c.Children[0].Sessions...)
		s := c.Children[0].Sessions[0]
		tc.edit(&c, &s)
		c.Children[0].Sessions[0] = s
		ch := &c.Children[0]
		ps := c.checkSessions(ch)
		if (len(ps) == 0) != tc.ok {
			t.Errorf("a session %s: the checks say %v", tc.name, ps)
		}
		if got := c.sessionsPlain(ch, nil); got != tc.ok {
			t.Errorf("a session %s: one pass says %v, want %v", tc.name, got, tc.ok)
		}
	}
}

// The one pass at the edges of the years a session may have: sessions of
// January 1900 that start in 1899 (UTC), of December 2100 that end in
// 2101; all touch the period, and all are problems.
func TestSessionsPlainAtTheYears(t *testing.T) {
	utc := func(s string) time.Time {
		t, err := time.Parse(time.RFC3339, s)
		if err != nil {
			panic(err)
		}
		return t
	}
	for _, tc := range []struct {
		month   plan.Month
		in, out string
		ok      bool
	}{
		{plan.MustMonth(1900, time.January), "1899-12-31T23:30:00Z", "1900-01-01T01:00:00Z", false},
		{plan.MustMonth(1900, time.January), "1899-12-31T23:30:00Z", "1900-01-02T08:00:00Z", false},
		{plan.MustMonth(1900, time.January), "1900-01-02T08:00:00Z", "1900-01-02T17:00:00Z", true},
		{plan.MustMonth(2100, time.December), "2100-12-31T21:00:00Z", "2101-01-01T00:30:00Z", false},
		{plan.MustMonth(2100, time.December), "2100-12-30T20:00:00Z", "2101-01-01T00:30:00Z", false},
		{plan.MustMonth(2100, time.December), "2100-12-30T08:00:00Z", "2100-12-30T17:00:00Z", true},
	} {
		c := benchCase()
		c.Month, c.Period = tc.month, plan.Period{}
		ch := &c.Children[0]
		ch.Child.Birth = plan.MustParseDate("1890-01-01")
		ch.Sessions = []plan.Session{{In: utc(tc.in), Out: utc(tc.out)}}
		c.Rules.MaxSessionHours = 72 // a stay across the edge of the years
		ps := c.checkSessions(ch)
		if (len(ps) == 0) != tc.ok {
			t.Errorf("%s–%s: the checks say %v", tc.in, tc.out, ps)
		}
		if got := c.sessionsPlain(ch, nil); got != tc.ok {
			t.Errorf("%s–%s: one pass says %v, want %v", tc.in, tc.out, got, tc.ok)
		}
	}
}
