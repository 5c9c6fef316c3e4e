package absence

import (
	"fmt"
	"slices"
	"time"

	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
	"github.com/shopspring/decimal"
)

// Kind classifies a reserved day.
type Kind string

// The kinds of reserved day.
const (
	KindPresent       Kind = "present"        // attended at least the reserved band
	KindClosed        Kind = "closed"         // the organiser was closed: free, uses nothing
	KindHospital      Kind = "hospital"       // in hospital with an admission certificate: free, uses nothing
	KindJustified     Kind = "justified"      // absent, covered by justified absence days
	KindUnjustified   Kind = "unjustified"    // absent beyond the justified days (in part or whole): charged
	KindPartlyPresent Kind = "partly_present" // present part of the day (sent home ill); the rest is an absence
	KindEnded         Kind = "ended"          // after the last day of care (a notice): neither care nor absence
)

// Input is what classifying a period's reserved days needs.
type Input struct {
	// Period is the days to process, usually a month; all in one year.
	Period plan.Period `json:"period"`
	// Plan is the care plan; Plans, when set instead, are the plans in
	// force one after the other (a plan change in the period), which must
	// not overlap.
	Plan     plan.Plan       `json:"plan,omitzero"`
	Plans    []plan.Plan     `json:"plans,omitempty"`
	Calendar plan.Calendar   `json:"calendar"`
	Child    tariff.Child    `json:"child"`
	Location tariff.Location `json:"location"`
	// Classifier bands reserved and attended days; the zero value means
	// tariff.StatutoryClassifier().
	Classifier tariff.Classifier `json:"classifier"`
	// Sessions are the child's attendance (check-in, check-out).
	Sessions []plan.Session `json:"sessions,omitempty"`
	// Absences are the absences reported, or known to the organiser.
	Absences []Absence `json:"absences,omitempty"`
	// Attests, Amounts and AsOf price unjustified days and late-notice fees
	// (see tariff.AttestBook.On).
	Attests tariff.AttestBook  `json:"attests"`
	Amounts tariff.AmountTable `json:"amounts"`
	AsOf    plan.Date          `json:"as_of"`
	// LastDayOfCare, when set, is the last day of care (the last day of a
	// notice): the reserved days after it are KindEnded — neither care nor
	// absence, no justified absence day used, no late-notice fee (seed 004
	// §6.2.1: the notice fee covers them, priced by the invoice).
	LastDayOfCare plan.Date `json:"last_day_of_care,omitzero"`
}

// DayOutcome is the verdict on one reserved day.
type DayOutcome struct {
	Date     plan.Date   `json:"date"`
	Kind     Kind        `json:"kind"`
	Reserved tariff.Band `json:"reserved"`
	Attended tariff.Band `json:"attended"`
	// Absent is the part of the day absent, in days (reserved value −
	// attended value); Used of it was covered by justified absence days and
	// Unjustified was not.
	Absent      decimal.Decimal `json:"absent"`
	Used        decimal.Decimal `json:"used"`
	Unjustified decimal.Decimal `json:"unjustified"`
	// Tariff is the daily tariff in force, when a charge needed it.
	Tariff tariff.Tariff `json:"tariff,omitzero"`
	// Charge is what the unjustified part costs (0 when none), at most the
	// year's maximum tariff.
	Charge tariff.Money `json:"charge"`
	// LateFee is the fee for an absence reported late or never (0 when
	// none).
	LateFee tariff.Money `json:"late_fee"`
	// Absence is the index of the reported absence covering the day, -1
	// when none.
	Absence int             `json:"absence"`
	Closed  *plan.ClosedDay `json:"closed,omitempty"`
	// Rule names the rule behind Kind; LateFeeRule the one behind LateFee.
	Rule        plan.Rule `json:"rule"`
	LateFeeRule plan.Rule `json:"late_fee_rule,omitzero"`
	Explanation string    `json:"explanation"`
}

// Result is the classification of a period.
type Result struct {
	Period  plan.Period   `json:"period"`
	Days    []DayOutcome  `json:"days"`
	Notices []NoticeCheck `json:"notices,omitempty"`
	// Amounts are the year's amounts the charges and fees looked up (the
	// maximum tariff, the minimum contribution), with their sources and
	// whether they are confirmed.
	Amounts []tariff.Amount `json:"amounts,omitempty"`
	// Start and End are the ledger before and after the period.
	Start Ledger `json:"start"`
	End   Ledger `json:"end"`
}

// Process classifies every reserved day of in.Period, in date order, using
// justified absence days from ledger, and returns the outcome and the
// ledger after the period. Processing a year month by month, passing each
// month's Result.End to the next, gives the same ledger as processing the
// year at once.
//
// A reserved day is present when the attended band is worth at least the
// reserved band. Otherwise the absent part (in days, by the policy's day
// values: half a day absent on a full day uses 0.5 — seed 004 §3.4.2) is
// free on a closing day or a hospital stay with an admission certificate,
// covered by justified absence days while they last, and charged beyond
// that: the policy's share of the tariff on the part of the reserved band
// not attended, never more than the year's maximum tariff. A day partly
// attended (the child sent home ill, seed 004 §2.4) is billed for the
// attended band by the invoice, and its rest is the absence.
//
// Every reported absence is checked against the notice rules; a reserved
// day of an absence reported late, or a day absent without any report, also
// costs the late fee (not on hospital days, which are never billed).
//
// Process reports every input error at once: invalid or overlapping
// sessions and absences, an absence without any reserved day, a planned
// absence reported after it started, a period outside the ledger's year.
func Process(in Input, ledger Ledger, p Policy) (Result, error) {
	if err := p.Validate(); err != nil {
		return Result{}, err
	}
	if ps := in.validate(ledger); len(ps) > 0 {
		return Result{}, ps
	}
	cls := in.Classifier
	if len(cls.Table.BabyToddler) == 0 && len(cls.Table.SchoolAge) == 0 {
		cls = tariff.StatutoryClassifier()
	}
	res := Result{Period: in.Period, Start: ledger}
	planned := plannedDays(in.plans(), in.Period, in.Calendar)
	notices, late, err := CheckNotices(in.Absences, in.plans(), in.Calendar, p, in.LastDayOfCare)
	if err != nil {
		return Result{}, err
	}
	res.Notices = notices
	w, err := NewWalk(WalkInput{Policy: p, Ledger: ledger, Table: cls.Table, Absences: in.Absences, Late: late, Notices: notices,
		Tariff: func(d plan.Date) (tariff.Tariff, error) {
			a, err := in.Attests.On(d, in.AsOf, in.Amounts)
			return a.Tariff, err
		}, Amounts: in.Amounts, LastDayOfCare: in.LastDayOfCare})
	if err != nil {
		return Result{}, err
	}
	idx := plan.NewSessionIndex(in.Sessions)
	for _, pd := range planned {
		frame := tariff.NewDay(pd.Date, nil)
		group := in.Child.GroupOn(pd.Date)
		var buf [4]plan.Session
		reservedSessions := buf[:0]
		for _, sl := range pd.Slots {
			reservedSessions = append(reservedSessions, plan.Session{In: frame.At(sl.Start), Out: frame.At(sl.End)})
		}
		reserved, err := cls.Classify(frame, reservedSessions, group, in.Location)
		if err != nil {
			return Result{}, err
		}
		attended, err := cls.Classify(frame, idx.Overlapping(frame.Start, frame.End), group, in.Location)
		if err != nil {
			return Result{}, err
		}
		f := ReservedDay{Date: pd.Date, Reserved: reserved.Band, Attended: attended.Band, Closed: pd.Closed, Absence: AbsenceOn(in.Absences, pd.Date)}
		if w.Present(f) {
			continue
		}
		if _, err := w.Day(f); err != nil {
			return Result{}, err
		}
	}
	res.Days, res.End = w.Finish()
	res.Amounts = w.Amounts()
	return res, nil
}

// valueCharge prices the unjustified part of a day whose part not attended
// is worth v: the policy's share of v in proportion to the part not
// covered, capped at the maximum tariff.
func valueCharge(out DayOutcome, p Policy, v tariff.Money, maxT tariff.Tariff) (tariff.Money, error) {
	charge, err := tariff.NewMoney(p.UnjustifiedShare.Mul(v.Decimal()).Mul(out.Unjustified).DivRound(out.Absent, 2))
	if err != nil {
		return tariff.Money{}, err
	}
	// Source: Opgroeien FAQ — never more than the statutory maximum tariff.
	if charge.Cmp(maxT.Money()) > 0 {
		charge = maxT.Money()
	}
	return charge, nil
}

// unjustifiedCharge prices the unjustified part of a day: the policy's
// share of the tariff on the part of the reserved band not attended, in
// proportion to the part not covered, capped at the maximum tariff.
func unjustifiedCharge(out DayOutcome, p Policy, tbl tariff.BandTable, maxT tariff.Tariff) (tariff.Money, error) {
	sR, err := tbl.ShareOf(out.Reserved)
	if err != nil {
		return tariff.Money{}, err
	}
	sA, err := tbl.ShareOf(out.Attended)
	if err != nil {
		return tariff.Money{}, err
	}
	share := p.UnjustifiedShare.Mul(sR.Sub(sA)).Mul(out.Unjustified)
	charge, err := tariff.NewMoney(share.Mul(out.Tariff.Decimal()).DivRound(out.Absent, 2))
	if err != nil {
		return tariff.Money{}, err
	}
	// Source: Opgroeien FAQ — never more than the statutory maximum tariff.
	if charge.Cmp(maxT.Money()) > 0 {
		charge = maxT.Money()
	}
	return charge, nil
}

// plans returns the plans in force: Plans, or Plan alone.
func (in *Input) plans() []plan.Plan {
	if len(in.Plans) > 0 {
		return in.Plans
	}
	return []plan.Plan{in.Plan}
}

// plannedDays returns what the plans (which do not overlap) would reserve
// in p, in date order.
func plannedDays(plans []plan.Plan, p plan.Period, c plan.Calendar) []plan.PlannedDay {
	if len(plans) == 1 {
		return plans[0].Days(p, c)
	}
	var out []plan.PlannedDay
	for _, pl := range plans {
		out = append(out, pl.Days(p, c)...)
	}
	slices.SortFunc(out, func(a, b plan.PlannedDay) int { return a.Date.Compare(b.Date) })
	return out
}

// noticeRuleID is the rule ID of a notice verdict of kind k (one of the
// three kinds Deadline gives), without building the string.
func noticeRuleID(k NoticeKind) string {
	switch k {
	case NoticeSudden:
		return "absence.notice." + string(NoticeSudden)
	case NoticePlannedShort:
		return "absence.notice." + string(NoticePlannedShort)
	}
	return "absence.notice." + string(NoticePlannedLong)
}

// firstReserved returns the first day of p that one of plans (which do not
// overlap) reserves and on which calendar c is open, with its slots.
func firstReserved(plans []plan.Plan, p plan.Period, c plan.Calendar) (plan.PlannedDay, bool) {
	// Most absences start on a reserved day or a few days before one: the
	// first week day by day, the rest (a long absence) by walking each plan.
	for range 7 {
		if p.IsEmpty() {
			return plan.PlannedDay{}, false
		}
		if pd, ok := reservedOn(plans, p.Start, c); ok {
			return pd, true
		}
		if p.Start = p.Start.AddDays(1); p.Start.IsZero() {
			return plan.PlannedDay{}, false // past 9999-12-31
		}
	}
	var first plan.PlannedDay
	for _, pl := range plans {
		for d, slots := range pl.Slots(p) {
			if !first.Date.IsZero() && !d.Before(first.Date) {
				break
			}
			if _, closed := c.IsClosed(d); !closed {
				first = plan.PlannedDay{Date: d, Slots: slots}
				break
			}
		}
	}
	return first, !first.Date.IsZero()
}

// AbsenceOn returns the index of the absence in as covering d, or -1.
func AbsenceOn(as []Absence, d plan.Date) int {
	for i, a := range as {
		if a.Period.Contains(d) {
			return i
		}
	}
	return -1
}

// CheckNotices checks how each absence was reported (seed 004 §3.4.2)
// under plans (the plans in force, one after the other) and calendar c:
// one NoticeCheck per absence, in order, against its first reserved day,
// and per absence whether it was reported late or never. An absence whose
// reserved days all lie after lastDay (a notice's last day of care; zero
// for none) needs no notice and has none. An absence without any reserved
// open day is an error (CodeNotReserved), every one at once.
func CheckNotices(absences []Absence, plans []plan.Plan, c plan.Calendar, p Policy, lastDay plan.Date) ([]NoticeCheck, []bool, error) {
	out := make([]NoticeCheck, 0, len(absences))
	late := make([]bool, len(absences))
	var ps plan.Problems
	for i, a := range absences {
		chk, ok, err := checkNotice(i, a, plans, c, p, lastDay)
		if err != nil {
			ps = append(ps, plan.AsProblems(err)...)
			continue
		}
		if ok {
			late[i] = !chk.InTime
			out = append(out, chk)
		}
	}
	if len(ps) > 0 {
		return nil, nil, ps
	}
	return out, late, nil
}

// checkNotice checks how absence i was reported; ok is false for an
// absence wholly after the last day of care, which needs no notice.
func checkNotice(i int, a Absence, plans []plan.Plan, c plan.Calendar, p Policy, lastDay plan.Date) (NoticeCheck, bool, error) {
	first, ok := firstReserved(plans, a.Period, c)
	if !ok {
		return NoticeCheck{}, false, plan.Problem{Code: CodeNotReserved, Field: fmt.Sprintf("absences[%d]", i), Date: a.Period.Start,
			Message: fmt.Sprintf("absence %s covers no reserved day on which the organiser is open", a.Period)}
	}
	if !lastDay.IsZero() && first.Date.After(lastDay) {
		return NoticeCheck{}, false, nil
	}
	// The agreed start time matters to a sudden absence only.
	var start time.Time
	if a.Sudden {
		start = agreedStart(first)
	}
	kind, deadline, why := p.Notice.Deadline(a, plans, first.Date, start, c, nil)
	chk := NoticeCheck{Absence: i, Kind: kind, FirstDay: first.Date, Deadline: deadline, ReportedAt: a.ReportedAt,
		InTime: !a.ReportedAt.IsZero() && !a.ReportedAt.After(deadline),
		Rule:   plan.Rule{ID: noticeRuleID(kind), Source: srcSeed004Notify}, Explanation: why}
	if a.Sudden && p.Notice.Sudden == SuddenEachDay && !chk.InTime && !a.ReportedAt.IsZero() {
		if chk.LateThrough = lateThrough(a, first, plans, c, lastDay); !chk.LateThrough.IsZero() {
			chk.Explanation += "; each reserved day is due before its own agreed start time: reported late for the days through " + chk.LateThrough.String() +
				", in time for the days after it"
		}
	}
	// Source: seed 004 §3.4.2 — a planned absence is announced days or
	// weeks ahead; one reported after it started was not: late notice, the
	// fee per reserved day (not an invalid input).
	switch {
	case a.ReportedAt.IsZero():
		chk.Explanation += "; never reported"
	case !a.Sudden && !chk.InTime && !a.ReportedAt.Before(dayStartOf(a.Period.Start)):
		chk.Explanation += fmt.Sprintf("; reported on %s, after the planned absence started: late", a.ReportedAt.Format(time.RFC3339))
	}
	return chk, true, nil
}

// agreedStart is the agreed start time of reserved day pd: the start of its
// earliest slot.
func agreedStart(pd plan.PlannedDay) time.Time {
	start := pd.Slots[0].Session(pd.Date, nil).In
	for _, s := range pd.Slots[1:] {
		if at := s.Session(pd.Date, nil).In; at.Before(start) {
			start = at
		}
	}
	return start
}

// lateThrough returns the last reserved day of sudden absence a (first
// reserved on first, reported late) whose agreed start time had passed when
// it was reported, when a later reserved day of it, up to the last day of
// care, was reported in time; zero when none was.
//
// Source: seed 004 §3.4.2 read day by day (SuddenEachDay) — "verwittig je
// de onthaalouder voor het afgesproken beginuur": a day reported before its
// start time was told in time.
func lateThrough(a Absence, first plan.PlannedDay, plans []plan.Plan, c plan.Calendar, lastDay plan.Date) plan.Date {
	end := a.Period.End
	if !lastDay.IsZero() && lastDay.Before(end) {
		end = lastDay
	}
	// Days in order start in order: the days reported late are the first
	// ones, up to the last that started before the report — on the report's
	// day at the latest, and not after the last day a plan reserves. Found
	// from there backwards, so a long absence reported late costs the days
	// around the report, not every day of it.
	from := plan.DateOf(a.ReportedAt.In(plan.Brussels()))
	if from.After(end) {
		from = end
	}
	if last := lastPlanned(plans); !last.IsZero() && last.Before(from) {
		from = last
	}
	through := first.Date
	for d := from; d.After(first.Date); d = d.AddDays(-1) {
		if pd, ok := reservedOn(plans, d, c); ok && a.ReportedAt.After(agreedStart(pd)) {
			through = d
			break
		}
	}
	// Some later reserved day was reported in time, or none is.
	if next := through.AddDays(1); next.IsZero() || next.After(end) {
		return plan.Date{}
	} else if _, ok := firstReserved(plans, plan.Period{Start: next, End: end}, c); !ok {
		return plan.Date{}
	}
	return through
}

// reservedOn returns day d as one of plans reserves it with calendar c
// open, and whether one does.
func reservedOn(plans []plan.Plan, d plan.Date, c plan.Calendar) (plan.PlannedDay, bool) {
	for i := range plans {
		if pd := plans[i].Day(d, c); pd.IsReserved() {
			return pd, true
		}
	}
	return plan.PlannedDay{}, false
}

// lastPlanned returns the last day any of plans runs, zero when one runs
// on without an end.
func lastPlanned(plans []plan.Plan) plan.Date {
	var last plan.Date
	for _, p := range plans {
		l := p.LastDay()
		if l.IsZero() {
			return plan.Date{}
		}
		if l.After(last) {
			last = l
		}
	}
	return last
}

// dayStartOf is the instant day d starts in Brussels.
func dayStartOf(d plan.Date) time.Time {
	return plan.DayStart(d, nil)
}

// validate reports every malformed input at once.
func (in *Input) validate(l Ledger) plan.Problems {
	var ps plan.Problems
	if err := in.Period.Validate(); err != nil {
		ps = append(ps, plan.AsProblems(err)...)
	} else if in.Period.Start.Year() != l.Year || in.Period.End.Year() != l.Year {
		ps = append(ps, plan.Problem{Code: plan.CodeInvalidValue, Field: "period", Date: in.Period.Start,
			Message: fmt.Sprintf("period %s is not within the ledger's year %d: process each year with its own ledger", in.Period, l.Year)})
	}
	if len(in.Plans) == 0 {
		if err := in.Plan.Validate(plan.Facts{}); err != nil {
			for _, p := range plan.AsProblems(err) {
				p.Field = "plan." + p.Field
				ps = append(ps, p)
			}
		}
	}
	for i, pl := range in.Plans {
		for _, p := range plan.AsProblems(pl.Validate(plan.Facts{})) {
			p.Field = fmt.Sprintf("plans[%d].%s", i, p.Field)
			ps = append(ps, p)
		}
		for j := 0; j < i; j++ {
			if in.Plans[j].Period().Overlaps(pl.Period()) {
				ps = append(ps, plan.Problem{Code: plan.CodeOverlap, Field: fmt.Sprintf("plans[%d]", i), Date: pl.Start,
					Message: fmt.Sprintf("plan %s overlaps plans[%d] (%s)", pl.Period(), j, in.Plans[j].Period())})
			}
		}
	}
	if err := plan.ValidateSessions(in.Sessions); err != nil {
		ps = append(ps, plan.AsProblems(err)...)
	}
	return append(ps, plan.AsProblems(ValidateAbsences(in.Absences))...)
}

// ValidateAbsences reports every absence without a valid period and every
// absence that overlaps an earlier one (a day is absent once), with fields
// "absences[i]", in n log n.
func ValidateAbsences(absences []Absence) error {
	var ps plan.Problems
	ok := make([]int, 0, len(absences))
	for i, a := range absences {
		if err := a.Period.Validate(); err != nil {
			for _, p := range plan.AsProblems(err) {
				p.Field = fmt.Sprintf("absences[%d].period", i)
				ps = append(ps, p)
			}
			continue
		}
		ok = append(ok, i)
	}
	slices.SortStableFunc(ok, func(i, j int) int { return absences[i].Period.Start.Compare(absences[j].Period.Start) })
	// Sorted by start, an absence overlaps an earlier one exactly when it
	// starts before the latest end seen so far.
	latest := -1
	for _, i := range ok {
		a := absences[i]
		if latest >= 0 && !a.Period.Start.After(absences[latest].Period.End) {
			ps = append(ps, plan.Problem{Code: plan.CodeOverlap, Field: fmt.Sprintf("absences[%d]", max(i, latest)), Date: a.Period.Start,
				Message: fmt.Sprintf("absence %s overlaps absences[%d] (%s)", absences[max(i, latest)].Period, min(i, latest), absences[min(i, latest)].Period)})
		}
		if latest < 0 || a.Period.End.After(absences[latest].Period.End) {
			latest = i
		}
	}
	return ps.Err()
}
