package plan

import (
	"fmt"
	"time"
)

// AnnouncementPolicy holds an organiser's rules for announcing closing
// days. They are house rules (HOUSE RULE), not statute.
type AnnouncementPolicy struct {
	// OverviewByMonth and OverviewByDay give the last day of a year on
	// which the yearly overview of closing days reaches families; seed 004:
	// 31 January. 29 February means the last day of February.
	OverviewByMonth time.Month `json:"overview_by_month"`
	OverviewByDay   int        `json:"overview_by_day"`
	// LongClosureDays is the length, in calendar days, from which a closure
	// counts as long, 0–366 (MaxAnnouncementDays); seed 004: a week (7).
	LongClosureDays int `json:"long_closure_days"`
	// ShortLeadDays is how many calendar days before its first day a shorter
	// extra closure must be announced, 0–366; seed 004: 2.
	ShortLeadDays int `json:"short_lead_days"`
	// LongLeadDays is the same for a long closure, 0–366; seed 004: 4 weeks
	// (28).
	LongLeadDays int `json:"long_lead_days"`
	// Source cites where these values come from.
	Source string `json:"source"`
}

// MaxAnnouncementDays bounds the day counts of an AnnouncementPolicy. Seed
// 004 §1.2.2 announces the closing days of each year in a yearly overview
// ("Elk jaar tegen eind januari"); a lead of more than a year would fall
// before the overview that announces the year's closures, and a closure
// longer than a year is no closure but a stop. Larger values are typing
// errors, refused before they reach a date computation.
const MaxAnnouncementDays = 366

// Seed004AnnouncementPolicy returns the closing-day announcement rules of
// the Zorg Leuven house rules, §1.2.2: "Elk jaar tegen eind januari bezorgt
// de opvang je schriftelijk een overzicht van de sluitingsdagen. Extra
// snipperdagen van minder dan 1 week worden minstens 2 dagen vooraf gemeld.
// Extra sluiting van minstens 1 week, wordt 4 weken op voorhand gemeld."
func Seed004AnnouncementPolicy() AnnouncementPolicy {
	return AnnouncementPolicy{
		OverviewByMonth: time.January, OverviewByDay: 31,
		LongClosureDays: 7, ShortLeadDays: 2, LongLeadDays: 28,
		Source: srcSeed004Closures,
	}
}

// Validate reports every value out of range, all at once: an overview
// deadline that is no day of the year, and day counts outside 0–366
// (MaxAnnouncementDays).
func (p AnnouncementPolicy) Validate() error {
	var ps Problems
	if _, err := NewDate(2000, p.OverviewByMonth, p.OverviewByDay); err != nil { // 2000: a leap year, so 29 Feb is allowed
		ps = append(ps, Problem{Code: CodeInvalidValue, Field: "overview_by",
			Message: fmt.Sprintf("overview deadline %d/%d is not a day of the year", p.OverviewByDay, int(p.OverviewByMonth))})
	}
	for _, f := range []struct {
		name string
		v    int
	}{{"long_closure_days", p.LongClosureDays}, {"short_lead_days", p.ShortLeadDays}, {"long_lead_days", p.LongLeadDays}} {
		// Bounds: see MaxAnnouncementDays.
		if f.v < 0 || f.v > MaxAnnouncementDays {
			ps = append(ps, Problem{Code: CodeInvalidValue, Field: f.name,
				Message: fmt.Sprintf("%s is %d; it must be within 0–%d days", f.name, f.v, MaxAnnouncementDays)})
		}
	}
	return ps.Err()
}

// AnnouncementCheck is the verdict on how a closure was announced.
type AnnouncementCheck struct {
	Closure Closure `json:"closure"`
	// Deadline is the last day on which the announcement was in time.
	Deadline Date `json:"deadline"`
	InTime   bool `json:"in_time"`
	// Rule is the rule that set the deadline.
	Rule Rule `json:"rule"`
	// Explanation says in English how the deadline follows from the rule.
	Explanation string `json:"explanation"`
}

// Rule IDs of the announcement rules.
const (
	RuleYearlyOverview = "plan.closure.yearly_overview"
	RuleExtraShort     = "plan.closure.extra_short"
	RuleExtraLong      = "plan.closure.extra_long"
)

// CheckAnnouncement decides whether cl was announced in time under p.
//
// An extra closure shorter than LongClosureDays must be announced at least
// ShortLeadDays calendar days before its first day, a longer one
// LongLeadDays before. A closure in the yearly overview is in time when
// announced by the overview deadline of its year; announced later, it is
// judged as an extra closure (a late overview entry is an extra closure in
// all but name), and the verdict names the extra-closure rule. Days are
// calendar days: the closure starting on day D with a lead of 2 must be
// announced on D−2 at the latest.
//
// It returns an error when the closure's period is invalid, the announcement
// date is missing, the policy is invalid, or the deadline would fall before
// 0001-01-01 (CodeOutOfRange, Field "period.start"): a deadline that cannot
// be represented is never read as "no deadline".
func CheckAnnouncement(cl Closure, p AnnouncementPolicy) (AnnouncementCheck, error) {
	if err := p.Validate(); err != nil {
		return AnnouncementCheck{}, err
	}
	if err := cl.Period.Validate(); err != nil {
		return AnnouncementCheck{}, err
	}
	if cl.Announced.IsZero() {
		return AnnouncementCheck{}, Problem{Code: CodeMissing, Field: "announced", Date: cl.Period.Start,
			Message: fmt.Sprintf("closure %s has no announcement date to check", cl.Period)}
	}
	// Source: seed 004 §1.2.2 (HOUSE RULE), values from the policy: "Elk
	// jaar tegen eind januari bezorgt de opvang je schriftelijk een overzicht
	// van de sluitingsdagen."
	var overview Date
	if cl.InYearlyOverview {
		year := cl.Period.Start.Year()
		// 29 February in a policy means the last day of February.
		overview = dateOrZero(year, p.OverviewByMonth, min(p.OverviewByDay, daysIn(year, p.OverviewByMonth)))
		// The overview announces the days after it: a closure it reaches
		// families only after is judged as an extra closure.
		if !cl.Announced.After(overview) && cl.Announced.Before(cl.Period.Start) {
			return AnnouncementCheck{Closure: cl, Deadline: overview, InTime: true,
				Rule:        Rule{ID: RuleYearlyOverview, Source: p.Source},
				Explanation: fmt.Sprintf("the yearly overview of closing days reaches families by %s", overview)}, nil
		}
	}
	// "Extra snipperdagen van minder dan 1 week worden minstens 2 dagen
	// vooraf gemeld. Extra sluiting van minstens 1 week, wordt 4 weken op
	// voorhand gemeld."
	lead, id, what := p.ShortLeadDays, RuleExtraShort, "shorter than"
	if cl.Period.Len() >= p.LongClosureDays {
		lead, id, what = p.LongLeadDays, RuleExtraLong, "at least"
	}
	deadline := cl.Period.Start.AddDays(-lead)
	if deadline.IsZero() {
		return AnnouncementCheck{}, Problem{Code: CodeOutOfRange, Field: "period.start", Date: cl.Period.Start,
			Message: fmt.Sprintf("a closure from %s is announced %d days ahead, before 0001-01-01", cl.Period.Start, lead)}
	}
	extra := AnnouncementCheck{
		Closure: cl, Deadline: deadline, InTime: !cl.Announced.After(deadline), Rule: Rule{ID: id, Source: p.Source},
		Explanation: fmt.Sprintf("an extra closure of %d day(s), %s %d days, is announced at least %d days ahead: by %s",
			cl.Period.Len(), what, p.LongClosureDays, lead, deadline),
	}
	switch {
	case cl.InYearlyOverview && !cl.Announced.Before(cl.Period.Start):
		extra.Explanation = fmt.Sprintf("in the yearly overview only from %s, not before the closure, so judged as extra: %s", cl.Announced, extra.Explanation)
	case cl.InYearlyOverview:
		extra.Explanation = fmt.Sprintf("not in the yearly overview by %s, so judged as extra: %s", overview, extra.Explanation)
	}
	return extra, nil
}

// CheckAnnouncements checks every closure of c that has an announcement date
// and returns a Problem (CodeLateAnnouncement) for each one announced late,
// naming the rule it breaks. Closures without an announcement date are
// skipped: the organiser may not track them.
func CheckAnnouncements(c Calendar, p AnnouncementPolicy) error {
	if err := p.Validate(); err != nil {
		return err
	}
	var ps Problems
	for i, cl := range c.Closures {
		if cl.Announced.IsZero() {
			continue
		}
		chk, err := CheckAnnouncement(cl, p)
		if err != nil {
			for _, q := range AsProblems(err) {
				q.Field = fmt.Sprintf("closures[%d].%s", i, q.Field)
				ps = append(ps, q)
			}
			continue
		}
		if !chk.InTime {
			ps = append(ps, Problem{Code: CodeLateAnnouncement, Field: fmt.Sprintf("closures[%d].announced", i),
				Date: cl.Announced, Rule: chk.Rule,
				Message: fmt.Sprintf("closure %s (%s) announced on %s, after the deadline %s: %s",
					cl.Period, cl.Reason, cl.Announced, chk.Deadline, chk.Explanation)})
		}
	}
	return ps.Err()
}
