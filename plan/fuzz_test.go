package plan

import (
	"encoding/json"
	"errors"
	"testing"
	"time"
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
	f.Fuzz(func(t *testing.T, start, length int64) {
		s := Session{In: time.Unix(start, 0), Out: time.Unix(start, 0).Add(time.Duration(length) * time.Second)}
		if length > 400*86400 || length < -86400 || start < -62135596800-86400 || start > 253402300799+86400 {
			return // beyond what a care session is; keeps each run short
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
		if len(p.Overrides) > 50 || len(p.Exclusions) > 50 || len(c.Closures) > 50 || len(fs.SchoolHolidays) > 10 {
			return
		}
		for _, h := range fs.SchoolHolidays {
			if h.Len() > 400 {
				return // long holiday periods only make runs slow
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
