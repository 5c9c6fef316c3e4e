package tariff

import "github.com/kinderopvang/regels/plan"

// Day returns the day of care's date (plan.Dated).
func (dc DayCare) Day() plan.Date { return dc.Date }

// OnDay returns the day of care with its date set to d (plan.Dated).
func (dc DayCare) OnDay(d plan.Date) DayCare {
	dc.Date = d
	return dc
}

// Equal reports whether dc and o are the same day of care (plan.Dated).
func (dc DayCare) Equal(o DayCare) bool { return dc == o }
