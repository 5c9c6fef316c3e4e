package absence

import "github.com/kinderopvang/regels/plan"

// DatedOutcome is the verdict on one reserved day in a month's results: its
// date and its outcome, which the days alike share. A month of days
// present holds one present outcome and a date and a pointer a day, not a
// copy of the whole outcome each.
//
// The outcome's fields are promoted (o.Kind, o.Charge, …); Date is the
// day's, and the shared outcome's own Date is left zero. It marshals to
// JSON exactly as a DayOutcome does, and back (decoding gives each day an
// outcome of its own). An outcome is shared: to change one day, give it a
// copy (Outcome). The pointer is nil only in a value decoded from JSON that
// names nothing but the date.
type DatedOutcome struct {
	Date plan.Date `json:"date"`
	*DayOutcome
}

// Outcome returns the day's outcome, a copy with its date.
func (o DatedOutcome) Outcome() DayOutcome {
	var out DayOutcome
	if o.DayOutcome != nil {
		out = *o.DayOutcome
	}
	out.Date = o.Date
	return out
}

// Dated returns days as DatedOutcomes, each with an outcome of its own
// (nil for nil).
func Dated(days []DayOutcome) []DatedOutcome {
	if days == nil {
		return nil
	}
	out := make([]DatedOutcome, len(days))
	own := make([]DayOutcome, len(days))
	for i, d := range days {
		own[i] = d
		own[i].Date = plan.Date{}
		out[i] = DatedOutcome{Date: d.Date, DayOutcome: &own[i]}
	}
	return out
}

// Outcomes returns the outcomes of days, each a copy with its date (nil for
// nil).
func Outcomes(days []DatedOutcome) []DayOutcome {
	if days == nil {
		return nil
	}
	out := make([]DayOutcome, len(days))
	for i, d := range days {
		out[i] = d.Outcome()
	}
	return out
}
