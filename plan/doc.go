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
// # Ranges
//
// Dates run from 0001-01-01 to 9999-12-31. A date a rule computes outside
// that range is never used as "no date": EvaluateNotice, ValidateChange,
// CheckAnnouncement and Plan.Validate report it as a Problem with
// CodeOutOfRange and the field it comes from. The plain date functions
// (AddMonths, TermEnd, MonthsOld, AfterSchoolEnd, EarliestChange,
// Calendar.DaysBefore) return the zero Date out of range; each has a
// checked twin (AddMonthsChecked, TermEndChecked, ...) that returns an error
// instead. Policy durations are bounded (notice terms 1–24 months, plan-change
// lead 0–12 and minimum run 0–24 months, temporary plans 1–60 months with at
// most 12 extensions, announcement leads 0–366 days; see the Max…
// constants for why), so a typing error is refused before it reaches a
// date computation.
//
// Validation and the calendar run in O(n log n) in the closures, overrides
// and sessions they check, so input of any size cannot stall them.
//
// All functions are pure: no clock, no I/O, no global state. Values are safe
// for concurrent use and every public type marshals to JSON and back
// exactly.
//
// # Sources
//
// The rules come from these texts; each rule's Source and the comment above
// its code cite the paragraph.
//   - House rules (huishoudelijk reglement) of the family daycare service of
//     Zorg Leuven (seed 004): §1.2.2 closing days and their announcement;
//     §3.1 the ages at which the tariff is recalculated; §3.4 the care plan,
//     temporary places and after-school plans; §3.4.2 closing days are not
//     paid; §3.4.3 changing the plan; §6.1 changes to the family's
//     disadvantage; §6.2.1 and §6.2.2 notice by the family and by the
//     organiser.
//   - The manual of an after-school organiser's parent portal (seed 000):
//     after-school care stops on 31 August of the year the child turns 12.
//   - Opgroeien's model written agreement (schriftelijke overeenkomst) and
//     model house rules, for babies and toddlers and for school-age
//     children: a notice term "redelijk en gelijkwaardig voor beide
//     partijen", a notice fee that binds both parties, leaving without fee
//     within two months of a detrimental change.
//   - Opgroeien's FAQ for organisers: justified absence days prorated to the
//     days a child is enrolled (FullTimeRatio).
//   - The Belgian Judicial Code (Gerechtelijk Wetboek) art. 54: a term in
//     months runs from the nth to the day before the nth (TermEnd).
//   - The ten Belgian public holidays (Act of 4 January 1974 on public
//     holidays and its Royal Decree of 18 April 1974), as computed by
//     github.com/rickar/cal/v2/be.
//   - The Gregorian calendar (proleptic, as in ISO 8601 and Go's time
//     package) for civil dates, and the IANA time-zone database's
//     Europe/Brussels for instants.
package plan
