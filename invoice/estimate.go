package invoice

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/kinderopvang/regels/absence"
	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/reservation"
	"github.com/kinderopvang/regels/tariff"
)

// EstimateInput is what a cost estimate ("bereken je prijs", as municipal
// parent portals offer it) needs: a child, its care plan, the family's
// daily tariff (from its attest) or, under a price list, whether it has the
// social prices, and the organiser's calendar and house rules.
type EstimateInput struct {
	// Month is the month estimated; the year's total covers its calendar
	// year.
	Month    plan.Month      `json:"month"`
	Child    tariff.Child    `json:"child"`
	Location tariff.Location `json:"location,omitzero"`
	// Plan is the care plan; under a price list its reserved slots are the
	// reservations.
	Plan plan.Plan `json:"plan"`
	// Daily is the daily tariff on the family's attest; zero under a price
	// list (care without an income tariff).
	Daily tariff.Tariff `json:"daily,omitzero"`
	// Social asks for a price list's social prices.
	Social   bool               `json:"social,omitempty"`
	Calendar plan.Calendar      `json:"calendar,omitzero"`
	Rules    HouseRules         `json:"rules"`
	Amounts  tariff.AmountTable `json:"amounts,omitempty"`
}

// MonthTotal is the expected total of one month.
type MonthTotal struct {
	Month plan.Month   `json:"month"`
	Total tariff.Money `json:"total"`
}

// Estimate is the expected invoice of a month when the child attends
// exactly as planned, and the expected total of the year.
type Estimate struct {
	// Invoice is the month's expected invoice: the lines, labels and
	// sources of a real one.
	Invoice Invoice `json:"invoice"`
	// Year, Months and YearTotal are the calendar year of the month: each
	// month the plan runs in, and their sum.
	Year      int          `json:"year"`
	Months    []MonthTotal `json:"months"`
	YearTotal tariff.Money `json:"year_total"`
	Rule      plan.Rule    `json:"rule"`
}

// estimateChild is the code of the child of an estimate.
const estimateChild = "schatting"

// EstimateMonth returns the expected invoice of in.Month and the year's
// total when the child attends every reserved open day exactly in its
// slots: no absence, no late pick-up, no extra day, no hot meal or trip
// (neither is planned). Each month is Build of
// its case (EstimateCase), so an estimate bills as a real invoice would;
// every problem of the input is reported at once. The input is validated
// once and the year's days are walked once: the months share the
// calendar's closing days and the house rules.
func EstimateMonth(in EstimateInput) (Estimate, error) {
	// Source: "bereken je prijs" of a municipal parent portal (seed 000):
	// the price of a plan before the family signs; billed by the house
	// rules as the invoice would be (seed 004 §3.3, §3.6).
	est := Estimate{Year: in.Month.Year(), Rule: plan.Rule{ID: "invoice.estimate", Source: srcEstimate}}
	shared := Case{Month: in.Month, Calendar: in.Calendar, Rules: in.Rules, Amounts: in.Amounts}
	ps := in.problems(in.Month)
	ps = append(ps, shared.validateOrganiser()...)
	if len(ps) > 0 {
		return Estimate{}, ps
	}
	amounts := tariff.StatutoryAmounts().Merge(in.Amounts)
	year := plan.Period{Start: plan.MustDate(est.Year, 1, 1), End: plan.MustDate(est.Year, 12, 31)}
	closed := in.Calendar.ClosedDays(year)
	months := in.yearMonths(year, closed)
	build := func(m plan.Month, ledger absence.Ledger) (Invoice, error) {
		days := m.Days()
		// The month's closing days: from the first on or after its first
		// day to the first after its last (not before the day after it,
		// which 9999-12-31 does not have).
		byDate := func(c plan.ClosedDay, d plan.Date) int { return c.Date.Compare(d) }
		lo, _ := slices.BinarySearchFunc(closed, days.Start, byDate)
		hi, found := slices.BinarySearchFunc(closed[lo:], days.End, byDate)
		hi += lo
		if found {
			hi++
		}
		om := newOrganiserMonthClosed(m, in.Calendar, in.Rules, amounts, closed[lo:hi:hi])
		f := in.familyMonth(m, in.planned(om, months[m.First().Month()-1]))
		f.Children[0].Ledger = ledger
		return om.Build(f)
	}
	// The year's justified absence days, computed once: Build computes
	// them so from a zero ledger (and reports a problem itself).
	fresh := absence.Ledger{}
	if !in.Rules.Pricing.IsPriceList() {
		if e, err := absence.ComputeEntitlement(est.Year, []plan.Plan{in.Plan}, in.Rules.Absence); err == nil {
			fresh = absence.NewLedger(e)
		}
	}
	ledger := fresh
	for m := range year.Months() {
		if !in.Plan.Period().Overlaps(m.Days()) {
			continue
		}
		start := ledger
		if m == in.Month {
			start = fresh // as the month alone is estimated
		}
		inv, err := build(m, start)
		if err != nil {
			return Estimate{}, fmt.Errorf("invoice: the estimate of %s: %w", m, inputProblems(err))
		}
		ledger = inv.Children[0].LedgerEnd
		if m == in.Month {
			est.Invoice = inv
		}
		est.Months = append(est.Months, MonthTotal{Month: m, Total: inv.Total})
		if est.YearTotal, err = est.YearTotal.Add(inv.Total); err != nil {
			return Estimate{}, err
		}
	}
	return est, nil
}

// problems checks what an estimate of month m needs of its own input,
// fields relative to EstimateInput.
func (in EstimateInput) problems(m plan.Month) plan.Problems {
	var ps plan.Problems
	switch {
	case m.IsZero():
		ps = append(ps, plan.Problem{Code: plan.CodeMissing, Field: "month", Message: "an estimate needs the month"})
	case m.Year() < plan.MinSessionYear || m.Year() > plan.MaxSessionYear:
		// The sessions an estimate attends fall in the month: the years
		// of care a case may bill (plan.ValidateSessionLimits).
		ps = append(ps, plan.Problem{Code: plan.CodeOutOfRange, Field: "month", Date: m.First(),
			Message: fmt.Sprintf("an estimate is of a month of %d–%d, not %s", plan.MinSessionYear, plan.MaxSessionYear, m)})
	}
	list := in.Rules.Pricing.IsPriceList()
	if !list && in.Daily.IsZero() {
		ps = append(ps, plan.Problem{Code: plan.CodeMissing, Field: "daily", Message: "an estimate under the income tariff needs the daily tariff of the family's attest"})
	}
	if list && !in.Daily.IsZero() {
		ps = append(ps, plan.Problem{Code: plan.CodeInvalidValue, Field: "daily", Message: "under a price list the care has no income tariff: leave the daily tariff out"})
	}
	if err := in.Plan.Validate(plan.Facts{Birth: in.Child.Birth}); err != nil {
		ps = append(ps, prefixed("plan", err)...)
	} else if !m.IsZero() && !in.Plan.Period().Overlaps(m.Days()) {
		ps = append(ps, plan.Problem{Code: plan.CodeInvalidPeriod, Field: "month", Date: m.First(),
			Message: fmt.Sprintf("the plan runs %s, not in %s: an estimate is of a month the plan runs in", in.Plan.Period(), m)})
	}
	return ps
}

// inputProblems turns the problems of the case an estimate builds into
// problems of the EstimateInput they come from.
func inputProblems(err error) error {
	ps := plan.AsProblems(err)
	if ps == nil {
		return err
	}
	out := make(plan.Problems, len(ps))
	for i, p := range ps {
		p.Field = estimateField(p.Field)
		out[i] = p
	}
	return out
}

// estimateField turns a field of the case an estimate builds
// (EstimateCase) into the field of the EstimateInput it comes from: the
// sessions and reservations are the plan's, the attest is the daily
// tariff. The case's calendar, rules and amounts are the input's.
func estimateField(f string) string {
	rest, ok := strings.CutPrefix(f, "children[0]")
	if !ok {
		return f
	}
	rest = strings.TrimPrefix(rest, ".")
	for _, m := range []struct {
		from, to string
		whole    bool // the whole input field, not its part
	}{
		{"plans[0]", "plan", false}, {"plans", "plan", true}, {"child", "child", false}, {"location", "location", false},
		{"attests", "daily", true}, {"sessions", "plan", true}, {"reservations", "plan", true},
		{"ledger", "rules.absence", true}, // the year's entitlement, by the absence policy
	} {
		if tail, ok := strings.CutPrefix(rest, m.from); ok {
			if m.whole {
				return m.to
			}
			return m.to + tail
		}
	}
	return ""
}

// reservedDay is a reserved open day of the plan and its slots.
type reservedDay struct {
	date  plan.Date
	slots []plan.Slot
}

// yearMonths walks the plan's reserved open days of year once (closed: the
// calendar's closing days of the year, in date order) and returns them by
// month.
func (in EstimateInput) yearMonths(year plan.Period, closed []plan.ClosedDay) [12][]reservedDay {
	var out [12][]reservedDay
	k := 0
	for d, slots := range in.Plan.Slots(year) {
		for k < len(closed) && closed[k].Date.Before(d) {
			k++
		}
		if k < len(closed) && closed[k].Date == d {
			continue // a closing day is not reserved (plan.PlannedDay.IsReserved)
		}
		m := &out[d.Month()-1]
		if *m == nil {
			*m = make([]reservedDay, 0, 23) // a month's weekdays
		}
		*m = append(*m, reservedDay{d, slots})
	}
	return out
}

// planned is what the plan reserves in one month: a session per slot of
// each reserved open day and, under a price list, the reservations. The
// sessions' instants come from the organiser month's day frames, as
// Slot.Session would give them in Brussels.
func (in EstimateInput) planned(om *OrganiserMonth, days []reservedDay) planned {
	var p planned
	list := in.Rules.Pricing.IsPriceList()
	n := 0
	for _, d := range days {
		n += len(d.slots)
	}
	p.sessions = make([]plan.Session, 0, n)
	loc := plan.Brussels()
	first := om.month.First()
	for _, d := range days {
		f := &om.frames[first.DaysUntil(d.date)]
		for _, s := range d.slots {
			p.sessions = append(p.sessions, plan.Session{In: time.Unix(0, f.at(s.Start)).In(loc), Out: time.Unix(0, f.at(s.End)).In(loc)})
			if list {
				p.reservations = append(p.reservations, planReservation(in.childCode(), in.Location.ID, d.date, s))
			}
		}
	}
	return p
}

// planned is what the plan reserves in one month.
type planned struct {
	sessions     []plan.Session
	reservations []reservation.Reservation
}

// planReservation is the approved reservation of slot s on day d.
func planReservation(code, location string, d plan.Date, s plan.Slot) reservation.Reservation {
	return reservation.Reservation{ID: fmt.Sprintf("plan-%s-%s", d, s.Start), Child: code,
		Location: location, Moment: "plan", Date: d, Start: s.Start, End: s.End, State: reservation.StateApproved}
}

// childCode is the child's code, or the estimate's own when it has none.
func (in EstimateInput) childCode() string {
	if in.Child.Code == "" {
		return estimateChild
	}
	return in.Child.Code
}

// familyMonth is the family's part of the case of month m, whose reserved
// days are p.
func (in EstimateInput) familyMonth(m plan.Month, p planned) FamilyMonth {
	code := in.childCode()
	child := in.Child
	child.Code = code
	ch := Child{Child: child, Name: "schatting", Location: in.Location, Sessions: p.sessions, Reservations: p.reservations}
	if !in.Rules.Pricing.IsPriceList() {
		ch.Plans = []plan.Plan{in.Plan}
		year := plan.Period{Start: plan.MustDate(m.Year(), 1, 1), End: plan.MustDate(m.Year(), 12, 31)}
		ch.Attests = tariff.AttestBook{Attests: []tariff.Attest{{ChildCode: code, Kind: tariff.AttestRegular, Daily: in.Daily, Valid: year}}}
	}
	return FamilyMonth{Number: "schatting-" + m.String(), InvoiceDate: m.Add(1).First(),
		Family: Family{ID: "schatting", Name: "schatting", Social: in.Social}, Children: []Child{ch}}
}

// EstimateCase returns the case an estimate of month m bills: the child
// with its plan and an attest of in.Daily for the whole year (or, under a
// price list, reservations of its slots), present on every reserved open
// day of m exactly in its slots.
func EstimateCase(in EstimateInput, m plan.Month) (Case, error) {
	if ps := in.problems(m); len(ps) > 0 {
		return Case{}, ps
	}
	var p planned
	list := in.Rules.Pricing.IsPriceList()
	for _, pd := range in.Plan.ReservedDays(m.Days(), in.Calendar) {
		for _, s := range pd.Slots {
			p.sessions = append(p.sessions, s.Session(pd.Date, nil))
			if list {
				p.reservations = append(p.reservations, planReservation(in.childCode(), in.Location.ID, pd.Date, s))
			}
		}
	}
	f := in.familyMonth(m, p)
	return Case{Month: m, Number: f.Number, InvoiceDate: f.InvoiceDate, Family: f.Family, Children: f.Children,
		Calendar: in.Calendar, Rules: in.Rules, Amounts: in.Amounts}, nil
}
