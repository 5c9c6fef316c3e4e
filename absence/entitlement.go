package absence

import (
	"fmt"
	"slices"
	"time"

	"github.com/kinderopvang/regels/plan"
	"github.com/shopspring/decimal"
)

// Entitlement is the number of justified absence days (respijtdagen) a
// child has in a calendar year, and how it was computed.
type Entitlement struct {
	Year int `json:"year"`
	// Base is the policy's days for a full-time plan over a full year.
	Base decimal.Decimal `json:"base"`
	// Weight is the sum over the year's months (or days) of the full-time
	// ratio of the plan that runs then (capped at 1), and Units the number
	// of months (12) or days (365/366) in the year: the entitlement is
	// Base × Weight / Units before rounding.
	Weight decimal.Decimal `json:"weight"`
	Units  int             `json:"units"`
	// Exact is Base × Weight / Units to the hundredth, before rounding
	// (10.8 for 3 days a week over a full year).
	Exact decimal.Decimal `json:"exact"`
	// Days is the entitlement after the policy's rounding, never above Base.
	Days decimal.Decimal `json:"days"`
	// StatutoryFloor is 18 × Weight / Units rounded down: no policy may give
	// less.
	StatutoryFloor decimal.Decimal `json:"statutory_floor"`
	Rule           plan.Rule       `json:"rule"`
	Explanation    string          `json:"explanation"`
}

// ComputeEntitlement returns the entitlement of a child in year under
// policy p, from the care plans that run in that year (one, or several when
// the plan changed; they must not overlap). Each month (or day, with
// ProrateDays) in which a plan runs counts at that plan's full-time ratio —
// reserved days a week ÷ 5, at most 1. With ProrateMonths a month in which
// two plans run counts at the plan that runs on more of its days, on a tie
// at the later plan (the one the month ends with), in whatever order plans
// come.
//
// A plan that reserves its days one by one (overrides, no weekly schedule)
// counts at its days reserved in the year ÷ the weekdays of its term in the
// year, public holidays left out.
//
// It reports an error when the policy is invalid, when plans overlap, and
// when the result is below the statutory minimum prorated the same way and
// rounded down (CodeBelowStatutory).
func ComputeEntitlement(year int, plans []plan.Plan, p Policy) (Entitlement, error) {
	if err := p.Validate(); err != nil {
		return Entitlement{}, err
	}
	if year < 1 || year > 9999 {
		return Entitlement{}, plan.Problem{Code: plan.CodeInvalidValue, Field: "year", Message: fmt.Sprintf("year %d out of range", year)}
	}
	for i, a := range plans {
		for j := 0; j < i; j++ {
			if in, ok := a.Period().Intersect(plans[j].Period()); ok {
				return Entitlement{}, plan.Problem{Code: plan.CodeOverlap, Field: fmt.Sprintf("plans[%d]", i), Date: in.Start,
					Message: fmt.Sprintf("plan %s overlaps plans[%d] (%s)", a.Period(), j, plans[j].Period())}
			}
		}
	}
	yearDays := plan.Period{Start: plan.MustDate(year, 1, 1), End: plan.MustDate(year, 12, 31)} // year is in 1–9999 here
	e := Entitlement{Year: year, Base: p.BaseDays}
	// Source: Opgroeien FAQ — "Bij deeltijdse opvang mag je dit aantal pro
	// rata verminderen [...] 18 dagen × (3 ÷ 5) = 10,8"; seed 004 §3.4.2 —
	// "Hetzelfde geldt voor een onvolledig kalenderjaar" (formula OPEN).
	// A plan that reserves its days one by one and has no end runs, for its
	// entitlement, to its last day reserved: what it holds is all that is
	// known of it.
	ratios := make([]decimal.Decimal, len(plans))
	cloned := false
	for i := range plans {
		ratios[i] = capRatio(ratio(plans[i], yearDays))
		if pl := plans[i]; pl.End.IsZero() && pl.FullTimeRatio().IsZero() && !ratios[i].IsZero() {
			if !cloned { // the caller's plans stay as they are
				plans, cloned = slices.Clone(plans), true
			}
			plans[i].End = lastReserved(pl)
		}
	}
	switch p.Proration {
	case ProrateDays:
		e.Units = yearDays.Len()
		for d := range yearDays.Days() {
			if i := planOn(plans, d); i >= 0 {
				e.Weight = e.Weight.Add(ratios[i])
			}
		}
	default:
		e.Units = 12
		for m := range yearDays.Months() {
			if i := planInMonth(plans, m); i >= 0 {
				e.Weight = e.Weight.Add(ratios[i])
			}
		}
	}
	num, den := p.BaseDays.Mul(e.Weight), decimal.NewFromInt(int64(e.Units))
	e.Exact = num.DivRound(den, 2)
	e.Days = round(num, den, p.Rounding)
	if e.Days.GreaterThan(p.BaseDays) {
		e.Days = p.BaseDays
	}
	e.StatutoryFloor, _ = decimal.NewFromInt(StatutoryBaseDays).Mul(e.Weight).QuoRem(den, 0)
	e.Rule = plan.Rule{ID: "absence.entitlement", Source: srcFAQRespijt + "; " + p.Source}
	e.Explanation = fmt.Sprintf("%s days × %s / %d %s = %s, rounded %s: %s", p.BaseDays, e.Weight, e.Units, p.Proration, e.Exact, p.Rounding, e.Days)
	if e.Days.LessThan(e.StatutoryFloor) {
		return e, plan.Problem{Code: CodeBelowStatutory, Field: "policy", Rule: plan.Rule{ID: "absence.entitlement.minimum", Source: srcFAQRespijt},
			Message: fmt.Sprintf("the policy gives %s justified absence days in %d; the statute requires at least %s (18 prorated, rounded down)", e.Days, year, e.StatutoryFloor)}
	}
	return e, nil
}

// ratio is the full-time ratio of plan p in year: its schedule's days a
// week ÷ 5 (plan.FullTimeRatio), or, for a plan that reserves its days one
// by one (overrides, no weekly schedule: a holiday plan of ten days), its
// days reserved in year ÷ the weekdays (Monday to Friday, public holidays
// left out) from its start to its end within year (to its last day
// reserved when it has no end).
//
// Source: Opgroeien FAQ — "in verhouding tot het aantal dagen dat een kind
// is ingeschreven": a plan of ten full days over two weeks is full time
// for those weeks (review of 2026-12-01: it got 0 days).
func ratio(p plan.Plan, year plan.Period) decimal.Decimal {
	if r := p.FullTimeRatio(); !r.IsZero() {
		return r
	}
	term := p.Period()
	if p.End.IsZero() {
		term.End = lastReserved(p)
	}
	in, ok := term.Intersect(year)
	if !ok {
		return decimal.Zero
	}
	reserved := 0
	for _, o := range p.Overrides {
		if len(o.Slots) > 0 && in.Contains(o.Date) {
			reserved++
		}
	}
	if reserved == 0 {
		return decimal.Zero
	}
	weekdays := 0
	var holidays plan.Calendar // the public holidays alone: a day no plan reserves
	for d := range in.Days() {
		if wd := d.Weekday(); wd != time.Saturday && wd != time.Sunday {
			if _, closed := holidays.IsClosed(d); !closed {
				weekdays++
			}
		}
	}
	if weekdays == 0 { // days reserved on weekends and holidays only
		return decimal.NewFromInt(1)
	}
	return decimal.NewFromInt(int64(reserved)).DivRound(decimal.NewFromInt(int64(weekdays)), 4)
}

// lastReserved is the last day p's overrides reserve within its term.
func lastReserved(p plan.Plan) plan.Date {
	var last plan.Date
	for _, o := range p.Overrides {
		if len(o.Slots) > 0 && p.Period().Contains(o.Date) && o.Date.After(last) {
			last = o.Date
		}
	}
	return last
}

// capRatio caps a full-time ratio at 1: more than five days a week is full
// time.
func capRatio(r decimal.Decimal) decimal.Decimal {
	if one := decimal.NewFromInt(1); r.GreaterThan(one) {
		return one
	}
	return r
}

// planOn returns the index of the plan running on d, or -1.
func planOn(plans []plan.Plan, d plan.Date) int {
	for i, p := range plans {
		if !p.Start.IsZero() && p.Period().Contains(d) {
			return i
		}
	}
	return -1
}

// planInMonth returns the index of the plan that runs on most days of m
// (on a tie the one that starts later, whatever the order of plans), or -1
// when none runs in m.
func planInMonth(plans []plan.Plan, m plan.Month) int {
	best, bestDays := -1, 0
	for i, p := range plans {
		if p.Start.IsZero() {
			continue
		}
		in, ok := p.Period().Intersect(m.Days())
		if ok && (in.Len() > bestDays || in.Len() == bestDays && p.Start.After(plans[best].Start)) {
			best, bestDays = i, in.Len()
		}
	}
	return best
}

// round rounds num/den (both ≥ 0) by r, exactly: no intermediate rounding.
func round(num, den decimal.Decimal, r Rounding) decimal.Decimal {
	one := decimal.NewFromInt(1)
	switch r {
	case RoundDown:
		q, _ := num.QuoRem(den, 0)
		return q
	case RoundUp:
		q, rem := num.QuoRem(den, 0)
		if !rem.IsZero() {
			q = q.Add(one)
		}
		return q
	case RoundNearest:
		return num.DivRound(den, 0)
	case RoundHalfUp:
		q, rem := num.Mul(decimal.NewFromInt(2)).QuoRem(den, 0)
		if !rem.IsZero() {
			q = q.Add(one)
		}
		return q.DivRound(decimal.NewFromInt(2), 1) // exact: q/2 has at most one decimal
	}
	return num.DivRound(den, 2)
}
