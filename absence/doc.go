// Package absence applies "bestellen is betalen" to the days a child is not
// there: a reserved day is paid unless the absence is justified.
//
// # Justified absence days (respijtdagen)
//
// A family has at least 18 justified absence days a year for a full-time
// plan (the statute; an organiser may give more), used for any reason and
// never billed. ComputeEntitlement prorates them by the plan's full-time
// ratio (reserved days a week ÷ 5) and by the part of the year the plan runs
// — by months by default, by days as an option — and rounds them as the
// organiser chooses: down, up, nearest, up to a half day or not at all
// (Opgroeien: "Hoe je afrondt, bepaal je zelf"). 3 days a week over a full
// year is 10.8 before rounding. A policy below the statutory pro-rata,
// rounded down, is an error.
//
// A Ledger counts the days used in a calendar year; each Movement names its
// date and rule. It never goes negative, goes on across a change of
// caregiver within the organiser and starts fresh for a child from another
// organiser (Ledger.Transfer). Months chain: the ledger at the end of one
// month is the input of the next.
//
// # Classifying reserved days
//
// Process classifies every reserved day of a period: present; closed (the
// organiser's closing day, free); hospital (with an admission certificate,
// free); justified (uses days by duration — half a day absent on a full day
// uses 0.5); unjustified (beyond the justified days: the policy's share of
// the tariff, seed 004 the full tariff, never above the year's maximum); or
// partly present (the child sent home ill pays the attended band and the
// rest is an absence).
//
// # Telling the organiser in time
//
// Every absence is checked against the house rules (seed 004 §3.4.2): a
// planned absence of one or a few days 2 days ahead, of a week or longer 4
// weeks ahead, a sudden one before the agreed start time. NoticeRules.Deadline
// gives the last in-time moment; exactly at it is in time. Leads count
// calendar days by default, working days as an option. An absence is "a
// week or longer" by its own days and the unreserved weekend next to them
// (LengthAcrossWeekend): Monday to Friday is a week, one reserved day is a
// day whatever lies around it; LengthAcrossUnreserved and LengthCalendar
// are the other measures. An absence reported late, or never, costs 25 % of
// the tariff with the minimum contribution as floor per reserved day, on top
// of the day itself (Policy.CapDayAtMaximum caps the two together at the
// maximum tariff). A sudden absence is judged at its first reserved day;
// with SuddenEachDay each reserved day has its own deadline, its agreed
// start time, and NoticeCheck.LateThrough names the last day reported late.
//
// Policy holds these house rules as data; Seed004Policy returns those of the
// Zorg Leuven family daycare service. Every outcome names its rule and
// source; input errors are plan.Problems, all at once.
//
// # Sources
//
// Each rule names its source in a comment above the code and in the Rule of
// its result:
//
//   - House rules (huishoudelijk reglement) of the family daycare service of
//     Zorg Leuven (seed 004): §3.4.2 justified absence days, closing days
//     not paid, a hospital stay with an admission certificate, the notice
//     leads ("2 dagen op voorhand", "een afwezigheid van een week of langer
//     [...] 4 weken op voorhand", a sudden absence "voor het afgesproken
//     beginuur") and the 25 % fee with the minimum contribution as floor;
//     §2.4 a child sent home ill; §6.2.1 care ends on the notice's last day.
//   - Opgroeien's FAQ for organisers, "Hoe ga ik om met gerechtvaardigde
//     afwezigheden of respijtdagen?": at least 18 days a year for full
//     time, prorated "in verhouding tot het aantal dagen dat een kind is
//     ingeschreven", rounding left to the organiser ("Hoe je afrondt,
//     bepaal je zelf"), and a charge for an absence that "mag nooit hoger
//     zijn dan het wettelijk vastgelegde maximumtarief".
//   - Opgroeien's model house rules and written agreement for babies and
//     toddlers: the justified absence days and the family's notice.
package absence
