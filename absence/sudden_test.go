package absence

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
	"pgregory.net/rapid"
)

// suddenFixture is May 2025 for a toddler with full days (07:30–17:30) on
// Monday to Friday, 10 justified days and the closing day of Thursday 15
// May, attended on every reserved open day outside absent.
func suddenFixture(absent plan.Period) (Input, Ledger) {
	in, ledger := fixture("10")
	in.Plan = weekPlan(5, "2025-01-01", "")
	var except []string
	for d := range absent.Days() {
		except = append(except, d.String())
	}
	attendAll(&in, except...)
	return in, ledger
}

// lateFeeDays returns the days of r that pay the late-notice fee.
func lateFeeDays(r Result) []string {
	var out []string
	for _, o := range r.Days {
		if o.LateFee.Sign() > 0 {
			out = append(out, o.Date.String())
		}
	}
	return out
}

// Seed 004 §3.4.2: "Indien je kind door onverwachte omstandigheden niet naar
// de opvang kan gaan, verwittig je de onthaalouder voor het afgesproken
// beginuur" and "Voor een niet tijdig meegedeelde afwezigheid betaal je een
// extra kost van 25% van je inkomenstarief, met als minimum de
// minimumbijdrage [...] per gereserveerde dag". SuddenFirstDay judges the
// absence at its first reserved day; SuddenEachDay each reserved day before
// its own start time (07:30).
func TestSuddenEachDay(t *testing.T) {
	tests := []struct {
		name          string
		from, to      string
		reported      string // "" never
		firstDay      []string
		eachDay       []string
		lateThrough   string // under SuddenEachDay; "" none
		inTimeNoteDay string // a day whose explanation says it was told in time
	}{
		{name: "reported on the first day after its start", from: "2025-05-19", to: "2025-05-21", reported: "2025-05-19 09:00",
			firstDay: []string{"2025-05-19", "2025-05-20", "2025-05-21"}, eachDay: []string{"2025-05-19"}, lateThrough: "2025-05-19", inTimeNoteDay: "2025-05-20"},
		{name: "reported on the second day after its start", from: "2025-05-19", to: "2025-05-21", reported: "2025-05-20 08:00",
			firstDay: []string{"2025-05-19", "2025-05-20", "2025-05-21"}, eachDay: []string{"2025-05-19", "2025-05-20"}, lateThrough: "2025-05-20", inTimeNoteDay: "2025-05-21"},
		{name: "reported at the second day's start time", from: "2025-05-19", to: "2025-05-21", reported: "2025-05-20 07:30",
			firstDay: []string{"2025-05-19", "2025-05-20", "2025-05-21"}, eachDay: []string{"2025-05-19"}, lateThrough: "2025-05-19", inTimeNoteDay: "2025-05-20"},
		{name: "reported before the first start time", from: "2025-05-19", to: "2025-05-21", reported: "2025-05-19 07:00"},
		{name: "never reported", from: "2025-05-19", to: "2025-05-21",
			firstDay: []string{"2025-05-19", "2025-05-20", "2025-05-21"}, eachDay: []string{"2025-05-19", "2025-05-20", "2025-05-21"}},
		{name: "reported after the absence", from: "2025-05-19", to: "2025-05-21", reported: "2025-05-21 18:00",
			firstDay: []string{"2025-05-19", "2025-05-20", "2025-05-21"}, eachDay: []string{"2025-05-19", "2025-05-20", "2025-05-21"}},
		{name: "across the weekend", from: "2025-05-23", to: "2025-05-26", reported: "2025-05-23 10:00",
			firstDay: []string{"2025-05-23", "2025-05-26"}, eachDay: []string{"2025-05-23"}, lateThrough: "2025-05-23", inTimeNoteDay: "2025-05-26"},
		{name: "reported on the closing day", from: "2025-05-14", to: "2025-05-16", reported: "2025-05-15 09:00",
			firstDay: []string{"2025-05-14", "2025-05-16"}, eachDay: []string{"2025-05-14"}, lateThrough: "2025-05-14", inTimeNoteDay: "2025-05-16"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := Absence{Period: plan.Period{Start: d(tc.from), End: d(tc.to)}, Sudden: true}
			in, ledger := suddenFixture(a.Period)
			if tc.reported != "" {
				a.ReportedAt = bxl(tc.reported)
			}
			in.Absences = []Absence{a}
			for _, reading := range []SuddenNotice{"", SuddenFirstDay, SuddenEachDay} {
				p := Seed004Policy()
				p.Notice.Sudden = reading
				r, err := Process(in, ledger, p)
				if err != nil {
					t.Fatal(err)
				}
				want, through := tc.firstDay, ""
				if reading == SuddenEachDay {
					want, through = tc.eachDay, tc.lateThrough
				}
				if diff := cmp.Diff(want, lateFeeDays(r)); diff != "" {
					t.Errorf("%q: the days paying the fee (-want +got):\n%s", reading, diff)
				}
				for _, o := range r.Days {
					if o.LateFee.Sign() > 0 && !o.LateFee.Equal(tariff.MustMoney("6.47")) {
						t.Errorf("%q: %s pays %s, want the 2025 minimum contribution 6.47", reading, o.Date, o.LateFee)
					}
				}
				chk := r.Notices[0]
				if got := dateString(chk.LateThrough); got != through {
					t.Errorf("%q: late through %q, want %q", reading, got, through)
				}
				if through != "" && !strings.Contains(chk.Explanation, "in time for the days after it") {
					t.Errorf("%q: the check does not say which days were told in time: %s", reading, chk.Explanation)
				}
				if reading == SuddenEachDay && tc.inTimeNoteDay != "" {
					if o := outcome(t, r, tc.inTimeNoteDay); !strings.Contains(o.Explanation, "reported before this day's agreed start time: no late-notice fee") {
						t.Errorf("%s does not say why it pays no fee: %s", tc.inTimeNoteDay, o.Explanation)
					}
				}
			}
		})
	}
}

func dateString(d plan.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

// SuddenEachDay against its definition: a reserved open day of a sudden
// absence pays the fee exactly when the absence was never reported or was
// reported after that day's agreed start time; the days that pay are a part
// of those that pay under SuddenFirstDay, which are every reserved open day
// of a late absence.
func TestSuddenEachDayProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		start := rapid.IntRange(1, 28).Draw(t, "start")
		from := d("2025-05-01").AddDays(start - 1)
		to := from.AddDays(rapid.IntRange(0, 10).Draw(t, "days"))
		if to.After(d("2025-05-31")) {
			to = d("2025-05-31")
		}
		in, ledger := suddenFixture(plan.Period{Start: from, End: to})
		first, ok := firstReserved([]plan.Plan{in.Plan}, plan.Period{Start: from, End: to}, in.Calendar)
		if !ok {
			t.Skip("no reserved open day")
		}
		a := Absence{Period: plan.Period{Start: from, End: to}, Sudden: true}
		if !rapid.Bool().Draw(t, "never") {
			a.ReportedAt = plan.DayStart(first.Date, nil).Add(time.Duration(rapid.IntRange(-24*60, 12*24*60).Draw(t, "minutes")) * time.Minute)
		}
		in.Absences = []Absence{a}
		each, whole := Seed004Policy(), Seed004Policy()
		each.Notice.Sudden = SuddenEachDay
		re, err1 := Process(in, ledger, each)
		rw, err2 := Process(in, ledger, whole)
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		lateWhole := a.ReportedAt.IsZero() || a.ReportedAt.After(bxl(first.Date.String()+" 07:30"))
		var wantEach, wantWhole []string
		for _, pd := range in.Plan.ReservedDays(a.Period, in.Calendar) {
			if a.ReportedAt.IsZero() || a.ReportedAt.After(bxl(pd.Date.String()+" 07:30")) {
				wantEach = append(wantEach, pd.Date.String())
			}
			if lateWhole {
				wantWhole = append(wantWhole, pd.Date.String())
			}
		}
		if diff := cmp.Diff(wantEach, lateFeeDays(re)); diff != "" {
			t.Fatalf("each day (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff(wantWhole, lateFeeDays(rw)); diff != "" {
			t.Fatalf("first day (-want +got):\n%s", diff)
		}
		// LateThrough is set exactly when some days pay and some do not, and
		// names the last that pays.
		through := re.Notices[0].LateThrough
		if some := len(wantEach) > 0 && len(wantEach) < len(wantWhole); some != !through.IsZero() || some && through.String() != wantEach[len(wantEach)-1] {
			t.Fatalf("late through %s, with the fee on %v of %v", through, wantEach, wantWhole)
		}
		// Apart from the fee, both readings give the same days.
		for i := range re.Days {
			x, y := re.Days[i], rw.Days[i]
			if x.Kind != y.Kind || !x.Used.Equal(y.Used) || !x.Charge.Equal(y.Charge) {
				t.Fatalf("%s: %s/%s used %s/%s charge %s/%s", x.Date, x.Kind, y.Kind, x.Used, y.Used, x.Charge, y.Charge)
			}
		}
	})
}

// A walk under SuddenEachDay cannot limit the fee without the notice
// checks, and a check's limit must belong to a sudden absence judged day by
// day and lie within it: anything else says what is wrong rather than
// charge every day, or none (review of 2026-12-01).
func TestWalkNoticeChecks(t *testing.T) {
	each := Seed004Policy()
	each.Notice.Sudden = SuddenEachDay
	sudden := Absence{Period: plan.Period{Start: d("2025-05-19"), End: d("2025-05-21")}, Sudden: true, ReportedAt: bxl("2025-05-19 09:00")}
	planned := Absence{Period: plan.Period{Start: d("2025-05-26"), End: d("2025-05-27")}, ReportedAt: bxl("2025-05-25 09:00")}
	check := func(i int, through string) NoticeCheck {
		c := NoticeCheck{Absence: i}
		if through != "" {
			c.LateThrough = d(through)
		}
		return c
	}
	for _, tc := range []struct {
		name    string
		policy  Policy
		notices []NoticeCheck
		field   string // "" for none
	}{
		{"no checks", each, nil, "notices"},
		{"an empty list", each, []NoticeCheck{}, "notices"},
		{"the sudden absence's check left out", each, []NoticeCheck{check(1, "")}, "notices"},
		{"a check of no absence", each, []NoticeCheck{check(0, "2025-05-19"), check(3, "")}, "notices[1].absence"},
		{"two checks of one absence", each, []NoticeCheck{check(0, "2025-05-19"), check(0, "")}, "notices[1].absence"},
		{"a limit before the absence", each, []NoticeCheck{check(0, "2025-05-12"), check(1, "")}, "notices[0].late_through"},
		{"a limit after the absence", each, []NoticeCheck{check(0, "2025-05-22"), check(1, "")}, "notices[0].late_through"},
		{"a limit of a planned absence", each, []NoticeCheck{check(0, "2025-05-19"), check(1, "2025-05-26")}, "notices[1].late_through"},
		{"a limit under the first-day reading", Seed004Policy(), []NoticeCheck{check(0, "2025-05-19")}, "notices[0].late_through"},
		{"the checks", each, []NoticeCheck{check(0, "2025-05-19"), check(1, "")}, ""},
		{"the checks, every day late", each, []NoticeCheck{check(0, ""), check(1, "")}, ""},
		{"no checks under the first-day reading", Seed004Policy(), nil, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := WalkInput{Policy: tc.policy, Ledger: Ledger{Year: 2025, Entitlement: dec("10")}, Table: tariff.StatutoryBands(),
				Absences: []Absence{sudden, planned}, Late: []bool{true, true}, Notices: tc.notices, Amounts: tariff.StatutoryAmounts()}
			_, err := NewWalk(in)
			if tc.field == "" {
				if err != nil {
					t.Errorf("%v", err)
				}
				return
			}
			if ps := plan.AsProblems(err); len(ps) != 1 || ps[0].Field != tc.field {
				t.Errorf("%v, want a problem at %s", err, tc.field)
			}
		})
	}
}

func TestSuddenNoticeValidate(t *testing.T) {
	p := Seed004Policy()
	p.Notice.Sudden = "each_hour"
	if err := p.Validate(); err == nil || !strings.Contains(err.Error(), "notice.sudden") {
		t.Errorf("an unknown reading: %v", err)
	}
}

// A long sudden absence reported late is judged around the report, not day
// by day from its start (review of 2026-12-01: one to 9999 took 1.6 s): an
// illness from 19 May 2025 to the end of 2026 reported on Wednesday 4 June
// at 09:00 is late through 4 June; one to 9999-12-31 reported on its
// penultimate day, after the plan ended in May 2025, is late on every day.
func TestSuddenEachDayLongAbsence(t *testing.T) {
	each := Seed004Policy()
	each.Notice.Sudden = SuddenEachDay
	open := weekPlan(5, "2025-01-01", "")
	long := Absence{Period: plan.Period{Start: d("2025-05-19"), End: d("2026-12-31")}, Sudden: true, ReportedAt: bxl("2025-06-04 09:00")}
	checks, late, err := CheckNotices([]Absence{long}, []plan.Plan{open}, plan.Calendar{}, each, plan.Date{})
	if err != nil || !late[0] || checks[0].LateThrough != d("2025-06-04") {
		t.Errorf("to 2026: %+v, %v, %v", checks, late, err)
	}
	ended := weekPlan(5, "2025-01-01", "2025-05-31")
	forever := Absence{Period: plan.Period{Start: d("2025-05-19"), End: d("9999-12-31")}, Sudden: true, ReportedAt: bxl("9999-12-30 09:00")}
	checks, late, err = CheckNotices([]Absence{forever}, []plan.Plan{ended}, plan.Calendar{}, each, plan.Date{})
	if err != nil || !late[0] || !checks[0].LateThrough.IsZero() {
		t.Errorf("to 9999: %+v, %v, %v", checks, late, err)
	}
}
