package reservation

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
)

// This file holds the Dutch words and formats of the texts a family reads
// (see "Languages" in the package documentation). The English texts use
// the values' own String methods (ISO dates, "5.00").

// WeekdayNL returns the Dutch name of a day of the week ("maandag"), as the
// portal's week calendar shows it; "" for a value outside Sunday–Saturday.
func WeekdayNL(w time.Weekday) string {
	switch w {
	case time.Monday:
		return "maandag"
	case time.Tuesday:
		return "dinsdag"
	case time.Wednesday:
		return "woensdag"
	case time.Thursday:
		return "donderdag"
	case time.Friday:
		return "vrijdag"
	case time.Saturday:
		return "zaterdag"
	case time.Sunday:
		return "zondag"
	}
	return ""
}

// DateNL formats a day as a family reads it: "maandag 12/10/2026" (the
// after-school portal manual (seed 000) writes dates as 31/08 and
// 01/01/2024); "" for the zero Date.
func DateNL(d plan.Date) string {
	if d.IsZero() {
		return ""
	}
	return WeekdayNL(d.Weekday()) + " " + dayNL(d)
}

// dayNL formats a day without its weekday: "12/10/2026".
func dayNL(d plan.Date) string {
	y, m, dd := d.Civil()
	b := make([]byte, 0, 10)
	b = append2(b, dd)
	b = append(b, '/')
	b = append2(b, int(m))
	b = append(b, '/')
	b = strconv.AppendInt(b, int64(y), 10)
	return string(b)
}

// instantNL formats an instant in loc as "zondag 11/10/2026 om 15:30".
func instantNL(t time.Time, loc *time.Location) string {
	t = t.In(loc)
	return DateNL(plan.DateOf(t)) + " om " + t.Format("15:04")
}

// instantEN formats an instant in loc as "2026-10-11 15:30".
func instantEN(t time.Time, loc *time.Location) string {
	t = t.In(loc)
	return t.Format("2006-01-02 15:04")
}

// sentenceNL starts a Dutch sentence with a capital: moment names are
// lower case ("naschools").
func sentenceNL(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

func append2(b []byte, n int) []byte {
	if n < 10 {
		b = append(b, '0')
	}
	return strconv.AppendInt(b, int64(n), 10)
}

// euroNL formats an amount as a family reads it: "€ 5,00".
func euroNL(m tariff.Money) string {
	return "€ " + strings.Replace(m.String(), ".", ",", 1)
}

// countingNL names a way of counting days in Dutch, singular or plural.
func countingNL(c plan.DayCounting, n int) string {
	switch {
	case c == plan.WorkingDays && n == 1:
		return "werkdag"
	case c == plan.WorkingDays:
		return "werkdagen"
	case n == 1:
		return "kalenderdag"
	}
	return "kalenderdagen"
}

// plural returns one when n is 1 and many otherwise.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
