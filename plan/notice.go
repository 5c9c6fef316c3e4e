package plan

import (
	"fmt"
	"slices"
)

// Party is a party to the written agreement.
type Party string

// The parties.
const (
	Family    Party = "family"
	Organiser Party = "organiser"
)

// Exemption is a reason why a notice need not respect the notice term, and
// no notice fee is owed.
type Exemption string

// The exemptions of seed 004 §6.2 and Opgroeien's model agreement. Which
// party may invoke which is checked by EvaluateNotice.
const (
	NoExemption Exemption = ""
	// ExemptSeriousFault: the other party made a serious fault (zware fout)
	// and it can be proven. Either party.
	ExemptSeriousFault Exemption = "serious_fault"
	// ExemptDetrimentalChange: the family leaves within 2 months of being
	// told of a change of house rules or prices to its disadvantage. Family
	// only; needs Notice.ChangeNotified.
	ExemptDetrimentalChange Exemption = "detrimental_change"
	// ExemptForceMajeure: force majeure (overmacht), e.g. fire or flood.
	// Either party.
	ExemptForceMajeure Exemption = "force_majeure"
	// ExemptPermitWithdrawn: Kind en Gezin withdrew the organiser's permit.
	// Organiser only.
	ExemptPermitWithdrawn Exemption = "permit_withdrawn"
	// ExemptCaregiverPregnancy: pregnancy of the caregiver (onthaalouder).
	// Organiser only.
	ExemptCaregiverPregnancy Exemption = "caregiver_pregnancy"
)

// Notice is the termination of the written agreement by one party (opzeg).
type Notice struct {
	By Party `json:"by"`
	// Given is the day the notice term starts: for the family, the day the
	// caregiver signs the notice for receipt (seed 004 §6.2.1); for the
	// organiser, the day its registered letter is sent (seed 004 §6.2.2).
	Given Date `json:"given"`
	// LastDay is the intended last day of care.
	LastDay Date `json:"last_day"`
	// Exemption, when set, is the reason the term need not be respected.
	Exemption Exemption `json:"exemption,omitempty"`
	// ChangeNotified is the day the family was told of a detrimental change
	// of house rules or prices (for ExemptDetrimentalChange).
	ChangeNotified Date `json:"change_notified,omitzero"`
}

// FeeBasis says which reserved days a notice fee is charged on.
type FeeBasis string

// The fee bases. The house rules (seed 004 §6.2.1) say "25% van je
// inkomenstarief voor 2 maanden [...] voor de gereserveerde dagen", which
// leaves open whether the 2 months are the whole term or only the part not
// respected (OPEN). The default is the shortfall: the reserved days between
// the intended last day and the earliest last day the term allows.
const (
	// FeeOnShortfall charges the reserved days the notice fell short of.
	FeeOnShortfall FeeBasis = "shortfall"
	// FeeOnFullTerm charges the reserved days of a whole term after the
	// intended last day, however short the notice was.
	FeeOnFullTerm FeeBasis = "full_term"
)

// NoticePolicy holds the notice rules. Opgroeien's model agreement requires
// a term that is "redelijk en gelijkwaardig voor beide partijen", so one
// term serves both parties.
type NoticePolicy struct {
	// TermMonths is the notice term, 1–24 (MaxNoticeTermMonths); seed 004:
	// 2 months.
	TermMonths int `json:"term_months"`
	// DetrimentalChangeMonths is the window, after being told of a
	// detrimental change, in which the family may leave without notice,
	// 0–24; seed 004 §6.1: 2 months. 0 means the 2 months of Opgroeien's
	// model agreement ("binnen de twee maanden na de kennisname van de
	// wijziging").
	DetrimentalChangeMonths int `json:"detrimental_change_months"`
	// Basis is which reserved days a fee is charged on (default shortfall).
	Basis FeeBasis `json:"basis"`
	// Source cites where the values come from.
	Source string `json:"source"`
}

// Bounds of a NoticePolicy. The texts set no maximum: Opgroeien's model
// agreement (sources/model-schriftelijke-overeenkomst-baby-peuter.txt,
// "Opzeg van de schriftelijke overeenkomst") asks for a term that is
// "redelijk en gelijkwaardig voor beide partijen", weighing "de
// mogelijkheden van het gezin om een andere opvangplaats te vinden"; seed
// 004 §6.2 uses 2 months. A term or window of more than two years outlasts
// the care it ends (a baby-and-toddler place ends at school age, an
// after-school plan with its school year), so a larger value is a typing
// error (96000 for 2), refused before it reaches a date computation.
const (
	MaxNoticeTermMonths        = 24
	MaxDetrimentalChangeMonths = 24
)

// defaultDetrimentalChangeMonths is the window of Opgroeien's model
// agreement and seed 004 §6.1, used when a policy leaves it 0.
const defaultDetrimentalChangeMonths = 2

// Seed004NoticePolicy returns the notice rules of seed 004 §6.2: a term of
// 2 months for both parties, the detrimental-change window of §6.1, and the
// shortfall fee basis.
func Seed004NoticePolicy() NoticePolicy {
	return NoticePolicy{TermMonths: 2, DetrimentalChangeMonths: 2, Basis: FeeOnShortfall, Source: srcSeed004Notices}
}

// Validate reports every value out of range, all at once: a term outside
// 1–24 months, a detrimental-change window outside 0–24 months, an unknown
// fee basis. Fields are the JSON names ("term_months").
func (p NoticePolicy) Validate() error {
	var ps Problems
	// Bounds: see MaxNoticeTermMonths.
	if p.TermMonths < 1 || p.TermMonths > MaxNoticeTermMonths {
		ps = append(ps, Problem{Code: CodeInvalidValue, Field: "term_months",
			Message: fmt.Sprintf("a notice term of %d months is outside 1–%d months", p.TermMonths, MaxNoticeTermMonths)})
	}
	if p.DetrimentalChangeMonths < 0 || p.DetrimentalChangeMonths > MaxDetrimentalChangeMonths {
		ps = append(ps, Problem{Code: CodeInvalidValue, Field: "detrimental_change_months",
			Message: fmt.Sprintf("a detrimental-change window of %d months is outside 0–%d months", p.DetrimentalChangeMonths, MaxDetrimentalChangeMonths)})
	}
	if p.Basis != "" && p.Basis != FeeOnShortfall && p.Basis != FeeOnFullTerm {
		ps = append(ps, Problem{Code: CodeInvalidValue, Field: "basis",
			Message: fmt.Sprintf("fee basis %q is not shortfall or full_term", p.Basis)})
	}
	return ps.Err()
}

// Rule IDs of the notice rules.
const (
	RuleNoticeTerm      = "plan.notice.term"
	RuleNoticeExemption = "plan.notice.exemption"
)

// NoticeResult is the verdict on a notice.
type NoticeResult struct {
	Notice Notice `json:"notice"`
	// EarliestLastDay is the earliest last day of care the term allows: the
	// last day of a term of TermMonths starting on Notice.Given.
	EarliestLastDay Date `json:"earliest_last_day"`
	// Respected is true when LastDay is not before EarliestLastDay, or an
	// exemption applies.
	Respected bool `json:"respected"`
	// Exempt is true when a valid exemption applies.
	Exempt bool `json:"exempt"`
	// Shortfall is the period from the day after LastDay to
	// EarliestLastDay; empty when the term is respected.
	Shortfall Period `json:"shortfall,omitzero"`
	// FeeDays are the reserved days a notice fee is charged on (by the
	// policy's basis), with the organiser open; empty when none is owed.
	// The fee itself (25 % of the tariff, at least the minimum
	// contribution, per day) is priced by package tariff.
	FeeDays []PlannedDay `json:"fee_days,omitempty"`
	// OwedBy is the party that owes the fee: the one that gave notice.
	OwedBy Party `json:"owed_by,omitempty"`
	// Rule names the rule behind the verdict.
	Rule Rule `json:"rule"`
	// Explanation says in English how the verdict follows.
	Explanation string `json:"explanation"`
}

// EvaluateNotice decides whether notice n respects the term of policy p
// and, if not, which reserved days of plan pl (under calendar c) a notice
// fee is charged on.
//
// The term runs from n.Given (see TermEnd): notice given on 10 March with a
// 2-month term allows a last day of 9 May at the earliest. The same term
// and fee apply to both parties (seed 004 §6.2.1 and §6.2.2; Opgroeien's
// model agreement: "Als er een opzegvergoeding gebruikt wordt, dan geldt dit
// voor beide partijen").
//
// An exemption a party may not invoke, or ExemptDetrimentalChange without
// the day the change was notified, is an error. A detrimental-change
// exemption invoked after its window gives a verdict without exemption
// that says why.
//
// A term, fee period or exemption window that would end after 9999-12-31
// is an error (CodeOutOfRange, naming the date it runs from: "given",
// "last_day" or "change_notified"), never a verdict: a term end that cannot
// be represented must not make a short notice look respected.
func EvaluateNotice(n Notice, pl Plan, c Calendar, p NoticePolicy) (NoticeResult, error) {
	return EvaluateNoticePlans(n, []Plan{pl}, c, p)
}

// EvaluateNoticePlans is EvaluateNotice over the plans as they stood
// before the notice, one after the other (a plan agreed to follow the
// current one counts from its start): the fee days are the reserved days of
// each in the fee period, in date order, a day once (of two plans reserving
// it, the first in plans).
func EvaluateNoticePlans(n Notice, plans []Plan, c Calendar, p NoticePolicy) (NoticeResult, error) {
	ps := n.validate(p)
	if len(plans) == 0 {
		ps = append(ps, Problem{Code: CodeMissing, Field: "plans", Message: "a notice fee is counted on the reserved days of a plan: none given"})
	}
	if len(ps) > 0 {
		return NoticeResult{}, ps
	}
	source := p.Source
	if source == "" {
		source = srcSeed004Notices
	}
	earliest, err := TermEndChecked(n.Given, p.TermMonths)
	if err != nil {
		return NoticeResult{}, Problems{withField(err, "given")}
	}
	res := NoticeResult{
		Notice:          n,
		EarliestLastDay: earliest,
		Rule:            Rule{ID: RuleNoticeTerm, Source: source},
	}
	if n.Exemption != NoExemption {
		exempt, why, err := n.exemptionHolds(p)
		if err != nil {
			return NoticeResult{}, Problems{withField(err, "change_notified")}
		}
		if exempt {
			res.Respected, res.Exempt = true, true
			res.Rule = Rule{ID: RuleNoticeExemption, Source: exemptionSource(n)}
			res.Explanation = why
			return res, nil
		}
		res.Explanation = why + "; "
	}
	if !n.LastDay.Before(res.EarliestLastDay) {
		res.Respected = true
		res.Explanation += fmt.Sprintf("notice given on %s with a term of %d months allows a last day from %s on; the last day %s respects it",
			n.Given, p.TermMonths, res.EarliestLastDay, n.LastDay)
		return res, nil
	}
	// Source: seed 004 §6.2.1/§6.2.2 — a notice fee for the reserved days
	// when the term is not respected; the fee basis is OPEN (see FeeBasis).
	res.Shortfall = Period{Start: n.LastDay.AddDays(1), End: res.EarliestLastDay}
	fee := res.Shortfall
	if p.Basis == FeeOnFullTerm {
		end, err := TermEndChecked(res.Shortfall.Start, p.TermMonths)
		if err != nil {
			return NoticeResult{}, Problems{withField(err, "last_day")}
		}
		fee = Period{Start: res.Shortfall.Start, End: end}
	}
	for _, pl := range plans {
		for _, d := range pl.ReservedDays(fee, c) {
			if !slices.ContainsFunc(res.FeeDays, func(x PlannedDay) bool { return x.Date == d.Date }) {
				res.FeeDays = append(res.FeeDays, d)
			}
		}
	}
	slices.SortStableFunc(res.FeeDays, func(a, b PlannedDay) int { return a.Date.Compare(b.Date) })
	res.OwedBy = n.By
	res.Explanation += fmt.Sprintf("notice given on %s with a term of %d months allows a last day from %s on; the last day %s falls short by %d day(s) (%s), and the fee is due on the %d reserved day(s) of %s (%s basis)",
		n.Given, p.TermMonths, res.EarliestLastDay, n.LastDay, res.Shortfall.Len(), res.Shortfall, len(res.FeeDays), fee, basisName(p.Basis))
	return res, nil
}

func basisName(b FeeBasis) string {
	if b == "" {
		return string(FeeOnShortfall)
	}
	return string(b)
}

func exemptionSource(n Notice) string {
	if n.Exemption == ExemptDetrimentalChange {
		return srcSeed004Rules
	}
	if n.By == Organiser {
		return srcSeed004OrgNote
	}
	return srcSeed004Notice
}

// validate reports malformed notices and policies.
func (n Notice) validate(p NoticePolicy) Problems {
	var ps Problems
	if n.By != Family && n.By != Organiser {
		ps = append(ps, Problem{Code: CodeInvalidValue, Field: "by",
			Message: fmt.Sprintf("notice is given by %q; it must be family or organiser", n.By)})
	}
	if n.Given.IsZero() {
		ps = append(ps, Problem{Code: CodeMissing, Field: "given", Message: "a notice needs the day its term starts"})
	}
	if n.LastDay.IsZero() {
		ps = append(ps, Problem{Code: CodeMissing, Field: "last_day", Message: "a notice needs the intended last day of care"})
	} else if n.LastDay.Before(n.Given) {
		// A notice ends care from the day it is given on: a last day before
		// it is a typing error, not a shortfall of more than the term.
		ps = append(ps, Problem{Code: CodeEndBeforeStart, Field: "last_day", Date: n.LastDay,
			Message: fmt.Sprintf("the notice given on %s ends care on %s, before it was given", n.Given, n.LastDay)})
	}
	for _, q := range AsProblems(p.Validate()) {
		q.Field = "policy." + q.Field
		ps = append(ps, q)
	}
	allowed := map[Exemption][]Party{
		NoExemption:              {Family, Organiser},
		ExemptSeriousFault:       {Family, Organiser},
		ExemptForceMajeure:       {Family, Organiser},
		ExemptDetrimentalChange:  {Family},
		ExemptPermitWithdrawn:    {Organiser},
		ExemptCaregiverPregnancy: {Organiser},
	}
	parties, known := allowed[n.Exemption]
	if !known {
		ps = append(ps, Problem{Code: CodeInvalidValue, Field: "exemption",
			Message: fmt.Sprintf("exemption %q is not known", n.Exemption)})
	} else if (n.By == Family || n.By == Organiser) && !slices.Contains(parties, n.By) {
		ps = append(ps, Problem{Code: CodeExemptionInvalid, Field: "exemption", Rule: Rule{ID: RuleNoticeExemption, Source: exemptionSource(n)},
			Message: fmt.Sprintf("the %s cannot invoke exemption %q", n.By, n.Exemption)})
	} else if n.Exemption == ExemptDetrimentalChange && n.ChangeNotified.IsZero() {
		ps = append(ps, Problem{Code: CodeMissing, Field: "change_notified",
			Message: "a detrimental-change exemption needs the day the family was told of the change"})
	}
	return ps
}

// exemptionHolds reports whether a (well-formed) exemption applies, and
// why; an error when the detrimental-change window ends after 9999-12-31.
func (n Notice) exemptionHolds(p NoticePolicy) (bool, string, error) {
	if n.Exemption != ExemptDetrimentalChange {
		return true, fmt.Sprintf("exemption %q: the notice term and fee do not apply", n.Exemption), nil
	}
	// Source: seed 004 §6.1 and Opgroeien's model agreement — the family may
	// leave without fee within 2 months of being told of a change to its
	// disadvantage.
	months := p.DetrimentalChangeMonths
	if months < 1 {
		months = defaultDetrimentalChangeMonths
	}
	window, err := TermEndChecked(n.ChangeNotified, months)
	if err != nil {
		return false, "", err
	}
	if n.Given.Before(n.ChangeNotified) || n.Given.After(window) {
		return false, fmt.Sprintf("the detrimental-change exemption covers notice given from %s to %s, not on %s",
			n.ChangeNotified, window, n.Given), nil
	}
	return true, fmt.Sprintf("notice given on %s, within %d months of being told on %s of a detrimental change: no term and no fee",
		n.Given, months, n.ChangeNotified), nil
}
