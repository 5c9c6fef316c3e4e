package plan

import (
	"testing"

	"pgregory.net/rapid"
)

// Notice (seed 004 §6.2): the term is respected exactly when the last day
// is not before the earliest last day; the shortfall then runs from the day
// after the last day to the earliest last day; fee days are reserved,
// open days inside the fee period; a later last day never adds fee days.
func TestNoticeProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		pl := genPlan().Draw(t, "plan")
		pl.Kind, pl.Extensions = KindRegular, nil
		c := genCalendar().Draw(t, "cal")
		given := pl.Start.AddDays(rapid.IntRange(-30, 300).Draw(t, "given"))
		last := given.AddDays(rapid.IntRange(-10, 90).Draw(t, "last"))
		n := Notice{By: rapid.SampledFrom([]Party{Family, Organiser}).Draw(t, "by"), Given: given, LastDay: last}
		pol := Seed004NoticePolicy()
		r, err := EvaluateNotice(n, pl, c, pol)
		// A last day before the notice was given is refused (as the invoice
		// refuses it), never a shortfall longer than the term.
		if last.Before(given) {
			if ps := AsProblems(err); len(ps) != 1 || ps[0].Code != CodeEndBeforeStart || ps[0].Field != "last_day" {
				t.Fatalf("last day %v before the notice of %v: %v, want a problem at last_day", last, given, err)
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		if r.EarliestLastDay != TermEnd(given, pol.TermMonths) {
			t.Fatalf("earliest %v, TermEnd %v", r.EarliestLastDay, TermEnd(given, pol.TermMonths))
		}
		if r.Respected != !last.Before(r.EarliestLastDay) {
			t.Fatalf("respected %v with last %v, earliest %v", r.Respected, last, r.EarliestLastDay)
		}
		if r.Respected && (!r.Shortfall.IsEmpty() || len(r.FeeDays) > 0) {
			t.Fatalf("respected notice with shortfall %v, %d fee days", r.Shortfall, len(r.FeeDays))
		}
		if !r.Respected && (r.Shortfall.Start != last.AddDays(1) || r.Shortfall.End != r.EarliestLastDay || r.OwedBy != n.By) {
			t.Fatalf("shortfall %v owed by %q for last day %v", r.Shortfall, r.OwedBy, last)
		}
		for _, d := range r.FeeDays {
			if !d.IsReserved() || !r.Shortfall.Contains(d.Date) {
				t.Fatalf("fee day %+v outside the shortfall %v or not reserved", d, r.Shortfall)
			}
		}
		later := n
		later.LastDay = last.AddDays(rapid.IntRange(1, 30).Draw(t, "later"))
		r2, err := EvaluateNotice(later, pl, c, pol)
		if err != nil {
			t.Fatal(err)
		}
		if len(r2.FeeDays) > len(r.FeeDays) {
			t.Fatalf("a later last day added fee days: %d → %d", len(r.FeeDays), len(r2.FeeDays))
		}
	})
}

// Announcements (seed 004 §1.2.2): exactly on the deadline is in time, a
// day later is late; a longer lead never gives a later deadline.
func TestAnnouncementProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		start := genNearDate().Draw(t, "start")
		cl := Closure{Period: Period{Start: start, End: start.AddDays(rapid.IntRange(0, 30).Draw(t, "len"))},
			Reason: "sluiting", InYearlyOverview: rapid.Bool().Draw(t, "overview"), Announced: start}
		pol := Seed004AnnouncementPolicy()
		chk, err := CheckAnnouncement(cl, pol)
		if err != nil {
			t.Fatal(err)
		}
		cl.Announced = chk.Deadline
		on, _ := CheckAnnouncement(cl, pol)
		cl.Announced = chk.Deadline.AddDays(1)
		after, _ := CheckAnnouncement(cl, pol)
		if !on.InTime || after.InTime && after.Deadline == chk.Deadline {
			t.Fatalf("deadline %v: on it in time %v, a day later in time %v (deadline %v)", chk.Deadline, on.InTime, after.InTime, after.Deadline)
		}
		longer := pol
		longer.ShortLeadDays, longer.LongLeadDays = pol.ShortLeadDays+1, pol.LongLeadDays+1
		cl.InYearlyOverview = false
		a, _ := CheckAnnouncement(cl, pol)
		b, _ := CheckAnnouncement(cl, longer)
		if b.Deadline.After(a.Deadline) {
			t.Fatalf("a longer lead moved the deadline later: %v → %v", a.Deadline, b.Deadline)
		}
	})
}
