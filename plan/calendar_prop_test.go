package plan

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rickar/cal/v2"
	"pgregory.net/rapid"
)

// genClosures draws up to 200 closures (one time in ten), many
// overlapping, some with an invalid period.
func genClosures() *rapid.Generator[[]Closure] {
	return rapid.Custom(func(t *rapid.T) []Closure {
		base := MustDate(2026, 1, 1)
		n := genSize(t, 8, 200, "n")
		out := make([]Closure, n)
		for i := range out {
			s := base.AddDays(rapid.IntRange(0, 120).Draw(t, "s"))
			out[i] = Closure{Period: Period{s, s.AddDays(rapid.IntRange(-2, 30).Draw(t, "len"))}, Reason: fmt.Sprintf("r%d", i)}
		}
		return out
	})
}

// The sweep finds, for each closure, the same first earlier closure it
// overlaps and the same number of them as comparing every pair.
func TestClosureOverlapsMatchesPairwise(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		cls := genClosures().Draw(t, "closures")
		first, count := closureOverlaps(cls)
		wantFirst, wantCount := naiveClosureOverlaps(cls)
		if diff := cmp.Diff(wantFirst, first); diff != "" {
			t.Fatalf("first overlapped closure (-pairwise +sweep):\n%s", diff)
		}
		if diff := cmp.Diff(wantCount, count); diff != "" {
			t.Fatalf("overlap counts (-pairwise +sweep):\n%s", diff)
		}
		// Validate reports exactly the closures that overlap an earlier one.
		var fields []string
		for _, p := range AsProblems(Calendar{Closures: cls}.Validate()) {
			if p.Code == CodeOverlap {
				fields = append(fields, p.Field)
			}
		}
		var want []string
		for i, j := range wantFirst {
			if j >= 0 {
				want = append(want, fmt.Sprintf("closures[%d]", i))
			}
		}
		if diff := cmp.Diff(want, fields); diff != "" {
			t.Fatalf("overlap problems (-want +got):\n%s", diff)
		}
	})
}

// A closure overlapping several earlier ones is reported once, naming the
// first and counting the others; the same closures in another order name
// another first.
func TestCalendarValidateOverlapMessage(t *testing.T) {
	d := MustParseDate
	c := Calendar{Closures: []Closure{
		{Period: Period{d("2026-07-01"), d("2026-07-10")}, Reason: "zomer"},
		{Period: Period{d("2026-07-20"), d("2026-07-31")}, Reason: "zomer 2"},
		{Period: Period{d("2026-06-01"), d("2026-06-30")}, Reason: "juni"},
		{Period: Period{d("2026-06-30"), d("2026-07-25")}, Reason: "alles"},  // overlaps 0, 1 and 2
		{Period: Period{d("2026-07-11"), d("2026-07-19")}, Reason: "tussen"}, // overlaps 3 only
	}}
	ps := AsProblems(c.Validate())
	if len(ps) != 2 {
		t.Fatalf("want 2 problems, got %v", ps)
	}
	if ps[0].Field != "closures[3]" || ps[0].Date != d("2026-06-30") ||
		ps[0].Message != "closure 2026-06-30..2026-07-25 overlaps closure 0 (2026-07-01..2026-07-10) and 2 more earlier closure(s)" {
		t.Errorf("problem 0 = %+v", ps[0])
	}
	if ps[1].Field != "closures[4]" || ps[1].Message != "closure 2026-07-11..2026-07-19 overlaps closure 3 (2026-06-30..2026-07-25)" {
		t.Errorf("problem 1 = %+v", ps[1])
	}
	// Touching closures (one ends the day before the other starts) do not
	// overlap; sharing one day does.
	touch := Calendar{Closures: []Closure{
		{Period: Period{d("2026-07-01"), d("2026-07-10")}, Reason: "a"},
		{Period: Period{d("2026-07-11"), d("2026-07-12")}, Reason: "b"},
		{Period: Period{d("2026-06-20"), d("2026-06-30")}, Reason: "c"},
	}}
	if err := touch.Validate(); err != nil {
		t.Errorf("touching closures: %v", err)
	}
	touch.Closures[2].Period.End = d("2026-07-01")
	if ps := AsProblems(touch.Validate()); len(ps) != 1 || ps[0].Field != "closures[2]" || !strings.Contains(ps[0].Message, "closure 0 ") {
		t.Errorf("one shared day: %v", ps)
	}
}

// ClosedDays is sorted, each day once, inside the period, and equal to
// IsClosed day by day, which agrees with the year's PublicHolidays.
func TestClosedDaysSortedUnique(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := genCalendar().Draw(t, "cal")
		c.Closures = append(c.Closures, genClosures().Draw(t, "more")...)
		p := genPeriod().Draw(t, "p")
		days := c.ClosedDays(p)
		for i, d := range days {
			if !p.Contains(d.Date) || i > 0 && !days[i-1].Date.Before(d.Date) {
				t.Fatalf("day %d %v: outside %v or not after %v", i, d.Date, p, days[max(i-1, 0)].Date)
			}
		}
		if p.Len() > 2000 {
			return // the day-by-day comparison is TestClosedDaysMatchesIsClosed's
		}
		if diff := cmp.Diff(naiveClosedDays(c, p), days); diff != "" {
			t.Fatalf("ClosedDays (-IsClosed day by day +ClosedDays):\n%s", diff)
		}
		for d := range p.Days() {
			got, ok := c.IsClosed(d)
			want, wantOK := naiveIsClosed(c, d)
			if ok != wantOK || got != want {
				t.Fatalf("IsClosed(%v) = %+v %v, through PublicHolidays %+v %v", d, got, ok, want, wantOK)
			}
		}
	})
}

// When two holidays fall on one day (Onze Lieve Heer Hemelvaart on 1 May
// 2008, 39 days after Easter on 23 March), the first in rickar/cal/v2/be's
// list names the day, and the other still closes it when the organiser is
// open on the first.
func TestTwoHolidaysOnOneDay(t *testing.T) {
	may1 := MustParseDate("2008-05-01")
	hs := PublicHolidays(2008)
	if hs[2].Date != may1 || hs[3].Date != may1 || hs[2].Name != "Dag van de Arbeid" || hs[3].Name != "Onze Lieve Heer Hemelvaart" {
		t.Fatalf("2008: %v", hs)
	}
	for _, tt := range []struct {
		open []string
		want string
	}{
		{nil, "Dag van de Arbeid"},
		{[]string{"Dag van de Arbeid"}, "Onze Lieve Heer Hemelvaart"},
		{[]string{"Onze Lieve Heer Hemelvaart"}, "Dag van de Arbeid"},
		{[]string{"Onze Lieve Heer Hemelvaart", "Dag van de Arbeid"}, ""},
	} {
		c := Calendar{OpenOnHolidays: tt.open}
		got, ok := c.IsClosed(may1)
		if ok != (tt.want != "") || got.Reason != tt.want {
			t.Errorf("open on %v: IsClosed = %+v, %v; want %q", tt.open, got, ok, tt.want)
		}
		days := c.ClosedDays(Period{may1, may1})
		if tt.want == "" && len(days) != 0 || tt.want != "" && (len(days) != 1 || days[0].Reason != tt.want || days[0].Kind != ClosedPublicHoliday) {
			t.Errorf("open on %v: ClosedDays = %v; want %q", tt.open, days, tt.want)
		}
	}
}

// Of two closures on one day the first in the list gives the reason, in
// ClosedDays as in IsClosed; a closure wins over a public holiday.
func TestClosedDaysFirstClosureWins(t *testing.T) {
	d := MustParseDate
	c := Calendar{Closures: []Closure{
		{Period: Period{d("2026-12-28"), d("2027-01-02")}, Reason: "kerstsluiting"},
		{Period: Period{d("2026-12-21"), d("2027-01-03")}, Reason: "kerstvakantie"},
		{Period: Period{d("2027-01-01"), d("2027-01-01")}, Reason: "nieuwjaar"},
	}}
	got := c.ClosedDays(Period{d("2026-12-20"), d("2027-01-05")})
	var lines []string
	for _, cd := range got {
		lines = append(lines, cd.Date.String()+" "+string(cd.Kind)+" "+cd.Reason)
	}
	want := []string{
		"2026-12-21 closure kerstvakantie", "2026-12-22 closure kerstvakantie", "2026-12-23 closure kerstvakantie",
		"2026-12-24 closure kerstvakantie", "2026-12-25 closure kerstvakantie", "2026-12-26 closure kerstvakantie",
		"2026-12-27 closure kerstvakantie",
		"2026-12-28 closure kerstsluiting", "2026-12-29 closure kerstsluiting", "2026-12-30 closure kerstsluiting",
		"2026-12-31 closure kerstsluiting", "2027-01-01 closure kerstsluiting", "2027-01-02 closure kerstsluiting",
		"2027-01-03 closure kerstvakantie",
	}
	if diff := cmp.Diff(want, lines); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// Public holidays around a closure, in one list in date order.
	c = Calendar{Closures: []Closure{{Period: Period{d("2026-05-13"), d("2026-05-13")}, Reason: "brug"}}}
	lines = nil
	for _, cd := range c.ClosedDays(Period{d("2026-04-01"), d("2026-05-31")}) {
		lines = append(lines, cd.Date.String()+" "+cd.Reason)
	}
	want = []string{"2026-04-06 Paasmaandag", "2026-05-01 Dag van de Arbeid", "2026-05-13 brug",
		"2026-05-14 Onze Lieve Heer Hemelvaart", "2026-05-25 Pinkstermaandag"}
	if diff := cmp.Diff(want, lines); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// The last representable days: the sweep stops at 9999-12-31.
	c = Calendar{NoPublicHolidays: true, Closures: []Closure{{Period: Period{d("9999-12-30"), d("9999-12-31")}, Reason: "einde"}}}
	if got := c.ClosedDays(Period{d("9999-12-01"), d("9999-12-31")}); len(got) != 2 || got[1].Date != d("9999-12-31") {
		t.Errorf("end of the range: %v", got)
	}
	if got := (Calendar{}).ClosedDays(Period{d("2026-05-02"), d("2026-05-01")}); got != nil {
		t.Errorf("an empty period has no closed days: %v", got)
	}
}

// Working days counted back a window at a time give the day the one-day
// steps give, also for leads longer than a window and near 0001-01-01.
func TestDaysBeforeMatchesSteps(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := genCalendar().Draw(t, "cal")
		d := genNearDate().Draw(t, "d")
		if rapid.IntRange(0, 9).Draw(t, "early") == 0 {
			d = Date{n: int32(rapid.IntRange(1, 60).Draw(t, "dn"))}
		}
		n := genSize(t, 10, 400, "n")
		counting := rapid.SampledFrom([]DayCounting{CalendarDays, WorkingDays, "x"}).Draw(t, "counting")
		got := c.DaysBefore(d, n, counting)
		if want := naiveDaysBefore(c, d, n, counting); got != want {
			t.Fatalf("DaysBefore(%v, %d, %q) = %v, one day at a time %v", d, n, counting, got, want)
		}
		chk, err := c.DaysBeforeChecked(d, n, counting)
		switch {
		case !counting.Valid():
			if !errorsIs(err, CodeInvalidValue) {
				t.Fatalf("counting %q: %v", counting, err)
			}
		case got.IsZero():
			if !errorsIs(err, CodeOutOfRange) {
				t.Fatalf("DaysBeforeChecked(%v, %d) = %v, %v; want out of range", d, n, chk, err)
			}
		case err != nil || chk != got:
			t.Fatalf("DaysBeforeChecked(%v, %d) = %v, %v; DaysBefore %v", d, n, chk, err, got)
		}
	})
}

// A long OpenOnHolidays list (repeats, unknown names) means the same as its
// distinct holiday names.
func TestLongOpenOnHolidaysList(t *testing.T) {
	var long []string
	for range 5 {
		long = append(long, "Sinterklaas", "Wapenstilstand", "Kerstmis", "Paasmaandag")
	}
	p := Period{MustParseDate("2026-01-01"), MustParseDate("2027-12-31")}
	got := Calendar{OpenOnHolidays: long}.ClosedDays(p)
	want := Calendar{OpenOnHolidays: []string{"Wapenstilstand", "Kerstmis", "Paasmaandag"}}.ClosedDays(p)
	if diff := cmp.Diff(want, got); diff != "" || len(got) != 14 {
		t.Errorf("(-distinct names +long list), %d days:\n%s", len(got), diff)
	}
	if diff := cmp.Diff(naiveClosedDays(Calendar{OpenOnHolidays: long}, p), got); diff != "" {
		t.Errorf("(-IsClosed +ClosedDays):\n%s", diff)
	}
}

// Nieuwjaarsdag of year 1 is 0001-01-01 00:00 UTC, the zero time.Time: it
// is a holiday all the same. A holiday's own year limits and exceptions
// (rickar/cal's StartYear, EndYear, Except) decide the years it falls in.
func TestHolidayIn(t *testing.T) {
	if h := PublicHolidays(1); len(h) != 10 || h[0] != (Holiday{MustParseDate("0001-01-01"), "Nieuwjaarsdag"}) {
		t.Errorf("year 1: %v", h)
	}
	if cd, ok := (Calendar{}).IsClosed(MustParseDate("0001-01-01")); !ok || cd.Reason != "Nieuwjaarsdag" {
		t.Errorf("IsClosed(0001-01-01) = %+v, %v", cd, ok)
	}
	h := &cal.Holiday{Name: "Feest", Month: time.May, Day: 8, Func: cal.CalcDayOfMonth, StartYear: 2000, EndYear: 2010, Except: []int{2005}}
	for _, tt := range []struct {
		year int
		ok   bool
	}{{1999, false}, {2000, true}, {2004, true}, {2005, false}, {2006, true}, {2010, true}, {2011, false}} {
		d, ok := holidayIn(h, tt.year)
		if ok != tt.ok || ok && d != MustDate(tt.year, time.May, 8) || !ok && !d.IsZero() {
			t.Errorf("holidayIn(%d) = %v, %v; want %v", tt.year, d, ok, tt.ok)
		}
	}
	open := &cal.Holiday{Name: "Altijd", Month: time.June, Day: 1, Func: cal.CalcDayOfMonth}
	if d, ok := holidayIn(open, 1); !ok || d != MustDate(1, time.June, 1) {
		t.Errorf("no limits: %v, %v", d, ok)
	}
	if _, ok := holidayIn(&cal.Holiday{Name: "Niets"}, 2026); ok {
		t.Error("a holiday without a Func falls in no year")
	}
}
