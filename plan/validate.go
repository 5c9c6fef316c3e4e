package plan

import (
	"fmt"
	"strings"
)

// Facts are what plan validation needs to know beyond the plan itself. All
// are optional; a rule whose facts are missing is not checked.
type Facts struct {
	// Birth is the child's birth date, for the age limit of after-school
	// care.
	Birth Date `json:"birth,omitzero"`
	// SchoolHolidays are the school holidays (autumn, Christmas, spring,
	// Easter, summer) of the plan's school year; an after-school plan may
	// reserve no day in them.
	SchoolHolidays []Period `json:"school_holidays,omitempty"`
}

// PlanRules gathers the bounds of the plan rules. They are house rules of
// seed 004; DefaultPlanRules returns those values.
type PlanRules struct {
	// TemporaryMonths is the longest a temporary plan runs, 1–60
	// (MaxTemporaryMonths); seed 004: 6.
	TemporaryMonths int `json:"temporary_months"`
	// MaxExtensions is how often a temporary plan may be extended, 0–12
	// (MaxPlanExtensions); seed 004: once.
	MaxExtensions int `json:"max_extensions"`
	// ExtensionMonths is the longest one extension runs, 1–60; seed 004: 6.
	ExtensionMonths int `json:"extension_months"`
}

// Bounds of PlanRules. Seed 004 §3.4 gives a temporary place for urgent
// need (dringende opvangnood) at most 6 months and one extension of at most
// 6 months; the texts set no outer bound. A "temporary" plan of more than
// five years outlasts the whole of baby-and-toddler care (until school age,
// about 3), and more than twelve extensions is a plan renewed monthly for a
// year: larger values are typing errors, refused before they reach a date
// computation.
const (
	MaxTemporaryMonths = 60
	MaxPlanExtensions  = 12
)

// DefaultPlanRules returns the plan rules of seed 004 §3.4: "Voor tijdelijke
// plaatsen in kader van dringende opvangnood wordt een opvangplan opgesteld
// voor de periode van maximaal 6 maanden. Er is 1 verlenging met maximaal 6
// maanden mogelijk."
func DefaultPlanRules() PlanRules {
	return PlanRules{TemporaryMonths: 6, MaxExtensions: 1, ExtensionMonths: 6}
}

// Validate reports every bound out of range, all at once: the month limits
// must be within 1–60 (MaxTemporaryMonths) and the number of extensions
// within 0–12 (MaxPlanExtensions). Fields are "rules.<json name>".
func (r PlanRules) Validate() error {
	var ps Problems
	// Bounds: see MaxTemporaryMonths.
	if r.TemporaryMonths < 1 || r.TemporaryMonths > MaxTemporaryMonths {
		ps = append(ps, Problem{Code: CodeInvalidValue, Field: "rules.temporary_months",
			Message: fmt.Sprintf("a temporary plan of at most %d months is outside 1–%d months", r.TemporaryMonths, MaxTemporaryMonths)})
	}
	if r.ExtensionMonths < 1 || r.ExtensionMonths > MaxTemporaryMonths {
		ps = append(ps, Problem{Code: CodeInvalidValue, Field: "rules.extension_months",
			Message: fmt.Sprintf("an extension of at most %d months is outside 1–%d months", r.ExtensionMonths, MaxTemporaryMonths)})
	}
	if r.MaxExtensions < 0 || r.MaxExtensions > MaxPlanExtensions {
		ps = append(ps, Problem{Code: CodeInvalidValue, Field: "rules.max_extensions",
			Message: fmt.Sprintf("%d extensions is outside 0–%d", r.MaxExtensions, MaxPlanExtensions)})
	}
	return ps.Err()
}

// Rule IDs of the plan validation rules.
const (
	RulePlanReserves       = "plan.reserves_something"
	RuleTemporaryLength    = "plan.temporary.length"
	RuleTemporaryExtend    = "plan.temporary.extension"
	RuleAfterSchoolYear    = "plan.after_school.school_year"
	RuleAfterSchoolHoliday = "plan.after_school.school_holidays"
	RuleAfterSchoolAge     = "plan.after_school.age_limit"
)

// Validate checks the plan against the default rules (DefaultPlanRules)
// and returns every problem at once as Problems, or nil. See ValidateWith.
func (p Plan) Validate(f Facts) error { return p.ValidateWith(f, DefaultPlanRules()) }

// ValidateWith checks the plan and returns every problem at once:
//   - a known kind, a start date, an end not before the start;
//   - at least one reserved slot (in the schedule or an override);
//   - one or two schedule weeks; slots within 00:00–24:00, ending after
//     they start, not overlapping on a day;
//   - overrides inside the plan, one per date; valid exclusion periods;
//     settling-in days set, distinct and not after the plan's end;
//   - a temporary plan with an end, at most r.TemporaryMonths long, with at
//     most r.MaxExtensions extensions of at most r.ExtensionMonths each; no
//     extension on another kind of plan;
//   - an after-school plan within one school year (1 September–31 August),
//     no reserved day in f.SchoolHolidays, and not past 31 August of the
//     year the child turns 12 (f.Birth).
func (p Plan) ValidateWith(f Facts, r PlanRules) error {
	if err := r.Validate(); err != nil {
		return err
	}
	var ps Problems
	add := func(q Problem) { ps = append(ps, q) }
	switch p.Kind {
	case KindRegular, KindTemporary, KindAfterSchool, KindHolidayCare:
	default:
		add(Problem{Code: CodeInvalidValue, Field: "kind",
			Message: fmt.Sprintf("kind %q is not one of regular, temporary, after_school, holiday", p.Kind)})
	}
	if p.Start.IsZero() {
		add(Problem{Code: CodeMissing, Field: "start", Message: "a plan needs a start date"})
	}
	if !p.End.IsZero() && !p.Start.IsZero() && p.End.Before(p.Start) {
		add(Problem{Code: CodeEndBeforeStart, Field: "end", Date: p.End,
			Message: fmt.Sprintf("expected end %s is before the start %s", p.End, p.Start)})
	}
	ps = append(ps, p.validateReservations()...)
	ps = append(ps, p.validateDates()...)
	ps = append(ps, p.validateTemporary(r)...)
	ps = append(ps, p.validateAfterSchool(f)...)
	return ps.Err()
}

func (p Plan) validateReservations() Problems {
	var ps Problems
	if n := len(p.Schedule.Weeks); n > 2 {
		ps = append(ps, Problem{Code: CodeInvalidValue, Field: "schedule.weeks",
			Message: fmt.Sprintf("a schedule has one week or two alternating weeks, not %d", n)})
	} else if n == 2 && p.Schedule.Anchor.IsZero() && p.Start.IsZero() {
		ps = append(ps, Problem{Code: CodeMissing, Field: "schedule.anchor",
			Message: "an alternating schedule needs an anchor day in week A, or a plan start"})
	}
	reserved := false
	for i, w := range p.Schedule.Weeks {
		for _, wd := range weekdayOrder() {
			slots := w.Slots(wd)
			reserved = reserved || len(slots) > 0
			if !slotsOK(slots) {
				ps = append(ps, validateSlots(slots, fmt.Sprintf("schedule.weeks[%d].%s", i, strings.ToLower(wd.String())), Date{})...)
			}
		}
	}
	firstOverride := make(map[Date]int, len(p.Overrides)) // date → index of its first override
	for i, o := range p.Overrides {
		field := func() string { return fmt.Sprintf("overrides[%d]", i) }
		reserved = reserved || len(o.Slots) > 0
		if o.Date.IsZero() {
			ps = append(ps, Problem{Code: CodeMissing, Field: field() + ".date", Message: "an override needs a date"})
		} else if !p.Start.IsZero() && !p.Period().Contains(o.Date) {
			ps = append(ps, Problem{Code: CodeInvalidValue, Field: field() + ".date", Date: o.Date,
				Message: fmt.Sprintf("override on %s is outside the plan's period %s", o.Date, p.Period())})
		}
		if j, seen := firstOverride[o.Date]; seen && !o.Date.IsZero() {
			ps = append(ps, Problem{Code: CodeOverlap, Field: field() + ".date", Date: o.Date,
				Message: fmt.Sprintf("override on %s repeats overrides[%d]", o.Date, j)})
		} else if !seen {
			firstOverride[o.Date] = i
		}
		if !slotsOK(o.Slots) {
			ps = append(ps, validateSlots(o.Slots, field()+".slots", o.Date)...)
		}
	}
	if !reserved {
		ps = append(ps, Problem{Code: CodeNoReservedSession, Field: "schedule",
			Message: "the plan reserves no slot on any day: a care plan lists at least one reserved day",
			Rule:    Rule{ID: RulePlanReserves, Source: srcSeed004Plan}})
	}
	return ps
}

func (p Plan) validateDates() Problems {
	var ps Problems
	for i, e := range p.Exclusions {
		if err := e.Period.Validate(); err != nil {
			q := err.(Problem)
			q.Field = fmt.Sprintf("exclusions[%d].period", i)
			ps = append(ps, q)
		}
	}
	last := p.LastDay()
	seen := make(map[Date]bool, len(p.SettlingIn))
	for i, d := range p.SettlingIn {
		field := func() string { return fmt.Sprintf("settling_in[%d]", i) } // formatted only for a problem
		twice := seen[d]
		seen[d] = true
		if d.IsZero() {
			ps = append(ps, Problem{Code: CodeMissing, Field: field(), Message: "a settling-in day needs a date"})
		} else if twice {
			ps = append(ps, Problem{Code: CodeOverlap, Field: field(), Date: d,
				Message: fmt.Sprintf("settling-in day %s is listed twice", d)})
		} else if !last.IsZero() && d.After(last) {
			ps = append(ps, Problem{Code: CodeInvalidValue, Field: field(), Date: d,
				Message: fmt.Sprintf("settling-in day %s is after the plan's last day %s", d, last)})
		}
	}
	return ps
}

func (p Plan) validateTemporary(r PlanRules) Problems {
	var ps Problems
	if p.Kind != KindTemporary {
		if len(p.Extensions) > 0 {
			ps = append(ps, Problem{Code: CodeInvalidValue, Field: "extensions",
				Message: fmt.Sprintf("only a temporary plan is extended; this plan is %q", p.Kind)})
		}
		return ps
	}
	// Source: seed 004 §3.4 — a temporary plan runs at most 6 months, with
	// one extension of at most 6 months.
	lengthRule := Rule{ID: RuleTemporaryLength, Source: srcSeed004Plan}
	extendRule := Rule{ID: RuleTemporaryExtend, Source: srcSeed004Plan}
	if p.Start.IsZero() {
		return ps
	}
	if p.End.IsZero() {
		return append(ps, Problem{Code: CodeMissing, Field: "end", Rule: lengthRule,
			Message: fmt.Sprintf("a temporary plan needs an end date, at most %d months after its start", r.TemporaryMonths)})
	}
	limit, err := TermEndChecked(p.Start, r.TemporaryMonths)
	if err != nil {
		q := withField(err, "start")
		q.Rule = lengthRule
		ps = append(ps, q)
	} else if p.End.After(limit) {
		ps = append(ps, Problem{Code: CodeTooLong, Field: "end", Date: p.End, Rule: lengthRule,
			Message: fmt.Sprintf("a temporary plan from %s runs at most %d months, until %s; it ends on %s",
				p.Start, r.TemporaryMonths, limit, p.End)})
	}
	if len(p.Extensions) > r.MaxExtensions {
		ps = append(ps, Problem{Code: CodeTooManyExtensions, Field: "extensions", Rule: extendRule,
			Message: fmt.Sprintf("a temporary plan may be extended %d time(s); it has %d extensions", r.MaxExtensions, len(p.Extensions))})
	}
	prev := p.End
	for i, e := range p.Extensions {
		field := fmt.Sprintf("extensions[%d]", i)
		if e.IsZero() || !e.After(prev) {
			ps = append(ps, Problem{Code: CodeEndBeforeStart, Field: field, Date: e, Rule: extendRule,
				Message: fmt.Sprintf("extension end %s is not after the previous end %s", e, prev)})
			continue
		}
		// prev is before e, so prev+1 is a date.
		from := prev.AddDays(1)
		limit, err := TermEndChecked(from, r.ExtensionMonths)
		if err != nil {
			q := withField(err, field)
			q.Rule = extendRule
			ps = append(ps, q)
		} else if e.After(limit) {
			ps = append(ps, Problem{Code: CodeTooLong, Field: field, Date: e, Rule: extendRule,
				Message: fmt.Sprintf("an extension from %s runs at most %d months, until %s; it ends on %s",
					from, r.ExtensionMonths, limit, e)})
		}
		prev = e
	}
	return ps
}

func (p Plan) validateAfterSchool(f Facts) Problems {
	var ps Problems
	if p.Kind != KindAfterSchool || p.Start.IsZero() {
		return ps
	}
	// Source: seed 004 §3.4 — "Voor buitenschoolse opvang wordt een
	// opvangplan per schooljaar opgesteld, met uitzondering van de
	// schoolvakanties".
	year := SchoolYearOf(p.Start)
	if year.IsEmpty() {
		// A start in 0001 before September or in 9999 from September on: the
		// school year does not fit in 0001–9999.
		ps = append(ps, Problem{Code: CodeOutOfRange, Field: "start", Date: p.Start,
			Rule:    Rule{ID: RuleAfterSchoolYear, Source: srcSeed004Plan},
			Message: fmt.Sprintf("the school year of %s runs outside 0001–9999", p.Start)})
	} else if last := p.LastDay(); !year.Contains(last) {
		ps = append(ps, Problem{Code: CodeOutsideSchoolYear, Field: "end", Date: last,
			Rule:    Rule{ID: RuleAfterSchoolYear, Source: srcSeed004Plan},
			Message: fmt.Sprintf("an after-school plan covers one school year; starting %s it ends by %s, not %s", p.Start, year.End, last)})
	}
	// Reserved days found with the plan's own days (no calendar: a closing
	// day in a holiday is still reserved by the plan).
	noClosures := Calendar{NoPublicHolidays: true}
	for i, h := range f.SchoolHolidays {
		if h.IsEmpty() {
			ps = append(ps, Problem{Code: CodeInvalidPeriod, Field: fmt.Sprintf("facts.school_holidays[%d]", i),
				Message: fmt.Sprintf("school holiday %s is not a valid period", h)})
			continue
		}
		if hit := p.Days(h, noClosures); len(hit) > 0 {
			ps = append(ps, Problem{Code: CodeSchoolHoliday, Field: "exclusions", Date: hit[0].Date,
				Rule: Rule{ID: RuleAfterSchoolHoliday, Source: srcSeed004Plan},
				Message: fmt.Sprintf("the plan reserves %d day(s) in the school holiday %s (first %s); exclude the holiday",
					len(hit), h, hit[0].Date)})
		}
	}
	if f.Birth.IsZero() {
		return ps
	}
	// Source: after-school portal manual (seed 000) — care stops on 31
	// August of the year the child turns 12.
	ageRule := Rule{ID: RuleAfterSchoolAge, Source: srcSeed000End}
	limit, err := AfterSchoolEndChecked(f.Birth)
	if err != nil {
		q := withField(err, "facts.birth")
		q.Rule = ageRule
		ps = append(ps, q)
	} else if p.LastDay().After(limit) {
		ps = append(ps, Problem{Code: CodeAgeLimit, Field: "end", Date: p.LastDay(), Rule: ageRule,
			Message: fmt.Sprintf("after-school care of a child born %s stops on %s, the 31 August of the year it turns 12; the plan runs until %s",
				f.Birth, limit, p.LastDay())})
	}
	return ps
}
