package reservation

import (
	"time"

	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
)

func d(s string) plan.Date      { return plan.MustParseDate(s) }
func clock(s string) plan.Clock { return plan.MustClock(s) }

func bxl(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, plan.Brussels())
	if err != nil {
		panic(err)
	}
	return t
}

var autumn = plan.Period{Start: d("2026-11-02"), End: d("2026-11-08")}

// bko is an after-school location with before-school, after-school,
// Wednesday-afternoon, school-free-day and holiday moments.
func bko() Location {
	school := []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday}
	return Location{
		ID: "bko-linde", Name: "BKO De Linde",
		Moments: []Moment{
			{ID: "voor", Name: "voorschools", Weekdays: school, Season: SchoolWeeks, Start: clock("07:00"), End: clock("08:30"), Capacity: 2},
			{ID: "na", Name: "naschools", Weekdays: []time.Weekday{time.Monday, time.Tuesday, time.Thursday, time.Friday}, Season: SchoolWeeks, Start: clock("15:30"), End: clock("18:30"), Capacity: 2},
			{ID: "woe", Name: "woensdagnamiddag", Weekdays: []time.Weekday{time.Wednesday}, Season: SchoolWeeks, Start: clock("12:00"), End: clock("18:30"), Capacity: 3},
			{ID: "vrij", Name: "schoolvrije dag", Dates: []plan.Date{d("2026-10-16")}, Season: AllYear, Start: clock("07:00"), End: clock("18:30"), Capacity: 3},
			{ID: "vak", Name: "vakantieopvang", Weekdays: school, Season: HolidayWeeks, Start: clock("07:00"), End: clock("18:30"), Capacity: 3},
		},
		Calendar:       plan.Calendar{},
		SchoolHolidays: []plan.Period{autumn},
	}
}

func book() Book {
	year := plan.Period{Start: d("2026-09-01"), End: d("2027-08-31")}
	return Book{
		Locations: []Location{bko()},
		Enrolments: []Enrolment{
			{Child: "lena", Location: "bko-linde", Period: year},
			{Child: "milan", Location: "bko-linde", Period: year}, // Lena's brother
			{Child: "noor", Location: "bko-linde", Period: year},
			{Child: "otis", Location: "bko-linde", Period: plan.Period{Start: d("2026-09-01"), End: d("2026-10-31")}},
		},
	}
}

func seed000Policy() Policy {
	return Policy{CancelLeadDays: 1, Counting: plan.CalendarDays, LateCancelCost: tariff.MustMoney("5.00"), Source: "example house rules"}
}
