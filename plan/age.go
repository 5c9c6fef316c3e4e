package plan

import "time"

// MonthsOld returns the day on which a child born on birth is months months
// old: the same day of the month, or the month's last day when that day does
// not exist (born 31 August 2021, 42 months old on 28 February 2025; see
// AddMonths). Zero for a zero birth date or months < 0.
func MonthsOld(birth Date, months int) Date {
	if months < 0 {
		return Date{}
	}
	return AddMonths(birth, months)
}

// AgeInMonths returns the child's age in whole months on day on: 42 from the
// day MonthsOld(birth, 42) on. Negative before birth; 0 for zero dates.
func AgeInMonths(birth, on Date) int {
	if birth.IsZero() || on.IsZero() {
		return 0
	}
	by, bm, _ := birth.Civil()
	oy, om, _ := on.Civil()
	n := (oy-by)*12 + int(om-bm)
	// Step back while the anniversary of month n has not yet come.
	for n > 0 && MonthsOld(birth, n).After(on) {
		n--
	}
	for n < 0 && !MonthsOld(birth, n+1).After(on) {
		n++
	}
	return n
}

// Milestones are the days on which a child reaches the ages the rules name.
type Milestones struct {
	Birth Date `json:"birth"`
	// ThreeAndAHalf is the day the child is 42 months old: from then on it
	// counts as school-age, and its income tariff is recalculated that month
	// (seed 004 §3.1).
	ThreeAndAHalf Date `json:"three_and_a_half"`
	// Six, Nine and Twelve are birthdays on which the tariff is recalculated
	// (seed 004 §3.1; Kind en Gezin also names 12).
	Six    Date `json:"six"`
	Nine   Date `json:"nine"`
	Twelve Date `json:"twelve"`
	// Fourteen is the 14th birthday: care from that day on is not
	// deductible on the fiscal certificate (281.86).
	Fourteen Date `json:"fourteen"`
	// AfterSchoolEnd is 31 August of the year the child turns 12, the last
	// day of after-school care at the organiser of seed 000.
	AfterSchoolEnd Date `json:"after_school_end"`
}

// MilestonesOf returns the milestones of a child born on birth (all zero
// for a zero birth date).
func MilestonesOf(birth Date) Milestones {
	if birth.IsZero() {
		return Milestones{}
	}
	return Milestones{
		Birth:          birth,
		ThreeAndAHalf:  MonthsOld(birth, 42),
		Six:            MonthsOld(birth, 6*12),
		Nine:           MonthsOld(birth, 9*12),
		Twelve:         MonthsOld(birth, 12*12),
		Fourteen:       MonthsOld(birth, 14*12),
		AfterSchoolEnd: AfterSchoolEnd(birth),
	}
}

// AfterSchoolEnd returns 31 August of the year the child born on birth turns
// 12: after-school care stops automatically on that day (seed 000).
func AfterSchoolEnd(birth Date) Date {
	// Source: seed 000, "Voor buitenschoolse kinderen stopt de opvang
	// automatisch op 31/08 van het jaar dat het kind 12 [wordt]".
	if birth.IsZero() {
		return Date{}
	}
	return dateOrZero(birth.Year()+12, time.August, 31)
}
