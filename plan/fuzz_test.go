package plan

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// Fuzz targets: every parser and entry point either returns an error or a
// valid result, and never panics. .ci/run runs each briefly.

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2025-03-30", "2024-02-29", "2025-02-29", "0001-01-01", "9999-12-31", "", "2025-1-1", "２０２５-01-01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			if !errors.Is(err, CodeInvalidDate) || !d.IsZero() {
				t.Fatalf("ParseDate(%q) = %v, %v", s, d, err)
			}
			return
		}
		if d.String() != s {
			t.Fatalf("ParseDate(%q) = %v: not canonical", s, d)
		}
	})
}

func FuzzParseClockAndMonth(f *testing.F) {
	for _, s := range []string{"07:30", "24:00", "24:01", "2026-03", "2026-13", "7:30", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if c, err := ParseClock(s); err == nil && (c.String() != s || !c.Valid()) {
			t.Fatalf("ParseClock(%q) = %v", s, c)
		}
		if m, err := ParseMonth(s); err == nil && m.String() != s {
			t.Fatalf("ParseMonth(%q) = %v", s, m)
		}
	})
}

func FuzzSplit(f *testing.F) {
	f.Add(int64(1743278400), int64(43200))   // 2025-03-29 20:00 UTC+1, 12 h: into the 23-hour day
	f.Add(int64(1761505200), int64(43200))   // 2025-10-26, the 25-hour day
	f.Add(int64(0), int64(-1))               // end before start
	f.Add(int64(-62135596800), int64(86400)) // the zero time.Time: no instant
	f.Add(int64(-62135600000), int64(86400)) // before year 1 in Brussels
	f.Add(int64(253402297200), int64(7200))  // past 9999-12-31 in Brussels
	f.Add(int64(253402257600), int64(3600))  // 9999-12-31 13:00 in Brussels: the last day ends at 10000-01-01
	f.Fuzz(func(t *testing.T, start, length int64) {
		s := Session{In: time.Unix(start, 0), Out: time.Unix(start, 0).Add(time.Duration(length) * time.Second)}
		// Up to 30 years: Split's work is one span per day, so that bounds
		// one run to about 11,000 spans.
		if length > 30*366*86400 || length < -86400 || start < -62135596800-86400 || start > 253402300799+86400 {
			return
		}
		spans, err := s.Split(nil)
		if err != nil {
			inRange := s.In.Year() > 1 && s.Out.Year() < 9999
			if length > 0 && inRange {
				t.Fatalf("valid session %v: %v", s, err)
			}
			return
		}
		var sum time.Duration
		for _, sp := range spans {
			sum += sp.Elapsed()
		}
		if sum != s.Elapsed() {
			t.Fatalf("spans sum to %v, session %v", sum, s.Elapsed())
		}
	})
}

// FuzzPlan decodes a plan, a calendar and facts from JSON and runs every
// entry point on them.
func FuzzPlan(f *testing.F) {
	f.Add([]byte(`{"kind":"regular","start":"2026-04-01","schedule":{"weeks":[{"monday":[{"start":"07:30","end":"17:30"}]}]}}`),
		[]byte(`{"closures":[{"period":{"start":"2026-04-16","end":"2026-04-16"},"reason":"studiedag","announced":"2026-04-10"}]}`),
		[]byte(`{"birth":"2015-03-10","school_holidays":[{"start":"2026-11-02","end":"2026-11-08"}]}`))
	f.Add([]byte(`{"kind":"temporary","start":"2026-01-05","end":"2026-07-04","extensions":["2027-01-04","2026-01-01"],"schedule":{"weeks":[{},{"friday":[{"start":"20:00","end":"24:00"}]}]}}`),
		[]byte(`{"no_public_holidays":true,"open_on_holidays":["x"]}`),
		[]byte(`{}`))
	f.Add([]byte(`{"kind":"after_school","start":"9999-12-30","overrides":[{"date":"9999-12-31","slots":[{"start":"24:00","end":"00:00"}]}]}`),
		[]byte(`{"closures":[{"period":{"start":"9999-12-31","end":"0001-01-01"}}]}`),
		[]byte(`{"birth":"9999-12-31"}`))
	f.Fuzz(func(t *testing.T, planJSON, calJSON, factsJSON []byte) {
		var p Plan
		var c Calendar
		var fs Facts
		if json.Unmarshal(planJSON, &p) != nil || json.Unmarshal(calJSON, &c) != nil || json.Unmarshal(factsJSON, &fs) != nil {
			return
		}
		// Any number of overrides, exclusions, closures and holidays: the
		// checks are O(n log n). Only holidays are bounded, to 100 years in
		// all, because validation walks their days.
		days := 0
		for _, h := range fs.SchoolHolidays {
			if days += h.Len(); days > 100*366 {
				return
			}
		}
		_ = p.Validate(fs)
		_ = c.Validate()
		_ = CheckAnnouncements(c, Seed004AnnouncementPolicy())
		_ = p.FullTimeRatio()
		if p.Start.IsZero() {
			return
		}
		month := p.Start.MonthOf().Days()
		for _, d := range p.ReservedDays(month, c) {
			if !d.IsReserved() || !month.Contains(d.Date) {
				t.Fatalf("ReservedDays returned %+v", d)
			}
		}
		_ = ValidateChange(Change{RequestedOn: p.Start.AddDays(-30), New: p}, Seed004ChangePolicy())
		_, _ = EvaluateNotice(Notice{By: Family, Given: p.Start, LastDay: p.Start.AddDays(20)}, p, c, Seed004NoticePolicy())
	})
}

// Helpers that turn the fuzzer's bytes and numbers into plan values. Each
// target builds small values (a few dozen closures or sessions at most), so
// that one execution takes microseconds and the fuzzer explores instead of
// waiting.

// fuzzDate maps any int32 onto a day number, so every date 0001–9999 and
// the zero Date are reachable.
func fuzzDate(n int32) Date {
	v := int64(n) % (maxDayNum + 1)
	if v < 0 {
		v += maxDayNum + 1
	}
	return Date{n: int32(v)}
}

// fuzzNear maps an int32 onto a date: mostly 2000–2050, one value in eight
// anywhere in 0001–9999, so that the rules' ordinary years and the edges of
// the range are both explored.
func fuzzNear(n int32) Date {
	if n%8 == 0 {
		return fuzzDate(n / 8)
	}
	base := MustDate(2000, 1, 1)
	return base.AddDays(int(uint32(n) % (50 * 366)))
}

// byteReader hands out the fuzzer's bytes one at a time, zeros when they
// run out.
type byteReader struct{ b []byte }

func (r *byteReader) left() bool { return len(r.b) > 0 }

func (r *byteReader) next() byte {
	if len(r.b) == 0 {
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

// fuzzClosures reads up to max closures of three bytes each, starting
// around base: an offset, a length (some negative: invalid periods) and a
// byte choosing the reason (empty one time in sixteen).
func fuzzClosures(r *byteReader, base Date, max int) []Closure {
	var out []Closure
	for len(out) < max && r.left() {
		off, ln, why := r.next(), r.next(), r.next()
		s := base.AddDays(int(off) - 30)
		e := s.AddDays(int(int8(ln)) / 2)
		reason := fmt.Sprintf("sluiting %d", why%8)
		if why%16 == 15 {
			reason = ""
		}
		out = append(out, Closure{Period: Period{s, e}, Reason: reason, InYearlyOverview: why&0x40 != 0,
			Announced: s.AddDays(-int(why >> 4))})
	}
	return out
}

// fuzzHolidayNames picks the public holidays an organiser is open on from
// the bits of b, with an unknown name for bit 10.
func fuzzHolidayNames(b uint16) []string {
	names := []string{"Nieuwjaarsdag", "Paasmaandag", "Dag van de Arbeid", "Onze Lieve Heer Hemelvaart", "Pinkstermaandag",
		"Nationale Feestdag", "Onze Lieve Vrouw Hemelvaart", "Allerheiligen", "Wapenstilstand", "Kerstmis", "Sinterklaas"}
	var out []string
	for i, n := range names {
		if b&(1<<i) != 0 {
			out = append(out, n)
		}
	}
	return out
}

// monthIndex is y*12 + m-1 of d, for the month arithmetic oracles.
func monthIndex(d Date) int { return d.Year()*12 + int(d.Month()) - 1 }

// AddMonths lands in the month n months on, on the same day or the month's
// last; it agrees with time.Date where that does not normalise, is undone by
// -n up to the 28th, never moves back as d moves forward, and fails exactly
// outside 0001–9999.
func FuzzAddMonths(f *testing.F) {
	f.Add(int32(738000), int64(42))
	f.Add(int32(730150), int64(1))     // 2000-01-31 + 1: 29 February
	f.Add(int32(3652029), int64(1))    // 9999-12-01 + 1: out of range
	f.Add(int32(1), int64(-1))         // 0001-01-01 - 1
	f.Add(int32(0), int64(3))          // no date
	f.Add(int32(738000), int64(1)<<62) // a huge count
	f.Add(int32(-5), int64(-119987))   // a negative int32
	f.Fuzz(func(t *testing.T, dn int32, n64 int64) {
		d, n := fuzzDate(dn), int(n64)
		r, err := AddMonthsChecked(d, n)
		if r != AddMonths(d, n) || (err == nil) == r.IsZero() {
			t.Fatalf("AddMonths(%v, %d) = %v, checked %v, %v", d, n, AddMonths(d, n), r, err)
		}
		if d.IsZero() {
			if !errors.Is(err, CodeMissing) {
				t.Fatalf("no date: %v", err)
			}
			return
		}
		target := int64(monthIndex(d)) + n64
		if inRange := target >= 12 && target <= 9999*12+11; inRange != (err == nil) || !inRange && !errors.Is(err, CodeOutOfRange) {
			t.Fatalf("AddMonths(%v, %d): target month %d, error %v", d, n, target, err)
		}
		if err != nil {
			return
		}
		if int64(monthIndex(r)) != target || r.Day() != min(d.Day(), daysIn(r.Year(), r.Month())) {
			t.Fatalf("AddMonths(%v, %d) = %v", d, n, r)
		}
		if d.Day() <= 28 {
			if want := timeAddMonths(d, n); r != want {
				t.Fatalf("AddMonths(%v, %d) = %v, time.Date says %v", d, n, r, want)
			}
			if back := AddMonths(r, -n); back != d {
				t.Fatalf("AddMonths(AddMonths(%v, %d), %d) = %v", d, n, -n, back)
			}
		}
		if next := AddMonths(d.AddDays(1), n); !next.IsZero() && next.Before(r) {
			t.Fatalf("AddMonths(%v, %d) = %v but the next day gives %v", d, n, r, next)
		}
	})
}

// A term (Belgian Judicial Code art. 54) contains its start, ends the day
// before the corresponding day (or on the last day of a shorter month),
// never ends earlier for a later start or a longer term, and fails exactly
// when its end would be after 9999-12-31.
func FuzzTermEnd(f *testing.F) {
	f.Add(int32(739685), int64(2))      // 2026-03-10, 2 months
	f.Add(int32(730150), int64(1))      // 2000-01-31
	f.Add(int32(3652008), int64(2))     // 9999-11-10: the bug
	f.Add(int32(3652029), int64(1))     // 9999-12-01: ends on 9999-12-31
	f.Add(int32(1), int64(119987))      // 0001-01-01, to 9999-12-31
	f.Add(int32(739685), int64(0))      // no term
	f.Add(int32(739685), int64(-1)<<40) // a huge negative term
	f.Fuzz(func(t *testing.T, dn int32, n64 int64) {
		d, n := fuzzDate(dn), int(n64)
		e, err := TermEndChecked(d, n)
		if e != TermEnd(d, n) || (err == nil) == e.IsZero() {
			t.Fatalf("TermEnd(%v, %d) = %v, checked %v, %v", d, n, TermEnd(d, n), e, err)
		}
		switch {
		case n < 1:
			if !errors.Is(err, CodeInvalidValue) {
				t.Fatalf("a term of %d months: %v", n, err)
			}
			return
		case d.IsZero():
			if !errors.Is(err, CodeMissing) {
				t.Fatalf("no start: %v", err)
			}
			return
		}
		// The corresponding day, as a month index and a day.
		target := int64(monthIndex(d)) + n64
		endsOnLast := target == 10000*12 && d.Day() == 1
		if inRange := target <= 9999*12+11 || endsOnLast; inRange != (err == nil) || !inRange && !errors.Is(err, CodeOutOfRange) {
			t.Fatalf("TermEnd(%v, %d): target month %d, error %v", d, n, target, err)
		}
		if err != nil {
			if term := Term(d, n); !term.IsEmpty() {
				t.Fatalf("Term(%v, %d) = %v for a term out of range", d, n, term)
			}
			return
		}
		if e.Before(d) || Term(d, n) != (Period{d, e}) {
			t.Fatalf("TermEnd(%v, %d) = %v: the term does not contain its start", d, n, e)
		}
		switch after := e.AddDays(1); {
		case endsOnLast:
			if e != (Date{n: maxDayNum}) {
				t.Fatalf("TermEnd(%v, %d) = %v, want 9999-12-31", d, n, e)
			}
		case d.Day() > daysIn(int(target/12), time.Month(target%12+1)):
			if int64(monthIndex(e)) != target || after.Day() != 1 {
				t.Fatalf("TermEnd(%v, %d) = %v, want the last day of the target month", d, n, e)
			}
		default:
			if int64(monthIndex(after)) != target || after.Day() != d.Day() {
				t.Fatalf("TermEnd(%v, %d) = %v, want the day before the corresponding day", d, n, e)
			}
		}
		if n <= 1000 {
			if l := Term(d, n).Len(); l < 28*n-3 || l > 31*n {
				t.Fatalf("a term of %d months from %v lasts %d days", n, d, l)
			}
		}
		if next := TermEnd(d.AddDays(1), n); !next.IsZero() && next.Before(e) {
			t.Fatalf("TermEnd(%v, %d) = %v but from the next day %v", d, n, e, next)
		}
		if longer := TermEnd(d, n+1); !longer.IsZero() && !longer.After(e) {
			t.Fatalf("TermEnd(%v, %d) = %v but a month longer %v", d, n, e, longer)
		}
	})
}

// ClosedDays is sorted, each day once, inside the period, and equal day by
// day to the closures and the year's public holidays; every day it returns
// is closed for IsClosed with the same reason, and so is every closed day of
// the period's first weeks.
func FuzzClosedDays(f *testing.F) {
	f.Add([]byte{30, 4, 0, 40, 20, 1, 35, 2, 2}, int32(26*366), uint16(90), uint16(0))
	f.Add([]byte{0, 255, 3}, int32(8*3652028), uint16(40), uint16(1<<11))          // up to 9999-12-31
	f.Add([]byte{}, int32(8*1), uint16(60), uint16(4))                             // 0001, open on Dag van de Arbeid
	f.Add([]byte{10, 10, 15, 12, 200, 1}, int32(8*733163), uint16(400), uint16(0)) // 2008: two holidays on 1 May
	f.Fuzz(func(t *testing.T, data []byte, start int32, length uint16, flags uint16) {
		s := fuzzNear(start)
		if s.IsZero() {
			s = Date{n: minDayNum}
		}
		p := Period{s, s.AddDays(int(length % 1000))}
		if p.End.IsZero() {
			p.End = Date{n: maxDayNum}
		}
		r := &byteReader{data}
		c := Calendar{NoPublicHolidays: flags&(1<<11) != 0, OpenOnHolidays: fuzzHolidayNames(flags), Closures: fuzzClosures(r, s, 16)}
		days := c.ClosedDays(p)
		// The oracle: per day, the first closure covering it, else the first
		// public holiday on it the organiser does not open on.
		holidays := map[Date]string{}
		if !c.NoPublicHolidays {
			for y := p.Start.Year(); y <= p.End.Year(); y++ {
				for _, h := range PublicHolidays(y) {
					if _, dup := holidays[h.Date]; !dup && !slices.Contains(c.OpenOnHolidays, h.Name) {
						holidays[h.Date] = h.Name
					}
				}
			}
		}
		k := 0
		for d := range p.Days() {
			want, closed := ClosedDay{}, false
			for _, cl := range c.Closures {
				if cl.Period.Contains(d) {
					want, closed = ClosedDay{Date: d, Kind: ClosedByOrganiser, Reason: cl.Reason}, true
					break
				}
			}
			if name, ok := holidays[d]; ok && !closed {
				want, closed = ClosedDay{Date: d, Kind: ClosedPublicHoliday, Reason: name}, true
			}
			if closed {
				if k >= len(days) || days[k] != want {
					t.Fatalf("day %v: want %+v, ClosedDays has %v", d, want, days)
				}
				k++
			}
		}
		if k != len(days) {
			t.Fatalf("ClosedDays has %d days more than the period's closed days: %v", len(days)-k, days)
		}
		for i, cd := range days {
			if i > 0 && !days[i-1].Date.Before(cd.Date) {
				t.Fatalf("not sorted or repeated: %v then %v", days[i-1], cd)
			}
			if got, ok := c.IsClosed(cd.Date); !ok || got != cd {
				t.Fatalf("ClosedDays has %+v, IsClosed says %+v, %v", cd, got, ok)
			}
		}
		first := Period{p.Start, p.Start.AddDays(20)}
		if first.End.After(p.End) || first.End.IsZero() {
			first.End = p.End
		}
		k = 0
		for d := range first.Days() {
			if got, ok := c.IsClosed(d); ok {
				if k >= len(days) || days[k] != got {
					t.Fatalf("IsClosed(%v) = %+v, ClosedDays %v", d, got, days)
				}
				k++
			}
		}
	})
}

// Calendar.Validate reports, in closure order, an invalid period, a missing
// reason and an overlap with an earlier closure, exactly as comparing every
// pair finds them.
func FuzzCalendarValidate(f *testing.F) {
	f.Add([]byte{1, 30, 4, 0, 40, 20, 1, 35, 2, 2, 90, 250, 15}, uint16(0))
	f.Add([]byte{0, 0, 0, 0, 0, 0}, uint16(1<<10))
	f.Add([]byte{5, 10, 1, 20, 10, 2, 4, 60, 3, 18, 2, 4}, uint16(3))
	f.Fuzz(func(t *testing.T, data []byte, names uint16) {
		r := &byteReader{data}
		base := MustDate(2026, 1, 1)
		if r.left() && r.next()%8 == 0 {
			base = MustDate(9999, 11, 1) // near the end of the range
		}
		c := Calendar{OpenOnHolidays: fuzzHolidayNames(names), Closures: fuzzClosures(r, base, 32)}
		first, count := naiveClosureOverlaps(c.Closures)
		var want []string
		if names&(1<<10) != 0 {
			want = append(want, fmt.Sprintf("%s open_on_holidays[%d]", CodeInvalidValue, len(c.OpenOnHolidays)-1))
		}
		for i, cl := range c.Closures {
			f := fmt.Sprintf("closures[%d]", i)
			if cl.Period.IsEmpty() {
				code := CodeEndBeforeStart
				if cl.Period.Start.IsZero() || cl.Period.End.IsZero() { // past 9999-12-31
					code = CodeInvalidPeriod
				}
				want = append(want, fmt.Sprintf("%s %s.period", code, f))
				continue
			}
			if cl.Reason == "" {
				want = append(want, fmt.Sprintf("%s %s.reason", CodeMissing, f))
			}
			if first[i] >= 0 {
				msg := fmt.Sprintf("overlaps closure %d (%s)", first[i], c.Closures[first[i]].Period)
				if count[i] > 1 {
					msg += fmt.Sprintf(" and %d more", count[i]-1)
				}
				want = append(want, fmt.Sprintf("%s %s %s", CodeOverlap, f, msg))
			}
		}
		var got []string
		for _, p := range AsProblems(c.Validate()) {
			line := fmt.Sprintf("%s %s", p.Code, p.Field)
			if p.Code == CodeOverlap {
				msg := p.Message[strings.Index(p.Message, "overlaps"):]
				msg = strings.TrimSuffix(msg, " earlier closure(s)")
				line += " " + msg
			}
			got = append(got, line)
		}
		if !slices.Equal(want, got) { // cmp.Diff only to explain a failure: it is slow
			t.Fatalf("Validate (-pairwise +got):\n%s", cmp.Diff(want, got))
		}
	})
}

// ValidateSessions reports each malformed session by its index and each
// session that overlaps one checked in before it, and nothing else: no
// problem means no two sessions overlap.
func FuzzValidateSessions(f *testing.F) {
	f.Add([]byte{0, 10, 100, 0, 20, 50, 0, 5, 30, 1, 40, 200})
	f.Add([]byte{0, 10, 0, 0, 10, 255, 2, 0, 0})
	f.Add([]byte{0, 1, 10, 0, 1, 10, 0, 1, 10})
	f.Fuzz(func(t *testing.T, data []byte) {
		r := &byteReader{data}
		base := time.Date(2026, 3, 29, 0, 0, 0, 0, Brussels()) // the 23-hour day
		var ss []Session
		for len(ss) < 32 && r.left() {
			kind, at, ln := r.next(), r.next(), r.next()
			in := base.Add(time.Duration(int(kind&0x0f)*256+int(at)) * 7 * time.Minute)
			s := Session{In: in, Out: in.Add(time.Duration(int(int8(ln))) * 3 * time.Minute)}
			switch kind >> 4 {
			case 1:
				s.In = time.Time{}
			case 2:
				s.Out = time.Time{}
			case 3:
				s.Out = s.In // empty
			}
			ss = append(ss, s)
		}
		err := ValidateSessions(ss)
		ps := AsProblems(err)
		if (err == nil) != (len(ps) == 0) {
			t.Fatalf("error %v with problems %v", err, ps)
		}
		malformed, overlaps := 0, 0
		for _, p := range ps {
			if !strings.HasPrefix(p.Field, "sessions[") || p.Message == "" {
				t.Fatalf("problem without a session field: %+v", p)
			}
			if p.Code == CodeOverlap {
				overlaps++
			} else {
				malformed++
			}
		}
		wantMalformed := 0
		for _, s := range ss {
			if s.In.IsZero() || s.Out.IsZero() || !s.Out.After(s.In) {
				wantMalformed++
			}
		}
		if malformed != wantMalformed || overlaps != naiveSessionOverlaps(ss) {
			t.Fatalf("%d malformed and %d overlap problems; want %d and %d: %v", malformed, overlaps, wantMalformed, naiveSessionOverlaps(ss), ps)
		}
	})
}

// fuzzPlan builds a plan of up to 48 overrides and 8 exclusions from the
// fuzzer's bytes, starting on start with the weekly days of the bits of
// days.
func fuzzPlan(r *byteReader, start Date, days byte) Plan {
	w := Week{}
	for i, day := range []*[]Slot{&w.Monday, &w.Tuesday, &w.Wednesday, &w.Thursday, &w.Friday, &w.Saturday, &w.Sunday} {
		if days&(1<<i) != 0 {
			*day = fullDay
		}
	}
	p := Plan{Kind: KindRegular, Start: start, Schedule: Schedule{Weeks: []Week{w}}}
	if days&0x80 != 0 {
		p.Schedule.Weeks = append(p.Schedule.Weeks, Week{Wednesday: morning})
	}
	for n := r.next() % 49; n > 0 && r.left(); n-- {
		off, what := r.next(), r.next()
		o := Override{Date: start.AddDays(int(off) - 5)}
		if what%3 != 0 {
			o.Slots = morning
		}
		p.Overrides = append(p.Overrides, o)
	}
	for n := r.next() % 9; n > 0 && r.left(); n-- {
		off, ln := r.next(), r.next()
		s := start.AddDays(int(off) - 10)
		p.Exclusions = append(p.Exclusions, Exclusion{Period: Period{s, s.AddDays(int(int8(ln)) / 4)}, Reason: "vakantie"})
	}
	if end := r.next(); end != 0 {
		p.End = start.AddDays(int(end) * 2)
	}
	return p
}

// Plan.Days walks a period alongside its overrides and exclusions; it gives
// exactly the days, slots and closures that asking slotsOn and IsClosed day
// by day gives.
func FuzzPlanDays(f *testing.F) {
	f.Add([]byte{3, 10, 1, 12, 0, 12, 2, 1, 20, 12, 100}, int32(26*366), byte(0x1f), uint16(120))
	f.Add([]byte{2, 0, 1, 0, 2, 0}, int32(8*3652000), byte(0xff), uint16(100)) // near 9999-12-31, alternating weeks
	f.Add([]byte{0, 1, 250, 255, 0}, int32(8*1), byte(0x01), uint16(30))
	f.Fuzz(func(t *testing.T, data []byte, start int32, days byte, length uint16) {
		s := fuzzNear(start)
		if s.IsZero() {
			s = Date{n: minDayNum}
		}
		r := &byteReader{data}
		p := fuzzPlan(r, s, days)
		c := Calendar{NoPublicHolidays: length&1 == 0, Closures: fuzzClosures(r, s, 4)}
		period := Period{s.AddDays(-3), s.AddDays(int(length % 200))}
		if period.Start.IsZero() {
			period.Start = s
		}
		if period.End.IsZero() {
			period.End = Date{n: maxDayNum}
		}
		got := p.Days(period, c)
		k := 0
		for d := range period.Days() {
			want := p.Day(d, c)
			if len(want.Slots) == 0 {
				continue
			}
			if k >= len(got) || got[k].Date != d || !slices.Equal(got[k].Slots, want.Slots) || (got[k].Closed == nil) != (want.Closed == nil) ||
				got[k].Closed != nil && *got[k].Closed != *want.Closed {
				t.Fatalf("day %v: Day says %+v, Days has %+v", d, want, got)
			}
			k++
		}
		if k != len(got) {
			t.Fatalf("Days has %d days more than Day reserves", len(got)-k)
		}
		// SlotsInto holds the same days at their index in the period.
		into := make([][]Slot, period.Len())
		if n := p.SlotsInto(period, into); n != len(got) {
			t.Fatalf("SlotsInto counts %d days, Days has %d", n, len(got))
		}
		for _, pd := range got {
			if i := period.Start.DaysUntil(pd.Date); !slices.Equal(into[i], pd.Slots) {
				t.Fatalf("day %v: SlotsInto has %v, Days %v", pd.Date, into[i], pd.Slots)
			}
		}
		for _, q := range AsProblems(p.Validate(Facts{})) {
			if q.Field == "" || q.Message == "" || q.Code == "" {
				t.Fatalf("problem without code, field or message: %+v", q)
			}
		}
	})
}

// EvaluateNotice (seed 004 §6.2): the earliest last day is the term's end;
// the notice is respected exactly when the last day is not before it (or an
// exemption holds); otherwise the shortfall runs from the day after the
// last day to it and the fee days are reserved, open days of the fee
// period. A term that cannot end in 0001–9999 is an error, never respected.
func FuzzEvaluateNotice(f *testing.F) {
	f.Add(int32(739685), int16(-10), int8(2), byte(0), int16(0), byte(0x1b))
	f.Add(int32(8*3652008), int16(10), int8(2), byte(0), int16(0), byte(0x01))    // 9999-11-10: the bug
	f.Add(int32(739685), int16(-40), int8(2), byte(0x12), int16(-50), byte(0x07)) // detrimental change
	f.Add(int32(739685), int16(-5), int8(24), byte(0x21), int16(0), byte(0x7f))   // full-term basis, organiser
	f.Add(int32(739685), int16(0), int8(100), byte(0x05), int16(0), byte(0x01))   // a term out of bounds
	f.Fuzz(func(t *testing.T, given int32, lastOff int16, term int8, flags byte, notifiedOff int16, days byte) {
		g := fuzzNear(given)
		n := Notice{By: Family, Given: g, LastDay: g.AddDays(int(lastOff))}
		if flags&1 != 0 {
			n.By = Organiser
		}
		exemptions := []Exemption{NoExemption, ExemptSeriousFault, ExemptDetrimentalChange, ExemptForceMajeure, ExemptPermitWithdrawn, ExemptCaregiverPregnancy, "boredom", NoExemption}
		n.Exemption = exemptions[(flags>>1)&7]
		if n.Exemption == ExemptDetrimentalChange && flags&0x80 == 0 {
			n.ChangeNotified = g.AddDays(int(notifiedOff))
		}
		pol := NoticePolicy{TermMonths: int(term), DetrimentalChangeMonths: int(notifiedOff) & 3, Basis: FeeOnShortfall, Source: "fuzz"}
		if flags&0x20 != 0 {
			pol.Basis = FeeOnFullTerm
		}
		start := g.AddDays(-400)
		if start.IsZero() {
			start = Date{n: minDayNum}
		}
		r := &byteReader{}
		pl := fuzzPlan(r, start, days)
		res, err := EvaluateNotice(n, pl, Calendar{}, pol)
		if err != nil {
			for _, q := range AsProblems(err) {
				if q.Field == "" || q.Message == "" {
					t.Fatalf("problem without field or message: %+v", q)
				}
			}
			if AsProblems(err) == nil {
				t.Fatalf("error is not Problems: %v", err)
			}
			return
		}
		earliest := TermEnd(g, pol.TermMonths)
		if earliest.IsZero() || res.EarliestLastDay != earliest {
			t.Fatalf("earliest last day %v, TermEnd %v", res.EarliestLastDay, earliest)
		}
		if res.Respected != (res.Exempt || !n.LastDay.Before(earliest)) || res.Rule.ID == "" || res.Explanation == "" {
			t.Fatalf("respected %v, exempt %v, last %v, earliest %v, rule %v", res.Respected, res.Exempt, n.LastDay, earliest, res.Rule)
		}
		if res.Respected {
			if !res.Shortfall.IsEmpty() || len(res.FeeDays) > 0 || res.OwedBy != "" {
				t.Fatalf("respected notice with shortfall %v, %d fee days, owed by %q", res.Shortfall, len(res.FeeDays), res.OwedBy)
			}
			return
		}
		if res.Shortfall != (Period{n.LastDay.AddDays(1), earliest}) || res.OwedBy != n.By {
			t.Fatalf("shortfall %v owed by %q", res.Shortfall, res.OwedBy)
		}
		fee := res.Shortfall
		if pol.Basis == FeeOnFullTerm {
			fee = Term(res.Shortfall.Start, pol.TermMonths)
		}
		want := pl.ReservedDays(fee, Calendar{})
		if !slices.EqualFunc(want, res.FeeDays, func(a, b PlannedDay) bool {
			return a.Date == b.Date && slices.Equal(a.Slots, b.Slots) && b.Closed == nil
		}) {
			t.Fatalf("fee days (-reserved days of %v +got):\n%s", fee, cmp.Diff(want, res.FeeDays))
		}
	})
}

// ValidateChange (seed 004 §3.4.3): a change that passes starts no earlier
// than the lead allows and runs at least the minimum; a late request and a
// short run are reported with their field; a deadline out of range is an
// error, never a pass.
func FuzzValidateChange(f *testing.F) {
	f.Add(int32(739685), int16(61), int16(0), int8(2), int8(4), false)
	f.Add(int32(739685), int16(60), int16(120), int8(2), int8(4), false)
	f.Add(int32(8*3652013), int16(5), int16(10), int8(2), int8(4), false) // 9999-11-15
	f.Add(int32(739685), int16(1), int16(2), int8(-1), int8(40), true)
	f.Fuzz(func(t *testing.T, req int32, startOff, runDays int16, lead, minRun int8, initiative bool) {
		rq := fuzzNear(req)
		if req%3 == 0 {
			rq = Date{}
		}
		start := fuzzNear(req).AddDays(int(startOff))
		newPlan := Plan{Kind: KindRegular, Start: start, Schedule: Schedule{Weeks: []Week{{Monday: fullDay}}}}
		if runDays > 0 {
			newPlan.End = start.AddDays(int(runDays))
		}
		pol := ChangePolicy{LeadMonths: int(lead), MinRunMonths: int(minRun), Source: "fuzz"}
		err := ValidateChange(Change{RequestedOn: rq, New: newPlan, OrganiserInitiative: initiative}, pol)
		ps := AsProblems(err)
		if (err == nil) != (len(ps) == 0) {
			t.Fatalf("error %v with problems %v", err, ps)
		}
		for _, q := range ps {
			if q.Field == "" || q.Message == "" {
				t.Fatalf("problem without field or message: %+v", q)
			}
		}
		if pol.Validate() != nil || rq.IsZero() || start.IsZero() {
			if err == nil {
				t.Fatalf("policy %+v, request %v, start %v: no problem", pol, rq, start)
			}
			return
		}
		if initiative {
			if err != nil {
				t.Fatalf("the organiser's initiative: %v", err)
			}
			return
		}
		earliest := EarliestChange(rq, pol.LeadMonths)
		switch {
		case earliest.IsZero():
			if !ps.Has(CodeOutOfRange) {
				t.Fatalf("lead deadline out of range, problems %v", ps)
			}
		case start.Before(earliest) != ps.Has(CodeLateRequest):
			t.Fatalf("start %v, earliest %v: problems %v", start, earliest, ps)
		}
		if last := newPlan.LastDay(); !last.IsZero() && pol.MinRunMonths > 0 {
			minEnd := TermEnd(start, pol.MinRunMonths)
			if minEnd.IsZero() && !ps.Has(CodeOutOfRange) || !minEnd.IsZero() && last.Before(minEnd) != ps.Has(CodeTooShort) {
				t.Fatalf("last %v, minimum end %v: problems %v", last, minEnd, ps)
			}
		} else if ps.Has(CodeTooShort) {
			t.Fatalf("no minimum run, problems %v", ps)
		}
	})
}

// CheckAnnouncement (seed 004 §1.2.2): the deadline is the lead before the
// first day (long or short by the closure's length), or the yearly
// overview's day for a closure in it announced by then; in time exactly
// when announced by the deadline. CheckAnnouncements reports exactly the
// late ones.
func FuzzCheckAnnouncement(f *testing.F) {
	f.Add(int32(739685), uint16(1), int16(-2), false, uint16(2), uint16(28), uint16(7), byte(1), byte(31))
	f.Add(int32(739685), uint16(10), int16(-27), false, uint16(2), uint16(28), uint16(7), byte(1), byte(31))
	f.Add(int32(739685), uint16(20), int16(-200), true, uint16(2), uint16(28), uint16(7), byte(2), byte(29))
	f.Add(int32(8*2), uint16(1), int16(-1), false, uint16(2), uint16(28), uint16(7), byte(1), byte(31)) // 0001-01-02
	f.Add(int32(739685), uint16(1), int16(0), false, uint16(400), uint16(28), uint16(7), byte(1), byte(31))
	f.Fuzz(func(t *testing.T, start int32, length uint16, annOff int16, overview bool, short, long, longDays uint16, ovMonth, ovDay byte) {
		s := fuzzNear(start)
		cl := Closure{Period: Period{s, s.AddDays(int(length%400) - 2)}, Reason: "sluiting", InYearlyOverview: overview, Announced: s.AddDays(int(annOff))}
		pol := AnnouncementPolicy{OverviewByMonth: time.Month(ovMonth % 14), OverviewByDay: int(ovDay % 33),
			ShortLeadDays: int(short % 400), LongLeadDays: int(long % 400), LongClosureDays: int(longDays % 400), Source: "fuzz"}
		chk, err := CheckAnnouncement(cl, pol)
		late := AsProblems(CheckAnnouncements(Calendar{Closures: []Closure{cl}}, pol))
		if err != nil {
			var p Problem
			if AsProblems(err) == nil || errors.As(err, &p) && p.Message == "" {
				t.Fatalf("error %v", err)
			}
			if !cl.Announced.IsZero() && len(late) == 0 {
				t.Fatalf("CheckAnnouncement: %v; CheckAnnouncements: nothing", err)
			}
			return
		}
		if chk.Deadline.IsZero() || chk.Deadline.After(cl.Period.Start) && chk.Rule.ID != RuleYearlyOverview || chk.Explanation == "" {
			t.Fatalf("deadline %v for a closure from %v (%+v)", chk.Deadline, cl.Period.Start, chk)
		}
		switch chk.Rule.ID {
		case RuleYearlyOverview:
			if !overview || !chk.InTime || chk.Deadline.Year() != s.Year() || chk.Deadline.Month() != pol.OverviewByMonth || cl.Announced.After(chk.Deadline) {
				t.Fatalf("yearly overview verdict %+v", chk)
			}
		case RuleExtraLong, RuleExtraShort:
			long := cl.Period.Len() >= pol.LongClosureDays
			lead := pol.ShortLeadDays
			if long {
				lead = pol.LongLeadDays
			}
			if long != (chk.Rule.ID == RuleExtraLong) || chk.Deadline != s.AddDays(-lead) || chk.InTime != !cl.Announced.After(chk.Deadline) {
				t.Fatalf("extra closure of %d days, lead %d: %+v", cl.Period.Len(), lead, chk)
			}
		default:
			t.Fatalf("rule %v", chk.Rule)
		}
		if chk.InTime != (len(late) == 0) || !chk.InTime && (late[0].Code != CodeLateAnnouncement || late[0].Rule != chk.Rule) {
			t.Fatalf("in time %v, CheckAnnouncements %v", chk.InTime, late)
		}
	})
}

// AgeInMonths brackets the day between two month anniversaries;
// MilestonesOfChecked fails exactly when a milestone is out of range, and
// the after-school end is 31 August of the year of the 12th birthday
// (seed 000).
func FuzzAgeAndMilestones(f *testing.F) {
	f.Add(int32(8*738033), int32(1277))  // 2021-08-31, 3.5 years later
	f.Add(int32(8*730179), int32(366))   // 29 February 2000
	f.Add(int32(8*3647000), int32(5000)) // born 9985
	f.Add(int32(8*1), int32(-10))
	f.Fuzz(func(t *testing.T, birth, offset int32) {
		b := fuzzNear(birth)
		on := b.AddDays(int(offset % 40000))
		age := AgeInMonths(b, on)
		if b.IsZero() || on.IsZero() {
			if age != 0 {
				t.Fatalf("AgeInMonths(%v, %v) = %d", b, on, age)
			}
			return
		}
		if a := AddMonths(b, age); a.IsZero() && on.Year() > 1 || a.After(on) { // before 0001-01 only in year 1
			t.Fatalf("age %d on %v: the %d-month day %v is after it", age, on, age, a)
		}
		if a := AddMonths(b, age+1); !a.IsZero() && !a.After(on) {
			t.Fatalf("age %d on %v: the %d-month day %v is not after it", age, on, age+1, a)
		}
		if (age < 0) != on.Before(b) {
			t.Fatalf("age %d on %v, born %v", age, on, b)
		}
		m, err := MilestonesOfChecked(b)
		anyZero := m.ThreeAndAHalf.IsZero() || m.Six.IsZero() || m.Nine.IsZero() || m.Twelve.IsZero() || m.Fourteen.IsZero() || m.AfterSchoolEnd.IsZero()
		if (err != nil) != anyZero || m != MilestonesOf(b) || m.Birth != b {
			t.Fatalf("born %v: %+v, %v", b, m, err)
		}
		if !m.Twelve.IsZero() && (m.AfterSchoolEnd != MustDate(m.Twelve.Year(), time.August, 31) || AgeInMonths(b, m.Twelve) != 144) {
			t.Fatalf("born %v: 12 on %v, after-school end %v", b, m.Twelve, m.AfterSchoolEnd)
		}
		if !m.ThreeAndAHalf.IsZero() && (AgeInMonths(b, m.ThreeAndAHalf) != 42 || AgeInMonths(b, m.ThreeAndAHalf.AddDays(-1)) != 41) {
			t.Fatalf("born %v: 3.5 on %v", b, m.ThreeAndAHalf)
		}
	})
}

// DaysBefore counts back working days of the calendar a window at a time;
// it gives the day that one-day steps give, and the checked form fails
// exactly where it gives no date.
func FuzzDaysBefore(f *testing.F) {
	f.Add([]byte{30, 4, 0}, int32(739685), uint16(2), false)
	f.Add([]byte{}, int32(8*10), uint16(8), false) // near 0001-01-01
	f.Add([]byte{20, 60, 1}, int32(739685), uint16(30), true)
	f.Fuzz(func(t *testing.T, data []byte, day int32, n uint16, calendar bool) {
		d := fuzzNear(day)
		r := &byteReader{data}
		c := Calendar{Closures: fuzzClosures(r, d, 4)}
		counting := WorkingDays
		if calendar {
			counting = CalendarDays
		}
		k := int(n % 40)
		got := c.DaysBefore(d, k, counting)
		if want := naiveDaysBefore(c, d, k, counting); got != want {
			t.Fatalf("DaysBefore(%v, %d, %s) = %v, one day at a time %v", d, k, counting, got, want)
		}
		chk, err := c.DaysBeforeChecked(d, k, counting)
		if chk != got || (err == nil) == got.IsZero() {
			t.Fatalf("DaysBeforeChecked(%v, %d) = %v, %v; DaysBefore %v", d, k, chk, err, got)
		}
		if !got.IsZero() && k > 0 && (!got.Before(d) || counting == WorkingDays && !c.IsWorkingDay(got)) {
			t.Fatalf("DaysBefore(%v, %d, %s) = %v", d, k, counting, got)
		}
	})
}
