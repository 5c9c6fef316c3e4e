package absence

import "github.com/kinderopvang/regels/plan"

// Day returns the outcome's date (plan.Dated).
func (o DayOutcome) Day() plan.Date { return o.Date }

// OnDay returns the outcome with its date set to d (plan.Dated).
func (o DayOutcome) OnDay(d plan.Date) DayOutcome {
	o.Date = d
	return o
}

// Equal reports whether o and p are the same outcome (plan.Dated): equal
// fields, decimals by value.
func (o DayOutcome) Equal(p DayOutcome) bool {
	if (o.Closed == nil) != (p.Closed == nil) || o.Closed != nil && *o.Closed != *p.Closed {
		return false
	}
	return o.Date == p.Date && o.Kind == p.Kind && o.Reserved == p.Reserved && o.Attended == p.Attended &&
		o.Absent.Equal(p.Absent) && o.Used.Equal(p.Used) && o.Unjustified.Equal(p.Unjustified) &&
		o.Tariff == p.Tariff && o.Charge == p.Charge && o.LateFee == p.LateFee && o.Absence == p.Absence &&
		o.Rule == p.Rule && o.LateFeeRule == p.LateFeeRule && o.Explanation == p.Explanation
}
