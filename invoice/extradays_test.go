package invoice

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/kinderopvang/regels/absence"
	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/reservation"
	"github.com/shopspring/decimal"
)

// An approved extra day (seed 004 §3.4.1) is a reserved day on the
// invoice: billed at the tariff when attended.
func TestExtraDayFromBook(t *testing.T) {
	s, _ := ScenarioByName("full_time_toddler")
	c := s.Case
	c.Children[0].Plans[0].Schedule.Weeks[0].Friday = nil // Friday is not in the plan any more
	c.Children[0].Sessions, c.Children[0].Absences = nil, nil
	attend(&c, 0, "07:50", "17:05") // 17 days: March 2025 has 5 Mondays and 4 Tuesdays, Wednesdays and Thursdays
	book := reservation.Book{
		Locations: []reservation.Location{{ID: "OO-Els", Name: "Onthaalouder Els", Moments: []reservation.Moment{{ID: "dag", Name: "opvangdag",
			Weekdays: []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday}, Season: reservation.AllYear,
			Start: plan.MustClock("07:00"), End: plan.MustClock("18:00"), Capacity: 4}}}},
		Enrolments: []reservation.Enrolment{{Child: "K-118", Location: "OO-Els", Period: plan.Period{Start: plan.MustParseDate("2025-01-01"), End: plan.MustParseDate("2025-12-31")}}},
	}
	plans := map[string]plan.Plan{"K-118": c.Children[0].Plans[0]}
	book, out, err := book.RequestExtraDay(reservation.Request{Children: []string{"K-118"}, Location: "OO-Els", Moment: "dag",
		Date: plan.MustParseDate("2025-03-14"), Start: plan.MustClock("08:00"), End: plan.MustClock("17:00")}, plans, c.Calendar)
	if err != nil || out[0].Refused != "" {
		t.Fatal(out, err)
	}
	book, _, _ = book.Approve(out[0].Reservation)
	c.Children[0].ExtraDays = ExtraDaysFrom(book, "K-118")
	c.Children[0].Sessions = append(c.Children[0].Sessions, plan.Session{In: at("2025-03-14", "08:00"), Out: at("2025-03-14", "16:30")})
	inv, err := Build(c)
	if err != nil {
		t.Fatal(err)
	}
	care := inv.Lines[0]
	if care.Kind != LineCare || !care.Count.Equal(decimal.NewFromInt(18)) { // 17 plan days + the extra Friday
		t.Errorf("care line %+v", care)
	}
	reserved := 0
	for _, o := range inv.Children[0].Reserved {
		if o.Date == plan.MustParseDate("2025-03-14") {
			reserved++
		}
	}
	if reserved != 1 {
		t.Error("the extra day counts as a reserved day")
	}
}

// An extra day of the days just before the month is not billed, but it is
// a reserved day when an absence across the month's edge is measured
// (seed 004 §3.4.2, "een afwezigheid van een week of langer"): March's
// invoice judges the notice as February's would. One farther away is stale
// data, refused with its field.
func TestExtraDayAroundTheMonth(t *testing.T) {
	s, _ := ScenarioByName("full_time_toddler")
	base := s.Case
	ch := &base.Children[0]
	ch.Plans[0].Schedule.Weeks[0].Thursday = nil // Monday to Wednesday
	ch.Plans[0].Schedule.Weeks[0].Friday = nil
	ch.Sessions, ch.Absences = nil, nil
	attend(&base, 0, "07:50", "17:05", "2025-03-03", "2025-03-04", "2025-03-05")
	ch.ExtraDays = []plan.Override{{Date: plan.MustParseDate("2025-03-06"), Slots: []plan.Slot{{Start: plan.MustClock("08:00"), End: plan.MustClock("17:00")}}}}
	ch.Sessions = append(ch.Sessions, plan.Session{In: at("2025-03-06", "08:00"), Out: at("2025-03-06", "16:30")})
	// Reported on Friday 28 February for Monday 3 to Wednesday 5 March.
	ch.Absences = []absence.Absence{{Period: plan.Period{Start: plan.MustParseDate("2025-03-03"), End: plan.MustParseDate("2025-03-05")}, ReportedAt: at("2025-02-28", "10:00")}}
	// Measured across the days without reservation, the days around the
	// month decide (absence.LengthAcrossUnreserved).
	base.Rules.Absence.Notice.Length = absence.LengthAcrossUnreserved

	kind := func(c Case) absence.NoticeKind {
		t.Helper()
		inv, err := Build(c)
		if err != nil {
			t.Fatal(err)
		}
		if n := inv.Children[0].Notices; len(n) == 1 {
			return n[0].Kind
		}
		t.Fatalf("notices %+v", inv.Children[0].Notices)
		return ""
	}
	// Without Friday 28 February the week from Thursday 27 to Wednesday 5
	// holds no reserved day: a week away, long notice.
	if k := kind(base); k != absence.NoticePlannedLong {
		t.Errorf("without the extra day before the month: %s, want %s", k, absence.NoticePlannedLong)
	}
	with := base
	with.Children = slices.Clone(base.Children)
	with.Children[0].ExtraDays = append([]plan.Override{{Date: plan.MustParseDate("2025-02-28"), Slots: []plan.Slot{{Start: plan.MustClock("08:00"), End: plan.MustClock("17:00")}}}}, ch.ExtraDays...)
	if k := kind(with); k != absence.NoticePlannedShort {
		t.Errorf("with the extra day of 28 February: %s, want %s", k, absence.NoticePlannedShort)
	}
	// February's extra day is not billed in March, nor counted among its
	// reserved days.
	b, err := Build(with)
	if err != nil {
		t.Fatal(err)
	}
	feb := plan.MustParseDate("2025-02-28")
	for _, l := range b.Lines {
		if slices.Contains(l.Dates, feb) {
			t.Errorf("line %s bills %s", l.Kind, feb)
		}
	}
	if slices.ContainsFunc(b.Children[0].Reserved, func(o absence.DayOutcome) bool { return o.Date == feb }) {
		t.Errorf("%s among March's reserved days", feb)
	}

	stale := base
	stale.Children = slices.Clone(base.Children)
	stale.Children[0].ExtraDays = []plan.Override{{Date: plan.MustParseDate("2025-02-21"), Slots: []plan.Slot{{Start: plan.MustClock("08:00"), End: plan.MustClock("17:00")}}}}
	_, err = Build(stale)
	var ps plan.Problems
	if !errors.As(err, &ps) || !slices.ContainsFunc(ps, func(p plan.Problem) bool { return p.Field == "children[0].extra_days[0].date" }) {
		t.Errorf("an extra day a week before the month: %v", err)
	}
}
