package invoice

import (
	"fmt"
	"slices"
	"time"

	"github.com/kinderopvang/regels/absence"
	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
	"github.com/shopspring/decimal"
)

// span is a session as Unix nanoseconds: [in, out).
type span struct{ in, out int64 }

// childMonth is the state of one child's pass over the days invoiced.
type childMonth struct {
	om       *OrganiserMonth
	c        *Case
	ch       *Child
	period   plan.Period
	first    int // index in om.frames of the period's first day
	plans    []plan.Plan
	absOn    []int32       // per day of the period, its absence among those that touch the period (the walk's), -1 for none (nil: none at all)
	slots    [][]plan.Slot // what the plans reserve on each day of the period
	reserved int           // how many days of the period the plans reserve
	spans    []span        // the sessions, sorted
	cursor   int
	tariffs  *tariffLookup
	set      lineSet
	sum      ChildSummary
	ps       plan.Problems
}

// child prices one child's month in one pass over its days: for each day
// the attended and reserved bands (once), the care line, the absence rules
// (absence.Walk), the waste and late pick-up. It goes on after a problem
// where the next day does not need the failed one's result and returns
// every problem found.
func (om *OrganiserMonth) child(c *Case, ch *Child) ([]Line, ChildSummary, error) {
	period := c.days()
	m := &childMonth{om: om, c: c, ch: ch, period: period, first: om.month.First().DaysUntil(period.Start),
		sum: ChildSummary{Code: ch.Child.Code, Name: ch.Name, Location: ch.Location}}
	m.set = lineSet{child: ch.Child.Code, om: om, days: period.Len()}
	plans, err := plansWithExtraDays(*ch, period)
	if err != nil {
		return nil, m.sum, err
	}
	m.plans = plans
	m.reservations()
	m.sessions()

	// Justified absence days: the ledger of the month's year.
	ledger := ch.Ledger
	year := c.Month.Year()
	if ledger.Year < year {
		// All the child's plans, not only those of the days invoiced: the
		// entitlement is the year's.
		e, err := absence.ComputeEntitlement(year, ch.Plans, c.Rules.Absence)
		m.keep(err)
		ledger = absence.NewLedger(e)
	}
	segs, err := ch.Attests.Segments(period, c.InvoiceDate, c.Amounts)
	m.tariffs = &tariffLookup{book: &ch.Attests, invoiceDate: c.InvoiceDate, amounts: c.Amounts}
	if err == nil {
		m.tariffs.segments = segs
	} else {
		// A day without a decidable tariff (a day without care, or the
		// pass refuses the case for it): the days are priced one by one, and
		// the month's tariffs are those of the days that have one.
		segs = decidedSegments(ch.Attests, period, c.InvoiceDate, c.Amounts)
	}
	m.sum.Tariffs = segs
	for _, sg := range segs {
		// Source: Opgroeien FAQ, house rules Zorg Leuven §3.1 (seed 004) —
		// a day without an attest costs the year's maximum tariff.
		if sg.Basis == tariff.BasisMaximum {
			if a, err := c.Amounts.On(sg.Period.Start, tariff.Maximum); err == nil {
				m.sum.used(a)
			}
		}
	}
	var walk *absence.Walk
	if len(m.ps) == 0 {
		walk = m.startWalk(ledger)
	}
	m.days(walk)
	m.hotMeals()
	m.trips()
	m.keep(m.noticeFee())

	if walk != nil {
		m.sum.Reserved, m.sum.LedgerEnd = walk.Finish()
		for _, a := range walk.Amounts() {
			m.sum.used(a)
		}
	} else {
		m.sum.LedgerEnd = ledger
	}
	end := m.sum.LedgerEnd
	m.sum.Respijt = Respijt{Year: year, Entitlement: end.Entitlement, UsedMonth: decimal.Zero, UsedYear: end.Used, Balance: end.Balance()}
	if len(end.Movements) != len(ledger.Movements) {
		m.sum.Respijt.UsedMonth = end.Used.Sub(ledger.Used)
	}
	if len(m.ps) > 0 {
		return nil, m.sum, m.ps
	}
	lines, err := m.set.finish()
	return lines, m.sum, err
}

// decidedSegments returns the tariff segments of the runs of days of p
// whose tariff can be decided, in order, leaving out the days that have
// none.
func decidedSegments(b tariff.AttestBook, p plan.Period, asOf plan.Date, amounts tariff.AmountTable) []tariff.Applied {
	var out []tariff.Applied
	var start plan.Date // of the current run; zero: none
	flush := func(end plan.Date) {
		if start.IsZero() {
			return
		}
		if s, err := b.Segments(plan.Period{Start: start, End: end}, asOf, amounts); err == nil {
			out = append(out, s...)
		}
		start = plan.Date{}
	}
	for d := range p.Days() {
		if _, err := b.On(d, asOf, amounts); err != nil {
			flush(d.AddDays(-1))
		} else if start.IsZero() {
			start = d
		}
	}
	flush(p.End)
	return out
}

// keep records the problems of err.
func (m *childMonth) keep(err error) {
	if err != nil {
		m.ps = append(m.ps, prefixed("", err)...)
	}
}

// reservations notes what the plans reserve on each day of the period
// (before closing days, which the organiser month knows).
func (m *childMonth) reservations() {
	m.slots = make([][]plan.Slot, m.period.Len())
	for _, p := range m.plans {
		m.reserved += p.SlotsInto(m.period, m.slots)
	}
}

// sessions converts the child's sessions (validated: well formed, not
// overlapping, within 1900–2100) to sorted nanosecond spans.
func (m *childMonth) sessions() {
	m.spans = make([]span, len(m.ch.Sessions))
	for i, s := range m.ch.Sessions {
		m.spans[i] = span{s.In.UnixNano(), s.Out.UnixNano()}
	}
	if !slices.IsSortedFunc(m.spans, func(a, b span) int { return cmpInt64(a.in, b.in) }) {
		slices.SortFunc(m.spans, func(a, b span) int { return cmpInt64(a.in, b.in) })
	}
}

func cmpInt64(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// startWalk checks the absences' notice and starts the absence rules.
func (m *childMonth) startWalk(ledger absence.Ledger) *absence.Walk {
	c, ch := m.c, m.ch
	var lastDay plan.Date
	if ch.Notice != nil {
		lastDay = ch.Notice.LastDay
	}
	n := 0
	for _, a := range ch.Absences {
		if a.Period.Overlaps(m.period) {
			n++
		}
	}
	abs := make([]absence.Absence, 0, n)
	for _, a := range ch.Absences {
		if a.Period.Overlaps(m.period) {
			abs = append(abs, a)
		}
	}
	var late []bool
	if len(abs) > 0 {
		if err := absence.ValidateAbsences(abs); err != nil {
			m.keep(err)
			return nil
		}
		// Validated, the absences do not overlap: each day has at most one,
		// the one absence.AbsenceOn finds.
		m.absOn = make([]int32, m.period.Len())
		for i := range m.absOn {
			m.absOn[i] = -1
		}
		for j, a := range abs {
			if in, ok := a.Period.Intersect(m.period); ok {
				first := m.period.Start.DaysUntil(in.Start)
				for k := range in.Len() {
					m.absOn[first+k] = int32(j)
				}
			}
		}
		notices, l, err := absence.CheckNotices(abs, m.plans, c.Calendar, c.Rules.Absence, lastDay)
		if err != nil {
			m.keep(err)
			return nil
		}
		m.sum.Notices, late = notices, l
	}
	if ledger.Year != c.Month.Year() {
		m.keep(plan.Problem{Code: plan.CodeInvalidValue, Field: "period", Date: m.period.Start,
			Message: fmt.Sprintf("period %s is not within the ledger's year %d: process each year with its own ledger", m.period, ledger.Year)})
		return nil
	}
	w, err := absence.NewWalk(absence.WalkInput{Policy: c.Rules.Absence, Ledger: ledger, Table: c.Rules.Bands.Table, Absences: abs, Late: late, Notices: m.sum.Notices,
		Tariff: m.tariffs.tariffOn, Amounts: c.Amounts, LastDayOfCare: lastDay, Capacity: m.reserved})
	if err != nil {
		m.keep(err)
		return nil
	}
	return w
}

// tariffLookup is the tariff of a child's days. The absence rules ask it
// too; apart from the childMonth, so that the month's state stays on the
// stack.
type tariffLookup struct {
	segments    []tariff.Applied // the month's tariff segments (nil when they cannot all be decided)
	book        *tariff.AttestBook
	invoiceDate plan.Date
	amounts     tariff.AmountTable
}

// on is the tariff in force on d: from the month's segments, or day by day
// when they cannot all be decided (a gap still in its grace period on a
// day without care).
func (t *tariffLookup) on(d plan.Date) (tariff.Applied, error) {
	if s := t.segmentOn(d); s != nil {
		return *s, nil
	}
	return t.book.On(d, t.invoiceDate, t.amounts)
}

// segmentOn returns the month's segment in force on d, nil when none is
// (on then asks the attest book).
func (t *tariffLookup) segmentOn(d plan.Date) *tariff.Applied {
	for i := range t.segments {
		if s := &t.segments[i]; s.Period.Contains(d) {
			return s
		}
	}
	return nil
}

// tariffOn is on for the absence rules: the tariff alone.
func (t *tariffLookup) tariffOn(d plan.Date) (tariff.Tariff, error) {
	a, err := t.on(d)
	return a.Tariff, err
}

// overlap returns the time spans share with [from, to), the longest part
// of one span in it, and the latest check-out of a span that touches it
// (clamped to to; from when none does — not 0, which is 1970 and later
// than every check-out before it): the spans from the cursor on, which
// moves past those that end before from.
func (m *childMonth) overlap(from, to, winFrom, winTo int64) (all, window, longest time.Duration, lastOut int64) {
	lastOut = from
	for m.cursor < len(m.spans) && m.spans[m.cursor].out <= from {
		m.cursor++
	}
	for _, s := range m.spans[m.cursor:] {
		if s.in >= to {
			break
		}
		a, b := max(s.in, from), min(s.out, to)
		if b <= a {
			continue
		}
		all += time.Duration(b - a)
		longest = max(longest, time.Duration(b-a))
		if wa, wb := max(s.in, winFrom), min(s.out, winTo); wb > wa {
			window += time.Duration(wb - wa)
		}
		lastOut = max(lastOut, b)
	}
	return all, window, longest, lastOut
}

// slotDurations returns the reserved slots' time on day f and in its
// window.
func slotDurations(f *dayFrame, slots []plan.Slot) (all, window time.Duration) {
	for _, sl := range slots {
		a, b := f.at(sl.Start), f.at(sl.End)
		if b <= a {
			continue
		}
		all += time.Duration(b - a)
		if wa, wb := max(a, f.winStart), min(b, f.winEnd); wb > wa {
			window += time.Duration(wb - wa)
		}
	}
	return all, window
}

// days is the pass over the days of the period.
func (m *childMonth) days(walk *absence.Walk) {
	c, ch := m.c, m.ch
	cls := c.Rules.Bands
	schoolFrom := ch.Child.SchoolAgeFrom()
	m.sum.Care = make([]tariff.DayCare, 0, min(m.period.Len(), len(m.spans))) // a day of care has a session
	// The unit price, share and line key change only with the band, the
	// tariff, the age group or the tariff's basis: worked out again then.
	var last struct {
		band   tariff.Band
		tariff tariff.Tariff
		group  tariff.AgeGroup
		basis  tariff.Basis
		share  decimal.Decimal
		unit   tariff.Money
		key    lineKey
	}
	// The last day classified and the last reserved band worked out on a
	// day of 24 hours, with what they follow from.
	var seen struct {
		care        tariff.DayCare // zero Date: none yet
		all, window time.Duration
		reserved    [8]reservedBand // by slots, the last 8 (a plan's weekdays, an A/B week's)
		next        int
	}
	var seg *tariff.Applied // the tariff segment of the last day of care
	for i, slots := range m.slots {
		f := &m.om.frames[m.first+i]
		d := f.date
		all, window, longest, lastOut := m.overlap(f.start, f.end, f.winStart, f.winEnd)
		if all == 0 && len(slots) == 0 {
			continue // neither reserved nor attended
		}
		group := tariff.BabyToddler
		if !schoolFrom.IsZero() && !d.Before(schoolFrom) {
			group = tariff.SchoolAge
		}
		// A day's care follows from its minutes, its group and the child's
		// location alone (ClassifyDurations reads the date for nothing
		// else): a day like the last one classified is classified so.
		if seen.care.Date.IsZero() || all != seen.all || window != seen.window || group != seen.care.Group {
			dc, err := cls.ClassifyDurations(d, all, window, group, ch.Location)
			if err != nil {
				seen.care = tariff.DayCare{}
				m.keep(err)
				continue
			}
			seen.care, seen.all, seen.window = dc, all, window
		}
		care := seen.care
		care.Date = d
		// The reserved day: the absence rules.
		if len(slots) > 0 && walk != nil {
			// The reserved band of a day of 24 hours follows from its slots
			// (the plan's own, shared by the days of one weekday) and group.
			var reserved tariff.Band
			if f.ordinary {
				for k := range seen.reserved {
					if r := &seen.reserved[k]; r.slots == &slots[0] && r.n == len(slots) && r.group == group {
						reserved = r.band
						break
					}
				}
			}
			if reserved == "" {
				ra, rw := slotDurations(f, slots)
				b, err := cls.BandFor(d, ra, rw, group, ch.Location)
				if err != nil {
					m.keep(err)
					continue
				}
				reserved = b
				if f.ordinary {
					seen.reserved[seen.next] = reservedBand{slots: &slots[0], n: len(slots), group: group, band: b}
					seen.next = (seen.next + 1) % len(seen.reserved)
				}
			}
			rd := absence.ReservedDay{Date: d, Reserved: reserved, Attended: care.Band, Closed: f.closed, Absence: -1}
			if m.absOn != nil {
				rd.Absence = int(m.absOn[i])
			}
			if !walk.Present(rd) {
				rd.Value = m.proRataValue(f, slots, group, care, longest)
				if o, err := walk.Day(rd); err != nil {
					m.keep(err)
				} else {
					m.absenceLines(&o)
				}
			}
		}
		if care.Band == tariff.BandNone {
			continue
		}
		m.sum.Care = append(m.sum.Care, care)
		m.sum.UnbilledNightMinutes += care.NightMinutes
		m.sum.UnbilledOverMinutes += care.OverMinutes
		// Source: seed 004 §4.1 — settling in with the parent is free; alone,
		// the tariff applies (unless the house rules make it free).
		if slices.Contains(ch.WithParent, d) {
			m.sum.Free = append(m.sum.Free, FreeDay{Date: d, Reason: FreeWithParent, Rule: plan.Rule{ID: "invoice.settling_in", Source: srcSeed004Settling}})
			continue
		}
		if c.Rules.SettlingInAloneFree && m.settlingIn(d) {
			m.sum.Free = append(m.sum.Free, FreeDay{Date: d, Reason: FreeSettlingInAlone, Rule: plan.Rule{ID: "invoice.settling_in", Source: srcSeed004Settling}})
			continue
		}
		// The segment in force, looked up again only when the day leaves it.
		if seg == nil || !seg.Period.Contains(d) {
			seg = m.tariffs.segmentOn(d)
		}
		applied := seg
		if applied == nil {
			a, err := m.tariffs.on(d)
			if err != nil {
				m.keep(err)
				continue
			}
			applied = &a
		}
		if care.Band != last.band || applied.Tariff != last.tariff || group != last.group || applied.Basis != last.basis {
			last.band = "" // until the share and price are known
			var err error
			if last.share, err = cls.Table.ShareOf(care.Band); err != nil {
				m.keep(err)
				continue
			}
			if last.unit, err = tariff.Price(last.share, applied.Tariff); err != nil {
				m.keep(err)
				continue
			}
			last.band, last.tariff, last.group, last.basis = care.Band, applied.Tariff, group, applied.Basis
			last.key = newLineKey(LineCare, care.Band, group, string(applied.Basis), "", 0)
		}
		share, key := last.share, last.key
		// Source: seed 004 §3.3 read pro rata — a school-age child's day of
		// short moments only (each under an hour) costs the tariff in
		// proportion to its minutes, never more than its band.
		if pr := c.Rules.Pricing.ProRata; pr != nil && c.Rules.Pricing.Model == tariff.PricingProRata &&
			group == tariff.SchoolAge && longest < time.Duration(pr.ShortMinutes)*time.Minute {
			unit, err := pr.Price(care.Minutes, applied.Tariff, last.unit)
			if err != nil {
				m.keep(err)
				continue
			}
			key = newLineKey(LineCare, care.Band, group, string(applied.Basis), tariff.PricingProRata, pr.Counted(care.Minutes))
			if !m.set.bump(key, unit, d, 1) {
				m.set.create(key, proRataLine(care, pr, unit, *applied), d, 1)
			}
			m.extraCosts(f, i, slots, care.Band, lastOut)
			continue
		}
		if !m.set.bump(key, last.unit, d, 1) {
			m.set.create(key, careLine(care.Band, group, share, last.unit, *applied), d, 1)
		}
		m.extraCosts(f, i, slots, care.Band, lastOut)
	}
}

// proRataValue returns, under pro-rata pricing, what the part of reserved
// day f not attended is worth at a tariff — the reserved short moments'
// price less that of the care (attended for care.Minutes, its longest
// moment longest) — or nil when the day is priced by its bands: a
// school-age child's day reserved in short moments only costs, absent, at
// most what it costs present.
func (m *childMonth) proRataValue(f *dayFrame, slots []plan.Slot, group tariff.AgeGroup, care tariff.DayCare, longest time.Duration) func(tariff.Tariff) (tariff.Money, error) {
	pr, cls := m.c.Rules.Pricing.ProRata, m.c.Rules.Bands
	if pr == nil || m.c.Rules.Pricing.Model != tariff.PricingProRata || group != tariff.SchoolAge {
		return nil
	}
	short := time.Duration(pr.ShortMinutes) * time.Minute
	for _, sl := range slots {
		if time.Duration(f.at(sl.End)-f.at(sl.Start)) >= short {
			return nil // a moment of an hour or more: the bands price the day
		}
	}
	ra, rw := slotDurations(f, slots)
	reserved, err := cls.ClassifyDurations(f.date, ra, rw, group, m.ch.Location)
	if err != nil {
		return nil // the walk's own band decided the day; its error is reported there
	}
	// Source: seed 004 §3.3 read pro rata — "Je betaalt het inkomenstarief
	// in verhouding tot het aantal opvanguren", for the day reserved as for
	// the day attended.
	price := func(dc tariff.DayCare, t tariff.Tariff, prorated bool) (tariff.Money, error) {
		if dc.Band == tariff.BandNone {
			return tariff.Money{}, nil
		}
		share, err := cls.Table.ShareOf(dc.Band)
		if err != nil {
			return tariff.Money{}, err
		}
		unit, err := tariff.Price(share, t)
		if err != nil || !prorated {
			return unit, err
		}
		return pr.Price(dc.Minutes, t, unit)
	}
	return func(t tariff.Tariff) (tariff.Money, error) {
		whole, err := price(reserved, t, true)
		if err != nil {
			return tariff.Money{}, err
		}
		attended, err := price(care, t, longest < short)
		if err != nil {
			return tariff.Money{}, err
		}
		if v, err := whole.Sub(attended); err == nil && v.Sign() > 0 {
			return v, nil
		}
		return tariff.Money{}, nil
	}
}

// reservedBand is the band of a day of 24 hours reserved in slots (the
// first of them and how many) for a child of group.
type reservedBand struct {
	slots *plan.Slot
	n     int
	group tariff.AgeGroup
	band  tariff.Band
}

// settlingIn reports whether d is a settling-in day of a plan.
func (m *childMonth) settlingIn(d plan.Date) bool {
	for _, p := range m.plans {
		if slices.Contains(p.SettlingIn, d) {
			return true
		}
	}
	return false
}

// absenceLines adds what a reserved day not attended costs: the
// unjustified part and the late-notice fee.
func (m *childMonth) absenceLines(o *absence.DayOutcome) {
	if o.Charge.Sign() > 0 && !m.set.bump(lineKey{codes: codeUnjustified}, o.Charge, o.Date, 1) {
		m.set.create(lineKey{codes: codeUnjustified}, Line{Kind: LineUnjustified, UnitPrice: o.Charge, Tariff: o.Tariff.String(), Rule: o.Rule,
			LabelNL: "ongerechtvaardigde afwezigheid (respijtdagen op)", LabelEN: "unjustified absence (justified absence days used up)"},
			o.Date, 1)
	}
	if o.LateFee.Sign() > 0 && !m.set.bump(lineKey{codes: codeLateNotice}, o.LateFee, o.Date, 1) {
		m.set.create(lineKey{codes: codeLateNotice}, Line{Kind: LineLateNotice, UnitPrice: o.LateFee, Tariff: o.Tariff.String(), Rule: o.LateFeeRule,
			LabelNL: "niet of laattijdig verwittigde afwezigheid (25 % van het inkomenstarief, minstens de minimumbijdrage)",
			LabelEN: "absence reported late or not at all (25 % of the tariff, at least the minimum contribution)"},
			o.Date, 1)
	}
}

// extraCosts adds the costs that follow a day of care: waste and late
// pick-up. slots are what the plans reserve that day (closed or not), band
// the band of its care and lastOut the latest check-out of the day.
func (m *childMonth) extraCosts(f *dayFrame, i int, slots []plan.Slot, band tariff.Band, lastOut int64) {
	d := f.date
	// Source: seed 004 §3.5.1 — €0.13 per full day, €0.07 per half or third
	// day present.
	kind, cost, key := LineWastePart, costWastePart, lineKey{codes: codeWastePart}
	if band == tariff.BandFull || band == tariff.BandFlex {
		kind, cost, key = LineWasteFull, costWasteFull, lineKey{codes: codeWasteFull}
	}
	price := m.om.cost(m.first+i, cost)
	if price.err != nil {
		m.keep(price.err)
		return
	}
	if price.m.Sign() > 0 && !m.set.bump(key, price.m, d, 1) {
		nl, en := "afvalverwerking, halve of derde dag", "waste, half or third day"
		if kind == LineWasteFull {
			nl, en = "afvalverwerking, volle dag", "waste, full day"
		}
		m.set.create(key, Line{Kind: kind, UnitPrice: price.m, Rule: plan.Rule{ID: "invoice.waste", Source: srcSeed004Waste}, LabelNL: nl, LabelEN: en}, d, 1)
	}
	// Source: seed 004 §3.5.1 — €4 per started half hour after the hours of
	// the plan, without the caregiver's agreement. Only a reserved day has
	// agreed hours.
	if len(slots) == 0 || slices.Contains(m.ch.AgreedLatePickup, d) {
		return
	}
	latest := slots[0]
	for _, s := range slots[1:] {
		if s.End > latest.End {
			latest = s
		}
	}
	end := f.at(latest.End)
	if lastOut <= end {
		return
	}
	const half = int64(30 * time.Minute)
	halfHours := (lastOut - end + half - 1) / half
	pickup := m.om.cost(m.first+i, costPickup)
	if pickup.err != nil {
		m.keep(pickup.err)
		return
	}
	if pickup.m.Sign() == 0 {
		return
	}
	if !m.set.bump(lineKey{codes: codeLatePickup}, pickup.m, d, halfHours) {
		m.set.create(lineKey{codes: codeLatePickup}, Line{Kind: LineLatePickup, UnitPrice: pickup.m, Rule: plan.Rule{ID: "invoice.late_pickup", Source: srcSeed004Pickup},
			LabelNL: "laattijdig afhalen zonder akkoord, per begonnen half uur", LabelEN: "late pick-up without agreement, per started half hour"},
			d, halfHours)
	}
}

// hotMeals adds the hot meals of a school-age child, each on a day of
// care.
func (m *childMonth) hotMeals() {
	for i, d := range m.ch.HotMeals {
		if !m.period.Contains(d) {
			continue
		}
		if !slices.ContainsFunc(m.sum.Care, func(dc tariff.DayCare) bool { return dc.Date == d }) {
			m.ps = append(m.ps, plan.Problem{Code: plan.CodeInvalidValue, Field: fmt.Sprintf("hot_meals[%d]", i), Date: d,
				Message: fmt.Sprintf("a hot meal on %s, a day without care", d)})
			continue
		}
		// Source: seed 004 §3.5.1 — €3 for a hot meal of a child older than
		// 3.5 or at school full time; for a younger child it is included.
		if m.ch.Child.GroupOn(d) != tariff.SchoolAge {
			continue
		}
		price := m.om.cost(m.om.month.First().DaysUntil(d), costMeal)
		if price.err != nil {
			m.ps = append(m.ps, plan.Problem{Code: plan.CodeMissing, Field: fmt.Sprintf("hot_meals[%d]", i), Date: d,
				Message: fmt.Sprintf("a hot meal on %s has no price: the house rules' hot_meal has none in force that day", d)})
			continue
		}
		m.set.add(kindKey(LineHotMeal), Line{Kind: LineHotMeal, UnitPrice: price.m, Rule: plan.Rule{ID: "invoice.hot_meal", Source: srcSeed004Meal},
			LabelNL: "warme maaltijd (kind ouder dan 3,5 jaar of voltijds naar school)", LabelEN: "hot meal (school-age child)"}, d, 1)
	}
}

// trips adds the transports by the caregiver's car, per km.
func (m *childMonth) trips() {
	for k, t := range m.ch.Trips {
		if !m.period.Contains(t.Date) {
			continue
		}
		rate, err := m.c.Rules.TransportPerKm.On(t.Date)
		if err != nil {
			m.ps = append(m.ps, plan.Problem{Code: plan.CodeMissing, Field: fmt.Sprintf("trips[%d]", k), Date: t.Date,
				Message: fmt.Sprintf("a trip on %s has no rate: the house rules' transport_per_km has none in force that day (seed 004 refers to the federal rate: the organiser supplies it)", t.Date)})
			continue
		}
		m.set.addDecimal(kindKey(LineTransport), Line{Kind: LineTransport, UnitPrice: rate, Rule: plan.Rule{ID: "invoice.transport", Source: srcSeed004Km},
			LabelNL: "vervoer met de eigen wagen van de onthaalouder, per km", LabelEN: "transport by the caregiver's car, per km"}, t.Date, t.Km)
	}
}

// noticeFee adds the notice fee when the care ends this period without
// respecting the notice term.
func (m *childMonth) noticeFee() error {
	c, ch := m.c, m.ch
	n := ch.Notice
	if n == nil || !m.period.Contains(n.LastDay) {
		return nil
	}
	// Source: seed 004 §6.2.1 — the fee is "25% van je inkomenstarief voor 2
	// maanden [...] voor de gereserveerde dagen": the days the plans
	// reserved before the notice, a plan agreed to follow included. The
	// last plan, ended on the notice's last day, ends because of the notice,
	// so it is counted as running on; a plan that was to end earlier anyway,
	// or that another plan follows, is counted up to its own end (a gap
	// before the next plan is no care reserved).
	plans := slices.Clone(m.plans)
	if !slices.ContainsFunc(plans, func(q plan.Plan) bool { return q.Start.After(n.LastDay) }) {
		for i := range plans {
			if p := &plans[i]; p.Period().Contains(n.LastDay) && p.LastDay() == n.LastDay {
				p.End, p.Extensions = plan.Date{}, nil
			}
		}
	}
	res, err := plan.EvaluateNoticePlans(*n, plans, c.Calendar, c.Rules.Notice)
	if err != nil {
		return err
	}
	m.sum.Notice = &res
	if res.Respected || len(res.FeeDays) == 0 {
		return nil
	}
	// The fee is priced at the tariff in force on the last day of care, with
	// that year's minimum contribution and maximum tariff.
	applied, err := ch.Attests.On(n.LastDay, c.InvoiceDate, c.Amounts)
	if err != nil {
		return err
	}
	maxT, err := c.Amounts.On(n.LastDay, tariff.Maximum)
	if err != nil {
		return err
	}
	m.sum.used(maxT)
	fee := tariff.PercentFee{Percent: c.Rules.NoticeFeeShare, Cap: maxT.Value, Rule: plan.Rule{ID: "invoice.notice_fee", Source: srcSeed004Notice}}
	if c.Rules.NoticeFeeFloor {
		minT, err := c.Amounts.On(n.LastDay, tariff.StandardMinimum)
		if err != nil {
			return err
		}
		m.sum.used(minT)
		fee.Floor = minT.Value
	}
	fa, err := fee.Of(applied.Tariff)
	if err != nil {
		return err
	}
	unit, nl, en := fa.Amount, "opzegvergoeding: opzegtermijn niet gerespecteerd, per gereserveerde dag", "notice fee: notice term not respected, per reserved day"
	if res.OwedBy == plan.Organiser {
		unit, nl, en = unit.Neg(), "opzegvergoeding verschuldigd door de organisator, per gereserveerde dag", "notice fee owed by the organiser, per reserved day"
	}
	for _, d := range res.FeeDays {
		m.set.add(kindKey(LineNoticeFee), Line{Kind: LineNoticeFee, UnitPrice: unit, Tariff: applied.Tariff.String(), Rule: fee.Rule, LabelNL: nl, LabelEN: en},
			d.Date, 1)
	}
	return nil
}

// plansWithExtraDays returns the child's plans, at least one of which runs
// in month, with the approved extra days added as overrides of the plan in
// force that day: those of month are billed, those just around it only
// measure an absence across its edge.
func plansWithExtraDays(ch Child, month plan.Period) ([]plan.Plan, error) {
	// Every plan, not only those of the month: an absence that started under
	// an earlier plan, or in the month before, is judged on its first
	// reserved day.
	plans := make([]plan.Plan, 0, len(ch.Plans))
	runs := false
	for _, p := range ch.Plans {
		if len(ch.ExtraDays) > 0 {
			p.Overrides = slices.Clone(p.Overrides)
		}
		plans = append(plans, p)
		runs = runs || p.Period().Overlaps(month)
	}
	if !runs {
		return nil, plan.Problem{Code: plan.CodeMissing, Field: "plans", Date: month.Start, Message: fmt.Sprintf("no care plan runs in %s", month)}
	}
	for i, x := range ch.ExtraDays {
		k := slices.IndexFunc(plans, func(p plan.Plan) bool { return p.Period().Contains(x.Date) })
		if k < 0 {
			return nil, plan.Problem{Code: plan.CodeInvalidValue, Field: fmt.Sprintf("extra_days[%d]", i), Date: x.Date,
				Message: fmt.Sprintf("extra day %s is outside every care plan", x.Date)}
		}
		if len(plans[k].Day(x.Date, plan.Calendar{NoPublicHolidays: true}).Slots) > 0 {
			return nil, plan.Problem{Code: plan.CodeInvalidValue, Field: fmt.Sprintf("extra_days[%d]", i), Date: x.Date,
				Message: fmt.Sprintf("extra day %s is already reserved in the plan", x.Date)}
		}
		plans[k].Overrides = append(plans[k].Overrides, x)
	}
	return plans, nil
}
