package plan

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

// The ten Belgian public holidays (Royal Decree of 18 April 1974, executing
// the Act of 4 January 1974 on public holidays) of 2025 and 2027, as
// rickar/cal/v2/be computes them.
func TestPublicHolidays(t *testing.T) {
	want2025 := []Holiday{
		{MustParseDate("2025-01-01"), "Nieuwjaarsdag"},
		{MustParseDate("2025-04-21"), "Paasmaandag"},
		{MustParseDate("2025-05-01"), "Dag van de Arbeid"},
		{MustParseDate("2025-05-29"), "Onze Lieve Heer Hemelvaart"},
		{MustParseDate("2025-06-09"), "Pinkstermaandag"},
		{MustParseDate("2025-07-21"), "Nationale Feestdag"},
		{MustParseDate("2025-08-15"), "Onze Lieve Vrouw Hemelvaart"},
		{MustParseDate("2025-11-01"), "Allerheiligen"},
		{MustParseDate("2025-11-11"), "Wapenstilstand"},
		{MustParseDate("2025-12-25"), "Kerstmis"},
	}
	if diff := cmp.Diff(want2025, PublicHolidays(2025)); diff != "" {
		t.Errorf("2025 (-want +got):\n%s", diff)
	}
	h27 := PublicHolidays(2027)
	if h27[1].Date != MustParseDate("2027-03-29") || h27[4].Date != MustParseDate("2027-05-17") {
		t.Errorf("2027 Easter Monday / Whit Monday: %v", h27)
	}
	if PublicHolidays(0) != nil || PublicHolidays(10000) != nil {
		t.Error("years outside 1–9999 have no holidays")
	}
	if h := PublicHolidays(1); len(h) != 10 || h[0].Date != MustParseDate("0001-01-01") {
		t.Errorf("year 1: %v", h)
	}
	if h := PublicHolidays(9999); len(h) != 10 || h[9].Date != MustParseDate("9999-12-25") {
		t.Errorf("year 9999: %v", h)
	}
}

func TestCalendarIsClosed(t *testing.T) {
	c := Calendar{
		OpenOnHolidays: []string{"Wapenstilstand"},
		Closures: []Closure{
			{Period: Period{MustParseDate("2026-07-20"), MustParseDate("2026-08-07")}, Reason: "zomersluiting"},
			{Period: Period{MustParseDate("2026-12-25"), MustParseDate("2026-12-26")}, Reason: "kerstsluiting"},
		},
	}
	tests := []struct {
		date   string
		closed bool
		kind   ClosedKind
		reason string
	}{
		{"2026-07-21", true, ClosedByOrganiser, "zomersluiting"}, // closure wins over Nationale Feestdag
		{"2026-05-14", true, ClosedPublicHoliday, "Onze Lieve Heer Hemelvaart"},
		{"2026-11-11", false, "", ""}, // open on Wapenstilstand
		{"2026-12-25", true, ClosedByOrganiser, "kerstsluiting"},
		{"2026-11-02", false, "", ""}, // no replacement day for Allerheiligen on a Sunday
		{"2026-03-14", false, "", ""}, // a Saturday is not a closing day
	}
	for _, tt := range tests {
		got, closed := c.IsClosed(MustParseDate(tt.date))
		if closed != tt.closed || got.Kind != tt.kind || got.Reason != tt.reason {
			t.Errorf("IsClosed(%s) = %+v, %v", tt.date, got, closed)
		}
	}
	if _, closed := (Calendar{NoPublicHolidays: true}).IsClosed(MustParseDate("2026-01-01")); closed {
		t.Error("NoPublicHolidays: open on New Year")
	}
}

func TestCalendarValidate(t *testing.T) {
	c := Calendar{
		OpenOnHolidays: []string{"Sinterklaas"},
		Closures: []Closure{
			{Period: Period{MustParseDate("2026-07-20"), MustParseDate("2026-07-10")}, Reason: "zomer"},
			{Period: Period{MustParseDate("2026-08-01"), MustParseDate("2026-08-10")}},
			{Period: Period{MustParseDate("2026-08-05"), MustParseDate("2026-08-06")}, Reason: "brug"},
		},
	}
	ps := AsProblems(c.Validate())
	want := []struct {
		code  Code
		field string
	}{
		{CodeInvalidValue, "open_on_holidays[0]"},
		{CodeEndBeforeStart, "closures[0].period"},
		{CodeMissing, "closures[1].reason"},
		{CodeOverlap, "closures[2]"},
	}
	if len(ps) != len(want) {
		t.Fatalf("got %d problems, want %d: %v", len(ps), len(want), ps)
	}
	for i, w := range want {
		if ps[i].Code != w.code || ps[i].Field != w.field {
			t.Errorf("problem %d = %v, want %s at %s", i, ps[i], w.code, w.field)
		}
	}
	if (Calendar{}).Validate() != nil {
		t.Error("the zero Calendar is valid")
	}
}

// ClosedDays agrees with IsClosed day by day.
func TestClosedDaysMatchesIsClosed(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := genCalendar().Draw(t, "cal")
		p := genPeriod().Draw(t, "p")
		days := c.ClosedDays(p)
		i := 0
		for d := range p.Days() {
			want, closed := c.IsClosed(d)
			if closed {
				if i >= len(days) || days[i] != want {
					t.Fatalf("day %v: IsClosed %+v, ClosedDays has %v", d, want, days)
				}
				i++
			}
		}
		if i != len(days) {
			t.Fatalf("ClosedDays has %d extra days", len(days)-i)
		}
	})
}

// Seed 004 §1.2.2: yearly overview by the end of January; extra closures
// shorter than a week at least 2 days ahead, a week or longer 4 weeks ahead.
func TestCheckAnnouncement(t *testing.T) {
	pol := Seed004AnnouncementPolicy()
	cl := func(start, end, announced string, overview bool) Closure {
		return Closure{Period: Period{MustParseDate(start), MustParseDate(end)}, Reason: "sluiting",
			Announced: MustParseDate(announced), InYearlyOverview: overview}
	}
	tests := []struct {
		name     string
		c        Closure
		inTime   bool
		deadline string
		rule     string
	}{
		{"short extra closure two days ahead", cl("2026-03-12", "2026-03-13", "2026-03-10", false), true, "2026-03-10", RuleExtraShort},
		{"short extra closure one day ahead", cl("2026-03-12", "2026-03-13", "2026-03-11", false), false, "2026-03-10", RuleExtraShort},
		{"six days is still short", cl("2026-03-12", "2026-03-17", "2026-03-10", false), true, "2026-03-10", RuleExtraShort},
		{"a week is long: four weeks ahead", cl("2026-07-06", "2026-07-12", "2026-06-08", false), true, "2026-06-08", RuleExtraLong},
		{"a week announced 27 days ahead", cl("2026-07-06", "2026-07-12", "2026-06-09", false), false, "2026-06-08", RuleExtraLong},
		{"yearly overview on 31 January", cl("2026-07-20", "2026-08-07", "2026-01-31", true), true, "2026-01-31", RuleYearlyOverview},
		{"overview entry sent 1 February is judged as extra", cl("2026-07-20", "2026-08-07", "2026-02-01", true), true, "2026-06-22", RuleExtraLong},
		{"late overview entry, too late as extra as well", cl("2026-02-02", "2026-02-02", "2026-02-01", true), false, "2026-01-31", RuleExtraShort},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := CheckAnnouncement(tt.c, pol)
			if err != nil {
				t.Fatal(err)
			}
			if got.InTime != tt.inTime || got.Deadline != MustParseDate(tt.deadline) || got.Rule.ID != tt.rule || got.Rule.Source == "" {
				t.Errorf("got in time %v, deadline %v, rule %v; want %v, %s, %s (%s)", got.InTime, got.Deadline, got.Rule, tt.inTime, tt.deadline, tt.rule, got.Explanation)
			}
		})
	}
	if _, err := CheckAnnouncement(Closure{Period: Period{MustParseDate("2026-03-12"), MustParseDate("2026-03-12")}}, pol); err == nil {
		t.Error("a closure without announcement date cannot be checked")
	}
	bad := pol
	bad.OverviewByMonth = time.February
	bad.OverviewByDay = 30
	if err := bad.Validate(); err == nil {
		t.Error("30 February is not a deadline")
	}
}

func TestCheckAnnouncements(t *testing.T) {
	c := Calendar{Closures: []Closure{
		{Period: Period{MustParseDate("2026-03-12"), MustParseDate("2026-03-12")}, Reason: "pedagogische studiedag", Announced: MustParseDate("2026-03-11")},
		{Period: Period{MustParseDate("2026-04-10"), MustParseDate("2026-04-10")}, Reason: "brugdag", Announced: MustParseDate("2026-03-01")},
		{Period: Period{MustParseDate("2026-05-10"), MustParseDate("2026-05-10")}, Reason: "niet gemeld"},
	}}
	ps := AsProblems(CheckAnnouncements(c, Seed004AnnouncementPolicy()))
	if len(ps) != 1 || ps[0].Code != CodeLateAnnouncement || ps[0].Field != "closures[0].announced" || ps[0].Rule.ID != RuleExtraShort {
		t.Fatalf("problems = %v", ps)
	}
}

func TestDaysBefore(t *testing.T) {
	c := Calendar{}
	tests := []struct {
		d        string
		n        int
		counting DayCounting
		want     string
	}{
		{"2025-05-12", 2, CalendarDays, "2025-05-10"},
		{"2025-05-12", 2, WorkingDays, "2025-05-08"}, // Monday: back over the weekend to Thursday
		{"2025-05-02", 1, WorkingDays, "2025-04-30"}, // 1 May is Dag van de Arbeid
		{"2025-05-12", 0, WorkingDays, "2025-05-12"},
	}
	for _, tt := range tests {
		if got := c.DaysBefore(MustParseDate(tt.d), tt.n, tt.counting); got != MustParseDate(tt.want) {
			t.Errorf("DaysBefore(%s, %d, %s) = %v, want %s", tt.d, tt.n, tt.counting, got, tt.want)
		}
	}
	if c.IsWorkingDay(MustParseDate("2025-05-10")) || !c.IsWorkingDay(MustParseDate("2025-05-09")) {
		t.Error("Saturday is not a working day, Friday is")
	}
}

// Working days across a year end: 1 January is Nieuwjaarsdag, unless the
// organiser opens on it; the walk back crosses into the previous year.
func TestDaysBeforeAcrossNewYear(t *testing.T) {
	d := MustParseDate
	tests := []struct {
		c    Calendar
		from string
		n    int
		want string
	}{
		{Calendar{}, "2026-01-05", 1, "2026-01-02"},                       // Monday → Friday
		{Calendar{}, "2026-01-05", 2, "2025-12-31"},                       // over Thursday 1 January
		{Calendar{NoPublicHolidays: true}, "2026-01-05", 2, "2026-01-01"}, // open on 1 January
		{Calendar{NoPublicHolidays: true}, "2026-01-02", 1, "2026-01-01"}, // the year's first day
		{Calendar{OpenOnHolidays: []string{"Nieuwjaarsdag"}}, "2026-01-02", 1, "2026-01-01"},
		{Calendar{}, "2026-01-02", 1, "2025-12-31"},   // not 25 December (Kerstmis)
		{Calendar{}, "2025-12-29", 1, "2025-12-26"},   // Friday 26 December is no holiday
		{Calendar{}, "2027-01-04", 253, "2026-01-02"}, // 2026: 261 weekdays, 8 of them public holidays
		{Calendar{}, "2027-01-04", 254, "2025-12-31"},
		{Calendar{NoPublicHolidays: true}, "0001-01-08", 5, "0001-01-01"}, // down to the first day
		{Calendar{NoPublicHolidays: true}, "0001-01-02", 1, "0001-01-01"}, // from the second day
		{Calendar{}, "0001-01-02", 1, ""},                                 // 0001-01-01 is Nieuwjaarsdag: no working day before
	}
	for _, tt := range tests {
		want := Date{}
		if tt.want != "" {
			want = d(tt.want)
		}
		if got := tt.c.DaysBefore(d(tt.from), tt.n, WorkingDays); got != want {
			t.Errorf("%+v: %d working days before %s = %v, want %s", tt.c, tt.n, tt.from, got, tt.want)
		}
	}
}

// The explanation says which rule set the deadline, and that a late entry of
// the yearly overview was judged as an extra closure (seed 004 §1.2.2).
func TestAnnouncementExplanations(t *testing.T) {
	d := MustParseDate
	pol := Seed004AnnouncementPolicy()
	tests := []struct {
		c    Closure
		want string
	}{
		{Closure{Period: Period{d("2026-03-12"), d("2026-03-13")}, Reason: "x", Announced: d("2026-03-10")},
			"an extra closure of 2 day(s), shorter than 7 days, is announced at least 2 days ahead: by 2026-03-10"},
		{Closure{Period: Period{d("2026-07-06"), d("2026-07-12")}, Reason: "x", Announced: d("2026-06-08")},
			"an extra closure of 7 day(s), at least 7 days, is announced at least 28 days ahead: by 2026-06-08"},
		{Closure{Period: Period{d("2026-07-20"), d("2026-08-07")}, Reason: "x", Announced: d("2026-01-31"), InYearlyOverview: true},
			"the yearly overview of closing days reaches families by 2026-01-31"},
		{Closure{Period: Period{d("2026-07-20"), d("2026-08-07")}, Reason: "x", Announced: d("2026-02-01"), InYearlyOverview: true},
			"not in the yearly overview by 2026-01-31, so judged as extra: an extra closure of 19 day(s), at least 7 days, is announced at least 28 days ahead: by 2026-06-22"},
	}
	for _, tt := range tests {
		chk, err := CheckAnnouncement(tt.c, pol)
		if err != nil || chk.Explanation != tt.want || chk.Closure.Period != tt.c.Period {
			t.Errorf("%v: %q, %v\nwant %q", tt.c.Period, chk.Explanation, err, tt.want)
		}
	}
	for _, bad := range []Closure{
		{Period: Period{d("2026-03-12"), d("2026-03-11")}, Announced: d("2026-03-01")},
		{Period: Period{d("2026-03-12"), d("2026-03-12")}},
	} {
		if _, err := CheckAnnouncement(bad, pol); err == nil {
			t.Errorf("%+v: no error", bad)
		}
	}
	if _, err := CheckAnnouncement(tests[0].c, AnnouncementPolicy{OverviewByMonth: 2, OverviewByDay: 30}); !errorsIs(err, CodeInvalidValue) {
		t.Errorf("an invalid policy: %v", err)
	}
}
