package tariff

import "github.com/kinderopvang/regels/plan"

// AgeGroup is the group whose band boundaries apply to a child on a day.
type AgeGroup string

// The age groups.
const (
	// BabyToddler: a baby or toddler (baby's en peuters).
	BabyToddler AgeGroup = "baby_toddler"
	// SchoolAge: a child going to school full time, or older than 3.5 years
	// (schoolgaand kind); it has the extra third-day band.
	SchoolAge AgeGroup = "school_age"
)

// Child is what the tariff rules need to know about a child.
type Child struct {
	// Code is the child code (kindcode) used in the attest and the monthly
	// attendance report.
	Code string `json:"code,omitempty"`
	// Birth is the birth date.
	Birth plan.Date `json:"birth"`
	// FullTimeSchoolFrom is the first day the child goes to school full time;
	// zero when it does not (yet). Going to school part time does not count.
	FullTimeSchoolFrom plan.Date `json:"full_time_school_from,omitzero"`
	// SevereDisability marks a child with a severe disability: its care is
	// deductible until it turns 21 instead of 14 (FOD Financiën, certificate
	// 281.86).
	SevereDisability bool `json:"severe_disability,omitempty"`
}

// SchoolAgeFrom returns the first day on which the child counts as
// school-age: the day it starts full-time school or the day it is 3.5 years
// (42 months) old, whichever comes first; zero when neither is known.
//
// "Older than 3.5 years" is read as "from the day it turns 3.5": the texts
// do not settle that single day (OPEN), and Opgroeien groups the child by
// the 42-month age.
func (c Child) SchoolAgeFrom() plan.Date {
	// Source: Opgroeien, Inhoudelijke en technische beschrijving van de
	// registratie van de aan- en afwezigheden (2025), p. 9 — school-age is a
	// child going to school full time or older than 3.5 years; a child at
	// school part time and under 3.5 stays baby/toddler.
	age := plan.MonthsOld(c.Birth, 42)
	switch {
	case age.IsZero():
		return c.FullTimeSchoolFrom
	case c.FullTimeSchoolFrom.IsZero() || age.Before(c.FullTimeSchoolFrom):
		return age
	}
	return c.FullTimeSchoolFrom
}

// GroupOn returns the child's age group on day d. A switch within a month
// prices the days before and after in their own group.
func (c Child) GroupOn(d plan.Date) AgeGroup {
	from := c.SchoolAgeFrom()
	if !from.IsZero() && !d.Before(from) {
		return SchoolAge
	}
	return BabyToddler
}
