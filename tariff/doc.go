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
// (seed 004 §3.3, the default reading); an organiser with another reading
// prices days with its own DayPricer.
//
// A location without permission for flexible care registers at most a full
// day, counts only the minutes between 06:00 and 20:00 and reports the
// night minutes and the minutes past 11 hours apart, for the organiser to
// bill at its own free price (Classifier, DayCare).
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
// within the grace period (25 days in seed 004) connects to the old end;
// later, the maximum tariff of the year applies in the gap. AttestStart,
// NewTariffStart and RecalculationTriggers give the dates the attest rules
// name.
//
// AmountTable holds the statutory standard minimum, lowest and maximum
// tariffs per year, each with its source and whether it is confirmed. A year
// that is not in the table is an error naming the year (CodeUnknownYear),
// never an extrapolation; callers pass their own table when a new year is
// published.
//
// Every result names its rule and source; errors are plan.Problem values
// with stable codes. All functions are pure and safe for concurrent use.
package tariff
