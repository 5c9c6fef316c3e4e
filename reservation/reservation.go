package reservation

import (
	"time"

	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
)

// Problem codes of this package.
const (
	CodeIllegalTransition plan.Code = "illegal_transition" // a state change the rules do not allow
	CodeUnknown           plan.Code = "unknown"            // an unknown reservation, location or moment
)

// State is where a reservation stands (seed 000: orange = requested, green
// = approved, red = refused because full, grey = cancelled).
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
	// Extra marks an extra day outside the care plan (seed 004 §3.4.1),
	// billed at the income tariff.
	Extra       bool      `json:"extra,omitempty"`
	RequestedAt time.Time `json:"requested_at,omitzero"`
	// Cancellation is set once the reservation is cancelled.
	Cancellation *Cancellation `json:"cancellation,omitempty"`
}

// active reports whether r holds or asks for a place.
func (r Reservation) active() bool { return r.State == StateRequested || r.State == StateApproved }

// Cancellation is the verdict on a cancellation: when, the deadline, and
// whether it was late and what that costs.
type Cancellation struct {
	At       time.Time    `json:"at"`
	Deadline time.Time    `json:"deadline"`
	Late     bool         `json:"late"`
	Cost     tariff.Money `json:"cost"`
	Rule     plan.Rule    `json:"rule"`
	// Explanation says in English how the deadline follows from the policy.
	Explanation string `json:"explanation"`
}

// Policy holds the organiser's reservation rules (HOUSE RULE; seed 000 says
// they are in the house rules).
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
	ModifyKeepsApproval bool   `json:"modify_keeps_approval,omitempty"`
	Source              string `json:"source"`
}

// Validate reports every value out of range.
func (p Policy) Validate() error {
	var ps plan.Problems
	if p.CancelLeadDays < 0 || p.CancelLeadHours < 0 {
		ps = append(ps, plan.Problem{Code: plan.CodeInvalidValue, Field: "cancel_lead", Message: "cancellation leads cannot be negative"})
	}
	if p.CancelLeadDays > 0 && p.CancelLeadHours > 0 {
		ps = append(ps, plan.Problem{Code: plan.CodeInvalidValue, Field: "cancel_lead", Message: "give the cancellation lead in days or in hours, not both"})
	}
	if !p.Counting.Valid() {
		ps = append(ps, plan.Problem{Code: plan.CodeInvalidValue, Field: "counting", Message: "counting must be calendar or working"})
	}
	if p.LateCancelCost.Sign() < 0 {
		ps = append(ps, plan.Problem{Code: plan.CodeInvalidValue, Field: "late_cancel_cost", Message: "a late-cancellation cost cannot be negative"})
	}
	return ps.Err()
}
