package plan

import (
	"testing"
	"time"
)

// The Gregorian leap-year rule (Pope Gregory XIII, bull Inter gravissimas,
// 1582, as used by the proleptic calendar of ISO 8601 and Go's time
// package): a year divisible by 4 is a leap year, except a year divisible
// by 100, unless it is also divisible by 400. So 2000 and 2400 have a 29
// February, 1900 and 2100 do not, and 2024 and 2028 do.
func TestLeapYears(t *testing.T) {
	tests := []struct {
		year int
		leap bool
	}{
		{1900, false}, {2000, true}, {2024, true}, {2025, false}, {2026, false}, {2028, true},
		{2100, false}, {2200, false}, {2300, false}, {2400, true}, {1600, true}, {4, true}, {1, false}, {9996, true}, {9999, false},
	}
	for _, tt := range tests {
		feb := 28
		if tt.leap {
			feb = 29
		}
		if got := daysIn(tt.year, time.February); got != feb {
			t.Errorf("February %d has %d days, want %d", tt.year, got, feb)
		}
		_, err := NewDate(tt.year, time.February, 29)
		if (err == nil) != tt.leap {
			t.Errorf("NewDate(%d, 2, 29): %v, leap %v", tt.year, err, tt.leap)
		}
		if got := MustMonth(tt.year, time.February).Last().Day(); got != feb {
			t.Errorf("last day of February %d = %d", tt.year, got)
		}
		if n := MustMonth(tt.year, time.February).Days().Len(); n != feb {
			t.Errorf("February %d has %d days as a period", tt.year, n)
		}
		if tt.year < 9999 {
			yearLen := MustDate(tt.year, time.January, 1).DaysUntil(MustDate(tt.year+1, time.January, 1))
			if want := 337 + feb; yearLen != want {
				t.Errorf("year %d has %d days, want %d", tt.year, yearLen, want)
			}
		}
	}
	for _, s := range []string{"2000-02-29", "2400-02-29", "2024-02-29", "1600-02-29"} {
		if _, err := ParseDate(s); err != nil {
			t.Errorf("ParseDate(%q): %v", s, err)
		}
	}
	for _, s := range []string{"1900-02-29", "2100-02-29", "2200-02-29", "2026-02-29"} {
		if _, err := ParseDate(s); err == nil {
			t.Errorf("ParseDate(%q) accepted a day that does not exist", s)
		}
	}
	for _, tt := range []struct {
		d    Date
		want time.Weekday
	}{
		{MustDate(2000, 2, 29), time.Tuesday}, {MustDate(2000, 3, 1), time.Wednesday},
		{MustDate(1900, 3, 1), time.Thursday}, {MustDate(2100, 3, 1), time.Monday}, {MustDate(2400, 2, 29), time.Tuesday},
	} {
		if got := tt.d.Weekday(); got != tt.want {
			t.Errorf("%v is a %v, want %v", tt.d, got, tt.want)
		}
	}
}

// Terms and ages across the February of leap and common century years
// (Belgian Judicial Code art. 54: a term ends the day before the
// corresponding day, or on the last day of a month that has none).
func TestTermsAcrossCenturyFebruaries(t *testing.T) {
	d := MustParseDate
	tests := []struct {
		name       string
		start      string
		months     int
		termEnd    string // TermEnd(start, months)
		addMonths  string // AddMonths(start, months)
		nextStarts string // EarliestChange(start, months): the day after the term
	}{
		{"2000 is leap: one month from 31 January", "2000-01-31", 1, "2000-02-29", "2000-02-29", "2000-03-01"},
		{"2000: from 30 January", "2000-01-30", 1, "2000-02-29", "2000-02-29", "2000-03-01"},
		{"2000: from 29 January", "2000-01-29", 1, "2000-02-28", "2000-02-29", "2000-02-29"},
		{"1900 is not leap", "1900-01-31", 1, "1900-02-28", "1900-02-28", "1900-03-01"},
		{"1900: from 29 January", "1900-01-29", 1, "1900-02-28", "1900-02-28", "1900-03-01"},
		{"2100 is not leap", "2100-01-31", 1, "2100-02-28", "2100-02-28", "2100-03-01"},
		{"2100: from 28 January", "2100-01-28", 1, "2100-02-27", "2100-02-28", "2100-02-28"},
		{"2400 is leap", "2400-01-31", 1, "2400-02-29", "2400-02-29", "2400-03-01"},
		{"2400: notice given on 29 December, 2 months", "2399-12-29", 2, "2400-02-28", "2400-02-29", "2400-02-29"},
		{"2100: notice given on 29 December, 2 months", "2099-12-29", 2, "2100-02-28", "2100-02-28", "2100-03-01"},
		{"from 29 February 2000, 12 months", "2000-02-29", 12, "2001-02-28", "2001-02-28", "2001-03-01"},
		{"from 29 February 2096, 48 months to 2100", "2096-02-29", 48, "2100-02-28", "2100-02-28", "2100-03-01"},
		{"from 29 February 2396, 48 months to 2400", "2396-02-29", 48, "2400-02-28", "2400-02-29", "2400-02-29"},
		{"from 29 February 2000, 6 months", "2000-02-29", 6, "2000-08-28", "2000-08-29", "2000-08-29"},
		{"from 1 February 2100, 1 month", "2100-02-01", 1, "2100-02-28", "2100-03-01", "2100-03-01"},
		{"from 1 February 2000, 1 month", "2000-02-01", 1, "2000-02-29", "2000-03-01", "2000-03-01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := d(tt.start)
			if got := TermEnd(s, tt.months); got != d(tt.termEnd) {
				t.Errorf("TermEnd(%s, %d) = %v, want %s", tt.start, tt.months, got, tt.termEnd)
			}
			if got := AddMonths(s, tt.months); got != d(tt.addMonths) {
				t.Errorf("AddMonths(%s, %d) = %v, want %s", tt.start, tt.months, got, tt.addMonths)
			}
			if got := EarliestChange(s, tt.months); got != d(tt.nextStarts) {
				t.Errorf("EarliestChange(%s, %d) = %v, want %s", tt.start, tt.months, got, tt.nextStarts)
			}
		})
	}
	// A child born on 29 February 2000 is 42 months old on 29 August 2003
	// and turns 6 on 28 February 2006; born 31 August 2096, it is 3.5 on
	// 28 February 2100 (no 29th) and born 31 August 2396 on 29 February 2400.
	for _, tt := range []struct{ birth, want string }{
		{"2000-02-29", "2003-08-29"}, {"2096-08-31", "2100-02-28"}, {"2396-08-31", "2400-02-29"}, {"1896-08-31", "1900-02-28"},
	} {
		m := MilestonesOf(d(tt.birth))
		if m.ThreeAndAHalf != d(tt.want) {
			t.Errorf("born %s: 3.5 years on %v, want %s", tt.birth, m.ThreeAndAHalf, tt.want)
		}
		if AgeInMonths(d(tt.birth), m.ThreeAndAHalf) != 42 || AgeInMonths(d(tt.birth), m.ThreeAndAHalf.AddDays(-1)) != 41 {
			t.Errorf("born %s: age on and before %v", tt.birth, m.ThreeAndAHalf)
		}
	}
	if got := MilestonesOf(d("2000-02-29")).Six; got != d("2006-02-28") {
		t.Errorf("born 29 February 2000: 6 on %v", got)
	}
	if got := MilestonesOf(d("2396-02-29")).Fourteen; got != d("2410-02-28") {
		t.Errorf("born 29 February 2396: 14 on %v", got)
	}
	// A yearly overview due "by 29 February" is due on 28 February in 2100.
	pol := Seed004AnnouncementPolicy()
	pol.OverviewByMonth, pol.OverviewByDay = time.February, 29
	for _, tt := range []struct{ start, announced, deadline string }{
		{"2100-07-01", "2100-02-28", "2100-02-28"}, {"2400-07-01", "2400-02-29", "2400-02-29"}, {"2000-07-01", "2000-02-29", "2000-02-29"},
	} {
		chk, err := CheckAnnouncement(Closure{Period: Period{d(tt.start), d(tt.start)}, Reason: "x", InYearlyOverview: true, Announced: d(tt.announced)}, pol)
		if err != nil || !chk.InTime || chk.Deadline != d(tt.deadline) || chk.Rule.ID != RuleYearlyOverview {
			t.Errorf("overview by 29 February %s: %+v, %v", tt.start[:4], chk, err)
		}
	}
	chk, _ := CheckAnnouncement(Closure{Period: Period{d("2100-07-01"), d("2100-07-01")}, Reason: "x", InYearlyOverview: true, Announced: d("2100-03-01")}, pol)
	if chk.Rule.ID != RuleExtraShort {
		t.Errorf("announced 1 March 2100, after the overview: %+v", chk)
	}
}
