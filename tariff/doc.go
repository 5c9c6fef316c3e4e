// Package tariff says what a day of care costs under the income-related
// tariff (inkomenstarief, IKT): the daily tariff and its attest, the day
// bands, and the statutory yearly amounts.
//
// # Day bands
//
// Care is measured per calendar day: the real elapsed minutes of all of a
// child's sessions that day (see plan.Session.Split), summed and truncated
// to whole minutes. The minutes pick a band of the band table:
//
//	band   baby/toddler    school-age      share of the tariff
//	third  —               under 3h00      40 %
//	half   under 5h00      3h00 to 4h59    60 %
//	full   5h00 to 10h59   5h00 to 10h59   100 %
//	flex   11h00 or more   11h00 or more   160 % (flex locations only)
//
// The boundaries are those Opgroeien registers (exactly 3h00 is half for a
// school-age child, exactly 5h00 full, exactly 11h00 flex). The table is
// data with its source (StatutoryBands); a change of the statute is a new
// dated BandTable. Short after-school moments of the same day are summed
// (house rules Zorg Leuven §3.3, the default reading); an organiser with
// another reading prices days with its own DayPricer.
//
// A location without permission for flexible care registers at most a full
// day, counts only the minutes between 06:00 and 20:00 and reports the
// night minutes and the minutes past 11 hours apart, for the organiser to
// bill at its own free price (Classifier, DayCare). A Classifier or
// BandPricer without a table is an error, never a free day.
//
// A child is school-age (Child.GroupOn) from the day it goes to school full
// time or turns 3.5; a switch in mid-month prices the days before and after
// in their own group.
//
// # Prices and fees
//
// The price of a day is share × daily tariff, rounded to the cent half away
// from zero (Price, BandPricer). A Tariff is always positive with at most two
// decimals. PercentFee computes a percentage of the tariff with a floor and
// a cap — 25 % with the minimum contribution as floor, capped at the
// maximum tariff — for the absence and notice fees. Index applies the
// yearly health index; SocialHalf the social-welfare half tariff.
//
// # Attests and yearly amounts
//
// An Attest states a child's daily tariff, its kind and its validity.
// AttestBook decides which tariff applies on each day, including a change
// in mid-month and the gap between two attests: a new attest delivered
// within the grace period (25 days in the house rules Zorg Leuven) connects
// to the old end; later, the maximum tariff of the year applies in the gap.
// AttestStart, NewTariffStart and RecalculationTriggers give the dates the
// attest rules name. AttestBook.CheckAmounts reports an attest whose daily
// tariff lies below the lowest tariff or above the maximum tariff of a year
// it applies in.
//
// AmountTable holds the statutory yearly amounts — standard minimum,
// exceptional minimum, lowest and maximum tariff, reduction per dependent
// child — each with its own source and whether an official text confirms
// it (StatutoryAmounts). A year or kind that is not in the table is an
// error naming the amount and the year (CodeUnknownYear, field "amounts"),
// never an extrapolation. Supplying a new year is a data change: a table in
// JSON, laid over the statutory one with Merge:
//
//	[
//	  {"year": 2024, "kind": "maximum", "value": "34.64", "confirmed": true,
//	   "source": "VVSG, \"indexering inkomenstarief baby peuter\", 30-10-2023"},
//	  {"year": 2026, "kind": "maximum", "value": "…", "confirmed": false,
//	   "source": "…"}
//	]
//
// (the first entry is one of StatutoryAmounts; the second is the form of a
// year still to be supplied, with the value and the text it comes from).
//
// The kinds are "standard_minimum", "exceptional_minimum", "lowest",
// "maximum" and "reduction_per_child"; a value is a string with a point and
// at most two decimals. Validate reports every problem of a table.
//
// # Bounds
//
// Every value is checked against its bound; beyond it is an error, never a
// clamped or wrapped value:
//
//   - Tariff: 0.01 to 9,999.99 euro (MaxTariffCents), whole cents; NewTariff,
//     TariffCents, ParseTariff and UnmarshalText accept the same values, and
//     Index returns an error rather than a result outside them.
//   - Money: ±1,000,000,000,000 euro (MaxEuro), at most four decimals; Add,
//     Sub, Times and TimesInt report a result beyond it.
//   - A band's share and a fee's percentage: 0 to 10 (MaxShare).
//   - A health index: -1 to 1 (±100 %).
//   - A band threshold: 1 to 1,500 minutes (MaxBandMinutes: the longest
//     calendar day has 25 hours), strictly rising within a group.
//   - A yearly amount's year: 1 to 9999; each year and kind at most once.
//   - An attest book's grace period: 0 days or more.
//
// # Sources
//
// Each rule names its source in a comment above the code and in the Rule of
// its result:
//
//   - Opgroeien, Inhoudelijke en technische beschrijving van de registratie
//     van de aan- en afwezigheden (2025), p. 9, and the FO-SU-05.xsd buckets
//     min3u/min5u/min11u/min11uFlex: the band boundaries, the school-age
//     group, the 06:00–20:00 counting window and flexible care.
//   - House rules Zorg Leuven (seed 004, a Leuven family daycare service):
//     §3.1 recalculation, the new tariff's start and 25 days' grace; §3.3
//     the shares 40/60/100/160 % and short after-school moments summed per
//     day; §3.4.2 and §6.2.1 the 25 % fees with the minimum contribution as
//     floor.
//   - Kind en Gezin, indexation of the attest: every 1 January with the
//     health index, rounded to the cent; the social-welfare (OCMW) tariff,
//     half the computed tariff with the standard minimum as floor.
//   - Opgroeien FAQ for organisers: the maximum tariff between two attests,
//     and no charge for an absence above the statutory maximum tariff.
//   - The yearly amounts: VVSG, "indexering inkomenstarief baby peuter",
//     30-10-2023 (2024, health index +4 %); Kind en Gezin / Opgroeien
//     (2016–2018, 2023, 2024); municipal information pages quoting Kind en
//     Gezin (2018 maximum, 2022; not confirmed); 2025 not confirmed.
//
// Every result names its rule and source; errors are plan.Problem values
// with stable codes, and validation reports every problem at once. All
// functions are pure and safe for concurrent use.
package tariff
