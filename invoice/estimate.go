package invoice

import (
	"fmt"

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
// slots: no absence, no late pick-up, no extra day. It is Build of that
// case (EstimateCase), so an estimate bills as a real invoice would; every
// problem of the input is reported at once.
func EstimateMonth(in EstimateInput) (Estimate, error) {
	// Source: "bereken je prijs" of a municipal parent portal (seed 000):
	// the price of a plan before the family signs; billed by the house
	// rules as the invoice would be (seed 004 §3.3, §3.6).
	est := Estimate{Year: in.Month.Year(), Rule: plan.Rule{ID: "invoice.estimate", Source: srcEstimate}}
	c, err := EstimateCase(in, in.Month)
	if err != nil {
		return Estimate{}, err
	}
	if !in.Plan.Period().Overlaps(in.Month.Days()) {
		// Not in the year's months below: the month alone.
		if est.Invoice, err = Build(c); err != nil {
			return Estimate{}, err
		}
	}
	ledger := absence.Ledger{}
	for m := range (plan.Period{Start: plan.MustDate(est.Year, 1, 1), End: plan.MustDate(est.Year, 12, 31)}).Months() {
		if !in.Plan.Period().Overlaps(m.Days()) {
			continue
		}
		mc, err := EstimateCase(in, m)
		if err != nil {
			return Estimate{}, err
		}
		mc.Children[0].Ledger = ledger
		if m == in.Month {
			mc.Children[0].Ledger = absence.Ledger{} // as the month alone is estimated
		}
		inv, err := Build(mc)
		if err != nil {
			return Estimate{}, fmt.Errorf("invoice: the estimate of %s: %w", m, err)
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

// EstimateCase returns the case an estimate of month m bills: the child
// with its plan and an attest of in.Daily for the whole year (or, under a
// price list, reservations of its slots), present on every reserved open
// day of m exactly in its slots.
func EstimateCase(in EstimateInput, m plan.Month) (Case, error) {
	var ps plan.Problems
	if m.IsZero() {
		ps = append(ps, plan.Problem{Code: plan.CodeMissing, Field: "month", Message: "an estimate needs the month"})
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
	}
	if len(ps) > 0 {
		return Case{}, ps
	}
	code := in.Child.Code
	if code == "" {
		code = estimateChild
	}
	child := in.Child
	child.Code = code
	ch := Child{Child: child, Name: "schatting", Location: in.Location}
	for _, pd := range in.Plan.ReservedDays(m.Days(), in.Calendar) {
		for _, s := range pd.Slots {
			ch.Sessions = append(ch.Sessions, s.Session(pd.Date, nil))
			if list {
				ch.Reservations = append(ch.Reservations, reservation.Reservation{ID: fmt.Sprintf("plan-%s-%s", pd.Date, s.Start), Child: code,
					Location: in.Location.ID, Moment: "plan", Date: pd.Date, Start: s.Start, End: s.End, State: reservation.StateApproved})
			}
		}
	}
	if !list {
		ch.Plans = []plan.Plan{in.Plan}
		year := plan.Period{Start: plan.MustDate(m.Year(), 1, 1), End: plan.MustDate(m.Year(), 12, 31)}
		ch.Attests = tariff.AttestBook{Attests: []tariff.Attest{{ChildCode: code, Kind: tariff.AttestRegular, Daily: in.Daily, Valid: year}}}
	}
	return Case{Month: m, Number: "schatting-" + m.String(), InvoiceDate: m.Add(1).First(),
		Family: Family{ID: "schatting", Name: "schatting", Social: in.Social}, Children: []Child{ch},
		Calendar: in.Calendar, Rules: in.Rules, Amounts: in.Amounts}, nil
}
