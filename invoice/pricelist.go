package invoice

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/reservation"
	"github.com/kinderopvang/regels/tariff"
)

// familyDays counts, per day, the children of a family already billed for
// care that day: the sibling discount applies from the second on.
type familyDays map[plan.Date]int

// listChild prices a child's month under a price list (care without an
// income tariff, seed 000): from its reservations and its attendance. A day
// costs the price of its minutes attended and reserved and not cancelled,
// together and each once (bestellen is betalen, and care beyond the
// reservation is paid too): attended, a care line;
// reserved and not attended, a reserved-absent line; attended without a
// reservation, a care line too. A reservation cancelled after the deadline
// costs what its cancellation says; one cancelled in time is free. From the
// family's second child in care the same day the sibling discount applies.
func (om *OrganiserMonth) listChild(c *Case, ch *Child, fam familyDays) ([]Line, ChildSummary, error) {
	period := c.days()
	m := &childMonth{om: om, c: c, ch: ch, period: period, first: om.month.First().DaysUntil(period.Start),
		sum: ChildSummary{Code: ch.Child.Code, Name: ch.Name, Location: ch.Location, LedgerEnd: ch.Ledger}}
	m.set = lineSet{child: ch.Child.Code, om: om, days: period.Len()}
	m.sessions()
	list := c.Rules.Pricing.PriceList
	reserved := make([][]plan.Slot, period.Len()) // the hours reserved and not cancelled, per day
	for k, r := range ch.Reservations {
		i := period.Start.DaysUntil(r.Date)
		// Source: seed 004 §3.4.2 — "Ook op sluitingsdagen van de opvang moet
		// je niet betalen": a reservation of a closed day costs nothing.
		if om.frames[m.first+i].closed != nil {
			continue
		}
		// Source: seed 004 §6.2.1 — care ends on the notice's last day: a
		// reservation after it (cancelled: an approved one is refused) costs
		// nothing, however late it was cancelled.
		if n := ch.Notice; n != nil && !n.LastDay.IsZero() && r.Date.After(n.LastDay) {
			continue
		}
		switch {
		case r.State == reservation.StateApproved:
			reserved[i] = append(reserved[i], plan.Slot{Start: r.Start, End: r.End})
		case r.State == reservation.StateCancelled && r.Cancellation != nil && r.Cancellation.Late && r.Cancellation.Cost.Sign() > 0:
			// Source: after-school portal manual (seed 000) — a cancellation
			// after the organiser's deadline may cost extra (house rules).
			m.set.add(kindKey(LineLateCancel), Line{Kind: LineLateCancel, UnitPrice: r.Cancellation.Cost, Rule: r.Cancellation.Rule,
				LabelNL: "reservatie te laat geannuleerd", LabelEN: "reservation cancelled after the deadline"}, r.Date, 1)
		case r.State == reservation.StateCancelled && r.Cancellation == nil:
			m.ps = append(m.ps, plan.Problem{Code: plan.CodeMissing, Field: fmt.Sprintf("reservations[%d].cancellation", k), Date: r.Date,
				Message: fmt.Sprintf("cancelled reservation %s has no cancellation verdict (in time or late)", r.ID)})
		}
	}
	m.sum.Care = make([]tariff.DayCare, 0, period.Len())
	cls := c.Rules.Bands
	for i := range reserved {
		f := &om.frames[m.first+i]
		d := f.date
		all, window, _, lastOut := m.overlap(f.start, f.end, f.winStart, f.winEnd)
		care, err := cls.ClassifyDurations(d, all, window, ch.Child.GroupOn(d), ch.Location)
		if err != nil {
			m.keep(err)
			continue
		}
		if all == 0 && len(reserved[i]) == 0 {
			continue
		}
		v, err := list.On(d, c.Family.Social)
		if err != nil {
			m.keep(err)
			continue
		}
		// Source: seed 004 §3.4 — "Reserveer je opvang? Dan betaal je de
		// opvang [...] Ook voor extra gepresteerde dagen betaal je": the time
		// reserved and the time attended together, each minute once. Every
		// minute of the day: the 06:00–20:00 window is a rule of the income
		// tariff's subsidy (Opgroeien IKT), not of the organiser's prices.
		minutes := int((all + m.reservedAbsent(f, reserved[i])) / time.Minute)
		price, err := v.Price(minutes)
		if err != nil {
			m.keep(err)
			continue
		}
		if care.Band != tariff.BandNone {
			m.sum.Care = append(m.sum.Care, care)
		}
		if price.Sign() <= 0 {
			continue
		}
		// Source: the organiser's price list — a share off for the second
		// and further children of a family in care the same day.
		unit, discounted := price, false
		if fam[d] > 0 {
			off, err := list.SiblingOff(price)
			if err != nil {
				m.keep(err)
				continue
			}
			if !off.IsZero() {
				unit, _ = price.Sub(off) // 0 ≤ off ≤ price
				discounted = true
			}
		}
		fam[d]++
		kind := LineCare
		if all == 0 {
			kind = LineReservedAbsent
		}
		part := pricePart(v, minutes)
		key := newLineKey(kind, "", "", basisOf(c.Family.Social, discounted), tariff.PricingPriceList, part)
		if !m.set.bump(key, unit, d, 1) {
			m.set.create(key, priceListLine(kind, v, part, unit, c.Family.Social, discounted, list), d, 1)
		}
		if kind == LineCare {
			m.extraCosts(f, i, nil, care.Band, lastOut)
		}
	}
	// The hot meals and the trips are billed under a price list as under the
	// income tariff (seed 004 §3.5.1): each on its own day.
	m.hotMeals()
	m.trips()
	if len(m.ps) > 0 {
		return nil, m.sum, m.ps
	}
	lines, err := m.set.finish()
	return lines, m.sum, err
}

// reservedAbsent returns the time of slots (the reserved hours of day f,
// two moments that meet counted once) that no session covers: what a day
// reserved costs beyond the time attended.
func (m *childMonth) reservedAbsent(f *dayFrame, slots []plan.Slot) time.Duration {
	slices.SortFunc(slots, func(x, y plan.Slot) int { return cmp.Compare(x.Start, y.Start) })
	var absent time.Duration
	for k, sl := range slots {
		if k > 0 && sl.Start < slots[k-1].End { // meets the one before: only what lies beyond it
			sl.Start = min(slots[k-1].End, sl.End)
			slots[k].End = max(sl.End, slots[k-1].End)
		}
		a, b := f.at(sl.Start), f.at(sl.End)
		if b <= a {
			continue
		}
		covered := int64(0)
		// The spans are sorted and do not overlap: from the first that ends
		// after a, up to the first that starts at b or later.
		from, _ := slices.BinarySearchFunc(m.spans, a, func(s span, t int64) int { return cmp.Compare(s.out, t+1) })
		for _, s := range m.spans[from:] {
			if s.in >= b {
				break
			}
			if lo, hi := max(s.in, a), min(s.out, b); hi > lo {
				covered += hi - lo
			}
		}
		absent += time.Duration(b - a - covered)
	}
	return absent
}

// basisOf names the prices a price-list line is at.
func basisOf(social, discounted bool) string {
	switch {
	case social && discounted:
		return string(tariff.BasisSocialSibling)
	case social:
		return string(tariff.BasisSocial)
	case discounted:
		return string(tariff.BasisSibling)
	}
	return string(tariff.BasisList)
}

// pricePart says which price of version v minutes take: the index of the
// day part, the number of started units, or -1 for the daily cap.
func pricePart(v tariff.ListPrices, minutes int) int {
	if p, _ := v.Price(minutes); !v.DailyCap.IsZero() && p == v.DailyCap {
		return -1
	}
	if len(v.DayParts) > 0 {
		k := 0
		for i, part := range v.DayParts {
			if minutes >= part.FromMinutes {
				k = i
			}
		}
		return k
	}
	return (minutes + v.UnitMinutes - 1) / v.UnitMinutes
}

// priceListLine is a new line priced by the price list, with its labels.
func priceListLine(kind LineKind, v tariff.ListPrices, part int, unit tariff.Money, social, discounted bool, list *tariff.PriceList) Line {
	var nl, en []byte
	if kind == LineCare {
		nl, en = append(nl, "opvang volgens de prijslijst: "...), append(en, "care by the price list: "...)
	} else {
		nl, en = append(nl, "gereserveerd, niet geannuleerd en niet aanwezig (prijslijst): "...), append(en, "reserved, not cancelled, absent (price list): "...)
	}
	switch {
	case part < 0:
		nl, en = append(nl, "dagplafond"...), append(en, "daily cap"...)
	case len(v.DayParts) > 0:
		from, last := v.DayParts[part].FromMinutes, part+1 == len(v.DayParts)
		switch {
		case part == 0 && last:
			nl, en = append(nl, "per dag"...), append(en, "per day"...)
		case part == 0:
			nl, en = append(nl, "dagdeel minder dan "...), append(en, "day part under "...)
		default:
			nl, en = append(nl, "dagdeel vanaf "...), append(en, "day part from "...)
			nl, en = appendHours(nl, from), appendHours(en, from)
		}
		if !last {
			to := v.DayParts[part+1].FromMinutes
			if part > 0 {
				nl, en = append(nl, " tot "...), append(en, " to under "...)
			}
			nl, en = appendHours(nl, to), appendHours(en, to)
		}
	default:
		nl = strconv.AppendInt(nl, int64(part), 10)
		en = strconv.AppendInt(en, int64(part), 10)
		nl, en = append(nl, " begonnen eenheden van "...), append(en, " started units of "...)
		nl, en = strconv.AppendInt(nl, int64(v.UnitMinutes), 10), strconv.AppendInt(en, int64(v.UnitMinutes), 10)
		nl, en = append(nl, " minuten à "...), append(en, " minutes at "...)
		nl, en = appendEuro(nl, v.PerUnit), v.PerUnit.AppendText(en)
	}
	if social {
		nl, en = append(nl, ", sociaal tarief"...), append(en, ", social prices"...)
	}
	if discounted {
		pct := list.SiblingDiscount
		nl, en = append(nl, ", min "...), append(en, ", less "...)
		nl, en = appendPercent(nl, pct, ','), appendPercent(en, pct, '.')
		nl, en = append(nl, " % broer/zus-korting"...), append(en, " % sibling discount"...)
	}
	return Line{Kind: kind, UnitPrice: unit, Pricing: tariff.PricingPriceList, Basis: basisOf(social, discounted), Deductible: kind == LineCare,
		Rule: plan.Rule{ID: "invoice.price_list", Source: srcPriceList + "; " + list.Source}, LabelNL: string(nl), LabelEN: string(en)}
}

// appendHours appends minutes as "3 u" or "2 u 30".
func appendHours(b []byte, minutes int) []byte {
	b = strconv.AppendInt(b, int64(minutes/60), 10)
	b = append(b, " u"...)
	if r := minutes % 60; r != 0 {
		b = append(b, ' ')
		b = strconv.AppendInt(b, int64(r), 10)
	}
	return b
}
