package reservation

import (
	"fmt"
	"time"

	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
)

// Problem codes of this package.
const (
	CodeIllegalTransition plan.Code = "illegal_transition" // a state change the rules do not allow
	CodeUnknown           plan.Code = "unknown"            // an unknown reservation, location, moment or child
)

// State is where a reservation stands (after-school portal manual (seed
// 000), "Online reserveren": orange = requested, green = approved, red =
// refused because full; "Reservatie wijzigen of annuleren": grey =
// cancelled). The value is a stable code; NL gives the word a family reads.
type State string

// The states. requested → approved | refused; requested | approved →
// cancelled; changed hours send an approved reservation back to requested
// unless the policy says otherwise.
const (
	StateRequested State = "requested"
	StateApproved  State = "approved"
	StateRefused   State = "refused"
	StateCancelled State = "cancelled"
)

// NL returns the state as the portal shows it to a family ("aangevraagd",
// "goedgekeurd", "geweigerd", "geannuleerd"); "" for an unknown state.
func (s State) NL() string {
	switch s {
	case StateRequested:
		return "aangevraagd"
	case StateApproved:
		return "goedgekeurd"
	case StateRefused:
		return "geweigerd"
	case StateCancelled:
		return "geannuleerd"
	}
	return ""
}

// Valid reports whether s is one of the four states.
func (s State) Valid() bool { return s.NL() != "" }

// Refusal is why a request, an approval, a duplication or an extra day was
// refused, or why a moment is not offered on a day: a stable code for
// programs (it is the JSON value). NL gives the words a family reads.
type Refusal string

// Refusals of an Outcome.
const (
	RefusedFull            Refusal = "full"             // no free place (after-school portal manual (seed 000): "volzet")
	RefusedNotEnrolled     Refusal = "not_enrolled"     // the child is not enrolled at the location that day
	RefusedAlreadyReserved Refusal = "already_reserved" // the child already has this moment that day
	RefusedInPlan          Refusal = "in_plan"          // an extra day the care plan already reserves
	RefusedOutsidePlan     Refusal = "outside_plan"     // an extra day outside the care plan's term
)

// Reasons a moment is not offered on a date (Location.Offers); an Outcome
// refused for one of them carries it as its Refusal.
const (
	ReasonWeekday       Refusal = "weekday"        // not offered on that day of the week
	ReasonClosed        Refusal = "closed"         // the location is closed
	ReasonSchoolHoliday Refusal = "school_holiday" // a school-week moment in the holidays
	ReasonSchoolWeek    Refusal = "school_week"    // a holiday moment outside the holidays
)

// NL returns the refusal in the words a family reads ("volzet", "niet
// ingeschreven", …); "" for the empty Refusal and unknown codes.
func (r Refusal) NL() string {
	switch r {
	case RefusedFull:
		return "volzet"
	case RefusedNotEnrolled:
		return "niet ingeschreven"
	case RefusedAlreadyReserved:
		return "al gereserveerd"
	case RefusedInPlan:
		return "al in het opvangplan"
	case RefusedOutsidePlan:
		return "buiten de looptijd van het opvangplan"
	case ReasonWeekday:
		return "niet op deze weekdag"
	case ReasonClosed:
		return "gesloten"
	case ReasonSchoolHoliday:
		return "schoolvakantie"
	case ReasonSchoolWeek:
		return "enkel in de schoolvakanties"
	}
	return ""
}

// Reservation is one child's reservation of one care moment on one day.
type Reservation struct {
	ID       string    `json:"id"`
	Child    string    `json:"child"`
	Location string    `json:"location"`
	Moment   string    `json:"moment"`
	Date     plan.Date `json:"date"`
	// Start and End are the hours reserved, within the moment's hours.
	Start plan.Clock `json:"start"`
	End   plan.Clock `json:"end"`
	State State      `json:"state"`
	// Extra marks an extra day outside the care plan (house rules Zorg
	// Leuven §3.4.1 (seed 004)), billed at the income tariff.
	Extra       bool      `json:"extra,omitempty"`
	RequestedAt time.Time `json:"requested_at,omitzero"`
	// Cancellation is set once the reservation is cancelled.
	Cancellation *Cancellation `json:"cancellation,omitempty"`
}

// active reports whether r holds or asks for a place.
func (r Reservation) active() bool { return r.State == StateRequested || r.State == StateApproved }

// Cancellation is the verdict on a cancellation: when, the deadline, and
// whether it was late and what that costs. The family reads MessageNL
// before it confirms; MessageEN says the same for developers.
type Cancellation struct {
	At       time.Time    `json:"at"`
	Deadline time.Time    `json:"deadline"`
	Late     bool         `json:"late"`
	Cost     tariff.Money `json:"cost"`
	Rule     plan.Rule    `json:"rule"`
	// MessageNL tells the family in Dutch until when cancelling is free and
	// whether this cancellation is late and what it costs.
	MessageNL string `json:"message_nl"`
	// MessageEN says in English how the deadline follows from the policy and
	// whether the cancellation is late.
	MessageEN string `json:"message_en"`
}

// Policy holds the organiser's reservation rules (HOUSE RULE: the
// after-school portal manual (seed 000), "Reservatie wijzigen of
// annuleren", says they are in the house rules). The zero Policy is not a
// policy: CancelQuote and Cancel refuse it.
type Policy struct {
	// CancelLeadDays and CancelLeadHours say how long before the moment
	// starts a cancellation is free; both zero means until the start.
	CancelLeadDays  int              `json:"cancel_lead_days,omitempty"`
	CancelLeadHours int              `json:"cancel_lead_hours,omitempty"`
	Counting        plan.DayCounting `json:"counting"`
	// LateCancelCost is what a late cancellation costs.
	LateCancelCost tariff.Money `json:"late_cancel_cost"`
	// ModifyKeepsApproval lets an approved reservation keep its approval when
	// its hours change; by default it goes back to requested.
	ModifyKeepsApproval bool `json:"modify_keeps_approval,omitempty"`
	// Source cites the house rules the values come from.
	Source string `json:"source"`
}

// MaxCancelLeadDays bounds a policy's cancellation lead: a year (in hours,
// 24 times as many). A longer lead is an error, not a rule.
const MaxCancelLeadDays = 365

// Validate reports every value out of range; the zero Policy is one
// problem (field "policy"): there is no deadline to decide by.
func (p Policy) Validate() error {
	if p == (Policy{}) {
		return plan.Problem{Code: plan.CodeMissing, Field: "policy",
			Message: "no cancellation policy: give the house rules' lead, counting and late-cancellation cost"}
	}
	var ps plan.Problems
	if p.CancelLeadDays < 0 || p.CancelLeadHours < 0 {
		ps = append(ps, plan.Problem{Code: plan.CodeInvalidValue, Field: "cancel_lead", Message: "cancellation leads cannot be negative"})
	}
	if p.CancelLeadDays > MaxCancelLeadDays || p.CancelLeadHours > MaxCancelLeadDays*24 {
		ps = append(ps, plan.Problem{Code: plan.CodeInvalidValue, Field: "cancel_lead",
			Message: fmt.Sprintf("a cancellation lead of more than %d days (%d hours) is not a house rule", MaxCancelLeadDays, MaxCancelLeadDays*24)})
	}
	if p.CancelLeadDays > 0 && p.CancelLeadHours > 0 {
		ps = append(ps, plan.Problem{Code: plan.CodeInvalidValue, Field: "cancel_lead", Message: "give the cancellation lead in days or in hours, not both"})
	}
	if !p.Counting.Valid() {
		ps = append(ps, plan.Problem{Code: plan.CodeInvalidValue, Field: "counting", Message: fmt.Sprintf("counting %q must be calendar or working", p.Counting)})
	}
	if p.LateCancelCost.Sign() < 0 {
		ps = append(ps, plan.Problem{Code: plan.CodeInvalidValue, Field: "late_cancel_cost", Message: "a late-cancellation cost cannot be negative"})
	}
	return ps.Err()
}

// prefixed returns the problems of err with prefix added to their fields
// ("policy" + "." + "counting").
func prefixed(err error, prefix string) plan.Problems {
	ps := plan.AsProblems(err)
	out := make(plan.Problems, len(ps))
	for i, p := range ps {
		switch {
		case p.Field == "" || p.Field == prefix:
			p.Field = prefix
		default:
			p.Field = prefix + "." + p.Field
		}
		out[i] = p
	}
	return out
}
