package plan

import (
	"errors"
	"strings"
)

// Code is the stable identifier of a kind of problem, for programs to act
// on. A Code is also an error, so callers can test any error this package
// returns with errors.Is:
//
//	if errors.Is(err, plan.CodeOverlap) { ... }
//
// Codes never change meaning; new ones may be added.
type Code string

// Error returns the code itself.
func (c Code) Error() string { return string(c) }

// Problem codes. Each names one rule or one kind of malformed input.
const (
	CodeInvalidDate       Code = "invalid_date"        // a date that does not exist or is not YYYY-MM-DD
	CodeInvalidMonth      Code = "invalid_month"       // a month that is not YYYY-MM
	CodeInvalidClock      Code = "invalid_clock"       // a clock time that is not HH:MM in 00:00–24:00
	CodeInvalidPeriod     Code = "invalid_period"      // a period without start or end, or ending before it starts
	CodeEndBeforeStart    Code = "end_before_start"    // an end (date, time, instant) before its start
	CodeOverlap           Code = "overlap"             // two sessions, slots or periods that overlap
	CodeMissing           Code = "missing"             // a required value is absent
	CodeInvalidValue      Code = "invalid_value"       // a value outside its allowed set or range
	CodeNoReservedSession Code = "no_reserved_session" // a care plan that reserves nothing
	CodeTooLong           Code = "too_long"            // a plan or extension longer than allowed
	CodeTooManyExtensions Code = "too_many_extensions" // more extensions than allowed
	CodeOutsideSchoolYear Code = "outside_school_year" // an after-school plan outside its school year
	CodeSchoolHoliday     Code = "school_holiday"      // a reserved day in a school holiday
	CodeAgeLimit          Code = "age_limit"           // care past the child's age limit
	CodeLateRequest       Code = "late_request"        // a change asked with too little lead time
	CodeTooShort          Code = "too_short"           // a plan running shorter than required
	CodeLateAnnouncement  Code = "late_announcement"   // a closure announced too late
	CodeExemptionInvalid  Code = "exemption_invalid"   // an exemption whose conditions are not met
	CodeOutOfRange        Code = "out_of_range"        // a value (a date a rule computes, an amount, a duration) beyond its documented bounds
)

// Rule names the rule that produced a result and the text it implements,
// so that a family, an auditor and a test all get the same answer to "why?".
type Rule struct {
	// ID is a short stable name, e.g. "plan.change.lead_time".
	ID string `json:"id"`
	// Source cites the text, e.g. "house rules Zorg Leuven §3.4.3 (seed 004)".
	Source string `json:"source"`
}

// String returns "ID (Source)".
func (r Rule) String() string {
	if r.Source == "" {
		return r.ID
	}
	return r.ID + " (" + r.Source + ")"
}

// Problem is one thing wrong with an input: what (Code, Message), where
// (Field and, when it concerns a day, Date) and by which rule. A Problem is
// an error; errors.Is(p, p.Code) holds.
type Problem struct {
	Code Code `json:"code"`
	// Field is the path of the offending value, e.g. "schedule.weeks[0].monday[1]".
	Field string `json:"field,omitempty"`
	// Date is the day concerned, zero when the problem is not tied to a day.
	Date Date `json:"date,omitzero"`
	// Message says in English what is wrong.
	Message string `json:"message"`
	// Rule is the rule that was broken, with its source; empty for plain
	// malformed input.
	Rule Rule `json:"rule,omitzero"`
}

// Error formats the problem as "field: message [code; rule]".
func (p Problem) Error() string {
	var b strings.Builder
	if p.Field != "" {
		b.WriteString(p.Field)
		b.WriteString(": ")
	}
	b.WriteString(p.Message)
	b.WriteString(" [")
	b.WriteString(string(p.Code))
	if p.Rule.ID != "" {
		b.WriteString("; ")
		b.WriteString(p.Rule.String())
	}
	b.WriteString("]")
	return b.String()
}

// Unwrap returns the problem's Code, so errors.Is(err, CodeX) works.
func (p Problem) Unwrap() error { return p.Code }

// Problems is every problem a validation found, in a stable order. A nil or
// empty Problems is no error; Validate functions return nil then, never an
// empty non-nil slice.
type Problems []Problem

// Error joins all problems, one per line.
func (ps Problems) Error() string {
	parts := make([]string, len(ps))
	for i, p := range ps {
		parts[i] = p.Error()
	}
	return strings.Join(parts, "\n")
}

// Unwrap returns each problem, so errors.Is and errors.As see all of them.
func (ps Problems) Unwrap() []error {
	errs := make([]error, len(ps))
	for i, p := range ps {
		errs[i] = p
	}
	return errs
}

// Has reports whether any problem has the given code.
func (ps Problems) Has(c Code) bool {
	for _, p := range ps {
		if p.Code == c {
			return true
		}
	}
	return false
}

// Err returns ps as an error, or nil when there is no problem.
func (ps Problems) Err() error {
	if len(ps) == 0 {
		return nil
	}
	return ps
}

// AsProblems extracts every Problem from err (a Problem, Problems, or an
// error wrapping them). It returns nil when err holds none.
func AsProblems(err error) Problems {
	if err == nil {
		return nil
	}
	var ps Problems
	if errors.As(err, &ps) {
		return ps
	}
	var p Problem
	if errors.As(err, &p) {
		return Problems{p}
	}
	return nil
}
