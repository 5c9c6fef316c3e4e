package absence

import (
	"fmt"
	"strconv"
	"time"

	"github.com/kinderopvang/regels/plan"
)

// Absence is an absence the family reported (or should have): the days,
// whether it was planned or sudden, when the organiser was told, and
// whether it is a hospital stay.
type Absence struct {
	Period plan.Period `json:"period"`
	// Sudden is true for an unforeseen absence (illness): it is reported in
	// time before the agreed start time of its first reserved day. A
	// planned absence needs days or weeks of notice.
	Sudden bool `json:"sudden,omitempty"`
	// ReportedAt is the moment the organiser was told; zero when it never
	// was. Seed 004 accepts only a phone call; the library takes the moment
	// as given.
	ReportedAt time.Time `json:"reported_at,omitzero"`
	// Hospital is true for a hospital stay; it is free and uses no days only
	// with an admission certificate (not a consultation).
	Hospital             bool `json:"hospital,omitempty"`
	AdmissionCertificate bool `json:"admission_certificate,omitempty"`
	// Reason is free text for the family's own records (illness, holiday).
	Reason string `json:"reason,omitempty"`
}

// NoticeKind is which notice rule applied.
type NoticeKind string

// The notice rules.
const (
	NoticePlannedShort NoticeKind = "planned_short" // a day or a few: 2 days ahead
	NoticePlannedLong  NoticeKind = "planned_long"  // a week or longer: 4 weeks ahead
	NoticeSudden       NoticeKind = "sudden"        // before the agreed start time
)

// NoticeCheck is the verdict on how an absence was reported.
type NoticeCheck struct {
	// Absence is the index of the absence in the input.
	Absence int        `json:"absence"`
	Kind    NoticeKind `json:"kind"`
	// FirstDay is the first reserved day of the absence, from which the
	// lead is counted.
	FirstDay plan.Date `json:"first_day"`
	// Deadline is the last moment at which the report is in time
	// (inclusive).
	Deadline   time.Time `json:"deadline"`
	ReportedAt time.Time `json:"reported_at,omitzero"`
	InTime     bool      `json:"in_time"`
	// LateThrough is, for a sudden absence reported late under
	// SuddenEachDay, its last reserved day whose agreed start time had
	// passed when it was reported: the reserved days after it were reported
	// in time and pay no late-notice fee. Zero when every reserved day of a
	// late absence pays it (SuddenFirstDay, a planned absence, an absence
	// never reported or reported after its last reserved day started).
	LateThrough plan.Date `json:"late_through,omitzero"`
	Rule        plan.Rule `json:"rule"`
	// Explanation says in English how the deadline follows from the rule.
	Explanation string `json:"explanation"`
}

// Deadline returns the notice rule and the last in-time moment for an
// absence under plans (the plans in force, one after the other) whose first
// reserved day is first, with the agreed
// start time start (the first slot on that day, for a sudden absence).
// Leads count calendar days — notice on day D−2, until midnight, is in time
// for an absence from D — or working days of calendar c (Monday to Friday,
// open). The absence is long when its length (see Length) reaches
// LongFromDays.
func (r NoticeRules) Deadline(a Absence, plans []plan.Plan, first plan.Date, start time.Time, c plan.Calendar, loc *time.Location) (NoticeKind, time.Time, string) {
	// Source: seed 004 §3.4.2 — "Verwittig de onthaalouder 2 dagen op
	// voorhand [...] Een afwezigheid van een week of langer verwittig je 4
	// weken op voorhand [...] plotse afwezigheid: [...] voor het afgesproken
	// beginuur."
	if a.Sudden {
		return NoticeSudden, start, fmt.Sprintf("a sudden absence is reported before the agreed start time %s on %s", start.Format("15:04"), first)
	}
	span := r.Span(a, plans, c)
	kind, lead := NoticePlannedShort, r.ShortLeadDays
	if span.Len() >= r.LongFromDays {
		kind, lead = NoticePlannedLong, r.LongLeadDays
	}
	last := c.DaysBefore(first, lead, r.Counting)
	// The deadline is the end of the last day: midnight starting the next.
	deadline := plan.DayStart(last.AddDays(1), loc)
	// The explanation in one buffer: "a planned absence of 3 day(s)
	// (2025-03-21..2025-03-23, with the adjacent days without reservation)
	// is reported 2 calendar days ahead: by the end of 2025-03-19".
	e := make([]byte, 0, 160)
	e = append(e, "a planned absence of "...)
	e = strconv.AppendInt(e, int64(span.Len()), 10)
	e = append(e, " day(s)"...)
	if span != a.Period {
		e = append(e, " ("...)
		e = span.Start.AppendText(e)
		e = append(e, ".."...)
		e = span.End.AppendText(e)
		if r.Length == LengthAcrossUnreserved {
			e = append(e, ", with the adjacent days without reservation)"...)
		} else {
			e = append(e, ", with the adjacent weekend)"...)
		}
	}
	e = append(e, " is reported "...)
	e = strconv.AppendInt(e, int64(lead), 10)
	e = append(e, ' ')
	e = append(e, r.Counting...)
	e = append(e, " days ahead: by the end of "...)
	e = last.AppendText(e)
	return kind, deadline, string(e)
}

// Span returns the days that measure absence a against LongFromDays: its
// own period with LengthCalendar; with LengthAcrossWeekend (the default) its
// period extended across the adjacent Saturday and Sunday that none of
// plans reserves under calendar c; with LengthAcrossUnreserved its period
// extended on both sides across every day none of plans reserves (the
// weekend, closing days, holidays, days the plan does not reserve). It
// grows up to LongFromDays in all — enough to decide.
func (r NoticeRules) Span(a Absence, plans []plan.Plan, c plan.Calendar) plan.Period {
	across := r.Length == LengthAcrossUnreserved
	bridges := func(d plan.Date) bool {
		if d.IsZero() {
			return false
		}
		if wd := d.Weekday(); !across && wd != time.Saturday && wd != time.Sunday {
			return false
		}
		for i := range plans {
			if plans[i].Day(d, c).IsReserved() {
				return false
			}
		}
		return true
	}
	span := a.Period
	if r.Length == LengthCalendar || span.IsEmpty() {
		return span
	}
	// Source: seed 004 §3.4.2 — "een dag of enkele dagen" and "een
	// afwezigheid van een week of langer": a week away from care, the
	// weekend (or every unreserved day) around it included.
	for span.Len() < r.LongFromDays {
		before, after := span.Start.AddDays(-1), span.End.AddDays(1)
		grew := false
		if bridges(before) {
			span.Start, grew = before, true
		}
		if span.Len() < r.LongFromDays && bridges(after) {
			span.End, grew = after, true
		}
		if !grew {
			break
		}
	}
	return span
}
