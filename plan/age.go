package plan

import (
	"fmt"
	"time"
)

// MonthsOld returns the day on which a child born on birth is months months
// old: the same day of the month, or the month's last day when that day does
// not exist (born 31 August 2021, 42 months old on 28 February 2025; see
// AddMonths). Zero for a zero birth date, months < 0, or a day after
// 9999-12-31; MonthsOldChecked reports those as errors.
func MonthsOld(birth Date, months int) Date {
	d, _ := MonthsOldChecked(birth, months)
	return d
}

// MonthsOldChecked is MonthsOld with an error instead of the zero Date: a
// Problem with CodeMissing for a zero birth date, CodeInvalidValue for
// months < 0 and CodeOutOfRange for a day after 9999-12-31. The Problem has
// no Field; the caller sets it.
func MonthsOldChecked(birth Date, months int) (Date, error) {
	if months < 0 {
		return Date{}, Problem{Code: CodeInvalidValue, Date: birth,
			Message: fmt.Sprintf("an age of %d months is not an age", months)}
	}
	if birth.IsZero() {
		return Date{}, Problem{Code: CodeMissing, Message: "an age needs a birth date"}
	}
	return AddMonthsChecked(birth, months)
}

// AgeInMonths returns the child's age in whole months on day on: the
// largest n for which AddMonths(birth, n) is not after on, so 42 from the day
// MonthsOld(birth, 42) on and 0 in the child's first month. Before birth it
// is negative (−1 in the month before birth, and so on); 0 for zero dates.
func AgeInMonths(birth, on Date) int {
	if birth.IsZero() || on.IsZero() {
		return 0
	}
	by, bm, _ := birth.Civil()
	oy, om, _ := on.Civil()
	n := (oy-by)*12 + int(om-bm)
	// AddMonths(birth, n) falls in on's month (so within 0001–9999); when it
	// is later in that month, the n-th month is not yet complete.
	if AddMonths(birth, n).After(on) {
		n--
	}
	return n
}

// Milestones are the days on which a child reaches the ages the rules name.
type Milestones struct {
	Birth Date `json:"birth"`
	// ThreeAndAHalf is the day the child is 42 months old: from then on it
	// counts as school-age, and its income tariff is recalculated that month
	// (house rules Zorg Leuven §3.1, seed 004).
	ThreeAndAHalf Date `json:"three_and_a_half"`
	// Six, Nine and Twelve are birthdays on which the tariff is recalculated
	// (house rules Zorg Leuven §3.1, seed 004; the Kind en Gezin parent
	// portal FAQ, seed 003, also names 12).
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
// for a zero birth date). A milestone after 9999-12-31 is the zero Date;
// MilestonesOfChecked reports it as an error.
func MilestonesOf(birth Date) Milestones {
	m, _ := MilestonesOfChecked(birth)
	return m
}

// MilestonesOfChecked is MilestonesOf with an error when a milestone falls
// after 9999-12-31 (a birth in 9986 or later): a Problem with CodeOutOfRange
// and Field "birth", naming the first milestone out of range. The milestones
// that exist are returned either way. A zero birth date gives the zero
// Milestones and no error, as in MilestonesOf.
func MilestonesOfChecked(birth Date) (Milestones, error) {
	if birth.IsZero() {
		return Milestones{}, nil
	}
	m := Milestones{
		Birth:          birth,
		ThreeAndAHalf:  MonthsOld(birth, 42),
		Six:            MonthsOld(birth, 6*12),
		Nine:           MonthsOld(birth, 9*12),
		Twelve:         MonthsOld(birth, 12*12),
		Fourteen:       MonthsOld(birth, 14*12),
		AfterSchoolEnd: AfterSchoolEnd(birth),
	}
	for _, x := range []struct {
		name string
		d    Date
	}{{"3.5 years", m.ThreeAndAHalf}, {"6 years", m.Six}, {"9 years", m.Nine}, {"12 years", m.Twelve},
		{"31 August of the year of the 12th birthday", m.AfterSchoolEnd}, {"14 years", m.Fourteen}} {
		if x.d.IsZero() {
			return m, Problem{Code: CodeOutOfRange, Field: "birth", Date: birth,
				Message: fmt.Sprintf("a child born on %s reaches %s after 9999-12-31", birth, x.name)}
		}
	}
	return m, nil
}

// AfterSchoolEnd returns 31 August of the year the child born on birth turns
// 12: after-school care stops automatically on that day (seed 000). Zero for
// a zero birth date or a birth in 9988 or later (the day would fall after
// 9999-12-31); AfterSchoolEndChecked reports those as errors.
func AfterSchoolEnd(birth Date) Date {
	d, _ := AfterSchoolEndChecked(birth)
	return d
}

// AfterSchoolEndChecked is AfterSchoolEnd with an error instead of the zero
// Date: a Problem with CodeMissing for a zero birth date and CodeOutOfRange
// for a birth in 9988 or later. The Problem has no Field; the caller sets it.
func AfterSchoolEndChecked(birth Date) (Date, error) {
	// Source: after-school portal manual (seed 000), "Voor buitenschoolse
	// kinderen stopt de opvang automatisch op 31/08 van het jaar dat het
	// kind 12 [wordt]".
	if birth.IsZero() {
		return Date{}, Problem{Code: CodeMissing, Message: "the end of after-school care needs a birth date"}
	}
	d, err := NewDate(birth.Year()+12, time.August, 31)
	if err != nil {
		return Date{}, outOfRange(birth, fmt.Sprintf("a child born on %s turns 12 after 9999", birth))
	}
	return d, nil
}
