// Package plan holds the ground every other package of regels stands on:
// civil dates, the organiser's calendar, care sessions and the care plan
// (opvangplan) with its rules.
//
// # Dates and terms
//
// Date is a civil date with no time zone (the zero Date means "no date"),
// Month a calendar month, Period an inclusive range of days. Terms in months
// follow the Belgian rule "van de zoveelste tot de dag vóór de zoveelste":
// TermEnd(10 March, 2) is 9 May. When the target month has no corresponding
// day the term ends on that month's last day (see TermEnd). AddMonths and
// MonthsOld give ages (3.5 years = 42 months, 6, 9, 12, 14; see
// MilestonesOf) and AfterSchoolEnd the 31 August of the year a child turns
// 12.
//
// # Instants and sessions
//
// A Session is a check-in and a check-out instant. Instants become civil
// dates in one place, a *time.Location that is Europe/Brussels (Brussels)
// unless the caller passes another; the package embeds the time-zone
// database so this works on machines without one. Session.Split cuts a
// session at each midnight in real elapsed time, so the 23- and 25-hour days
// of the daylight-saving switch come out right. ValidateSessions finds
// overlapping sessions of one child.
//
// # Calendar
//
// A Calendar is the organiser's closing days (sluitingsdagen): the Belgian
// public holidays (from github.com/rickar/cal/v2/be) unless it opts out of
// some or all, plus its own Closures, each with a reason. IsClosed and
// ClosedDays say whether and why a day is closed. CheckAnnouncement and
// CheckAnnouncements apply the announcement rules of the house rules (yearly
// overview by the end of January; an extra closure 2 days ahead, 4 weeks
// when it lasts a week or more) and name the rule a late announcement
// breaks.
//
// # Care plan
//
// A Plan has a kind (regular, temporary, after-school, holiday care), a
// start, an expected end, settling-in days, a weekly Schedule of Slots (one
// week, or weeks A and B alternating for co-parenting), Overrides for single
// dates and Exclusions such as school holidays. ReservedDays lists the days
// reserved in any period after closing days; Days also returns the reserved
// days on which the organiser is closed, which are never billed.
// FullTimeRatio is reserved days per week ÷ 5, the basis for prorating
// justified absence days.
//
// # Rules and errors
//
// Plan.Validate, ValidateChange, ValidateSessions and Calendar.Validate
// return every problem at once as Problems. Each Problem has a stable Code
// (usable with errors.Is), the Field and Date it concerns, an English
// message and, when a rule was broken, the Rule with its Source. Results of
// rule decisions (AnnouncementCheck, NoticeResult) carry their Rule and an
// explanation too. House rules — the lead time of a plan change, the notice
// term, the announcement deadlines — are policy values; the Seed004…
// functions return those of the Zorg Leuven house rules that ship as the
// reference example.
//
// All functions are pure: no clock, no I/O, no global state. Values are safe
// for concurrent use and every public type marshals to JSON and back
// exactly.
package plan
