package tariff

import (
	"fmt"
	"slices"

	"github.com/kinderopvang/regels/plan"
)

// AttestKind is the kind of tariff an attest inkomenstarief states.
type AttestKind string

// The kinds of attest.
const (
	// AttestRegular: the tariff computed from the household income, with the
	// sibling reductions applied by Kind en Gezin.
	AttestRegular AttestKind = "regular"
	// Individual reduced tariffs (individueel verminderd tarief), valid for
	// at least 12 months unless a recalculation is due earlier:
	AttestFosterChild  AttestKind = "foster_child"  // pleegkind
	AttestFallenIncome AttestKind = "fallen_income" // gedaald inkomen
	AttestLeefloon     AttestKind = "leefloon"      // leefloon (living wage)
	AttestSocialHalf   AttestKind = "social_half"   // OCMW tariff: half, at least the standard minimum
	AttestStandardMin  AttestKind = "standard_minimum"
	AttestLowest       AttestKind = "lowest"
	// AttestMaximum: the maximum tariff — for a family that does not
	// disclose its income, and the default when no valid attest is given.
	AttestMaximum AttestKind = "maximum"
)

// Reduced reports whether k is an individual reduced tariff.
func (k AttestKind) Reduced() bool {
	switch k {
	case AttestFosterChild, AttestFallenIncome, AttestLeefloon, AttestSocialHalf, AttestStandardMin, AttestLowest:
		return true
	}
	return false
}

func (k AttestKind) known() bool { return k == AttestRegular || k == AttestMaximum || k.Reduced() }

// Attest is an attest inkomenstarief: the daily tariff of one child and its
// validity. Every attest has an end date.
type Attest struct {
	// ChildCode identifies the child (kindcode).
	ChildCode string     `json:"child_code,omitempty"`
	Kind      AttestKind `json:"kind"`
	// Daily is the daily tariff.
	Daily Tariff `json:"daily"`
	// Valid is the period the attest applies to.
	Valid plan.Period `json:"valid"`
	// Delivered is the day the organiser received the attest; needed only
	// to decide a gap between two attests and the days before the child's
	// first attest (see AttestBook).
	Delivered plan.Date `json:"delivered,omitzero"`
}

// Validate reports every problem of the attest: an unknown kind, no tariff,
// an invalid validity period.
func (a Attest) Validate() error {
	var ps plan.Problems
	if !a.Kind.known() {
		ps = append(ps, plan.Problem{Code: plan.CodeInvalidValue, Field: "kind", Message: fmt.Sprintf("attest kind %q is not known", a.Kind)})
	}
	if a.Daily.IsZero() {
		ps = append(ps, plan.Problem{Code: CodeInvalidTariff, Field: "daily", Date: a.Valid.Start, Message: "an attest states a daily tariff"})
	}
	if err := a.Valid.Validate(); err != nil {
		p := err.(plan.Problem)
		p.Field = "valid"
		ps = append(ps, p)
	}
	return ps.Err()
}

// AttestStart returns the first day of an attest for a child that first
// attends without a parent on firstAlone: the first day of that month.
// Settling-in with the parent present does not count; settling in alone
// does (the organiser says in its house rules whether that is free).
func AttestStart(firstAlone plan.Date) plan.Date {
	// Source: Opgroeien, applying the Subsidiebesluit of 22 November 2013 —
	// the attest starts on the first day of the month in which the child
	// first attends without the parent.
	return firstAlone.MonthOf().First()
}

// NewTariffStart returns the day a recalculated tariff starts for a request
// made on requested: the first day of the next month (a request in December
// starts on 1 January).
func NewTariffStart(requested plan.Date) plan.Date {
	// Source: house rules Zorg Leuven §3.1 (seed 004) — "Het nieuwe tarief kan
	// pas ingaan op de eerste maand na aanvraagdatum."
	return requested.MonthOf().Add(1).First()
}

// TriggerKind is a reason the tariff must be recalculated.
type TriggerKind string

// The recalculation triggers.
const (
	TriggerAge3_5           TriggerKind = "age_3_5"   // the month the child turns 3.5
	TriggerAge6             TriggerKind = "age_6"     // the month the child turns 6
	TriggerAge9             TriggerKind = "age_9"     // the month the child turns 9
	TriggerAge12            TriggerKind = "age_12"    // the month the child turns 12 (Kind en Gezin)
	TriggerHousehold        TriggerKind = "household" // a change of household (marriage, divorce, a birth)
	TriggerReducedTariffEnd TriggerKind = "reduced_tariff_ends"
)

// Trigger is a recalculation that is due.
type Trigger struct {
	Kind TriggerKind `json:"kind"`
	// Date is the day of the event: the birthday, the household change, the
	// last day of the reduced tariff.
	Date plan.Date `json:"date"`
	// Month is the month in which the recalculation is due.
	Month plan.Month `json:"month"`
	Rule  plan.Rule  `json:"rule"`
}

// RecalculationTriggers returns, in date order, the recalculations due for
// child within period: the months it turns 3.5, 6, 9 and 12, each household
// change, and the end of each reduced tariff among attests.
func RecalculationTriggers(child Child, attests []Attest, householdChanges []plan.Date, within plan.Period) []Trigger {
	// Source: house rules Zorg Leuven §3.1 (seed 004) — "In de maand waarin je
	// kind 3,5 jaar, 6 jaar en 9 jaar wordt", "Als je gezinssituatie
	// verandert", "Als je individueel verminderd tarief vervalt"; Kind en
	// Gezin also names 12.
	rule := plan.Rule{ID: "tariff.recalculation", Source: srcSeed004Rec}
	var out []Trigger
	add := func(k TriggerKind, d plan.Date) {
		if within.Contains(d) {
			out = append(out, Trigger{Kind: k, Date: d, Month: d.MonthOf(), Rule: rule})
		}
	}
	m := plan.MilestonesOf(child.Birth)
	add(TriggerAge3_5, m.ThreeAndAHalf)
	add(TriggerAge6, m.Six)
	add(TriggerAge9, m.Nine)
	add(TriggerAge12, m.Twelve)
	for _, d := range householdChanges {
		add(TriggerHousehold, d)
	}
	for _, a := range attests {
		if a.Kind.Reduced() {
			add(TriggerReducedTariffEnd, a.Valid.End)
		}
	}
	slices.SortStableFunc(out, func(a, b Trigger) int { return a.Date.Compare(b.Date) })
	return out
}
