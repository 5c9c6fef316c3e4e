package tariff

import (
	"fmt"

	"github.com/kinderopvang/regels/plan"
)

// AttestBook is the attests of one child and the rules for days no attest
// covers.
type AttestBook struct {
	Attests []Attest `json:"attests"`
	// GraceDays is how long after an attest's end the family may deliver the
	// next one (house rules Zorg Leuven §3.1, seed 004: 25 days). Delivered in
	// time, the new tariff connects to the old end; later, the gap costs the
	// maximum.
	GraceDays int `json:"grace_days"`
	// MaximumWhenMissing applies the year's maximum tariff on days no attest
	// covers once the grace period has passed (a STATUTORY option the
	// organiser takes; house rules Zorg Leuven §3.1, seed 004, do). Without it
	// such days are an error. A day before the child's first attest is one
	// only when that attest was delivered after it: delivered by then, the
	// attest should have started earlier (AttestStart), and the day is an
	// error naming the attest's start; without the day it was delivered, an
	// error asking for it.
	MaximumWhenMissing bool `json:"maximum_when_missing"`
}

// Seed004AttestBook returns an AttestBook with the attests and the gap rules
// of the house rules Zorg Leuven §3.1 (seed 004): 25 days' grace, then the
// maximum tariff.
func Seed004AttestBook(attests ...Attest) AttestBook {
	return AttestBook{Attests: attests, GraceDays: 25, MaximumWhenMissing: true}
}

// Basis says why a tariff applies on a day.
type Basis string

// The bases.
const (
	BasisAttest  Basis = "attest"  // an attest covers the day
	BasisConnect Basis = "connect" // a gap bridged by the next attest, delivered within the grace period
	BasisMaximum Basis = "maximum" // the maximum tariff, no valid attest
)

// Applied is the tariff in force over a run of consecutive days.
type Applied struct {
	Period plan.Period `json:"period"`
	Tariff Tariff      `json:"tariff"`
	Kind   AttestKind  `json:"kind"`
	Basis  Basis       `json:"basis"`
	// Attest is the index in AttestBook.Attests of the attest behind the
	// tariff; -1 for the maximum.
	Attest      int       `json:"attest"`
	Rule        plan.Rule `json:"rule"`
	Explanation string    `json:"explanation"`
}

// MaxGraceDays is the longest grace period an attest book takes: a year.
const MaxGraceDays = 366

// Validate reports every problem of the book: invalid attests, attests that
// cover the same day, a grace period below 0 or above MaxGraceDays.
func (b AttestBook) Validate() error {
	var ps plan.Problems
	// A grace of more than a year is no house rule anyone means (seed 004:
	// 25 days): a typing error, and past the calendar's end it would bill
	// the maximum for an attest delivered in time.
	if b.GraceDays < 0 || b.GraceDays > MaxGraceDays {
		ps = append(ps, plan.Problem{Code: plan.CodeInvalidValue, Field: "grace_days", Message: fmt.Sprintf("grace of %d days is out of range (0–%d days)", b.GraceDays, MaxGraceDays)})
	}
	for i, a := range b.Attests {
		for _, p := range plan.AsProblems(a.Validate()) {
			p.Field = fmt.Sprintf("attests[%d].%s", i, p.Field)
			ps = append(ps, p)
		}
		for j := 0; j < i; j++ {
			if in, ok := a.Valid.Intersect(b.Attests[j].Valid); ok {
				ps = append(ps, plan.Problem{Code: plan.CodeOverlap, Field: fmt.Sprintf("attests[%d].valid", i), Date: in.Start,
					Message: fmt.Sprintf("attest %s overlaps attests[%d] (%s) on %s", a.Valid, j, b.Attests[j].Valid, in)})
			}
		}
	}
	return ps.Err()
}

// On returns the tariff in force on day d, deciding gaps as of day asOf
// (the day the invoice is made: a gap still within its grace period cannot
// be priced yet). amounts supplies the maximum tariff.
func (b AttestBook) On(d, asOf plan.Date, amounts AmountTable) (Applied, error) {
	if err := b.Validate(); err != nil {
		return Applied{}, err
	}
	return b.on(d, asOf, amounts, true)
}

// on decides day d; explain says whether to write the Explanation (the
// costly part), which Segments does once per segment.
func (b AttestBook) on(d, asOf plan.Date, amounts AmountTable, explain bool) (Applied, error) {
	one := plan.Period{Start: d, End: d}
	prev, next := -1, -1
	for i, a := range b.Attests {
		switch {
		case a.Valid.Contains(d):
			res := Applied{Period: one, Tariff: a.Daily, Kind: a.Kind, Basis: BasisAttest, Attest: i,
				Rule: plan.Rule{ID: "tariff.attest", Source: srcAttestStart}}
			if explain {
				// One buffer: "attest K (regular) valid 2025-01-01..2025-12-31".
				e := make([]byte, 0, 48+len(a.ChildCode)+len(a.Kind))
				e = append(e, "attest "...)
				e = append(e, a.ChildCode...)
				e = append(e, " ("...)
				e = append(e, a.Kind...)
				e = append(e, ") valid "...)
				e = a.Valid.Start.AppendText(e)
				e = append(e, ".."...)
				e = a.Valid.End.AppendText(e)
				res.Explanation = string(e)
			}
			return res, nil
		case a.Valid.End.Before(d) && (prev < 0 || a.Valid.End.After(b.Attests[prev].Valid.End)):
			prev = i
		case a.Valid.Start.After(d) && (next < 0 || a.Valid.Start.Before(b.Attests[next].Valid.Start)):
			next = i
		}
	}
	// A day no attest covers.
	if prev >= 0 {
		graceEnd := b.Attests[prev].Valid.End.AddDays(b.GraceDays)
		if graceEnd.IsZero() {
			graceEnd = plan.MustParseDate("9999-12-31") // the grace outlasts the calendar
		}
		if next >= 0 {
			n := b.Attests[next]
			if n.Delivered.IsZero() {
				return Applied{}, plan.Problem{Code: plan.CodeMissing, Field: fmt.Sprintf("attests[%d].delivered", next), Date: d,
					Message: fmt.Sprintf("no attest covers %s; to decide the gap, the day attest %s was delivered is needed", d, n.Valid)}
			}
			// Source: house rules Zorg Leuven §3.1 (seed 004) (deliver within
			// 25 days) and the Opgroeien FAQ: the recalculation's start
			// connects to the old end.
			if !n.Delivered.After(graceEnd) {
				res := Applied{Period: one, Tariff: n.Daily, Kind: n.Kind, Basis: BasisConnect, Attest: next,
					Rule: plan.Rule{ID: "tariff.attest.grace", Source: srcSeed004Grace + "; " + srcFAQGap}}
				if explain {
					res.Explanation = fmt.Sprintf("no attest covers %s; the next attest (from %s) was delivered on %s, within %d days of the old end %s, so its tariff connects to that end",
						d, n.Valid.Start, n.Delivered, b.GraceDays, b.Attests[prev].Valid.End)
				}
				return res, nil
			}
		} else if asOf.IsZero() || !asOf.After(graceEnd) {
			return Applied{}, plan.Problem{Code: CodeNoTariff, Field: "attests", Date: d,
				Message: fmt.Sprintf("no attest covers %s; the family has until %s (%d days after the old end %s) to deliver a new one",
					d, graceEnd, b.GraceDays, b.Attests[prev].Valid.End)}
		}
	}
	// A day before the child's first attest, which the family had already
	// delivered: the attest does not start as the rule says — not a day
	// without an attest, to be billed the maximum.
	if prev < 0 && next >= 0 {
		n := b.Attests[next]
		if n.Delivered.IsZero() {
			return Applied{}, plan.Problem{Code: plan.CodeMissing, Field: fmt.Sprintf("attests[%d].delivered", next), Date: d,
				Message: fmt.Sprintf("no attest covers %s, before the first attest (from %s); to decide whether the family had delivered it (then it should start earlier, on the first day of the month the child first attends alone) or not (then the maximum tariff may apply), the day it was delivered is needed", d, n.Valid.Start)}
		}
		if !n.Delivered.After(d) {
			// Source: Opgroeien (Subsidiebesluit of 22 November 2013) — the
			// attest starts on the first day of the month in which the child
			// first attends without the parent (AttestStart); seed 004 §3.1
			// — the maximum is for a family that does not deliver ("Doe je
			// dit niet, zal de dienst een attest met maximumtarief aanmaken").
			return Applied{}, plan.Problem{Code: CodeNoTariff, Field: fmt.Sprintf("attests[%d].valid.start", next), Date: d,
				Rule: plan.Rule{ID: "tariff.attest.start", Source: srcAttestStart + "; " + srcSeed004Grace},
				Message: fmt.Sprintf("no attest covers %s, before the first attest (from %s), which was delivered on %s: an attest starts on the first day of the month in which the child first attends without the parent (%s if care began that month); give the attest from then, or an attest of the maximum tariff for these days if that is what applies",
					d, n.Valid.Start, n.Delivered, AttestStart(d))}
		}
	}
	if !b.MaximumWhenMissing {
		return Applied{}, plan.Problem{Code: CodeNoTariff, Field: "attests", Date: d,
			Message: fmt.Sprintf("no attest covers %s and the organiser does not apply the maximum tariff", d)}
	}
	// Source: Opgroeien FAQ (an attest with the maximum tariff for the
	// period between two attests) and house rules Zorg Leuven §3.1 (seed 004).
	mx, err := amounts.On(d, Maximum)
	if err != nil {
		return Applied{}, err
	}
	res := Applied{Period: one, Tariff: mx.Value, Kind: AttestMaximum, Basis: BasisMaximum, Attest: -1,
		Rule: plan.Rule{ID: "tariff.attest.maximum", Source: srcSeed004Grace + "; " + srcFAQGap}}
	if explain {
		res.Explanation = fmt.Sprintf("no valid attest on %s and none delivered within the grace period: the maximum tariff of %d (%s)", d, d.Year(), mx.Value)
	}
	return res, nil
}

// Segments returns the tariffs in force over period p as runs of
// consecutive days with the same tariff, basis and attest, in order; they
// cover each day of p exactly once. A change in mid-month gives two
// segments.
func (b AttestBook) Segments(p plan.Period, asOf plan.Date, amounts AmountTable) ([]Applied, error) {
	if err := b.Validate(); err != nil {
		return nil, err
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	var out []Applied
	for d := p.Start; !d.After(p.End); d = d.AddDays(1) {
		a, err := b.on(d, asOf, amounts, false)
		if err != nil {
			return nil, err
		}
		// Attests do not overlap (Validate): the days up to the end of the
		// attest in force, or of p, are its.
		to := d
		if a.Basis == BasisAttest {
			to = minDate(b.Attests[a.Attest].Valid.End, p.End)
		}
		if n := len(out); n > 0 {
			last := &out[n-1]
			if last.Attest == a.Attest && last.Basis == a.Basis && last.Tariff.Equal(a.Tariff) && last.Period.End.AddDays(1) == d {
				last.Period.End = to
				d = to
				continue
			}
		}
		if a, err = b.on(d, asOf, amounts, true); err != nil { // explain the segment's first day
			return nil, err
		}
		a.Period.End = to
		out = append(out, a)
		d = to
	}
	return out, nil
}

// minDate returns the earlier of a and b.
func minDate(a, b plan.Date) plan.Date {
	if a.Before(b) {
		return a
	}
	return b
}
