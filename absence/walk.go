package absence

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
	"github.com/shopspring/decimal"
)

// dayUnit is the resolution of justified absence days inside a Walk: a
// ten-thousandth of a day, so half days and days of a policy or a ledger
// are exact integers.
const dayUnit = 10_000

// ReservedDay is what deciding one reserved day needs: its bands, whether
// the organiser is closed and which reported absence covers it. The caller classifies the day once (see
// tariff.Classifier) and may use the same bands for the invoice.
type ReservedDay struct {
	Date plan.Date
	// Reserved is the band of the reserved slots; Attended that of the
	// sessions that day.
	Reserved, Attended tariff.Band
	// Closed is set when the organiser is closed that day.
	Closed *plan.ClosedDay
	// Absence is the index of the reported absence covering the day, -1
	// when none.
	Absence int
	// Value, when set, is what the part of the day not attended is worth at
	// tariff t under the organiser's pricing, where that is not the bands'
	// shares of the tariff (a pro-rata reading of short moments, seed 004
	// §3.3): the unjustified part of it is charged, so that a day absent
	// never costs more than the day present. Nil: the shares.
	Value func(t tariff.Tariff) (tariff.Money, error)
}

// DayTariff gives the daily tariff in force on a day, for a charge or a
// fee; it is called only when one is due.
type DayTariff func(d plan.Date) (tariff.Tariff, error)

// Walk decides the reserved days of a period one by one, in date order,
// using justified absence days from a ledger: the rules of Process, for a
// caller that walks the days itself (the invoice decides care, absences and
// extra costs in one pass). Start one with NewWalk, call Day for each
// reserved day, then Finish. A Walk counts days in exact integers and
// writes its explanations into one buffer, so a day allocates nothing
// beyond its own result.
type Walk struct {
	p        Policy
	table    tariff.BandTable
	values   [5]bandValue // by band index
	absences []Absence
	late     []bool
	// lateThrough is, per absence, the last day that pays the late-notice
	// fee when it is set (NoticeCheck.LateThrough); nil when none is.
	lateThrough []plan.Date
	tariffOn    DayTariff
	amounts     tariff.AmountTable
	lastDay     plan.Date
	// min and max are the year's amounts, looked up once when first needed.
	min, max       tariff.Amount
	minErr, maxErr error
	haveMin        bool
	haveMax        bool
	entitlement    int64 // units
	used           int64 // units
	ledger         Ledger
	movements      []Movement
	out            []DayOutcome
	// text holds every explanation and movement reason; spans says where.
	text  []byte
	spans []span
}

// span is the text of outcome i (or of movement i when movement is set).
type span struct {
	i          int
	movement   bool
	start, end int
}

// bandValue is a band's day value in units and as a decimal.
type bandValue struct {
	units int64
	dec   decimal.Decimal
}

func bandIndex(b tariff.Band) int {
	switch b {
	case tariff.BandThird:
		return 1
	case tariff.BandHalf:
		return 2
	case tariff.BandFull:
		return 3
	case tariff.BandFlex:
		return 4
	}
	return 0
}

// WalkInput is what a Walk needs.
type WalkInput struct {
	// Policy must be valid (Policy.Validate).
	Policy Policy
	// Ledger is the ledger before the first day.
	Ledger Ledger
	// Table gives the bands' shares of the tariff for a charge.
	Table tariff.BandTable
	// Absences are the reported absences, and Late says per absence
	// whether it was reported late or never (CheckNotices).
	Absences []Absence
	Late     []bool
	// Notices are CheckNotices' checks of Absences. A check's LateThrough
	// limits the late-notice fee to the days up to it; a policy that judges
	// sudden absences day by day (SuddenEachDay) needs them.
	Notices []NoticeCheck
	// Tariff gives the tariff of a day with a charge or a fee; Amounts the
	// year's minimum contribution and maximum tariff.
	Tariff  DayTariff
	Amounts tariff.AmountTable
	// LastDayOfCare, when set, ends the care: the days after it are
	// KindEnded.
	LastDayOfCare plan.Date
	// Capacity is how many days the walk expects (the outcomes are
	// allocated once); 0 lets them grow.
	Capacity int
}

// NewWalk starts a walk. It is an error when the policy's day values or the
// ledger are finer than a ten-thousandth of a day.
func NewWalk(in WalkInput) (*Walk, error) {
	p := in.Policy
	w := &Walk{p: p, table: in.Table, absences: in.Absences, late: in.Late, tariffOn: in.Tariff, amounts: in.Amounts,
		lastDay: in.LastDayOfCare, ledger: in.Ledger, out: make([]DayOutcome, 0, in.Capacity)}
	for _, b := range []tariff.Band{tariff.BandThird, tariff.BandHalf, tariff.BandFull, tariff.BandFlex} {
		v := p.dayValue(b)
		u, ok := toUnits(v)
		if !ok {
			return nil, plan.Problem{Code: plan.CodeInvalidValue, Field: "day_values", Message: fmt.Sprintf("band %s counts as %s days: at most four decimals", b, v)}
		}
		w.values[bandIndex(b)] = bandValue{units: u, dec: v}
	}
	w.values[0] = bandValue{dec: decimal.Zero}
	if err := w.noticeChecks(in); err != nil {
		return nil, err
	}
	var ok1, ok2 bool
	w.entitlement, ok1 = toUnits(in.Ledger.Entitlement)
	w.used, ok2 = toUnits(in.Ledger.Used)
	if !ok1 || !ok2 {
		return nil, plan.Problem{Code: plan.CodeInvalidValue, Field: "ledger", Message: fmt.Sprintf("a ledger of %s used of %s days: at most four decimals", in.Ledger.Used, in.Ledger.Entitlement)}
	}
	return w, nil
}

// noticeChecks takes the late-notice limits of in.Notices: under
// SuddenEachDay every sudden absence reported late needs its check, and a
// check's LateThrough lies within its absence; under SuddenFirstDay, and
// for a planned absence, a check limits nothing.
func (w *Walk) noticeChecks(in WalkInput) error {
	if len(in.Notices) == 0 && in.Policy.Notice.Sudden != SuddenEachDay {
		return nil
	}
	each := in.Policy.Notice.Sudden == SuddenEachDay
	var buf [32]bool // a month's absences: on the stack
	checked := buf[:min(len(in.Absences), len(buf))]
	if len(in.Absences) > len(buf) {
		checked = make([]bool, len(in.Absences))
	}
	for k, chk := range in.Notices {
		f := func() string { return fmt.Sprintf("notices[%d]", k) } // for a problem only
		if chk.Absence < 0 || chk.Absence >= len(in.Absences) {
			return plan.Problem{Code: plan.CodeInvalidValue, Field: f() + ".absence",
				Message: fmt.Sprintf("notice check %d is of absence %d, and there are %d", k, chk.Absence, len(in.Absences))}
		}
		if checked[chk.Absence] {
			return plan.Problem{Code: plan.CodeOverlap, Field: f() + ".absence",
				Message: fmt.Sprintf("notice check %d is a second check of absence %d", k, chk.Absence)}
		}
		checked[chk.Absence] = true
		a := in.Absences[chk.Absence]
		if chk.LateThrough.IsZero() {
			continue
		}
		switch {
		case !each || !a.Sudden:
			return plan.Problem{Code: plan.CodeInvalidValue, Field: f() + ".late_through", Date: chk.LateThrough,
				Message: fmt.Sprintf("notice check %d limits the late-notice fee to %s, but only a sudden absence judged day by day (notice.sudden %s) has such a limit", k, chk.LateThrough, SuddenEachDay)}
		case !a.Period.Contains(chk.LateThrough):
			return plan.Problem{Code: plan.CodeInvalidValue, Field: f() + ".late_through", Date: chk.LateThrough,
				Message: fmt.Sprintf("notice check %d limits the late-notice fee to %s, outside its absence %s", k, chk.LateThrough, a.Period)}
		}
		if w.lateThrough == nil {
			w.lateThrough = make([]plan.Date, len(in.Absences))
		}
		w.lateThrough[chk.Absence] = chk.LateThrough
	}
	for k, a := range in.Absences {
		if each && a.Sudden && k < len(in.Late) && in.Late[k] && !checked[k] {
			return plan.Problem{Code: plan.CodeMissing, Field: "notices", Date: a.Period.Start,
				Message: fmt.Sprintf("sudden absence %d was reported late and the policy judges each of its days (notice.sudden %s): the walk needs its notice check", k, SuddenEachDay)}
		}
	}
	return nil
}

// toUnits converts days to units, reporting whether d is exact in them
// (and within ±10^12 days). Values of up to 15 digits take a path that
// allocates nothing.
func toUnits(d decimal.Decimal) (int64, bool) {
	const limit = 1_000_000_000_000 * dayUnit
	if d.NumDigits() <= 15 {
		c, exp := d.CoefficientInt64(), int(d.Exponent())+4
		for ; exp < 0; exp++ {
			if c%10 != 0 {
				return 0, false
			}
			c /= 10
		}
		// |c| < 10^15 here, below the limit, and dividing only shrinks it;
		// multiplying checks each step, so |c| ≤ 10^17 never overflows.
		for ; exp > 0; exp-- {
			c *= 10
			if c > limit || c < -limit {
				return 0, false
			}
		}
		return c, true
	}
	u := d.Shift(4)
	if !u.IsInteger() || u.Abs().GreaterThan(decimal.NewFromInt(limit)) {
		return 0, false
	}
	return u.IntPart(), true
}

// unitsDecimal returns units as a decimal, sharing the policy's value when
// it is one (no allocation).
func (w *Walk) unitsDecimal(u int64) decimal.Decimal {
	for _, v := range w.values {
		if v.units == u {
			return v.dec
		}
	}
	return decimal.New(u, -4)
}

// appendUnits appends u units as decimal's String would write the value:
// "0.5", "1", "10.8", "0".
func appendUnits(b []byte, u int64) []byte {
	if u < 0 {
		b = append(b, '-')
		u = -u
	}
	b = strconv.AppendInt(b, u/dayUnit, 10)
	if frac := u % dayUnit; frac != 0 {
		digits := [4]byte{byte('0' + frac/1000), byte('0' + frac/100%10), byte('0' + frac/10%10), byte('0' + frac%10)}
		n := 4
		for digits[n-1] == '0' {
			n--
		}
		b = append(b, '.')
		b = append(b, digits[:n]...)
	}
	return b
}

// balance is what is left, never negative.
func (w *Walk) balance() int64 { return max(w.entitlement-w.used, 0) }

// say records the text appended since start as outcome i's explanation.
// reserve sizes the explanation buffer, its spans and the movements once,
// on the first day that is not simply present, for the reserved days left:
// one allocation each rather than one per doubling.
func (w *Walk) reserve() {
	if w.text != nil {
		return
	}
	left := max(cap(w.out)-len(w.out), 4)
	w.text = make([]byte, 0, min(left, 64)*160) // an explanation is about 160 bytes
	w.spans = make([]span, 0, 2*left)           // a day and its movement
	w.movements = make([]Movement, 0, left)
}

func (w *Walk) say(i, start int) {
	w.spans = append(w.spans, span{i: i, start: start, end: len(w.text)})
}

// Day decides reserved day f and returns its outcome (its Explanation is
// filled by Finish). Days must come in date order, within the ledger's
// year. The error is a missing tariff or yearly amount for a charge or fee.
func (w *Walk) Day(f ReservedDay) (DayOutcome, error) {
	out := DayOutcome{Date: f.Date, Reserved: f.Reserved, Attended: f.Attended, Absence: f.Absence,
		Absent: decimal.Zero, Used: decimal.Zero, Unjustified: decimal.Zero}
	i := len(w.out)
	start := len(w.text)
	rule := func(id, src string) plan.Rule { return plan.Rule{ID: id, Source: src} }

	// Source: seed 004 §6.2.1 — care ends on the notice's last day; what the
	// shortfall costs is the notice fee, "voor de gereserveerde dagen".
	if !w.lastDay.IsZero() && f.Date.After(w.lastDay) {
		out.Kind = KindEnded
		out.Rule = rule("absence.after_end_of_care", srcSeed004NoticeEnd)
		w.reserve()
		w.text = append(w.text, "after the last day of care "...)
		w.text = w.lastDay.AppendText(w.text)
		w.text = append(w.text, ": neither care nor absence"...)
		return w.keep(out, i, start), nil
	}
	// Source: seed 004 §3.4.2 — "Ook op sluitingsdagen van de opvang moet je
	// niet betalen."
	if f.Closed != nil {
		out.Kind, out.Closed = KindClosed, f.Closed
		out.Rule = rule("absence.closed", srcSeed004Absent)
		w.reserve()
		w.text = append(w.text, "the organiser is closed on "...)
		w.text = f.Date.AppendText(w.text)
		w.text = append(w.text, " ("...)
		w.text = append(w.text, f.Closed.Reason...)
		w.text = append(w.text, "): not billed, no justified absence day used"...)
		return w.keep(out, i, start), nil
	}
	vR, vA := w.values[bandIndex(f.Reserved)], w.values[bandIndex(f.Attended)]
	if vA.units >= vR.units {
		out = presentOutcome(f)
		w.out = append(w.out, out)
		return out, nil
	}
	w.reserve()
	absent := vR.units - vA.units
	out.Absent = vR.dec
	if vA.units != 0 {
		out.Absent = w.unitsDecimal(absent)
	}
	var abs *Absence
	if f.Absence >= 0 {
		abs = &w.absences[f.Absence]
	}
	// Source: seed 004 §3.4.2 — during a hospital stay "moet je niet
	// betalen [...] attest van opname in het ziekenhuis (geen consultatie)".
	if abs != nil && abs.Hospital && abs.AdmissionCertificate {
		out.Kind = KindHospital
		out.Rule = rule("absence.hospital", srcSeed004Absent)
		w.text = append(w.text, "in hospital on "...)
		w.text = f.Date.AppendText(w.text)
		w.text = append(w.text, " with an admission certificate: not billed, no justified absence day used"...)
		return w.keep(out, i, start), nil
	}
	// Source: seed 004 §3.4.2 — justified absence days are used by the
	// duration of the absence; beyond them the day is unjustified.
	useRule := rule("absence.justified", srcSeed004Absent+"; "+srcFAQRespijt)
	used := min(absent, w.balance())
	if used > 0 {
		w.used += used
		mv := Movement{Date: f.Date, Days: out.Absent, Balance: decimal.New(w.balance(), -4), Rule: useRule}
		if used != absent {
			mv.Days = w.unitsDecimal(used)
		}
		rs := len(w.text)
		w.text = appendUnits(w.text, absent)
		w.text = append(w.text, " absent of a reserved "...)
		w.text = append(w.text, f.Reserved...)
		w.text = append(w.text, " day"...)
		w.spans = append(w.spans, span{i: len(w.movements), movement: true, start: rs, end: len(w.text)})
		w.movements = append(w.movements, mv)
		out.Used = mv.Days
		start = len(w.text)
	}
	unjustified := absent - used
	if unjustified != 0 {
		out.Unjustified = w.unitsDecimal(unjustified)
	}
	switch {
	case f.Attended != tariff.BandNone:
		out.Kind = KindPartlyPresent
		out.Rule = rule("absence.partly_present", srcSeed004Ill)
	case unjustified == 0:
		out.Kind = KindJustified
		out.Rule = useRule
	default:
		out.Kind = KindUnjustified
		out.Rule = rule("absence.unjustified", srcSeed004Absent+"; "+srcFAQMaxCap)
	}
	w.text = f.Date.AppendText(w.text)
	w.text = append(w.text, ": "...)
	w.text = appendUnits(w.text, absent)
	w.text = append(w.text, " of a reserved "...)
	w.text = append(w.text, f.Reserved...)
	w.text = append(w.text, " day absent (attended: "...)
	w.text = append(w.text, f.Attended...)
	w.text = append(w.text, "); "...)
	w.text = appendUnits(w.text, used)
	w.text = append(w.text, " covered by justified absence days, "...)
	w.text = appendUnits(w.text, unjustified)
	w.text = append(w.text, " unjustified; "...)
	w.text = appendUnits(w.text, w.balance())
	w.text = append(w.text, " left"...)
	if abs != nil && abs.Hospital && !abs.AdmissionCertificate {
		w.text = append(w.text, "; a hospital visit without an admission certificate counts as an ordinary absence"...)
	}

	late := abs != nil && w.late[f.Absence]
	if late && w.lateThrough != nil && !w.lateThrough[f.Absence].IsZero() && f.Date.After(w.lateThrough[f.Absence]) {
		// Source: seed 004 §3.4.2 read day by day (SuddenEachDay) — "voor
		// het afgesproken beginuur": this day was told before it started.
		late = false
		w.text = append(w.text, "; reported before this day's agreed start time: no late-notice fee"...)
	}
	needLateFee := (abs == nil && f.Attended == tariff.BandNone) || late
	if unjustified == 0 && !needLateFee {
		return w.keep(out, i, start), nil
	}
	t, err := w.tariffOn(f.Date)
	if err != nil {
		return DayOutcome{}, err
	}
	out.Tariff = t
	maxT, err := w.amount(f.Date, tariff.Maximum)
	if err != nil {
		return DayOutcome{}, err
	}
	if unjustified != 0 {
		var charge tariff.Money
		var err error
		if f.Value == nil {
			charge, err = unjustifiedCharge(out, w.p, w.table, maxT.Value)
		} else {
			var v tariff.Money
			if v, err = f.Value(out.Tariff); err == nil {
				charge, err = valueCharge(out, w.p, v, maxT.Value)
			}
		}
		if err != nil {
			return DayOutcome{}, err
		}
		out.Charge = charge
	}
	if needLateFee {
		// Source: seed 004 §3.4.2 — 25 % of the tariff, at least the minimum
		// contribution, per reserved day; never above the maximum tariff.
		fee := tariff.PercentFee{Percent: w.p.LateFeeShare, Cap: maxT.Value, Rule: rule("absence.late_notice", srcSeed004Late)}
		if w.p.LateFeeFloor {
			minT, err := w.amount(f.Date, tariff.StandardMinimum)
			if err != nil {
				return DayOutcome{}, err
			}
			fee.Floor = minT.Value
		}
		fa, err := fee.Of(out.Tariff)
		if err != nil {
			return DayOutcome{}, err
		}
		out.LateFee, out.LateFeeRule = fa.Amount, fee.Rule
		if abs == nil {
			w.text = append(w.text, "; absent without any report: late-notice fee"...)
		} else {
			w.text = append(w.text, "; reported too late: late-notice fee"...)
		}
		// Source: Opgroeien's model house rules (baby's en peuters) — what is
		// charged for an unjustified absent reserved day is never more than
		// the maximum tariff; a policy knob (CapDayAtMaximum).
		if w.p.CapDayAtMaximum {
			if sum, err := out.Charge.Add(out.LateFee); err == nil && sum.Cmp(maxT.Value.Money()) > 0 {
				room, _ := maxT.Value.Money().Sub(out.Charge) // the charge is at most the maximum
				out.LateFee = room
				w.text = append(w.text, ", less what takes the day past the maximum tariff"...)
			}
		}
	}
	return w.keep(out, i, start), nil
}

// Present records reserved day f as Day would when the child was present —
// the organiser open, within the care, the attended band at least the
// reserved one — and reports true; otherwise it records nothing and reports
// false, and the caller asks Day. It is Day without the outcome to copy: a
// walk over a month of days present costs little more than the days.
func (w *Walk) Present(f ReservedDay) bool {
	if f.Closed != nil || !w.lastDay.IsZero() && f.Date.After(w.lastDay) ||
		w.values[bandIndex(f.Attended)].units < w.values[bandIndex(f.Reserved)].units {
		return false
	}
	w.out = append(w.out, presentOutcome(f))
	return true
}

// presentOutcome is the outcome of reserved day f when the child was
// present.
func presentOutcome(f ReservedDay) DayOutcome {
	// Source: seed 004 §3.4.2 — a reserved day attended is care, not an
	// absence.
	return DayOutcome{Date: f.Date, Kind: KindPresent, Reserved: f.Reserved, Attended: f.Attended, Absence: f.Absence,
		Absent: decimal.Zero, Used: decimal.Zero, Unjustified: decimal.Zero,
		Rule: plan.Rule{ID: "absence.present", Source: srcSeed004Absent}, Explanation: "present: attended at least the reserved band"}
}

// keep records outcome i with the text since start.
func (w *Walk) keep(out DayOutcome, i, start int) DayOutcome {
	w.say(i, start)
	w.out = append(w.out, out)
	return out
}

// amount returns the year's amount of kind, looked up once (with its error,
// dated d, as AmountTable.On gives it).
func (w *Walk) amount(d plan.Date, kind tariff.AmountKind) (tariff.Amount, error) {
	switch kind {
	case tariff.Maximum:
		if !w.haveMax {
			w.max, w.maxErr, w.haveMax = lookup(w.amounts, d, kind)
		}
		return w.max, w.maxErr
	default:
		if !w.haveMin {
			w.min, w.minErr, w.haveMin = lookup(w.amounts, d, kind)
		}
		return w.min, w.minErr
	}
}

// Amounts returns the year's amounts the walk looked up for a charge or a
// fee (the maximum tariff, then the minimum contribution), those it found:
// what the month's money depends on, each with its source and whether it
// is confirmed.
func (w *Walk) Amounts() []tariff.Amount {
	var out []tariff.Amount
	if w.haveMax && w.maxErr == nil {
		out = append(out, w.max)
	}
	if w.haveMin && w.minErr == nil {
		out = append(out, w.min)
	}
	return out
}

func lookup(t tariff.AmountTable, d plan.Date, kind tariff.AmountKind) (tariff.Amount, error, bool) {
	a, err := t.On(d, kind)
	return a, err, true
}

// Finish returns the outcomes of the days walked, in order and with their
// explanations, and the ledger after them.
func (w *Walk) Finish() ([]DayOutcome, Ledger) {
	end := w.ledger
	if len(w.movements) > 0 {
		end.Used = decimal.New(w.used, -4)
		end.Movements = append(slices.Clip(w.ledger.Movements), w.movements...)
	}
	all := string(w.text) // one allocation for every explanation; none when empty
	for _, s := range w.spans {
		if s.movement {
			end.Movements[len(w.ledger.Movements)+s.i].Reason = all[s.start:s.end]
		} else {
			w.out[s.i].Explanation = all[s.start:s.end]
		}
	}
	return w.out, end
}
