package plan

import "fmt"

// ChangePolicy holds the rules for changing a care plan. They are house
// rules; Seed004ChangePolicy returns those of seed 004.
type ChangePolicy struct {
	// LeadMonths is how long before the new plan starts the family asks for
	// the change; seed 004: 2 months.
	LeadMonths int `json:"lead_months"`
	// MinRunMonths is how long the changed plan runs at least; seed 004: 4
	// months.
	MinRunMonths int `json:"min_run_months"`
	// Source cites where the values come from.
	Source string `json:"source"`
}

// Seed004ChangePolicy returns the plan-change rules of seed 004 §3.4.3:
// "Als je het opvangplan van je kind wil wijzigen, dan vraag je dit 2
// maanden op voorhand aan. [...] Het gewijzigde opvangplan heeft een
// looptijd van minstens 4 maanden. [...] Uitzonderingen op moment van
// aanvraag en looptijd van wijzigingen zijn enkel mogelijk op initiatief van
// de dienst".
func Seed004ChangePolicy() ChangePolicy {
	return ChangePolicy{LeadMonths: 2, MinRunMonths: 4, Source: srcSeed004Change}
}

// Change is a request to replace a care plan by a new one.
type Change struct {
	// RequestedOn is the day the family asked for the change.
	RequestedOn Date `json:"requested_on"`
	// New is the new plan; New.Start is the day the change takes effect.
	New Plan `json:"new"`
	// OrganiserInitiative is true when the organiser (de dienst) makes an
	// exception on its own initiative; the lead-time and minimum-run rules
	// then do not apply.
	OrganiserInitiative bool `json:"organiser_initiative,omitempty"`
}

// Rule IDs of the plan-change rules.
const (
	RuleChangeLead   = "plan.change.lead_time"
	RuleChangeMinRun = "plan.change.min_run"
)

// EarliestChange returns the first day a change requested on requested may
// take effect: the day after a term of lead months from the request (asked
// on 10 March with 2 months' lead, from 10 May on).
func EarliestChange(requested Date, leadMonths int) Date {
	if leadMonths <= 0 {
		return requested
	}
	return TermEnd(requested, leadMonths).AddDays(1)
}

// ValidateChange checks a plan change against policy p and returns every
// problem at once: the request date missing, the new plan starting before
// the request's lead time has passed, and the new plan ending before its
// minimum run. An open-ended new plan always runs long enough. With
// OrganiserInitiative set only the request date is checked. The new plan
// itself is checked by Plan.Validate.
func ValidateChange(c Change, p ChangePolicy) error {
	var ps Problems
	if p.LeadMonths < 0 || p.MinRunMonths < 0 {
		ps = append(ps, Problem{Code: CodeInvalidValue, Field: "policy",
			Message: fmt.Sprintf("lead (%d) and minimum run (%d) in months cannot be negative", p.LeadMonths, p.MinRunMonths)})
	}
	if c.RequestedOn.IsZero() {
		ps = append(ps, Problem{Code: CodeMissing, Field: "requested_on", Message: "a plan change needs the day it was requested"})
	}
	if c.New.Start.IsZero() {
		ps = append(ps, Problem{Code: CodeMissing, Field: "new.start", Message: "a plan change needs the day the new plan starts"})
	}
	if len(ps) > 0 || c.OrganiserInitiative {
		return ps.Err()
	}
	// Source: seed 004 §3.4.3 (HOUSE RULE) — ask 2 months ahead.
	if earliest := EarliestChange(c.RequestedOn, p.LeadMonths); c.New.Start.Before(earliest) {
		ps = append(ps, Problem{Code: CodeLateRequest, Field: "new.start", Date: c.New.Start,
			Rule: Rule{ID: RuleChangeLead, Source: p.Source},
			Message: fmt.Sprintf("a change asked on %s takes effect %d months later at the earliest, on %s; it would start on %s",
				c.RequestedOn, p.LeadMonths, earliest, c.New.Start)})
	}
	// Source: seed 004 §3.4.3 (HOUSE RULE) — the changed plan runs at least 4 months.
	if last := c.New.LastDay(); !last.IsZero() && p.MinRunMonths > 0 {
		if minEnd := TermEnd(c.New.Start, p.MinRunMonths); last.Before(minEnd) {
			ps = append(ps, Problem{Code: CodeTooShort, Field: "new.end", Date: last,
				Rule: Rule{ID: RuleChangeMinRun, Source: p.Source},
				Message: fmt.Sprintf("a changed plan runs at least %d months, from %s until %s; it ends on %s",
					p.MinRunMonths, c.New.Start, minEnd, last)})
		}
	}
	return ps.Err()
}
