package invoice

import (
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/kinderopvang/regels/internal/cmpdec"
	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/reservation"
	"github.com/kinderopvang/regels/tariff"
)

// Bounds on the data of a case. Values beyond them are typing errors, and
// rejecting them keeps every amount far from the range of Money.
const (
	// MaxKmPerTrip is the longest trip by the caregiver's car: 10,000 km.
	MaxKmPerTrip = 10_000
	// MaxEntitlementDays bounds a ledger's justified absence days.
	MaxEntitlementDays = 366
)

// Validate checks the case and returns every problem at once: the month,
// invoice date, family and children; each child's code (distinct), plans,
// attests (each naming its own child), sessions (touching the invoiced
// period, within 1900–2100, no longer than the house rules' maximum stay),
// the days it lists (within the period), trips (a positive distance of at
// most MaxKmPerTrip km), the opening ledger and the notice; and the house
// rules and amounts.
func (c Case) Validate() error {
	ps := c.validateCase()
	amounts := tariff.StatutoryAmounts().Merge(c.Amounts)
	for i := range c.Children {
		ps = append(ps, c.validateChild(i, amounts, nil)...)
	}
	return ps.Err()
}

// prefixed returns the problems of err under field (all of them; an error
// that holds none becomes one problem with err's text).
func prefixed(field string, err error) plan.Problems {
	if err == nil {
		return nil
	}
	ps := plan.AsProblems(err)
	if ps == nil {
		return plan.Problems{{Code: plan.CodeInvalidValue, Field: field, Message: err.Error()}}
	}
	out := make(plan.Problems, 0, len(ps))
	for _, p := range ps {
		switch {
		case p.Field == "":
			p.Field = field
		case field != "":
			p.Field = field + "." + p.Field
		}
		out = append(out, p)
	}
	return out
}

// validateCase checks what is not a child's.
func (c Case) validateCase() plan.Problems {
	ps := c.validateMonth()
	ps = append(ps, c.validateFamily()...)
	return append(ps, c.validateOrganiser()...)
}

// validateShared checks what the families of an organiser share: the
// month, the calendar, the house rules and the amounts.
func (c Case) validateShared() plan.Problems {
	return append(c.validateMonth(), c.validateOrganiser()...)
}

func (c Case) validateMonth() plan.Problems {
	switch y := c.Month.Year(); {
	case c.Month.IsZero():
		return plan.Problems{{Code: plan.CodeMissing, Field: "month", Message: "a case needs the month invoiced"}}
	case y < plan.MinSessionYear || y > plan.MaxSessionYear:
		// The years a session may have (plan.ValidateSessionLimits): the
		// day frames and sessions count in Unix nanoseconds, which reach
		// 1678–2262 only; a month beyond them would bill the days of
		// another century.
		return plan.Problems{{Code: plan.CodeOutOfRange, Field: "month", Date: c.Month.First(),
			Message: fmt.Sprintf("a case bills a month of %d–%d, not %s", plan.MinSessionYear, plan.MaxSessionYear, c.Month)}}
	}
	return nil
}

// validateOrganiser checks the calendar, the house rules and the amounts.
func (c Case) validateOrganiser() plan.Problems {
	var ps plan.Problems
	ps = append(ps, prefixed("calendar", c.Calendar.Validate())...)
	ps = append(ps, prefixed("rules", c.Rules.Validate())...)
	ps = append(ps, prefixed("", c.Amounts.Validate())...)
	return ps
}

// validateFamily checks the family's part of the case but its children:
// the period, the invoice date, the family.
func (c Case) validateFamily() plan.Problems {
	var ps plan.Problems
	if !c.Period.IsEmpty() && !c.Month.IsZero() {
		if in, ok := c.Period.Intersect(c.Month.Days()); !ok || in != c.Period {
			ps = append(ps, plan.Problem{Code: plan.CodeInvalidPeriod, Field: "period", Date: c.Period.Start,
				Message: fmt.Sprintf("period %s is not within %s", c.Period, c.Month)})
		}
	} else if c.Period != (plan.Period{}) {
		ps = append(ps, plan.Problem{Code: plan.CodeInvalidPeriod, Field: "period", Message: fmt.Sprintf("period %s is not a valid period", c.Period)})
	}
	if c.InvoiceDate.IsZero() {
		ps = append(ps, plan.Problem{Code: plan.CodeMissing, Field: "invoice_date", Message: "a case needs the invoice date"})
	} else if due := plan.AddMonths(c.InvoiceDate, c.Rules.PaymentTermMonths); due.IsZero() && c.Rules.PaymentTermMonths >= 1 {
		ps = append(ps, plan.Problem{Code: plan.CodeOutOfRange, Field: "invoice_date", Date: c.InvoiceDate,
			Message: fmt.Sprintf("the due date, %d months after %s, is past 9999-12-31", c.Rules.PaymentTermMonths, c.InvoiceDate)})
	}
	if c.Family.ID == "" {
		ps = append(ps, plan.Problem{Code: plan.CodeMissing, Field: "family.id", Message: "a case needs the family's id"})
	}
	if len(c.Children) == 0 {
		ps = append(ps, plan.Problem{Code: plan.CodeMissing, Field: "children", Message: "a case needs at least one child"})
	}
	return ps
}

// validateChild checks child i; amounts is the whole amount table (the
// statutory amounts with the case's merged over them). Field paths are
// formatted only for problems.
func (c Case) validateChild(i int, amounts tariff.AmountTable, period *span) plan.Problems {
	ch := &c.Children[i]
	var ps plan.Problems // fields relative to the child, prefixed at the end
	add := func(code plan.Code, field string, d plan.Date, format string, a ...any) {
		ps = append(ps, plan.Problem{Code: code, Field: field, Date: d, Message: fmt.Sprintf(format, a...)})
	}
	under := func(err error, field string, a ...any) {
		if err != nil {
			ps = append(ps, prefixed(fmt.Sprintf(field, a...), err)...)
		}
	}
	if ch.Child.Code == "" {
		add(plan.CodeMissing, "child.code", plan.Date{}, "a child needs its child code")
	} else if j := slices.IndexFunc(c.Children[:i], func(o Child) bool { return o.Child.Code == ch.Child.Code }); j >= 0 {
		add(plan.CodeOverlap, "child.code", plan.Date{}, "child code %q is also the code of children[%d]: each child of the case has its own code", ch.Child.Code, j)
	}
	// The age group of the bands (school-age from 3.5 years), the
	// certificate's age limit and the report's age all come from the birth
	// date: without it a school-age child would silently be billed as a
	// toddler. Care cannot start before the child is born.
	birth := ch.Child.Birth
	if birth.IsZero() {
		add(plan.CodeMissing, "child.birth", plan.Date{}, "a child needs its birth date: its age group, and with it the bands, depend on it")
	}
	for k, p := range ch.Plans {
		if !birth.IsZero() && p.Start.Before(birth) {
			add(plan.CodeInvalidValue, fmt.Sprintf("plans[%d].start", k), p.Start, "the plan starts on %s, before the child's birth on %s", p.Start, birth)
		}
	}
	switch list := c.Rules.Pricing.IsPriceList(); {
	case list && len(ch.Plans) > 0:
		// Source: after-school portal manual (seed 000) — care without an
		// income tariff is ordered moment by moment in the reservation book.
		add(plan.CodeInvalidValue, "plans", plan.Date{}, "under a price list care is ordered by reservations, not by a care plan")
	case !list && len(ch.Plans) == 0:
		add(plan.CodeMissing, "plans", plan.Date{}, "a child needs its care plan")
	case !list && len(ch.Reservations) > 0:
		add(plan.CodeInvalidValue, "reservations", plan.Date{}, "reservations are billed under a price list; an extra day of a care plan goes in extra_days")
	case list && len(ch.Absences) > 0:
		// Source: after-school portal manual (seed 000) — under a price list
		// a moment reserved and not cancelled is billed; what frees it is a
		// cancellation, which the absences would silently override or be
		// overridden by.
		add(plan.CodeInvalidValue, "absences", ch.Absences[0].Period.Start, "under a price list a reserved moment not attended is billed unless it is cancelled: cancel the reservations of the absent days (reservation.Book.Cancel) instead of listing absences")
	}
	for k, r := range ch.Reservations {
		switch {
		case !r.State.Valid():
			add(plan.CodeInvalidValue, fmt.Sprintf("reservations[%d].state", k), r.Date, "reservation %s has state %q, not requested, approved, refused or cancelled", r.ID, r.State)
		case ch.Notice != nil && !ch.Notice.LastDay.IsZero() && r.Date.After(ch.Notice.LastDay) && r.State == reservation.StateApproved:
			// Source: seed 004 §6.2.1 — care ends on the notice's last day.
			add(plan.CodeInvalidValue, fmt.Sprintf("reservations[%d].date", k), r.Date, "reservation %s on %s is after the last day of care %s (the notice): cancel it, or move the last day", r.ID, r.Date, ch.Notice.LastDay)
		case r.Child != ch.Child.Code:
			add(plan.CodeInvalidValue, fmt.Sprintf("reservations[%d].child", k), r.Date, "reservation %s is for child %q, not %q", r.ID, r.Child, ch.Child.Code)
		case !c.Month.IsZero() && !c.days().Contains(r.Date):
			add(plan.CodeInvalidValue, fmt.Sprintf("reservations[%d].date", k), r.Date, "reservation %s on %s is not in the period invoiced, %s", r.ID, r.Date, c.days())
		case !birth.IsZero() && r.Date.Before(birth):
			add(plan.CodeInvalidValue, fmt.Sprintf("reservations[%d].date", k), r.Date, "reservation %s on %s is before the child's birth on %s", r.ID, r.Date, birth)
		case !r.Start.Valid() || !r.End.Valid() || r.End <= r.Start:
			add(plan.CodeInvalidValue, fmt.Sprintf("reservations[%d]", k), r.Date, "reservation %s has hours %s–%s", r.ID, r.Start, r.End)
		}
	}
	for k, p := range ch.Plans {
		under(p.Validate(plan.Facts{Birth: ch.Child.Birth}), "plans[%d]", k)
		for j := 0; j < k; j++ {
			if ch.Plans[j].Period().Overlaps(p.Period()) {
				add(plan.CodeOverlap, fmt.Sprintf("plans[%d]", k), p.Start, "plan from %s overlaps plans[%d]", p.Start, j)
			}
		}
	}
	under(ch.Attests.Validate(), "attests")
	// Source: the yearly amounts of the income tariff — no attest states a
	// tariff below the lowest or above the maximum of its year.
	under(ch.Attests.CheckAmountsDuring(c.days(), amounts), "attests")
	for k, a := range ch.Attests.Attests {
		// An attest inkomenstarief is personal: it names the child it is for.
		if a.ChildCode != ch.Child.Code && ch.Child.Code != "" {
			add(plan.CodeInvalidValue, fmt.Sprintf("attests.attests[%d].child_code", k), a.Valid.Start,
				"attest for child %q is listed under child %q: each attest names its own child", a.ChildCode, ch.Child.Code)
		}
	}
	ps = append(ps, c.validateSessions(ch, period)...)
	ps = append(ps, c.validateDays(ch)...)
	for k, t := range ch.Trips {
		if t.Km.Sign() <= 0 || cmpdec.Int(t.Km, MaxKmPerTrip) > 0 || t.Date.IsZero() {
			add(plan.CodeInvalidValue, fmt.Sprintf("trips[%d]", k), t.Date,
				"a trip needs a day and a distance of more than 0 and at most %d km, not %s", MaxKmPerTrip, t.Km)
		}
	}
	ps = append(ps, validateLedger("ledger", *ch, c.Month)...)
	if n := ch.Notice; n != nil && !n.LastDay.IsZero() && !n.Given.IsZero() && n.Given.After(n.LastDay) {
		add(plan.CodeEndBeforeStart, "notice.last_day", n.LastDay, "the notice given on %s ends care on %s, before it was given", n.Given, n.LastDay)
	}
	if len(ps) == 0 {
		return nil
	}
	return prefixed(fmt.Sprintf("children[%d]", i), ps)
}

// maxSession is the longest stay the house rules allow (24 hours unless
// they say otherwise).
func (h HouseRules) maxSession() time.Duration {
	if h.MaxSessionHours > 0 {
		return time.Duration(h.MaxSessionHours) * time.Hour
	}
	return 24 * time.Hour
}

// validateSessions checks a child's sessions: well formed and not
// overlapping, within 1900–2100, no longer than the maximum stay, each
// touching the period invoiced and none after the last day of care.
func (c Case) validateSessions(ch *Child, period *span) plan.Problems {
	if c.sessionsPlain(ch, period) {
		return nil
	}
	return c.checkSessions(ch)
}

// checkSessions is validateSessions one check at a time.
func (c Case) checkSessions(ch *Child) plan.Problems {
	sessions := wallClock(ch.Sessions)
	ps := plan.AsProblems(plan.ValidateSessions(sessions))
	limits := plan.AsProblems(plan.ValidateSessionLimits(sessions, c.Rules.maxSession()))
	ps = append(ps, limits...)
	if c.Month.IsZero() || len(limits) > 0 {
		return ps
	}
	days := c.days()
	start := plan.DayStart(days.Start, nil)
	end := plan.DayEnd(days.End, nil)
	// Within 1900–2100 (checked above), instants compare as Unix
	// nanoseconds.
	from, to := start.UnixNano(), end.UnixNano()
	born := bornNano(ch.Child.Birth)
	for k, s := range sessions {
		if s.In.IsZero() || s.Out.IsZero() {
			continue
		}
		if s.In.UnixNano() < born {
			ps = append(ps, plan.Problem{Code: plan.CodeInvalidValue, Field: fmt.Sprintf("sessions[%d]", k), Date: plan.DateOf(s.In.In(plan.Brussels())),
				Message: fmt.Sprintf("session %s–%s is before the child's birth on %s", s.In.Format(time.RFC3339), s.Out.Format(time.RFC3339), ch.Child.Birth)})
			continue
		}
		if in, out := s.In.UnixNano(), s.Out.UnixNano(); max(in, from) >= min(out, to) { // no time within the period
			ps = append(ps, plan.Problem{Code: plan.CodeInvalidValue, Field: fmt.Sprintf("sessions[%d]", k), Date: plan.DateOf(s.In.In(plan.Brussels())),
				Message: fmt.Sprintf("session %s–%s does not touch the period invoiced, %s", s.In.Format(time.RFC3339), s.Out.Format(time.RFC3339), days)})
			continue
		}
		if n := ch.Notice; n != nil && !n.LastDay.IsZero() {
			if endOfCare := plan.DayEnd(n.LastDay, nil); s.Out.After(endOfCare) {
				ps = append(ps, plan.Problem{Code: plan.CodeInvalidValue, Field: fmt.Sprintf("sessions[%d]", k), Date: plan.DateOf(s.Out.In(plan.Brussels())),
					Message: fmt.Sprintf("session %s–%s runs past %s, the last day of care of the notice", s.In.Format(time.RFC3339), s.Out.Format(time.RFC3339), n.LastDay)})
			}
		}
	}
	return ps
}

// bornNano is the start of the birth day in Unix nanoseconds (no care
// before it), or the lowest or highest int64 for a birth outside 1678–2261,
// where nanoseconds do not reach and every session (1900–2100) comes after
// or before it; the lowest for no birth date.
func bornNano(b plan.Date) int64 {
	switch {
	case b.IsZero() || b.Year() < 1678:
		return math.MinInt64
	case b.Year() > 2261:
		return math.MaxInt64
	}
	first := plan.DayStart(b, nil)
	return first.UnixNano()
}

// Sessions whose instants lie, in Unix seconds, within 1900-01-02 and
// 2100-12-31 UTC are within the years a session may have in every zone
// and have exact Unix nanoseconds: the window plan.ValidateSessionLimits
// decides its common case by (unexported there).
const (
	plainFrom = -2208902400 // 1900-01-02T00:00:00Z
	plainTo   = 4133894400  // 2100-12-31T00:00:00Z
)

// sessionsPlain reports, in one pass over Unix nanoseconds, that the
// checks of validateSessions find no problem: every session well formed,
// in order and not overlapping the one before, within the years, not
// longer than a stay may last, after the birth, touching the period and
// not past the notice's last day of care. It says false whenever it is not
// sure (an instant near 1900 or 2100, a session out of order), and the
// checks then run one by one and say what is wrong.
func (c Case) sessionsPlain(ch *Child, period *span) bool {
	if c.Month.IsZero() {
		return false
	}
	days := c.days()
	if period == nil {
		start := plan.DayStart(days.Start, nil)
		end := plan.DayEnd(days.End, nil)
		period = &span{start.UnixNano(), end.UnixNano()}
	}
	from, to := period.in, period.out
	// A session that touches the period lasts at most 72 hours
	// (MaxSessionHours): a birth 4 days before the period, or a last day of
	// care 4 days after it, lies beyond every one that passes the checks.
	born := int64(math.MinInt64)
	if b := ch.Child.Birth; b.IsZero() || !b.Before(days.Start.AddDays(-4)) { // days.Start - 4 is a date: the period is of 1900–2100
		born = bornNano(b)
	}
	endOfCare := int64(math.MaxInt64)
	if n := ch.Notice; n != nil && !n.LastDay.IsZero() && n.LastDay.Before(days.End.AddDays(4)) {
		// A last day before 1900 ends before every session in the window
		// below, one after 2100 after each.
		switch y := n.LastDay.Year(); {
		case y < 1900:
			endOfCare = math.MinInt64
		case y <= 2100:
			e := plan.DayEnd(n.LastDay, nil)
			endOfCare = e.UnixNano()
		}
	}
	longest := c.Rules.maxSession()
	if longest > 72*time.Hour {
		// Invalid house rules (at most 72 hours), checked with the case:
		// the 4 days' margins above do not hold.
		return false
	}
	prevOut := int64(math.MinInt64)
	for _, s := range ch.Sessions {
		if u, v := s.In.Unix(), s.Out.Unix(); u < plainFrom || u >= plainTo || v < plainFrom || v >= plainTo {
			return false
		}
		in, out := s.In.UnixNano(), s.Out.UnixNano()
		if out <= in || in < prevOut || time.Duration(out-in) > longest || in < born || max(in, from) >= min(out, to) || out > endOfCare {
			return false
		}
		prevOut = out
	}
	return true
}

// validateDays checks that every day a child's lists name lies in the
// period invoiced: a day of another month is stale data, never silently
// dropped.
func (c Case) validateDays(ch *Child) plan.Problems {
	if c.Month.IsZero() {
		return nil
	}
	days := c.days()
	var ps plan.Problems
	check := func(field string, d plan.Date) {
		if !days.Contains(d) {
			ps = append(ps, plan.Problem{Code: plan.CodeInvalidValue, Field: field, Date: d,
				Message: fmt.Sprintf("%s is not in the period invoiced, %s", d, days)})
		}
	}
	for k, d := range ch.HotMeals {
		check(fmt.Sprintf("hot_meals[%d]", k), d)
		// Source: seed 004 §2.1.2 — a full day includes "2 maaltijden (warme
		// maaltijd en vieruurtje)": one hot meal a day, billed once.
		if j := slices.Index(ch.HotMeals[:k], d); j >= 0 {
			ps = append(ps, plan.Problem{Code: plan.CodeOverlap, Field: fmt.Sprintf("hot_meals[%d]", k), Date: d,
				Message: fmt.Sprintf("a hot meal on %s is listed twice (also hot_meals[%d]): a day has one hot meal", d, j)})
		}
	}
	for k, d := range ch.WithParent {
		check(fmt.Sprintf("with_parent[%d]", k), d)
	}
	for k, d := range ch.AgreedLatePickup {
		check(fmt.Sprintf("agreed_late_pickup[%d]", k), d)
	}
	// An extra day just outside the period is reservation data the notice
	// rules read (an absence across the period's edge is measured with the
	// reserved days around it); one farther away is stale.
	reach := c.Rules.Absence.Notice.LongFromDays - 1
	around := plan.Period{Start: days.Start.AddDays(-max(reach, 0)), End: days.End.AddDays(max(reach, 0))}
	for k, x := range ch.ExtraDays {
		if !around.Contains(x.Date) {
			ps = append(ps, plan.Problem{Code: plan.CodeInvalidValue, Field: fmt.Sprintf("extra_days[%d].date", k), Date: x.Date,
				Message: fmt.Sprintf("%s is not in the period invoiced, %s, nor in the %d days around it that the notice rules read", x.Date, days, max(reach, 0))})
		}
	}
	for k, t := range ch.Trips {
		if !t.Date.IsZero() {
			check(fmt.Sprintf("trips[%d].date", k), t.Date)
		}
	}
	for k, a := range ch.Absences {
		if !a.Period.IsEmpty() && !a.Period.Overlaps(days) {
			ps = append(ps, plan.Problem{Code: plan.CodeInvalidValue, Field: fmt.Sprintf("absences[%d]", k), Date: a.Period.Start,
				Message: fmt.Sprintf("absence %s has no day in the period invoiced, %s", a.Period, days)})
		}
	}
	return ps
}

// validateLedger checks the justified-absence ledger at the start of the
// month: no negative days, no more used than the entitlement, not of a
// later year.
func validateLedger(field string, ch Child, m plan.Month) plan.Problems {
	l := ch.Ledger
	var ps plan.Problems
	add := func(sub, format string, a ...any) {
		ps = append(ps, plan.Problem{Code: plan.CodeInvalidValue, Field: field + sub, Message: fmt.Sprintf(format, a...)})
	}
	if l.Year == 0 && l.Entitlement.IsZero() && l.Used.IsZero() && len(l.Movements) == 0 {
		return nil // no ledger: the month's year starts fresh
	}
	if l.Year < 1 || l.Year > 9999 {
		add(".year", "a ledger's year %d is out of range", l.Year)
	} else if !m.IsZero() && l.Year > m.Year() {
		add(".year", "a ledger of %d cannot start %s", l.Year, m)
	}
	if l.Entitlement.Sign() < 0 || cmpdec.Int(l.Entitlement, MaxEntitlementDays) > 0 {
		add(".entitlement", "an entitlement of %s justified absence days is not between 0 and %d", l.Entitlement, MaxEntitlementDays)
	}
	if l.Used.Sign() < 0 {
		add(".used", "%s justified absence days used cannot be negative", l.Used)
	} else if cmpdec.Cmp(l.Used, l.Entitlement) > 0 && l.Entitlement.Sign() >= 0 {
		// The ledger never goes negative (seed 004 §3.4.2: once the days are
		// used up, further absences are unjustified).
		add(".used", "%s of %s justified absence days used: more than the entitlement", l.Used, l.Entitlement)
	}
	return ps
}
