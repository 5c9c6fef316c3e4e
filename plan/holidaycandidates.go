package plan

import "time"

// holidayCandidates returns the ten days of year on which a Belgian public
// holiday can fall: the seven of a fixed date and the three that follow
// Easter (Paasmaandag, Hemelvaart, Pinkstermaandag). It is a cheap filter
// in front of rickar/cal, the source of the holidays: a day that is not a
// candidate is no holiday, and a candidate is asked of rickar/cal.
// TestHolidayCandidates checks that every holiday rickar/cal gives for the
// years 1–9999 is a candidate.
func holidayCandidates(year int) [10]Date {
	easter := easterSunday(year)
	date := func(m time.Month, d int) Date {
		v, _ := NewDate(year, m, d)
		return v
	}
	return [10]Date{
		date(time.January, 1), easter.AddDays(1), date(time.May, 1), easter.AddDays(39), easter.AddDays(50),
		date(time.July, 21), date(time.August, 15), date(time.November, 1), date(time.November, 11), date(time.December, 25),
	}
}

// mayBeHoliday reports whether d is one of the holiday candidates of its
// year.
func mayBeHoliday(d Date) bool {
	y, m, day := d.Civil()
	switch {
	case m == time.January && day == 1, m == time.May && day == 1, m == time.July && day == 21, m == time.August && day == 15,
		m == time.November && (day == 1 || day == 11), m == time.December && day == 25:
		return true
	case m < time.March || m > time.June:
		return false // the days after Easter fall from 23 March to 14 June
	}
	// Easter is a Sunday from 22 March to 25 April: Paasmaandag is a Monday
	// from 23 March to 26 April, Hemelvaart a Thursday from 30 April to 3
	// June and Pinkstermaandag a Monday from 11 May to 14 June.
	switch md := 100*int(m) + day; d.Weekday() {
	case time.Monday:
		if (md < 323 || md > 426) && (md < 511 || md > 614) {
			return false
		}
	case time.Thursday:
		if md < 430 || md > 603 {
			return false
		}
	default:
		return false
	}
	switch easterSunday(y).DaysUntil(d) {
	case 1, 39, 50:
		return true
	}
	return false
}

// easterSunday returns the Gregorian Easter Sunday of year (the
// computation of Meeus, Jones and Butcher).
func easterSunday(year int) Date {
	a := year % 19
	b, c := year/100, year%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	if year < 1 || year > 9999 {
		return Date{}
	}
	// From 22 March to 25 April: a date that exists.
	return Date{n: int32(daysFromCivil(year, time.Month(month), day) + unixOffset)}
}
