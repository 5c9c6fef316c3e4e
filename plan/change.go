package plan

import "fmt"

// ChangePolicy holds the rules for changing a care plan. They are house
// rules; Seed004ChangePolicy returns those of seed 004.
type ChangePolicy struct {
	// LeadMonths is how long before the new plan starts the family asks for
	// the change, 0–12 (MaxChangeLeadMonths); seed 004: 2 months. 0 means
	// no lead time.
	LeadMonths int `json:"lead_months"`
	// MinRunMonths is how long the changed plan runs at least, 0–24
	// (MaxChangeMinRunMonths); seed 004: 4 months. 0 means no minimum.
	MinRunMonths int `json:"min_run_months"`
	// Source cites where the values come from.
	Source string `json:"source"`
}

// Bounds of a ChangePolicy. The texts set none; seed 004 §3.4.3 asks 2
// months' lead and a run of at least 4 months. Opgroeien's model agreement
// (sources/model-schriftelijke-overeenkomst-baby-peuter.txt, "Opvangplan")
// suggests agreeing how long a care plan holds, "bv. een jaar": a lead of
// more than a year would make a family ask for a change before the plan it
// changes is drawn up, and a minimum run of more than two years outlasts
// the longest notice term (MaxNoticeTermMonths) that could end it. Larger
// values are typing errors, refused before they reach a date computation.
const (
	MaxChangeLeadMonths   = 12
	MaxChangeMinRunMonths = 24
)

// Validate reports every value out of range, all at once: a lead outside
// 0–12 months, a minimum run outside 0–24 months. Fields are the JSON
// names ("lead_months").
func (p ChangePolicy) Validate() error {
	var ps Problems
	// Bounds: see MaxChangeLeadMonths.
	if p.LeadMonths < 0 || p.LeadMonths > MaxChangeLeadMonths {
		ps = append(ps, Problem{Code: CodeInvalidValue, Field: "lead_months",
			Message: fmt.Sprintf("a lead of %d months is outside 0–%d months", p.LeadMonths, MaxChangeLeadMonths)})
	}
	if p.MinRunMonths < 0 || p.MinRunMonths > MaxChangeMinRunMonths {
		ps = append(ps, Problem{Code: CodeInvalidValue, Field: "min_run_months",
			Message: fmt.Sprintf("a minimum run of %d months is outside 0–%d months", p.MinRunMonths, MaxChangeMinRunMonths)})
	}
	return ps.Err()
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
	// Replaces is the earlier change whose plan this one ends, when the plan
	// in force came from a change: that changed plan too runs its minimum
	// before this one starts. Nil when the plan in force is the first plan
	// (no minimum run) or its change is not known.
	Replaces *Change `json:"replaces,omitempty"`
}

// Rule IDs of the plan-change rules.
const (
	RuleChangeLead   = "plan.change.lead_time"
	RuleChangeMinRun = "plan.change.min_run"
)

// EarliestChange returns the first day a change requested on requested may
// take effect: the day after a term of lead months from the request (asked
// on 10 March with 2 months' lead, from 10 May on). For leadMonths ≤ 0 it
// is the request day itself. It returns the zero Date ("no date") when
// requested is zero or the day falls after 9999-12-31; EarliestChangeChecked
// reports those as errors.
func EarliestChange(requested Date, leadMonths int) Date {
	d, _ := EarliestChangeChecked(requested, leadMonths)
	return d
}

// EarliestChangeChecked is EarliestChange with an error instead of the zero
// Date: a Problem with CodeMissing for a zero request day and
// CodeOutOfRange when the day falls after 9999-12-31. The Problem has no
// Field; the caller sets it.
func EarliestChangeChecked(requested Date, leadMonths int) (Date, error) {
	if requested.IsZero() {
		return Date{}, Problem{Code: CodeMissing, Message: "a plan change needs the day it was requested"}
	}
	if leadMonths <= 0 {
		return requested, nil
	}
	end, err := TermEndChecked(requested, leadMonths)
	if err != nil {
		return Date{}, err
	}
	if next := end.AddDays(1); !next.IsZero() {
		return next, nil
	}
	return Date{}, outOfRange(requested, fmt.Sprintf("a change asked on %s with %d months' lead takes effect after 9999-12-31", requested, leadMonths))
}

// ValidateChange checks a plan change against policy p and returns every
// problem at once: the policy out of range (Field "policy.lead_months",
// "policy.min_run_months"), the request date missing, the new plan
// starting before the request's lead time has passed, and the new plan
// ending before its minimum run, and — when the change ends a plan that
// came from an earlier change (Replaces) — that plan ending before its own
// minimum run. An open-ended new plan always runs long enough. With
// OrganiserInitiative set only the request date is checked.
// The new plan itself is checked by Plan.Validate.
//
// A deadline after 9999-12-31 is a Problem with CodeOutOfRange (Field
// "requested_on" for the lead time, "new.start" for the minimum run), never
// a change accepted because its deadline cannot be represented.
func ValidateChange(c Change, p ChangePolicy) error {
	var ps Problems
	for _, q := range AsProblems(p.Validate()) {
		q.Field = "policy." + q.Field
		ps = append(ps, q)
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
	// Source: seed 004 §3.4.3 (HOUSE RULE) — "Als je het opvangplan van je
	// kind wil wijzigen, dan vraag je dit 2 maanden op voorhand aan."
	earliest, err := EarliestChangeChecked(c.RequestedOn, p.LeadMonths)
	if err != nil {
		ps = append(ps, withField(err, "requested_on"))
	} else if c.New.Start.Before(earliest) {
		ps = append(ps, Problem{Code: CodeLateRequest, Field: "new.start", Date: c.New.Start,
			Rule: Rule{ID: RuleChangeLead, Source: p.Source},
			Message: fmt.Sprintf("a change asked on %s takes effect %d months later at the earliest, on %s; it would start on %s",
				c.RequestedOn, p.LeadMonths, earliest, c.New.Start)})
	}
	// Source: seed 004 §3.4.3 (HOUSE RULE) — "Het gewijzigde opvangplan
	// heeft een looptijd van minstens 4 maanden."
	if last := c.New.LastDay(); !last.IsZero() && p.MinRunMonths > 0 {
		minEnd, err := TermEndChecked(c.New.Start, p.MinRunMonths)
		if err != nil {
			ps = append(ps, withField(err, "new.start"))
		} else if last.Before(minEnd) {
			ps = append(ps, Problem{Code: CodeTooShort, Field: "new.end", Date: last,
				Rule: Rule{ID: RuleChangeMinRun, Source: p.Source},
				Message: fmt.Sprintf("a changed plan runs at least %d months, from %s until %s; it ends on %s",
					p.MinRunMonths, c.New.Start, minEnd, last)})
		}
	}
	// The same rule for the changed plan this change ends: it ran from its
	// own start to the day before this one's (audit of 2026-12-01: a second
	// change cut the first changed plan to 2 months).
	if r := c.Replaces; r != nil && !r.OrganiserInitiative && !r.New.Start.IsZero() && p.MinRunMonths > 0 {
		minEnd, err := TermEndChecked(r.New.Start, p.MinRunMonths)
		if err != nil {
			ps = append(ps, withField(err, "replaces.new.start"))
		} else if last := c.New.Start.AddDays(-1); last.Before(minEnd) {
			ps = append(ps, Problem{Code: CodeTooShort, Field: "new.start", Date: c.New.Start,
				Rule: Rule{ID: RuleChangeMinRun, Source: p.Source},
				Message: fmt.Sprintf("the plan changed from %s runs at least %d months, until %s; a new change can start on %s at the earliest, not %s",
					r.New.Start, p.MinRunMonths, minEnd, minEnd.AddDays(1), c.New.Start)})
		}
	}
	return ps.Err()
}
