package invoice

import (
	"fmt"
	"math"
	"time"

	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
	"github.com/shopspring/decimal"
)

// OrganiserMonth is what every family of one organiser shares in one
// month: the calendar, the house rules and the yearly amounts, validated
// once, and what follows from them for each day — its bounds, its
// 06:00–20:00 window, whether the organiser is closed, the prices of the
// extra costs. Build makes one for a single case; a month-end run or a
// service makes one per organiser and month and bills every family with
// it (OrganiserMonth.Build). It is immutable and safe for concurrent use.
type OrganiserMonth struct {
	month   plan.Month
	cal     plan.Calendar
	rules   HouseRules
	amounts tariff.AmountTable
	frames  []dayFrame // each day of the month, in order
	costs   []dayCosts // the extra costs of each day
	admin   priced
	// counts are the decimals 0..len-1, shared by the lines' counts (a
	// decimal is immutable, so sharing it is safe).
	counts []decimal.Decimal
}

// dayFrame is one day of the month: its bounds and 06:00–20:00 window in
// Unix nanoseconds, and the closing day when the organiser is closed.
type dayFrame struct {
	date             plan.Date
	ordinary         bool // 24 hours, one UTC offset: clock times are start + minutes
	start, end       int64
	winStart, winEnd int64
	closed           *plan.ClosedDay
}

// The extra costs of a day, by index in dayCosts.
const (
	costWasteFull = iota
	costWastePart
	costPickup
	costMeal
	costKinds
)

// dayCosts are the house-rule prices in force on a day; missing has bit k
// set when cost k has none.
type dayCosts struct {
	m       [costKinds]tariff.Money
	missing uint8
}

// cost returns extra cost k on day i of the month, with the error of the
// prices when none is in force.
func (om *OrganiserMonth) cost(i, k int) priced {
	c := &om.costs[i]
	if c.missing&(1<<k) == 0 {
		return priced{m: c.m[k]}
	}
	return om.costOn(k, om.frames[i].date)
}

// costOn is extra cost k on day d: waste and late pick-up may be no cost
// at all (an empty history); a hot meal listed needs its price.
func (om *OrganiserMonth) costOn(k int, d plan.Date) priced {
	p := costOn(om.prices(k), d)
	if k == costMeal {
		p = priceOn(om.prices(k), d)
	}
	if p.err != nil {
		p.err = plan.Problem{Code: plan.CodeMissing, Field: "prices", Date: d,
			Message: fmt.Sprintf("the house rules' %s has no price in force on %s", costName(k), d)}
	}
	return p
}

// costName is the house rules' name of extra cost k.
func costName(k int) string {
	switch k {
	case costWasteFull:
		return "waste_full_day"
	case costWastePart:
		return "waste_part_day"
	case costPickup:
		return "late_pickup_per_half_hour"
	}
	return "hot_meal"
}

// prices returns the history of extra cost k.
func (om *OrganiserMonth) prices(k int) Prices {
	switch k {
	case costWasteFull:
		return om.rules.WasteFullDay
	case costWastePart:
		return om.rules.WastePartDay
	case costPickup:
		return om.rules.LatePickupPerHalfHour
	}
	return om.rules.HotMeal
}

// priced is a price looked up once, with its error when none is in force.
type priced struct {
	m   tariff.Money
	err error
}

func priceOn(ps Prices, d plan.Date) priced {
	m, err := ps.On(d)
	return priced{m, err}
}

// costOn is priceOn for an extra cost the organiser may not charge at all:
// an empty history is no cost, not a missing price.
func costOn(ps Prices, d plan.Date) priced {
	if len(ps) == 0 {
		return priced{}
	}
	return priceOn(ps, d)
}

// NewOrganiserMonth validates the calendar, the house rules and the
// amounts (every problem at once, with its field) and prepares month for
// billing. amounts extend or replace the statutory ones by year and kind
// (tariff.AmountTable.Merge); nil means the statutory table.
func NewOrganiserMonth(month plan.Month, cal plan.Calendar, rules HouseRules, amounts tariff.AmountTable) (*OrganiserMonth, error) {
	c := Case{Month: month, Calendar: cal, Rules: rules, Amounts: amounts}
	if ps := c.validateShared(); len(ps) > 0 {
		return nil, ps
	}
	om := newOrganiserMonth(month, cal, rules, tariff.StatutoryAmounts().Merge(amounts))
	om.counts = make([]decimal.Decimal, len(om.frames)+1)
	for i := range om.counts {
		om.counts[i] = decimal.NewFromInt(int64(i))
	}
	return om, nil
}

// newOrganiserMonth prepares a validated month; amounts are the whole
// table. Its counts are made when asked (a single Build needs a few).
func newOrganiserMonth(month plan.Month, cal plan.Calendar, rules HouseRules, amounts tariff.AmountTable) *OrganiserMonth {
	return newOrganiserMonthClosed(month, cal, rules, amounts, cal.ClosedDays(month.Days()))
}

// newOrganiserMonthClosed is newOrganiserMonth given the month's closing
// days (cal.ClosedDays of the month), as a caller of many months has them.
func newOrganiserMonthClosed(month plan.Month, cal plan.Calendar, rules HouseRules, amounts tariff.AmountTable, closed []plan.ClosedDay) *OrganiserMonth {
	days := month.Days()
	om := &OrganiserMonth{month: month, cal: cal, rules: rules, amounts: amounts,
		frames: make([]dayFrame, days.Len()), costs: make([]dayCosts, days.Len())}
	om.dayFrames()
	k := 0
	for i := range om.frames {
		f := &om.frames[i]
		for k < len(closed) && closed[k].Date.Before(f.date) {
			k++
		}
		if k < len(closed) && closed[k].Date == f.date {
			f.closed = &closed[k]
		}
	}
	for k := range costKinds {
		// A history of one price in force all month (the usual case) is
		// looked up once.
		if ps := om.prices(k); len(ps) == 1 && !ps[0].From.After(days.Start) {
			for i := range om.costs {
				om.costs[i].m[k] = ps[0].Amount
			}
			continue
		}
		for i := range om.costs {
			if p := om.costOn(k, om.frames[i].date); p.err != nil {
				om.costs[i].missing |= 1 << k
			} else {
				om.costs[i].m[k] = p.m
			}
		}
	}
	om.admin = costOn(rules.AdminPerMonth, month.First())
	return om
}

// dayFrames fills the days' bounds and windows in Brussels. A day of a
// zone period ends 24 hours after it starts and its clock times are its
// midnight plus minutes; only a day of a daylight-saving switch asks the
// zone for its instants, so a month costs a few zone look-ups, not four a
// day.
func (om *OrganiserMonth) dayFrames() {
	loc := plan.Brussels()
	first := om.month.First()
	y, m, d := first.Civil()
	start := time.Date(y, m, d, 0, 0, 0, 0, loc).UnixNano() // a month of 1900–2100: nanoseconds reach
	_, zoneEnd := time.Unix(0, start).In(loc).ZoneBounds()
	next := nextSwitch(zoneEnd)
	// A day whose midnight the clocks skipped (Brussels, 1 May 1916: 00:00
	// became 01:00) starts at 01:00: its clock times are not its start
	// plus minutes. A day after an ordinary one starts at 00:00.
	midnight := isMidnight(time.Unix(0, start).In(loc))
	const day, hour = int64(24 * time.Hour), int64(time.Hour)
	for i := range om.frames {
		date := first.AddDays(i)
		f := &om.frames[i]
		f.date = date
		end := start + day
		if !midnight || next < end+3*hour {
			// A switch falls within the day or within 3 hours of its end
			// (a switch back at 01:00 repeats the next midnight, which
			// time.Date reads in the later offset), or its start is not
			// 00:00: ask the zone.
			y, m, d := date.Civil()
			e := time.Date(y, m, d+1, 0, 0, 0, 0, loc)
			end = e.UnixNano()
			f.start, f.end = start, end
			f.winStart = time.Date(y, m, d, 6, 0, 0, 0, loc).UnixNano()
			f.winEnd = time.Date(y, m, d, 20, 0, 0, 0, loc).UnixNano()
			_, zoneEnd = e.ZoneBounds()
			next = nextSwitch(zoneEnd)
			midnight = isMidnight(e)
		} else {
			f.start, f.end = start, end
			f.winStart, f.winEnd = start+6*hour, start+20*hour
			f.ordinary = true
		}
		start = end
	}
}

// nextSwitch is the instant of the zone's next switch in Unix nanoseconds,
// the largest int64 when there is none (ZoneBounds' zero end) or it lies
// beyond 2262.
func nextSwitch(zoneEnd time.Time) int64 {
	if zoneEnd.IsZero() || zoneEnd.Year() > 2261 {
		return math.MaxInt64
	}
	return zoneEnd.UnixNano()
}

// isMidnight reports whether t's wall clock reads 00:00.
func isMidnight(t time.Time) bool {
	h, m, s := t.Clock()
	return h == 0 && m == 0 && s == 0
}

// Month returns the month the value bills.
func (om *OrganiserMonth) Month() plan.Month { return om.month }

// count returns n as a decimal, shared when small.
func (om *OrganiserMonth) count(n int64) decimal.Decimal {
	if n >= 0 && n < int64(len(om.counts)) {
		return om.counts[n]
	}
	return decimal.NewFromInt(n)
}

// at returns the instant, in Unix nanoseconds, of clock time c on day f.
func (f *dayFrame) at(c plan.Clock) int64 {
	switch {
	case c >= plan.EndOfDay:
		return f.end
	case f.ordinary:
		return f.start + int64(c)*int64(time.Minute)
	}
	// A day of the daylight-saving switch: the zone decides.
	y, m, d := f.date.Civil()
	return time.Date(y, m, d, c.Hour(), c.Minute(), 0, 0, plan.Brussels()).UnixNano()
}

// FamilyMonth is one family's month for an OrganiserMonth: a Case without
// what the organiser's families share.
type FamilyMonth struct {
	Number      string      `json:"number"`
	InvoiceDate plan.Date   `json:"invoice_date"`
	Period      plan.Period `json:"period,omitzero"`
	Family      Family      `json:"family"`
	Children    []Child     `json:"children"`
}

// FamilyMonth returns the family's part of the case.
func (c Case) FamilyMonth() FamilyMonth {
	return FamilyMonth{Number: c.Number, InvoiceDate: c.InvoiceDate, Period: c.Period, Family: c.Family, Children: c.Children}
}

// caseOf returns the whole case of family month f.
func (om *OrganiserMonth) caseOf(f FamilyMonth) Case {
	return Case{Month: om.month, Period: f.Period, Number: f.Number, InvoiceDate: f.InvoiceDate, Family: f.Family, Children: f.Children,
		Calendar: om.cal, Rules: om.rules, Amounts: om.amounts}
}

// Build bills family month f: Build of its whole case, with what the
// organiser shares prepared once. It reports every problem at once.
func (om *OrganiserMonth) Build(f FamilyMonth) (Invoice, error) {
	c := om.caseOf(f)
	ps := c.validateFamily()
	if len(ps) > 0 {
		for i := range c.Children {
			ps = append(ps, c.validateChild(i, om.amounts, nil)...)
		}
		return Invoice{}, ps
	}
	inv := Invoice{Number: c.Number, Family: c.Family, Month: c.Month, Period: c.days(), InvoiceDate: c.InvoiceDate,
		DueDate: plan.AddMonths(c.InvoiceDate, c.Rules.PaymentTermMonths), Organiser: c.Rules.Name,
		Children: make([]ChildSummary, 0, len(c.Children))}
	anyCare := false
	var fam familyDays
	if c.Rules.Pricing.IsPriceList() {
		fam = familyDays{}
	}
	days := c.days()
	first := om.month.First().DaysUntil(days.Start)
	period := &span{om.frames[first].start, om.frames[first+days.Len()-1].end}
	for i := range c.Children {
		if cps := c.validateChild(i, om.amounts, period); len(cps) > 0 {
			ps = append(ps, cps...)
			continue
		}
		var lines []Line
		var sum ChildSummary
		var err error
		if fam != nil {
			lines, sum, err = om.listChild(&c, &c.Children[i], fam)
		} else {
			lines, sum, err = om.child(&c, &c.Children[i])
		}
		if err != nil {
			ps = append(ps, childProblems(i, err)...)
			continue
		}
		switch {
		case inv.Lines == nil && len(c.Children) == 1:
			inv.Lines = lines // the child's own slice, with room for the administration line
		case inv.Lines == nil:
			inv.Lines = make([]Line, 0, len(lines)*len(c.Children)+1)
			fallthrough
		default:
			inv.Lines = append(inv.Lines, lines...)
		}
		inv.Children = append(inv.Children, sum)
		anyCare = anyCare || len(sum.Care) > 0
	}
	if len(ps) > 0 {
		return Invoice{}, dedupe(ps)
	}
	// Source: seed 004 §3.5.1 — "€3,5 per maand per gezin waarin opvang
	// plaats vond".
	if anyCare {
		if om.admin.err != nil {
			return Invoice{}, om.admin.err
		}
		if price := om.admin.m; price.Sign() > 0 {
			inv.Lines = append(inv.Lines, Line{Kind: LineAdmin, Count: om.count(1), UnitPrice: price, Amount: price.Round(),
				Rule:    plan.Rule{ID: "invoice.admin", Source: srcSeed004Admin},
				LabelNL: "administratie- en facturatiekosten (per gezin per maand)", LabelEN: "administration, per family per month"})
		}
	}
	for i, l := range inv.Lines {
		total, err := inv.Total.Add(l.Amount)
		if err != nil {
			return Invoice{}, plan.Problem{Code: tariff.CodeInvalidMoney, Field: fmt.Sprintf("lines[%d]", i), Message: "the invoice total: " + err.Error()}
		}
		inv.Total = total
	}
	return inv, nil
}
